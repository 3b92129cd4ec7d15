/** German messages; the type makes a missing or extra key a compile error. */
import type { Catalogue } from './en';

export const de: Catalogue = {
  'tab.domains': 'Domains',
  'tab.status': 'Serverstatus',

  'state.inSync': 'Synchron',
  'state.pending': 'Ausstehend',
  'state.attention': 'Handlungsbedarf',

  'api.action.domains': 'Das Laden der Domains',
  'api.action.domain': 'Das Laden der Domain',
  'api.action.routes': 'Das Ändern der Zustellung',
  'api.action.nextHop': 'Das Speichern des Next Hop',
  'api.action.status': 'Das Laden des Serverstatus',
  'api.action.apply': 'Das erneute Anwenden der Transport-Map',
  'api.action.server': 'Das Laden von Namen und Adressen dieses Servers',
  'api.failure.network': '{action} ist fehlgeschlagen: Der Server ist nicht erreichbar ({reason}).',
  'api.failure.http':
    '{action} ist fehlgeschlagen: Der Server antwortete mit HTTP-Status {status}.',
  'api.failure.invalidJson':
    '{action} ist fehlgeschlagen: Die Antwort des Servers ist kein gültiges JSON.',
  'api.failure.unexpected':
    '{action} ist fehlgeschlagen: Die Antwort des Servers enthält keine Daten.',
  'api.failure.noMessage': '{action} ist fehlgeschlagen: Der Server meldete „{code}“.',

  'domains.column.name': 'Domain',
  'domains.column.nextHop': 'Next Hop',
  'domains.column.routed': 'Bei Microsoft 365',
  'domains.column.state': 'Zustand',
  'domains.routedOfTotal': '{routed} von {total}',
  'domains.nextHopNotSet': 'Nicht festgelegt',
  'domains.loading': 'Die Domains werden geladen…',
  'domains.searchPlaceholder': 'Domains suchen',
  'domains.empty': 'Keine der Domains, die Sie verwalten dürfen, hat E-Mail-Konten.',
  'domains.noMatch': 'Keine Domain passt zu „{search}“.',

  'domain.back': 'Alle Domains',
  'domain.loading': 'Die Domain wird geladen…',
  'domain.tab.accounts': 'E-Mail-Konten',
  'domain.tab.microsoft': 'Seite von Microsoft 365',

  'nextHop.title': 'Next Hop bei Microsoft 365',
  'nextHop.current': 'E-Mail für Konten bei Microsoft 365 geht an {host}.',
  'nextHop.notSet':
    'Kein Next Hop festgelegt: E-Mail für Konten bei Microsoft 365 bleibt auf diesem Server, '
    + 'bis einer gespeichert ist.',
  'nextHop.fieldLabel': 'MX-Wert aus dem Microsoft 365 Admin Center',
  'nextHop.whereToFind':
    'Microsoft 365 Admin Center → Einstellungen → Domänen → die Domain → DNS-Einträge → '
    + 'MX-Eintrag: „Verweist auf Adresse oder Wert“. Fügen Sie ihn wie angezeigt ein; Priorität, '
    + 'Großbuchstaben und der Punkt am Ende werden beim Speichern entfernt.',
  'nextHop.placeholder': 'example-com.mail.protection.outlook.com',
  'nextHop.guess':
    'Vorschlag: {host}. Das ist nur aus dem Domainnamen geraten; Microsoft ändert den Namen '
    + 'oft, vergleichen Sie ihn daher mit dem Admin Center.',
  'nextHop.useGuess': 'Vorschlag übernehmen',
  'nextHop.save': 'Next Hop speichern',
  'nextHop.saving': 'Der Next Hop wird gespeichert und geprüft…',
  'nextHop.saved': 'Gespeichert: E-Mail für Konten bei Microsoft 365 geht an {host}.',
  'nextHop.resolves.yes': 'Auflösbar: ja',
  'nextHop.resolves.no': 'Auflösbar: nein',
  'nextHop.resolves.unknown': 'Auflösbar: nicht prüfbar',

  'accounts.title': 'E-Mail-Konten',
  'accounts.column.address': 'Adresse',
  'accounts.column.kind': 'Art',
  'accounts.column.hosted': 'Zustellung',
  'accounts.column.notes': 'Hinweise',
  'accounts.hostedSwitch': 'Bei Microsoft 365 gehostet',
  'accounts.kind.mailbox': 'Postfach',
  'accounts.kind.forwarding': 'Nur Weiterleitung',
  'accounts.kind.alias': 'Alias von {mailbox}',
  'accounts.aliasWhy':
    'Aliasse lassen sich nicht einzeln umschalten: E-Mail an einen Alias geht an sein Postfach, '
    + 'wo immer dieses gehostet ist.',
  'accounts.bulkGroup': 'Ausgewählte Konten',
  'accounts.routeSelected': 'Bei Microsoft 365 hosten',
  'accounts.unrouteSelected': 'Auf diesem Server zustellen',
  'accounts.filter.all': 'Alle',
  'accounts.filter.routed': 'Bei Microsoft 365',
  'accounts.filter.local': 'Auf diesem Server',
  'accounts.applying': 'Wird angewendet…',
  'accounts.nowRouted': 'Jetzt bei Microsoft 365 gehostet.',
  'accounts.nowLocal': 'Jetzt auf diesem Server zugestellt.',
  'accounts.summary.allChanged': 'Auf {changed} Konto/Konten angewendet.',
  'accounts.summary.someRefused':
    'Auf {changed} Konto/Konten angewendet; {refused} abgelehnt: Der Grund steht jeweils daneben.',
  'accounts.empty': 'Diese Domain hat keine E-Mail-Konten.',
  'accounts.noneInFilter': 'Kein Konto dieser Domain passt zum Filter.',

  'microsoft.loading': 'Name und Adressen dieses Servers werden geladen…',
  'microsoft.intro':
    'Damit Postfächer von {domain} zu Microsoft 365 geleitet werden können, braucht es drei '
    + 'Einstellungen auf der Seite von Microsoft. Führen Sie die Zeilen in Exchange Online '
    + 'PowerShell aus oder stellen Sie dasselbe im Exchange Admin Center ein.',
  'microsoft.inbound.title': '1. Eingangsconnector von diesem Server, mit Enhanced Filtering',
  'microsoft.inbound.why':
    'Exchange Online prüft SPF gegen die Adresse, die die E-Mail übergibt. Ein '
    + 'Eingangsconnector, der diesen Server nennt ({hostname}: {addresses}), mit Enhanced '
    + 'Filtering lässt es stattdessen den ursprünglichen Absender prüfen. Der Connector erkennt '
    + 'nur die E-Mail dieses Servers; E-Mail anderer Absender schränkt er nicht ein.',
  'microsoft.inbound.privateLeftOut':
    'Nicht in -SenderIPAddresses und -EFSkipIPs: {addresses}. Das sind private Adressen, von '
    + 'denen Microsoft nie E-Mail ankommen sieht.',
  'microsoft.inbound.ipv6LeftOut':
    'Nicht in -SenderIPAddresses: {addresses}. Der Connector nimmt nur IPv4-Adressen; E-Mail, '
    + 'die dieser Server über IPv6 übergibt, erkennt er nicht.',
  'microsoft.inbound.noPublic':
    'Dieser Server hat keine öffentliche IPv4-Adresse ({addresses}), daher gibt es für diesen '
    + 'Schritt keine Zeilen: Von privaten Adressen sieht Microsoft nie E-Mail ankommen, und der '
    + 'Connector nimmt nur IPv4-Adressen. Legen Sie den Connector mit der öffentlichen '
    + 'IPv4-Adresse an, von der die E-Mail dieses Servers bei Microsoft ankommt, zum Beispiel '
    + 'der seines NAT-Routers.',
  'microsoft.relay.title': '2. Interne Weiterleitung und ein Ausgangsconnector zu diesem Server',
  'microsoft.relay.why':
    'Nötig, wenn Benutzer bei Microsoft 365 die Plesk-Benutzer von {domain} erreichen müssen: '
    + 'Die akzeptierte Domain wird „Internal relay“, und E-Mail an Adressen, die Microsoft nicht '
    + 'kennt, kommt zu diesem Server zurück, statt mit „550 5.4.1 Access denied“ abgewiesen zu '
    + 'werden.',
  'microsoft.relay.loopWarning':
    'Hosten Sie nur Adressen bei Microsoft 365, die dort ein Postfach haben: E-Mail an eine '
    + 'umgeleitete Adresse ohne Postfach pendelt zwischen Microsoft und diesem Server.',
  'microsoft.spf.title': '3. SPF schließt Microsoft ein',
  'microsoft.spf.why':
    'Der SPF-Eintrag von {domain} muss {include} enthalten, neben den Einträgen dieses Servers. '
    + 'Ändern Sie ihn in den DNS-Einstellungen der Domain in Plesk, zum Beispiel:',
  'microsoft.copy': 'Kopieren',
  'microsoft.copied': 'Kopiert.',
  'microsoft.copyFailed':
    'Der Browser hat das Kopieren nicht erlaubt: Markieren und kopieren Sie die Zeilen selbst.',

  'status.loading': 'Der Serverstatus wird geladen…',
  'status.forbidden': 'Nur der Plesk-Administrator kann den Serverstatus sehen.',
  'status.column.what': 'Eintrag',
  'status.column.value': 'Wert',
  'status.first': 'Unsere Map zuerst in transport_maps',
  'status.first.yes': 'Ja: Postfix fragt die Map dieser Erweiterung zuerst ab.',
  'status.first.no':
    'Nein: Postfix fragt diese Map nicht zuerst ab, umgeleitete E-Mail bleibt daher auf diesem '
    + 'Server. Wenden Sie sie erneut an.',
  'status.path': 'Map-Datei',
  'status.type': 'Datenbanktyp',
  'status.routes': 'Routen',
  'status.index': 'Index',
  'status.index.fresh': 'Aktuell',
  'status.index.stale': 'Älter als die Map',
  'status.index.missing': 'Fehlt',
  'status.sha256': 'SHA-256 der Map',
  'status.lastApply': 'Zuletzt angewendet',
  'status.lastApply.never': 'Noch nie angewendet',
  'status.lastApply.ok': 'Erfolgreich {at}: {message}',
  'status.lastApply.failed': 'Fehlgeschlagen {at}: {message}',
  'status.reapply': 'Jetzt erneut anwenden',
  'status.reapplying': 'Die Transport-Map wird erneut angewendet…',
  'status.reapplied': 'Die Transport-Map wurde erneut angewendet.',
};
