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

/** The addresses Enhanced Filtering will take, and those it refuses (private ones). */
export function enhancedFilteringAddresses(
  addresses: string[],
): { skip: string[]; left: string[] } {
  return {
    skip: addresses.filter((a) => !isPrivateAddress(a)),
    left: addresses.filter(isPrivateAddress),
  };
}

/** Inbound connector naming this server, then Enhanced Filtering that skips it. */
export function inboundConnectorCommands(server: ChecklistServer): string[] {
  const name = psQuote(inboundConnectorName(server));
  const { skip } = enhancedFilteringAddresses(server.addresses);
  const enhancedFiltering = skip.length > 0
    ? `Set-InboundConnector -Identity ${name} -EFSkipIPs ${psList(skip)}`
    : `Set-InboundConnector -Identity ${name} -EFSkipLastIP $true`;
  return [
    'Connect-ExchangeOnline',
    `New-InboundConnector -Name ${name} -ConnectorType Partner -SenderDomains '*'`
      + ` -SenderIPAddresses ${psList(server.addresses)}`
      + ' -RestrictDomainsToIPAddresses $true -RequireTls $true',
    enhancedFiltering,
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
