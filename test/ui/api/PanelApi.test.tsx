/** @jest-environment jsdom */
import { ApiError } from '../../../src/api/ApiError';
import { createPanelApi } from '../../../src/api/PanelApi';
import { createTranslate } from '../../../src/i18n/translate';
import { de } from '../../../src/locales/de';
import { en } from '../../../src/locales/en';
import { FakePanelServer, failure, success } from '../support/fakePanelServer';
import { BASE_URL, TOKEN } from '../support/renderApp';
import { exampleCom, mapStatus } from '../support/fixtures';

let fake: FakePanelServer;

beforeEach(() => {
  document.head.innerHTML = `<meta name="forgery_protection_token" content="${TOKEN}">`;
  fake = new FakePanelServer();
  fake.install();
});

const api = () => createPanelApi(BASE_URL, createTranslate(en));

async function failureOf(call: Promise<unknown>): Promise<ApiError> {
  const error = await call.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof ApiError)) {
    throw new Error(`expected an ApiError, got ${String(error)}`);
  }
  return error;
}

test('GET domains sends the query and the forgery token and returns the data', async () => {
  fake.on('GET', 'domains', success({ items: [exampleCom], total: 1 }));

  const page = await api().domains({ search: 'exa', page: 2, pageSize: 25, sort: '-routed' });

  expect(page).toEqual({ items: [exampleCom], total: 1 });
  const [request] = fake.requests;
  expect(request?.query.toString()).toBe('search=exa&page=2&pageSize=25&sort=-routed');
  expect(request?.headers['X-Forgery-Protection-Token']).toBe(TOKEN);
});

test('POST routes sends JSON with the token', async () => {
  fake.on('POST', 'routes', success({ results: [], state: 'pending' }));

  await api().changeRoutes({ domainId: 1, addresses: ['bob@example.com'], routed: true });

  const [request] = fake.requests;
  expect(request?.method).toBe('POST');
  expect(request?.headers['X-Forgery-Protection-Token']).toBe(TOKEN);
  expect(request?.headers['Content-Type']).toBe('application/json');
  expect(request?.body).toEqual({ domainId: 1, addresses: ['bob@example.com'], routed: true });
});

test('GET status and POST apply reach their calls', async () => {
  fake.on('GET', 'status', success(mapStatus)).on('POST', 'apply', success(mapStatus));

  await expect(api().status()).resolves.toEqual(mapStatus);
  await expect(api().apply()).resolves.toEqual(mapStatus);
  expect(fake.requests.map((r) => `${r.method} ${r.call}`)).toEqual(['GET status', 'POST apply']);
});

test('a network error names the call and the cause', async () => {
  fake.on('GET', 'domain', { networkError: 'Failed to fetch' });

  const error = await failureOf(api().domain(1));

  expect(error.message).toBe(
    'Loading the domain failed: the server could not be reached (Failed to fetch).',
  );
  expect(error.kind).toBe('network');
});

test('an HTTP error without a JSON body names the status', async () => {
  fake.on('GET', 'server', { status: 502, text: '<html>Bad Gateway</html>' });

  const error = await failureOf(api().server());

  expect(error.message).toBe(
    "Loading this server's name and addresses failed: the server answered with HTTP status 502.",
  );
  expect(error.httpStatus).toBe(502);
});

test("an HTTP error with a JSON error body shows the server's message", async () => {
  fake.on('GET', 'status', failure('forbidden', 'Only the administrator may see the status.', 403));

  const error = await failureOf(api().status());

  expect(error.message).toBe('Only the administrator may see the status.');
  expect(error.code).toBe('forbidden');
  expect(error.httpStatus).toBe(403);
});

test('an answer that is not JSON says so', async () => {
  fake.on('GET', 'domains', { text: 'Fatal error: out of memory' });

  const error = await failureOf(api().domains({ search: '', page: 1, pageSize: 25, sort: 'name' }));

  expect(error.message).toBe("Loading the domains failed: the server's answer is not valid JSON.");
});

test('JSON without status and data is refused', async () => {
  fake.on('POST', 'apply', { json: { ok: true } });

  const error = await failureOf(api().apply());

  expect(error.message).toBe("Re-applying the transport map failed: the server's answer has no data.");
});

test('status "error" carries the code, field and message of the server', async () => {
  fake.on('POST', 'next-hop', failure('invalid-next-hop', 'example.com is not a Microsoft 365 host.', 200, 'value'));

  const error = await failureOf(api().saveNextHop(1, 'example.com'));

  expect(error.message).toBe('example.com is not a Microsoft 365 host.');
  expect(error.code).toBe('invalid-next-hop');
  expect(error.field).toBe('value');
  expect(error.kind).toBe('server');
});

test('status "error" without a message names the call and the code', async () => {
  fake.on('POST', 'routes', { json: { status: 'error', errors: [{ code: 'apply-failed' }] } });

  const error = await failureOf(api().changeRoutes({ domainId: 1, addresses: [], routed: true }));

  expect(error.message).toBe('Changing where mail is delivered failed: the server reported "apply-failed".');
});

test('failures are worded in German for a German user', async () => {
  fake.on('GET', 'domain', { status: 500, text: '' });

  const error = await failureOf(createPanelApi(BASE_URL, createTranslate(de)).domain(1));

  expect(error.message).toBe(
    'Das Laden der Domain ist fehlgeschlagen: Der Server antwortete mit HTTP-Status 500.',
  );
});
