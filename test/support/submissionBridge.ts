// Carries SMTP from a Unix socket in the sandbox's temp root to a TCP port inside the network
// namespace: file system sockets are not namespaced, so a test can talk to the namespaced
// Postfix in-process instead of starting a client inside the namespace for every message.
import net from 'node:net';

/** Listens on socketPath and pipes every connection to host:port. */
export function startSubmissionBridge(
  socketPath: string,
  host: string,
  port: number,
): Promise<net.Server> {
  const server = net.createServer((client) => {
    const upstream = net.connect(port, host);
    client.pipe(upstream);
    upstream.pipe(client);
    // Either side failing ends both; the test's client reports what it saw.
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve(server));
  });
}
