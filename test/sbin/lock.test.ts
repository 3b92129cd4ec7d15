// The map directory's lock: an apply waits for another run to finish, up to 30 s, then gives up
// with exit 1 and nothing changed. Bad input is refused before any waiting.
import fs from 'node:fs';
import path from 'node:path';

import { createPostfixConfig, type PostfixConfig } from '../support/postfixConfig';
import { lookupRoute } from '../support/routeLookup';
import {
  applyOk,
  configSnapshot,
  holdLock,
  mapOf,
  NEXT_HOP,
  sleep,
  startHelper,
  type LockHolder,
  type Outcome,
  type RunningHelper,
} from './support';

const FIRST = mapOf(['bob@example.com']);
const SECOND = mapOf(['bob@example.com', 'carol@example.com']);

describe('m365-split-delivery apply and the lock', () => {
  let config: PostfixConfig;
  let lockFile: string;
  let holder: LockHolder | undefined;
  let running: RunningHelper | undefined;

  beforeEach(async () => {
    config = createPostfixConfig();
    await applyOk(config, FIRST, 1);
    lockFile = path.join(config.mapDir, '.lock');
  });

  afterEach(async () => {
    await holder?.release();
    holder = undefined;
    if (running !== undefined && !running.exited()) {
      running.child.kill('SIGKILL');
      await running.done;
    }
    running = undefined;
    config?.cleanup();
  });

  /** The run's outcome if it ends within ms, else that it is still waiting. */
  const outcomeWithin = async (run: RunningHelper, ms: number): Promise<Outcome | string> =>
    Promise.race([run.done, sleep(ms).then(() => `still running after ${ms} ms`)]);

  test('a second apply waits while the lock is held, then applies', async () => {
    holder = await holdLock(lockFile);

    running = startHelper(config, ['apply'], SECOND);
    expect(await outcomeWithin(running, 2000)).toBe('still running after 2000 ms');
    expect(fs.readFileSync(config.mapPath, 'utf8')).toBe(FIRST);

    await holder.release();
    expect(await outcomeWithin(running, 10000))
      .toEqual({ code: 0, stdout: 'applied routes=2\n', stderr: '' });
    expect(lookupRoute(config, 'carol@example.com')).toBe(NEXT_HOP);
  });

  test('bad input is refused at once (exit 2), even while the lock is held', async () => {
    holder = await holdLock(lockFile);
    const before = configSnapshot(config);

    running = startHelper(config, ['apply'], 'bob@example.com\tsmtp:\n');

    expect(await outcomeWithin(running, 5000)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'm365-split-delivery: apply: line 1: ' +
        'next hop of bob@example.com is not smtp:[HOST]:25: "smtp:"\n',
    });
    expect(configSnapshot(config)).toEqual(before);
  });

  test('a lock held for more than 30 s: exit 1 after 30 s, nothing changed', async () => {
    holder = await holdLock(lockFile);
    const before = configSnapshot(config);
    const started = Date.now();

    running = startHelper(config, ['apply'], SECOND);
    const outcome = await running.done;
    const waited = Date.now() - started;

    expect(outcome).toEqual({
      code: 1,
      stdout: '',
      stderr: 'm365-split-delivery: apply failed at lock: another m365-split-delivery run held ' +
        `${lockFile} for 30 seconds\n`,
    });
    expect(waited).toBeGreaterThanOrEqual(29500);
    expect(waited).toBeLessThan(39000);
    expect(configSnapshot(config)).toEqual(before);
  }, 60000);
});
