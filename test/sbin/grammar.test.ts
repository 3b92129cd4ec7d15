// The root helper accepts exactly the keys and hosts of the shared grammar vectors (issue 2,
// part 3; C7, C8): every valid one is routed, every invalid one refused with its line number.
import { createPostfixConfig, type PostfixConfig } from '../support/postfixConfig';
import { lookupRoute } from '../support/routeLookup';
import grammar from '../vectors/grammar.json';
import {
  applyOk,
  configSnapshot,
  type ConfigSnapshot,
  helper,
  mapOf,
  NEXT_HOP,
  routeLine,
  shapeRefusal,
  shown,
} from './support';

/** Line 1 a comment, line 2 a good route: the line tested is always line 3. */
const HEAD = `# Microsoft 365 Split Delivery\n${routeLine('alice@example.com')}`;

describe('grammar vectors fed to m365-split-delivery apply', () => {
  let config: PostfixConfig;

  beforeAll(() => {
    config = createPostfixConfig();
  });

  afterAll(() => {
    config?.cleanup();
  });

  test('every valid key is routed, all in one map', async () => {
    const keys = grammar.keys.valid;

    await applyOk(config, mapOf(keys), keys.length);

    expect(keys.map((key) => [key, lookupRoute(config, key)]))
      .toEqual(keys.map((key) => [key, NEXT_HOP]));
  });

  test('every valid host is a next hop, all in one map', async () => {
    const hosts = grammar.hosts.valid;
    const routes = hosts.map((host, n): [string, string] => [`user${n}@example.com`, host]);

    await applyOk(config, mapOf(routes), hosts.length);

    expect(routes.map(([key]) => lookupRoute(config, key)))
      .toEqual(hosts.map((host) => `smtp:[${host}]:25`));
  });

  describe('refusals, against the map applied before', () => {
    let before: ConfigSnapshot;

    beforeAll(async () => {
      await applyOk(config, `${HEAD}${routeLine('bob@example.com')}`, 2);
      before = configSnapshot(config);
    });

    test.each(grammar.keys.invalid.map((key) => [JSON.stringify(key), key]))(
      'key %s is refused on line 3, nothing changed',
      async (_name, key) => {
        const line = `${key}\t${NEXT_HOP}`;
        const reason = key === '' || /\s/.test(key)
          ? shapeRefusal(line)
          : `"${shown(key)}" is not an exact lower-case address`;

        expect(await helper(config, ['apply'], `${HEAD}${line}\n`)).toEqual({
          code: 2,
          stdout: '',
          stderr: `m365-split-delivery: apply: line 3: ${reason}\n`,
        });
        expect(configSnapshot(config)).toEqual(before);
      },
    );

    test.each(grammar.hosts.invalid.map((host) => [JSON.stringify(host), host]))(
      'host %s is refused on line 3, nothing changed',
      async (_name, host) => {
        const line = `bob@example.com\tsmtp:[${host}]:25`;
        const reason = /\s/.test(host)
          ? shapeRefusal(line)
          : `next hop of bob@example.com is not a Microsoft 365 host: "${shown(`smtp:[${host}]:25`)}"`;

        expect(await helper(config, ['apply'], `${HEAD}${line}\n`)).toEqual({
          code: 2,
          stdout: '',
          stderr: `m365-split-delivery: apply: line 3: ${reason}\n`,
        });
        expect(configSnapshot(config)).toEqual(before);
      },
    );
  });
});
