// What `m365-split-delivery apply` reads on stdin: the line rules of issue 2 part 3 (C7, C8).
// Every refusal exits 2 and touches nothing, whether a map was applied before or not.
import fs from 'node:fs';

import { createPostfixConfig, type PostfixConfig } from '../support/postfixConfig';
import { lookupRoute } from '../support/routeLookup';
import {
  applyOk,
  configSnapshot,
  type ConfigSnapshot,
  helper,
  mapOf,
  NEXT_HOP,
  parameterValue,
  routeLine,
  users,
} from './support';

const PREFIX = 'm365-split-delivery: apply: ';

/** Inputs that must be refused, and the exact refusal. */
const REFUSALS: Array<[string, string | Buffer, string]> = [
  [
    'a CR at the end of a route line',
    `${routeLine('alice@example.com')}bob@example.com\t${NEXT_HOP}\r\n`,
    'line 2: carriage return (CR) in the line: lines must end with LF alone',
  ],
  [
    'a CR in a comment',
    `# routes\r\n${routeLine('bob@example.com')}`,
    'line 1: carriage return (CR) in the line: lines must end with LF alone',
  ],
  [
    'a duplicate key in sorted input',
    mapOf(['alice@example.com', 'bob@example.com', 'bob@example.com', 'carol@example.com']),
    'line 3: duplicate key bob@example.com',
  ],
  [
    'a duplicate key 51 lines apart in unsorted input, with another next hop',
    `${routeLine('zed@example.com')}${mapOf(users(50))}` +
      routeLine('zed@example.com', 'contoso-com.r-v1.mx.microsoft'),
    'line 52: duplicate key zed@example.com',
  ],
  [
    'a duplicate key after comments and blank lines, blanks written differently',
    `# a\n\nbob@example.com ${NEXT_HOP}\n# b\n${routeLine('alice@example.com')}\n` +
      `bob@example.com \t ${NEXT_HOP}\n`,
    'line 7: duplicate key bob@example.com',
  ],
  [
    'a last line without LF',
    `${routeLine('alice@example.com')}bob@example.com\t${NEXT_HOP}`,
    'the last line does not end with LF',
  ],
  [
    'a comment as last line without LF',
    `${routeLine('alice@example.com')}# end`,
    'the last line does not end with LF',
  ],
  [
    'a NUL byte after a key',
    Buffer.from(`${routeLine('alice@example.com')}bob@example.com\0\t${NEXT_HOP}\n`),
    'line 2: NUL byte in the line',
  ],
  [
    'a NUL byte in a comment',
    Buffer.from(`# routes\0\n${routeLine('alice@example.com')}`),
    'line 1: NUL byte in the line',
  ],
  [
    'a NUL byte alone on a line',
    Buffer.from(`${routeLine('alice@example.com')}\0\n`),
    'line 2: NUL byte in the line',
  ],
  [
    'a NUL byte after the next hop',
    Buffer.from(`bob@example.com\t${NEXT_HOP}\0\n`),
    'line 1: NUL byte in the line',
  ],
  [
    'a route line starting with a blank',
    `${routeLine('alice@example.com')} bob@example.com\t${NEXT_HOP}\n`,
    `line 2: not a comment, a blank line or "KEY smtp:[HOST]:25": " bob@example.com?${NEXT_HOP}"`,
  ],
  [
    'three fields',
    `bob@example.com\t${NEXT_HOP}\tsmtp:[x.mail.protection.outlook.com]:25\n`,
    'line 1: not a comment, a blank line or "KEY smtp:[HOST]:25": ' +
      `"bob@example.com?${NEXT_HOP}?smtp:[x.mai..."`,
  ],
  [
    'a key alone',
    'bob@example.com\n',
    'line 1: not a comment, a blank line or "KEY smtp:[HOST]:25": "bob@example.com"',
  ],
  [
    'smtp:host without brackets (MX lookup)',
    'bob@example.com\tsmtp:example-com.mail.protection.outlook.com:25\n',
    'line 1: next hop of bob@example.com is not smtp:[HOST]:25: ' +
      '"smtp:example-com.mail.protection.outlook.com:25"',
  ],
  [
    'port 587',
    'bob@example.com\tsmtp:[example-com.mail.protection.outlook.com]:587\n',
    'line 1: next hop of bob@example.com is not smtp:[HOST]:25: ' +
      '"smtp:[example-com.mail.protection.outlook.com]:587"',
  ],
  [
    'no port',
    'bob@example.com\tsmtp:[example-com.mail.protection.outlook.com]\n',
    'line 1: next hop of bob@example.com is not smtp:[HOST]:25: ' +
      '"smtp:[example-com.mail.protection.outlook.com]"',
  ],
  [
    'smtp: with no host (C8: would loop through the own MX)',
    'bob@example.com\tsmtp:\n',
    'line 1: next hop of bob@example.com is not smtp:[HOST]:25: "smtp:"',
  ],
  [
    'smtp:[] with an empty host (C8)',
    'bob@example.com\tsmtp:[]:25\n',
    'line 1: next hop of bob@example.com is not a Microsoft 365 host: "smtp:[]:25"',
  ],
  [
    'relay: instead of smtp:',
    'bob@example.com\trelay:[example-com.mail.protection.outlook.com]:25\n',
    'line 1: next hop of bob@example.com is not smtp:[HOST]:25: ' +
      '"relay:[example-com.mail.protection.outlook.com]:25"',
  ],
  [
    'a host outside Microsoft 365 (C8)',
    'bob@example.com\tsmtp:[mx.example.net]:25\n',
    'line 1: next hop of bob@example.com is not a Microsoft 365 host: "smtp:[mx.example.net]:25"',
  ],
  [
    'a whole domain (C7)',
    'example.com\tsmtp:[example-com.mail.protection.outlook.com]:25\n',
    'line 1: "example.com" is not an exact lower-case address',
  ],
  [
    'the wildcard * (C7)',
    '*\tsmtp:[example-com.mail.protection.outlook.com]:25\n',
    'line 1: "*" is not an exact lower-case address',
  ],
];

