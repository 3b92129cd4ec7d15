// Runs inside the sandbox's network namespace (`ip netns exec NAME node --import tsx …`):
// the fake Exchange Online host on 127.0.0.2:25 and the submission bridge to 127.0.0.1:25.
// Usage: namespaceAgent.ts SINK_SPOOL_DIR SUBMISSION_SOCKET
import { startFakeExchangeOnline } from './fakeExchangeOnline';
import { startSubmissionBridge } from './submissionBridge';

export const FAKE_MICROSOFT_ADDRESS = '127.0.0.2';
export const READY_LINE = 'namespace agent ready';

async function main(): Promise<void> {
  const [spoolDir, socketPath] = process.argv.slice(2);
  if (spoolDir === undefined || socketPath === undefined) {
    throw new Error('usage: namespaceAgent.ts SINK_SPOOL_DIR SUBMISSION_SOCKET');
  }

  await startFakeExchangeOnline(spoolDir, FAKE_MICROSOFT_ADDRESS, 25);
  await startSubmissionBridge(socketPath, '127.0.0.1', 25);
  process.stdout.write(`${READY_LINE}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`namespace agent failed: ${String(error)}\n`);
    process.exit(1);
  });
}
