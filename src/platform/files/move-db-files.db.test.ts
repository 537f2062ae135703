import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { onewindow } from '../../../test/helpers/cli.ts';
import { createTestDatabase } from '../../../test/helpers/test-database.ts';
import { aTemporaryFileStore } from '../../../test/helpers/test-file-store.ts';
import { samplePdf, samplePng } from '../uploads/upload-test-support.ts';
import { checkStoredFiles } from './check-files.ts';
import type { FileStore } from './file-store.ts';
import { aBareCase, storedFileListing } from './files-test-support.ts';
import { describeMove, moveDatabaseFiles, storedFileTables } from './move-db-files.ts';

/**
 * Moving the bytes rows kept in PostgreSQL before the file store (ADR 0009) into the store, on a real
 * PostgreSQL: rows inserted the old way (content bytea and its SHA-256), as the previous release wrote them.
 */

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

let database: TestDatabase;
let files: FileStore & { readonly dir: string };
before(async () => {
  database = await createTestDatabase();
  files = await aTemporaryFileStore('onewindow-move-');
});
after(async () => {
  await database.close();
});

const aCase = () => aBareCase(database.pool, { subject: '搬移測試', description: '舊附件' });

/** An attachment as the release before the file store wrote it: the bytes in `content`. */
async function anOldAttachment(caseId: string, content: Buffer, options: { sha256?: string } = {}) {
  const id = randomUUID();
  await database.pool.query(
    `insert into case_attachments (id, case_id, file_name, media_type, size_bytes, sha256, content, uploaded_at)
     values ($1, $2, $3, 'application/pdf', $4, $5, $6, now())`,
    [id, caseId, `${id}.pdf`, content.length, options.sha256 ?? sha256(content), content],
  );
  return id;
}

/** A PDF no other test stores (a comment after its end), so that each test's files are its own. */
const aPdf = () => Buffer.concat([samplePdf(), Buffer.from(`% ${randomUUID()}\n`)]);

async function contentOf(id: string): Promise<Buffer | null> {
  const result = await database.pool.query<{ content: Buffer | null }>(
    'select content from case_attachments where id = $1',
    [id],
  );
  return result.rows[0]?.content ?? null;
}

const listed = (hash: string) => storedFileListing(database.pool, hash);

