// Shared pieces of the root helper's tests: map text, the helper run as Plesk runs it, and
// snapshots of every file it may touch, to prove that a refused or no-change run touched none.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import type { PostfixConfig } from '../support/postfixConfig';
import { ROOT_HELPER, runRootHelper, type HelperOptions } from '../support/rootHelper';

export const HOST = 'example-com.mail.protection.outlook.com';
export const NEXT_HOP = `smtp:[${HOST}]:25`;
export const USAGE = 'usage: m365-split-delivery apply < map | status | remove\n';
export const INDEX_SUFFIX = { hash: '.db', lmdb: '.lmdb' } as const;

/** One map line: KEY, a tab, smtp:[HOST]:25 and LF. */
export function routeLine(key: string, host = HOST): string {
  return `${key}\tsmtp:[${host}]:25\n`;
}

/** Map text of these routes, in the order given: keys alone route to HOST. */
export function mapOf(routes: Array<string | [string, string]>): string {
  return routes
    .map((route) => (typeof route === 'string' ? routeLine(route) : routeLine(...route)))
    .join('');
}

/** Distinct addresses user000@example.com, user001@… for maps of any size. */
export function users(count: number, domain = 'example.com'): string[] {
  return Array.from({ length: count }, (_, n) => `user${String(n).padStart(3, '0')}@${domain}`);
}

/**
 * A value as the helper quotes it in a refusal: bytes outside printable ASCII shown as `?`,
 * anything past 80 columns cut to 77 and `...`.
 */
export function shown(value: string): string {
  const printable = Buffer.from(value).toString('latin1').replace(/[^ -~]/g, '?');
  return printable.length > 80 ? `${printable.slice(0, 77)}...` : printable;
}

/** The refusal of a line that is not KEY, blanks and one next hop (blanks inside, or no key). */
export function shapeRefusal(line: string): string {
  return `not a comment, a blank line or "KEY smtp:[HOST]:25": "${shown(line)}"`;
}

export function sha256(text: string | Buffer): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

export interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the helper against the config and returns what a caller sees: exit code and output. */
export async function helper(
  config: PostfixConfig,
  args: string[],
  stdin: string | Buffer = '',
  options: Omit<HelperOptions, 'configDir' | 'stdin'> = {},
): Promise<Outcome> {
  const result = await runRootHelper(args, { ...options, configDir: config.configDir, stdin });
  return { code: result.code, stdout: result.stdout, stderr: result.stderr };
}

/** `apply` of this text; it must succeed with `applied routes=N` and nothing on stderr. */
export async function applyOk(config: PostfixConfig, text: string, routes: number): Promise<void> {
  expect(await helper(config, ['apply'], text))
    .toEqual({ code: 0, stdout: `applied routes=${routes}\n`, stderr: '' });
}

/** The value `postconf -h` prints, without its trailing LF. */
export function parameterValue(config: PostfixConfig, name: string): string {
  return config.postconf('-h', name).replace(/\n$/, '');
}

/**
 * Postfix's tools wait (about 2 s) before reading a main.cf modified in the last seconds; a test
 * that has just changed it dates it back so the next run does not pay that wait.
 */
export function ageMainCf(config: PostfixConfig): void {
  const past = new Date(Date.now() - 60000);
  fs.utimesSync(path.join(config.configDir, 'main.cf'), past, past);
}

/** Sets main.cf parameters as Plesk or an admin would (`postconf -e`). */
export function setParameters(config: PostfixConfig, ...settings: string[]): void {
  config.postconf('-e', ...settings);
  ageMainCf(config);
}

/** Writes transport_maps into main.cf as Plesk or an admin would; null removes it. */
export function setTransportMaps(config: PostfixConfig, value: string | null): void {
  if (value === null) {
    config.postconf('-X', 'transport_maps');
    ageMainCf(config);
  } else {
    setParameters(config, `transport_maps=${value}`);
  }
}

/** What can be told of one file without opening it for writing. */
export interface FileState {
  bytes: string;
  ino: bigint;
  mtimeNs: bigint;
  mode: number;
}

export function fileState(file: string): FileState | null {
  if (!fs.existsSync(file)) {
    return null;
  }
  const stat = fs.statSync(file, { bigint: true });
  return {
    bytes: fs.readFileSync(file).toString('base64'),
    ino: stat.ino,
    mtimeNs: stat.mtimeNs,
    mode: Number(stat.mode & 0o7777n),
  };
}

function listing(directory: string): string[] | null {
  return fs.existsSync(directory) ? fs.readdirSync(directory).sort() : null;
}

/** Every file the helper may write, and the names in both directories it writes to. */
export interface ConfigSnapshot {
  mainCf: FileState | null;
  configDirectory: string[] | null;
  mapDirectory: string[] | null;
  text: FileState | null;
  hashIndex: FileState | null;
  lmdbIndex: FileState | null;
}

export function configSnapshot(config: PostfixConfig): ConfigSnapshot {
  return {
    mainCf: fileState(path.join(config.configDir, 'main.cf')),
    configDirectory: listing(config.configDir),
    mapDirectory: listing(config.mapDir),
    text: fileState(config.mapPath),
    hashIndex: fileState(`${config.mapPath}.db`),
    lmdbIndex: fileState(`${config.mapPath}.lmdb`),
  };
}

/** A helper run that the test can watch while it is running (lock tests). */
export interface RunningHelper {
  child: ChildProcess;
  done: Promise<Outcome>;
  exited(): boolean;
}

/** Starts the helper like runRootHelper does, without waiting for it. */
export function startHelper(config: PostfixConfig, args: string[], stdin: string): RunningHelper {
  const child = spawn(ROOT_HELPER, args, {
    env: { PATH: process.env.PATH, MAIL_CONFIG: config.configDir },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let finished = false;
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
  const done = new Promise<Outcome>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      finished = true;
      resolve({
        code,
        stdout: Buffer.concat(stdout).toString(),
        stderr: Buffer.concat(stderr).toString(),
      });
    });
  });
  // The helper may exit before reading stdin; that is what the test looks at, not an error.
  child.stdin?.on('error', () => undefined);
  child.stdin?.end(stdin);
  return { child, done, exited: () => finished };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A `flock FILE sleep 40` of the test's own, holding the lock the helper takes. */
export interface LockHolder {
  release(): Promise<void>;
}

/** Takes the lock on FILE in a child process and returns once it is held. */
export async function holdLock(file: string): Promise<LockHolder> {
  // A process group of its own, so that release ends flock and the sleep that inherits the lock.
  const holder = spawn('flock', [file, 'sleep', '40'], { detached: true, stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => holder.on('exit', () => resolve()));
  const release = async () => {
    if (holder.pid !== undefined && holder.exitCode === null && holder.signalCode === null) {
      process.kill(-holder.pid, 'SIGKILL');
    }
    await exited;
  };
  for (let tries = 0; tries < 100; tries += 1) {
    if (spawnSync('flock', ['-n', file, 'true']).status === 1) {
      return { release };
    }
    await sleep(50);
  }
  await release();
  throw new Error(`flock ${file} did not take the lock within 5 s`);
}
