// `npm run build` builds the installable zip; opened here, it holds exactly what Plesk needs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { readZip, type ZipEntry } from '../../build/package/zip';

const ROOT = path.resolve(__dirname, '../..');
const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
};
const ZIP = path.join(ROOT, `build/dist/m365-split-delivery-${version}.zip`);

let entries: ZipEntry[] = [];

beforeAll(() => {
  const build = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['build/package.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(build.stderr).toBe('');
  expect(build.status).toBe(0);
  entries = readZip(fs.readFileSync(ZIP));
}, 120000);

function entry(name: string): ZipEntry {
  const found = entries.find((e) => e.name === name);
  if (!found) throw new Error(`${name} is not in the zip`);
  return found;
}

test('the zip holds only what Plesk installs', () => {
  const tops = [...new Set(entries.map((e) => e.name.split('/')[0]))].sort();
  expect(tops).toEqual([
    'CHANGES.md',
    'DESCRIPTION.md',
    '_meta',
    'htdocs',
    'meta.xml',
    'plib',
    'sbin',
  ]);
  expect(entries.map((e) => e.name)).toEqual(
    expect.arrayContaining([
      'htdocs/dist/main.js',
      'plib/controllers/ApiController.php',
      'plib/controllers/IndexController.php',
      'plib/hooks/CustomButtons.php',
      'plib/hooks/ActionLog.php',
      'plib/library/autoload.php',
      'plib/library/Api/ApiService.php',
      'plib/views/scripts/index/index.phtml',
      '_meta/icons/32x32.png',
      '_meta/icons/64x64.png',
      'sbin/m365-split-delivery',
    ]),
  );
  const unwanted = entries.filter((e) =>
    /(^|\/)(node_modules|src|test|tests|build)\/|\.ts$|\.tsx$/.test(e.name),
  );
  expect(unwanted.map((e) => e.name)).toEqual([]);
  expect(entries.filter((e) => e.name.startsWith('sbin/')).map((e) => e.name)).toEqual([
    'sbin/m365-split-delivery',
  ]);
});

test('the root helper keeps its run bit, everything else is 0644', () => {
  expect(entry('sbin/m365-split-delivery').mode.toString(8)).toBe('755');
  const others = entries.filter((e) => e.name !== 'sbin/m365-split-delivery');
  expect([...new Set(others.map((e) => e.mode.toString(8)))]).toEqual(['644']);
});

test('the manifest names the extension, its version, release and minimum Plesk', () => {
  const xml = entry('meta.xml').data.toString('utf8');
  const release = spawnSync('git', ['rev-list', '--count', 'HEAD'], {
    cwd: ROOT,
    encoding: 'utf8',
  });

  expect(xml).toContain('<id>m365-split-delivery</id>');
  expect(xml).toContain('<name>Microsoft 365 Split Delivery</name>');
  expect(xml).toContain(`<version>${version}</version>`);
  expect(xml).toContain(`<release>${release.stdout.trim()}</release>`);
  expect(xml).toContain('<plesk_min_version>18.0.55</plesk_min_version>');
  expect(xml).toMatch(/<description>Deliver single mailboxes/);
  expect(xml).toMatch(/<description xml:lang="de-DE">Stellt einzelne Postfächer/);
  expect(xml).not.toContain('@');
});

test('every PHP file in the zip passes php -l', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'm365-zip-'));
  try {
    const php = entries.filter((e) => /\.(php|phtml)$/.test(e.name));
    expect(php.length).toBeGreaterThan(50);
    const failures: string[] = [];
    for (const file of php) {
      const target = path.join(dir, file.name);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, file.data);
      const lint = spawnSync('php', ['-l', target], { encoding: 'utf8' });
      if (lint.status !== 0) failures.push(`${file.name}: ${lint.stdout}${lint.stderr}`);
    }
    expect(failures).toEqual([]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
