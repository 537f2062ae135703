/**
 * Errors that say "a resource the app depends on is down", not "this request is wrong" nor "our code is
 * broken": PostgreSQL unreachable or restarting, the file store's disk full. The error handler answers them
 * 503 with Retry-After at once (issue 13's fault suite measures it), in the visitor's language, instead of
 * 500; the request can be sent again (with its Idempotency-Key or form token, safely).
 */
export type Outage = 'database' | 'storage';

/** Node's socket errors when the database's address does not answer (refused, reset, gone). */
const socketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
/** PostgreSQL's SQLSTATEs of a server shutting down, starting up, crashed or full of connections. */
const serverCodes = new Set(['57P01', '57P02', '57P03', '53300']);
/** node-postgres' own words when its connection ends or never comes (it sets no code). */
const poolMessages = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Connection ended',
];
const storageCodes = new Set(['ENOSPC', 'EDQUOT']);

/** The outage behind `error` (looked for along its causes), or null for any other error. */
export function outageOf(error: unknown): Outage | null {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.size < 10) {
    const current = queue.shift();
    if (current === null || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const { code, syscall, message, cause, errors } = current as {
      code?: unknown;
      syscall?: unknown;
      message?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (typeof code === 'string') {
      if (storageCodes.has(code)) return 'storage';
      if (socketCodes.has(code) || serverCodes.has(code) || code.startsWith('08')) return 'database';
      // The embedded server's Unix socket (ADR 0021) is a file: while the server is stopped it is gone, and
      // connecting fails with ENOENT. Only on connect: a missing file anywhere else is no outage.
      if (code === 'ENOENT' && syscall === 'connect') return 'database';
    }
    if (typeof message === 'string' && poolMessages.some((words) => message.includes(words))) {
      return 'database';
    }
    queue.push(cause);
    if (Array.isArray(errors)) queue.push(...errors);
  }
  return null;
}

/** Seconds a client should wait before sending again. */
export const outageRetryAfterSeconds: Record<Outage, number> = { database: 5, storage: 30 };

export const outageMessages: Record<Outage, { 'zh-TW': string; en: string }> = {
  database: {
    'zh-TW': '系統暫時無法連線資料庫，請稍候幾秒再試一次。',
    en: 'The service cannot reach its database just now; please try again in a few seconds.',
  },
  storage: {
    'zh-TW': '檔案儲存空間已滿，暫時無法接收附件，請稍後再試。',
    en: 'The file storage is full, so attachments cannot be received for now; please try again later.',
  },
};
