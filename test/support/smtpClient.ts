// A minimal SMTP client for tests: one message, one command at a time, every reply kept so a
// test can assert exactly what a sending server would have been told.
import net from 'node:net';

export interface OutgoingMessage {
  from: string;
  to: string[];
  subject: string;
  /** Body text; a line naming the subject is used when absent. */
  body?: string;
}

export interface RecipientReply {
  address: string;
  /** The server's reply to RCPT TO, e.g. `250 2.1.5 Ok`. */
  reply: string;
}

export interface SubmissionReplies {
  greeting: string;
  mailFrom: string;
  recipients: RecipientReply[];
  /** The reply after the message content, or null when no recipient was accepted. */
  data: string | null;
  /** Postfix's queue id from `250 2.0.0 Ok: queued as ID`, or null. */
  queueId: string | null;
}

/** Sends one message over an already connectable socket (TCP or Unix) and collects replies. */
export async function submitMessage(
  connect: () => net.Socket,
  message: OutgoingMessage,
  timeoutMs: number,
): Promise<SubmissionReplies> {
  const session = new SmtpSession(connect(), timeoutMs);
  try {
    const greeting = await session.reply();
    await session.command('EHLO client.example.net');
    const mailFrom = await session.command(`MAIL FROM:<${message.from}>`);

    const recipients: RecipientReply[] = [];
    for (const address of message.to) {
      recipients.push({ address, reply: await session.command(`RCPT TO:<${address}>`) });
    }

    let data: string | null = null;
    if (recipients.some((recipient) => recipient.reply.startsWith('250'))) {
      await session.command('DATA');
      data = await session.command(`${renderContent(message)}.`);
    }
    await session.command('QUIT');

    const queueId = /queued as ([0-9A-Za-z]+)/.exec(data ?? '')?.[1] ?? null;
    return { greeting, mailFrom, recipients, data, queueId };
  } finally {
    session.close();
  }
}

function renderContent(message: OutgoingMessage): string {
  const body = message.body ?? `Test message "${message.subject}".`;
  const lines = [
    `From: <${message.from}>`,
    `To: ${message.to.map((address) => `<${address}>`).join(', ')}`,
    `Subject: ${message.subject}`,
    '',
    ...body.split('\n').map((line) => (line.startsWith('.') ? `.${line}` : line)),
  ];
  return lines.map((line) => `${line}\r\n`).join('');
}

/** Reads replies line by line; a reply ends at the line whose code is followed by a space. */
class SmtpSession {
  private buffered = '';
  private lines: string[] = [];
  private waiting: (() => void) | null = null;
  private failure: Error | null = null;

  constructor(
    private readonly socket: net.Socket,
    private readonly timeoutMs: number,
  ) {
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      this.buffered += chunk;
      let end = this.buffered.indexOf('\r\n');
      while (end >= 0) {
        this.lines.push(this.buffered.slice(0, end));
        this.buffered = this.buffered.slice(end + 2);
        end = this.buffered.indexOf('\r\n');
      }
      this.wake();
    });
    socket.on('error', (error) => this.fail(new Error(`SMTP connection failed: ${error.message}`)));
    socket.on('close', () => this.fail(new Error('SMTP server closed the connection')));
  }

  async command(text: string): Promise<string> {
    this.socket.write(`${text}\r\n`);
    return this.reply();
  }

  async reply(): Promise<string> {
    const collected: string[] = [];
    const deadline = Date.now() + this.timeoutMs;
    for (;;) {
      const line = this.lines.shift();
      if (line !== undefined) {
        collected.push(line);
        if (/^\d{3} /.test(line) || /^\d{3}$/.test(line)) {
          return collected.join('\n');
        }
        continue;
      }
      if (this.failure !== null) {
        throw this.failure;
      }
      if (Date.now() >= deadline) {
        throw new Error(`no SMTP reply within ${this.timeoutMs} ms (so far: ${collected.join(' | ')})`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(1, deadline - Date.now()));
        this.waiting = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  close(): void {
    this.socket.destroy();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.wake();
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.();
  }
}
