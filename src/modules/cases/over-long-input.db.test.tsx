import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { multipartActionOf } from '../../../test/helpers/form-action.ts';
import { decode, mainOf, summaryOf } from '../../../test/helpers/html.ts';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { aSignedInMember, aStaffMember, csrfTokenIn } from '../../platform/auth/auth-test-support.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { multipartForm } from '../../platform/uploads/upload-test-support.ts';
import { fieldLimits } from '../../platform/web/components/field-limits.ts';
import {
  caseActorOf,
  moveCase,
  sidewalkPetition,
  staffApi,
  testCasesContext,
} from './core/cases-test-support.ts';
import { openCase } from './core/open-case.ts';
import { Visitor } from './track/track-test-support.ts';

/**
 * Issue 14 #4: an over-long value anywhere a person types is the form's problem, on the form's page, in the
 * user's language, with what was typed kept — never a generic page with "must NOT have more than 60
 * characters". The limits come from one place (platform/web/components/field-limits.ts).
 */
describe('over-long input (HTTP and database)', () => {
  let subject: TestApp;

  before(async () => {
    subject = await buildTestApp();
  });
  after(() => subject.app.close());

  const noRawEnglish = (body: string) => assert.doesNotMatch(body, /must NOT have|无法|VALIDATION_FAILED/);

  it('/track from a link with an over-long number: the look-up form, the problem in Chinese, the value kept', async () => {
    const visitor = new Visitor(subject.app);
    const typed = '1'.repeat(fieldLimits.caseNumber + 21);
    const response = await visitor.get(`/track?case=${typed}&code=ABCD2345`);
    assert.equal(response.statusCode, 400);
    noRawEnglish(response.body);
    assert.deepEqual(summaryOf(response.body), [['caseNumber', `案件編號最多 40 個字（現為 61 個字）`]]);
    const main = mainOf(response.body);
    assert.match(main, new RegExp(`id="caseNumber" name="caseNumber" type="text" value="${typed}"`));
    assert.match(main, /maxlength="40"/);
    assert.match(main, /最多 40 個字/, 'the limit is said at the field');
  });

  it('/track posted with an over-long number and code: both problems at once, in English on /en', async () => {
    const visitor = new Visitor(subject.app);
    const form = await visitor.get('/en/track');
    const response = await visitor.post('/en/track', {
      _csrf: csrfTokenIn(form.body),
      caseNumber: '2'.repeat(61),
      lookupCode: 'C'.repeat(45),
    });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(
      summaryOf(response.body).map(([target]) => target),
      ['caseNumber', 'lookupCode'],
    );
    assert.match(summaryOf(response.body)[0]?.[1] ?? '', /must be 40 characters or fewer \(it has 61\)/);
    assert.match(mainOf(response.body), new RegExp(`value="${'C'.repeat(45)}"`));
  });

  it('/search with an over-long query: the search page with its problem (400), the words kept, no 400 page', async () => {
    const typed = '路'.repeat(fieldLimits.searchTerms + 1);
    const response = await subject.app.inject({
      method: 'GET',
      url: `/search?q=${encodeURIComponent(typed)}`,
    });
    assert.equal(response.statusCode, 400);
    noRawEnglish(response.body);
    assert.match(response.body, /<title>錯誤：/);
    assert.deepEqual(summaryOf(response.body), [
      ['search-page-query', '搜尋字詞最多 200 個字（現為 201 個字）'],
    ]);
    assert.match(decode(mainOf(response.body)), new RegExp(`value="${typed}"`));
    const english = await subject.app.inject({ method: 'GET', url: `/en/search?q=${'a'.repeat(201)}` });
    assert.equal(english.statusCode, 400);
    assert.match(summaryOf(english.body)[0]?.[1] ?? '', /^The search words must be 200 characters or fewer/);
    const fine = await subject.app.inject({ method: 'GET', url: `/search?q=${encodeURIComponent('隱私')}` });
    assert.equal(fine.statusCode, 200);
  });

  it('the staff look-up with an over-long case number or name: the look-up page lists both, values kept', async () => {
    const handler = await aSignedInMember(subject, { role: 'handler' });
    const response = await handler.get(
      `/staff/lookup?caseNumber=${'9'.repeat(41)}&name=${encodeURIComponent('王'.repeat(101))}`,
    );
    assert.equal(response.statusCode, 400);
    assert.deepEqual(summaryOf(response.body), [
      ['caseNumber', '案件編號最多 40 個字（現為 41 個字）'],
      ['name', '申請人姓名最多 100 個字（現為 101 個字）'],
    ]);
    const main = mainOf(response.body);
    assert.match(main, /name="caseNumber" type="text" value="9{41}"/);
    assert.match(main, /maxlength="100"/);
  });

  it('the counter form with an over-long address and applicant address: the form again, every problem, values kept', async () => {
    const clerk = await aSignedInMember(subject, { role: 'counter_clerk' });
    const page = await clerk.get('/staff/counter/new?service=street-light-repair');
    assert.match(mainOf(page.body), /name="address" type="text" value[^>]*maxlength="300"/);
    const longAddress = '高雄市苓雅區四維三路'.repeat(31);
    const response = await clerk.postMultipart(
      multipartActionOf(page.body),
      multipartForm({
        channel: 'counter',
        applicantType: 'person',
        applicantName: '王大明',
        applicantPhone: '0912345678',
        applicantAddress: longAddress,
        applicantLang: 'zh-TW',
        description: '路燈不亮。',
        districtCode: '64000020',
        address: longAddress,
        'field.problem': 'out',
        consent: 'yes',
      }),
    );
    assert.equal(response.statusCode, 400);
    noRawEnglish(response.body);
    assert.deepEqual(summaryOf(response.body), [
      ['applicantAddress', '通訊地址最多 300 個字（現為 310 個字）'],
      ['address', '地址、路口或附近門牌最多 300 個字（現為 310 個字）'],
    ]);
    assert.equal((mainOf(response.body).match(new RegExp(`value="${longAddress}"`, 'g')) ?? []).length, 2);
  });

  it('every path keeps to the same limits: a rejection reason or an answer over 4000 is refused by the use case', async () => {
    const clerk = caseActorOf(await aStaffMember(subject.database.db, { role: 'counter_clerk' }));
    const handler = caseActorOf(await aStaffMember(subject.database.db, { role: 'handler' }));
    const row = await openCase(testCasesContext(subject), sidewalkPetition(), clerk);
    const tooLong = '理'.repeat(fieldLimits.longText + 1);
    await assert.rejects(
      moveCase(subject, row, 'reject', { reason: tooLong }, handler),
      (error: unknown) =>
        error instanceof DomainError &&
        error.code === 'VALIDATION_FAILED' &&
        error.problems.some(
          (problem) =>
            problem.field === 'reason' &&
            problem.code === 'too_long' &&
            problem.message === '原因不可超過 4000 個字（現為 4001 個字）。',
        ),
    );
    const accepted = await moveCase(subject, row, 'accept', {}, handler);
    const started = await moveCase(subject, accepted, 'start', {}, handler);
    await assert.rejects(
      moveCase(subject, started, 'resolve', { resolution: `${tooLong}${tooLong}` }, handler),
      (error: unknown) =>
        error instanceof DomainError && error.problems.some((problem) => problem.field === 'resolution'),
    );
  });

  it('the JSON API answers the same limits with 400 VALIDATION_FAILED naming the field', async () => {
    const clerk = caseActorOf(await aStaffMember(subject.database.db, { role: 'counter_clerk' }));
    const row = await openCase(testCasesContext(subject), sidewalkPetition(), clerk);
    const handler = await aStaffMember(subject.database.db, { role: 'handler' });
    const api = await staffApi(subject.app, handler, subject.clock);
    const response = await api.post(`/api/staff/cases/${row.caseNumber}/events`, {
      event: 'reject',
      expectedVersion: row.version,
      reason: '理'.repeat(fieldLimits.longText + 1),
    });
    assert.equal(response.statusCode, 400);
    const answer = response.json() as { code: string; errors: { field: string }[] };
    assert.equal(answer.code, 'VALIDATION_FAILED');
    assert.deepEqual(
      answer.errors.map((problem) => problem.field.replace(/^body\./, '')),
      ['reason'],
    );
  });

  it('the case page’s rejection form with a reason over 4000: the case page with the problem, the reason kept', async () => {
    const clerk = caseActorOf(await aStaffMember(subject.database.db, { role: 'counter_clerk' }));
    const row = await openCase(testCasesContext(subject), sidewalkPetition(), clerk);
    const handler = await aSignedInMember(subject, { role: 'handler' });
    const page = await handler.get(`/staff/cases/${row.caseNumber}`);
    assert.match(mainOf(page.body), /<textarea[^>]*name="reason"[^>]*maxlength="4000"/);
    const reason = '理'.repeat(4001);
    const response = await handler.post(`/staff/cases/${row.caseNumber}/events/reject`, {
      _csrf: csrfTokenIn(page.body),
      version: String(row.version),
      reason,
    });
    assert.equal(response.statusCode, 400);
    noRawEnglish(response.body);
    assert.match(
      summaryOf(response.body)
        .map(([, message]) => message)
        .join('\n'),
      /最多 4000 個字（現為 4001 個字）/,
    );
    assert.match(mainOf(response.body), new RegExp(`name="reason"[^>]*>${reason}</textarea>`));
  });
});
