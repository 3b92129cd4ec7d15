/** @jest-environment jsdom */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakePanelServer, deferred, failure, success, type FakeAnswer } from '../support/fakePanelServer';
import { exampleComDetail, exampleOrgDetail, mapStatus } from '../support/fixtures';
import { renderApp } from '../support/renderApp';

const FIELD = 'MX value from the Microsoft 365 admin center';

let fake: FakePanelServer;

beforeEach(() => {
  fake = new FakePanelServer();
  fake.on('GET', 'status', success(mapStatus));
  fake.on('GET', 'domain', (request) =>
    success(request.query.get('id') === '2' ? exampleOrgDetail() : exampleComDetail()));
  fake.install();
});

test('shows the saved next hop, whether it resolves, and where to find the value', async () => {
  renderApp('#/domain/1');

  expect(await screen.findByText(
    'Mail hosted at Microsoft 365 goes to example-com.mail.protection.outlook.com.',
  )).toBeInTheDocument();
  expect(screen.getByText('Resolves: yes')).toHaveClass('pul-label__content');
  expect(screen.getByText(
    'Microsoft 365 admin center → Settings → Domains → the domain → DNS records → MX record: '
    + '"Points to address or value". Paste it as shown; the priority, capitals and the final '
    + 'dot are removed when it is saved.',
  )).toBeInTheDocument();
  expect(screen.getByLabelText(FIELD)).toHaveValue('example-com.mail.protection.outlook.com');
  // The guess equals the saved next hop: nothing to suggest.
  expect(screen.queryByRole('button', { name: 'Use suggestion' })).not.toBeInTheDocument();
});

test('a pasted MX value is saved as the normalised host the server returns', async () => {
  fake.on('POST', 'next-hop', success({
    nextHop: 'example-com.mail.protection.outlook.com',
    resolves: true,
  }));
  renderApp('#/domain/2');
  const field = await screen.findByLabelText(FIELD);

  await userEvent.click(field);
  await userEvent.paste('0 EXAMPLE-COM.mail.protection.outlook.com.');
  await userEvent.click(screen.getByRole('button', { name: 'Save next hop' }));

  expect(await screen.findByText(
    'Saved: mail hosted at Microsoft 365 goes to example-com.mail.protection.outlook.com.',
  )).toBeInTheDocument();
  expect(fake.requestsTo('POST', 'next-hop')[0]?.body).toEqual({
    domainId: 2,
    value: '0 EXAMPLE-COM.mail.protection.outlook.com.',
  });
  expect(screen.getByLabelText(FIELD)).toHaveValue('example-com.mail.protection.outlook.com');
  expect(screen.getAllByText('Resolves: yes').length).toBeGreaterThan(0);
});

test('a next hop that does not resolve says so', async () => {
  fake.on('POST', 'next-hop', success({ nextHop: 'contoso-com.mail.protection.outlook.com', resolves: false }));
  renderApp('#/domain/2');

  await userEvent.type(await screen.findByLabelText(FIELD), 'contoso-com.mail.protection.outlook.com');
  await userEvent.click(screen.getByRole('button', { name: 'Save next hop' }));

  expect(await screen.findByText('Resolves: no')).toHaveClass('pul-label__content');
});

test('without a next hop it warns, and the guess only fills the field', async () => {
  renderApp('#/domain/2');

  expect(await screen.findByText(
    'No next hop is set: mail for accounts hosted at Microsoft 365 stays on this server until '
    + 'one is saved.',
  )).toBeInTheDocument();
  expect(screen.getByText(
    'Suggestion: example-org.mail.protection.outlook.com. This is only a guess from the domain '
    + 'name; Microsoft often changes the name, so compare it with the admin center.',
  )).toBeInTheDocument();
  expect(screen.getByLabelText(FIELD)).toHaveValue('');

  await userEvent.click(screen.getByRole('button', { name: 'Use suggestion' }));

  expect(screen.getByLabelText(FIELD)).toHaveValue('example-org.mail.protection.outlook.com');
  expect(fake.requestsTo('POST', 'next-hop')).toHaveLength(0);
});

test('a refused value shows the server\'s reason at the field', async () => {
  fake.on('POST', 'next-hop', failure(
    'invalid-next-hop',
    'mx.example.com is not a Microsoft 365 host (*.mail.protection.outlook.com, *.mx.microsoft, …).',
    200,
    'value',
  ));
  renderApp('#/domain/2');

  await userEvent.type(await screen.findByLabelText(FIELD), 'mx.example.com');
  await userEvent.click(screen.getByRole('button', { name: 'Save next hop' }));

  expect(await screen.findByText(
    'mx.example.com is not a Microsoft 365 host (*.mail.protection.outlook.com, *.mx.microsoft, …).',
  )).toBeInTheDocument();
  expect(screen.getByLabelText(FIELD)).toHaveValue('mx.example.com');
});

test('saving shows progress and asks for the domain again for its new state', async () => {
  const answer = deferred<FakeAnswer>();
  fake.on('POST', 'next-hop', () => answer.promise);
  renderApp('#/domain/2');

  await userEvent.type(await screen.findByLabelText(FIELD), 'example-org.mail.protection.outlook.com');
  await userEvent.click(screen.getByRole('button', { name: 'Save next hop' }));

  expect(await screen.findByText('Saving and checking the next hop…')).toBeInTheDocument();
  answer.resolve(success({ nextHop: 'example-org.mail.protection.outlook.com', resolves: null }));
  expect(await screen.findByText(
    'Saved: mail hosted at Microsoft 365 goes to example-org.mail.protection.outlook.com.',
  )).toBeInTheDocument();
  expect(screen.getAllByText('Resolves: could not check').length).toBeGreaterThan(0);
  await waitFor(() => expect(fake.requestsTo('GET', 'domain')).toHaveLength(2));
});
