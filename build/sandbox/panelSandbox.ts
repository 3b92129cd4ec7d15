// The whole product on one machine: a throw-away Postfix shaped like a Plesk server (the test
// harness, in a network namespace of its own), and PHP's built-in server running the sandbox
// router, which serves the real page and the same ApiService as the panel over the JSON store.
// Used by `npm start`, the browser test and `npm run screenshots`.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { startPostfixSandbox, type PostfixSandbox } from '../../test/support/postfixSandbox';

export const REPO_ROOT = path.resolve(__dirname, '../..');
const ROUTER = path.join(REPO_ROOT, 'build/sandbox/server/router.php');
const BUNDLE = path.join(REPO_ROOT, 'htdocs/dist/main.js');
const STARTUP_TIMEOUT_MS = 15000;

export interface PanelSandboxOptions {
  port: number;
  /** Where the panel's state lives (accounts.json, store.json, journal, token, audit log). */
  stateDir: string;
  /** Start from the demo data again instead of the state left by an earlier run. */
  fresh?: boolean;
}

export interface PanelSandbox {
  /** The page, as the panel would open it. */
  url: string;
  postfix: PostfixSandbox;
  stateDir: string;
  /** Calls the sandbox's JSON API as the admin the sandbox signs in, token included. */
  api(call: string, body?: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

/** Starts Postfix and the panel stand-in, and applies the stored marks to the new Postfix. */
export async function startPanelSandbox(options: PanelSandboxOptions): Promise<PanelSandbox> {
  if (!fs.existsSync(BUNDLE)) {
    throw new Error(`${BUNDLE} is missing: build the bundle first (npm run build:ui)`);
  }
  if (options.fresh) fs.rmSync(options.stateDir, { recursive: true, force: true });
  fs.mkdirSync(options.stateDir, { recursive: true });
  const postfixParent = postfixParentFor(options.stateDir);

  const postfix = await startPostfixSandbox({ parentDir: postfixParent });
  let server: ChildProcess | undefined;
  try {
    server = spawn('php', ['-S', `127.0.0.1:${options.port}`, ROUTER], {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH,
        MAIL_CONFIG: postfix.config.configDir,
        M365_SANDBOX_STATE: options.stateDir,
        M365_SANDBOX_HOSTS: `/etc/netns/${postfix.namespace}/hosts`,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const serverLog: string[] = [];
    server.stderr?.setEncoding('utf8').on('data', (chunk: string) => serverLog.push(chunk));

    const url = `http://127.0.0.1:${options.port}/modules/m365-split-delivery/index.php`;
    await waitForPage(url, server, serverLog);
    const sandbox = buildSandbox(url, postfix, server, options.stateDir);
    await sandbox.api('apply', {});
    return sandbox;
  } catch (error) {
    server?.kill();
    await postfix.stop();
    throw error;
  }
}

/**
 * Where the Postfix instance lives: beside the state, so the sandbox writes nowhere else but
 * /etc/netns/<its namespace>/. Postfix's own user must be able to reach its queue, so where a
 * directory above the checkout is closed to others (a clone in a mktemp -d folder), the
 * instance goes to the system's temp directory instead.
 */
function postfixParentFor(stateDir: string): string {
  const beside = path.join(path.dirname(stateDir), 'postfix');
  for (let dir = path.dirname(beside); ; dir = path.dirname(dir)) {
    if (fs.existsSync(dir) && (fs.statSync(dir).mode & 0o001) === 0) {
      console.warn(`${dir} is closed to Postfix's user: the Postfix goes to ${os.tmpdir()}`);
      return os.tmpdir();
    }
    if (dir === path.dirname(dir)) break;
  }
  fs.mkdirSync(beside, { recursive: true, mode: 0o755 });
  return beside;
}

async function waitForPage(url: string, server: ChildProcess, log: string[]): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  for (;;) {
    if (server.exitCode !== null) {
      throw new Error(`php -S exited with status ${server.exitCode}: ${log.join('')}`);
    }
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet: try again until the deadline.
    }
    if (Date.now() > deadline) {
      throw new Error(`the sandbox page did not answer within ${STARTUP_TIMEOUT_MS} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function buildSandbox(
  url: string,
  postfix: PostfixSandbox,
  server: ChildProcess,
  stateDir: string,
): PanelSandbox {
  const api = async (call: string, body?: unknown): Promise<unknown> => {
    const token = fs.readFileSync(path.join(stateDir, 'token'), 'utf8').trim();
    const response = await fetch(`${url}/api/${call}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forgery-Protection-Token': token },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const answer = (await response.json()) as { status: string; data?: unknown; errors?: unknown };
    if (answer.status !== 'success') {
      throw new Error(`sandbox API ${call} failed: ${JSON.stringify(answer.errors)}`);
    }
    return answer.data;
  };

  const stop = async (): Promise<void> => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill();
      await exited;
    }
    await postfix.stop();
  };

  return { url, postfix, stateDir, api, stop };
}
