import fs from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { type Database, withTransaction } from '../db/database.ts';
import type { FileStore } from './file-store.ts';

/**
 * Removes orphans from the file store (`npx onewindow files:sweep`, and a scheduled scan: sweep-schedule.ts):
 * stored files that no row refers to and that are older than the grace period (FILE_SWEEP_GRACE_HOURS,
 * default 24). Orphans come from uploads whose transaction rolled back, photos refused after their bytes
 * were written, forms refused after their files were stored, and rows deleted since (an evidence file
 * removed: its bytes stay while another row may use them).
 *
 * What refers to a stored file is found in the schema, not listed by hand (`fileReferenceColumns`): every
 * column named `sha256` or `*_sha256` (the `storedFileColumns` convention and the report photos' copies)
 * and every column with a foreign key to `stored_files`, in every table but `stored_files` itself (which
 * lists files, it does not use them) — plus the files named by queued jobs (an e-mail's attachment waiting
 * to be sent). A module that adds such a column is covered without a change here; the db test pins the list
 * so that a new one is looked at once.
 *
 * Never removed: a file some row names (checked again, in a transaction, just before), a file younger than
 * the grace period (an upload whose transaction has not committed yet; the same bytes stored again touch
 * the file, so they count as young too; a report form carries its photos between steps for up to two
 * hours), and anything in `tmp/` (files being written: `sweepTemporaryFiles` removes what a crash left).
 * Safe with several processes: each removal is idempotent, and the scan is one job per slot.
 */

export interface FileReference {
  table: string;
  column: string;
}

export interface SweepOptions {
  /** Files stored (or stored again) less than this long ago are kept whatever refers to them. */
  graceMs: number;
  now?: Date;
  /** Count what would go, remove nothing. */
  isDryRun?: boolean;
  /** pg-boss's schema (`Jobs.schema`): the files queued jobs name are kept. Default 'pgboss'. */
  jobsSchema?: string;
}

export interface SweepResult {
  /** Files the store holds (outside `tmp/`). */
  stored: number;
  /** Named by a row or a queued job: kept. */
  referenced: number;
  /** Named by nothing but younger than the grace period: kept. */
  young: number;
  /** Removed (or, in a dry run, that would be). */
  removed: number;
  removedBytes: number;
  isDryRun: boolean;
}

/** Store names looked up in the database at a time: one query per batch, whatever the store's size. */
const batchSize = 1000;

/** Every column of the current schema that names a stored file (see the comment at the top). */
export async function fileReferenceColumns(db: Database): Promise<FileReference[]> {
  const result = await db.execute<{ table_name: string; column_name: string }>(sql`
    select c.table_name, c.column_name
    from information_schema.columns c
    join information_schema.tables t
      on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.table_schema = current_schema() and c.table_name <> 'stored_files'
      and (c.column_name = 'sha256' or c.column_name like '%\_sha256')
    union
    select cl.relname::text, a.attname::text
    from pg_constraint con
    join pg_class cl on cl.oid = con.conrelid
    join pg_namespace n on n.oid = cl.relnamespace
    join pg_attribute a on a.attrelid = con.conrelid and a.attnum = any (con.conkey)
    where con.contype = 'f' and con.confrelid = to_regclass('stored_files') and n.nspname = current_schema()
    order by 1, 2`);
  return result.rows.map((row) => ({ table: row.table_name, column: row.column_name }));
}

/** The files queued jobs name (any `sha256` in their data): an e-mail's attachment not sent yet. */
async function filesNamedByQueuedJobs(db: Database, schema: string): Promise<Set<string>> {
  const table = `${schema}.job`;
  const present = await db.execute<{ present: boolean }>(
    sql`select to_regclass(${table}) is not null as present`,
  );
  if (present.rows[0]?.present !== true) return new Set();
  const result = await db.execute<{ sha256: string }>(sql`
    select distinct named #>> '{}' as sha256
    from ${sql.identifier(schema)}.job j, jsonb_path_query(j.data, 'lax $.**.sha256') named
    where j.state in ('created', 'retry', 'active') and jsonb_typeof(named) = 'string'`);
  return new Set(result.rows.map((row) => row.sha256));
}

