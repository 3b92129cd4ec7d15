/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakePanelServer, deferred, failure, success, type FakeAnswer } from '../support/fakePanelServer';
import { mapStatus } from '../support/fixtures';
import { renderApp } from '../support/renderApp';

let fake: FakePanelServer;

beforeEach(() => {
  fake = new FakePanelServer();
  fake.on('GET', 'domains', success({ items: [], total: 0 }));
  fake.install();
});

function valueOf(item: string): HTMLElement {
  return screen.getByText(item).closest('tr') as HTMLElement;
}

test('shows that the status is loading', async () => {
  const answer = deferred<FakeAnswer>();
  fake.on('GET', 'status', () => answer.promise);

  renderApp('#/status');

  expect(await screen.findByText('Loading the server status…')).toBeInTheDocument();
  answer.resolve(success(mapStatus));
  expect(await screen.findByText('/etc/postfix/m365-split-delivery/transport')).toBeInTheDocument();
});

test('shows every item of the map status in words and colour', async () => {
  fake.on('GET', 'status', success(mapStatus));

  renderApp('#/status');

  await screen.findByText('/etc/postfix/m365-split-delivery/transport');
  expect(within(valueOf('Our map first in transport_maps'))
    .getByText("Yes: Postfix looks up this extension's map first.").closest('.pul-status'))
    .toHaveClass('pul-status--success');
  expect(within(valueOf('Database type')).getByText('hash')).toBeInTheDocument();
  expect(within(valueOf('Routes')).getByText('2')).toBeInTheDocument();
  expect(within(valueOf('Index')).getByText('Up to date')).toBeInTheDocument();
  expect(within(valueOf('Last apply'))
    .getByText('Succeeded Dec 4, 2025, 3:49:00 PM UTC: map applied: 2 routes')).toBeInTheDocument();
});

test('a map that is not first, a stale index and a failed apply are shown as problems', async () => {
  fake.on('GET', 'status', success({
    ...mapStatus,
    first: false,
    index: 'stale',
    lastApply: { at: '2025-12-04T16:00:00Z', ok: false, message: 'postmap: fatal: open database' },
  }));

  renderApp('#/status');

  expect(await screen.findByText(
    'No: Postfix does not look up this map first, so routed mail stays on this server. '
    + 'Re-apply to fix it.',
  )).toBeInTheDocument();
  expect(screen.getByText('Older than the map').closest('.pul-status')).toHaveClass('pul-status--warning');
  expect(screen.getByText('Failed Dec 4, 2025, 4:00:00 PM UTC: postmap: fatal: open database')
    .closest('.pul-status')).toHaveClass('pul-status--danger');
});

test('a map never applied says so', async () => {
  fake.on('GET', 'status', success({ ...mapStatus, lastApply: null, index: 'missing' }));

  renderApp('#/status');

  expect(await screen.findByText('Never applied')).toBeInTheDocument();
  expect(screen.getByText('Missing')).toBeInTheDocument();
});

test('"Re-apply now" shows progress, then the new status', async () => {
  const answer = deferred<FakeAnswer>();
  fake.on('GET', 'status', success({ ...mapStatus, first: false }));
  fake.on('POST', 'apply', () => answer.promise);
  renderApp('#/status');
  await screen.findByText('/etc/postfix/m365-split-delivery/transport');

  await userEvent.click(screen.getByRole('button', { name: 'Re-apply now' }));

  expect(screen.getByText('Re-applying the transport map…')).toBeInTheDocument();
  answer.resolve(success(mapStatus));
  expect(await screen.findByText('The transport map was re-applied.')).toBeInTheDocument();
  expect(screen.getByText("Yes: Postfix looks up this extension's map first.")).toBeInTheDocument();
  expect(fake.requestsTo('POST', 'apply')).toHaveLength(1);
});

test('a failed re-apply shows the reason and keeps the status', async () => {
  fake.on('GET', 'status', success(mapStatus));
  fake.on('POST', 'apply', failure('apply-failed', 'The root helper failed: postmap exited with 1.', 500));
  renderApp('#/status');
  await screen.findByText('/etc/postfix/m365-split-delivery/transport');

  await userEvent.click(screen.getByRole('button', { name: 'Re-apply now' }));

  expect(await screen.findByText('The root helper failed: postmap exited with 1.')).toBeInTheDocument();
  expect(screen.getByText('Up to date')).toBeInTheDocument();
});

test("shows the server's message when the status cannot be read", async () => {
  fake.on('GET', 'status', failure('helper-failed', 'The root helper could not be run: permission denied.', 500));

  renderApp('#/status');

  expect(await screen.findByText('The root helper could not be run: permission denied.')).toBeInTheDocument();
});

test('a user who is not admin sees no status tab, and a notice at its address', async () => {
  fake.on('GET', 'status', failure('forbidden', 'Only administrators may do this.', 403));

  renderApp('#/status');

  expect(await screen.findByText('Only the Plesk administrator can see the server status.')).toBeInTheDocument();
  await waitFor(() => expect(screen.queryByRole('tab', { name: 'Server status' })).not.toBeInTheDocument());
  expect(screen.getByRole('tab', { name: 'Domains' })).toBeInTheDocument();
});
