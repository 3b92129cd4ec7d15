// `npm start`: the product on this machine. Starts the panel sandbox (a throw-away Postfix
// shaped like a Plesk server, and the extension's page and API as Plesk would serve them) on
// http://127.0.0.1:$PORT and keeps it running until Ctrl-C.
import path from 'node:path';

import { REPO_ROOT, startPanelSandbox } from './panelSandbox';

const DEFAULT_PORT = 8080;

function portFromEnvironment(): number {
  const value = process.env.PORT ?? String(DEFAULT_PORT);
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`PORT must be a TCP port number (1-65535), not "${value}"`);
  }
  return port;
}

async function main(): Promise<void> {
  const port = portFromEnvironment();
  console.log('Starting a throw-away Postfix shaped like a Plesk server and the panel page…');
  const sandbox = await startPanelSandbox({
    port,
    stateDir: path.join(REPO_ROOT, '.sandbox/panel'),
  });

  console.log(`
Open ${sandbox.url} (signed in as the admin).

  Domains        example.com and example.org with their state
  example.com    paste "0 EXAMPLE-COM.mail.protection.outlook.com." as next hop,
                 switch "Hosted at Microsoft 365" for a mailbox
  Status tab     our map first in transport_maps, routes, last apply, "Re-apply now"

The map the switches build: ${sandbox.postfix.config.mapPath}
Postfix's transport_maps:   postconf -c ${sandbox.postfix.config.configDir} -h transport_maps
State (marks, next hops):   ${sandbox.stateDir}

Press Ctrl-C to stop; the sandbox Postfix and its network namespace are removed.`);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void sandbox.stop().then(() => console.log('\nSandbox stopped and removed.'));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