/** Those of `names` some row refers to. */
async function referencedAmong(
  db: Pick<Database, 'execute'>,
  references: readonly FileReference[],
  names: readonly string[],
): Promise<Set<string>> {
  if (names.length === 0 || references.length === 0) return new Set();
  const usedBy = references.map(
    (reference) =>
      sql`exists (select 1 from ${sql.identifier(reference.table)} t where t.${sql.identifier(reference.column)} = s.name)`,
  );
  const result = await db.execute<{ name: string }>(sql`
    select s.name from unnest(${sql.param([...names])}::text[]) as s(name)
    where ${sql.join(usedBy, sql` or `)}`);
  return new Set(result.rows.map((row) => row.name));
}

/** Size and last change of a stored file; null when it is gone (another process removed it). */
async function statOf(files: FileStore, sha256: string): Promise<{ size: number; changedAt: number } | null> {
  const file = files.localPath(sha256);
  if (file === null) return null;
  try {
    const stat = await fs.stat(file);
    return { size: stat.size, changedAt: stat.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** One sweep of the whole store (see the comment at the top). */
export async function sweepOrphanFiles(
  db: Database,
  files: FileStore,
  options: SweepOptions,
): Promise<SweepResult> {
  const isDryRun = options.isDryRun === true;
  const result: SweepResult = { stored: 0, referenced: 0, young: 0, removed: 0, removedBytes: 0, isDryRun };
  const references = await fileReferenceColumns(db);
  const queued = await filesNamedByQueuedJobs(db, options.jobsSchema ?? 'pgboss');
  const oldestKept = (options.now ?? new Date()).getTime() - options.graceMs;

  const sweepBatch = async (names: string[]) => {
    const referenced = await referencedAmong(db, references, names);
    for (const name of names) {
      if (referenced.has(name) || queued.has(name)) {
        result.referenced += 1;
        continue;
      }
      const stat = await statOf(files, name);
      if (stat === null) continue;
      if (stat.changedAt >= oldestKept) {
        result.young += 1;
        continue;
      }
      if (isDryRun || (await removeOrphan(db, files, references, name, oldestKept))) {
        result.removed += 1;
        result.removedBytes += stat.size;
      } else result.referenced += 1;
    }
  };

  let batch: string[] = [];
  for await (const name of files.list()) {
    result.stored += 1;
    batch.push(name);
    if (batch.length >= batchSize) {
      await sweepBatch(batch);
      batch = [];
    }
  }
  await sweepBatch(batch);
  return result;
}

/**
 * Removes one orphan, unless a row came to name it since the batch was read: its `stored_files` row goes
 * in a transaction that checks the references again (a row being written that refers to it by foreign key
 * makes the delete wait, then fail: the file is kept), then the file, if it has not been stored again
 * meanwhile. True when it went.
 */
async function removeOrphan(
  db: Database,
  files: FileStore,
  references: readonly FileReference[],
  sha256: string,
  oldestKept: number,
): Promise<boolean> {
  try {
    const isFree = await withTransaction(db, async (tx) => {
      if ((await referencedAmong(tx, references, [sha256])).size > 0) return false;
      await tx.execute(sql`delete from stored_files where sha256 = ${sha256}`);
      return true;
    });
    if (!isFree) return false;
  } catch (error) {
    if ((error as { code?: string; cause?: { code?: string } }).cause?.code === '23503') return false;
    if ((error as { code?: string }).code === '23503') return false;
    throw error;
  }
  const stat = await statOf(files, sha256);
  if (stat === null || stat.changedAt >= oldestKept) return false;
  await files.remove(sha256);
  return true;
}

/** What a sweep did, in the words the command line and the log use. */
export function describeSweep(result: SweepResult, graceHours: number): string[] {
  const lines = [
    `Checked ${result.stored} stored file(s): ${result.referenced} in use, ${result.young} named by nothing but younger than ${graceHours} h (kept).`,
  ];
  lines.push(
    result.isDryRun
      ? `Would remove ${result.removed} file(s) named by nothing (${result.removedBytes} bytes); nothing was removed (--dry-run).`
      : `Removed ${result.removed} file(s) named by nothing (${result.removedBytes} bytes).`,
  );
  return lines;
}
