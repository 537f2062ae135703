import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { modules } from '../src/modules/index.ts';
import { createDemoStaff } from '../src/platform/auth/staff-service.ts';
import { createBackup } from '../src/platform/backup/backup.ts';
import { countRows, migrationsUpTo, RestoreError, restoreBackup } from '../src/platform/backup/restore.ts';
import { loadModuleDemoData } from '../src/platform/composition/compose.ts';
import { runMigrations } from '../src/platform/db/migrate.ts';
import { createFilesystemStore } from '../src/platform/files/file-store.ts';
import { aBareCase } from '../src/platform/files/files-test-support.ts';
import { defineQueue } from '../src/platform/jobs/jobs.ts';
import { onewindow } from './helpers/cli.ts';
import { buildTestApp, type TestApp } from './helpers/test-app.ts';

/**
 * `npx onewindow backup` / `restore` (src/platform/backup): the demo data and stored files, backed up while
 * transactions write, restored into a new database and a new file store — every table's rows and every file's
 * bytes come back; a target that holds anything is refused.
 */

const folders: string[] = [];
const databases: string[] = [];
const adminUrl = () => String(process.env.ONEWINDOW_TEST_ADMIN_URL);

async function emptyDatabase(): Promise<string> {
  const name = `ow_restore_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  databases.push(name);
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function folder(prefix: string): Promise<string> {
  const made = await mkdtemp(path.join(os.tmpdir(), prefix));
  folders.push(made);
  return made;
}

async function query<Row extends pg.QueryResultRow>(connectionString: string, text: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query<Row>(text)).rows;
  } finally {
    await client.end();
  }
}

/** A digest of a whole table's rows (their text, sorted): equal digests, equal rows. */
async function tableDigests(connectionString: string, tables: string[]): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const digests: Record<string, string> = {};
    for (const table of tables) {
      const quoted = table
        .split('.')
        .map((part) => `"${part}"`)
        .join('.');
      const result = await client.query<{ digest: string }>(
        `select md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as digest from ${quoted} t`,
      );
      digests[table] = result.rows[0]?.digest ?? '';
    }
    return digests;
  } finally {
    await client.end();
  }
}

const laterQueue = defineQueue<{ note: string }>({
  name: 'backup-test-later',
  retryLimit: 1,
  retryDelaySeconds: 60,
  retryBackoff: false,
});

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('backup and restore', { timeout: 240_000 }, () => {
  let subject: TestApp;
  let source: string;
  let archive: string;
  let restoredUrl: string;
  let restoredFiles: ReturnType<typeof createFilesystemStore>;
  let backedUp: Awaited<ReturnType<typeof createBackup>>;
  let restored: Awaited<ReturnType<typeof restoreBackup>>;
  let duringBackup: { committed: string[]; uncommitted: string };
  let bigFile: string;

  before(async () => {
    subject = await buildTestApp();
    source = subject.database.connectionString;
    await createDemoStaff(subject.database.db, { clock: subject.clock });
    await loadModuleDemoData(modules, {
      db: subject.database.db,
      jobs: subject.jobs,
      clock: subject.clock,
      config: subject.config,
      files: subject.files,
    });
    await aBareCase(subject.database.pool, { subject: '路燈不亮', description: '備份測試' });
    // A job waiting in the queue (a reminder due next week) is part of the state too.
    await subject.jobs.ensureQueue(laterQueue);
    await subject.jobs.send(
      laterQueue,
      { note: 'due next week' },
      {
        tx: subject.database.db,
        startAfter: new Date(Date.now() + 7 * 86_400_000),
      },
    );
    // A file larger than any stream chunk, to show it goes through whole.
    const stored = await subject.files.put(randomBytes(3 * 1024 * 1024 + 17));
    bigFile = stored.sha256;
    await subject.database.pool.query(
      `insert into stored_files (sha256, size_bytes, media_type, stored_at) values ($1, $2, 'application/pdf', now())`,
      [stored.sha256, stored.sizeBytes],
    );

    // While the backup runs: one transaction stays open with a row it never commits, and others commit a
    // stored file and a row naming it, together, one after another.
    const open = new pg.Client({ connectionString: source });
    await open.connect();
    await open.query('begin');
    const uncommitted = `backup-open-${randomBytes(3).toString('hex')}`;
    await open.query(`insert into app_meta (key, value) values ($1, 'never committed')`, [uncommitted]);
    const committed: string[] = [];
    let writing = true;
    const writer = (async () => {
      const client = new pg.Client({ connectionString: source });
      await client.connect();
      while (writing) {
        const file = await subject.files.put(randomBytes(2000));
        await client.query('begin');
        await client.query(
          `insert into stored_files (sha256, size_bytes, media_type, stored_at) values ($1, 2000, 'image/jpeg', now())`,
          [file.sha256],
        );
        await client.query(`insert into app_meta (key, value) values ($1, 'written during the backup')`, [
          `backup-${file.sha256}`,
        ]);
        await client.query('commit');
        committed.push(file.sha256);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await client.end();
    })();
    await new Promise((resolve) => setTimeout(resolve, 100));
    archive = path.join(await folder('onewindow-backup-'), 'nightly.tar');
    backedUp = await createBackup({ connectionString: source, files: subject.files, out: archive });
    await new Promise((resolve) => setTimeout(resolve, 100));
    writing = false;
    await writer;
    await open.query('rollback');
    await open.end();
    duringBackup = { committed, uncommitted };

    restoredUrl = await emptyDatabase();
    restoredFiles = createFilesystemStore(path.join(await folder('onewindow-restored-'), 'files'));
    restored = await restoreBackup({ connectionString: restoredUrl, files: restoredFiles, archive });
    console.log(
      `# demo data: backup ${backedUp.milliseconds} ms, ${backedUp.archiveBytes} bytes (${backedUp.manifest.files.count} files, ` +
        `${backedUp.manifest.tables.reduce((sum, table) => sum + table.rows, 0)} rows); restore ${restored.milliseconds} ms`,
    );
  });

  after(async () => {
    await subject.app.close();
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    for (const name of databases) await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    for (const made of folders) await rm(made, { recursive: true, force: true });
  });

  it('writes one private archive holding the demo data, its stored files and a manifest', async () => {
    assert.equal((await stat(archive)).mode & 0o777, 0o600);
    const { manifest } = backedUp;
    assert.equal(manifest.format, 1);
    const journal = JSON.parse(await readFile('migrations/meta/_journal.json', 'utf8'));
    assert.equal(manifest.migration.tag, journal.entries.at(-1).tag);
    const cases = manifest.tables.find((table) => table.table === 'public.cases');
    assert.ok(cases && cases.rows >= 41, 'the 40 demo reports and the bare case');
    assert.ok(
      manifest.tables.some((table) => table.table.startsWith('pgboss.')),
      'queued jobs too',
    );
    assert.ok(manifest.files.count > 40, `photos and thumbnails (${manifest.files.count})`);
    assert.equal(manifest.files.missingCount, 0);
  });

  it('restores every table row for row into a new database', async () => {
    const tables = backedUp.manifest.tables;
    // Independent of restore's own check: count and digest both sides.
    const counts = await countRows(
      restoredUrl,
      tables.map((table) => table.table),
    );
    for (const table of tables) assert.equal(counts[table.table], table.rows, table.table);
    // Tables nobody wrote during the backup are identical to the source, row for row.
    const quiet = tables
      .map((table) => table.table)
      .filter(
        (table) =>
          !['public.app_meta', 'public.stored_files'].includes(table) && !table.startsWith('pgboss.'),
      );
    assert.deepEqual(await tableDigests(restoredUrl, quiet), await tableDigests(source, quiet));
    // The restored database carries on: the next identity value follows the restored rows.
    const [audit] = await query<{ max: string | null; next: string }>(
      restoredUrl,
      `select (select max(id)::text from audit_log) as max, nextval('audit_log_id_seq')::text as next`,
    );
    assert.ok(audit && Number(audit.next) > Number(audit.max ?? 0));
  });

  it('brings back the queued jobs', async () => {
    const jobs = await query<{ data: { note: string }; state: string }>(
      restoredUrl,
      `select data, state::text from pgboss.job where name = 'backup-test-later'`,
    );
    assert.deepEqual(jobs, [{ data: { note: 'due next week' }, state: 'created' }]);
  });

  it('restores every stored file with its bytes, the large one whole', async () => {
    const listed = await query<{ sha256: string }>(
      restoredUrl,
      'select sha256 from stored_files order by sha256',
    );
    assert.equal(listed.length, backedUp.manifest.files.count);
    for (const { sha256 } of listed) {
      assert.equal(sha256Of(await restoredFiles.read(sha256)), sha256, sha256);
    }
    assert.equal((await restoredFiles.read(bigFile)).length, 3 * 1024 * 1024 + 17);
    const inStore: string[] = [];
    for await (const sha256 of restoredFiles.list()) inStore.push(sha256);
    assert.deepEqual(inStore.sort(), listed.map((row) => row.sha256).sort());
  });

  it('took one consistent snapshot while transactions wrote: each committed pair whole or absent, nothing uncommitted', async () => {
    assert.ok(
      duringBackup.committed.length >= 2,
      `writes happened during the backup (${duringBackup.committed.length})`,
    );
    const meta = await query<{ key: string }>(
      restoredUrl,
      "select key from app_meta where key like 'backup-%'",
    );
    const keys = new Set(meta.map((row) => row.key));
    assert.equal(
      keys.has(duringBackup.uncommitted),
      false,
      'the open transaction’s row is not in the backup',
    );
    const files = new Set(
      (await query<{ sha256: string }>(restoredUrl, 'select sha256 from stored_files')).map(
        (row) => row.sha256,
      ),
    );
    let inBackup = 0;
    for (const sha256 of duringBackup.committed) {
      const hasRow = keys.has(`backup-${sha256}`);
      assert.equal(files.has(sha256), hasRow, `the pair of ${sha256} is whole or absent`);
      if (hasRow) {
        inBackup += 1;
        assert.ok(await restoredFiles.has(sha256), 'and its file came with it');
      }
    }
    assert.ok(inBackup < duringBackup.committed.length, 'writes after the snapshot are not in it');
  });

  it('refuses to restore into a database or a file store that holds anything, changing nothing', async () => {
    await assert.rejects(
      restoreBackup({
        connectionString: restoredUrl,
        files: createFilesystemStore(await folder('ow-empty-')),
        archive,
      }),
      (error: Error) => error instanceof RestoreError && /database ".*" is not empty/.test(error.message),
    );
    const untouched = await emptyDatabase();
    await assert.rejects(
      restoreBackup({ connectionString: untouched, files: restoredFiles, archive }),
      (error: Error) => error instanceof RestoreError && /file store is not empty/.test(error.message),
    );
    assert.deepEqual(
      await query(
        untouched,
        "select 1 from pg_tables where schemaname not in ('pg_catalog', 'information_schema')",
      ),
      [],
    );
    const refused = await onewindow(['restore', '--in', archive], {
      DATABASE_URL: source,
      FILE_STORE_DIR: await folder('ow-cli-files-'),
    });
    assert.equal(refused.code, 1, refused.stderr);
    assert.match(refused.stderr, /is not empty .* Restore only into a new, empty database/);
    assert.doesNotMatch(refused.stderr, /\n\s+at /, 'no stack trace');
  });

  it('works from the command line: backup, then restore into an empty database', async () => {
    const out = path.join(await folder('ow-cli-backup-'), 'cli.tar');
    const backup = await onewindow(['backup', '--out', out], {
      DATABASE_URL: source,
      FILE_STORE_DIR: subject.files.dir,
    });
    assert.equal(backup.code, 0, backup.stderr);
    assert.match(
      backup.stdout,
      /Backed up \d+ tables \(\d+ rows, migration \d{4}_\w+\) and \d+ stored files/,
    );
    const target = await emptyDatabase();
    const restore = await onewindow(['restore', '--in', out], {
      DATABASE_URL: target,
      FILE_STORE_DIR: path.join(await folder('ow-cli-restored-'), 'files'),
    });
    assert.equal(restore.code, 0, restore.stderr);
    assert.match(restore.stdout, /public\.cases\s+\d+/);
    assert.match(restore.stdout, /Every count and every file checksum matches the archive/);
    const [cases] = await query<{ n: number }>(target, 'select count(*)::int as n from cases');
    assert.ok(cases && cases.n >= 41);
  });

  it('restores an archive made at an older migration, then applies the later ones', async () => {
    const journal = JSON.parse(await readFile('migrations/meta/_journal.json', 'utf8'));
    const older = journal.entries.at(-2).tag;
    const oldDatabase = await emptyDatabase();
    const oldMigrations = path.join(await folder('ow-old-migrations-'), 'migrations');
    await migrationsUpTo(older, oldMigrations);
    await runMigrations(oldDatabase, { migrationsFolder: oldMigrations });
    await query(oldDatabase, "insert into app_meta (key, value) values ('made-before', 'an older release')");
    const out = path.join(await folder('ow-old-backup-'), 'old.tar');
    const made = await createBackup({
      connectionString: oldDatabase,
      files: createFilesystemStore(path.join(await folder('ow-old-files-'), 'files')),
      out,
    });
    assert.equal(made.manifest.migration.tag, older);
    const target = await emptyDatabase();
    await restoreBackup({
      connectionString: target,
      files: createFilesystemStore(path.join(await folder('ow-old-target-'), 'files')),
      archive: out,
    });
    assert.deepEqual(await query(target, "select value from app_meta where key = 'made-before'"), [
      { value: 'an older release' },
    ]);
    const [applied] = await query<{ n: number }>(
      target,
      'select count(*)::int as n from drizzle.__drizzle_migrations',
    );
    assert.equal(
      applied?.n,
      journal.entries.length,
      'the later migrations were applied after the rows came in',
    );
  });

  it('refuses a damaged archive before touching the database, and removes the files it had written', async () => {
    const bytes = await readFile(archive);
    // Flip a byte inside the last stored file's content.
    const at = bytes.length - 1024 - 600;
    bytes[at] = (bytes[at] ?? 0) ^ 0xff;
    const damaged = path.join(path.dirname(archive), 'damaged.tar');
    await writeFile(damaged, bytes);
    const target = await emptyDatabase();
    const store = createFilesystemStore(path.join(await folder('ow-damaged-'), 'files'));
    await assert.rejects(
      restoreBackup({ connectionString: target, files: store, archive: damaged }),
      /damaged/,
    );
    assert.deepEqual(
      await query(
        target,
        "select 1 from pg_tables where schemaname not in ('pg_catalog', 'information_schema')",
      ),
      [],
    );
    const left: string[] = [];
    for await (const sha256 of store.list()) left.push(sha256);
    assert.deepEqual(left, []);
  });
});
