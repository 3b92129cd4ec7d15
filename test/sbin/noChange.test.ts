// An apply that would change nothing writes nothing; any reason to doubt the map in force
// (not first, index stale, missing or not answering) makes it build the map again.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { createPostfixConfig, type PostfixConfig } from '../support/postfixConfig';
import { lookupRoute } from '../support/routeLookup';
import {
  ageMainCf,
  applyOk,
  configSnapshot,
  fileState,
  helper,
  mapOf,
  NEXT_HOP,
  parameterValue,
  setTransportMaps,
  users,
} from './support';

const TEXT = mapOf(users(5));

describe('m365-split-delivery apply of the map already in force', () => {
  let config: PostfixConfig;

  beforeEach(async () => {
    config = createPostfixConfig();
    await applyOk(config, TEXT, 5);
    ageMainCf(config);
  });

  afterEach(() => {
    config?.cleanup();
  });

  const mainCf = () => path.join(config.configDir, 'main.cf');

  test('prints unchanged routes=N and rewrites no file', async () => {
    const before = configSnapshot(config);

    expect(await helper(config, ['apply'], TEXT))
      .toEqual({ code: 0, stdout: 'unchanged routes=5\n', stderr: '' });
    expect(configSnapshot(config)).toEqual(before);
  });

  test('an empty map applied twice: unchanged routes=0', async () => {
    await applyOk(config, '', 0);
    const before = configSnapshot(config);

    expect(await helper(config, ['apply'], ''))
      .toEqual({ code: 0, stdout: 'unchanged routes=0\n', stderr: '' });
    expect(configSnapshot(config)).toEqual(before);
  });

  test('a changed map rewrites text and index, and leaves main.cf alone', async () => {
    const before = configSnapshot(config);
    const changed = mapOf([...users(5), 'zed@example.com']);

    await applyOk(config, changed, 6);

    const after = configSnapshot(config);
    expect(after.mainCf).toEqual(before.mainCf);
    expect(fs.readFileSync(config.mapPath, 'utf8')).toBe(changed);
    expect(after.text?.ino).not.toBe(before.text?.ino);
    expect(after.hashIndex).not.toEqual(before.hashIndex);
    expect(lookupRoute(config, 'zed@example.com')).toBe(NEXT_HOP);
  });

  test('ours no longer first (C3): applied again, ours put first', async () => {
    setTransportMaps(config, `, hash:${config.pleskMapDir}/transport`);
    const before = fileState(mainCf());

    await applyOk(config, TEXT, 5);

    ageMainCf(config);
    expect(fileState(mainCf())?.bytes).not.toBe(before?.bytes);
    expect(parameterValue(config, 'transport_maps'))
      .toBe(`hash:${config.mapPath}, , hash:${config.pleskMapDir}/transport`);
  });

  test('text newer than its index: applied again, index fresh', async () => {
    const later = new Date(Date.now() + 10000);
    fs.utimesSync(config.mapPath, later, later);

    await applyOk(config, TEXT, 5);

    expect((await helper(config, ['status'])).stdout).toMatch(/\nindex=fresh\n$/);
  });

  test('index deleted: applied again, index rebuilt', async () => {
    fs.unlinkSync(`${config.mapPath}.db`);

    await applyOk(config, TEXT, 5);

    expect(lookupRoute(config, 'user004@example.com')).toBe(NEXT_HOP);
  });

  test('index newer than the text but built from another map: applied again', async () => {
    const other = path.join(config.root, 'other');
    fs.writeFileSync(other, mapOf(['someone@example.org']));
    execFileSync('postmap', ['-c', config.configDir, `hash:${other}`]);
    fs.copyFileSync(`${other}.db`, `${config.mapPath}.db`);
    expect((await helper(config, ['status'])).stdout).toMatch(/\nindex=fresh\n$/);

    await applyOk(config, TEXT, 5);

    expect([lookupRoute(config, 'user000@example.com'), lookupRoute(config, 'someone@example.org')])
      .toEqual([NEXT_HOP, null]);
  });
});
