import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mainOf } from '../../../../test/helpers/html.ts';
import { samplePng, storedPng } from '../../../platform/uploads/upload-test-support.ts';
import { storeAttachments } from '../core/case-attachments.ts';
import { caseActorOf, potholeReport } from '../core/cases-test-support.ts';
import { trackLimits } from './track-access.ts';
import { errorSummaryItems, nextIp, trackTestBed, Visitor } from './track-test-support.ts';

/**
 * The applicant's own actions on the result page (withdraw, reopen), attachments downloaded with the code,
 * and POST /api/track without any cookie, over HTTP against a real PostgreSQL.
 */

const { clock, subject, cases, aCase, move, currentRow, aCaseInProgressAtParks } = await trackTestBed();

describe("the applicant's own actions", () => {
  it('withdraw needs the confirmation box, then works and appears on the timeline', async () => {
    const row = await aCase();
    const visitor = new Visitor(subject.app);
    const result = await visitor.lookUp(row.caseNumber, row.lookupCode);
    assert.equal(result.statusCode, 200);
    const unconfirmed = await visitor.submitForm(result, '/track/withdraw');
    assert.equal(unconfirmed.statusCode, 400);
    assert.deepEqual(errorSummaryItems(unconfirmed.body), ['請勾選「我確定要撤回這個案件」。']);
    assert.equal((await currentRow(row.id)).state, 'received');

    const withdrawn = await visitor.submitForm(unconfirmed, '/track/withdraw', { confirm: 'yes' });
    assert.equal(withdrawn.statusCode, 200);
    const main = mainOf(withdrawn.body);
    assert.match(main, /案件已撤回。/);
    assert.match(main, /data-state="withdrawn">已撤回</);
    assert.match(main, /<h3 class="govuk-heading-s govuk-!-margin-bottom-1">申請人撤回<\/h3>/);
    assert.match(main, /辦理：申請人/);
    assert.doesNotMatch(main, /action="\/track\/withdraw"/, 'nothing more to withdraw');
    const stored = await currentRow(row.id);
    assert.equal(stored.state, 'withdrawn');
    assert.ok(stored.closedAt !== null);

    // The same form sent again (an old page) changes nothing and says why, without naming anyone.
    const again = await visitor.submitForm(result, '/track/withdraw', { confirm: 'yes' });
    assert.equal(again.statusCode, 409);
    assert.deepEqual(errorSummaryItems(again.body), [
      '案件狀態剛剛有變動，您的要求未執行。請先看看最新的進度。',
    ]);
  });

  it('a wrong code on an action form is refused like a look-up and changes nothing', async () => {
    const row = await aCase();
    const visitor = new Visitor(subject.app);
    const result = await visitor.lookUp(row.caseNumber, row.lookupCode);
    const wrongCode = row.lookupCode === 'ZZZZ2222' ? 'YYYY3333' : 'ZZZZ2222';
    const refused = await visitor.submitForm(result, '/track/withdraw', {
      confirm: 'yes',
      lookupCode: wrongCode,
    });
    assert.equal(refused.statusCode, 404);
    assert.equal((await currentRow(row.id)).state, 'received');
  });

  it('a closed case can be reopened within the window with a reason (listed if missing)', async () => {
    let row = await aCase();
    const handler = caseActorOf(cases().roadHandler);
    row = await move(row, 'accept', {}, handler);
    row = await move(row, 'start', {}, handler);
    row = await move(
      row,
      'resolve',
      { resolution: '已更換破損地磚 12 塊。', internalNote: 'INTERNAL-結案' },
      handler,
    );
    row = await move(row, 'close', {}, handler);
    const visitor = new Visitor(subject.app);
    const result = await visitor.lookUp(row.caseNumber, row.lookupCode);
    const main = mainOf(result.body);
    assert.match(main, /data-state="closed">已結案</);
    assert.match(main, /已更換破損地磚 12 塊。/, 'the answer');
    assert.doesNotMatch(main, /INTERNAL-/);
    assert.match(main, /可以在結案後 14 天內（民國115年3月16日以前）要求重新處理/);
    assert.doesNotMatch(main, /action="\/track\/withdraw"/);

    const missing = await visitor.submitForm(result, '/track/reopen', { reason: '  ' });
    assert.equal(missing.statusCode, 400);
    assert.deepEqual(errorSummaryItems(missing.body), ['請說明要求重新處理的原因。']);

    const reopened = await visitor.submitForm(result, '/track/reopen', { reason: '地磚又鬆了。' });
    assert.equal(reopened.statusCode, 200);
    assert.match(mainOf(reopened.body), /已要求重新處理/);
    assert.match(mainOf(reopened.body), /data-state="in_progress"/);
    assert.match(mainOf(reopened.body), /地磚又鬆了。/);
    assert.equal((await currentRow(row.id)).state, 'in_progress');
  });

  it('a fixed field report shows the crew’s note, and its reporter may say it is still not fixed within the window', async () => {
    let row = await aCase(potholeReport());
    const handler = caseActorOf(cases().roadHandler);
    row = await move(row, 'dispatch', { publicNote: '已派維修班前往。' }, handler);
    row = await move(
      row,
      'mark_fixed',
      { resolution: '已以冷料填補坑洞。', internalNote: 'INTERNAL-第三維修班' },
      handler,
    );
    const visitor = new Visitor(subject.app);
    const result = await visitor.lookUp(row.caseNumber, row.lookupCode);
    const main = mainOf(result.body);
    assert.match(main, /data-state="fixed">已修復</);
    assert.match(main, /已以冷料填補坑洞。/, 'the crew’s note');
    assert.match(main, /已派維修班前往。/);
    const headings = [...main.matchAll(/<h3 class="govuk-heading-s govuk-!-margin-bottom-1">([^<]*)<\/h3>/g)];
    assert.deepEqual(
      headings.map((match) => match[1]),
      ['已修復', '已派工', '收件'],
      'the timeline in the field report’s words, newest first',
    );
    assert.doesNotMatch(main, /INTERNAL-/);
    assert.match(main, /現場仍未修好時，可以在修復後 7 天內（民國115年\d+月\d+日以前）告訴我們/);
    assert.doesNotMatch(main, /action="\/track\/withdraw"/, 'a fixed report cannot be withdrawn');

    const reopened = await visitor.submitForm(result, '/track/reopen', {
      reason: '坑洞還在，機車仍會顛簸。',
    });
    assert.equal(reopened.statusCode, 200);
    assert.match(mainOf(reopened.body), /data-state="reopened"/);
    assert.match(mainOf(reopened.body), /坑洞還在，機車仍會顛簸。/);
    assert.equal((await currentRow(row.id)).state, 'reopened');
  });
});

