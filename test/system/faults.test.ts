// Faults injected from outside the root helper — a file size limit, a tiny lmdb_map_size, a
// file in the map directory's place, a broken master.cf, a read-only map directory, two
// applies at once. Each must leave routing as it was (real lookups and real mail) and say
// what failed in one line, or, for the race, leave one of the two maps whole. CASES C10.
import fs from 'node:fs';

import { expectedStatusOutput } from '../support/helperStatus';
import { MICROSOFT_HOST, startPostfixSandbox, type PostfixSandbox } from '../support/postfixSandbox';
import { runRootHelper, type HelperResult } from '../support/rootHelper';
import { lookupRoute } from '../support/routeLookup';

jest.setTimeout(120000);

const ROUTE = `smtp:[${MICROSOFT_HOST}]:25`;
const SENDER = 'partner@example.net';
const INDEX_SUFFIX = { hash: '.db', lmdb: '.lmdb' } as const;
/** The map in force before each fault: bob@ hosted at Microsoft. */
const PREVIOUS_MAP = mapOf(['bob@example.com']);
/** Enough routes that postmap writes an index several times the size of the text. */
const BULK_KEYS = Array.from({ length: 3000 }, (_, n) =>
  `user${String(n).padStart(6, '0')}@example.com`);

function mapOf(keys: string[]): string {
  const lines = [...keys].sort().map((key) => `${key} ${ROUTE}\n`);
  return `# Microsoft 365 Split Delivery (fault test)\n${lines.join('')}`;
}

/** The one line the helper prints on stderr when apply fails at a step. */
function failureLine(result: HelperResult): string {
  expect({ code: result.code, lines: result.stderr.split('\n').length - 1 })
    .toEqual({ code: 1, lines: 1 });
  return result.stderr;
}

