import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { type AppProcess, exited, startAppProcess } from '../../../test/helpers/app-process.ts';
import { createTestDatabase } from '../../../test/helpers/test-database.ts';
import { aTemporaryFileStore } from '../../../test/helpers/test-file-store.ts';
import { waitUntil } from '../../../test/helpers/wait-until.ts';
import { findFreePort } from '../db/embedded-server.ts';
import { samplePdf, samplePng } from '../uploads/upload-test-support.ts';
import { aBareCase, storedFileListing } from './files-test-support.ts';

/**
 * "At every start" (main.ts): the app started as `npm start` starts it, on a database whose rows still hold
 * their bytes in `content` as the release before the file store wrote them (a case attachment, a check
 * follow-up's evidence), moves those bytes to its file store in the background, says so in its log, and
 * stops cleanly. move-db-files.db.test.ts tests the move itself; this file tests that the start does it.
 */

const database = await createTestDatabase();
const files = await aTemporaryFileStore('onewindow-start-move-');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The app started as `npm start` starts it, on this database and file store. */
function startApp(port: number): AppProcess {
  return startAppProcess({
    DATABASE_URL: database.connectionString,
    FILE_STORE_DIR: files.dir,
    HOST: '127.0.0.1',
    PORT: String(port),
    DEMO_STAFF: 'false',
    DEMO_DATA: 'false',
    LOG_LEVEL: 'info',
  });
}

/** An attachment as the release before the file store wrote it: its bytes in `content`. */
async function anOldAttachment(content: Buffer): Promise<string> {
  const caseId = await aBareCase(database.pool, { subject: '啟動時搬移', description: '舊附件' });
  const id = randomUUID();
  await database.pool.query(
    `insert into case_attachments (id, case_id, file_name, media_type, size_bytes, sha256, content, uploaded_at)
     values ($1, $2, 'old.pdf', 'application/pdf', $3, $4, $5, now())`,
    [id, caseId, content.length, sha256(content), content],
  );
  return id;
}

/** A follow-up's evidence as the release before the file store wrote it, on a spot check of its own. */
async function anOldEvidence(content: Buffer): Promise<string> {
  const check = await database.pool.query<{ id: string }>(
    `insert into control_checks (origin, status, check_date, unit_code, kind, subject, findings, created_at, created_by_name)
     values ('spot_check', 'recorded', '2026-03-01', 'road-maintenance', 'phone_courtesy', '電話禮貌測試', '未報單位名稱。', now(), '秘書室')
     returning id`,
  );
  const action = await database.pool.query<{ id: string }>(
    `insert into control_check_actions (check_id, ordinal, description, deadline, unit_code)
     values ($1, 1, '接聽電話先報單位名稱', '2026-03-20', 'road-maintenance') returning id`,
    [check.rows[0]?.id],
  );
  const followUp = await database.pool.query<{ id: string }>(
    `insert into control_check_follow_ups (action_id, entry_date, note, created_at, created_by_name)
     values ($1, '2026-03-05', '已完成訓練。', now(), '養護工程處') returning id`,
    [action.rows[0]?.id],
  );
  const id = randomUUID();
  await database.pool.query(
    `insert into control_check_evidence (id, follow_up_id, file_name, media_type, size_bytes, sha256, content, uploaded_at)
     values ($1, $2, 'training.png', 'image/png', $3, $4, $5, now())`,
    [id, followUp.rows[0]?.id, content.length, sha256(content), content],
  );
  return id;
}

async function contentLeft(table: 'case_attachments' | 'control_check_evidence', id: string) {
  const result = await database.pool.query<{ content: Buffer | null }>(
    `select content from ${table} where id = $1`,
    [id],
  );
  assert.equal(result.rows.length, 1, `${table} ${id} is still there`);
  return result.rows[0]?.content ?? null;
}

const listed = (hash: string) => storedFileListing(database.pool, hash);

describe('the app’s start moves files still in the database to the file store', () => {
  it('a case attachment and a check’s evidence with their bytes in the old column: moved after npm start, listed, logged', async () => {
    // Bytes no other test has (a comment after the PDF's end, random bytes after the PNG's).
    const pdf = Buffer.concat([samplePdf(), Buffer.from(`% ${randomUUID()}\n`)]);
    const png = Buffer.concat([samplePng(), Buffer.from(randomUUID())]);
    const attachmentId = await anOldAttachment(pdf);
    const evidenceId = await anOldEvidence(png);
    assert.equal(await files.has(sha256(pdf)), false);
    assert.equal(await files.has(sha256(png)), false);

    const port = await findFreePort();
    const app = startApp(port);
    try {
      await waitUntil(
        async () => {
          if (app.child.exitCode !== null) throw new Error(`the app exited early:\n${app.output()}`);
          return {
            attachmentInDatabase: (await contentLeft('case_attachments', attachmentId)) !== null,
            evidenceInDatabase: (await contentLeft('control_check_evidence', evidenceId)) !== null,
          };
        },
        (left) => !left.attachmentInDatabase && !left.evidenceInDatabase,
        { what: 'both rows’ bytes moved out of the database', timeoutMs: 60_000 },
      );
      // The app serves while it moves: it is up, on the port it was given.
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      assert.equal(ready.status, 200);

      assert.ok((await files.read(sha256(pdf))).equals(pdf), 'the attachment’s bytes are in the store');
      assert.ok((await files.read(sha256(png))).equals(png), 'the evidence’s bytes are in the store');
      assert.deepEqual(await listed(sha256(pdf)), [[pdf.length, 'application/pdf']]);
      assert.deepEqual(await listed(sha256(png)), [[png.length, 'image/png']]);

      const logged = await waitUntil(
        async () => app.output(),
        (output) => output.includes('from control_check_evidence to the file store.'),
        { what: 'the log line of the move', timeoutMs: 10_000 },
      );
      assert.ok(
        logged.includes(`Moved 1 file(s) (${pdf.length} bytes) from case_attachments to the file store.`),
        logged,
      );
      assert.ok(
        logged.includes(
          `Moved 1 file(s) (${png.length} bytes) from control_check_evidence to the file store.`,
        ),
        logged,
      );
    } finally {
      if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill('SIGTERM');
    }
    assert.equal(await exited(app.child), 0, `a clean stop on SIGTERM:\n${app.output()}`);
  });
});
