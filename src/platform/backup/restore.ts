import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { migrationsFolder, runMigrations } from '../db/migrate.ts';
import type { FileStore } from '../files/file-store.ts';
import { createJobs } from '../jobs/jobs.ts';
import { backupSchemas, listTables, quoteName, readJournal } from './backup.ts';
import {
  type BackupManifest,
  fileListEntry,
  manifestEntry,
  manifestProblems,
  parseFileListLine,
  storedFileEntryName,
  tableEntryName,
} from './backup-manifest.ts';
import { readTar, type TarEntry } from './tar.ts';

/**
 * `npx onewindow restore --in FILE`: an archive of `npx onewindow backup` into an empty database and an
 * empty file store. In order:
 *   1. refuse a target that holds anything (a database with tables, a store with files);
 *   2. read the archive once: the manifest, the tables' dumps (staged in the store's tmp/ folder, checked
 *      against their SHA-256), the stored files (into the store, each checked against its name and the list);
 *   3. build the schema the backup was made with (the migrations up to its last), pg-boss's tables if it
 *      had queued jobs, and load every table in one transaction (parents first, the tables' own triggers off
 *      meanwhile — the append-only guards, the fill-ins — so the rows come back exactly as they were);
 *   4. set the sequences, apply the migrations that came after the backup, count the rows and compare.
 * A failure before step 3 leaves the database untouched and removes the files it had written.
 */

export class RestoreError extends Error {
  readonly code = 'RESTORE_FAILED';
  override name = 'RestoreError';
}

export interface RestoreResult {
  manifest: BackupManifest;
  /** Rows per table after the restore (equal to the manifest's: checked). */
  counts: Record<string, number>;
  files: number;
  milliseconds: number;
}

export async function restoreBackup(options: {
  connectionString: string;
  files: FileStore & { readonly dir: string };
  archive: string;
  log?: (line: string) => void;
}): Promise<RestoreResult> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  await refuseNonEmptyTarget(options.connectionString, options.files);
  const staging = path.join(options.files.dir, 'tmp', `restore-${randomBytes(4).toString('hex')}`);
  await mkdir(staging, { recursive: true, mode: 0o700 });
  const written: string[] = [];
  try {
    const manifest = await readArchive(options.archive, staging, options.files, written);
    log(
      `Checked the archive: ${manifest.tables.length} tables, ${manifest.files.count} files, every SHA-256 as listed.`,
    );
    const counts = await loadDatabase(options.connectionString, manifest, staging);
    return { manifest, counts, files: written.length, milliseconds: Date.now() - started };
  } catch (error) {
    for (const sha256 of written) await options.files.remove(sha256).catch(() => {});
    throw error;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function refuseNonEmptyTarget(connectionString: string, files: FileStore): Promise<void> {
  const client = new pg.Client({ connectionString, application_name: 'onewindow-restore' });
  await client.connect();
  try {
    const tables = await client.query<{ table: string }>(
      `select n.nspname || '.' || c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p') and n.nspname in ('public', 'pgboss', 'drizzle') order by 1 limit 3`,
    );
    if (tables.rows.length > 0) {
      const database = new URL(connectionString).pathname.slice(1) || '(default)';
      throw new RestoreError(
        `The database "${decodeURIComponent(database)}" is not empty (it has tables: ${tables.rows.map((row) => row.table).join(', ')}, …). ` +
          'Restore only into a new, empty database (createdb, or a new DATA_DIR with the embedded PostgreSQL); nothing was changed.',
      );
    }
  } finally {
    await client.end();
  }
  for await (const sha256 of files.list()) {
    throw new RestoreError(
      `The file store is not empty (it holds ${sha256} and perhaps more). Restore only into an empty FILE_STORE_DIR; nothing was changed.`,
    );
  }
}

function hashing(hash: ReturnType<typeof createHash>): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
}

