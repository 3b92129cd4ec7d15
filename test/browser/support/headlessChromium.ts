// Debian's Chromium, headless, driven by playwright-core: no browser is ever downloaded, and a
// page may reach 127.0.0.1 only. Used by the browser test and `npm run screenshots`.
import net from 'node:net';

import { chromium, type Browser, type BrowserContext } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const LAUNCH_TIMEOUT_MS = 20000;

// Each switch keeps Chromium from calling home: updates, sync, QUIC probes, first-run pages.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/** Starts Debian's Chromium headless. */
export function launchHeadlessChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: LAUNCH_TIMEOUT_MS });
}

export interface LoopbackContext {
  context: BrowserContext;
  /** Every request a page tried to send elsewhere than 127.0.0.1 (each was aborted). */
  refused: string[];
}

/** A browser context whose pages reach 127.0.0.1 and nothing else. */
export async function loopbackOnlyContext(
  browser: Browser,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<LoopbackContext> {
  const context = await browser.newContext(options);
  const refused: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (new URL(url).hostname === '127.0.0.1') {
      await route.continue();
      return;
    }
    refused.push(url);
    await route.abort('blockedbyclient');
  });
  return { context, refused };
}

/** A TCP port on 127.0.0.1 that was free a moment ago: the kernel picks it for port 0. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no port was assigned'))));
    });
  });
}
