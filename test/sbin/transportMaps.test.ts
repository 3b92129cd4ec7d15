// transport_maps as the root helper leaves it in a real main.cf (shared vectors, C3, C4, C9),
// and the database type it picks for the map.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

import { createPostfixConfig, type PostfixConfig } from '../support/postfixConfig';
import { lookupRoute } from '../support/routeLookup';
import vectors from '../vectors/transport-maps.json';
import {
  ageMainCf,
  applyOk,
  configSnapshot,
  helper,
  INDEX_SUFFIX,
  mapOf,
  NEXT_HOP,
  parameterValue,
  setParameters,
  setTransportMaps,
} from './support';

const TEXT = mapOf(['bob@example.com', 'carol@example.com']);

/** The lines `postconf -n transport_maps` prints: nothing when main.cf does not set it. */
function transportMapsAsSet(config: PostfixConfig): string {
  return config.postconf('-n', 'transport_maps');
}

describe('transport_maps merge vectors against real postconf', () => {
  let config: PostfixConfig;

  beforeAll(() => {
    config = createPostfixConfig();
  });

  afterAll(() => {
    config?.cleanup();
  });

  describe.each(vectors.merge.map((entry) => [entry.name, entry]))('%s', (_name, entry) => {
    const withMap = (value: string) => value.split('{map}').join(config.mapPath);

    test('apply puts ours first; remove gives back the value as it was', async () => {
      setTransportMaps(config, entry.current === null ? null : withMap(entry.current));

      await applyOk(config, TEXT, 2);
      ageMainCf(config);
      expect(parameterValue(config, 'transport_maps')).toBe(withMap(entry.merged));
      const type = entry.type as keyof typeof INDEX_SUFFIX;
      expect(fs.readdirSync(config.mapDir).sort())
        .toEqual(['.lock', 'transport', `transport${INDEX_SUFFIX[type]}`]);
      expect(lookupRoute(config, 'carol@example.com', type)).toBe(NEXT_HOP);

      expect(await helper(config, ['remove'])).toEqual({ code: 0, stdout: 'removed\n', stderr: '' });
      ageMainCf(config);
      if (entry.removed === null) {
        expect(transportMapsAsSet(config)).toBe('');
      } else {
        expect(parameterValue(config, 'transport_maps')).toBe(withMap(entry.removed));
      }
      expect(fs.existsSync(config.mapDir)).toBe(false);
    });
  });
});

describe('an inline: table with commas and blanks inside its braces', () => {
  let config: PostfixConfig;

  beforeAll(() => {
    config = createPostfixConfig();
  });

  afterAll(() => {
    config?.cleanup();
  });

  test('is kept whole in front of which ours goes, and after remove', async () => {
    const current = 'inline:{ {bob@example.net=smtp:[x.mail.protection.outlook.com]:25}, ' +
      `{alice@example.net=local:} }, , hash:${config.pleskMapDir}/transport`;
    setTransportMaps(config, current);

    await applyOk(config, TEXT, 2);
    ageMainCf(config);
    expect(parameterValue(config, 'transport_maps')).toBe(`hash:${config.mapPath}, ${current}`);

    expect(await helper(config, ['remove'])).toEqual({ code: 0, stdout: 'removed\n', stderr: '' });
    ageMainCf(config);
    expect(parameterValue(config, 'transport_maps')).toBe(current);
  });
});

describe('database type vectors: status names the type', () => {
  let config: PostfixConfig;

  beforeAll(() => {
    config = createPostfixConfig();
  });

  afterAll(() => {
    config?.cleanup();
  });

  const typeCases = vectors.databaseType.flatMap((entry) =>
    entry.type === undefined ? [] : [[entry.name, entry] as const]);

  test.each(typeCases)('%s', async (_name, entry) => {
    const current = entry.current?.split('{map}').join(config.mapPath) ?? null;
    setTransportMaps(config, current);
    setParameters(config, `default_database_type=${entry.default}`);

    expect(await helper(config, ['status'])).toEqual({
      code: 0,
      stdout: 'first=no\n' +
        `path=${config.mapPath}\n` +
        `type=${entry.type}\n` +
        'routes=0\nsha256=none\nindex=missing\n',
      stderr: '',
    });
  });
});

