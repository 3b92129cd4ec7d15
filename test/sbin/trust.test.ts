// MAIL_CONFIG is honoured only for a configuration a panel user cannot have written (issue 2
// part 3): anything else is refused with exit 2 before a file is read or written. Usage too.
import fs from 'node:fs';
import path from 'node:path';

import { createPostfixConfig, type PostfixConfig } from '../support/postfixConfig';
import { runRootHelper } from '../support/rootHelper';
import {
  ageMainCf,
  applyOk,
  configSnapshot,
  helper,
  mapOf,
  parameterValue,
  USAGE,
  type Outcome,
} from './support';

const TEXT = mapOf(['bob@example.com']);
const NOBODY = 65534;
const UNTRUSTED = 'must be owned by root and not writable by group or others';

/** The helper with MAIL_CONFIG set to exactly this string. */
async function helperAt(mailConfig: string, args: string[], stdin = ''): Promise<Outcome> {
  const result = await runRootHelper(args, { configDir: mailConfig, stdin });
  return { code: result.code, stdout: result.stdout, stderr: result.stderr };
}

const refusal = (command: string, reason: string): Outcome =>
  ({ code: 2, stdout: '', stderr: `m365-split-delivery: ${command}: ${reason}\n` });

describe('MAIL_CONFIG the helper must not trust', () => {
  let config: PostfixConfig;

  beforeEach(() => {
    config = createPostfixConfig();
  });

  afterEach(() => {
    config?.cleanup();
  });

  /** Each case breaks the config from outside and names the MAIL_CONFIG to use and the reason. */
  const cases: Array<[string, (c: PostfixConfig) => [string, string]]> = [
    ['a relative path', () => ['etc', 'MAIL_CONFIG must be an absolute path']],
    ['a path with a .. part', (c) => [
      `${c.root}/plesk/../etc`,
      'MAIL_CONFIG must be a path without . or .. parts',
    ]],
    ['a path with a . part', (c) => [
      `${c.root}/./etc`,
      'MAIL_CONFIG must be a path without . or .. parts',
    ]],
    ['a path that does not exist', (c) => [
      `${c.root}/nowhere`,
      `MAIL_CONFIG ${c.root}/nowhere is not a directory`,
    ]],
    ['a file, not a directory', (c) => [
      `${c.configDir}/main.cf`,
      `MAIL_CONFIG ${c.configDir}/main.cf is not a directory`,
    ]],
    ['a group-writable config directory', (c) => {
      fs.chmodSync(c.configDir, 0o775);
      return [c.configDir, `${c.configDir} ${UNTRUSTED}`];
    }],
    ['a world-writable sticky config directory (sticky is for directories above it)', (c) => {
      fs.chmodSync(c.configDir, 0o1777);
      return [c.configDir, `${c.configDir} ${UNTRUSTED}`];
    }],
    ['an other-writable main.cf', (c) => {
      fs.chmodSync(path.join(c.configDir, 'main.cf'), 0o646);
      return [c.configDir, `${c.configDir}/main.cf ${UNTRUSTED}`];
    }],
    ['a config directory owned by nobody', (c) => {
      fs.chownSync(c.configDir, NOBODY, NOBODY);
      return [c.configDir, `${c.configDir} ${UNTRUSTED}`];
    }],
    ['a main.cf owned by nobody', (c) => {
      fs.chownSync(path.join(c.configDir, 'main.cf'), NOBODY, NOBODY);
      return [c.configDir, `${c.configDir}/main.cf ${UNTRUSTED}`];
    }],
    ['a symbolic link to the config directory', (c) => {
      fs.symlinkSync(c.configDir, `${c.root}/linked-etc`);
      return [`${c.root}/linked-etc`, `${c.root}/linked-etc ${UNTRUSTED}`];
    }],
    ['a path through a symbolic link to a parent directory', (c) => {
      fs.symlinkSync(c.root, `${c.root}-link`);
      return [`${c.root}-link/etc`, `${c.root}-link ${UNTRUSTED}`];
    }],
    ['a parent directory owned by nobody', (c) => {
      fs.chownSync(c.root, NOBODY, NOBODY);
      return [c.configDir, `${c.root} ${UNTRUSTED}`];
    }],
    ['a group-writable parent directory', (c) => {
      fs.chmodSync(c.root, 0o775);
      return [c.configDir, `${c.root} ${UNTRUSTED}`];
    }],
  ];

  test.each(cases)('%s: apply exits 2, nothing written', async (_name, breakConfig) => {
    const [mailConfig, reason] = breakConfig(config);
    const before = configSnapshot(config);

    try {
      expect(await helperAt(mailConfig, ['apply'], TEXT)).toEqual(refusal('apply', reason));
      expect(configSnapshot(config)).toEqual(before);
      expect(fs.existsSync(config.mapDir)).toBe(false);
    } finally {
      fs.rmSync(`${config.root}-link`, { force: true });
    }
  });

  test('a config directory made group-writable after apply: status and remove exit 2 too',
    async () => {
      await applyOk(config, TEXT, 1);
      fs.chmodSync(config.configDir, 0o775);
      const before = configSnapshot(config);
      const reason = `${config.configDir} ${UNTRUSTED}`;

      expect(await helper(config, ['status'])).toEqual(refusal('status', reason));
      expect(await helper(config, ['remove'])).toEqual(refusal('remove', reason));
      expect(await helper(config, ['apply'], mapOf(['carol@example.com'])))
        .toEqual(refusal('apply', reason));
      expect(configSnapshot(config)).toEqual(before);
    });

  test('MAIL_CONFIG spelled with a trailing slash: remove without it still takes ours out',
    async () => {
      const pleskValue = parameterValue(config, 'transport_maps');

      await helperAt(`${config.configDir}/`, ['apply'], TEXT);
      ageMainCf(config);
      expect(await helper(config, ['remove'])).toEqual({ code: 0, stdout: 'removed\n', stderr: '' });
      ageMainCf(config);

      // Whether the slash is refused or normalised, main.cf must not keep an element naming
      // deleted files: one table that cannot be opened fails every transport lookup.
      expect(parameterValue(config, 'transport_maps')).toBe(pleskValue);
    });

  test('a map directory owned by nobody: apply exits 1 at "map directory", nothing changed',
    async () => {
      await applyOk(config, TEXT, 1);
      fs.chownSync(config.mapDir, NOBODY, NOBODY);
      const before = configSnapshot(config);

      expect(await helper(config, ['apply'], mapOf(['carol@example.com']))).toEqual({
        code: 1,
        stdout: '',
        stderr: `m365-split-delivery: apply failed at map directory: ${config.mapDir} ${UNTRUSTED}\n`,
      });
      expect(configSnapshot(config)).toEqual(before);
    });

  test('a map directory that is a symbolic link: apply exits 1, nothing written', async () => {
    const elsewhere = path.join(config.root, 'elsewhere');
    fs.mkdirSync(elsewhere, { mode: 0o755 });
    fs.symlinkSync(elsewhere, config.mapDir);
    const before = configSnapshot(config);

    expect(await helper(config, ['apply'], TEXT)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'm365-split-delivery: apply failed at map directory: ' +
        `${config.mapDir} exists and is not a directory\n`,
    });
    expect(configSnapshot(config)).toEqual(before);
    expect(fs.readdirSync(elsewhere)).toEqual([]);
  });
});

describe('usage', () => {
  let config: PostfixConfig;

  beforeAll(() => {
    config = createPostfixConfig();
  });

  afterAll(() => {
    config?.cleanup();
  });

  test.each([
    ['no arguments', []],
    ['an unknown command', ['frobnicate']],
    ['two arguments', ['apply', 'status']],
    ['apply with an extra argument', ['apply', '--force']],
    ['an option', ['--help']],
  ])('%s: exit 2 with the usage line, nothing written', async (_name, args) => {
    const before = configSnapshot(config);

    expect(await helper(config, args, TEXT)).toEqual({ code: 2, stdout: '', stderr: USAGE });
    expect(configSnapshot(config)).toEqual(before);
  });
});