describe('m365-split-delivery apply accepts', () => {
  let config: PostfixConfig;

  beforeAll(() => {
    config = createPostfixConfig();
  });

  afterAll(() => {
    config?.cleanup();
  });

  test('empty stdin as a valid empty map: applied, index built, ours first', async () => {
    await applyOk(config, '', 0);

    expect(fs.readFileSync(config.mapPath, 'utf8')).toBe('');
    expect(fs.statSync(`${config.mapPath}.db`).size).toBeGreaterThan(0);
    expect(lookupRoute(config, 'bob@example.com')).toBeNull();
    expect(parameterValue(config, 'transport_maps'))
      .toBe(`hash:${config.mapPath}, , hash:${config.pleskMapDir}/transport`);
  });

  test('comments and blank lines, kept verbatim', async () => {
    const text = '# Microsoft 365 Split Delivery\n#\n\n   \n\t\n' +
      `${routeLine('bob@example.com')}# between\n\nbob+x@example.com   ${NEXT_HOP}\n#\n`;

    await applyOk(config, text, 2);

    expect(fs.readFileSync(config.mapPath, 'utf8')).toBe(text);
    expect([lookupRoute(config, 'bob@example.com'), lookupRoute(config, 'bob+x@example.com')])
      .toEqual([NEXT_HOP, NEXT_HOP]);
  });

  test('a comment in UTF-8 is a comment like any other', async () => {
    const text = `# Postf\u00e4cher der M\u00fcller GmbH\n${routeLine('bob@example.com')}`;

    await applyOk(config, text, 1);

    expect(fs.readFileSync(config.mapPath, 'utf8')).toBe(text);
  });

  test('lines in any order, every key found', async () => {
    const keys = ['zed@example.net', 'bob@example.com', 'alice@example.org', 'mike@example.com'];

    await applyOk(config, mapOf(keys), 4);

    expect(keys.map((key) => lookupRoute(config, key))).toEqual(keys.map(() => NEXT_HOP));
  });

  test('a key starting with "-", and applying it again changes nothing', async () => {
    const text = mapOf(['-bob@example.com', 'alice@example.com']);
    await applyOk(config, text, 2);

    expect(await helper(config, ['apply'], text))
      .toEqual({ code: 0, stdout: 'unchanged routes=2\n', stderr: '' });
    expect(lookupRoute(config, '-bob@example.com')).toBe(NEXT_HOP);
  });
});

describe('m365-split-delivery apply refuses, exit 2', () => {
  /** Never applied: the map directory does not exist. */
  let fresh: PostfixConfig;
  /** Applied once before: the refusal must leave that map in force. */
  let applied: PostfixConfig;
  let freshBefore: ConfigSnapshot;
  let appliedBefore: ConfigSnapshot;

  beforeAll(async () => {
    fresh = createPostfixConfig();
    applied = createPostfixConfig();
    await applyOk(applied, routeLine('carol@example.com'), 1);
    freshBefore = configSnapshot(fresh);
    appliedBefore = configSnapshot(applied);
  });

  afterAll(() => {
    fresh?.cleanup();
    applied?.cleanup();
  });

  describe.each(REFUSALS)('%s', (_name, input, reason) => {
    test('with no map applied before: nothing created', async () => {
      expect(await helper(fresh, ['apply'], input))
        .toEqual({ code: 2, stdout: '', stderr: `${PREFIX}${reason}\n` });
      expect(configSnapshot(fresh)).toEqual(freshBefore);
      expect(fs.existsSync(fresh.mapDir)).toBe(false);
    });

    test('with a map applied before: map, index and main.cf as they were', async () => {
      expect(await helper(applied, ['apply'], input))
        .toEqual({ code: 2, stdout: '', stderr: `${PREFIX}${reason}\n` });
      expect(configSnapshot(applied)).toEqual(appliedBefore);
      expect(lookupRoute(applied, 'carol@example.com')).toBe(NEXT_HOP);
    });
  });
});
