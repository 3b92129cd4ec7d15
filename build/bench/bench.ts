// `npm run bench`: the root helper's apply beside a bare postmap of the same text, the
// no-change apply, and the PHP planner, measured side by side in one run. Not a test.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { createPostfixConfig, type DatabaseType } from '../../test/support/postfixConfig';

const ROOT_HELPER = path.resolve(__dirname, '../../sbin/m365-split-delivery');
const PLANNER_BENCH = path.resolve(__dirname, 'planner.php');
const SIZES = [1_000, 10_000, 100_000];
const TYPES: DatabaseType[] = ['hash', 'lmdb'];
const REPEATS = 7;

/** A map of `count` routes as the renderer writes it: header, keys in bytewise order. */
function mapText(count: number, variant: string): string {
  const lines = ['# Microsoft 365 Split Delivery: benchmark map'];
  for (let i = 0; i < count; i++) {
    const user = `user${String(i).padStart(6, '0')}`;
    lines.push(`${user}@${variant}.example.com\tsmtp:[${variant}-example-com.mail.protection.outlook.com]:25`);
  }
  return `${lines.join('\n')}\n`;
}

/** Runs a command with a file as its stdin, as postmap reads its text from a file too. */
function run(command: string, args: string[], stdinFile: string, env: NodeJS.ProcessEnv): number {
  const stdin = fs.openSync(stdinFile, 'r');
  try {
    const started = process.hrtime.bigint();
    const result = spawnSync(command, args, { stdio: [stdin, 'pipe', 'pipe'], env });
    const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 0) {
      throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    }
    return elapsed;
  } finally {
    fs.closeSync(stdin);
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function format(ms: number): string {
  return `${ms.toFixed(1)} ms`.padStart(10);
}

function benchHelper(type: DatabaseType, count: number): string {
  const config = createPostfixConfig({ transportType: type });
  try {
    const env = { PATH: process.env.PATH, MAIL_CONFIG: config.configDir };
    const maps = ['aa', 'bb'].map((variant) => {
      const file = path.join(config.root, `map-${variant}`);
      fs.writeFileSync(file, mapText(count, variant));
      return file;
    });
    // The first apply puts our map first in transport_maps: main.cf is right from then on.
    run(ROOT_HELPER, ['apply'], maps[1] ?? '', env);

    const bareFile = path.join(config.mapDir, 'bare');
    const applies: number[] = [];
    const bare: number[] = [];
    const unchanged: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      const map = maps[i % 2] ?? '';
      applies.push(run(ROOT_HELPER, ['apply'], map, env));
      unchanged.push(run(ROOT_HELPER, ['apply'], map, env));
      fs.copyFileSync(map, bareFile);
      bare.push(run('postmap', ['-c', config.configDir, `${type}:${bareFile}`], '/dev/null', env));
    }

    const ratio = median(applies) / median(bare);
    return [
      type.padEnd(5),
      String(count).padStart(7),
      format(median(applies)),
      format(median(bare)),
      `${ratio.toFixed(2)}×`.padStart(7),
      format(median(unchanged)),
    ].join('  ');
  } finally {
    config.cleanup();
  }
}

function benchPlanner(count: number): string {
  const result = spawnSync('php', ['-d', 'memory_limit=-1', PLANNER_BENCH, String(count)], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`planner bench failed: ${result.stderr}`);
  return result.stdout.trim();
}

function main(): void {
  console.log(`Median of ${REPEATS} runs each; Postfix not running, so no reload is timed;`);
  console.log('the helper reads the map from a file on stdin.');
  console.log('changed-map apply = sbin/m365-split-delivery apply of a map that differs');
  console.log('bare postmap      = postmap of the same text, nothing else');
  console.log('');
  console.log('type    routes  changed apply  bare postmap  ratio  no-change apply');
  for (const type of TYPES) {
    for (const count of SIZES) console.log(benchHelper(type, count));
  }
  console.log('');
  console.log('PHP planner (plan + render, marks for every mailbox of one domain):');
  for (const count of SIZES) console.log(benchPlanner(count));
}

main();
