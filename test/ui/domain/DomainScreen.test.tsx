/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakePanelServer, deferred, failure, success, type FakeAnswer } from '../support/fakePanelServer';
import { exampleComDetail, exampleOrgDetail, mapStatus } from '../support/fixtures';
import { renderApp } from '../support/renderApp';

let fake: FakePanelServer;

beforeEach(() => {
  fake = new FakePanelServer();
  fake.on('GET', 'status', success(mapStatus));
  fake.on('GET', 'domain', (request) =>
    success(request.query.get('id') === '2' ? exampleOrgDetail() : exampleComDetail()));
  fake.install();
});

function rowOf(address: string): HTMLElement {
  return screen.getByText(address).closest('tr') as HTMLElement;
}

function switchOf(address: string): HTMLElement {
  return within(rowOf(address)).getByRole('checkbox', { name: 'Hosted at Microsoft 365' });
}

function selectionBoxOf(address: string): HTMLElement {
  const boxes = within(rowOf(address)).getAllByRole('checkbox');
  return boxes[0] as HTMLElement;
}

test('shows that the domain is loading, then its accounts', async () => {
  const answer = deferred<FakeAnswer>();
  fake.on('GET', 'domain', () => answer.promise);

  renderApp('#/domain/1');

  expect(await screen.findByText('Loading the domain…')).toBeInTheDocument();
  answer.resolve(success(exampleComDetail()));
  expect(await screen.findByText('alice@example.com')).toBeInTheDocument();
  expect(fake.requestsTo('GET', 'domain')[0]?.query.toString()).toBe('id=1');
});

test("shows the server's message when the domain cannot be loaded", async () => {
  fake.on('GET', 'domain', failure('forbidden', 'You have no access to the domain with id 9.', 403));

  renderApp('#/domain/9');

  expect(await screen.findByText('You have no access to the domain with id 9.')).toBeInTheDocument();
});

const ALIAS_NOTE = 'Aliases cannot be switched on their own: mail to an alias is delivered to '
  + 'its mailbox, wherever the mailbox is hosted.';

const SALES_REFUSAL = 'sales@example.com is an alias of bob@example.com: aliases are rewritten '
  + 'before routing; route bob@example.com instead';

/** The addresses in the order shown (the first cell of a row holds its selection box). */
function addressColumn(): string[] {
  const rows = screen.getAllByRole('row').slice(1);
  return rows.map((row) => row.querySelector('td + td')?.textContent ?? '');
}

test('lists accounts with kind, switch state, aliases and warnings', async () => {
  renderApp('#/domain/1');
  await screen.findByText('alice@example.com');

  expect(within(rowOf('alice@example.com')).getByText('Mailbox')).toBeInTheDocument();
  expect(switchOf('alice@example.com')).not.toBeChecked();
  expect(switchOf('bob@example.com')).toBeChecked();
  expect(within(rowOf('bob@example.com')).queryByText(ALIAS_NOTE)).not.toBeInTheDocument();
  expect(within(rowOf('sales@example.com')).getByText('Alias of bob@example.com'))
    .toBeInTheDocument();
  expect(switchOf('sales@example.com')).not.toBeChecked();
  expect(within(rowOf('sales@example.com')).getByText(ALIAS_NOTE)).toHaveClass('pul-text--warning');
  expect(within(rowOf('info@example.com')).getByText('Forwarding only')).toBeInTheDocument();
  expect(within(rowOf('info@example.com')).getByText(
    'info@example.com has no mailbox (it only forwards): it cannot be routed.',
  )).toBeInTheDocument();
  expect(screen.getByText('In sync')).toBeInTheDocument();
});

test('an alias is a row of its own, right after its mailbox', async () => {
  renderApp('#/domain/1');
  await screen.findByText('alice@example.com');

  expect(addressColumn()).toEqual([
    'alice@example.com',
    'bob@example.com',
    'sales@example.com',
    'carol@example.com',
    'info@example.com',
  ]);
});

test('trying an alias shows the refusal beside it, and its switch stays off', async () => {
  fake.on('POST', 'routes', success({
    results: [
      {
        address: 'sales@example.com',
        routed: false,
        error: { code: 'not-routable', message: SALES_REFUSAL },
      },
    ],
    state: 'in-sync',
  }));
  renderApp('#/domain/1');
  await screen.findByText('alice@example.com');

  await userEvent.click(switchOf('sales@example.com'));

  expect(await within(rowOf('sales@example.com')).findByText(SALES_REFUSAL))
    .toHaveClass('pul-text--danger');
  expect(fake.requestsTo('POST', 'routes')[0]?.body).toEqual({
    domainId: 1,
    addresses: ['sales@example.com'],
    routed: true,
  });
  expect(switchOf('sales@example.com')).not.toBeChecked();
  expect(switchOf('bob@example.com')).toBeChecked();
  expect(screen.getByText('Applied to 0 account(s); 1 refused: see the reason beside each.'))
    .toBeInTheDocument();
});

