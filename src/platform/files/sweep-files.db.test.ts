import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { onewindow } from '../../../test/helpers/cli.ts';
import { createTestDatabase } from '../../../test/helpers/test-database.ts';
import { aTemporaryFileStore } from '../../../test/helpers/test-file-store.ts';
import { createTestJobs } from '../../../test/helpers/test-jobs.ts';
import { defineQueue, type Jobs } from '../jobs/jobs.ts';
import type { FileStore, StoredContent } from './file-store.ts';
import { aBareCase } from './files-test-support.ts';
import { storedFileTables } from './move-db-files.ts';
import { describeSweep, fileReferenceColumns, type SweepResult, sweepOrphanFiles } from './sweep-files.ts';

/**
 * The orphan sweep on a real PostgreSQL and a real store in a temporary folder: files rows name (a case
 * attachment, a report photo's three copies), a file a queued job names, orphans older than the grace
 * period (one still listed in stored_files, one listed nowhere) and a young one.
 */

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;
const hour = 60 * 60 * 1000;
const grace = 24 * hour;

let database: TestDatabase;
let files: FileStore & { readonly dir: string };
let jobs: Jobs;
before(async () => {
  database = await createTestDatabase();
  files = await aTemporaryFileStore('onewindow-sweep-');
  jobs = createTestJobs(database.connectionString);
  await jobs.start();
});
after(async () => {
  await jobs.stop({ timeoutMs: 1000 });
  await database.close();
});

const query = (text: string, values: unknown[] = []) => database.pool.query(text, values);

/** A file of its own, stored `ageHours` ago (its time set back as a file stored then would have it). */
async function aStoredFile(ageHours: number): Promise<StoredContent> {
  const stored = await files.put(randomBytes(1000 + Math.floor(Math.random() * 1000)));
  const path = files.localPath(stored.sha256);
  assert.ok(path !== null);
  const then = new Date(Date.now() - ageHours * hour);
  await fs.utimes(path, then, then);
  return stored;
}

async function listIn(file: StoredContent) {
  await query(
    `insert into stored_files (sha256, size_bytes, media_type, stored_at) values ($1, $2, 'image/jpeg', now())`,
    [file.sha256, file.sizeBytes],
  );
}

const aCase = () => aBareCase(database.pool, { subject: '清理測試', description: '附件' });

const present = async (file: StoredContent) => files.has(file.sha256);

