/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakePanelServer, failure, success } from '../support/fakePanelServer';
import { exampleComDetail, mapStatus, server } from '../support/fixtures';
import { renderApp } from '../support/renderApp';

let fake: FakePanelServer;

beforeEach(() => {
  fake = new FakePanelServer();
  fake.on('GET', 'status', success(mapStatus));
  fake.on('GET', 'domain', success(exampleComDetail()));
  fake.install();
});

async function openMicrosoftTab(): Promise<void> {
  renderApp('#/domain/1');
  await screen.findByText('alice@example.com');
  await userEvent.click(screen.getByRole('tab', { name: 'Microsoft 365 side' }));
}

function codeBlocks(): string[] {
  return Array.from(document.querySelectorAll('pre')).map((pre) => pre.textContent ?? '');
}

function pageText(): string {
  return document.body.textContent ?? '';
}

test('gives the PowerShell lines filled in with the domain and this server', async () => {
  fake.on('GET', 'server', success(server));

  await openMicrosoftTab();

  expect(await screen.findByText('1. Inbound connector from this server, with Enhanced Filtering'))
    .toBeInTheDocument();
  expect(codeBlocks()).toEqual([
    [
      'Connect-ExchangeOnline',
      "New-InboundConnector -Name 'Plesk plesk.example.net' -ConnectorType Partner"
        + " -SenderDomains '*' -SenderIPAddresses '203.0.113.10'",
      "Set-InboundConnector -Identity 'Plesk plesk.example.net'"
        + " -EFSkipIPs '203.0.113.10','2001:db8::10'",
    ].join('\n'),
    [
      'Connect-ExchangeOnline',
      "Set-AcceptedDomain -Identity 'example.com' -DomainType InternalRelay",
      "New-OutboundConnector -Name 'Plesk plesk.example.net for example.com'"
        + ' -ConnectorType OnPremises'
        + " -RecipientDomains 'example.com' -SmartHosts 'plesk.example.net' -UseMXRecord $false"
        + " -TlsSettings DomainValidation -TlsDomain 'plesk.example.net'",
    ].join('\n'),
    'v=spf1 +a +mx include:spf.protection.outlook.com ~all',
  ]);
  expect(screen.getByText(
    'Left out of -SenderIPAddresses and -EFSkipIPs: 10.0.0.5, fe80::1. These are private '
    + 'addresses, and Microsoft never sees mail come from them.',
  )).toBeInTheDocument();
  expect(screen.getByText(
    'Left out of -SenderIPAddresses: 2001:db8::10. The connector takes only IPv4 addresses, so it '
    + 'does not recognise mail this server hands over by IPv6.',
  )).toBeInTheDocument();
  expect(screen.getByText(
    "The SPF record of example.com must contain include:spf.protection.outlook.com, next to this "
    + "server's own entries. Change it in Plesk's DNS settings of the domain, for example:",
  )).toBeInTheDocument();
  expect(fake.requestsTo('GET', 'server')).toHaveLength(1);
});

test('says the connector only recognises this server and restricts no other sender', async () => {
  fake.on('GET', 'server', success(server));

  await openMicrosoftTab();

  expect(await screen.findByText(
    'Exchange Online judges SPF against the address that hands mail over. An inbound connector '
    + 'naming this server (plesk.example.net: 203.0.113.10, 10.0.0.5, 2001:db8::10, fe80::1) with '
    + 'Enhanced Filtering makes it look at the original sender instead. The connector only '
    + 'recognises the mail of this server; it does not restrict mail from any other sender.',
  )).toBeInTheDocument();
  // With -SenderDomains '*' this parameter would reject all mail of the tenant from elsewhere.
  expect(pageText()).not.toContain('RestrictDomainsToIPAddresses');
});

test('names only public addresses as senders, whatever private ranges the server has', async () => {
  fake.on('GET', 'server', success({
    hostname: 'mx.example.org',
    addresses: [
      '10.1.2.3', '198.51.100.7', '172.16.0.1', '192.168.1.1', '127.0.0.1', '169.254.1.1',
      '203.0.113.10', '::1', 'fe80::1', 'fd00::5', '2001:db8::25',
    ],
  }));

  await openMicrosoftTab();

  const privateLeftOut = await screen.findByText(/^Left out of -SenderIPAddresses and -EFSkipIPs/);
  expect(privateLeftOut).toHaveTextContent(
    'Left out of -SenderIPAddresses and -EFSkipIPs: 10.1.2.3, 172.16.0.1, 192.168.1.1, '
    + '127.0.0.1, 169.254.1.1, ::1, fe80::1, fd00::5. These are private addresses, and '
    + 'Microsoft never sees mail come from them.',
  );
  expect(codeBlocks()[0]).toBe([
    'Connect-ExchangeOnline',
    "New-InboundConnector -Name 'Plesk mx.example.org' -ConnectorType Partner -SenderDomains '*'"
      + " -SenderIPAddresses '198.51.100.7','203.0.113.10'",
    "Set-InboundConnector -Identity 'Plesk mx.example.org'"
      + " -EFSkipIPs '198.51.100.7','203.0.113.10','2001:db8::25'",
  ].join('\n'));
});