async function collect(entry: TarEntry, limit: number): Promise<Buffer> {
  if (entry.size > limit)
    throw new RestoreError(`${entry.name} is larger than expected (${entry.size} bytes)`);
  const chunks: Buffer[] = [];
  for await (const chunk of entry.content()) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Reads the whole archive once, checking everything; the stored files land in the store. */
async function readArchive(
  archive: string,
  staging: string,
  files: FileStore,
  written: string[],
): Promise<BackupManifest> {
  const journal = await readJournal();
  let manifest: BackupManifest | null = null;
  const expectedTables = new Map<string, BackupManifest['tables'][number]>();
  let listLines: AsyncIterator<string> | null = null;
  let fileIndex = 0;
  let input: Readable;
  try {
    input = createReadStream(archive);
    await new Promise((resolve, reject) => input.once('open', resolve).once('error', reject));
  } catch (error) {
    throw new RestoreError(`Cannot read ${archive}: ${(error as Error).message}`);
  }
  for await (const entry of readTar(input)) {
    if (manifest === null) {
      if (entry.name !== manifestEntry)
        throw new RestoreError(`${archive} is not a OneWindow backup (no manifest.json first)`);
      let parsed: unknown;
      try {
        parsed = JSON.parse((await collect(entry, 64 * 1024 * 1024)).toString('utf8'));
      } catch {
        throw new RestoreError('manifest.json is not JSON');
      }
      const problems = manifestProblems(
        parsed,
        journal.entries.map((item) => item.tag),
      );
      if (problems.length > 0)
        throw new RestoreError(`This archive cannot be restored: ${problems.join('; ')}`);
      manifest = parsed as BackupManifest;
      for (const table of manifest.tables) expectedTables.set(table.entry, table);
      continue;
    }
    const table = expectedTables.get(entry.name);
    if (table !== undefined) {
      const hash = createHash('sha256');
      await pipeline(
        Readable.from(entry.content()),
        hashing(hash),
        createWriteStream(path.join(staging, entry.name.replaceAll('/', '_')), { mode: 0o600 }),
      );
      if (hash.digest('hex') !== table.sha256)
        throw new RestoreError(`${entry.name} is damaged (its SHA-256 differs)`);
      expectedTables.delete(entry.name);
      continue;
    }
    if (entry.name === fileListEntry) {
      // Staged, then read a line at a time as the files arrive: memory does not grow with their number.
      const listFile = path.join(staging, fileListEntry);
      const hash = createHash('sha256');
      await pipeline(
        Readable.from(entry.content()),
        hashing(hash),
        createWriteStream(listFile, { mode: 0o600 }),
      );
      if (hash.digest('hex') !== manifest.files.listSha256) throw new RestoreError('files.sha256 is damaged');
      listLines = createInterface({ input: createReadStream(listFile), crlfDelay: Number.POSITIVE_INFINITY })[
        Symbol.asyncIterator
      ]();
      continue;
    }
    if (entry.name.startsWith('files/')) {
      const next = listLines === null ? null : await listLines.next();
      const expected = next === null || next.done ? null : parseFileListLine(next.value);
      if (expected === null || entry.name !== storedFileEntryName(expected))
        throw new RestoreError(`${entry.name} is not the file files.sha256 lists next`);
      const writer = files.createWriter();
      try {
        await pipeline(Readable.from(entry.content()), writer);
        const stored = await writer.commit();
        if (stored.sha256 !== expected) {
          await files.remove(stored.sha256);
          throw new RestoreError(`${entry.name} is damaged (its bytes do not match its SHA-256)`);
        }
      } catch (error) {
        await writer.abort().catch(() => {});
        throw error;
      }
      written.push(expected);
      fileIndex += 1;
      continue;
    }
    throw new RestoreError(`${entry.name} is not part of a OneWindow backup`);
  }
  if (manifest === null) throw new RestoreError(`${archive} is empty`);
  if (expectedTables.size > 0)
    throw new RestoreError(`The archive lacks ${[...expectedTables.keys()].join(', ')} (cut short?)`);
  const extra = listLines === null ? { done: false } : await listLines.next();
  if (listLines === null || !extra.done || fileIndex !== manifest.files.count)
    throw new RestoreError(
      `The archive holds ${fileIndex} of the ${manifest.files.count} files it lists (cut short?)`,
    );
  return manifest;
}

/** A migrations folder with the migrations up to `tag` (drizzle reads its journal to know what to apply). */
export async function migrationsUpTo(tag: string, folder: string): Promise<void> {
  const journal = await readJournal();
  const index = journal.entries.findIndex((entry) => entry.tag === tag);
  const entries = journal.entries.slice(0, index + 1);
  await mkdir(path.join(folder, 'meta'), { recursive: true });
  for (const entry of entries) {
    await copyFile(path.join(migrationsFolder, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
  }
  await writeFile(path.join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
}

async function loadDatabase(
  connectionString: string,
  manifest: BackupManifest,
  staging: string,
): Promise<Record<string, number>> {
  const schemaFolder = path.join(staging, 'migrations');
  await migrationsUpTo(manifest.migration.tag, schemaFolder);
  await runMigrations(connectionString, { migrationsFolder: schemaFolder });
  if (manifest.tables.some((table) => table.table.startsWith('pgboss.'))) {
    // pg-boss makes its own tables (schema pgboss) when it starts.
    const jobs = createJobs({ connectionString, poolMax: 1 });
    await jobs.start();
    await jobs.stop({ timeoutMs: 1000 });
  }
  const client = new pg.Client({ connectionString, application_name: 'onewindow-restore' });
  await client.connect();
  try {
    const present = new Map((await listTables(client)).map((table) => [table.table, table.columns]));
    const problems: string[] = [];
    for (const table of manifest.tables) {
      const columns = present.get(table.table);
      if (columns === undefined) problems.push(`${table.table} does not exist after the migrations`);
      else if (table.columns.some((column) => !columns.includes(column)))
        problems.push(`${table.table} lacks columns the archive has`);
    }
    if (problems.length > 0)
      throw new RestoreError(`The schema does not match the archive: ${problems.join('; ')}`);
    const order = manifest.tables.map((table) => table.table);
    const byName = new Map(manifest.tables.map((table) => [table.table, table]));
    await client.query('begin');
    await client.query('set local statement_timeout = 0');
    // As pg_restore does: the foreign keys go while the rows come in (in any order: some tables name each
    // other), and come back after, checking every row. The tables' own triggers stay off meanwhile.
    const foreignKeys = await client.query<{ table: string; name: string; definition: string }>(
      `select n.nspname || '.' || c.relname as table, k.conname as name, pg_get_constraintdef(k.oid) as definition
         from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
        where k.contype = 'f' and k.conparentid = 0 and n.nspname = any($1)`,
      [backupSchemas],
    );
    for (const key of foreignKeys.rows)
      await client.query(`alter table ${quoteName(key.table)} drop constraint ${quoteName(key.name)}`);
    for (const name of order) await client.query(`alter table ${quoteName(name)} disable trigger user`);
    // Rows the migrations or pg-boss wrote (reference rows) give way to the archive's.
    for (const name of order) await client.query(`delete from ${quoteName(name)}`);
    for (const name of order) {
      const table = byName.get(name);
      if (table === undefined) continue;
      const columnList = table.columns.map((column) => quoteName(column)).join(', ');
      await pipeline(
        createReadStream(path.join(staging, tableEntryName(name).replaceAll('/', '_'))),
        createGunzip(),
        client.query(copyFrom(`copy ${quoteName(name)} (${columnList}) from stdin`)),
      );
    }
    for (const key of foreignKeys.rows)
      await client.query(
        `alter table ${quoteName(key.table)} add constraint ${quoteName(key.name)} ${key.definition}`,
      );
    for (const name of order) await client.query(`alter table ${quoteName(name)} enable trigger user`);
    for (const sequence of manifest.sequences) {
      await client.query('select setval($1::regclass, $2::bigint, true)', [
        quoteName(sequence.sequence),
        sequence.lastValue,
      ]);
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
  // Migrations that came after the backup (a restore with a later release).
  await runMigrations(connectionString);
  const counts = await countRows(
    connectionString,
    manifest.tables.map((table) => table.table),
  );
  const differing = manifest.tables.filter((table) => counts[table.table] !== table.rows);
  if (differing.length > 0)
    throw new RestoreError(
      `After the restore, row counts differ from the archive's: ${differing
        .map((table) => `${table.table} ${counts[table.table]} (archive ${table.rows})`)
        .join(', ')}`,
    );
  return counts;
}

export async function countRows(connectionString: string, tables: string[]): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString, application_name: 'onewindow-restore' });
  await client.connect();
  try {
    const counts: Record<string, number> = {};
    for (const table of tables) {
      const result = await client.query<{ n: string }>(`select count(*)::text as n from ${quoteName(table)}`);
      counts[table] = Number(result.rows[0]?.n);
    }
    return counts;
  } finally {
    await client.end();
  }
}