describe('moving files from the database to the file store', () => {
  it('finds the tables that keep stored files by the storedFileColumns convention', async () => {
    assert.deepEqual(await storedFileTables(database.db), [
      'application_draft_files',
      'case_attachments',
      'content_attachments',
      'control_check_evidence',
      'control_progress_evidence',
    ]);
  });

  it('moves every old row in batches: bytes into the store, listed in stored_files, content null; idempotent', async () => {
    const caseId = await aCase();
    const pdfs = Array.from({ length: 7 }, aPdf);
    const ids = [];
    for (const pdf of pdfs) ids.push(await anOldAttachment(caseId, pdf));
    // The same bytes on two rows (the same form sent to two cases): stored once.
    const twice = await anOldAttachment(await aCase(), pdfs[0] ?? Buffer.alloc(0));

    const results = await moveDatabaseFiles(database.db, files, { batchSize: 3 });
    const attachments = results.find((result) => result.table === 'case_attachments');
    assert.deepEqual(
      { ...attachments, bytes: undefined },
      { table: 'case_attachments', moved: 8, bytes: undefined, remaining: 0, mismatched: [] },
    );
    assert.equal(attachments?.bytes, pdfs.reduce((sum, pdf) => sum + pdf.length, 0) + (pdfs[0]?.length ?? 0));
    for (const [index, id] of [...ids, twice].entries()) {
      const pdf = pdfs[index] ?? pdfs[0] ?? Buffer.alloc(0);
      assert.equal(await contentOf(id), null);
      assert.ok((await files.read(sha256(pdf))).equals(pdf));
      assert.deepEqual(await listed(sha256(pdf)), [[pdf.length, 'application/pdf']]);
    }
    assert.deepEqual(describeMove(results), [
      `Moved 8 file(s) (${attachments?.bytes} bytes) from case_attachments to the file store.`,
    ]);

    const again = await moveDatabaseFiles(database.db, files);
    assert.deepEqual(
      again.map((result) => result.moved),
      [0, 0, 0, 0, 0],
    );
    assert.deepEqual(describeMove(again), []);
  });

  it('several processes at once move each row once (for update skip locked)', async () => {
    const caseId = await aCase();
    const pdfs = Array.from({ length: 12 }, aPdf);
    for (const pdf of pdfs) await anOldAttachment(caseId, pdf);
    const runs = await Promise.all(
      [1, 2, 3].map(() => moveDatabaseFiles(database.db, files, { batchSize: 2 })),
    );
    const moved = runs.map((run) => run.find((result) => result.table === 'case_attachments')?.moved ?? 0);
    assert.equal(
      moved.reduce((sum, count) => sum + count, 0),
      12,
      `each row once (${moved.join(' + ')})`,
    );
    const left = await database.pool.query(
      'select count(*)::int as count from case_attachments where content is not null',
    );
    assert.equal(left.rows[0]?.count, 0);
    for (const pdf of pdfs) assert.ok(await files.has(sha256(pdf)));
  });

  it('leaves a row whose bytes do not match its SHA-256 in the database and says so', async () => {
    const caseId = await aCase();
    const png = samplePng();
    const wrong = sha256(Buffer.from('something else'));
    const id = await anOldAttachment(caseId, png, { sha256: wrong });
    const results = await moveDatabaseFiles(database.db, files);
    const attachments = results.find((result) => result.table === 'case_attachments');
    assert.deepEqual(attachments?.mismatched, [id]);
    assert.equal(attachments?.remaining, 1);
    assert.ok((await contentOf(id))?.equals(png), 'the bytes stay where they were');
    assert.deepEqual(await listed(wrong), []);
    assert.match(
      describeMove(results).join('\n'),
      new RegExp(
        `case_attachments: 1 row\\(s\\) whose bytes do not match their sha256 were left in the database: ${id}`,
      ),
    );
    // The bytes were stored under their real name on the way, listed nowhere (files:check counts them).
    assert.deepEqual(await listed(sha256(png)), []);
    await files.remove(sha256(png));
    await database.pool.query('delete from case_attachments where id = $1', [id]);
  });

  it('files:check finds every named file, then a lost one, and counts files no row lists', async () => {
    const caseId = await aCase();
    const pdf = aPdf();
    await anOldAttachment(caseId, pdf);
    await moveDatabaseFiles(database.db, files);
    const good = await checkStoredFiles(database.db, files);
    assert.deepEqual(good.missing, []);
    assert.equal(good.notMoved, 0);
    assert.equal(good.unlisted, 0);
    const names = await database.pool.query('select count(*)::int as count from stored_files');
    assert.equal(good.checked, names.rows[0]?.count);

    await files.remove(sha256(pdf));
    const extra = await files.put(Buffer.from(`an upload of a refused form ${randomUUID()}`));
    const bad = await checkStoredFiles(database.db, files);
    assert.deepEqual(bad.missing, [{ sha256: sha256(pdf), where: 'stored_files' }]);
    assert.equal(bad.unlisted, 1);
    await files.remove(extra.sha256);
    await files.put(pdf);
  });

  it('npx onewindow files:move and files:check do the same from the command line', async () => {
    const caseId = await aCase();
    const pdf = aPdf();
    const id = await anOldAttachment(caseId, pdf);
    const environment = { DATABASE_URL: database.connectionString, FILE_STORE_DIR: files.dir };
    const move = await onewindow(['files:move'], environment);
    assert.equal(move.code, 0, move.stderr);
    assert.match(
      move.stdout,
      new RegExp(`Moved 1 file\\(s\\) \\(${pdf.length} bytes\\) from case_attachments`),
    );
    assert.equal(await contentOf(id), null);
    const check = await onewindow(['files:check'], environment);
    assert.equal(check.code, 0, check.stderr);
    assert.match(check.stdout, /Every file the database names is in the file store\./);

    await files.remove(sha256(pdf));
    const lost = await onewindow(['files:check'], environment);
    assert.equal(lost.code, 1);
    assert.match(lost.stderr, /1 file\(s\) named by the database are missing from the file store/);
    assert.ok(lost.stderr.includes(sha256(pdf)));
    await files.put(pdf);
  });
});
