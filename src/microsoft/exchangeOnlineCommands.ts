/** The Exchange Online PowerShell lines of the Microsoft-side checklist, for one domain. */
import { isPrivateAddress } from './isPrivateAddress';

export interface ChecklistServer {
  hostname: string;
  addresses: string[];
}

/** Microsoft's SPF include that every sending domain at Microsoft 365 needs. */
export const MICROSOFT_SPF_INCLUDE = 'include:spf.protection.outlook.com';

/** A PowerShell single-quoted string: nothing inside is expanded. */
export function psQuote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function psList(values: string[]): string {
  return values.map(psQuote).join(',');
}

export function inboundConnectorName(server: ChecklistServer): string {
  return `Plesk ${server.hostname}`;
}

/** Which of this server's addresses go into the inbound connector, and which are left out. */
export interface InboundConnectorAddresses {
  /** -SenderIPAddresses: public IPv4 only, as the cmdlet takes no IPv6 address. */
  sender: string[];
  /** -EFSkipIPs: every public address. */
  skip: string[];
  /** Private addresses: Microsoft never sees mail come from them, so both lists leave them out. */
  private: string[];
  /** Public IPv6 addresses, which -SenderIPAddresses does not take. */
  ipv6: string[];
}

export function inboundConnectorAddresses(addresses: string[]): InboundConnectorAddresses {
  const publicAddresses = addresses.filter((a) => !isPrivateAddress(a));
  const isIpv6 = (address: string) => address.includes(':');
  return {
    sender: publicAddresses.filter((a) => !isIpv6(a)),
    skip: publicAddresses,
    private: addresses.filter(isPrivateAddress),
    ipv6: publicAddresses.filter(isIpv6),
  };
}

/**
 * Inbound connector that recognises this server's mail by its public IPv4 addresses, then
 * Enhanced Filtering that skips them; no lines at all when it has no such address.
 */
export function inboundConnectorCommands(server: ChecklistServer): string[] {
  const { sender, skip } = inboundConnectorAddresses(server.addresses);
  // With -SenderDomains '*' the sender addresses are the only thing that scopes the connector
  // to this server. -RestrictDomainsToIPAddresses stays out: with '*' it would reject all mail
  // of the tenant that does not come from these addresses. -RequireTls stays out too: should
  // Exchange Online apply the connector more widely than these addresses, it would reject every
  // sender's mail without TLS.
  if (sender.length === 0) {
    return [];
  }
  const name = psQuote(inboundConnectorName(server));
  return [
    'Connect-ExchangeOnline',
    `New-InboundConnector -Name ${name} -ConnectorType Partner -SenderDomains '*'`
      + ` -SenderIPAddresses ${psList(sender)}`,
    `Set-InboundConnector -Identity ${name} -EFSkipIPs ${psList(skip)}`,
  ];
}

/** The domain as internal relay, and the outbound connector that hands its unknown users back. */
export function internalRelayCommands(domain: string, server: ChecklistServer): string[] {
  const host = psQuote(server.hostname);
  return [
    'Connect-ExchangeOnline',
    `Set-AcceptedDomain -Identity ${psQuote(domain)} -DomainType InternalRelay`,
    `New-OutboundConnector -Name ${psQuote(`Plesk ${server.hostname} for ${domain}`)}`
      + ` -ConnectorType OnPremises -RecipientDomains ${psQuote(domain)}`
      + ` -SmartHosts ${host} -UseMXRecord $false`
      + ` -TlsSettings DomainValidation -TlsDomain ${host}`,
  ];
}

/** An example SPF record with Microsoft's include, for the domain's DNS in Plesk. */
export function spfRecordExample(): string {
  return `v=spf1 +a +mx ${MICROSOFT_SPF_INCLUDE} ~all`;
}
