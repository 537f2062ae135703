import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { listDeliveries } from './notifications-service.ts';

describe('delivery subjects during a rolling upgrade (migration 0014)', () => {
  let subject: TestApp;
  before(async () => {
    subject = await buildTestApp();
  });
  after(() => subject.app.close());

  it('a row written the previous release’s way (case_id only) gets its case as subject, and the case page lists it', async () => {
    const caseId = randomUUID();
    await subject.database.db.execute(sql`
      insert into notification_deliveries (case_id, topic, channel, recipient, lang, subject, body_text, dedupe_key)
      values (${caseId}, 'case.received', 'email', 'old.release@example.com', 'zh-TW', 's', 't', ${`old:${caseId}`})`);
    const log = await listDeliveries(subject.database.db, { type: 'case', id: caseId });
    assert.deepEqual(
      log.map((row) => [row.subjectType, row.subjectId, row.recipient]),
      [['case', caseId, 'old.release@example.com']],
    );
  });

  it('a subject is whole or absent: a type without an id is refused', async () => {
    await assert.rejects(
      subject.database.db.execute(sql`
        insert into notification_deliveries (subject_type, topic, channel, recipient, lang, subject, body_text, dedupe_key)
        values ('unit', 'control.report_due', 'email', 'x@example.com', 'zh-TW', 's', 't', ${`half:${randomUUID()}`})`),
      (error: Error & { cause?: { constraint?: string } }) =>
        error.cause?.constraint === 'notification_deliveries_subject_whole',
    );
  });
});