describe('the orphan file sweep', () => {
  it('finds every column that names a stored file in the schema; a new one fails here until it is looked at', async () => {
    const columns = await fileReferenceColumns(database.db);
    assert.deepEqual(
      columns.map((column) => `${column.table}.${column.column}`),
      [
        'application_draft_files.sha256',
        'case_attachments.sha256',
        'content_attachments.sha256',
        'control_check_evidence.sha256',
        'control_progress_evidence.sha256',
        'report_photos.original_sha256',
        'report_photos.public_sha256',
        'report_photos.thumb_sha256',
      ],
    );
    // Every table of the storedFileColumns kind and every foreign key to stored_files is among them.
    for (const table of await storedFileTables(database.db))
      assert.ok(
        columns.some((column) => column.table === table && column.column === 'sha256'),
        table,
      );
    const foreignKeys = await query(`
      select cl.relname as table, a.attname as column from pg_constraint con
      join pg_class cl on cl.oid = con.conrelid
      join pg_attribute a on a.attrelid = con.conrelid and a.attnum = any (con.conkey)
      where con.contype = 'f' and con.confrelid = 'stored_files'::regclass`);
    assert.equal(foreignKeys.rows.length, 3);
    for (const key of foreignKeys.rows)
      assert.ok(columns.some((column) => column.table === key.table && column.column === key.column));
    // Any other column whose name speaks of files or hashes is known not to name a stored file.
    const notFiles = new Set([
      'application_draft_files.file_name', // the name shown to people
      'case_attachments.file_name',
      'content_attachments.file_name',
      'control_check_evidence.file_name',
      'control_progress_evidence.file_name',
      'api_keys.key_hash', // hashes of secrets, not of files
      'application_drafts.code_hash',
      'application_drafts.resume_token_hash',
      'application_drafts.account_token_hash',
      'citizen_sessions.id_hash',
      'citizen_sign_in_links.token_hash',
      'field_reports.confirm_token_hash',
      'petition_submissions.code_hash',
      'petition_submissions.token_hash',
      'staff.password_hash',
      'staff_invitations.token_hash',
      'report_confirmed_addresses.email_hash',
      'search_documents.file_terms', // attachments' text for search, not a file's name
      'search_documents.file_text',
      'sign_in_failures.email_hash',
      'trusted_devices.device_hash', // a browser's device cookie, hashed
    ]);
    const speaking = await query(`
      select table_name || '.' || column_name as name from information_schema.columns
      where table_schema = current_schema() and table_name <> 'stored_files'
        and column_name ~ '(sha|hash|file|photo|image|blob|digest|attachment)' and data_type in ('text', 'character varying')`);
    const named = new Set(columns.map((column) => `${column.table}.${column.column}`));
    assert.deepEqual(
      speaking.rows
        .map((row) => row.name as string)
        .filter((name) => !named.has(name))
        .toSorted(),
      [...notFiles].toSorted(),
      'a new column that may name a stored file: call it sha256 / *_sha256 (or give it a foreign key to stored_files), or list it here as not a file',
    );
  });

  it('every such column leads an index: the sweep asks of each file whether a row names it, and removing a stored_files row checks the foreign keys', async () => {
    const columns = await fileReferenceColumns(database.db);
    const leading = await query(`
      select cl.relname as table, a.attname as column from pg_index i
      join pg_class cl on cl.oid = i.indrelid
      join pg_namespace n on n.oid = cl.relnamespace
      join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
      where n.nspname = current_schema()`);
    const indexed = new Set(leading.rows.map((row) => `${row.table}.${row.column}`));
    assert.deepEqual(
      columns.map((column) => `${column.table}.${column.column}`).filter((name) => !indexed.has(name)),
      [],
      'without an index the sweep reads the whole table once per stored file (125 s for 100 files on 1,231,435 photo rows)',
    );
  });

  it('keeps what rows and queued jobs name and young orphans, removes old orphans (dry run first), and says so in numbers', async () => {
    const caseId = await aCase();
    const attached = await aStoredFile(72);
    await listIn(attached);
    await query(
      `insert into case_attachments (id, case_id, file_name, media_type, size_bytes, sha256, content, uploaded_at)
       values ($1, $2, 'plan.pdf', 'application/pdf', $3, $4, null, now())`,
      [randomUUID(), caseId, attached.sizeBytes, attached.sha256],
    );
    const [original, publicCopy, thumb] = [
      await aStoredFile(72),
      await aStoredFile(72),
      await aStoredFile(72),
    ];
    for (const file of [original, publicCopy, thumb]) if (file !== undefined) await listIn(file);
    await query(
      `insert into report_photos (case_id, role, position, original_sha256, original_media_type, public_sha256,
         thumb_sha256, width, height, added_at)
       values ($1, 'report', 1, $2, 'image/jpeg', $3, $4, 640, 480, now())`,
      [caseId, original.sha256, publicCopy.sha256, thumb.sha256],
    );
    // An e-mail waiting to be sent names its attachment: kept though no row names it.
    const waiting = await aStoredFile(72);
    const queue = defineQueue<{ attachments: { sha256: string }[] }>({
      name: 'test.sweep-mail',
      retryLimit: 0,
      retryDelaySeconds: 1,
      retryBackoff: false,
    });
    await jobs.ensureQueue(queue);
    await jobs.send(queue, { attachments: [{ sha256: waiting.sha256 }] }, { tx: database.db });
    // Orphans: two days old (one still listed in stored_files, one listed nowhere), and one an hour old.
    const listedOrphan = await aStoredFile(48);
    await listIn(listedOrphan);
    const unlistedOrphan = await aStoredFile(25);
    const young = await aStoredFile(1);
    const orphanBytes = listedOrphan.sizeBytes + unlistedOrphan.sizeBytes;

    const expected = (isDryRun: boolean): SweepResult => ({
      stored: 8,
      referenced: 5,
      young: 1,
      removed: 2,
      removedBytes: orphanBytes,
      isDryRun,
    });
    const dryRun = await sweepOrphanFiles(database.db, files, { graceMs: grace, isDryRun: true });
    assert.deepEqual(dryRun, expected(true));
    for (const file of [listedOrphan, unlistedOrphan, young]) assert.ok(await present(file));
    assert.equal(
      (await query('select 1 from stored_files where sha256 = $1', [listedOrphan.sha256])).rowCount,
      1,
    );

    const swept = await sweepOrphanFiles(database.db, files, { graceMs: grace });
    assert.deepEqual(swept, expected(false));
    assert.deepEqual(describeSweep(swept, 24), [
      'Checked 8 stored file(s): 5 in use, 1 named by nothing but younger than 24 h (kept).',
      `Removed 2 file(s) named by nothing (${orphanBytes} bytes).`,
    ]);
    for (const file of [listedOrphan, unlistedOrphan]) assert.equal(await present(file), false);
    for (const file of [attached, original, publicCopy, thumb, waiting, young])
      assert.ok(await present(file));
    assert.equal(
      (await query('select 1 from stored_files where sha256 = $1', [listedOrphan.sha256])).rowCount,
      0,
    );
    assert.equal(
      (await query('select 1 from stored_files where sha256 = $1', [attached.sha256])).rowCount,
      1,
    );

    // Nothing left to remove: a second sweep (another process, the next slot) finds nothing.
    const again = await sweepOrphanFiles(database.db, files, { graceMs: grace });
    assert.deepEqual(again, { ...expected(false), stored: 6, removed: 0, removedBytes: 0 });
  });

  it('npx onewindow files:sweep --dry-run counts, files:sweep removes, with FILE_SWEEP_GRACE_HOURS', async () => {
    const orphan = await aStoredFile(10);
    const environment = {
      DATABASE_URL: database.connectionString,
      FILE_STORE_DIR: files.dir,
      FILE_SWEEP_GRACE_HOURS: '6',
    };
    const dryRun = await onewindow(['files:sweep', '--dry-run'], environment);
    assert.equal(dryRun.code, 0, dryRun.stderr);
    assert.match(
      dryRun.stdout,
      /Checked 7 stored file\(s\): 5 in use, 1 named by nothing but younger than 6 h \(kept\)\./,
    );
    assert.match(
      dryRun.stdout,
      new RegExp(
        `Would remove 1 file\\(s\\) named by nothing \\(${orphan.sizeBytes} bytes\\); nothing was removed \\(--dry-run\\)\\.`,
      ),
    );
    assert.ok(await present(orphan));

    const swept = await onewindow(['files:sweep'], environment);
    assert.equal(swept.code, 0, swept.stderr);
    assert.match(
      swept.stdout,
      new RegExp(`Removed 1 file\\(s\\) named by nothing \\(${orphan.sizeBytes} bytes\\)\\.`),
    );
    assert.equal(await present(orphan), false);

    const tooShort = await onewindow(['files:sweep'], { ...environment, FILE_SWEEP_GRACE_HOURS: '1' });
    assert.equal(tooShort.code, 1);
    assert.match(tooShort.stderr, /FILE_SWEEP_GRACE_HOURS/);
  });
});
