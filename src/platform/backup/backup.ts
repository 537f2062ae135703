import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { chmod, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { migrationsFolder } from '../db/migrate.ts';
import type { FileStore } from '../files/file-store.ts';
import {
  type BackupManifest,
  backupFormat,
  fileListEntry,
  fileListLine,
  manifestEntry,
  parseFileListLine,
  type SequenceValue,
  storedFileEntryName,
  type TableDump,
  tableEntryName,
} from './backup-manifest.ts';
import { TarWriter } from './tar.ts';

/**
 * `npx onewindow backup --out FILE`: the database and the stored files in one archive (backup-manifest.ts
 * says what it holds), while the app runs. The database is read in one REPEATABLE READ transaction, so
 * every table is seen at the same instant; the files are those that snapshot's `stored_files` lists, read
 * afterwards from the store (a stored file never changes, and the sweep keeps any file a row names).
 *
 * pg_dump is not used: the embedded PostgreSQL (18) ships none, and Debian's (15) refuses a newer server.
 * Table rows go out with COPY, the schema comes back from the migrations (restore.ts).
 *
 * Memory stays bounded: rows and files stream through; the tables' dumps are staged in a folder beside the
 * archive (a tar entry needs its size first), removed at the end. The archive is written as FILE.partial
 * and renamed when complete; it is 0600 (it holds personal data).
 */

export const backupSchemas = ['public', 'pgboss'] as const;
/** pg-boss writes its own version row when it installs its tables: never restored over. */
export const tablesNotBackedUp = ['pgboss.version'];

export class BackupError extends Error {
  readonly code = 'BACKUP_FAILED';
  override name = 'BackupError';
}

export interface BackupResult {
  manifest: BackupManifest;
  archive: string;
  archiveBytes: number;
  milliseconds: number;
}

export const quoteName = (qualified: string) =>
  qualified
    .split('.')
    .map((part) => `"${part.replaceAll('"', '""')}"`)
    .join('.');

interface Journal {
  entries: { tag: string; when: number }[];
}

export async function readJournal(folder = migrationsFolder): Promise<Journal> {
  return JSON.parse(await readFile(path.join(folder, 'meta', '_journal.json'), 'utf8')) as Journal;
}

export function appVersion(): string {
  try {
    const file = fileURLToPath(new URL('../../../package.json', import.meta.url));
    return String((JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? '?');
  } catch {
    return '?';
  }
}

/** The tables to back up, in name order: ordinary and partitioned tables of our schemas, not partitions. */
export async function listTables(client: pg.Client): Promise<{ table: string; columns: string[] }[]> {
  const result = await client.query<{ table: string; columns: string[] }>(
    `select n.nspname || '.' || c.relname as table,
            array_agg(a.attname::text order by a.attnum) as columns
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
      where c.relkind in ('r', 'p') and not c.relispartition and n.nspname = any($1)
      group by n.nspname, c.relname
      order by n.nspname, c.relname`,
    [backupSchemas],
  );
  return result.rows.filter((row) => !tablesNotBackedUp.includes(row.table));
}

export async function createBackup(options: {
  connectionString: string;
  files: FileStore;
  out: string;
  log?: (line: string) => void;
}): Promise<BackupResult> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const archive = path.resolve(options.out);
  await mkdir(path.dirname(archive), { recursive: true });
  const staging = path.join(path.dirname(archive), `.onewindow-backup-${randomBytes(4).toString('hex')}`);
  await mkdir(staging, { mode: 0o700 });
  const partial = `${archive}.partial`;
  const client = new pg.Client({
    connectionString: options.connectionString,
    application_name: 'onewindow-backup',
  });
  try {
    await client.connect();
    const snapshot = await readSnapshot(client, staging, options.files, log);
    await writeArchive(partial, snapshot, staging, options.files);
    await chmod(partial, 0o600);
    await rename(partial, archive);
    const archiveBytes = (await stat(archive)).size;
    return { manifest: snapshot.manifest, archive, archiveBytes, milliseconds: Date.now() - started };
  } finally {
    await client.end().catch(() => {});
    await rm(staging, { recursive: true, force: true });
    await rm(partial, { force: true });
  }
}

interface Snapshot {
  manifest: BackupManifest;
}

/** Everything read from the database, in one transaction: the tables' rows, sequences, the files listed. */
async function readSnapshot(
  client: pg.Client,
  staging: string,
  files: FileStore,
  log: (line: string) => void,
): Promise<Snapshot> {
  await client.query('begin isolation level repeatable read read only');
  try {
    await client.query('set local statement_timeout = 0');
    const hasMigrations = await client.query(`select to_regclass('drizzle.__drizzle_migrations') as name`);
    if (hasMigrations.rows[0]?.name === null)
      throw new BackupError(
        'The database has no OneWindow schema (never migrated): there is nothing to back up.',
      );
    const last = await client.query<{ created_at: string }>(
      'select created_at::text from drizzle.__drizzle_migrations order by created_at desc limit 1',
    );
    const createdAt = Number(last.rows[0]?.created_at);
    const journal = await readJournal();
    const tag = journal.entries.find((entry) => entry.when === createdAt)?.tag;
    if (tag === undefined)
      throw new BackupError(
        `The database was migrated by a newer release (migration of ${new Date(createdAt).toISOString()}): back it up with that release.`,
      );
    const version = await client.query<{ server_version: string }>('show server_version');
    const tables: TableDump[] = [];
    for (const { table, columns } of await listTables(client)) {
      tables.push(await dumpTable(client, table, columns, staging));
    }
    log(`Read ${tables.length} tables (${tables.reduce((sum, table) => sum + table.rows, 0)} rows).`);
    const sequences = await client.query<SequenceValue>(
      `select schemaname || '.' || sequencename as sequence, last_value::text as "lastValue"
         from pg_sequences where schemaname = any($1) and last_value is not null order by 1`,
      [backupSchemas],
    );
    const listed = await listStoredFiles(client, staging, files);
    await client.query('commit');
    return {
      manifest: {
        format: backupFormat,
        app: 'onewindow',
        appVersion: appVersion(),
        createdAt: new Date().toISOString(),
        migration: { tag, createdAt },
        postgresVersion: version.rows[0]?.server_version ?? '?',
        tables,
        sequences: sequences.rows,
        files: listed,
      },
    };
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  }
}

/** One table's rows, COPY text format, gzipped into the staging folder; counted and hashed on the way. */
async function dumpTable(
  client: pg.Client,
  table: string,
  columns: string[],
  staging: string,
): Promise<TableDump> {
  const entry = tableEntryName(table);
  const file = path.join(staging, entry.replaceAll('/', '_'));
  const columnList = columns.map((column) => quoteName(column)).join(', ');
  const copy = client.query(copyTo(`copy (select ${columnList} from ${quoteName(table)}) to stdout`));
  let rows = 0;
  const countRows = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      // COPY text ends every row with a newline and escapes those inside values (\n).
      for (const byte of chunk) if (byte === 10) rows += 1;
      done(null, chunk);
    },
  });
  const hash = createHash('sha256');
  let bytes = 0;
  const hashOut = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(
    copy,
    countRows,
    createGzip({ level: 6 }),
    hashOut,
    createWriteStream(file, { mode: 0o600 }),
  );
  return { table, columns, rows, entry, bytes, sha256: hash.digest('hex') };
}