describe.each(['hash', 'lmdb'] as const)('faults with maps written %s:', (type) => {
  let sandbox: PostfixSandbox;
  let pleskTransportMaps: string;
  let mailCount = 0;

  beforeAll(async () => {
    sandbox = await startPostfixSandbox({ transportType: type });
    pleskTransportMaps = sandbox.config.postconf('-h', 'transport_maps').trimEnd();
  });

  afterAll(async () => {
    await sandbox?.stop();
  });

  const mainCfPath = () => `${sandbox.config.configDir}/main.cf`;
  const helper = (args: string[], stdin = '', wrapper?: string[]) =>
    runRootHelper(args, {
      configDir: sandbox.config.configDir,
      stdin,
      ...(wrapper === undefined ? {} : { wrapper }),
    });

  /** Puts PREVIOUS_MAP in force; with oursFirst false, Plesk's value is back as after C3. */
  const establishPrevious = async (oursFirst: boolean) => {
    const applied = await helper(['apply'], PREVIOUS_MAP);
    expect({ code: applied.code, stderr: applied.stderr }).toEqual({ code: 0, stderr: '' });
    if (!oursFirst) {
      sandbox.config.postconf('-e', `transport_maps = ${pleskTransportMaps}`);
      sandbox.reload();
    }
    return fs.readFileSync(mainCfPath(), 'utf8');
  };

  /** Sends one message and tells where it ended up. */
  const deliveryOf = async (to: string) => {
    mailCount += 1;
    const subject = `fault check ${mailCount} to ${to}`;
    const replies = await sandbox.send({ from: SENDER, to: [to], subject });
    expect(replies.data).toMatch(/^250 2\.0\.0 Ok: queued as [0-9A-Z]+$/);
    return sandbox.waitForDelivery(to, subject);
  };

  /** PREVIOUS_MAP still in force, unchanged on disk, and mail routed by it. */
  const expectPreviousRouting = async (mainCf: string, oursFirst: boolean) => {
    expect(fs.readFileSync(mainCfPath(), 'utf8')).toBe(mainCf);
    expect(fs.readFileSync(sandbox.config.mapPath, 'utf8')).toBe(PREVIOUS_MAP);
    expect(fs.readdirSync(sandbox.config.mapDir).filter((name) => name !== '.lock').sort())
      .toEqual(['transport', `transport${INDEX_SUFFIX[type]}`]);
    expect(lookupRoute(sandbox.config, 'bob@example.com')).toBe(ROUTE);
    expect(lookupRoute(sandbox.config, 'carol@example.com')).toBeNull();
    expect(lookupRoute(sandbox.config, BULK_KEYS[0] as string)).toBeNull();

    const status = await helper(['status']);
    expect(status.stdout).toBe(expectedStatusOutput(sandbox.config,
      { first: oursFirst ? 'yes' : 'no', routes: 1, index: 'fresh' }));
    expect(await deliveryOf('bob@example.com')).toBe(oursFirst ? 'microsoft' : 'local');
    expect(await deliveryOf('carol@example.com')).toBe('local');
  };

  /** A limit (in sh's 512-byte blocks) the map text fits under but its index does not. */
  const fileSizeLimit = (text: string) => ['sh', '-c',
    `ulimit -f ${Math.ceil(Buffer.byteLength(text) / 512) + 16}; exec "$@"`, 'file-size-limit'];

  it('a file size limit that cuts postmap short leaves the previous map in force (C10)',
    async () => {
      const mainCf = await establishPrevious(true);
      const bulkMap = mapOf(['carol@example.com', ...BULK_KEYS]);

      const result = await helper(['apply'], bulkMap, fileSizeLimit(bulkMap));

      // hash: postmap dies of the limit; lmdb: postmap exits 0 with a short index that the
      // helper's own lookup of the first and last keys must catch.
      expect(failureLine(result)).toMatch(type === 'hash'
        ? /^m365-split-delivery: apply failed at postmap: postmap: fatal: .*File too large\n$/
        : new RegExp('^m365-split-delivery: apply failed at verify: the new index does not ' +
          `answer for carol@example.com and ${BULK_KEYS.at(-1) as string}\n$`));
      await expectPreviousRouting(mainCf, true);
    });

  if (type === 'lmdb') {
    it('a tiny lmdb_map_size: the map grows whole, and cut short it is refused', async () => {
      sandbox.config.postconf('-e', 'lmdb_map_size = 4096');
      try {
        const mainCf = await establishPrevious(true);
        const bulkMap = mapOf(['carol@example.com', ...BULK_KEYS]);

        // Postfix doubles an LMDB map that fills up, so postmap never stops at 4096 bytes…
        const limited = await helper(['apply'], bulkMap, fileSizeLimit(bulkMap));
        expect(failureLine(limited)).toBe('m365-split-delivery: apply failed at verify: the new ' +
          `index does not answer for carol@example.com and ${BULK_KEYS.at(-1) as string}\n`);
        await expectPreviousRouting(mainCf, true);

        // …until a file size limit stops the growth, as above; without one the map is whole.
        const grown = await helper(['apply'], bulkMap);
        expect(grown).toEqual({ code: 0, signal: null, stdout: 'applied routes=3001\n', stderr: '' });
        expect(lookupRoute(sandbox.config, BULK_KEYS[1500] as string)).toBe(ROUTE);
        expect(lookupRoute(sandbox.config, BULK_KEYS.at(-1) as string)).toBe(ROUTE);
        expect(await deliveryOf('carol@example.com')).toBe('microsoft');
      } finally {
        sandbox.config.postconf('-X', 'lmdb_map_size');
      }
    });
  }

  it('a read-only map directory leaves the previous map in force (C10)', async () => {
    const mainCf = await establishPrevious(true);
    // Remounted read-only in a mount namespace of the helper's own: nobody else sees it.
    const readOnly = ['unshare', '--mount', '--propagation', 'private', 'sh', '-c',
      'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" "$1" && shift && exec "$@"',
      'read-only-map-directory', sandbox.config.mapDir];

    const result = await helper(['apply'], mapOf(['bob@example.com', 'carol@example.com']),
      readOnly);

    expect(failureLine(result)).toMatch(
      /^m365-split-delivery: apply failed at [a-z ]+: .*Read-only file system\n$/);
    await expectPreviousRouting(mainCf, true);
  });

  it('a broken master.cf fails postfix check and puts map and main.cf back', async () => {
    const mainCf = await establishPrevious(false);
    const masterCfPath = `${sandbox.config.configDir}/master.cf`;
    const masterCf = fs.readFileSync(masterCfPath, 'utf8');
    // With maillog_file set, postfix check insists on the postlog service; postconf does not.
    fs.writeFileSync(masterCfPath,
      masterCf.split('\n').filter((line) => !line.startsWith('postlog ')).join('\n'));
    try {
      const result = await helper(['apply'], mapOf(['bob@example.com', 'carol@example.com']));

      expect(failureLine(result)).toMatch(
        /^m365-split-delivery: apply failed at postfix check: .+\n$/);
      await expectPreviousRouting(mainCf, false);
    } finally {
      fs.writeFileSync(masterCfPath, masterCf);
    }
  });

  it('the map directory\'s path taken by a plain file changes nothing', async () => {
    const removed = await helper(['remove']);
    expect(removed.code).toBe(0);
    fs.rmSync(sandbox.config.mapDir, { recursive: true, force: true });
    fs.writeFileSync(sandbox.config.mapDir, 'not a directory\n');
    const mainCf = fs.readFileSync(mainCfPath(), 'utf8');
    try {
      const result = await helper(['apply'], PREVIOUS_MAP);

      expect(failureLine(result)).toBe('m365-split-delivery: apply failed at map directory: ' +
        `${sandbox.config.mapDir} exists and is not a directory\n`);
      expect(fs.readFileSync(mainCfPath(), 'utf8')).toBe(mainCf);
      expect(sandbox.config.postconf('-h', 'transport_maps')).toBe(`${pleskTransportMaps}\n`);
      expect(fs.readFileSync(sandbox.config.mapDir, 'utf8')).toBe('not a directory\n');
      expect(await deliveryOf('bob@example.com')).toBe('local');
    } finally {
      fs.rmSync(sandbox.config.mapDir, { force: true });
    }
  });

  it('two applies at once leave one of the two maps whole, with a matching index', async () => {
    const bobsMap = mapOf(['bob@example.com', ...BULK_KEYS.map((key) => `b-${key}`)]);
    const carolsMap = mapOf(['carol@example.com', ...BULK_KEYS.map((key) => `c-${key}`)]);

    for (const attempt of [1, 2]) {
      const results = await Promise.all([helper(['apply'], bobsMap), helper(['apply'], carolsMap)]);

      expect(results.map((result) => ({ attempt, code: result.code, stderr: result.stderr })))
        .toEqual([{ attempt, code: 0, stderr: '' }, { attempt, code: 0, stderr: '' }]);
      const text = fs.readFileSync(sandbox.config.mapPath, 'utf8');
      expect([bobsMap, carolsMap]).toContain(text);
      const [winner, loser] = text === bobsMap ? ['bob', 'carol'] : ['carol', 'bob'];
      const [winnerPrefix, loserPrefix] = text === bobsMap ? ['b', 'c'] : ['c', 'b'];
      const status = await helper(['status']);
      expect(status.stdout).toBe(expectedStatusOutput(sandbox.config,
        { first: 'yes', routes: 3001, index: 'fresh' }));
      expect(lookupRoute(sandbox.config, `${winnerPrefix}-${BULK_KEYS.at(-1) as string}`))
        .toBe(ROUTE);
      expect(lookupRoute(sandbox.config, `${loserPrefix}-${BULK_KEYS[0] as string}`)).toBeNull();
      expect(await deliveryOf(`${winner}@example.com`)).toBe('microsoft');
      expect(await deliveryOf(`${loser}@example.com`)).toBe('local');
    }
  });
});
