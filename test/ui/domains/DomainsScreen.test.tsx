/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakePanelServer, deferred, failure, success, type FakeAnswer } from '../support/fakePanelServer';
import { exampleCom, exampleNet, exampleOrg, mapStatus } from '../support/fixtures';
import { renderApp } from '../support/renderApp';

let fake: FakePanelServer;

beforeEach(() => {
  fake = new FakePanelServer();
  fake.on('GET', 'status', success(mapStatus));
  fake.install();
});

function domainQueries(): string[] {
  return fake.requestsTo('GET', 'domains').map((r) => r.query.toString());
}

test('shows that the domains are loading', async () => {
  const answer = deferred<FakeAnswer>();
  fake.on('GET', 'domains', () => answer.promise);

  renderApp('#/');

  expect(await screen.findByText('Loading the domains…')).toBeInTheDocument();
  answer.resolve(success({ items: [exampleCom], total: 1 }));
  expect(await screen.findByText('example.com')).toBeInTheDocument();
  expect(screen.queryByText('Loading the domains…')).not.toBeInTheDocument();
});

test('lists each domain with next hop, routed of total and state in words and colour', async () => {
  fake.on('GET', 'domains', success({ items: [exampleCom, exampleOrg, exampleNet], total: 3 }));

  renderApp('#/');

  const row = (name: string) => screen.getByRole('link', { name }).closest('tr') as HTMLElement;
  await screen.findByText('example.com');
  expect(within(row('example.com')).getByText('example-com.mail.protection.outlook.com')).toBeInTheDocument();
  expect(within(row('example.com')).getByText('2 of 4')).toBeInTheDocument();
  expect(within(row('example.com')).getByText('In sync').closest('.pul-label'))
    .toHaveClass('pul-label--success');
  expect(within(row('example.org')).getByText('Not set')).toBeInTheDocument();
  expect(within(row('example.org')).getByText('Needs attention').closest('.pul-label')).toHaveClass('pul-label--danger');
  expect(within(row('example.net')).getByText('Pending').closest('.pul-label')).toHaveClass('pul-label--warning');
  expect(screen.getByRole('link', { name: 'example.com' })).toHaveAttribute('href', '#/domain/1');
  expect(domainQueries()).toEqual(['search=&page=1&pageSize=25&sort=name']);
});

test('says when the user has no domains with mail', async () => {
  fake.on('GET', 'domains', success({ items: [], total: 0 }));

  renderApp('#/');

  expect(await screen.findByText('None of the domains you may manage has mail accounts.')).toBeInTheDocument();
});

test("shows the server's error message", async () => {
  fake.on('GET', 'domains', failure('internal', 'The domain list of Plesk could not be read: timeout.', 500));

  renderApp('#/');

  expect(await screen.findByText('The domain list of Plesk could not be read: timeout.')).toBeInTheDocument();
});

test('searches on the server and says when nothing matches', async () => {
  fake.on('GET', 'domains', (request) =>
    request.query.get('search') === ''
      ? success({ items: [exampleCom], total: 1 })
      : success({ items: [], total: 0 }));
  renderApp('#/');
  await screen.findByText('example.com');

  await userEvent.type(screen.getByPlaceholderText('Search domains'), 'nothing.test{Enter}');

  expect(await screen.findByText('No domain matches "nothing.test".')).toBeInTheDocument();
  expect(domainQueries()).toEqual([
    'search=&page=1&pageSize=25&sort=name',
    'search=nothing.test&page=1&pageSize=25&sort=name',
  ]);
});

test('sorts on the server, ascending then descending', async () => {
  fake.on('GET', 'domains', success({ items: [exampleCom, exampleOrg], total: 2 }));
  renderApp('#/');
  await screen.findByText('example.com');

  await userEvent.click(screen.getByRole('button', { name: 'Sort by State column' }));
  await waitFor(() => expect(domainQueries()).toHaveLength(2));
  await userEvent.click(screen.getByRole('button', { name: 'Sort by State column' }));

  await waitFor(() =>
    expect(domainQueries()).toEqual([
      'search=&page=1&pageSize=25&sort=name',
      'search=&page=1&pageSize=25&sort=state',
      'search=&page=1&pageSize=25&sort=-state',
    ]));
});

test('pages on the server', async () => {
  fake.on('GET', 'domains', (request) =>
    success({ items: [request.query.get('page') === '1' ? exampleCom : exampleOrg], total: 60 }));
  renderApp('#/');
  await screen.findByText('example.com');

  const footer = document.querySelector('.pul-list__footer') as HTMLElement;
  await userEvent.click(within(footer).getByRole('button', { name: 'Increment' }));

  expect(await screen.findByText('example.org')).toBeInTheDocument();
  expect(domainQueries()).toEqual([
    'search=&page=1&pageSize=25&sort=name',
    'search=&page=2&pageSize=25&sort=name',
  ]);
});

test('asks for 100 domains a page when the user chooses so', async () => {
  fake.on('GET', 'domains', success({ items: [exampleCom], total: 260 }));
  renderApp('#/');
  await screen.findByText('example.com');

  const footer = document.querySelector('.pul-list__footer') as HTMLElement;
  await userEvent.click(within(footer).getByRole('button', { name: '100' }));

  await waitFor(() => expect(domainQueries()).toEqual([
    'search=&page=1&pageSize=25&sort=name',
    'search=&page=1&pageSize=100&sort=name',
  ]));
});
