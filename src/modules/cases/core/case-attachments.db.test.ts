import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase } from '../../../../test/helpers/test-database.ts';
import { aTemporaryFileStore } from '../../../../test/helpers/test-file-store.ts';
import { aStaffMember } from '../../../platform/auth/auth-test-support.ts';
import { withTransaction } from '../../../platform/db/database.ts';
import type { FileStore } from '../../../platform/files/file-store.ts';
import type { UploadedFile } from '../../../platform/uploads/multipart.ts';
import {
  samplePdf,
  samplePng,
  sampleXlsx,
  storedUpload,
} from '../../../platform/uploads/upload-test-support.ts';
import { listAttachments, readAttachment, storeAttachments } from './case-attachments.ts';
import { getCaseDetail } from './case-queries.ts';

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

/** Case numbers handed out in order: a random one repeated itself in CI (9,000 choices, a birthday collision). */
let casesMade = 0;

/** A minimal case row, straight in SQL (the case service is not what is tested here). */
async function aCase(database: TestDatabase): Promise<string> {
  const version = await database.pool.query<{ service_code: string; version: number }>(
    'select service_code, version from service_versions order by service_code, version limit 1',
  );
  const unit = await database.pool.query<{ code: string }>('select code from units order by code limit 1');
  const service = version.rows[0];
  const unitCode = unit.rows[0]?.code;
  assert.ok(service !== undefined && unitCode !== undefined, 'the template database has services and units');
  const id = randomUUID();
  const now = new Date('2026-03-02T02:00:00Z');
  await database.pool.query(
    `insert into cases (id, case_number, lookup_code, kind, channel, service_code, service_version, unit_code,
       state, applicant_type, applicant_name, applicant_lang, consent_at, subject, description, received_at,
       deadline_rule, created_at, updated_at)
     values ($1, $2, 'ABCD2345', 'application', 'counter', $3, $4, $5, 'received', 'person', '王小明', 'zh-TW',
       $6, '測試案件', '附件測試', $6, '{"kind":"working_days","days":7}', $6, $6)`,
    [id, `1150302-${String(1000 + ++casesMade)}`, service.service_code, service.version, unitCode, now],
  );
  return id;
}

