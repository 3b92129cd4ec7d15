// The throw-away Postfix itself: local delivery, a hand-written route to the fake Microsoft
// host, Plesk's SMTP-time rejections, and a clean teardown.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { MICROSOFT_HOST, startPostfixSandbox, type PostfixSandbox } from '../support/postfixSandbox';

jest.setTimeout(90000);

const SANDBOX_MODULE = path.join(__dirname, '../support/postfixSandbox.ts');

describe('Postfix sandbox', () => {
  let sandbox: PostfixSandbox;

  beforeAll(async () => {
    sandbox = await startPostfixSandbox();
  });

  afterAll(async () => {
    await sandbox?.stop();
  });

  it('delivers mail for an unrouted mailbox into its local maildir', async () => {
    const replies = await sandbox.send({
      from: 'someone@example.net',
      to: ['alice@example.com'],
      subject: 'harness local',
    });

    expect(replies.recipients).toEqual([{ address: 'alice@example.com', reply: '250 2.1.5 Ok' }]);
    expect(replies.data).toMatch(/^250 2\.0\.0 Ok: queued as [0-9A-Z]+$/);
    const message = await sandbox.waitForMaildirMessage('alice@example.com', 'harness local');
    expect(message.content).toContain('Delivered-To: alice@example.com');
    expect(sandbox.sinkMessages()).toEqual([]);
  });

  it('rejects an address without a Plesk mailbox at SMTP time', async () => {
    const replies = await sandbox.send({
      from: 'someone@example.net',
      to: ['nobody@example.com'],
      subject: 'harness unknown',
    });

    expect(replies.recipients).toEqual([{
      address: 'nobody@example.com',
      reply: '550 5.1.1 <nobody@example.com>: Recipient address rejected: ' +
        'User unknown in virtual mailbox table',
    }]);
    expect(replies.data).toBeNull();
  });

  it('sends mail to the fake Microsoft host through a hand-written transport entry', async () => {
    const transport = path.join(sandbox.config.pleskMapDir, 'transport');
    fs.writeFileSync(transport, `bob@example.com smtp:[${MICROSOFT_HOST}]:25\n`);
    execFileSync('postmap', ['-c', sandbox.config.configDir, `hash:${transport}`]);
    sandbox.config.postconf('-e', 'transport_maps = hash:' + transport);
    sandbox.reload();

    await sandbox.send({
      from: 'someone@example.net',
      to: ['bob+invoices@example.com'],
      subject: 'harness routed',
    });

    const message = await sandbox.waitForSinkMessage('harness routed');
    expect(message.mailFrom).toBe('someone@example.net');
    expect(message.rcptTo).toEqual(['bob+invoices@example.com']);
    expect(sandbox.maildir('bob@example.com')).toEqual([]);
  });

  it('removes its namespace, hosts file and temp root when stopped, twice without error', async () => {
    const other = await startPostfixSandbox();
    const { namespace } = other;
    const root = other.config.root;

    await other.stop();
    await other.stop();

    expect(execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' })).not.toContain(namespace);
    expect(fs.existsSync(`/etc/netns/${namespace}`)).toBe(false);
    expect(fs.existsSync(root)).toBe(false);
  });

  it('fails loudly, naming the cause, where network namespaces are unavailable', () => {
    // An `ip` that fails as it does in a container without CAP_SYS_ADMIN. Jest gives tests a
    // copy of process.env that child processes do not see, so the sandbox starts in a child.
    const tools = fs.mkdtempSync(path.join(os.tmpdir(), 'm365sd-no-netns-'));
    fs.writeFileSync(path.join(tools, 'ip'),
      '#!/bin/sh\necho "mount --make-shared /run/netns failed: Operation not permitted" >&2\n' +
      'exit 1\n', { mode: 0o755 });
    const script = `require(${JSON.stringify(SANDBOX_MODULE)}).startPostfixSandbox().then(
      (started) => started.stop().then(() => process.exit(3)),
      (error) => { process.stderr.write(error.message); process.exit(1); })`;
    try {
      const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
        cwd: path.resolve(__dirname, '../..'),
        env: { ...process.env, PATH: `${tools}:${process.env.PATH ?? ''}` },
        encoding: 'utf8',
        timeout: 60000,
      });

      expect(child.status).toBe(1);
      expect(child.stderr).toMatch(new RegExp(
        '^cannot create network namespace m365sd-[0-9a-f]{10} for the Postfix sandbox ' +
        '\\(the system tests need root and ip netns; they do not skip\\): ' +
        'mount --make-shared /run/netns failed: Operation not permitted$'));
    } finally {
      fs.rmSync(tools, { recursive: true, force: true });
    }
  });
});
