// End to end: marks in the engine's data → root helper → a real Postfix shaped like Plesk →
// mail at the fake Microsoft host or in a local maildir. Issue 2, CASES C2–C5.
import fs from 'node:fs';

import { EngineData, pleskAccounts, storeMarking } from '../support/engine';
import { expectedStatusOutput } from '../support/helperStatus';
import { MICROSOFT_HOST, startPostfixSandbox, type PostfixSandbox } from '../support/postfixSandbox';
import { runRootHelper } from '../support/rootHelper';
import { lookupRoute } from '../support/routeLookup';

jest.setTimeout(120000);

const ROUTE = `smtp:[${MICROSOFT_HOST}]:25`;
const SENDER = 'partner@example.net';
const INDEX_SUFFIX = { hash: '.db', lmdb: '.lmdb' } as const;

describe.each(['hash', 'lmdb'] as const)('routing with Plesk maps written %s:', (type) => {
  let sandbox: PostfixSandbox;
  let engine: EngineData;
  /** `postconf -h transport_maps` before anything was applied: Plesk's own value. */
  let pleskTransportMaps: string;
  let ours: string;

  beforeAll(async () => {
    sandbox = await startPostfixSandbox({ transportType: type });
    engine = new EngineData(sandbox.config.root);
    pleskTransportMaps = sandbox.config.postconf('-h', 'transport_maps');
    ours = `${type}:${sandbox.config.mapPath}`;
  });

  afterAll(async () => {
    await sandbox?.stop();
  });

  /** Marks these local parts of example.com and runs `engine apply`; it must succeed. */
  const applyMarks = async (localParts: string[], accounts = pleskAccounts()) => {
    engine.write(accounts, storeMarking(MICROSOFT_HOST, localParts));
    const result = await engine.run(['apply'], sandbox.config.configDir);
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
  };

  const send = async (to: string, subject: string) => {
    const replies = await sandbox.send({ from: SENDER, to: [to], subject });
    expect(replies.data).toMatch(/^250 2\.0\.0 Ok: queued as [0-9A-Z]+$/);
  };

  const expectAtMicrosoft = async (subject: string, rcptTo: string) => {
    const message = await sandbox.waitForSinkMessage(subject);
    expect({ mailFrom: message.mailFrom, rcptTo: message.rcptTo })
      .toEqual({ mailFrom: SENDER, rcptTo: [rcptTo] });
  };

  const expectLocal = async (address: string, subject: string) => {
    await sandbox.waitForMaildirMessage(address, subject);
    expect(sandbox.sinkMessages().filter((message) => message.subject === subject)).toEqual([]);
  };

  const transportMapsNow = () => sandbox.config.postconf('-h', 'transport_maps');

  for (const round of [1, 2]) {
    describe(`round ${round}`, () => {
      it('apply of bob@ and carol@ lists our map first, ahead of Plesk\'s value as written',
        async () => {
          await applyMarks(['bob', 'carol']);

          expect(transportMapsNow()).toBe(`${ours}, ${pleskTransportMaps}`);
          expect(lookupRoute(sandbox.config, 'bob@example.com')).toBe(ROUTE);
          expect(lookupRoute(sandbox.config, 'carol@example.com')).toBe(ROUTE);
          expect(lookupRoute(sandbox.config, 'alice@example.com')).toBeNull();
          const status = await runRootHelper(['status'], { configDir: sandbox.config.configDir });
          expect(status).toEqual({
            code: 0,
            signal: null,
            stdout: expectedStatusOutput(sandbox.config, { first: 'yes', routes: 2, index: 'fresh' }),
            stderr: '',
          });
        });

      it('mail for bob@ and carol@ reaches the Microsoft host', async () => {
        await send('bob@example.com', `round ${round}: to bob`);
        await send('carol@example.com', `round ${round}: to carol`);

        await expectAtMicrosoft(`round ${round}: to bob`, 'bob@example.com');
        await expectAtMicrosoft(`round ${round}: to carol`, 'carol@example.com');
      });

      it('bob+invoices@ reaches the Microsoft host with its recipient unchanged (C5)', async () => {
        await send('bob+invoices@example.com', `round ${round}: invoices`);

        await expectAtMicrosoft(`round ${round}: invoices`, 'bob+invoices@example.com');
      });

      it('mail to sales@, an alias of bob@, reaches the Microsoft host as bob@', async () => {
        await send('sales@example.com', `round ${round}: to sales`);

        await expectAtMicrosoft(`round ${round}: to sales`, 'bob@example.com');
      });

      it('mail for unmarked alice@ is delivered to her local maildir', async () => {
        await send('alice@example.com', `round ${round}: to alice`);

        await expectLocal('alice@example.com', `round ${round}: to alice`);
      });

      it('unmarking carol@ makes her next message local, with nothing restarted by hand',
        async () => {
          await applyMarks(['bob']);

          expect(lookupRoute(sandbox.config, 'carol@example.com')).toBeNull();
          await send('carol@example.com', `round ${round}: carol is back`);
          await expectLocal('carol@example.com', `round ${round}: carol is back`);
          await send('bob@example.com', `round ${round}: bob still away`);
          await expectAtMicrosoft(`round ${round}: bob still away`, 'bob@example.com');
        });

      it('an apply of the same marks rewrites nothing', async () => {
        const files = [sandbox.config.mapPath, sandbox.config.mapPath + INDEX_SUFFIX[type],
          `${sandbox.config.configDir}/main.cf`];
        const before = files.map((file) => identityOf(file));

        await applyMarks(['bob']);

        expect(files.map((file) => identityOf(file))).toEqual(before);
      });

      it('remove gives back transport_maps exactly as before, and again when run twice',
        async () => {
          for (const attempt of [1, 2]) {
            const removed = await engine.run(['remove'], sandbox.config.configDir);
            expect({ attempt, code: removed.code, stderr: removed.stderr })
              .toEqual({ attempt, code: 0, stderr: '' });
            expect(transportMapsNow()).toBe(pleskTransportMaps);
          }

          expect(fs.existsSync(sandbox.config.mapPath)).toBe(false);
          expect(fs.existsSync(sandbox.config.mapPath + INDEX_SUFFIX[type])).toBe(false);
          await send('bob@example.com', `round ${round}: bob removed`);
          await expectLocal('bob@example.com', `round ${round}: bob removed`);
        });
    });
  }

  if (type === 'lmdb') {
    it('lists our map as lmdb:, never hash:, though default_database_type is hash (C4)',
      async () => {
        expect(sandbox.config.postconf('-h', 'default_database_type')).toBe('hash\n');

        await applyMarks(['bob']);

        expect(transportMapsNow()).toBe(`lmdb:${sandbox.config.mapPath}, ${pleskTransportMaps}`);
        expect(fs.existsSync(`${sandbox.config.mapPath}.lmdb`)).toBe(true);
        expect(fs.existsSync(`${sandbox.config.mapPath}.db`)).toBe(false);
      });
  }

  it('a deleted marked mailbox loses its route at the next apply and its mark (C2)', async () => {
    await applyMarks(['bob', 'carol']);
    const mapBefore = fs.readFileSync(sandbox.config.mapPath, 'utf8');
    const withoutCarol = pleskAccounts().map((domain) => ({
      ...domain,
      accounts: domain.accounts.filter((account) => account.name !== 'carol'),
    }));
    fs.writeFileSync(`${engine.dir}/accounts.json`, JSON.stringify({ domains: withoutCarol }));

    const result = await engine.run(['apply'], sandbox.config.configDir);

    expect({ code: result.code, stderr: result.stderr }).toEqual({
      code: 0,
      stderr: 'dropped the mark of carol@example.com (account 13) no longer exists in example.com\n',
    });
    expect(lookupRoute(sandbox.config, 'carol@example.com')).toBeNull();
    expect(lookupRoute(sandbox.config, 'bob@example.com')).toBe(ROUTE);
    expect(engine.readStore()).toEqual({
      version: 1,
      domains: { '1': { nextHop: MICROSOFT_HOST, marks: [{ accountId: 12, localPart: 'bob' }] } },
    });
    const mapAfter = fs.readFileSync(sandbox.config.mapPath, 'utf8');
    expect(mapAfter).toBe(mapBefore.split('\n').filter((line) =>
      !line.startsWith('carol@example.com')).join('\n'));
  });

  it('a mark of forwarding-only info@ gets no route and a warning saying why', async () => {
    engine.write(pleskAccounts(), storeMarking(MICROSOFT_HOST, ['bob', 'info']));

    const result = await engine.run(['apply'], sandbox.config.configDir);

    expect({ code: result.code, stderr: result.stderr }).toEqual({
      code: 0,
      stderr: 'warning: info@example.com has no mailbox (it only forwards): an address without ' +
        'a mailbox is rejected before routing, so it is not routed\n',
    });
    expect(lookupRoute(sandbox.config, 'info@example.com')).toBeNull();
    expect(lookupRoute(sandbox.config, 'bob@example.com')).toBe(ROUTE);
  });

  it('transport_maps reset to Plesk\'s value shows first=no; the next apply heals it (C3)',
    async () => {
      await applyMarks(['bob']);
      sandbox.config.postconf('-e', `transport_maps = ${pleskTransportMaps.trimEnd()}`);
      sandbox.reload();

      const drifted = await runRootHelper(['status'], { configDir: sandbox.config.configDir });
      expect(drifted.stdout)
        .toBe(expectedStatusOutput(sandbox.config, { first: 'no', routes: 1, index: 'fresh' }));

      await applyMarks(['bob']);

      expect(transportMapsNow()).toBe(`${ours}, ${pleskTransportMaps}`);
      await send('bob@example.com', 'C3: bob after the repair');
      await expectAtMicrosoft('C3: bob after the repair', 'bob@example.com');
    });
});

/** Inode and modification time: a rewritten file (rename or write) changes one of them. */
function identityOf(file: string): string {
  const stat = fs.statSync(file);
  return `${file} inode=${stat.ino} mtime=${stat.mtimeMs}`;
}