describe('attachments', () => {
  it('are listed by name and downloaded only with the code', async () => {
    const row = await aCase();
    const png = samplePng();
    await storeAttachments(
      subject.database.db,
      row.id,
      [await storedPng(subject.files, '現場照片.png')],
      { staffId: cases().clerk.id },
      clock.now(),
    );
    const visitor = new Visitor(subject.app);
    const result = await visitor.lookUp(row.caseNumber, row.lookupCode);
    assert.match(mainOf(result.body), /現場照片\.png/);
    const download = await visitor.submitForm(result, '/track/attachment');
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['content-type'], 'image/png');
    assert.match(String(download.headers['content-disposition']), /^attachment;/);
    assert.equal(download.headers['cache-control'], 'no-store');
    assert.ok(download.rawPayload.equals(png));

    const wrongCode = row.lookupCode === 'ZZZZ2222' ? 'YYYY3333' : 'ZZZZ2222';
    const refused = await visitor.submitForm(result, '/track/attachment', { lookupCode: wrongCode });
    assert.equal(refused.statusCode, 404);
    assert.match(String(refused.headers['content-type']), /^text\/html/);
    assert.ok(!refused.rawPayload.includes(png));
  });
});

describe('POST /api/track', () => {
  const api = (body: unknown, ip = nextIp()) =>
    subject.app.inject({ method: 'POST', url: '/api/track', payload: body as object, remoteAddress: ip });

  it('without any cookie or token → the masked public view, with values', async () => {
    const row = await aCaseInProgressAtParks();
    const response = await api({ caseNumber: row.caseNumber, lookupCode: row.lookupCode.toLowerCase() });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.headers['cache-control'], 'no-store');
    const view = response.json();
    assert.equal(view.caseNumber, row.caseNumber);
    assert.equal(view.state, 'in_progress');
    assert.equal(view.stateLabel, '處理中');
    assert.equal(view.unit.code, 'parks');
    assert.equal(view.unit.name, '公園處');
    assert.deepEqual(view.applicant, {
      name: '王○明',
      company: null,
      phone: '0912-***-678',
      email: 'w***@example.tw',
      address: null,
    });
    assert.equal(view.expectedCompletionDate, row.expectedCompletionDate);
    assert.match(view.expectedCompletionDateText, /^民國115年\d+月\d+日$/);
    assert.equal(view.deadlineStatus, 'on_track');
    assert.deepEqual(
      view.timeline.map((event: { kind: string }) => event.kind),
      ['created', 'transfer', 'accept', 'start', 'extension_approved'],
    );
    assert.equal(view.timeline[1].label, '改由公園處辦理');
    assert.equal(view.timeline[1].by, '道路養護工程處');
    assert.equal(view.timeline[3].note, '已派員現場勘查。');
    assert.deepEqual(view.attachments, []);
    for (const secret of [
      'INTERNAL-',
      '0912345678',
      '王小明',
      row.lookupCode,
      cases().parksHandler.displayName,
      'handler',
      'version',
    ])
      assert.ok(!response.body.includes(secret), `${secret} must not be in the JSON`);

    const english = await api({ caseNumber: row.caseNumber, lookupCode: row.lookupCode, lang: 'en' });
    assert.equal(english.json().stateLabel, 'In progress');
    assert.equal(english.json().timeline[1].label, 'Moved to Parks and Street Lights Office');
  });

  it('unknown number and wrong code → the same 404 body; empty fields → 400 listing both; a guarded number → 429', async () => {
    const row = await aCase();
    const wrongCode = row.lookupCode === 'ZZZZ2222' ? 'YYYY3333' : 'ZZZZ2222';
    const wrong = await api({ caseNumber: row.caseNumber, lookupCode: wrongCode });
    const unknown = await api({ caseNumber: '1150302-7654', lookupCode: wrongCode });
    assert.equal(wrong.statusCode, 404);
    assert.equal(unknown.statusCode, 404);
    const { requestId: _first, ...wrongBody } = wrong.json();
    const { requestId: _second, ...unknownBody } = unknown.json();
    assert.deepEqual(wrongBody, unknownBody);
    assert.equal(wrongBody.code, 'NOT_FOUND');

    const empty = await api({ caseNumber: '', lookupCode: '' });
    assert.equal(empty.statusCode, 400);
    assert.deepEqual(
      empty.json().errors.map((error: { field: string; code: string }) => [error.field, error.code]),
      [
        ['caseNumber', 'required'],
        ['lookupCode', 'required'],
      ],
    );
    const missing = await api({});
    assert.equal(missing.statusCode, 400);
    assert.equal(missing.json().errors.length, 2);

    // The first wrong code above was one of the day's 10; a program has no device cookie: a stranger.
    for (let attempt = 2; attempt <= trackLimits.maxFailuresPerDay; attempt += 1)
      assert.equal((await api({ caseNumber: row.caseNumber, lookupCode: wrongCode })).statusCode, 404);
    const locked = await api({ caseNumber: row.caseNumber, lookupCode: row.lookupCode, lang: 'en' });
    assert.equal(locked.statusCode, 429);
    assert.equal(locked.json().code, 'RATE_LIMITED');
    assert.match(locked.json().message, /Too many wrong lookup codes were entered for this case number/);
    assert.ok(Number(locked.headers['retry-after']) > 0);
  });

  it('is in the OpenAPI document with its tag', async () => {
    const document = (await subject.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const operation = document.paths['/api/track'].post;
    assert.deepEqual(operation.tags, ['tracking']);
    assert.ok(operation.requestBody.content['application/json'].schema.properties.lookupCode);
    assert.ok(operation.responses['200'].content['application/json'].schema.properties.timeline);
    assert.equal(document.paths['/track'], undefined, 'pages are hidden');
  });
});
