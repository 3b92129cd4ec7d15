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

test('gives the PowerShell lines filled in with the domain and this server', async () => {
  fake.on('GET', 'server', success(server));

  await openMicrosoftTab();

  expect(await screen.findByText('1. Inbound connector from this server, with Enhanced Filtering'))
    .toBeInTheDocument();
  expect(codeBlocks()).toEqual([
    [
      'Connect-ExchangeOnline',
      "New-InboundConnector -Name 'Plesk plesk.example.net' -ConnectorType Partner -SenderDomains '*'"
        + " -SenderIPAddresses '203.0.113.10','10.0.0.5','2001:db8::10','fe80::1'"
        + ' -RestrictDomainsToIPAddresses $true -RequireTls $true',
      "Set-InboundConnector -Identity 'Plesk plesk.example.net' -EFSkipIPs '203.0.113.10','2001:db8::10'",
    ].join('\n'),
    [
      'Connect-ExchangeOnline',
      "Set-AcceptedDomain -Identity 'example.com' -DomainType InternalRelay",
      "New-OutboundConnector -Name 'Plesk plesk.example.net for example.com' -ConnectorType OnPremises"
        + " -RecipientDomains 'example.com' -SmartHosts 'plesk.example.net' -UseMXRecord $false"
        + " -TlsSettings DomainValidation -TlsDomain 'plesk.example.net'",
    ].join('\n'),
    'v=spf1 +a +mx include:spf.protection.outlook.com ~all',
  ]);
  expect(screen.getByText(
    'Left out of -EFSkipIPs: 10.0.0.5, fe80::1. Enhanced Filtering does not accept private addresses.',
  )).toBeInTheDocument();
  expect(screen.getByText(
    "The SPF record of example.com must contain include:spf.protection.outlook.com, next to this "
    + "server's own entries. Change it in Plesk's DNS settings of the domain, for example:",
  )).toBeInTheDocument();
  expect(fake.requestsTo('GET', 'server')).toHaveLength(1);
});

test('with only private addresses it skips the last hop instead and says why', async () => {
  fake.on('GET', 'server', success({ hostname: 'plesk.lan', addresses: ['192.168.1.20'] }));

  await openMicrosoftTab();

  expect(await screen.findByText(
    'This server has only private addresses (192.168.1.20), which Enhanced Filtering does not '
    + 'accept: the lines use -EFSkipLastIP instead.',
  )).toBeInTheDocument();
  expect(codeBlocks()[0]).toContain("Set-InboundConnector -Identity 'Plesk plesk.lan' -EFSkipLastIP $true");
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
