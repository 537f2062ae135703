import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One message as the server received it, decoded (subjects and bodies in Chinese come out readable). */
export interface ReceivedMessage {
  /** The envelope (MAIL FROM / RCPT TO), which is what the server really delivers by. */
  envelopeFrom: string;
  envelopeTo: string[];
  from: string;
  subject: string;
  text: string;
  /** The files it carried, decoded (a fixed report's after-photo). */
  attachments: { fileName: string; mediaType: string; content: Buffer }[];
}

export interface TestSmtpServer {
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  url: string;
  messages: ReceivedMessage[];
  /** Every RCPT TO the server was asked for, accepted or not (a retry shows up as a second entry). */
  recipientAttempts: string[];
  /** Resolves once `count` messages have arrived; rejects after timeoutMs. */
  waitForMessages(count: number, timeoutMs?: number): Promise<ReceivedMessage[]>;
  close(): Promise<void>;
}

export interface SmtpServerOptions {
  /** Return a reason to refuse this recipient (answered with 550 and the reason), or null to accept. */
  refuseRecipient?: (address: string) => string | null;
}

/**
 * A real SMTP server in the test process (npm smtp-server) on 127.0.0.1 and a free port: mail goes
 * through the real protocol, no mock. Plain SMTP without TLS or authentication, as a local relay.
 */
export async function startSmtpServer(options: SmtpServerOptions = {}): Promise<TestSmtpServer> {
  const messages: ReceivedMessage[] = [];
  const recipientAttempts: string[] = [];
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      recipientAttempts.push(address.address);
      const reason = options.refuseRecipient?.(address.address) ?? null;
      if (reason === null) return callback();
      return callback(Object.assign(new Error(reason), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const envelopeFrom = session.envelope.mailFrom;
          messages.push({
            envelopeFrom: envelopeFrom === false ? '' : envelopeFrom.address,
            envelopeTo: session.envelope.rcptTo.map((recipient) => recipient.address),
            from: parsed.from?.text ?? '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            attachments: parsed.attachments.map((attachment) => ({
              fileName: attachment.filename ?? '',
              mediaType: attachment.contentType,
              content: attachment.content,
            })),
          });
          for (const wake of waiters.splice(0)) wake();
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    recipientAttempts,
    async waitForMessages(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        const remaining = deadline - Date.now();
        if (remaining <= 0) {
          throw new Error(`expected ${count} message(s) within ${timeoutMs} ms, got ${messages.length}`);
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, remaining);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return messages.slice(0, count);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
