import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import type { DatabaseOrTransaction } from './database.ts';

/**
 * Raw SQL run as a named prepared statement on the transaction's connection, so PostgreSQL parses it once
 * per connection and may keep a generic plan: for a statement that costs more to plan than to run (site
 * search's segmented candidates: 6 ms of planning for 10 UNION ALL branches, 1–3 ms to run a rare word;
 * docs/benchmarks.md). The name is a hash of the text, so the same text shares one statement and different
 * texts never collide.
 *
 * Each connection keeps at most `maxStatementsPerConnection` of them, the least recently used deallocated
 * first: the texts vary with the query's shape (how many concepts, which filters), and a server keeps every
 * statement's plan until the connection closes.
 *
 * Outside a transaction (`db` is the pool) there is no one connection to keep them on: the statement runs
 * unnamed, as `db.execute` would. Needs a session-mode connection (docs/operations.md): a transaction-mode
 * pooler may hand the next statement to another server connection.
 */

const dialect = new PgDialect();
export const maxStatementsPerConnection = 40;
const prefix = 'ow_sql_';

/** Per connection: our statements' names, least recently used first. */
const namesOf = new WeakMap<pg.ClientBase, string[]>();

interface ConnectionInternals {
  connection?: { parsedStatements?: Record<string, string> };
}

/** The pg client under a drizzle transaction, or null for a pool. */
function clientOf(db: DatabaseOrTransaction): pg.ClientBase | null {
  const client = (db as unknown as { session?: { client?: unknown } }).session?.client;
  if (!client || typeof client !== 'object') return null;
  // A pool has `totalCount`; a connection (a pool's client) has `release` or is a plain Client.
  if ('totalCount' in client) return null;
  return 'query' in client ? (client as pg.ClientBase) : null;
}

export function statementName(text: string): string {
  return `${prefix}${createHash('sha256').update(text).digest('base64url').slice(0, 32)}`;
}

export async function executePrepared<Row extends Record<string, unknown>>(
  db: DatabaseOrTransaction,
  query: SQL,
): Promise<{ rows: Row[] }> {
  const client = clientOf(db);
  if (!client) return { rows: (await db.execute(query)).rows as Row[] };
  const { sql: text, params } = dialect.sqlToQuery(query);
  return runNamed<Row>(client, text, params as unknown[]);
}

/**
 * SQL text with `$1…` placeholders (another library's statement), run as executePrepared runs a query: named
 * on the transaction's connection, unnamed on the pool. For pg-boss's job insert in the caller's transaction
 * (`platform/jobs`): its text is the same for every job, and PostgreSQL planned it anew each time (0.37 ms of
 * planning a job on the cases bench, more than running it; ADR 0022).
 */
export async function executePreparedText<Row extends Record<string, unknown>>(
  db: DatabaseOrTransaction,
  text: string,
  values: readonly unknown[],
): Promise<{ rows: Row[] }> {
  const client = clientOf(db);
  if (client) return runNamed<Row>(client, text, [...values]);
  const pool = (db as unknown as { $client?: pg.Pool }).$client;
  if (!pool) throw new Error('executePreparedText: neither a transaction nor a pool');
  const result = await pool.query(text, [...values]);
  return { rows: result.rows as Row[] };
}

async function runNamed<Row extends Record<string, unknown>>(
  client: pg.ClientBase,
  text: string,
  values: unknown[],
): Promise<{ rows: Row[] }> {
  const name = statementName(text);
  const names = namesOf.get(client) ?? [];
  namesOf.set(client, names);
  const known = names.indexOf(name);
  if (known !== -1) names.splice(known, 1);
  names.push(name);
  while (names.length > maxStatementsPerConnection) {
    const oldest = names.shift();
    if (oldest) await forget(client, oldest);
  }
  const result = await client.query({ name, text, values });
  return { rows: result.rows as Row[] };
}

/** Deallocates one of our statements, if the server has it (pg records a statement once it parsed). */
async function forget(client: pg.ClientBase, name: string): Promise<void> {
  const parsed = (client as unknown as ConnectionInternals).connection?.parsedStatements;
  if (!parsed || parsed[name] === undefined) return;
  // The name is ours (prefix and base64url: letters, digits, '-' and '_'), safe inside double quotes.
  await client.query(`deallocate "${name}"`);
  delete parsed[name];
}

/**
 * A drizzle query prepared once per database handle (the pool, or a transaction) instead of on every call:
 * its values are `sql.placeholder`s given to `execute`, so the SQL text is built once. Building a select
 * of a wide table (drizzle's `is`, `escapeName` and `buildSelection` for every column) cost a public
 * look-up more than its SQL did: ~0.36 ms of ~1.6 ms of the app's CPU (CPU profile, 10 look-ups in flight
 * on the 1,000,000-case bench database). A transaction's handle lives for one transaction, so its queries
 * are prepared again in the next; the pool's, for the process.
 */
export function preparedPerHandle<Prepared>(
  make: (db: DatabaseOrTransaction) => Prepared,
): (db: DatabaseOrTransaction) => Prepared {
  const made = new WeakMap<DatabaseOrTransaction, Prepared>();
  return (db) => {
    let prepared = made.get(db);
    if (prepared === undefined) {
      prepared = make(db);
      made.set(db, prepared);
    }
    return prepared;
  };
}
