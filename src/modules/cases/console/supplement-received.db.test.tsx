import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { decode, mainOf } from '../../../../test/helpers/html.ts';
import { withEmailDelivery } from '../../../../test/helpers/notification-delivery.ts';
import type { ReceivedMessage } from '../../../../test/helpers/smtp-server.ts';
import { buildTestApp, TestClock } from '../../../../test/helpers/test-app.ts';
import { waitUntil } from '../../../../test/helpers/wait-until.ts';
import { aSignedInMember, aStaffMember } from '../../../platform/auth/auth-test-support.ts';
import { storedFiles } from '../../../platform/files/files-schema.ts';
import { multipartForm, samplePdf, samplePng } from '../../../platform/uploads/upload-test-support.ts';
import type { CaseRow } from '../core/case-actor.ts';
import { caseAttachments, cases } from '../core/cases-schema.ts';
import { caseActorOf, moveCase, sidewalkPetition, testCasesContext } from '../core/cases-test-support.ts';
import { openCase } from '../core/open-case.ts';
import { Visitor } from '../track/track-test-support.ts';

/**
 * Issue 14 #1: a supplement asked for on a case with no online supplement (a petition taken at the counter)
 * can be delivered. The e-mail (over SMTP) and /track say exactly how — the unit's counter and hours, the
 * post, its e-mail, each quoting the case number, with a caution while the contacts are unconfirmed — and
 * the clerk's 補正完成 form takes the delivered documents, kept on the case (type read from the bytes).
 */

// Tuesday 3 March 2026, 10:00 in Taipei.
const clock = new TestClock(new Date('2026-03-03T02:00:00Z'));
const { app: subject, smtp } = await withEmailDelivery((environment) => buildTestApp({ environment, clock }));
const db = subject.database.db;
after(async () => {
  await subject.app.close();
});

const handler = caseActorOf(await aStaffMember(db, { role: 'handler', unitCode: 'road-maintenance' }));

async function current(id: string): Promise<CaseRow> {
  const [row] = await db.select().from(cases).where(eq(cases.id, id));
  assert.ok(row);
  return row;
}

/** The message to the address whose subject matches (the worker sends two at a time: order is not kept). */
async function mailAbout(email: string, subjectPattern: RegExp): Promise<ReceivedMessage> {
  const messages = await waitUntil(
    async () =>
      smtp.messages.filter(
        (message) => message.envelopeTo.includes(email) && subjectPattern.test(message.subject),
      ),
    (received) => received.length >= 1,
    { what: `a message to ${email} about ${subjectPattern}`, timeoutMs: 20_000 },
  );
  const message = messages[0];
  assert.ok(message);
  return message;
}

/** A petition taken at the counter, accepted, then asked for two things. */
async function aWaitingPetition(email: string, lang: 'zh-TW' | 'en' = 'zh-TW'): Promise<CaseRow> {
  let row = await openCase(
    testCasesContext(subject),
    sidewalkPetition({ applicantEmail: email, applicantLang: lang, applicantPhone: '' }),
    handler,
  );
  row = await moveCase(subject, row, 'accept', {}, handler);
  return moveCase(
    subject,
    row,
    'request_supplement',
    { reason: '現場照片（含門牌）\n土地所有權狀影本' },
    handler,
  );
}

