/** English messages; `{name}` placeholders are filled in by Translate. */
export const en = {
  'tab.domains': 'Domains',
  'tab.status': 'Server status',

  'state.inSync': 'In sync',
  'state.pending': 'Pending',
  'state.attention': 'Needs attention',

  'api.action.domains': 'Loading the domains',
  'api.action.domain': 'Loading the domain',
  'api.action.routes': 'Changing where mail is delivered',
  'api.action.nextHop': 'Saving the next hop',
  'api.action.status': 'Loading the server status',
  'api.action.apply': 'Re-applying the transport map',
  'api.action.server': "Loading this server's name and addresses",
  'api.failure.network': '{action} failed: the server could not be reached ({reason}).',
  'api.failure.http': '{action} failed: the server answered with HTTP status {status}.',
  'api.failure.invalidJson': "{action} failed: the server's answer is not valid JSON.",
  'api.failure.unexpected': "{action} failed: the server's answer has no data.",
  'api.failure.noMessage': '{action} failed: the server reported "{code}".',

  'domains.column.name': 'Domain',
  'domains.column.nextHop': 'Next hop',
  'domains.column.routed': 'Hosted at Microsoft 365',
  'domains.column.state': 'State',
  'domains.routedOfTotal': '{routed} of {total}',
  'domains.nextHopNotSet': 'Not set',
  'domains.loading': 'Loading the domains…',
  'domains.searchPlaceholder': 'Search domains',
  'domains.empty': 'None of the domains you may manage has mail accounts.',
  'domains.noMatch': 'No domain matches "{search}".',

  'domain.back': 'All domains',
  'domain.loading': 'Loading the domain…',
  'domain.tab.accounts': 'Mail accounts',
  'domain.tab.microsoft': 'Microsoft 365 side',

  'nextHop.title': 'Next hop at Microsoft 365',
  'nextHop.current': 'Mail hosted at Microsoft 365 goes to {host}.',
  'nextHop.notSet':
    'No next hop is set: mail for accounts hosted at Microsoft 365 stays on this server '
    + 'until one is saved.',
  'nextHop.fieldLabel': 'MX value from the Microsoft 365 admin center',
  'nextHop.whereToFind':
    'Microsoft 365 admin center → Settings → Domains → the domain → DNS records → MX record: '
    + '"Points to address or value". Paste it as shown; the priority, capitals and the final '
    + 'dot are removed when it is saved.',
  'nextHop.placeholder': 'example-com.mail.protection.outlook.com',
  'nextHop.guess':
    'Suggestion: {host}. This is only a guess from the domain name; Microsoft often changes '
    + 'the name, so compare it with the admin center.',
  'nextHop.useGuess': 'Use suggestion',
  'nextHop.save': 'Save next hop',
  'nextHop.saving': 'Saving and checking the next hop…',
  'nextHop.saved': 'Saved: mail hosted at Microsoft 365 goes to {host}.',
  'nextHop.resolves.yes': 'Resolves: yes',
  'nextHop.resolves.no': 'Resolves: no',
  'nextHop.resolves.unknown': 'Resolves: could not check',

  'accounts.title': 'Mail accounts',
  'accounts.column.address': 'Address',
  'accounts.column.kind': 'Kind',
  'accounts.column.hosted': 'Delivery',
  'accounts.column.notes': 'Notes',
  'accounts.hostedSwitch': 'Hosted at Microsoft 365',
  'accounts.kind.mailbox': 'Mailbox',
  'accounts.kind.forwarding': 'Forwarding only',
  'accounts.kind.alias': 'Alias of {mailbox}',
  'accounts.aliasWhy':
    'Aliases cannot be switched on their own: mail to an alias is delivered to its mailbox, '
    + 'wherever the mailbox is hosted.',
  'accounts.bulkGroup': 'Selected accounts',
  'accounts.routeSelected': 'Host at Microsoft 365',
  'accounts.unrouteSelected': 'Deliver on this server',
  'accounts.filter.all': 'All',
  'accounts.filter.routed': 'Hosted at Microsoft 365',
  'accounts.filter.local': 'On this server',
  'accounts.applying': 'Applying…',
  'accounts.nowRouted': 'Now hosted at Microsoft 365.',
  'accounts.nowLocal': 'Now delivered on this server.',
  'accounts.summary.allChanged': 'Applied to {changed} account(s).',
  'accounts.summary.someRefused':
    'Applied to {changed} account(s); {refused} refused: see the reason beside each.',
  'accounts.empty': 'This domain has no mail accounts.',
  'accounts.noneInFilter': 'No account of this domain matches the filter.',

  'microsoft.loading': "Loading this server's name and addresses…",
  'microsoft.intro':
    'Routing mailboxes of {domain} to Microsoft 365 needs three settings on the Microsoft side. '
    + 'Run the lines in Exchange Online PowerShell, or set the same in the Exchange admin center.',
  'microsoft.inbound.title': '1. Inbound connector from this server, with Enhanced Filtering',
  'microsoft.inbound.why':
    "Exchange Online judges SPF against the address that hands mail over. An inbound connector "
    + 'naming this server ({hostname}: {addresses}) with Enhanced Filtering makes it look at '
    + 'the original sender instead. The connector only recognises the mail of this server; it '
    + 'does not restrict mail from any other sender.',
  'microsoft.inbound.privateLeftOut':
    'Left out of -SenderIPAddresses and -EFSkipIPs: {addresses}. These are private addresses, '
    + 'and Microsoft never sees mail come from them.',
  'microsoft.inbound.ipv6LeftOut':
    'Left out of -SenderIPAddresses: {addresses}. The connector takes only IPv4 addresses, so '
    + 'it does not recognise mail this server hands over by IPv6.',
  'microsoft.inbound.noPublic':
    'This server has no public IPv4 address ({addresses}), so there are no lines for this '
    + 'step: Microsoft never sees mail come from a private address, and the connector takes '
    + 'only IPv4 addresses. Create the connector with the public IPv4 address from which the '
    + 'mail of this server reaches Microsoft, for example that of its NAT router.',
  'microsoft.relay.title': '2. Internal relay and an outbound connector back to this server',
  'microsoft.relay.why':
    'Needed where Microsoft 365 users must reach the Plesk users of {domain}: the accepted '
    + 'domain becomes "Internal relay", and mail for addresses unknown at Microsoft comes back '
    + 'to this server instead of bouncing with "550 5.4.1 Access denied".',
  'microsoft.relay.loopWarning':
    'Host only addresses at Microsoft 365 that have a mailbox there: mail for a routed address '
    + 'without one goes back and forth between Microsoft and this server.',
  'microsoft.spf.title': '3. SPF includes Microsoft',
  'microsoft.spf.why':
    "The SPF record of {domain} must contain {include}, next to this server's own entries. "
    + "Change it in Plesk's DNS settings of the domain, for example:",
  'microsoft.copy': 'Copy',
  'microsoft.copied': 'Copied.',
  'microsoft.copyFailed': 'The browser did not allow copying: select the lines and copy them.',

  'status.loading': 'Loading the server status…',
  'status.forbidden': 'Only the Plesk administrator can see the server status.',
  'status.column.what': 'Item',
  'status.column.value': 'Value',
  'status.first': 'Our map first in transport_maps',
  'status.first.yes': "Yes: Postfix looks up this extension's map first.",
  'status.first.no':
    'No: Postfix does not look up this map first, so routed mail stays on this server. '
    + 'Re-apply to fix it.',
  'status.path': 'Map file',
  'status.type': 'Database type',
  'status.routes': 'Routes',
  'status.index': 'Index',
  'status.index.fresh': 'Up to date',
  'status.index.stale': 'Older than the map',
  'status.index.missing': 'Missing',
  'status.sha256': 'SHA-256 of the map',
  'status.lastApply': 'Last apply',
  'status.lastApply.never': 'Never applied',
  'status.lastApply.ok': 'Succeeded {at}: {message}',
  'status.lastApply.failed': 'Failed {at}: {message}',
  'status.reapply': 'Re-apply now',
  'status.reapplying': 'Re-applying the transport map…',
  'status.reapplied': 'The transport map was re-applied.',
} as const;

export type MessageKey = keyof typeof en;

/** A catalogue must have every key: TypeScript refuses one that misses any. */
export type Catalogue = Record<MessageKey, string>;
