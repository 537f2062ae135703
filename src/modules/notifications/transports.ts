import type { Readable } from 'node:stream';
import nodemailer from 'nodemailer';
import { maskPhone } from '../../platform/privacy/masking.ts';

/**
 * The outside world of notifications, chosen by configuration: SMTP when SMTP_URL is set, else the
 * local outbox (the delivery row itself, read at /staff/outbox); SMS through an adapter whose built-in
 * implementation only logs. Each transport says whether it really sends (`kind`, `isSending`), and the
 * delivery's state says what happened: sent, kept in the outbox, or logged and not sent.
 */

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string | null;
  /** Files sent with it (a fixed report's after-photo), streamed from the file store. */
  attachments?: readonly EmailAttachment[];
  /**
   * Names the message for good (the delivery's id): a retry of an attempt whose process died after the SMTP
   * server took the message, but before the delivery was marked sent, goes out with the same Message-ID,
   * which mail systems and clients recognise as the message they already have (issue 13).
   */
  deliveryId?: string;
}

export interface EmailAttachment {
  fileName: string;
  mediaType: string;
  content: Readable | Buffer;
}

export interface EmailTransport {
  /** 'outbox': nothing leaves the machine; the worker marks the delivery 'outbox'. */
  kind: 'smtp' | 'outbox';
  send(message: EmailMessage): Promise<void>;
  close(): void;
}

export interface EmailSettings {
  /** smtp://user:password@host:587 (STARTTLS when offered) or smtps://…:465; null: the outbox. */
  smtpUrl: string | null;
  /** The From header, e.g. 'OneWindow <no-reply@pwb.kcg.gov.tw>'. */
  mailFrom: string;
}

export function createEmailTransport(settings: EmailSettings): EmailTransport {
  if (settings.smtpUrl === null) {
    return { kind: 'outbox', send: async () => {}, close: () => {} };
  }
  const url = new URL(settings.smtpUrl);
  const isImplicitTls = url.protocol === 'smtps:';
  const transporter = nodemailer.createTransport({
    host: url.hostname,
    port: url.port === '' ? (isImplicitTls ? 465 : 587) : Number(url.port),
    secure: isImplicitTls,
    ...(url.username === ''
      ? {}
      : { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }),
    // nodemailer waits minutes by default; a job attempt should fail fast and be retried instead.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    kind: 'smtp',
    async send(message) {
      await transporter.sendMail({
        from: settings.mailFrom,
        ...(message.deliveryId === undefined
          ? {}
          : { messageId: `<${message.deliveryId}@${messageIdDomain(settings.mailFrom)}>` }),
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html === null ? {} : { html: message.html }),
        ...(message.attachments === undefined || message.attachments.length === 0
          ? {}
          : {
              attachments: message.attachments.map((attachment) => ({
                filename: attachment.fileName,
                contentType: attachment.mediaType,
                content: attachment.content,
              })),
            }),
      });
    },
    close: () => transporter.close(),
  };
}

/** The domain of the From address (a Message-ID's right-hand side), 'onewindow.invalid' if none. */
export function messageIdDomain(mailFrom: string): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(mailFrom)?.[1];
  return domain === undefined || domain === '' ? 'onewindow.invalid' : domain.toLowerCase();
}

/** The SMS gateway adapter. A real one (a telecom's HTTP API) implements the same method. */
export interface SmsSender {
  /**
   * Whether a message given to `send` leaves the machine. False for the built-in sender, which only logs:
   * its deliveries are recorded as 'logged' (「已記錄，未寄出」), never as 'sent'. A real gateway says true.
   */
  isSending: boolean;
  /** Resolves when the gateway accepted the message; throws (and is retried) otherwise. */
  send(to: string, text: string): Promise<void>;
}

export interface SmsLog {
  info(details: Record<string, unknown>, message: string): void;
}

/** The built-in sender: writes a log line (the number masked) and sends nothing. */
export function loggingSmsSender(log: SmsLog): SmsSender {
  return {
    isSending: false,
    async send(to, text) {
      log.info({ to: maskPhone(to), characters: [...text].length }, 'sms (not sent: logging sender)');
    },
  };
}