describe('a supplement delivered without an online form (issue 14 #1)', () => {
  it('the e-mail and /track say how to deliver: the counter and hours, the post, the unit’s e-mail, the case number', async () => {
    const email = 'supplement.ways@example.tw';
    const row = await aWaitingPetition(email);
    assert.equal(row.state, 'awaiting_supplement');

    const mail = await mailAbout(email, /請補正文件或資料/);
    assert.ok(
      mail.text.includes(
        [
          `補正方式（請註明案號 ${row.caseNumber}）：`,
          '・臨櫃送件：802 高雄市苓雅區四維三路2號（週一至週五 08:00–12:00、13:30–17:30）',
          `・郵寄：802 高雄市苓雅區四維三路2號（信封註明案號 ${row.caseNumber}）`,
          `・電子郵件：寄至 pwb-road-maintenance@kcg.gov.tw，主旨註明案號 ${row.caseNumber}（請另寫新郵件，系統通知信的回覆無人收閱）`,
          // The seeded contacts are placeholders (platform/reference/units.ts): the applicant is told.
          '上列地址、信箱與時間尚待本局確認；寄送或前往前，請先來電 07-3368333 確認。',
        ].join('\n'),
      ),
      mail.text,
    );
    assert.doesNotMatch(mail.text, /線上補正/, 'no online supplement is offered for this case');

    const visitor = new Visitor(subject.app);
    const page = await visitor.get(
      `/track?${new URLSearchParams({ case: row.caseNumber, code: row.lookupCode }).toString()}`,
    );
    assert.equal(page.statusCode, 200);
    const main = decode(mainOf(page.body));
    const section = /<section[^>]*data-supplement-ways[^>]*>[\s\S]*?<\/section>/.exec(main)?.[0] ?? '';
    assert.match(section, /<h2[^>]*>如何補正<\/h2>/);
    assert.match(section, /<li>現場照片（含門牌）<\/li>\s*<li>土地所有權狀影本<\/li>/);
    assert.match(section, new RegExp(`補正方式（請註明案號 ${row.caseNumber}）：`));
    assert.match(
      section,
      /<li>臨櫃送件：802 高雄市苓雅區四維三路2號（週一至週五 08:00–12:00、13:30–17:30）<\/li>/,
    );
    assert.match(section, /<li>郵寄：802 高雄市苓雅區四維三路2號（信封註明案號 \d{7}-\d{4}）<\/li>/);
    assert.match(section, /<li>電子郵件：寄至 pwb-road-maintenance@kcg\.gov\.tw，主旨註明案號 \d{7}-\d{4}/);
    assert.match(section, /data-contact-unconfirmed[\s\S]*請先來電 07-3368333 確認/);

    // The JSON look-up says the same.
    const api = await subject.app.inject({
      method: 'POST',
      url: '/api/track',
      payload: { caseNumber: row.caseNumber, lookupCode: row.lookupCode },
    });
    assert.equal(api.statusCode, 200, api.body);
    const view = api.json() as { supplement: { items: string[]; isOnline: boolean; ways: string[] } };
    assert.deepEqual(view.supplement.items, ['現場照片（含門牌）', '土地所有權狀影本']);
    assert.equal(view.supplement.isOnline, false);
    assert.equal(view.supplement.ways.length, 3);
  });

  it('in English, the same ways in English', async () => {
    const email = 'supplement.english@example.tw';
    const row = await aWaitingPetition(email, 'en');
    const mail = await mailAbout(email, /We need more documents or information/);
    assert.match(mail.text, new RegExp(`How to send them \\(quote case number ${row.caseNumber}\\):`));
    assert.match(
      mail.text,
      /- At the counter: No\. 2, Siwei 3rd Rd\., Lingya District, Kaohsiung 802 \(Monday/,
    );
    assert.match(mail.text, /- By e-mail: to pwb-road-maintenance@kcg\.gov\.tw, with case number/);
    const page = await new Visitor(subject.app).get(
      `/en/track?${new URLSearchParams({ case: row.caseNumber, code: row.lookupCode }).toString()}`,
    );
    const main = decode(mainOf(page.body));
    assert.match(main, /How to send what we need/);
    assert.match(main, /By post: No\. 2, Siwei 3rd Rd\./);
  });

  it('the clerk’s 補正完成 takes the delivered documents: kept on the case as a supplement, the clock runs again', async () => {
    const row = await aWaitingPetition('supplement.files@example.tw');
    const clerk = await aSignedInMember(subject, { role: 'counter_clerk' });
    const page = await clerk.get(`/staff/cases/${row.caseNumber}`);
    assert.equal(page.statusCode, 200);
    const action =
      /<form method="post" action="([^"]*\/supplement-received)" enctype="multipart\/form-data"/.exec(
        page.body,
      )?.[1];
    assert.ok(action, 'the supplement-received form is a multipart form');
    assert.match(mainOf(page.body), /name="supplementFiles" type="file" multiple/);

    // A file that is not what its name says, and a good one: refused, every problem listed, nothing kept.
    const refused = await clerk.postMultipart(
      decode(action),
      multipartForm({ version: String(row.version), internalNote: '' }, [
        { field: 'supplementFiles', name: '現場照片.png', type: 'image/png', content: samplePng() },
        {
          field: 'supplementFiles',
          name: '權狀.pdf',
          type: 'application/pdf',
          content: Buffer.from('<html><script>alert(1)</script></html>'),
        },
      ]),
    );
    assert.equal(refused.statusCode, 400);
    const refusedMain = decode(mainOf(refused.body));
    assert.match(refusedMain, /「權狀\.pdf」不是可接受的檔案類型/);
    assert.match(refusedMain, /href="#supplement_received-supplementFiles"/);
    assert.match(refusedMain, /id="supplement_received-supplementFiles"/);
    assert.equal((await current(row.id)).state, 'awaiting_supplement');
    assert.equal(
      (await db.select().from(caseAttachments).where(eq(caseAttachments.caseId, row.id))).length,
      0,
      'nothing kept',
    );

    const pdf = samplePdf('supplement');
    const done = await clerk.postMultipart(
      decode(action),
      multipartForm({ version: String(row.version), internalNote: '申請人臨櫃補件' }, [
        { field: 'supplementFiles', name: '現場照片.png', type: 'image/png', content: samplePng() },
        { field: 'supplementFiles', name: '權狀.pdf', type: 'application/pdf', content: pdf },
      ]),
    );
    assert.equal(done.statusCode, 303, done.body);
    assert.equal(done.headers.location, `/staff/cases/${row.caseNumber}?done=supplement_received`);
    const after = await current(row.id);
    assert.equal(after.state, 'in_progress');
    assert.ok(
      after.pauses.every((pause) => pause.to !== null),
      'the pause is closed',
    );
    const files = await db
      .select()
      .from(caseAttachments)
      .where(and(eq(caseAttachments.caseId, row.id), eq(caseAttachments.purpose, 'supplement')))
      .orderBy(caseAttachments.fileName);
    assert.deepEqual(
      files.map((file) => [file.fileName, file.mediaType, file.uploadedByStaffId]),
      [
        ['權狀.pdf', 'application/pdf', clerk.member.id],
        ['現場照片.png', 'image/png', clerk.member.id],
      ],
    );
    const pdfRow = files.find((file) => file.mediaType === 'application/pdf');
    assert.ok(pdfRow);
    assert.equal(pdfRow.sizeBytes, pdf.length);
    const [stored] = await db.select().from(storedFiles).where(eq(storedFiles.sha256, pdfRow.sha256));
    assert.ok(stored, 'the file is listed in the file store');
    const bytes = await subject.files.read(pdfRow.sha256);
    assert.ok(bytes.equals(pdf), 'the bytes as delivered');

    // The applicant sees them on /track, and the section on how to deliver is gone.
    const track = decode(
      mainOf(
        (
          await new Visitor(subject.app).get(
            `/track?${new URLSearchParams({ case: row.caseNumber, code: row.lookupCode }).toString()}`,
          )
        ).body,
      ),
    );
    assert.match(track, /權狀\.pdf/);
    assert.doesNotMatch(track, /data-supplement-ways/);
  });
});
