import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type ContentVersions, createContentVersions } from '../http/public-answer-store.ts';
import type { DatabaseOrTransaction } from './database.ts';

/**
 * Publications of public content, told to every app process through PostgreSQL (LISTEN/NOTIFY), so each
 * renders the pages showing that content again (platform/http/public-reads.ts). `announcePublished` is
 * called inside the publishing transaction: PostgreSQL delivers the notification when it commits, and
 * never when it rolls back. Scopes are short names of what changed: 'catalogue', 'plans', 'work-plans',
 * 'units', 'reports'.
 */
export const publicationChannel = 'onewindow_published';

/**
 * The versions of published content this process has seen: moved by its own publications at once and by
 * every process's (its own included) when their notification arrives. One per process, shared by every
 * app built in it (tests build several: they only render more often).
 */
export const processContentVersions: ContentVersions = createContentVersions();

export async function announcePublished(db: DatabaseOrTransaction, scope: string): Promise<void> {
  await db.execute(sql`select pg_notify(${publicationChannel}, ${scope})`);
  // At once here too, so the publisher's next page shows it: a page rendered between this and the
  // commit (with the old content) is dropped again when the notification arrives.
  processContentVersions.bump(scope);
}

export interface PublicationListener {
  close(): Promise<void>;
}

/**
 * Listens on one connection of its own (made with the pool's settings, outside the pool: closing the pool
 * does not wait for it) for as long as the app runs. When that connection breaks, it
 * calls `onPublished('*')` (what was announced meanwhile is unknown) and connects again after a second,
 * until closed.
 */
export function listenForPublications(
  pool: pg.Pool,
  onPublished: (scope: string) => void,
  log: { warn(details: Record<string, unknown>, message: string): void },
): PublicationListener {
  let closed = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    const connection = new pg.Client(pool.options);
    connection.on('error', () => undefined);
    await connection.connect().catch((error: unknown) => {
      connection.end().catch(() => undefined);
      throw error;
    });
    if (closed) {
      await connection.end().catch(() => undefined);
      return;
    }
    let broken = false;
    const onBreak = (error: unknown) => {
      if (broken) return;
      broken = true;
      connection.removeListener('notification', onNotification);
      connection.end().catch(() => undefined);
      if (client === connection) client = null;
      if (closed) return;
      log.warn({ err: error instanceof Error ? error.message : String(error) }, 'publication listener lost');
      onPublished('*');
      retry = setTimeout(() => {
        retry = null;
        connect().catch((connectError: unknown) => onRetryFailed(connectError));
      }, 1000);
      retry.unref();
    };
    const onNotification = (message: pg.Notification) => {
      if (message.channel === publicationChannel) onPublished(message.payload ?? '*');
    };
    connection.on('notification', onNotification);
    connection.on('error', onBreak);
    connection.on('end', () => onBreak(new Error('the listening connection ended')));
    try {
      await connection.query(`LISTEN ${publicationChannel}`);
    } catch (error) {
      onBreak(error);
      return;
    }
    client = connection;
  };
  const onRetryFailed = (error: unknown) => {
    if (closed) return;
    log.warn(
      { err: error instanceof Error ? error.message : String(error) },
      'publication listener retrying',
    );
    retry = setTimeout(() => {
      retry = null;
      connect().catch(onRetryFailed);
    }, 1000);
    retry.unref();
  };

  // In the background: an app whose database is down still starts (and says so on /readyz).
  connect().catch(onRetryFailed);
  return {
    async close() {
      closed = true;
      if (retry !== null) clearTimeout(retry);
      const connection = client;
      client = null;
      if (connection !== null) {
        await connection.end().catch(() => undefined);
      }
    },
  };
}
