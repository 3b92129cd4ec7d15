// Drives the engine CLI (build/sandbox/engine.php) on a data directory of the sandbox's own:
// accounts.json stands for Plesk's mail accounts, store.json for the extension's marks.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ENGINE = path.resolve(__dirname, '../../build/sandbox/engine.php');

export interface MailAccount {
  id: number;
  /** Local part, e.g. `bob`. */
  name: string;
  /** `mailbox`, or `forwarding` for an address without a mailbox of its own. */
  kind: string;
  /** Local parts of this account's aliases in the same domain. */
  aliases: string[];
}

export interface MailDomain {
  id: number;
  name: string;
  accounts: MailAccount[];
}

export interface Mark {
  accountId: number;
  localPart: string;
}

export interface StoredDomain {
  nextHop: string;
  marks: Mark[];
}

export interface Store {
  version: 1;
  domains: Record<string, StoredDomain>;
}

export interface EngineResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The Plesk accounts of the fixtures: sales@ is bob's alias, info@ forwards only. */
export function pleskAccounts(): MailDomain[] {
  return [
    {
      id: 1,
      name: 'example.com',
      accounts: [
        { id: 11, name: 'alice', kind: 'mailbox', aliases: [] },
        { id: 12, name: 'bob', kind: 'mailbox', aliases: ['sales'] },
        { id: 13, name: 'carol', kind: 'mailbox', aliases: [] },
        { id: 14, name: 'info', kind: 'forwarding', aliases: [] },
      ],
    },
    {
      id: 2,
      name: 'example.org',
      accounts: [{ id: 21, name: 'dave', kind: 'mailbox', aliases: [] }],
    },
  ];
}

/** A store marking these local parts of example.com (ids from pleskAccounts()). */
export function storeMarking(nextHop: string, localParts: string[]): Store {
  const ids = new Map(pleskAccounts()[0]?.accounts.map((account) => [account.name, account.id]));
  const marks = localParts.map((localPart) => {
    const accountId = ids.get(localPart);
    if (accountId === undefined) {
      throw new Error(`${localPart}@example.com is not an account of the fixtures`);
    }
    return { accountId, localPart };
  });
  return { version: 1, domains: { '1': { nextHop, marks } } };
}

/** The engine's data directory inside a sandbox root. */
export class EngineData {
  readonly dir: string;

  constructor(root: string) {
    this.dir = path.join(root, 'engine-data');
    fs.mkdirSync(this.dir, { recursive: true });
  }

  write(domains: MailDomain[], store: Store): void {
    fs.writeFileSync(path.join(this.dir, 'accounts.json'), JSON.stringify({ domains }, null, 2));
    fs.writeFileSync(path.join(this.dir, 'store.json'), JSON.stringify(store, null, 2));
  }

  readStore(): Store {
    return JSON.parse(fs.readFileSync(path.join(this.dir, 'store.json'), 'utf8')) as Store;
  }

  /** Runs `php build/sandbox/engine.php --data DIR ARGS…` against the Postfix in configDir. */
  run(args: string[], configDir: string): Promise<EngineResult> {
    return new Promise((resolve, reject) => {
      const child = spawn('php', [ENGINE, '--data', this.dir, ...args], {
        env: { PATH: process.env.PATH, MAIL_CONFIG: configDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }
}
