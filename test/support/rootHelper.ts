// Runs the root helper the way Plesk's callSbin does: an argument array,
// the map on stdin, and the Postfix instance chosen by MAIL_CONFIG.
import { spawn } from 'node:child_process';
import path from 'node:path';

export const ROOT_HELPER = path.resolve(__dirname, '../../sbin/m365-split-delivery');

export interface HelperResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface HelperOptions {
  /** Postfix configuration directory to act on (becomes MAIL_CONFIG). */
  configDir: string;
  stdin?: string | Buffer;
  /** Extra environment, e.g. to show that the helper ignores it. */
  env?: NodeJS.ProcessEnv;
  /** Wraps the call, e.g. ['sh', '-c', 'ulimit -f 64; exec "$@"', 'limit']. */
  wrapper?: string[];
}

/** Runs `sbin/m365-split-delivery ARGS…` and collects its exit status and output. */
export function runRootHelper(args: string[], options: HelperOptions): Promise<HelperResult> {
  const command = [...(options.wrapper ?? []), ROOT_HELPER, ...args];
  const [file, ...rest] = command as [string, ...string[]];

  return new Promise((resolve, reject) => {
    const child = spawn(file, rest, {
      env: { PATH: process.env.PATH, ...options.env, MAIL_CONFIG: options.configDir },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({
        code,
        signal,
        stdout: Buffer.concat(stdout).toString(),
        stderr: Buffer.concat(stderr).toString(),
      }),
    );
    // The helper may exit before reading all of stdin (bad usage); that is not a test error.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.stdin ?? '');
  });
}
