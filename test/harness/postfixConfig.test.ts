// The Plesk-shaped configuration the system tests and the root helper's tests rely on.
import fs from 'node:fs';

import { createPostfixConfig, type PostfixConfig } from '../support/postfixConfig';

jest.setTimeout(30000);

describe('Plesk-shaped Postfix configuration', () => {
  const configs: PostfixConfig[] = [];
  const create = (...args: Parameters<typeof createPostfixConfig>) => {
    const config = createPostfixConfig(...args);
    configs.push(config);
    return config;
  };

  afterAll(() => configs.forEach((config) => config.cleanup()));

  it('keeps Plesk\'s map parameters as written, with the instance\'s own paths', () => {
    const config = create();
    const plesk = config.pleskMapDir;

    expect(config.postconf('-h', 'transport_maps', 'virtual_mailbox_maps',
      'virtual_mailbox_domains', 'virtual_alias_maps', 'alias_maps',
      'sender_dependent_default_transport_maps', 'recipient_delimiter')).toBe([
      `, hash:${plesk}/transport`,
      `, hash:${plesk}/vmailbox`,
      `$virtual_mailbox_maps, hash:${plesk}/virtual_domains`,
      `$virtual_maps, hash:${plesk}/virtual`,
      `hash:${config.configDir}/aliases, hash:${plesk}/aliases`,
      `hash:${plesk}/sdd_transport_maps`,
      '+',
      '',
    ].join('\n'));
  });

  it('writes every Plesk map as lmdb: when asked (C4), default_database_type left at hash', () => {
    const config = create({ transportType: 'lmdb' });

    expect(config.parameter('transport_maps')).toBe(`, lmdb:${config.pleskMapDir}/transport`);
    expect(config.postconf('-n')).not.toContain('hash:');
    expect(config.postconf('-h', 'default_database_type')).toBe('hash\n');
    expect(fs.existsSync(`${config.pleskMapDir}/vmailbox.lmdb`)).toBe(true);
  });

  it('tells an unset transport_maps from a replaced one', () => {
    expect(create({ transportMaps: null }).parameter('transport_maps')).toBeNull();
    expect(create({ transportMaps: '$extra_transport, , hash:/x' }).parameter('transport_maps'))
      .toBe('$extra_transport, , hash:/x');
  });

  it('is owned by root and writable by root alone, as the helper requires of MAIL_CONFIG', () => {
    const config = create({ mainCf: { lmdb_map_size: '4096' } });
    const modeOf = (file: string) => {
      const stat = fs.statSync(file);
      return { uid: stat.uid, mode: (stat.mode & 0o777).toString(8) };
    };

    expect(modeOf(config.root)).toEqual({ uid: 0, mode: '755' });
    expect(modeOf(config.configDir)).toEqual({ uid: 0, mode: '755' });
    expect(modeOf(`${config.configDir}/main.cf`)).toEqual({ uid: 0, mode: '644' });
    expect(config.parameter('lmdb_map_size')).toBe('4096');
    expect(fs.existsSync(config.mapDir)).toBe(false);
  });

  it('removes its temp root on cleanup', () => {
    const config = createPostfixConfig();

    config.cleanup();
    config.cleanup();

    expect(fs.existsSync(config.root)).toBe(false);
  });
});
