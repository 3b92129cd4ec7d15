// `m365-split-delivery status`: its six lines, exactly, in every state the map can be in
// (issue 2 part 3; C3: drift shown until the next apply puts ours first again).
import fs from 'node:fs';

import { createPostfixConfig, type PostfixConfig } from '../support/postfixConfig';
import {
  ageMainCf,
  applyOk,
  helper,
  mapOf,
  routeLine,
  setTransportMaps,
  sha256,
} from './support';

/** Three routes between comments and blank lines: routes=3, not the number of lines. */
const TEXT = `# Microsoft 365 Split Delivery\n\n${mapOf(['bob@example.com', 'carol@example.com'])}` +
  `# moved in May\n${routeLine('dave@example.net', 'contoso-com.r-v1.mx.microsoft')}\n`;

describe('m365-split-delivery status', () => {
  let config: PostfixConfig;

  beforeEach(() => {
    config = createPostfixConfig();
  });

  afterEach(() => {
    config?.cleanup();
  });

  const statusLines = (first: string, routes: number, sum: string, index: string) => ({
    code: 0,
    stdout: `first=${first}\npath=${config.mapPath}\ntype=hash\n` +
      `routes=${routes}\nsha256=${sum}\nindex=${index}\n`,
    stderr: '',
  });

  test('before any apply: first=no, routes=0, sha256=none, index=missing', async () => {
    expect(await helper(config, ['status'])).toEqual(statusLines('no', 0, 'none', 'missing'));
    expect(fs.existsSync(config.mapDir)).toBe(false);
  });

  test('after apply: routes counted in the text, sha256 of the bytes sent, index fresh', async () => {
    await applyOk(config, TEXT, 3);

    expect(await helper(config, ['status'])).toEqual(statusLines('yes', 3, sha256(TEXT), 'fresh'));
  });

  test('after apply of an empty map: sha256 of nothing, index fresh', async () => {
    await applyOk(config, '', 0);

    expect(await helper(config, ['status'])).toEqual(
      statusLines('yes', 0, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'fresh'),
    );
  });

  test('C3: Plesk resets transport_maps: first=no until the next apply puts ours first', async () => {
    await applyOk(config, TEXT, 3);
    setTransportMaps(config, `, hash:${config.pleskMapDir}/transport`);

    expect(await helper(config, ['status'])).toEqual(statusLines('no', 3, sha256(TEXT), 'fresh'));

    await applyOk(config, TEXT, 3);
    ageMainCf(config);
    expect(await helper(config, ['status'])).toEqual(statusLines('yes', 3, sha256(TEXT), 'fresh'));
    expect(config.postconf('-h', 'transport_maps'))
      .toBe(`hash:${config.mapPath}, , hash:${config.pleskMapDir}/transport\n`);
  });

  test('text newer than its index: index=stale', async () => {
    await applyOk(config, TEXT, 3);
    const later = new Date(Date.now() + 10000);
    fs.utimesSync(config.mapPath, later, later);

    expect(await helper(config, ['status'])).toEqual(statusLines('yes', 3, sha256(TEXT), 'stale'));
  });

  test('index deleted: index=missing', async () => {
    await applyOk(config, TEXT, 3);
    fs.unlinkSync(`${config.mapPath}.db`);

    expect(await helper(config, ['status'])).toEqual(statusLines('yes', 3, sha256(TEXT), 'missing'));
  });

  test('after remove: as before any apply', async () => {
    await applyOk(config, TEXT, 3);
    ageMainCf(config);
    expect(await helper(config, ['remove'])).toEqual({ code: 0, stdout: 'removed\n', stderr: '' });
    ageMainCf(config);

    expect(await helper(config, ['status'])).toEqual(statusLines('no', 0, 'none', 'missing'));
  });
});
