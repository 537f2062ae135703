import { sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { type FileStore, recordStoredFile } from './file-store.ts';

/**
 * Moves the bytes that rows written before the file store kept in PostgreSQL (`content` bytea: case
 * attachments, check and progress evidence) into the store (ADR 0009): each file is stored under its
 * SHA-256, listed in `stored_files`, and its `content` set to null, in one transaction per batch.
 *
 * Run at every start (main.ts, in the background: readers serve `content` while it is still there) and by
 * `npx onewindow files:move`. Idempotent: a row whose content is null is done. Rows are claimed with
 * `for update skip locked`, so several app processes starting together share the work, each row moved
 * once. The bytes are written to the store before the transaction commits, so a crash leaves at worst a
 * stored file whose row still has its content: the next run stores the same name again (nothing changes)
 * and finishes the row.
 *
 * The tables are found, not listed: every table of the schema with the columns `storedFileColumns` gives
 * (`id`, `sha256`, `media_type`, `content bytea`). The platform names no module, and a module that adds
 * such a table later is covered without a change here.
 */

export interface MovedTable {
  table: string;
  /** Rows whose bytes moved to the store in this run. */
  moved: number;
  bytes: number;
  /** Rows still holding bytes: held by another transaction, or refused below. */
  remaining: number;
  /** Rows whose bytes do not match their `sha256` column: left in the database and reported. */
  mismatched: string[];
}

export interface MoveOptions {
  /** Rows per transaction (default 20): one row's bytes are in memory at a time, whatever the batch. */
  batchSize?: number;
  now?: () => Date;
  /** Stops between rows (on shutdown); what was moved stays moved. */
  signal?: AbortSignal;
}

/** Tables in the current schema holding stored files by the `storedFileColumns` convention. */
export async function storedFileTables(db: Database): Promise<string[]> {
  const result = await db.execute<{ table_name: string }>(sql`
    select c.table_name
    from information_schema.columns c
    where c.table_schema = current_schema()
    group by c.table_name
    having bool_or(c.column_name = 'content' and c.data_type = 'bytea')
      and bool_or(c.column_name = 'sha256')
      and bool_or(c.column_name = 'media_type')
      and bool_or(c.column_name = 'id')
    order by c.table_name`);
  return result.rows.map((row) => row.table_name);
}

export async function moveDatabaseFiles(
  db: Database,
  files: FileStore,
  options: MoveOptions = {},
): Promise<MovedTable[]> {
  const results: MovedTable[] = [];
  for (const table of await storedFileTables(db)) {
    results.push(await moveTable(db, files, table, options));
    if (options.signal?.aborted) break;
  }
  return results;
}

interface PendingRow extends Record<string, unknown> {
  id: string;
  sha256: string | null;
  media_type: string | null;
}

async function moveTable(
  db: Database,
  files: FileStore,
  table: string,
  options: MoveOptions,
): Promise<MovedTable> {
  const batchSize = options.batchSize ?? 20;
  const now = options.now ?? (() => new Date());
  const name = sql.identifier(table);
  const result: MovedTable = { table, moved: 0, bytes: 0, remaining: 0, mismatched: [] };
  // Walk by id: a row refused (mismatched) or skipped (locked elsewhere) is not met again in this run.
  let after: string | null = null;
  while (!options.signal?.aborted) {
    const claimed = await db.transaction(async (tx) => {
      const pending = await tx.execute<PendingRow>(sql`
        select id::text as id, sha256, media_type from ${name}
        where content is not null ${after === null ? sql`` : sql`and id > ${after}`}
        order by id
        limit ${batchSize}
        for update skip locked`);
      for (const row of pending.rows) {
        if (options.signal?.aborted) break;
        // One row's bytes at a time, whatever the batch size.
        const loaded = await tx.execute<{ content: Buffer }>(
          sql`select content from ${name} where id = ${row.id}`,
        );
        const content = loaded.rows[0]?.content;
        if (!content) continue;
        const stored = await files.put(content);
        if (stored.sha256 !== row.sha256) {
          result.mismatched.push(row.id);
          continue;
        }
        await recordStoredFile(
          tx,
          {
            sha256: stored.sha256,
            sizeBytes: stored.sizeBytes,
            mediaType: row.media_type ?? 'application/octet-stream',
          },
          now(),
        );
        await tx.execute(sql`update ${name} set content = null where id = ${row.id}`);
        result.moved += 1;
        result.bytes += stored.sizeBytes;
      }
      return pending.rows;
    });
    if (claimed.length === 0) break;
    after = claimed.at(-1)?.id ?? after;
  }
  const left = await db.execute<{ count: number }>(
    sql`select count(*)::int as count from ${name} where content is not null`,
  );
  result.remaining = left.rows[0]?.count ?? 0;
  return result;
}

/** "Moved 3 files (1.2 MB) from case_attachments to the file store." lines, for the log and the CLI. */
export function describeMove(results: readonly MovedTable[]): string[] {
  const lines: string[] = [];
  for (const result of results) {
    if (result.moved > 0)
      lines.push(
        `Moved ${result.moved} file(s) (${result.bytes} bytes) from ${result.table} to the file store.`,
      );
    if (result.mismatched.length > 0)
      lines.push(
        `${result.table}: ${result.mismatched.length} row(s) whose bytes do not match their sha256 were left in the database: ${result.mismatched.slice(0, 10).join(', ')}`,
      );
    const waiting = result.remaining - result.mismatched.length;
    if (waiting > 0)
      lines.push(
        `${result.table}: ${waiting} row(s) were busy (locked); the next start or files:move moves them.`,
      );
  }
  return lines;
}