describe('case attachments (database)', () => {
  let database: TestDatabase;
  let files: FileStore;
  before(async () => {
    database = await createTestDatabase();
    files = await aTemporaryFileStore('onewindow-attachments-');
  });
  after(async () => {
    await database.close();
  });

  /** A file as readMultipartForm hands it on: its bytes already in the file store. */
  const upload = (content: Buffer, fileName: string, mediaType: UploadedFile['mediaType']) =>
    storedUpload(files, content, { fileName, mediaType, extension: fileName.split('.').pop() ?? '' });

  it('keeps, lists and reads back each file byte for byte from the store, listed in stored_files', async () => {
    const caseId = await aCase(database);
    const clerk = await aStaffMember(database.db, { role: 'counter_clerk' });
    const at = new Date('2026-03-02T03:04:05Z');
    const pdf = samplePdf();
    const png = samplePng();
    const xlsx = sampleXlsx();
    const uploads = [
      { ...(await upload(pdf, '建照申請書.pdf', 'application/pdf')), checklistItemId: 'application-form' },
      await upload(png, '現場照片.png', 'image/png'),
      await upload(xlsx, '數量表.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
    ];
    const stored = await withTransaction(database.db, (tx) =>
      storeAttachments(tx, caseId, uploads, { staffId: clerk.id }, at),
    );
    assert.equal(stored.length, 3);

    const listed = await listAttachments(database.db, caseId);
    assert.deepEqual(
      listed.map((attachment) => [
        attachment.fileName,
        attachment.mediaType,
        attachment.sizeBytes,
        attachment.sha256,
        attachment.checklistItemId,
        attachment.uploadedByStaffId,
        attachment.uploadedAt.toISOString(),
      ]),
      [
        [
          '建照申請書.pdf',
          'application/pdf',
          pdf.length,
          sha256(pdf),
          'application-form',
          clerk.id,
          at.toISOString(),
        ],
        [
          '數量表.xlsx',
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          xlsx.length,
          sha256(xlsx),
          null,
          clerk.id,
          at.toISOString(),
        ],
        ['現場照片.png', 'image/png', png.length, sha256(png), null, clerk.id, at.toISOString()],
      ],
    );
    assert.ok(
      listed.every((attachment) => !('content' in attachment)),
      'a list carries no bytes',
    );
    // The case's one statement (getCaseDetail) carries the same list, in the same order, with the same values.
    assert.deepEqual((await getCaseDetail(database.db, caseId, at))?.attachments, listed);

    for (const [name, bytes] of [
      ['建照申請書.pdf', pdf],
      ['現場照片.png', png],
      ['數量表.xlsx', xlsx],
    ] as const) {
      const id = listed.find((attachment) => attachment.fileName === name)?.id ?? '';
      const read = await readAttachment(database.db, caseId, id);
      assert.ok(read !== null);
      assert.equal(read.content, null, 'the row holds no bytes');
      assert.equal(read.sha256, sha256(bytes));
      assert.ok((await files.read(read.sha256)).equals(bytes), `${name} comes back byte for byte`);
    }
    const listedFiles = await database.pool.query<{ sha256: string; size_bytes: string; media_type: string }>(
      'select sha256, size_bytes, media_type from stored_files where sha256 = any($1) order by size_bytes',
      [[pdf, png, xlsx].map(sha256)],
    );
    assert.deepEqual(
      listedFiles.rows.map((row) => [row.sha256, Number(row.size_bytes), row.media_type]),
      [
        [sha256(png), png.length, 'image/png'],
        [sha256(pdf), pdf.length, 'application/pdf'],
        [sha256(xlsx), xlsx.length, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ].sort((a, b) => Number(a[1]) - Number(b[1])),
    );
  });

  it('reads a row written before the file store with the bytes it still holds', async () => {
    const caseId = await aCase(database);
    const png = samplePng();
    const id = randomUUID();
    await database.pool.query(
      `insert into case_attachments (id, case_id, file_name, media_type, size_bytes, sha256, content, uploaded_at)
       values ($1, $2, 'old.png', 'image/png', $3, $4, $5, now())`,
      [id, caseId, png.length, sha256(png), png],
    );
    const read = await readAttachment(database.db, caseId, id);
    assert.ok(read?.content?.equals(png));
  });

  it('reads an attachment only through its own case; an unknown or malformed id is null', async () => {
    const caseId = await aCase(database);
    const otherCaseId = await aCase(database);
    const [stored] = await storeAttachments(
      database.db,
      caseId,
      [await upload(samplePng(), 'a.png', 'image/png')],
      { staffId: null },
      new Date('2026-03-02T03:00:00Z'),
    );
    assert.ok(stored !== undefined);
    assert.equal(stored.uploadedByStaffId, null);
    assert.equal(await readAttachment(database.db, otherCaseId, stored.id), null);
    assert.equal(await readAttachment(database.db, caseId, randomUUID()), null);
    assert.equal(await readAttachment(database.db, caseId, 'not-a-uuid'), null);
    assert.equal(await readAttachment(database.db, 'nope', stored.id), null);
    assert.deepEqual(await listAttachments(database.db, otherCaseId), []);
    assert.deepEqual(await storeAttachments(database.db, caseId, [], { staffId: null }, new Date()), []);
  });

  it('rolls back with the transaction it was stored in, its stored_files row too', async () => {
    const caseId = await aCase(database);
    const unique = Buffer.concat([samplePdf(), Buffer.from(`% ${randomUUID()}\n`)]);
    const file = await upload(unique, 'a.pdf', 'application/pdf');
    await assert.rejects(
      withTransaction(database.db, async (tx) => {
        await storeAttachments(tx, caseId, [file], { staffId: null }, new Date());
        throw new Error('the case change failed');
      }),
      /the case change failed/,
    );
    assert.deepEqual(await listAttachments(database.db, caseId), []);
    const listed = await database.pool.query('select 1 from stored_files where sha256 = $1', [file.sha256]);
    assert.equal(listed.rowCount, 0);
  });
});

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
