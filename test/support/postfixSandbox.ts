// A running throw-away Postfix shaped like a Plesk server, in a network namespace of its own,
// with a fake Exchange Online host on 127.0.0.2:25 that the namespace's hosts file names
// example-com.mail.protection.outlook.com. Writes nothing outside its temp root but
// /etc/netns/<its name>/, and removes both in stop().
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

import { FAKE_MICROSOFT_ADDRESS, READY_LINE } from './namespaceAgent';
import { createPostfixConfig, type PostfixConfig, type PostfixConfigOptions } from './postfixConfig';
import { submitMessage, type OutgoingMessage, type SubmissionReplies } from './smtpClient';
import type { ReceivedTransaction } from './fakeExchangeOnline';

export const MICROSOFT_HOST = 'example-com.mail.protection.outlook.com';

const REPO_ROOT = path.resolve(__dirname, '../..');
const AGENT_SCRIPT = path.join(__dirname, 'namespaceAgent.ts');
const STARTUP_TIMEOUT_MS = 15000;
const SMTP_TIMEOUT_MS = 15000;
/** How long a message may take from queue to sink or maildir on a busy 2-core CI machine. */
export const DELIVERY_TIMEOUT_MS = 20000;

export interface PostfixSandboxOptions extends PostfixConfigOptions {
  /** More host names the namespace resolves to the fake Microsoft host. */
  microsoftHosts?: string[];
}

/** A message found in the fake Microsoft host or in a local maildir. */
export interface DeliveredMessage {
  subject: string;
  content: string;
}

export interface SinkMessage extends DeliveredMessage, ReceivedTransaction {}

/** Where a message ended up: at the fake Microsoft host, or in the local maildir. */
export type Destination = 'microsoft' | 'local';

/** What a waiting probe returns: the value once there, undefined until then. */
export type Probed<T> = T | undefined | Promise<T | undefined>;

export interface PostfixSandbox {
  config: PostfixConfig;
  /** The network namespace's name, `m365sd-<random>`. */
  namespace: string;
  /** Submits a message over SMTP to the instance's 127.0.0.1:25 and returns every reply. */
  send(message: OutgoingMessage): Promise<SubmissionReplies>;
  /** Messages the fake Microsoft host received, oldest first. */
  sinkMessages(): SinkMessage[];
  /** Messages virtual(8) delivered to this address's local maildir. */
  maildir(address: string): DeliveredMessage[];
  /** Waits for the sink to receive a message with this subject; fails with the maillog tail. */
  waitForSinkMessage(subject: string, timeoutMs?: number): Promise<SinkMessage>;
  /** Waits for a message with this subject in the address's maildir. */
  waitForMaildirMessage(
    address: string,
    subject: string,
    timeoutMs?: number,
  ): Promise<DeliveredMessage>;
  /** Waits for a message to this address with this subject, wherever it was delivered. */
  waitForDelivery(address: string, subject: string, timeoutMs?: number): Promise<Destination>;
  /** Polls until probe returns a value; on timeout fails naming `what`, with the maillog tail. */
  waitFor<T>(what: string, probe: () => Probed<T>, timeoutMs?: number): Promise<T>;
  /** The last lines of the instance's maillog, for failure messages. */
  maillogTail(lines?: number): string;
  /** `postfix reload`, as an administrator does after editing main.cf by hand. */
  reload(): void;
  /** Runs a command inside the namespace; returns exit status and output. */
  exec(command: string[]): { status: number | null; stdout: string; stderr: string };
  /** Stops Postfix and the agent, deletes the namespace and the temp root. Idempotent. */
  stop(): Promise<void>;
}

/** Starts Postfix, the fake Microsoft host and the submission bridge in a new namespace. */
export async function startPostfixSandbox(
  options: PostfixSandboxOptions = {},
): Promise<PostfixSandbox> {
  if (process.getuid?.() !== 0) {
    throw new Error('the Postfix sandbox needs root (network namespaces, postfix start)');
  }
  const namespace = `m365sd-${crypto.randomBytes(5).toString('hex')}`;
  const config = createPostfixConfig(options);
  const resources = new SandboxResources(config, namespace);

  try {
    resources.createNamespace([MICROSOFT_HOST, ...(options.microsoftHosts ?? [])]);
    await resources.startAgent();
    resources.startPostfix();
    const sandbox = buildSandbox(config, namespace, resources);
    await sandbox.waitFor('Postfix to answer on 127.0.0.1:25', async () =>
      (await resources.smtpAnswers()) ? true : undefined, STARTUP_TIMEOUT_MS);
    return sandbox;
  } catch (error) {
    await resources.release();
    throw error;
  }
}

