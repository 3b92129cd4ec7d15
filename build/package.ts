// `npm run build`: the installable extension build/dist/m365-split-delivery-<version>.zip —
// the UI bundle built by webpack, then exactly what Plesk needs: meta.xml (version from
// package.json, release from the git history), _meta/, DESCRIPTION.md, CHANGES.md, htdocs/,
// plib/ and the root helper with its run bit. No node_modules, sources, tests or tooling.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { writeZip, type ZipEntry } from './package/zip';

const ROOT = path.resolve(__dirname, '..');
const EXTENSION_ID = 'm365-split-delivery';
const PLIB_FOLDERS = ['controllers', 'hooks', 'library', 'resources', 'scripts', 'views'];
const HELPER = `sbin/${EXTENSION_ID}`;

function fail(message: string): never {
  console.error(`npm run build: ${message}`);
  process.exit(1);
}

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8' });
  if (result.error) fail(`cannot run ${command}: ${result.error.message}`);
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    fail(`${command} ${args.join(' ')} exited with status ${String(result.status)}`);
  }
  return result.stdout;
}

/** Every file under $folder (relative to the root), sorted, or none when it does not exist. */
function filesUnder(folder: string): string[] {
  const absolute = path.join(ROOT, folder);
  if (!fs.existsSync(absolute)) return [];
  return fs
    .readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)))
    .map((name) => name.split(path.sep).join('/'))
    .sort();
}

function version(): { version: string; release: string } {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    version?: unknown;
  };
  if (typeof pkg.version !== 'string' || !/^\d+\.\d+\.\d+$/.test(pkg.version)) {
    fail('package.json has no version of the form 1.2.3');
  }
  // The release counts the commits, so each build from a newer commit upgrades the last.
  const release = run('git', ['rev-list', '--count', 'HEAD']).trim();
  return { version: pkg.version, release };
}

function manifest(versionText: string, release: string): Buffer {
  const template = fs.readFileSync(path.join(ROOT, 'meta.xml'), 'utf8');
  if (!template.includes('@VERSION@') || !template.includes('@RELEASE@')) {
    fail('meta.xml lacks the @VERSION@ or @RELEASE@ placeholder');
  }
  return Buffer.from(template.replace('@VERSION@', versionText).replace('@RELEASE@', release));
}

function main(): void {
  if (!fs.existsSync(path.join(ROOT, 'build/webpack.config.js'))) {
    fail('build/webpack.config.js is missing: the UI bundle cannot be built');
  }
  const { version: versionText, release } = version();
  run(path.join(ROOT, 'node_modules/.bin/webpack'), ['--config', 'build/webpack.config.js']);
  if (!fs.existsSync(path.join(ROOT, 'htdocs/dist/main.js'))) {
    fail('webpack did not write htdocs/dist/main.js');
  }

  const names = [
    'DESCRIPTION.md',
    'CHANGES.md',
    ...filesUnder('_meta'),
    ...filesUnder('htdocs'),
    ...PLIB_FOLDERS.flatMap((folder) => filesUnder(`plib/${folder}`)),
    HELPER,
  ];
  const entries: ZipEntry[] = [
    { name: 'meta.xml', data: manifest(versionText, release), mode: 0o644 },
  ];
  for (const name of names) {
    const file = path.join(ROOT, name);
    if (!fs.existsSync(file)) fail(`${name} is missing`);
    entries.push({ name, data: fs.readFileSync(file), mode: name === HELPER ? 0o755 : 0o644 });
  }

  const outDir = path.join(ROOT, 'build/dist');
  fs.mkdirSync(outDir, { recursive: true });
  const out = path.join(outDir, `${EXTENSION_ID}-${versionText}.zip`);
  fs.writeFileSync(out, writeZip(entries));
  console.log(`${path.relative(ROOT, out)}: ${entries.length} files, release ${release}`);
}

main();
