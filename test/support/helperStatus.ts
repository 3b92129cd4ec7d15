// What `m365-split-delivery status` must print for a given state of the instance.
import crypto from 'node:crypto';
import fs from 'node:fs';

import type { PostfixConfig } from './postfixConfig';

export interface ExpectedStatus {
  first: 'yes' | 'no';
  routes: number;
  index: 'fresh' | 'stale' | 'missing';
}

/** The exact status lines, sha256 taken of the map text now on disk. */
export function expectedStatusOutput(config: PostfixConfig, expected: ExpectedStatus): string {
  const text = fs.readFileSync(config.mapPath);
  return [
    `first=${expected.first}`,
    `path=${config.mapPath}`,
    `type=${config.transportType}`,
    `routes=${expected.routes}`,
    `sha256=${crypto.createHash('sha256').update(text).digest('hex')}`,
    `index=${expected.index}`,
    '',
  ].join('\n');
}
