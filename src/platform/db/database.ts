import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';

/**
 * The database handle every repository takes. It is either the pool-backed handle or a transaction
 * handle (both have the same query surface), so a repository never knows whether it runs inside a
 * use case's transaction.
 */
export type Database = NodePgDatabase<Record<string, never>>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
export type DatabaseOrTransaction = Database | Transaction;

export interface PoolOptions {
  connectionString: string;
  maxConnections: number;
  idleTimeoutMs: number;
  connectionTimeoutMs: number;
  statementTimeoutMs: number;
  applicationName?: string;
}

export interface DatabaseHandle {
  pool: pg.Pool;
  db: Database;
  close(): Promise<void>;
}

export function createDatabase(options: PoolOptions): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections,
    idleTimeoutMillis: options.idleTimeoutMs,
    connectionTimeoutMillis: options.connectionTimeoutMs,
    statement_timeout: options.statementTimeoutMs,
    application_name: options.applicationName ?? 'onewindow',
  });
  // An idle client can lose its server (restart, network); pg emits 'error' on the pool and would
  // crash the process without a listener. The next checkout simply opens a new connection.
  pool.on('error', () => {});
  // A client in use (checked out, between two statements of a transaction) that loses its server emits
  // 'error' on itself, where the pool listens no more: without this the process would crash when PostgreSQL
  // restarts (issue 13's fault suite). The statement that follows fails instead (answered 503), and the pool
  // drops the broken client when it is released.
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  const db = drizzle(pool) as unknown as Database;
  return {
    pool,
    db,
    async close() {
      await pool.end();
    },
  };
}

/**
 * Runs `work` in one transaction: it commits when `work` resolves and rolls back when it throws.
 * Use cases own their transactions; repositories receive the handle.
 */
export async function withTransaction<T>(db: Database, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.transaction(work);
}
