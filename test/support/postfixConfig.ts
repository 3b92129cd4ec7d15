// A throw-away Postfix configuration shaped like a Plesk server: its own main.cf, master.cf,
// queue, data and mail directories and Plesk-style maps under one temp root. Starts nothing.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Where Plesk keeps its maps on a real server; rewritten to the instance's own directory. */
const PLESK_MAP_DIR = '/var/spool/postfix/plesk/';
/** A copy of shared/fixtures/plesk/, so that a clone anywhere runs the same instance. */
const FIXTURE_DIR = path.resolve(__dirname, '../fixtures/plesk');
const DEBIAN_MASTER_CF = '/etc/postfix/master.cf';

/** Parameters of the fixture that name Plesk's own delivery agent, mail store or milters. */
const PLESK_ONLY_PARAMETERS = new Set([
  'virtual_transport',
  'virtual_mailbox_base',
  'smtpd_milters',
  // Belongs to the plesk_virtual transport swapped out above; Postfix would warn it is unused.
  'plesk_virtual_destination_recipient_limit',
]);

/** Owner of delivered maildirs: virtual(8) refuses root, and nobody owns nothing else here. */
const MAILDIR_UID = 65534;
const MAILDIR_GID = 65534;

export type DatabaseType = 'hash' | 'lmdb';

export interface PostfixConfigOptions {
  /** Database type Plesk's map entries are written with ('lmdb' as on AlmaLinux 10, C4). */
  transportType?: DatabaseType;
  /** Replaces Plesk's transport_maps value; null leaves the parameter unset. */
  transportMaps?: string | null;
  /** Extra main.cf parameters, written last (they override the defaults set here). */
  mainCf?: Record<string, string>;
  /** Directory to create the temp root in (default: the system's temp directory). */
  parentDir?: string;
}

export interface PostfixConfig {
  /** Temp root holding everything of this instance. */
  root: string;
  /** Postfix configuration directory (MAIL_CONFIG). */
  configDir: string;
  /** Directory of Plesk's maps in this instance (stands for /var/spool/postfix/plesk). */
  pleskMapDir: string;
  /** Where the root helper keeps our map and its index. */
  mapDir: string;
  /** Our map's text file. */
  mapPath: string;
  /** Root of the maildirs virtual(8) delivers into (stands for /var/qmail/mailnames). */
  mailboxBase: string;
  /** The instance's maillog_file. */
  maillogPath: string;
  transportType: DatabaseType;
  /** Runs `postconf -c configDir ARGS…` and returns its stdout. */
  postconf(...args: string[]): string;
  /** A parameter's value as written in main.cf, or null when main.cf does not set it. */
  parameter(name: string): string | null;
  /** Removes the temp root. Idempotent. */
  cleanup(): void;
}

/** Builds the configuration of a Plesk-shaped Postfix instance in a new temp root. */
export function createPostfixConfig(options: PostfixConfigOptions = {}): PostfixConfig {
  const transportType = options.transportType ?? 'hash';
  const root = fs.mkdtempSync(path.join(options.parentDir ?? os.tmpdir(), 'm365sd-postfix-'));

  try {
    return buildConfig(root, transportType, options);
  } catch (error) {
    fs.rmSync(root, { recursive: true, force: true });
    throw error;
  }
}