function buildSandbox(
  config: PostfixConfig,
  namespace: string,
  resources: SandboxResources,
): PostfixSandbox {
  const maillogTail = (lines = 40): string => readTail(config.maillogPath, lines);

  const waitFor = async <T>(
    what: string,
    probe: () => Probed<T>,
    timeoutMs = DELIVERY_TIMEOUT_MS,
  ): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = await probe();
      if (found !== undefined) {
        return found;
      }
      if (Date.now() >= deadline) {
        throw new Error(
          `timed out after ${timeoutMs} ms waiting for ${what}; maillog of ${config.root}:\n` +
            maillogTail(),
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  const sinkMessages = (): SinkMessage[] =>
    fs
      .readdirSync(resources.sinkDir)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => {
        const text = fs.readFileSync(path.join(resources.sinkDir, name), 'utf8');
        const transaction = JSON.parse(text) as ReceivedTransaction;
        return { ...transaction, subject: subjectOf(transaction.content) };
      });

  const maildir = (address: string): DeliveredMessage[] => {
    const mailbox = path.join(config.mailboxBase, mailboxPathOf(config, address));
    return ['new', 'cur']
      .map((folder) => path.join(mailbox, folder))
      .filter((folder) => fs.existsSync(folder))
      .flatMap((folder) => fs.readdirSync(folder).sort().map((name) => path.join(folder, name)))
      .map((file) => {
        const content = fs.readFileSync(file, 'latin1');
        return { subject: subjectOf(content), content };
      });
  };

  return {
    config,
    namespace,
    send: (message) => submitMessage(
      () => net.connect(resources.submissionSocket),
      message,
      SMTP_TIMEOUT_MS,
    ),
    sinkMessages,
    maildir,
    waitForSinkMessage: (subject, timeoutMs) =>
      waitFor(`the fake Microsoft host to receive "${subject}"`,
        () => sinkMessages().find((message) => message.subject === subject), timeoutMs),
    waitForMaildirMessage: (address, subject, timeoutMs) =>
      waitFor(`"${subject}" in the maildir of ${address}`,
        () => maildir(address).find((message) => message.subject === subject), timeoutMs),
    waitForDelivery: (address, subject, timeoutMs) =>
      waitFor(`"${subject}" at the Microsoft host or in the maildir of ${address}`, () => {
        if (sinkMessages().some((message) => message.subject === subject)) {
          return 'microsoft' as const;
        }
        return maildir(address).some((message) => message.subject === subject)
          ? ('local' as const)
          : undefined;
      }, timeoutMs),
    waitFor,
    maillogTail,
    reload: () => resources.reloadPostfix(),
    exec: (command) => resources.exec(command),
    stop: () => resources.release(),
  };
}

/** Everything the sandbox set up outside the config, torn down in reverse order. */
class SandboxResources {
  readonly sinkDir: string;
  readonly submissionSocket: string;
  private readonly netnsDir: string;
  private agent: ChildProcess | null = null;
  private namespaceCreated = false;
  private postfixStarted = false;
  private released = false;

  constructor(
    private readonly config: PostfixConfig,
    private readonly namespace: string,
  ) {
    this.sinkDir = path.join(config.root, 'fake-microsoft');
    this.submissionSocket = path.join(config.root, 'submission.sock');
    this.netnsDir = path.join('/etc/netns', namespace);
    fs.mkdirSync(this.sinkDir);
  }

  createNamespace(microsoftHosts: string[]): void {
    const added = spawnSync('ip', ['netns', 'add', this.namespace], { encoding: 'utf8' });
    if (added.status !== 0) {
      throw new Error(
        `cannot create network namespace ${this.namespace} for the Postfix sandbox ` +
          `(the system tests need root and ip netns; they do not skip): ` +
          `${(added.stderr || added.error?.message || '').trim()}`,
      );
    }
    this.namespaceCreated = true;

    // `ip netns exec` bind-mounts these over /etc/hosts and /etc/resolv.conf in the namespace:
    // the Microsoft host resolves to the sink, and no name lookup can leave the namespace.
    fs.mkdirSync(this.netnsDir, { recursive: true });
    const hosts = ['127.0.0.1 localhost', ...microsoftHosts.map((host) =>
      `${FAKE_MICROSOFT_ADDRESS} ${host}`)];
    fs.writeFileSync(path.join(this.netnsDir, 'hosts'), `${hosts.join('\n')}\n`);
    fs.writeFileSync(path.join(this.netnsDir, 'resolv.conf'), 'nameserver 127.0.0.1\n');
    this.mustExec(['ip', 'link', 'set', 'lo', 'up']);
  }

  async startAgent(): Promise<void> {
    const agent = spawn(
      'ip',
      ['netns', 'exec', this.namespace, process.execPath, '--import', 'tsx', AGENT_SCRIPT,
        this.sinkDir, this.submissionSocket],
      { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.agent = agent;
    let output = '';
    agent.stdout?.setEncoding('utf8');
    agent.stderr?.setEncoding('utf8');

    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(
        `namespace agent not ready within ${STARTUP_TIMEOUT_MS} ms: ${output}`)), STARTUP_TIMEOUT_MS);
      const onOutput = (chunk: string) => {
        output += chunk;
        if (output.includes(READY_LINE)) {
          clearTimeout(timer);
          resolve();
        }
      };
      agent.stdout?.on('data', onOutput);
      agent.stderr?.on('data', onOutput);
      agent.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`namespace agent exited with ${String(code)}: ${output.trim()}`));
      });
    });
  }

  startPostfix(): void {
    this.postfixStarted = true;
    this.mustExec(['postfix', '-c', this.config.configDir, 'start']);
  }

  reloadPostfix(): void {
    this.mustExec(['postfix', '-c', this.config.configDir, 'reload']);
  }

  /** True once Postfix's smtpd greets through the submission bridge. */
  smtpAnswers(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = net.connect(this.submissionSocket);
      socket.setTimeout(2000, () => socket.destroy());
      socket.once('data', (chunk) => {
        socket.destroy();
        resolve(chunk.toString('latin1').startsWith('220 '));
      });
      socket.once('close', () => resolve(false));
      // A refused connection before Postfix listens is what the caller waits out.
      socket.on('error', () => undefined);
    });
  }

  exec(command: string[]): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync('ip', ['netns', 'exec', this.namespace, ...command], {
      encoding: 'utf8',
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  /** Tears down what was set up; every step runs even when an earlier one fails. */
  async release(): Promise<void> {
    if (this.released) {
      return;
    }
    this.released = true;
    const problems: string[] = [];

    if (this.postfixStarted) {
      const stopped = this.exec(['postfix', '-c', this.config.configDir, 'stop']);
      // "the Postfix mail system is not running" is fine: the test may have stopped it.
      if (stopped.status !== 0 && !stopped.stderr.includes('not running')) {
        problems.push(`postfix stop: ${stopped.stderr.trim()}`);
      }
    }
    const agent = this.agent;
    if (agent !== null && agent.exitCode === null && agent.signalCode === null) {
      const exited = new Promise((resolve) => agent.once('exit', resolve));
      agent.kill('SIGTERM');
      // A stuck agent must not hang the test run; it holds nothing that SIGKILL would corrupt.
      const stuck = setTimeout(() => agent.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(stuck);
    }
    if (this.namespaceCreated) {
      const deleted = spawnSync('ip', ['netns', 'del', this.namespace], { encoding: 'utf8' });
      if (deleted.status !== 0) {
        problems.push(`ip netns del ${this.namespace}: ${deleted.stderr.trim()}`);
      }
    }
    fs.rmSync(this.netnsDir, { recursive: true, force: true });
    this.config.cleanup();

    if (problems.length > 0) {
      throw new Error(`stopping the Postfix sandbox: ${problems.join('; ')}`);
    }
  }

  private mustExec(command: string[]): void {
    const result = this.exec(command);
    if (result.status !== 0) {
      throw new Error(
        `${command.join(' ')} in namespace ${this.namespace} failed: ` +
          `${result.stderr.trim()}\nmaillog:\n${readTail(this.config.maillogPath)}`,
      );
    }
  }
}

function readTail(file: string, lines = 40): string {
  return fs.existsSync(file)
    ? fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n')
    : '(no maillog written)';
}

function subjectOf(content: string): string {
  return /^Subject: (.*?)\r?$/m.exec(content)?.[1] ?? '';
}

/** The address's mailbox path below virtual_mailbox_base, from the instance's vmailbox map. */
function mailboxPathOf(config: PostfixConfig, address: string): string {
  const text = fs.readFileSync(path.join(config.pleskMapDir, 'vmailbox'), 'utf8');
  for (const line of text.split('\n')) {
    const [key, mailbox] = line.trim().split(/\s+/);
    if (key === address && mailbox !== undefined) {
      return mailbox;
    }
  }
  throw new Error(`${address} has no mailbox in ${config.pleskMapDir}/vmailbox`);
}