test('says when a domain has no mail accounts', async () => {
  fake.on('GET', 'domain', success({ ...exampleOrgDetail(), accounts: [] }));

  renderApp('#/domain/2');

  expect(await screen.findByText('This domain has no mail accounts.')).toBeInTheDocument();
});

test('filters routed and local accounts', async () => {
  renderApp('#/domain/1');
  await screen.findByText('alice@example.com');

  await userEvent.click(screen.getByRole('button', { name: 'On this server' }));
  expect(addressColumn()).toEqual(['alice@example.com', 'info@example.com']);

  // An alias goes with its mailbox: its mail is delivered wherever the mailbox is.
  await userEvent.click(screen.getByRole('button', { name: 'Hosted at Microsoft 365' }));
  expect(addressColumn()).toEqual(['bob@example.com', 'sales@example.com', 'carol@example.com']);

  await userEvent.click(screen.getByRole('button', { name: 'All' }));
  expect(screen.getByText('alice@example.com')).toBeInTheDocument();
});

test('one switch shows progress while it applies, then the result', async () => {
  const answer = deferred<FakeAnswer>();
  fake.on('POST', 'routes', () => answer.promise);
  renderApp('#/domain/1');
  await screen.findByText('alice@example.com');

  await userEvent.click(switchOf('alice@example.com'));

  expect(within(rowOf('alice@example.com')).getByText('Applying…')).toBeInTheDocument();
  expect(fake.requestsTo('POST', 'routes')[0]?.body).toEqual({
    domainId: 1,
    addresses: ['alice@example.com'],
    routed: true,
  });
  answer.resolve(success({ results: [{ address: 'alice@example.com', routed: true }], state: 'pending' }));

  expect(await within(rowOf('alice@example.com')).findByText('Now hosted at Microsoft 365.')).toBeInTheDocument();
  expect(switchOf('alice@example.com')).toBeChecked();
  expect(screen.getByText('Pending')).toBeInTheDocument();
  expect(screen.getByText('Applied to 1 account(s).')).toBeInTheDocument();
});

test('a bulk change that partly fails shows what is really in force and why', async () => {
  fake.on('POST', 'routes', success({
    results: [
      { address: 'alice@example.com', routed: true },
      {
        address: 'info@example.com',
        routed: false,
        error: {
          code: 'not-routable',
          message: 'info@example.com has no mailbox (it only forwards): it cannot be routed.',
        },
      },
    ],
    state: 'attention',
  }));
  renderApp('#/domain/1');
  await screen.findByText('alice@example.com');

  await userEvent.click(selectionBoxOf('alice@example.com'));
  await userEvent.click(selectionBoxOf('info@example.com'));
  await userEvent.click(screen.getByRole('button', { name: 'Host at Microsoft 365' }));

  expect(await screen.findByText(
    'Applied to 1 account(s); 1 refused: see the reason beside each.',
  )).toBeInTheDocument();
  expect(fake.requestsTo('POST', 'routes')[0]?.body).toEqual({
    domainId: 1,
    addresses: ['alice@example.com', 'info@example.com'],
    routed: true,
  });
  expect(switchOf('alice@example.com')).toBeChecked();
  expect(within(rowOf('alice@example.com')).getByText('Now hosted at Microsoft 365.')).toBeInTheDocument();
  expect(switchOf('info@example.com')).not.toBeChecked();
  expect(within(rowOf('info@example.com')).getAllByText(
    'info@example.com has no mailbox (it only forwards): it cannot be routed.',
  )[0]).toHaveClass('pul-text--danger');
  expect(screen.getByText('Needs attention')).toBeInTheDocument();
});

test('a change that fails as a whole shows the error and asks again what is in force', async () => {
  fake.on('POST', 'routes', failure('apply-failed', 'The transport map could not be applied: postmap failed.', 500));
  renderApp('#/domain/1');
  await screen.findByText('alice@example.com');

  await userEvent.click(switchOf('carol@example.com'));

  expect(await within(rowOf('carol@example.com')).findByText(
    'The transport map could not be applied: postmap failed.',
  )).toBeInTheDocument();
  expect(switchOf('carol@example.com')).toBeChecked();
  await waitFor(() => expect(fake.requestsTo('GET', 'domain')).toHaveLength(2));
});

test('unroutes the selected accounts', async () => {
  fake.on('POST', 'routes', success({
    results: [
      { address: 'bob@example.com', routed: false },
      { address: 'carol@example.com', routed: false },
    ],
    state: 'in-sync',
  }));
  renderApp('#/domain/1');
  await screen.findByText('alice@example.com');

  await userEvent.click(selectionBoxOf('bob@example.com'));
  await userEvent.click(selectionBoxOf('carol@example.com'));
  await userEvent.click(screen.getByRole('button', { name: 'Deliver on this server' }));

  expect(await screen.findByText('Applied to 2 account(s).')).toBeInTheDocument();
  expect(switchOf('bob@example.com')).not.toBeChecked();
  expect(within(rowOf('carol@example.com')).getByText('Now delivered on this server.')).toBeInTheDocument();
});