function buildConfig(
  root: string,
  transportType: DatabaseType,
  options: PostfixConfigOptions,
): PostfixConfig {
  // Every parent must be traversable by the postfix user, and the root helper trusts a
  // MAIL_CONFIG only when it and its main.cf are root-owned and not group/other-writable.
  fs.chmodSync(root, 0o755);
  const configDir = makeDirectory(root, 'etc', 0o755);
  const pleskMapDir = makeDirectory(root, 'plesk', 0o755);
  const queueDir = makeDirectory(root, 'spool', 0o755);
  const dataDir = makeDirectory(root, 'data', 0o700);
  const logDir = makeDirectory(root, 'log', 0o755);
  const mailboxBase = makeDirectory(root, 'mailnames', 0o755);
  fs.chownSync(dataDir, postfixUser().uid, postfixUser().gid);
  fs.chownSync(mailboxBase, MAILDIR_UID, MAILDIR_GID);
  const maillogPath = path.join(logDir, 'maillog');
  const aliasesPath = path.join(configDir, 'aliases');

  const pleskParameters = readPleskParameters(pleskMapDir, aliasesPath, transportType);
  if (options.transportMaps !== undefined) {
    pleskParameters.delete('transport_maps');
    if (options.transportMaps !== null) {
      pleskParameters.set('transport_maps', options.transportMaps);
    }
  }
  const parameters = new Map<string, string>([
    ['compatibility_level', '3.6'],
    ['myhostname', 'plesk.example.net'],
    ['mydestination', 'localhost'],
    ['mynetworks', '127.0.0.0/8'],
    ['inet_interfaces', '127.0.0.1'],
    ['inet_protocols', 'ipv4'],
    ['queue_directory', queueDir],
    ['data_directory', dataDir],
    // No syslog here: without maillog_file Postfix's own fatal errors go nowhere.
    ['maillog_file', maillogPath],
    ['maillog_file_prefixes', root],
    // The fake Microsoft host is found through the namespace's hosts file, never DNS.
    ['smtp_dns_support_level', 'disabled'],
    ['smtp_host_lookup', 'native'],
    ['alias_database', `${transportType}:${aliasesPath}`],
    ...pleskParameters,
    // Local stand-ins for Plesk's delivery agent, mail store and milters.
    ['virtual_transport', 'virtual'],
    ['virtual_mailbox_base', mailboxBase],
    ['virtual_uid_maps', `static:${MAILDIR_UID}`],
    ['virtual_gid_maps', `static:${MAILDIR_GID}`],
    ['smtpd_milters', ''],
    ...Object.entries(options.mainCf ?? {}),
  ]);
  const mainCf = [...parameters].map(([name, value]) => `${name} = ${value}\n`).join('');
  writeFile(path.join(configDir, 'main.cf'), mainCf, 0o644);

  fs.copyFileSync(DEBIAN_MASTER_CF, path.join(configDir, 'master.cf'));
  fs.chmodSync(path.join(configDir, 'master.cf'), 0o644);
  const postconf = (...args: string[]): string => run('postconf', ['-c', configDir, ...args]);
  // Debian chroots the SMTP client, which would then resolve names from the chroot's etc/hosts.
  postconf('-F', '*/*/chroot=n');

  writePleskMaps(configDir, pleskMapDir, aliasesPath, transportType);

  const mapDir = path.join(configDir, 'm365-split-delivery');
  return {
    root,
    configDir,
    pleskMapDir,
    mapDir,
    mapPath: path.join(mapDir, 'transport'),
    mailboxBase,
    maillogPath,
    transportType,
    postconf,
    parameter: (name) => parameterAsWritten(postconf, name),
    cleanup: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

/** The fixture's main.cf lines, Plesk's paths rewritten to this instance's own. */
function readPleskParameters(
  pleskMapDir: string,
  aliasesPath: string,
  transportType: DatabaseType,
): Map<string, string> {
  const text = fs.readFileSync(path.join(FIXTURE_DIR, 'main.cf'), 'utf8');
  const parameters = new Map<string, string>();

  for (const line of text.split('\n')) {
    const match = /^([a-z_]+) = (.*)$/.exec(line);
    if (match === null || PLESK_ONLY_PARAMETERS.has(match[1] as string)) {
      continue;
    }
    let value = (match[2] as string)
      .split(PLESK_MAP_DIR).join(`${pleskMapDir}/`)
      .split('/etc/aliases').join(aliasesPath);
    if (transportType === 'lmdb') {
      value = value.split('hash:').join('lmdb:');
    }
    parameters.set(match[1] as string, value);
  }
  return parameters;
}

/** Plesk's maps (fixtures, plus empty transport and sender-dependent tables), built. */
function writePleskMaps(
  configDir: string,
  pleskMapDir: string,
  aliasesPath: string,
  type: DatabaseType,
): void {
  for (const name of ['virtual', 'vmailbox', 'virtual_domains']) {
    const target = path.join(pleskMapDir, name);
    fs.copyFileSync(path.join(FIXTURE_DIR, name), target);
    fs.chmodSync(target, 0o644);
    run('postmap', ['-c', configDir, `${type}:${target}`]);
  }
  for (const name of ['transport', 'sdd_transport_maps']) {
    const target = path.join(pleskMapDir, name);
    writeFile(target, '', 0o644);
    run('postmap', ['-c', configDir, `${type}:${target}`]);
  }

  // Alias tables have their own format (`name: value`) and are built with postalias.
  writeFile(aliasesPath, 'postmaster: root\n', 0o644);
  run('postalias', ['-c', configDir, `${type}:${aliasesPath}`]);
  const pleskAliases = path.join(pleskMapDir, 'aliases');
  writeFile(pleskAliases, '', 0o644);
  run('postalias', ['-c', configDir, `${type}:${pleskAliases}`]);
}

/** `postconf -n` lists only what main.cf sets, so an absent parameter is told from an empty one. */
function parameterAsWritten(postconf: (...args: string[]) => string, name: string): string | null {
  const prefix = `${name} = `;
  for (const line of postconf('-n').split('\n')) {
    if (line.startsWith(prefix)) {
      return line.slice(prefix.length);
    }
    if (line === `${name} =`) {
      return '';
    }
  }
  return null;
}

let cachedPostfixUser: { uid: number; gid: number } | undefined;

function postfixUser(): { uid: number; gid: number } {
  cachedPostfixUser ??= {
    uid: Number(run('id', ['-u', 'postfix']).trim()),
    gid: Number(run('id', ['-g', 'postfix']).trim()),
  };
  return cachedPostfixUser;
}

function makeDirectory(root: string, name: string, mode: number): string {
  const directory = path.join(root, name);
  fs.mkdirSync(directory, { mode });
  // mkdir's mode is filtered by the umask; the modes here are a contract, not a wish.
  fs.chmodSync(directory, mode);
  return directory;
}

function writeFile(file: string, text: string, mode: number): void {
  fs.writeFileSync(file, text);
  fs.chmodSync(file, mode);
}

/** Runs a command, failing with its stderr when it exits non-zero. */
function run(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`${command} ${args.join(' ')} failed: ${stderr.trim() || String(error)}`);
  }
}
