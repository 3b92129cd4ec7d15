// The throw-away Postfix itself: local delivery, a hand-written route to the fake Microsoft
// host, Plesk's SMTP-time rejections, and a clean teardown.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { MICROSOFT_HOST, startPostfixSandbox, type PostfixSandbox } from '../support/postfixSandbox';

jest.setTimeout(90000);

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
});
