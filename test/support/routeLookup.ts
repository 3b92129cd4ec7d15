// Real lookups in our transport map with `postmap -q`, as Postfix's trivial-rewrite sees it.
import { spawnSync } from 'node:child_process';

import type { PostfixConfig } from './postfixConfig';

/** The next hop our map gives an address, or null when the map has no entry for it. */
export function lookupRoute(config: PostfixConfig, address: string, type = config.transportType) {
  const table = `${type}:${config.mapPath}`;
  const result = spawnSync('postmap', ['-c', config.configDir, '-q', address, table], {
    encoding: 'utf8',
  });
  if (result.status === 0) {
    return result.stdout.trimEnd();
  }
  if (result.status === 1 && result.stderr === '') {
    return null;
  }
  // Anything else (no index, a broken one) is what the caller must see, not a missing route.
  throw new Error(`postmap -q ${address} ${table} exited ${String(result.status)}: ` +
    result.stderr.trim());
}
