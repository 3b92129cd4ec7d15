// A fake Exchange Online Protection host: a minimal SMTP server that accepts every message
// and records each transaction, envelope exactly as sent, to one JSON file.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** One message as the fake Microsoft host received it. */
export interface ReceivedTransaction {
  /** The MAIL FROM address, without the angle brackets. */
  mailFrom: string;
  /** Every RCPT TO address, in order and spelled exactly as the client sent it. */
  rcptTo: string[];
  /** Header and body, CRLF line ends, dot-stuffing undone. */
  content: string;
}

/** Greeting name; it must differ from the instance's myhostname or Postfix sees a mail loop. */
const SERVER_NAME = 'fake-eop.example.net';

/** Listens on host:port and writes each accepted message to `<spoolDir>/<n>.json`. */
export function startFakeExchangeOnline(
  spoolDir: string,
  host: string,
  port: number,
): Promise<net.Server> {
  let delivered = 0;
  const server = net.createServer((socket) =>
    serveSession(socket, (transaction) => {
      delivered += 1;
      const name = String(delivered).padStart(6, '0');
      // Written aside and renamed so that a reader never sees half a message.
      const temporary = path.join(spoolDir, `.${name}.tmp`);
      fs.writeFileSync(temporary, JSON.stringify(transaction));
      fs.renameSync(temporary, path.join(spoolDir, `${name}.json`));
    }),
  );

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

function serveSession(socket: net.Socket, store: (transaction: ReceivedTransaction) => void) {
  let buffered = '';
  let inData = false;
  let dataLines: string[] = [];
  let mailFrom: string | null = null;
  let rcptTo: string[] = [];
  const reply = (text: string) => socket.write(`${text}\r\n`);
  const reset = () => {
    mailFrom = null;
    rcptTo = [];
  };

  const handleCommand = (line: string) => {
    const verb = line.slice(0, 4).toUpperCase();
    const address = /<([^>]*)>/.exec(line)?.[1];
    if (verb === 'EHLO' || verb === 'HELO') {
      reset();
      reply(`250 ${SERVER_NAME}`);
    } else if (verb === 'MAIL' && address !== undefined) {
      reset();
      mailFrom = address;
      reply('250 2.1.0 Sender OK');
    } else if (verb === 'RCPT' && address !== undefined && mailFrom !== null) {
      rcptTo.push(address);
      reply('250 2.1.5 Recipient OK');
    } else if (verb === 'DATA' && rcptTo.length > 0) {
      inData = true;
      dataLines = [];
      reply('354 Start mail input; end with <CRLF>.<CRLF>');
    } else if (verb === 'RSET') {
      reset();
      reply('250 2.0.0 OK');
    } else if (verb === 'NOOP') {
      reply('250 2.0.0 OK');
    } else if (verb === 'QUIT') {
      reply(`221 2.0.0 ${SERVER_NAME} closing`);
      socket.end();
    } else {
      reply('503 5.5.1 Bad sequence of commands');
    }
  };

  const handleDataLine = (line: string) => {
    if (line !== '.') {
      dataLines.push(line.startsWith('.') ? line.slice(1) : line);
      return;
    }
    inData = false;
    store({ mailFrom: mailFrom ?? '', rcptTo, content: dataLines.map((l) => `${l}\r\n`).join('') });
    reset();
    reply('250 2.0.0 Queued at the fake Exchange Online');
  };

  socket.setEncoding('latin1');
  socket.on('data', (chunk: string) => {
    buffered += chunk;
    let end = buffered.indexOf('\r\n');
    while (end >= 0) {
      const line = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      if (inData) {
        handleDataLine(line);
      } else {
        handleCommand(line);
      }
      end = buffered.indexOf('\r\n');
    }
  });
  // A client that hangs up mid-session is not this server's error.
  socket.on('error', () => undefined);
  reply(`220 ${SERVER_NAME} ESMTP fake Exchange Online`);
}
