// `m365-split-delivery remove`: ours out of transport_maps, the map files gone, and nothing
// else touched; with nothing installed it changes nothing at all.
import fs from 'node:fs';

import { createPostfixConfig, type PostfixConfig } from '../support/postfixConfig';
import {
  ageMainCf,
  applyOk,
  configSnapshot,
  helper,
  mapOf,
  parameterValue,
  setTransportMaps,
} from './support';

const REMOVED = { code: 0, stdout: 'removed\n', stderr: '' };
const TEXT = mapOf(['bob@example.com']);

describe('m365-split-delivery remove', () => {
  let config: PostfixConfig;
  let pleskValue: string;

  beforeEach(() => {
    config = createPostfixConfig();
    pleskValue = `, hash:${config.pleskMapDir}/transport`;
  });

  afterEach(() => {
    config?.cleanup();
  });

  test('never applied: removed, main.cf byte-identical and not rewritten', async () => {
    const before = configSnapshot(config);

    expect(await helper(config, ['remove'])).toEqual(REMOVED);
    expect(configSnapshot(config)).toEqual(before);
  });

  test("after apply: the map directory is deleted and Plesk's value is back", async () => {
    await applyOk(config, TEXT, 1);
    ageMainCf(config);

    expect(await helper(config, ['remove'])).toEqual(REMOVED);
    ageMainCf(config);

    expect(fs.existsSync(config.mapDir)).toBe(false);
    expect(parameterValue(config, 'transport_maps')).toBe(pleskValue);
  });

  test('twice in a row: the second changes nothing', async () => {
    await applyOk(config, TEXT, 1);
    ageMainCf(config);
    expect(await helper(config, ['remove'])).toEqual(REMOVED);
    ageMainCf(config);
    const before = configSnapshot(config);

    expect(await helper(config, ['remove'])).toEqual(REMOVED);
    expect(configSnapshot(config)).toEqual(before);
  });

  test('ours already dropped by Plesk: map files deleted, main.cf not rewritten', async () => {
    await applyOk(config, TEXT, 1);
    setTransportMaps(config, pleskValue);
    const before = configSnapshot(config);

    expect(await helper(config, ['remove'])).toEqual(REMOVED);
    expect(fs.existsSync(config.mapDir)).toBe(false);
    expect(configSnapshot(config).mainCf).toEqual(before.mainCf);
  });
});
