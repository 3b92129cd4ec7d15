// Reloading a running Postfix: after a changed map and after remove, never for a no-change apply;
// a reload that fails after the map is in place is a warning, not a failure (issue 2 part 3).
import fs from 'node:fs';
import path from 'node:path';

import { startPostfixSandbox, type PostfixSandbox } from '../support/postfixSandbox';
import { lookupRoute } from '../support/routeLookup';
import { ageMainCf, applyOk, helper, mapOf, NEXT_HOP, sleep } from './support';

jest.setTimeout(60000);

const FIRST = mapOf(['bob@example.com']);
const SECOND = mapOf(['bob@example.com', 'carol@example.com']);

describe('m365-split-delivery with Postfix running', () => {
  let sandbox: PostfixSandbox;

  beforeAll(async () => {
    sandbox = await startPostfixSandbox();
  });

  afterAll(async () => {
    await sandbox?.stop();
  });

  /** How many times master(8) logged a reload of this instance. */
  const reloads = () => fs.readFileSync(sandbox.config.maillogPath, 'utf8')
    .split('\n')
    .filter((line) => / postfix\/master\[\d+\]: reload -- /.test(line))
    .length;

  /** Puts this map in force whatever the test before left; true when it was applied. */
  const inForce = async (text: string): Promise<boolean> => {
    const result = await helper(sandbox.config, ['apply'], text);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    ageMainCf(sandbox.config);
    return result.stdout.startsWith('applied ');
  };

  const waitForReloads = (count: number) =>
    sandbox.waitFor(`${count} reloads in the maillog`,
      () => (reloads() === count ? true : undefined), 10000);

  test('apply of a changed map reloads, a no-change apply does not', async () => {
    const before = reloads();

    await applyOk(sandbox.config, FIRST, 1);
    await waitForReloads(before + 1);
    ageMainCf(sandbox.config);

    expect(await helper(sandbox.config, ['apply'], FIRST))
      .toEqual({ code: 0, stdout: 'unchanged routes=1\n', stderr: '' });
    await sleep(1000);
    expect(reloads()).toBe(before + 1);
  });

  test('a failed reload after the map is in place: exit 0 and one warning line', async () => {
    await inForce(FIRST);
    const queue = sandbox.config.postconf('-h', 'queue_directory').trim();
    const active = path.join(queue, 'active');
    const before = reloads();
    // postfix reload runs `postsuper active` first: a plain file in its place makes it fail.
    fs.renameSync(active, `${active}.saved`);
    fs.writeFileSync(active, '');

    try {
      expect(await helper(sandbox.config, ['apply'], SECOND)).toEqual({
        code: 0,
        stdout: 'applied routes=2\n',
        stderr: 'm365-split-delivery: warning: postfix reload failed: postsuper: fatal: ' +
          'scan_dir_push: open directory active: Not a directory; ' +
          'Postfix picks up the changed map within a minute\n',
      });
    } finally {
      fs.rmSync(active);
      fs.renameSync(`${active}.saved`, active);
    }
    expect(lookupRoute(sandbox.config, 'carol@example.com')).toBe(NEXT_HOP);
    expect(reloads()).toBe(before);
  });

  test('remove reloads', async () => {
    const earlier = reloads();
    const before = earlier + ((await inForce(FIRST)) ? 1 : 0);
    await waitForReloads(before);

    expect(await helper(sandbox.config, ['remove']))
      .toEqual({ code: 0, stdout: 'removed\n', stderr: '' });
    await waitForReloads(before + 1);
  });
});
