import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase } from '../../../../test/helpers/test-database.ts';
import { aStaffMember } from '../../../platform/auth/auth-test-support.ts';
import { withTransaction } from '../../../platform/db/database.ts';
import type { UploadedFile } from '../../../platform/uploads/multipart.ts';
import { samplePdf, samplePng, sampleXlsx } from '../../../platform/uploads/upload-test-support.ts';
import { listAttachments, readAttachment, storeAttachments } from './case-attachments.ts';

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

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
    [
      id,
      `1150302-${String(Math.floor(Math.random() * 9000) + 1000)}`,
      service.service_code,
      service.version,
      unitCode,
      now,
    ],
  );
  return id;
}

const upload = (content: Buffer, fileName: string, mediaType: UploadedFile['mediaType']): UploadedFile => ({
  fieldName: 'attachments',
  fileName,
  mediaType,
  extension: fileName.split('.').pop() ?? '',
  sizeBytes: content.length,
  content,
});

describe('case attachments (database)', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.close());

  it('stores, lists (without bytes) and reads back each file byte for byte, with its SHA-256', async () => {
    const caseId = await aCase(database);
    const clerk = await aStaffMember(database.db, { role: 'counter_clerk' });
    const at = new Date('2026-03-02T03:04:05Z');
    const pdf = samplePdf();
    const png = samplePng();
    const xlsx = sampleXlsx();
    const stored = await withTransaction(database.db, (tx) =>
      storeAttachments(
        tx,
        caseId,
        [
          { ...upload(pdf, '建照申請書.pdf', 'application/pdf'), checklistItemId: 'application-form' },
          upload(png, '現場照片.png', 'image/png'),
          upload(xlsx, '數量表.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
        ],
        { staffId: clerk.id },
        at,
      ),
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

    for (const [name, bytes] of [
      ['建照申請書.pdf', pdf],
      ['現場照片.png', png],
      ['數量表.xlsx', xlsx],
    ] as const) {
      const id = listed.find((attachment) => attachment.fileName === name)?.id ?? '';
      const read = await readAttachment(database.db, caseId, id);
      assert.ok(read !== null);
      assert.ok(read.content.equals(bytes), `${name} comes back byte for byte`);
      assert.equal(sha256(read.content), read.sha256);
    }
  });

  it('reads an attachment only through its own case; an unknown or malformed id is null', async () => {
    const caseId = await aCase(database);
    const otherCaseId = await aCase(database);
    const [stored] = await storeAttachments(
      database.db,
      caseId,
      [upload(samplePng(), 'a.png', 'image/png')],
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

  it('rolls back with the transaction it was stored in', async () => {
    const caseId = await aCase(database);
    await assert.rejects(
      withTransaction(database.db, async (tx) => {
        await storeAttachments(
          tx,
          caseId,
          [upload(samplePng(), 'a.png', 'image/png')],
          { staffId: null },
          new Date(),
        );
        throw new Error('the case change failed');
      }),
      /the case change failed/,
    );
    assert.deepEqual(await listAttachments(database.db, caseId), []);
  });
});

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
