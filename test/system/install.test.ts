// Install, rebuild, self-healing and uninstall through the extension's lifecycle entry points
// (test/php/Scripts/lifecycle-runner.php wires them as plib/scripts/ does, minus Plesk) against a
// real, Plesk-shaped Postfix configuration: installing changes nothing in main.cf, uninstalling
// gives back transport_maps exactly as it was. Issue 3, CASES C3.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { EngineData, pleskAccounts, storeMarking } from '../support/engine';
import { createPostfixConfig, type PostfixConfig } from '../support/postfixConfig';
import { MICROSOFT_HOST } from '../support/postfixSandbox';

jest.setTimeout(60000);

const RUNNER = path.resolve(__dirname, '../php/Scripts/lifecycle-runner.php');

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const TYPES = ['hash', 'lmdb'] as const;

describe.each(TYPES)('install and uninstall with Plesk maps written %s:', (type) => {
  let config: PostfixConfig;
  let data: EngineData;
  let pleskTransportMaps: string;

  const run = (command: string): RunResult => {
    const result = spawnSync('php', [RUNNER, data.dir, command], {
      env: { PATH: process.env.PATH, MAIL_CONFIG: config.configDir },
      encoding: 'utf8',
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const mainCf = () => fs.readFileSync(path.join(config.configDir, 'main.cf'), 'utf8');
  const transportMaps = () => config.postconf('-h', 'transport_maps');
  const tasks = () => JSON.parse(fs.readFileSync(path.join(data.dir, 'check-task.json'), 'utf8'));

  beforeAll(() => {
    config = createPostfixConfig({ transportType: type });
    data = new EngineData(config.root);
    data.write(pleskAccounts(), storeMarking(MICROSOFT_HOST, ['bob', 'carol']));
    pleskTransportMaps = transportMaps();
  });

  afterAll(() => {
    config?.cleanup();
  });

  test('post-install schedules the check and changes nothing in main.cf, twice', () => {
    const before = mainCf();

    for (const round of [1, 2]) {
      const result = run('post-install');
      expect({ round, ...result }).toEqual({
        round,
        code: 0,
        stdout: 'm365-split-delivery: installed: the map is checked every 5 minutes\n',
        stderr: '',
      });
      expect(mainCf()).toBe(before);
      expect(tasks()).toEqual(['check.php']);
    }
    expect(fs.existsSync(config.mapPath)).toBe(false);
  });

  test('a rebuild puts our map first, ahead of Plesk\'s value kept as written', () => {
    const result = run('rebuild');

    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    expect(result.stdout.split('\n').slice(-2)).toEqual(['applied 2 routes', '']);
    expect(transportMaps()).toBe(`${type}:${config.mapPath}, ${pleskTransportMaps}`);
    expect(fs.readFileSync(config.mapPath, 'utf8')).toContain(
      `bob@example.com\tsmtp:[${MICROSOFT_HOST}]:25\n`
        + `carol@example.com\tsmtp:[${MICROSOFT_HOST}]:25\n`,
    );
  });

  test('the scheduled check puts our map first again after Plesk rewrote it (C3)', () => {
    config.postconf('-e', `transport_maps = ${pleskTransportMaps.trimEnd()}`);
    expect(transportMaps()).toBe(pleskTransportMaps);

    const healed = run('check');

    expect(healed).toEqual({
      code: 0,
      stdout: '',
      stderr: 'm365-split-delivery: our map is not first in transport_maps (Plesk rewrote '
        + 'main.cf?): re-applying\n',
    });
    expect(transportMaps()).toBe(`${type}:${config.mapPath}, ${pleskTransportMaps}`);
    expect(run('check')).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  test('post-install again, as on an upgrade, leaves main.cf as the rebuild left it', () => {
    const before = mainCf();

    expect(run('post-install').code).toBe(0);

    expect(mainCf()).toBe(before);
    expect(tasks()).toEqual(['check.php']);
  });

  test('pre-uninstall gives back transport_maps exactly as before install', () => {
    const result = run('pre-uninstall');

    expect(result).toEqual({
      code: 0,
      stdout: 'm365-split-delivery: uninstalled: our map is out of transport_maps\n',
      stderr: '',
    });
    expect(transportMaps()).toBe(pleskTransportMaps);
    expect(fs.existsSync(config.mapPath)).toBe(false);
    expect(tasks()).toEqual([]);
  });
});
