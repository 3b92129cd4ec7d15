// `npm run demo`: the routing engine end to end on the demo data, without the panel. Starts a
// throw-away Postfix shaped like a Plesk server (its own network namespace and a fake Exchange
// Online host),
// plans and applies the demo marks through the engine CLI and the root helper, prints the
// map and the helper's status, sends one message to a routed and one to a local mailbox and
// says where each arrived, then stops everything again.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { startPostfixSandbox, type PostfixSandbox } from '../../test/support/postfixSandbox';

const REPO_ROOT = path.resolve(__dirname, '../..');
const ENGINE = path.join(REPO_ROOT, 'build/sandbox/engine.php');
const DEMO_DATA = path.join(REPO_ROOT, 'build/sandbox/demo');
const STATE_DIR = path.join(REPO_ROOT, '.sandbox/engine');
const POSTFIX_PARENT = path.join(REPO_ROOT, '.sandbox/postfix');

function engine(command: string, configDir: string): string {
  const result = spawnSync('php', [ENGINE, '--data', STATE_DIR, command], {
    env: { PATH: process.env.PATH, MAIL_CONFIG: configDir },
    encoding: 'utf8',
  });
  if (result.stderr) process.stderr.write(result.stderr);
  if (result.status !== 0) {
    throw new Error(`engine ${command} exited with status ${String(result.status)}`);
  }
  return result.stdout;
}

function section(title: string, body: string): void {
  console.log(`\n== ${title}\n${body.trimEnd()}`);
}

async function showDelivery(sandbox: PostfixSandbox, address: string): Promise<string> {
  const subject = `npm start: hello ${address}`;
  const replies = await sandbox.send({ from: 'someone@example.net', to: [address], subject });
  const accepted = replies.recipients[0]?.reply ?? '(no reply)';
  const arrival = await Promise.any([
    sandbox.waitForSinkMessage(subject).then(
      (message) => `at Microsoft 365 (fake host), RCPT TO:<${message.rcptTo.join('>, <')}>`,
    ),
    sandbox.waitForMaildirMessage(address, subject).then(() => 'in its local Plesk maildir'),
  ]);
  return `${address.padEnd(20)} ${accepted}  ->  ${arrival}`;
}

async function main(): Promise<void> {
  fs.rmSync(STATE_DIR, { recursive: true, force: true });
  fs.mkdirSync(STATE_DIR, { recursive: true });
  for (const file of ['accounts.json', 'store.json']) {
    fs.copyFileSync(path.join(DEMO_DATA, file), path.join(STATE_DIR, file));
  }

  console.log('Starting a throw-away Postfix shaped like a Plesk server…');
  fs.mkdirSync(POSTFIX_PARENT, { recursive: true, mode: 0o755 });
  const sandbox = await startPostfixSandbox({ parentDir: POSTFIX_PARENT });
  try {
    const configDir = sandbox.config.configDir;
    section('Demo data', `mail accounts: ${DEMO_DATA}/accounts.json\nmarks and next hops: ${DEMO_DATA}/store.json`);
    section('Map applied (engine apply)', engine('apply', configDir));
    section('Root helper status', engine('status', configDir));
    section('transport_maps', sandbox.config.postconf('-h', 'transport_maps'));
    const deliveries = [];
    for (const address of ['bob@example.com', 'sales@example.com', 'alice@example.com']) {
      deliveries.push(await showDelivery(sandbox, address));
    }
    section('Mail sent through the sandbox Postfix', deliveries.join('\n'));
  } finally {
    await sandbox.stop();
  }
  console.log('\nSandbox stopped and removed.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
