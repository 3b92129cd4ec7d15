// The page in headless Chromium against the panel sandbox: the real bundle, the same ApiService
// and a Postfix of its own, so a switch is checked in the map Postfix really reads.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

import { REPO_ROOT, startPanelSandbox, type PanelSandbox } from '../../build/sandbox/panelSandbox';
import { freePort, launchHeadlessChromium, loopbackOnlyContext } from './support/headlessChromium';

const SETUP_TIMEOUT_MS = 45000;
const TEST_TIMEOUT_MS = 20000;
/** How long one step on the page may take: a switch waits for postmap and a Postfix reload. */
const STEP_TIMEOUT_MS = 10000;

const NEXT_HOP = 'example-com.mail.protection.outlook.com';
/** Where the sandbox starts: another host, so that saving the pasted value changes something. */
const EARLIER_NEXT_HOP = 'example-com-earlier.mail.protection.outlook.com';
const ALIAS_REFUSAL = 'sales@example.com is an alias of bob@example.com: aliases are rewritten '
  + 'before routing; route bob@example.com instead';

const root = path.join(REPO_ROOT, '.sandbox', `test-${crypto.randomBytes(4).toString('hex')}`);
let sandbox: PanelSandbox | undefined;
let browser: Browser | undefined;
let context: BrowserContext | undefined;
let refused: string[] = [];
let pageErrors: string[] = [];

beforeAll(async () => {
  sandbox = await startPanelSandbox({
    port: await freePort(),
    stateDir: path.join(root, 'state'),
    fresh: true,
  });
  await sandbox.api('next-hop', { domainId: 1, value: EARLIER_NEXT_HOP });
  browser = await launchHeadlessChromium();
  ({ context, refused } = await loopbackOnlyContext(browser));
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  // Each step runs even when an earlier one failed: nothing may be left running.
  await browser?.close().catch((e: unknown) => console.error('closing Chromium failed:', e));
  await sandbox?.stop().catch((e: unknown) => console.error('stopping the sandbox failed:', e));
  fs.rmSync(root, { recursive: true, force: true });
}, SETUP_TIMEOUT_MS);

afterEach(() => {
  expect(pageErrors).toEqual([]);
  expect(refused).toEqual([]);
  pageErrors = [];
});

function theSandbox(): PanelSandbox {
  if (sandbox === undefined) throw new Error('the panel sandbox did not start');
  return sandbox;
}

async function openPage(query = ''): Promise<Page> {
  if (context === undefined) throw new Error('Chromium did not start');
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${theSandbox().url}${query}#/domain/1`, { timeout: STEP_TIMEOUT_MS });
  return page;
}

function rowOf(page: Page, address: string): Locator {
  return page.getByRole('row').filter({ has: page.getByText(address, { exact: true }) });
}

/** Waits until the row of this address shows exactly this text. */
async function seeInRow(page: Page, address: string, text: string): Promise<void> {
  await rowOf(page, address).getByText(text, { exact: true }).waitFor();
}

function switchOf(page: Page, address: string, name = 'Hosted at Microsoft 365'): Locator {
  return rowOf(page, address).getByRole('checkbox', { name });
}

/** The routes of the map file Postfix reads, comments left out. */
function routesInMap(): string[] {
  const map = fs.readFileSync(theSandbox().postfix.config.mapPath, 'utf8');
  return map.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
}

/** Clicks the switch where a user clicks it: its label (the checkbox itself is hidden). */
async function flip(page: Page, address: string): Promise<void> {
  const checkbox = page.getByRole('checkbox', { name: 'Hosted at Microsoft 365' });
  await rowOf(page, address).locator('label').filter({ has: checkbox }).click();
}

/** What an element says, before CSS capitalises any of it. */
async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

function routeTo(address: string, host: string): string {
  return `${address}\tsmtp:[${host}]:25`;
}

test('the MX value pasted from the admin center is saved as the normalised host', async () => {
  const page = await openPage();
  const field = page.getByLabel('MX value from the Microsoft 365 admin center');
  expect(await field.inputValue()).toBe(EARLIER_NEXT_HOP);

  await field.fill('0 EXAMPLE-COM.mail.protection.outlook.com.');
  await page.getByRole('button', { name: 'Save next hop' }).click();

  const saved = page.getByRole('status').filter({ hasText: 'Saved:' });
  await saved.waitFor();
  expect(await textOf(saved))
    .toBe(`Saved: mail hosted at Microsoft 365 goes to ${NEXT_HOP}. Resolves: yes`);
  expect(await field.inputValue()).toBe(NEXT_HOP);
  const current = page.getByRole('paragraph').filter({ hasText: 'Mail hosted at' });
  await current.getByText(NEXT_HOP, { exact: false }).waitFor();
  expect(await textOf(current))
    .toBe(`Mail hosted at Microsoft 365 goes to ${NEXT_HOP}. Resolves: yes`);
  expect(routesInMap()).toEqual([
    routeTo('bob@example.com', NEXT_HOP),
    routeTo('carol@example.com', NEXT_HOP),
  ]);
  await page.close();
}, TEST_TIMEOUT_MS);

test('switching a mailbox on settles checked and puts it in the real map', async () => {
  const page = await openPage();
  const alice = switchOf(page, 'alice@example.com');
  expect(await alice.isChecked()).toBe(false);

  await flip(page, 'alice@example.com');

  await seeInRow(page, 'alice@example.com', 'Now hosted at Microsoft 365.');
  expect(await alice.isChecked()).toBe(true);
  expect(await alice.isEnabled()).toBe(true);
  expect(routesInMap()).toEqual([
    routeTo('alice@example.com', NEXT_HOP),
    routeTo('bob@example.com', NEXT_HOP),
    routeTo('carol@example.com', NEXT_HOP),
  ]);
  await page.close();
}, TEST_TIMEOUT_MS);

test('trying an alias shows the refusal, the switch off and the map unchanged', async () => {
  const page = await openPage();
  const mapBefore = routesInMap();
  const sales = switchOf(page, 'sales@example.com');
  await seeInRow(page, 'sales@example.com', 'Alias of bob@example.com');
  expect(await sales.isChecked()).toBe(false);

  await flip(page, 'sales@example.com');

  await seeInRow(page, 'sales@example.com', ALIAS_REFUSAL);
  expect(await sales.isChecked()).toBe(false);
  expect(await sales.isEnabled()).toBe(true);
  expect(routesInMap()).toEqual(mapBefore);
  expect(routesInMap().filter((line) => line.startsWith('sales@'))).toEqual([]);
  await page.close();
}, TEST_TIMEOUT_MS);

test('a German panel shows the page in German', async () => {
  const page = await openPage('?locale=de-DE');

  await page.getByText('Next Hop bei Microsoft 365', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Next Hop speichern' }).waitFor();
  await seeInRow(page, 'sales@example.com', 'Alias von bob@example.com');
  expect(await switchOf(page, 'bob@example.com', 'Bei Microsoft 365 gehostet').isChecked())
    .toBe(true);
  expect(await page.getByLabel('MX-Wert aus dem Microsoft 365 Admin Center').inputValue())
    .toBe(NEXT_HOP);
  await page.close();
}, TEST_TIMEOUT_MS);
