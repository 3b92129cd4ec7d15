// The helper runs as root with whatever environment its caller had: it must use the system's
// own tools, its own temp directory, umask and locale whatever that environment says.
import fs from 'node:fs';
import path from 'node:path';

import { createPostfixConfig, type PostfixConfig } from '../support/postfixConfig';
import { lookupRoute } from '../support/routeLookup';
import { applyOk, helper, mapOf, NEXT_HOP } from './support';

const TEXT = mapOf(['bob@example.com', 'carol@example.com']);

/** Commands the helper runs; a fake of each would leave a line in the marker file. */
const IMPOSTORS = [
  'postmap', 'postconf', 'postfix', 'awk', 'sed', 'cat', 'cp', 'mv', 'rm', 'ln', 'mktemp',
  'find', 'flock', 'chmod', 'touch', 'cmp', 'grep', 'tail', 'od', 'tr', 'sha256sum', 'mkdir',
];

describe('m365-split-delivery in a hostile environment', () => {
  let config: PostfixConfig;
  let marker: string;
  let fakeBin: string;

  beforeEach(() => {
    config = createPostfixConfig();
    marker = path.join(config.root, 'impostor-ran');
    fakeBin = path.join(config.root, 'fake-bin');
    fs.mkdirSync(fakeBin);
    for (const name of IMPOSTORS) {
      const script = `#!/bin/sh\necho "${name} $*" >> ${marker}\nexit 0\n`;
      fs.writeFileSync(path.join(fakeBin, name), script, { mode: 0o755 });
    }
    const envScript = path.join(fakeBin, 'env.sh');
    fs.writeFileSync(envScript, `echo "ENV sourced" >> ${marker}\n`, { mode: 0o755 });
  });

  afterEach(() => {
    config?.cleanup();
  });

  test('PATH, ENV, CDPATH, IFS and TMPDIR of the caller are ignored', async () => {
    const env = {
      PATH: `${fakeBin}:/usr/sbin:/usr/bin:/sbin:/bin`,
      ENV: path.join(fakeBin, 'env.sh'),
      BASH_ENV: path.join(fakeBin, 'env.sh'),
      CDPATH: fakeBin,
      IFS: '@.',
      TMPDIR: path.join(config.root, 'no-such-directory'),
    };

    expect(await helper(config, ['apply'], TEXT, { env }))
      .toEqual({ code: 0, stdout: 'applied routes=2\n', stderr: '' });
    expect(await helper(config, ['status'], '', { env })).toMatchObject({ code: 0, stderr: '' });

    expect(fs.existsSync(marker)).toBe(false);
    expect([lookupRoute(config, 'bob@example.com'), lookupRoute(config, 'carol@example.com')])
      .toEqual([NEXT_HOP, NEXT_HOP]);
  });

  test("the caller's MAIL_VERBOSE does not make apply fail", async () => {
    expect(await helper(config, ['apply'], TEXT, { env: { MAIL_VERBOSE: '1' } }))
      .toEqual({ code: 0, stdout: 'applied routes=2\n', stderr: '' });
    expect(lookupRoute(config, 'carol@example.com')).toBe(NEXT_HOP);
  });

  test("a caller's umask 077 still gives files Postfix can read: 0644, directory 0755",
    async () => {
      const wrapper = ['sh', '-c', 'umask 077; exec "$@"', 'umask-077'];
      expect(await helper(config, ['apply'], TEXT, { wrapper }))
        .toEqual({ code: 0, stdout: 'applied routes=2\n', stderr: '' });

      const mode = (file: string) => (fs.statSync(file).mode & 0o7777).toString(8);
      expect([mode(config.mapDir), mode(config.mapPath), mode(`${config.mapPath}.db`)])
        .toEqual(['755', '644', '644']);
    });

  test('a caller locale of C.UTF-8 changes nothing in what is refused', async () => {
    const env = { LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' };

    expect(await helper(config, ['apply'], mapOf(['b\u00f6b@example.com']), { env })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'm365-split-delivery: apply: line 1: "b??b@example.com" is not an exact ' +
        'lower-case address\n',
    });
    await applyOk(config, TEXT, 2);
  });
});