test('with only private addresses it gives no connector lines and says why', async () => {
  fake.on('GET', 'server', success({
    hostname: 'plesk.lan',
    addresses: ['192.168.1.20', 'fd00::5'],
  }));

  await openMicrosoftTab();

  expect(await screen.findByText(
    'This server has no public IPv4 address (192.168.1.20, fd00::5), so there are no lines for '
    + 'this step: Microsoft never sees mail come from a private address, and the connector takes '
    + 'only IPv4 addresses. Create the connector with the public IPv4 address from which the '
    + 'mail of this server reaches Microsoft, for example that of its NAT router.',
  )).toBeInTheDocument();
  expect(screen.queryByText(/^Left out of/)).not.toBeInTheDocument();
  expect(codeBlocks()).toHaveLength(2);
  expect(pageText()).not.toContain('New-InboundConnector');
  expect(pageText()).not.toContain('Set-InboundConnector');
  expect(codeBlocks()[0])
    .toContain("Set-AcceptedDomain -Identity 'example.com' -DomainType InternalRelay");
});

test('with a public IPv6 address but no public IPv4 one it gives no connector lines', async () => {
  // An empty -SenderIPAddresses would leave the connector on all inbound mail.
  fake.on('GET', 'server', success({
    hostname: 'v6.example.org',
    addresses: ['2001:db8::25', '10.0.0.5'],
  }));

  await openMicrosoftTab();

  expect(await screen.findByText(/^This server has no public IPv4 address/)).toHaveTextContent(
    'This server has no public IPv4 address (2001:db8::25, 10.0.0.5), so there are no lines for '
    + 'this step:',
  );
  expect(codeBlocks()).toHaveLength(2);
  expect(pageText()).not.toContain('New-InboundConnector');
});

test('a German user reads the same step in German', async () => {
  fake.on('GET', 'server', success({ hostname: 'plesk.lan', addresses: ['192.168.1.20'] }));

  renderApp('#/domain/1', 'de_DE');
  await screen.findByText('alice@example.com');
  await userEvent.click(screen.getByRole('tab', { name: 'Seite von Microsoft 365' }));

  expect(await screen.findByText(
    'Exchange Online prüft SPF gegen die Adresse, die die E-Mail übergibt. Ein Eingangsconnector, '
    + 'der diesen Server nennt (plesk.lan: 192.168.1.20), mit Enhanced Filtering lässt es '
    + 'stattdessen den ursprünglichen Absender prüfen. Der Connector erkennt nur die E-Mail dieses '
    + 'Servers; E-Mail anderer Absender schränkt er nicht ein.',
  )).toBeInTheDocument();
  expect(screen.getByText(
    'Dieser Server hat keine öffentliche IPv4-Adresse (192.168.1.20), daher gibt es für diesen '
    + 'Schritt keine Zeilen: Von privaten Adressen sieht Microsoft nie E-Mail ankommen, und der '
    + 'Connector nimmt nur IPv4-Adressen. Legen Sie den Connector mit der öffentlichen '
    + 'IPv4-Adresse an, von der die E-Mail dieses Servers bei Microsoft ankommt, zum Beispiel der '
    + 'seines NAT-Routers.',
  )).toBeInTheDocument();
});

test("shows the server's message when its addresses cannot be loaded", async () => {
  fake.on('GET', 'server', failure('internal', 'The server addresses could not be read.', 500));

  await openMicrosoftTab();

  expect(await screen.findByText('The server addresses could not be read.')).toBeInTheDocument();
});

test('copies the lines of a step', async () => {
  fake.on('GET', 'server', success(server));
  const writeText = jest.fn(async () => undefined);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });

  await openMicrosoftTab();
  const [firstCopy] = await screen.findAllByRole('button', { name: 'Copy' });
  await userEvent.click(firstCopy as HTMLElement);

  expect(await screen.findByText('Copied.')).toBeInTheDocument();
  expect(writeText).toHaveBeenCalledWith(codeBlocks()[0]);
});
