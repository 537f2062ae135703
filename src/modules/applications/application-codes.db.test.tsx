import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { decode, mainOf, summaryOf } from '../../../test/helpers/html.ts';
import { buildTestApp } from '../../../test/helpers/test-app.ts';
import { csrfTokenIn } from '../../platform/auth/auth-test-support.ts';
import { writeZip } from '../../platform/documents/zip.ts';
import { storedFiles } from '../../platform/files/files-schema.ts';
import { sampleDocx, samplePdf, samplePng } from '../../platform/uploads/upload-test-support.ts';
import { listDeliveries } from '../notifications/index.ts';
import { sweepExpiredDrafts } from './application-drafts.ts';
import { anApplicant, anApplicantAtDocuments, anEmail } from './application-test-support.ts';
import { applicationDraftFiles, applicationDrafts } from './applications-schema.ts';

/**
 * The one-time code (wrong five times, expired, resent too soon or too often — never a lock-out), a draft
 * resumed after its proof expired, an expired link, the sweep, and the documents page: wrong and malicious
 * files refused with nothing kept, replacing and removing a file, the fee of a per-unit answer.
 */

const subject = await buildTestApp();
const { db } = subject.database;
after(() => subject.app.close());

const minute = 60 * 1000;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A draft of the building-work start, its contact proven and its questions answered: at its documents page. */
const atDocuments = () => anApplicantAtDocuments(subject);