/**
 * The stored files the snapshot lists, sorted, into files.sha256 (a cursor: memory does not grow with their
 * number). A file missing from the store is left out and named in the manifest.
 */
async function listStoredFiles(
  client: pg.Client,
  staging: string,
  files: FileStore,
): Promise<BackupManifest['files']> {
  const listFile = path.join(staging, fileListEntry);
  const out = await open(listFile, 'w', 0o600);
  const hash = createHash('sha256');
  const result: BackupManifest['files'] = {
    count: 0,
    bytes: 0,
    listSha256: '',
    missing: [],
    missingCount: 0,
  };
  try {
    await client.query('declare stored cursor for select sha256 from stored_files order by sha256');
    for (;;) {
      const page = await client.query<{ sha256: string }>('fetch 1000 from stored');
      if (page.rows.length === 0) break;
      let text = '';
      for (const { sha256 } of page.rows) {
        const { size } = await storedFileSize(files, sha256);
        if (size === null) {
          result.missingCount += 1;
          if (result.missing.length < 100) result.missing.push(sha256);
          continue;
        }
        text += fileListLine(sha256);
        result.count += 1;
        result.bytes += size;
      }
      hash.update(text);
      await out.write(text);
    }
    await client.query('close stored');
  } finally {
    await out.close();
  }
  result.listSha256 = hash.digest('hex');
  return result;
}

/** Where the store keeps a file and its size, or nulls when it is not there. */
async function storedFileSize(
  files: FileStore,
  sha256: string,
): Promise<{ local: string | null; size: number | null }> {
  const local = files.localPath(sha256);
  if (local === null) return { local, size: null };
  const size = await stat(local).then(
    (info) => info.size,
    () => null,
  );
  return { local, size };
}

async function writeArchive(
  partial: string,
  snapshot: Snapshot,
  staging: string,
  files: FileStore,
): Promise<void> {
  const tar = new TarWriter(createWriteStream(partial, { mode: 0o600 }));
  const manifest = Buffer.from(`${JSON.stringify(snapshot.manifest, null, 2)}\n`);
  await tar.add(manifestEntry, manifest.length, manifest);
  for (const table of snapshot.manifest.tables) {
    const file = path.join(staging, table.entry.replaceAll('/', '_'));
    await tar.add(table.entry, table.bytes, createReadStream(file));
  }
  const listFile = path.join(staging, fileListEntry);
  await tar.add(fileListEntry, (await stat(listFile)).size, createReadStream(listFile));
  const lines = createInterface({ input: createReadStream(listFile), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    const sha256 = parseFileListLine(line);
    if (sha256 === null)
      throw new BackupError(`files.sha256 has a line that is not a file: ${line.slice(0, 80)}`);
    const { local, size } = await storedFileSize(files, sha256);
    if (local === null || size === null)
      throw new BackupError(
        `The stored file ${sha256} left the store during the backup; run the backup again.`,
      );
    const hash = createHash('sha256');
    await tar.add(storedFileEntryName(sha256), size, createReadStream(local), (chunk) => hash.update(chunk));
    if (hash.digest('hex') !== sha256)
      throw new BackupError(
        `The stored file ${sha256} does not hold the bytes its name says (damaged): restore it from an older backup, then back up again.`,
      );
  }
  await tar.finish();
}
