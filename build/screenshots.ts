// `npm run screenshots`: every screen of the page in English and German, as the README shows
// them, taken in headless Chromium from a fresh panel sandbox and saved as
// docs/screenshots/<screen>-<en|de>.png.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import type { Browser, Page } from 'playwright-core';

import { de } from '../src/locales/de';
import { en, type Catalogue } from '../src/locales/en';
import {
  freePort,
  launchHeadlessChromium,
  loopbackOnlyContext,
} from '../test/browser/support/headlessChromium';
import { REPO_ROOT, startPanelSandbox } from './sandbox/panelSandbox';

const OUTPUT_DIR = path.join(REPO_ROOT, 'docs/screenshots');
const VIEWPORT = { width: 1280, height: 900 };
const STEP_TIMEOUT_MS = 15000;

interface Language {
  code: 'en' | 'de';
  /** The locale Plesk hands the page, as the sandbox takes it in `?locale=`. */
  locale: string;
  texts: Catalogue;
}

const LANGUAGES: Language[] = [
  { code: 'en', locale: 'en-US', texts: en },
  { code: 'de', locale: 'de-DE', texts: de },
];

interface Screen {
  name: string;
  hash: string;
  /** Brings the screen into view and waits until everything on it has loaded. */
  show(page: Page, texts: Catalogue): Promise<void>;
}

const SCREENS: Screen[] = [
  {
    name: 'domains',
    hash: '#/',
    show: async (page) => {
      await page.getByRole('link', { name: 'example.org', exact: true }).waitFor();
    },
  },
  {
    name: 'domain',
    hash: '#/domain/1',
    show: async (page) => {
      await page.getByRole('row').filter({ hasText: 'sales@example.com' }).waitFor();
    },
  },
  {
    name: 'microsoft',
    hash: '#/domain/1',
    show: async (page, texts) => {
      await page.getByRole('tab', { name: texts['domain.tab.microsoft'] }).click();
      await page.getByText(texts['microsoft.spf.title'], { exact: true }).waitFor();
    },
  },
  {
    name: 'status',
    hash: '#/status',
    show: async (page, texts) => {
      await page.getByRole('button', { name: texts['status.reapply'] }).waitFor();
    },
  },
];

/** Screenshots of every screen; what the page failed to load is added to `failedLoads`. */
async function takeScreenshots(
  browser: Browser,
  url: string,
  failedLoads: Set<string>,
): Promise<string[]> {
  const saved: string[] = [];
  for (const language of LANGUAGES) {
    const { context, refused } = await loopbackOnlyContext(browser, {
      viewport: VIEWPORT,
      deviceScaleFactor: 1,
      locale: language.locale,
    });
    for (const screen of SCREENS) {
      const page = await context.newPage();
      page.setDefaultTimeout(STEP_TIMEOUT_MS);
      page.on('response', (response) => {
        if (response.status() >= 400) failedLoads.add(`${response.status()} ${response.url()}`);
      });
      await page.goto(`${url}?locale=${language.locale}${screen.hash}`);
      await screen.show(page, language.texts);
      await page.waitForLoadState('networkidle');

      const file = path.join(OUTPUT_DIR, `${screen.name}-${language.code}.png`);
      await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
      saved.push(file);
      await page.close();
    }
    await context.close();
    if (refused.length > 0) {
      throw new Error(`the page tried to reach beyond 127.0.0.1: ${refused.join(', ')}`);
    }
  }
  return saved;
}

async function main(): Promise<void> {
  const run = `screenshots-${crypto.randomBytes(4).toString('hex')}`;
  const root = path.join(REPO_ROOT, '.sandbox', run);
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  const sandbox = await startPanelSandbox({
    port: await freePort(),
    stateDir: path.join(root, 'state'),
    fresh: true,
  });
  let browser: Browser | undefined;
  try {
    browser = await launchHeadlessChromium();
    const failedLoads = new Set<string>();
    const saved = await takeScreenshots(browser, sandbox.url, failedLoads);
    console.log(saved.map((file) => path.relative(REPO_ROOT, file)).join('\n'));
    // Shown, not fatal: a missing icon or font still leaves every screen readable.
    for (const load of failedLoads) console.warn(`warning: the page failed to load ${load}`);
  } finally {
    await browser?.close();
    await sandbox.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`screenshots failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