describe('online applications: the one-time code', () => {
  it('five wrong codes spend it: a new one is asked for, never a lock-out, and the new one works', async () => {
    const applicant = anApplicant(subject);
    await applicant.start('building-construction-start');
    await applicant.submit('applicant', {
      applicantType: 'person',
      applicantName: '林小華',
      applicantPhone: '0912000111',
      consent: 'yes',
    });
    await applicant.submit('contact', { contactKind: 'email', email: anEmail() });
    const code = await applicant.lastCode();
    const wrong = code === '000000' ? '111111' : '000000';
    for (const left of [4, 3, 2, 1]) {
      const response = await applicant.submit('code', { code: wrong });
      assert.equal(response.statusCode, 400);
      assert.deepEqual(summaryOf(response.body), [
        ['code', `驗證碼：驗證碼不正確，請再試一次（還可以再試 ${left} 次）`],
      ]);
    }
    const fifth = await applicant.submit('code', { code: wrong });
    assert.equal(fifth.statusCode, 400);
    assert.match(decode(fifth.body), /驗證碼錯誤太多次，這個驗證碼已經失效/);
    const late = await applicant.submit('code', { code });
    assert.equal(late.statusCode, 400, 'the right code no longer works once spent');
    assert.match(decode(late.body), /目前沒有有效的驗證碼/);
    assert.equal((await applicant.draft()).contactVerifiedAt, null);

    const tooSoon = await applicant.submit('code', {}, applicant.step('code/send'));
    assert.equal(tooSoon.statusCode, 429);
    assert.match(decode(tooSoon.body), /請在 \d+ 秒後再寄送驗證碼/);
    subject.clock.advance(61 * 1000);
    const resent = await applicant.submit('code', {}, applicant.step('code/send'));
    assert.equal(resent.statusCode, 303);
    assert.equal(resent.headers.location, `${applicant.step('code')}?sent=1`);
    const fresh = await applicant.lastCode();
    const proven = await applicant.submit('code', { code: fresh });
    assert.equal(proven.statusCode, 303);
    assert.equal(proven.headers.location, applicant.step('answers-1'));
    const draft = await applicant.draft();
    assert.ok(draft.contactVerifiedAt);
    assert.equal(draft.codeHash, null, 'a used code is gone');
  });

  it('a code expires after 10 minutes; at most 5 codes an hour per draft, then it says when to try again', async () => {
    const applicant = anApplicant(subject);
    await applicant.start('building-construction-start');
    await applicant.submit('applicant', {
      applicantType: 'person',
      applicantName: '林小華',
      applicantPhone: '0912000111',
      consent: 'yes',
    });
    // Start at the top of an hour, so that the codes below fall in one window of the hourly count.
    const now = subject.clock.now().getTime();
    subject.clock.advance(60 * minute - (now % (60 * minute)) + 1000);
    await applicant.submit('contact', { contactKind: 'email', email: anEmail() });
    const code = await applicant.lastCode();
    subject.clock.advance(10 * minute + 1000);
    const expired = await applicant.submit('code', { code });
    assert.equal(expired.statusCode, 400);
    assert.match(decode(expired.body), /驗證碼已經過期/);
    for (let sent = 2; sent <= 5; sent += 1) {
      subject.clock.advance(61 * 1000);
      const response = await applicant.submit('code', {}, applicant.step('code/send'));
      assert.equal(response.statusCode, 303, `code ${sent}`);
    }
    subject.clock.advance(61 * 1000);
    const sixth = await applicant.submit('code', {}, applicant.step('code/send'));
    assert.equal(sixth.statusCode, 429);
    assert.match(decode(sixth.body), /這個申請一小時內已寄出 5 次驗證碼，請在 \d+ 分鐘後再試/);
    assert.equal((await applicant.codesSent()).length, 5);
    subject.clock.advance(60 * minute);
    const nextHour = await applicant.submit('code', {}, applicant.step('code/send'));
    assert.equal(nextHour.statusCode, 303, 'never locked out: the next hour sends again');
  });

  it('a mobile number gets its code by text message (the logged SMS adapter)', async () => {
    const applicant = anApplicant(subject);
    await applicant.start('road-maintenance-petition');
    await applicant.submit('applicant', { applicantType: 'person', applicantName: '張三', consent: 'yes' });
    const bad = await applicant.submit('contact', { contactKind: 'mobile', mobile: '07-3368333' });
    assert.deepEqual(
      summaryOf(bad.body).map(([target]) => target),
      ['mobile'],
    );
    await applicant.submit('contact', { contactKind: 'mobile', mobile: '0912-345-678' });
    const draft = await applicant.draft();
    const [delivery] = await listDeliveries(db, { type: 'application_draft', id: draft.id });
    assert.equal(delivery?.channel, 'sms');
    assert.equal(delivery?.recipient, '0912345678');
    assert.match(delivery?.bodyText ?? '', /工務局線上申辦驗證碼：\d{6}/);
  });

  it('a draft resumed from its link after the proof expired asks for a code again, and submitting does too', async () => {
    const applicant = anApplicant(subject);
    await applicant.start('road-maintenance-petition');
    await applicant.proveContact();
    await applicant.submit('answers-1', {
      address: '新興區中正三路 40 號',
      'field.place-kind': 'road',
      description: '路面反覆龜裂',
    });
    const resumedInTime = await applicant.open(`/apply/d/${applicant.token}`);
    assert.equal(resumedInTime.headers.location, applicant.step('documents'));

    subject.clock.advance(31 * minute);
    const resumed = await applicant.open(`/apply/d/${applicant.token}`);
    assert.equal(resumed.statusCode, 303);
    assert.equal(resumed.headers.location, applicant.step('contact'));
    const contact = await applicant.open(applicant.step('contact'));
    assert.match(decode(contact.body), /送出申請前請再驗證一次/);
    assert.match(contact.body, /value="applicant-[^"]+@example\.tw"/, 'the address is kept');
    const later = await applicant.open(applicant.step('check'));
    assert.equal(
      later.headers.location,
      applicant.step('contact'),
      'no page past the contact until it is proven again',
    );

    const again = await applicant.submit('contact', {
      contactKind: 'email',
      email: (await applicant.draft()).contact ?? '',
    });
    assert.equal(again.headers.location, applicant.step('code'));
    const proven = await applicant.submit('code', { code: await applicant.lastCode() });
    assert.equal(proven.headers.location, applicant.step('documents'), 'back to where it stopped');
    await applicant.upload([]);

    // The check page was open when the proof expired; then Send is pressed.
    const checkPage = await applicant.open(applicant.step('check'));
    assert.equal(checkPage.statusCode, 200);
    subject.clock.advance(31 * minute);
    const sent = await applicant.browser.post(applicant.step('check'), {
      _csrf: csrfTokenIn(checkPage.body),
    });
    assert.equal(sent.statusCode, 303);
    assert.equal(
      sent.headers.location,
      `${applicant.step('code')}?again=1`,
      'submitting asks for a new code',
    );
    assert.equal((await applicant.draft()).caseId, null);
    const codePage = await applicant.open(`${applicant.step('code')}?again=1`);
    assert.match(decode(codePage.body), /送出申請前請再驗證一次/);
    const proof = await applicant.submit('code', { code: await applicant.lastCode() });
    assert.equal(proof.headers.location, applicant.step('check'));
    const submitted = await applicant.submit('check', {});
    assert.equal(submitted.headers.location, applicant.step('done'));
  });

  it('an expired or unknown link is a 404 saying how to start again; the sweep removes expired drafts and their files', async () => {
    const applicant = await atDocuments();
    await applicant.upload([
      { field: 'file.construction-plan', name: 'plan.pdf', type: 'application/pdf', content: samplePdf() },
    ]);
    const draft = await applicant.draft();
    const unknown = await subject.app.inject({
      method: 'GET',
      url: '/apply/d/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    });
    assert.equal(unknown.statusCode, 404);
    assert.match(decode(mainOf(unknown.body)), /找不到這份申請[\s\S]*請從「線上申辦」重新開始申請/);
    subject.clock.advance(29 * 24 * 60 * minute);
    assert.equal((await applicant.open(`/apply/d/${applicant.token}`)).statusCode, 303, 'kept for 30 days');
    subject.clock.advance(2 * 24 * 60 * minute);
    const expired = await applicant.open(`/en/apply/d/${applicant.token}`);
    assert.equal(expired.statusCode, 404);
    assert.match(mainOf(expired.body), /We cannot find this application/);
    const swept = await sweepExpiredDrafts(db, subject.clock.now());
    assert.ok(swept >= 1);
    assert.deepEqual(await db.select().from(applicationDrafts).where(eq(applicationDrafts.id, draft.id)), []);
    assert.deepEqual(
      await db.select().from(applicationDraftFiles).where(eq(applicationDraftFiles.draftId, draft.id)),
      [],
    );
  });
});

describe('online applications: limits per client address', () => {
  it('60 new drafts an hour from one address, then 429: many drafts must not make many codes', async () => {
    const remoteAddress = '198.51.100.7';
    const page = await subject.app.inject({
      method: 'GET',
      url: '/apply/road-excavation-permit',
      remoteAddress,
    });
    const cookie = page.cookies.map((one) => `${one.name}=${one.value}`).join('; ');
    const start = () =>
      subject.app.inject({
        method: 'POST',
        url: '/apply/road-excavation-permit',
        remoteAddress,
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: `_csrf=${encodeURIComponent(csrfTokenIn(page.body))}`,
      });
    // Inside one hour's window, whatever the clock says now.
    const now = subject.clock.now().getTime();
    subject.clock.advance(60 * minute - (now % (60 * minute)) + 1000);
    for (let count = 1; count <= 60; count += 1)
      assert.equal((await start()).statusCode, 303, `draft ${count}`);
    const refused = await start();
    assert.equal(refused.statusCode, 429);
    assert.ok(Number(refused.headers['retry-after']) > 0);
    const other = await subject.app.inject({
      method: 'GET',
      url: '/apply/road-excavation-permit',
      remoteAddress: '198.51.100.8',
    });
    assert.equal(other.statusCode, 200, 'another address is not affected');
  });
});

describe('online applications: the documents', () => {
  const html = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>');
  const svg = Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>',
  );
  const truncated = samplePdf().subarray(0, samplePdf().length - 40);
  // A .docx whose one part expands from ~8 KiB to 8 MiB (and would to gigabytes, scaled up): a zip bomb.
  const zipBomb = writeZip([
    { name: '[Content_Types].xml', data: '<Types/>' },
    { name: 'word/document.xml', data: Buffer.alloc(8 * 1024 * 1024, 0x20) },
  ]);

  it('refuses HTML or SVG renamed .pdf, an empty file, a truncated PDF and a zip bomb shaped like a .docx, saying why, and keeps nothing of them', async () => {
    const applicant = await atDocuments();
    for (const [name, content] of [
      ['plan.pdf', html],
      ['drawing.pdf', svg],
      ['empty.pdf', Buffer.alloc(0)],
      ['cut.pdf', truncated],
      ['plan.docx', zipBomb],
    ] as const) {
      const response = await applicant.upload([
        { field: 'file.construction-plan', name, type: 'application/pdf', content },
      ]);
      assert.equal(response.statusCode, 400, name);
      const [problem] = summaryOf(response.body);
      assert.equal(problem?.[0], 'file-construction-plan', name);
      assert.match(
        problem?.[1] ?? '',
        new RegExp(`「${name.replace('.', '\\.')}」(不是可接受的檔案類型|是空的檔案)`),
        name,
      );
      if (content.length > 0) {
        assert.equal(await subject.files.has(sha256(content)), false, `${name} is not in the store`);
        assert.deepEqual(
          await db
            .select()
            .from(storedFiles)
            .where(eq(storedFiles.sha256, sha256(content))),
          [],
        );
      }
    }
    const draft = await applicant.draft();
    assert.deepEqual(
      await db.select().from(applicationDraftFiles).where(eq(applicationDraftFiles.draftId, draft.id)),
      [],
    );
    assert.ok(!draft.completedSteps.includes('documents'));
  });

  it('keeps the good file of a post with a bad one, replaces a file, removes one, and continues only with every required document', async () => {
    const applicant = await atDocuments();
    const mixed = await applicant.upload([
      { field: 'file.construction-plan', name: 'plan.pdf', type: 'application/pdf', content: html },
      {
        field: 'file.contractor-registration',
        name: 'registration.png',
        type: 'image/png',
        content: samplePng(),
      },
    ]);
    assert.equal(mixed.statusCode, 400);
    assert.deepEqual(
      summaryOf(mixed.body).map(([target]) => target),
      ['file-construction-plan'],
    );
    assert.match(mixed.body, /已上傳：registration\.png/);
    const missing = await applicant.upload([]);
    assert.equal(missing.statusCode, 400);
    assert.deepEqual(summaryOf(missing.body), [['file-construction-plan', '施工計畫書：請上傳這份文件']]);

    await applicant.upload([
      { field: 'file.construction-plan', name: 'first.pdf', type: 'application/pdf', content: samplePdf() },
    ]);
    const replaced = await applicant.upload([
      {
        field: 'file.construction-plan',
        name: 'second.docx',
        type: 'application/octet-stream',
        content: sampleDocx(),
      },
    ]);
    assert.equal(replaced.statusCode, 303);
    const draft = await applicant.draft();
    const rows = await db
      .select()
      .from(applicationDraftFiles)
      .where(eq(applicationDraftFiles.draftId, draft.id));
    assert.deepEqual(rows.map((row) => [row.checklistItemId, row.fileName, row.mediaType]).toSorted(), [
      [
        'construction-plan',
        'second.docx',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ],
      ['contractor-registration', 'registration.png', 'image/png'],
    ]);
    const stored = await db
      .select()
      .from(storedFiles)
      .where(eq(storedFiles.sha256, sha256(sampleDocx())));
    assert.equal(stored.length, 1, 'listed in stored_files with its row');

    const page = await applicant.open(applicant.step('documents'));
    const removeId = rows.find((row) => row.fileName === 'second.docx')?.id ?? '';
    assert.match(page.body, new RegExp(`name="remove" value="${removeId}"`));
    const removed = await applicant.upload([], { remove: removeId });
    assert.equal(removed.statusCode, 200);
    assert.match(decode(removed.body), /已移除檔案/);
    const left = await db
      .select()
      .from(applicationDraftFiles)
      .where(eq(applicationDraftFiles.draftId, draft.id));
    assert.deepEqual(
      left.map((row) => row.fileName),
      ['registration.png'],
    );
  });

  it('check your answers shows a fee per unit once the number is known', async () => {
    const applicant = anApplicant(subject);
    await applicant.start('road-excavation-permit');
    await applicant.proveContact();
    await applicant.submit('answers-1', {
      address: '苓雅區四維三路 2 號前',
      'field.length-metres': '5',
      'field.area-square-metres': '12.5',
    });
    await applicant.submit('answers-2', { 'field.start-date': '2026-12-15', 'field.purpose': 'water' });
    const uploaded = await applicant.upload([
      { field: 'file.excavation-plan', name: 'site.pdf', type: 'application/pdf', content: samplePdf() },
      {
        field: 'file.traffic-plan',
        name: 'traffic.docx',
        type: 'application/octet-stream',
        content: sampleDocx(),
      },
    ]);
    assert.equal(uploaded.headers.location, applicant.step('check'), summaryOf(uploaded.body).join('; '));
    const check = decode(mainOf((await applicant.open(applicant.step('check'))).body));
    assert.match(check, /道路挖掘審查費<\/dt><dd class="govuk-summary-list__value">NT\$1,000/);
    assert.match(
      check,
      /路面修復費（每平方公尺）<\/dt><dd class="govuk-summary-list__value">NT\$1,600 × 12\.5 = NT\$20,000/,
    );
    assert.match(check, /id="fee-total"><strong>NT\$21,000<\/strong>/);
  });
});