describe('a database type this Postfix cannot open', () => {
  let config: PostfixConfig;

  beforeAll(() => {
    config = createPostfixConfig();
  });

  afterAll(() => {
    config?.cleanup();
  });

  // The vector's own error case needs a Postfix without lmdb; this machine has postfix-lmdb,
  // so cdb (postfix-cdb is not installed) stands in for it.
  test('cdb is not in postconf -m on this machine', () => {
    const types = spawnSync('postconf', ['-c', config.configDir, '-m'], { encoding: 'utf8' });

    expect(types.stdout.split('\n')).toContain('lmdb');
    expect(types.stdout.split('\n')).not.toContain('cdb');
  });

  test("Plesk's table written cdb: apply exits 1 naming the type, nothing changed", async () => {
    setTransportMaps(config, `, cdb:${config.pleskMapDir}/transport`);
    const before = configSnapshot(config);

    expect(await helper(config, ['apply'], TEXT)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'm365-split-delivery: apply failed at config: ' +
        'database type cdb is not supported by this Postfix (postconf -m)\n',
    });
    expect(configSnapshot(config)).toEqual(before);
  });

  test('default_database_type cdb with transport_maps unset: apply and status exit 1', async () => {
    setTransportMaps(config, null);
    setParameters(config, 'default_database_type=cdb');
    const before = configSnapshot(config);
    const cause = 'database type cdb is not supported by this Postfix (postconf -m)';

    expect(await helper(config, ['apply'], TEXT)).toEqual({
      code: 1,
      stdout: '',
      stderr: `m365-split-delivery: apply failed at config: ${cause}\n`,
    });
    expect(await helper(config, ['status'])).toEqual({
      code: 1,
      stdout: '',
      stderr: `m365-split-delivery: status failed at config: ${cause}\n`,
    });
    expect(configSnapshot(config)).toEqual(before);
  });

  test('default_database_type texthash (not indexed): apply exits 1, nothing changed', async () => {
    setTransportMaps(config, null);
    setParameters(config, 'default_database_type=texthash');
    const before = configSnapshot(config);

    expect(await helper(config, ['apply'], TEXT)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'm365-split-delivery: apply failed at config: database type texthash cannot ' +
        'hold a transport map (use hash, btree, lmdb or cdb)\n',
    });
    expect(configSnapshot(config)).toEqual(before);
  });
});

describe("C4: Plesk's entry written lmdb:", () => {
  let config: PostfixConfig;

  beforeAll(() => {
    config = createPostfixConfig({ transportType: 'lmdb' });
  });

  afterAll(() => {
    config?.cleanup();
  });

  test('our map is built and listed as lmdb:, never hash:', async () => {
    await applyOk(config, TEXT, 2);

    expect(parameterValue(config, 'transport_maps'))
      .toBe(`lmdb:${config.mapPath}, , lmdb:${config.pleskMapDir}/transport`);
    expect(fs.readdirSync(config.mapDir).sort()).toEqual(['.lock', 'transport', 'transport.lmdb']);
    expect(lookupRoute(config, 'bob@example.com', 'lmdb')).toBe(NEXT_HOP);
    expect((await helper(config, ['status'])).stdout.split('\n').slice(0, 3)).toEqual([
      'first=yes',
      `path=${config.mapPath}`,
      'type=lmdb',
    ]);
  });
});

describe('a map built as hash when Plesk moves its table to lmdb', () => {
  let config: PostfixConfig;

  beforeAll(() => {
    config = createPostfixConfig();
  });

  afterAll(() => {
    config?.cleanup();
  });

  test('the same text is applied again as lmdb, and the hash index is deleted', async () => {
    await applyOk(config, TEXT, 2);
    ageMainCf(config);
    setTransportMaps(config, `hash:${config.mapPath}, , lmdb:${config.pleskMapDir}/transport`);

    await applyOk(config, TEXT, 2);

    expect(parameterValue(config, 'transport_maps'))
      .toBe(`lmdb:${config.mapPath}, , lmdb:${config.pleskMapDir}/transport`);
    expect(fs.readdirSync(config.mapDir).sort()).toEqual(['.lock', 'transport', 'transport.lmdb']);
    expect(lookupRoute(config, 'carol@example.com', 'lmdb')).toBe(NEXT_HOP);
  });
});

describe('C9: a $name reference, an empty element and two tables', () => {
  let config: PostfixConfig;
  const current = (c: PostfixConfig) =>
    `$extra_transport, , lmdb:${c.pleskMapDir}/transport hash:${c.pleskMapDir}/other`;

  beforeAll(() => {
    config = createPostfixConfig({ transportType: 'lmdb' });
    setTransportMaps(config, current(config));
  });

  afterAll(() => {
    config?.cleanup();
  });

  test('apply twice, remove twice: the value comes back character for character', async () => {
    await applyOk(config, TEXT, 2);
    ageMainCf(config);
    expect(await helper(config, ['apply'], TEXT))
      .toEqual({ code: 0, stdout: 'unchanged routes=2\n', stderr: '' });
    expect(parameterValue(config, 'transport_maps'))
      .toBe(`lmdb:${config.mapPath}, ${current(config)}`);

    for (const round of [1, 2]) {
      const result = await helper(config, ['remove']);
      ageMainCf(config);
      expect({ round, result, transportMaps: parameterValue(config, 'transport_maps') }).toEqual({
        round,
        result: { code: 0, stdout: 'removed\n', stderr: '' },
        transportMaps: current(config),
      });
    }
  });
});
