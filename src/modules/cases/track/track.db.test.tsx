import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mainOf } from '../../../../test/helpers/html.ts';
import { buildAppWithLog } from '../../../../test/helpers/test-app.ts';
import { csrfTokenIn } from '../../../platform/auth/auth-test-support.ts';
import { trackUrlOf } from '../core/track-url.ts';
import { trackLimits } from './track-access.ts';
import { errorSummaryItems, nextIp, type Response, trackTestBed, Visitor } from './track-test-support.ts';

/**
 * The public look-up over HTTP against a real PostgreSQL: what the applicant sees (and never sees), the
 * same answer for an unknown number and a wrong code, the per-number guard (strangers only) and the per-IP limit, and the
 * applicant's view of a case. The applicant's own actions, attachments and POST /api/track are in
 * track-actions.db.test.tsx.
 * Each test looks up from its own client IP, so the per-IP limit of one test never touches another.
 */

const { clock, subject, cases, aCase, aCaseInProgressAtParks } = await trackTestBed();

describe('GET /track: the look-up form', () => {
  it('is a form posting to /track with CSRF, hints, inputmode and autocomplete=off for the code; no-store, no-referrer', async () => {
    const visitor = new Visitor(subject.app);
    const response = await visitor.get('/track');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['cache-control'], 'no-store');
    assert.equal(response.headers['referrer-policy'], 'no-referrer');
    assert.match(
      String(response.headers['set-cookie']),
      /^ow_csrf=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict/,
    );
    const main = mainOf(response.body);
    assert.match(main, /<h1 class="govuk-heading-xl">案件查詢<\/h1>/);
    assert.match(main, /<form method="post" action="\/track" novalidate>/);
    assert.match(main, /name="_csrf" value="[A-Za-z0-9_-]{43}"/);
    assert.match(main, /<input[^>]*id="caseNumber"[^>]*inputmode="numeric"/);
    assert.match(main, /<input[^>]*id="lookupCode"[^>]*autocomplete="off"/);
    assert.match(main, /印在收件收據上，也寫在收件通知電子郵件中/);
    assert.match(main, /aria-describedby="lookupCode-hint"/);
    assert.doesNotMatch(response.body, /正在建置中/, 'the placeholder is gone');

    const english = await visitor.get('/en/track');
    assert.equal(english.statusCode, 200);
    assert.match(mainOf(english.body), /<form method="post" action="\/en\/track" novalidate>/);
    assert.match(mainOf(english.body), /printed with the case number on your receipt/);
  });

  it('a link with only the number opens the form with it filled in', async () => {
    const response = await new Visitor(subject.app).get('/track?case=1150302-0001');
    assert.equal(response.statusCode, 200);
    assert.match(mainOf(response.body), /id="caseNumber"[^>]*value="1150302-0001"/);
    assert.deepEqual(errorSummaryItems(response.body), []);
  });

  it('both fields empty → 400 listing two problems, each linked to its field, with 「錯誤：」 in the title', async () => {
    const response = await new Visitor(subject.app).lookUp('', '');
    assert.equal(response.statusCode, 400);
    assert.deepEqual(errorSummaryItems(response.body), ['請輸入案件編號。', '請輸入查詢碼。']);
    assert.match(response.body, /<a href="#caseNumber">請輸入案件編號。<\/a>/);
    assert.match(response.body, /<a href="#lookupCode">請輸入查詢碼。<\/a>/);
    assert.match(response.body, /<title>錯誤：案件查詢 - 高雄市政府工務局<\/title>/);
    assert.match(response.body, /id="caseNumber-error"/);

    const malformed = await new Visitor(subject.app).lookUp('12-3', 'AB', 'en');
    assert.equal(malformed.statusCode, 400);
    assert.deepEqual(errorSummaryItems(malformed.body), [
      'A case number is 7 digits, a dash and 4 digits, for example 1151126-0042.',
      'A lookup code is 8 letters and numbers, for example K7MX3Q9P.',
    ]);
    assert.match(mainOf(malformed.body), /id="caseNumber"[^>]*value="12-3"/, 'what was typed is kept');
  });
});

describe('the result of a look-up', () => {
  it('right number and code → the state in plain words, the unit and phone, masked applicant, public timeline only', async () => {
    const row = await aCaseInProgressAtParks();
    const visitor = new Visitor(subject.app);
    // Typed the forgiving way: lower case with a space, number without its dash.
    const code = `${row.lookupCode.slice(0, 4).toLowerCase()} ${row.lookupCode.slice(4)}`;
    const response = await visitor.lookUp(row.caseNumber.replace('-', ''), code);
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['cache-control'], 'no-store');
    assert.equal(response.headers['referrer-policy'], 'no-referrer');
    const main = mainOf(response.body);
    assert.match(main, new RegExp(`案件 ${row.caseNumber} 辦理進度`));
    assert.match(main, /data-state="in_progress">處理中</);
    assert.match(main, /承辦人正在處理您的案件。/);
    assert.match(main, /道路養護陳情/);
    assert.match(main, /公園處/);
    assert.match(main, /07-\d{7}/, 'the unit phone');
    assert.match(main, /王○明/);
    assert.match(main, /0912-\*\*\*-678/);
    assert.match(main, /w\*\*\*@example\.tw/);
    assert.match(main, /已派員現場勘查。/, 'a public note');
    assert.match(main, /改由公園處辦理/, 'the transfer');
    assert.match(main, /地點在公園範圍內，改由公園處辦理。/, 'the transfer reason is public');
    assert.match(main, /處理期限展延至民國115年\d+月\d+日/, 'the extension with its new date');
    assert.match(main, /需等待地磚材料到貨。/, 'and its reason');
    assert.match(main, /預計完成日期<\/dt><dd class="govuk-summary-list__value">民國115年\d+月\d+日/);
    assert.match(main, /data-deadline-status="on_track">在處理期限內。/);
    assert.match(main, /辦理：道路養護工程處/);
    assert.match(main, /辦理：公園處/);
    for (const secret of [
      'INTERNAL-',
      '0912345678',
      '0988777666',
      '王小明',
      'wang@example.tw',
      cases().clerk.displayName,
      cases().roadHandler.displayName,
      cases().parksHandler.displayName,
      cases().parksSupervisor.displayName,
      '中正三路',
      '長者差點跌倒',
    ]) {
      assert.ok(!response.body.includes(secret), `${secret} must not be on the page`);
    }
    // The applicant can withdraw an open case; reopening is for closed ones.
    assert.match(main, /action="\/track\/withdraw"/);
    assert.doesNotMatch(main, /action="\/track\/reopen"/);
  });

  it('GET /track?case=…&code=… (the QR code) shows the result at once, in English under /en; /track stays the empty form', async () => {
    const row = await aCase();
    const visitor = new Visitor(subject.app);
    const query = new URLSearchParams({ case: row.caseNumber, code: row.lookupCode }).toString();
    const chinese = await visitor.get(`/track?${query}`);
    assert.equal(chinese.statusCode, 200);
    assert.match(mainOf(chinese.body), /data-state="received">已收件</);
    assert.equal(chinese.headers['referrer-policy'], 'no-referrer');
    assert.equal(chinese.headers['cache-control'], 'no-store');
    const english = await visitor.get(`/en/track?${query}`);
    assert.equal(english.statusCode, 200);
    assert.match(mainOf(english.body), new RegExp(`Progress of case ${row.caseNumber}`));
    assert.match(mainOf(english.body), /data-state="received">Received</);
    assert.match(
      mainOf(english.body),
      /Expected completion date<\/dt><dd class="govuk-summary-list__value">\d+ March 2026/,
    );
    const empty = await visitor.get('/track');
    assert.equal(empty.statusCode, 200);
    assert.ok(!empty.body.includes(row.caseNumber), 'no result is kept for the next visitor');
    assert.ok(!empty.body.includes('王○明'));
  });

  it('a wrong code and an unknown number get the identical answer (status, headers, body)', async () => {
    const row = await aCase();
    const unknownNumber = '1150302-9876';
    const wrongCode = row.lookupCode === 'ZZZZ2222' ? 'YYYY3333' : 'ZZZZ2222';
    const normalise = (response: Response, number: string) =>
      response.body
        .replaceAll(number, 'NUMBER')
        .replace(/name="_csrf" value="[^"]+"/g, 'name="_csrf" value="TOKEN"');
    const wrong = await new Visitor(subject.app).lookUp(row.caseNumber, wrongCode);
    const unknown = await new Visitor(subject.app).lookUp(unknownNumber, wrongCode);
    assert.equal(wrong.statusCode, 404);
    assert.equal(unknown.statusCode, 404);
    assert.equal(normalise(wrong, row.caseNumber), normalise(unknown, unknownNumber));
    assert.deepEqual(errorSummaryItems(wrong.body), [
      '查無符合的案件。請確認案件編號與查詢碼都和收據上的相同；仍查不到時，請來電洽詢。',
    ]);
    for (const header of ['retry-after', 'cache-control', 'referrer-policy', 'content-type'])
      assert.equal(wrong.headers[header], unknown.headers[header], header);
  });

  it('10 wrong codes in a day guard a number from strangers (the 10th answered like the others, then the same 429 whatever the code); the QR link and a browser that opened it before still get in; it ends by itself', async () => {
    const row = await aCase();
    const other = await aCase();
    const wrongCode = row.lookupCode === 'ZZZZ2222' ? 'YYYY3333' : 'ZZZZ2222';
    // The applicant opened the case once on their phone: that browser is trusted for it.
    const phone = new Visitor(subject.app);
    assert.equal((await phone.lookUp(row.caseNumber, row.lookupCode)).statusCode, 200);
    assert.match(
      phone.deviceCookie ?? '',
      /^[A-Za-z0-9_-]{22}$/,
      'the look-up gave the browser a device cookie',
    );

    // Strangers from different addresses: the budget is per number, not per client.
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= trackLimits.maxFailuresPerDay; attempt += 1)
      statuses.push((await new Visitor(subject.app).lookUp(row.caseNumber, wrongCode)).statusCode);
    assert.deepEqual(statuses, Array(trackLimits.maxFailuresPerDay).fill(404), 'the 10th like the others');

    // A stranger now gets the same answer for the right code and a wrong one: the code is not compared.
    const right = await new Visitor(subject.app).lookUp(row.caseNumber, row.lookupCode);
    const wrong = await new Visitor(subject.app).lookUp(row.caseNumber, wrongCode);
    assert.equal(right.statusCode, 429);
    assert.equal(wrong.statusCode, 429);
    assert.deepEqual(errorSummaryItems(right.body), errorSummaryItems(wrong.body));
    assert.equal(right.headers['retry-after'], wrong.headers['retry-after']);
    const retryAfter = Number(right.headers['retry-after']);
    assert.ok(retryAfter > 23 * 3600 && retryAfter <= 24 * 3600 + 60, `Retry-After ${retryAfter}`);
    assert.match(errorSummaryItems(right.body)[0] ?? '', /約 24 小時內無法從這個瀏覽器.*QR Code/);
    assert.ok(!right.body.includes('已收件'), 'no result for a stranger');
    const english = await new Visitor(subject.app).lookUp(row.caseNumber, row.lookupCode, 'en');
    assert.equal(english.statusCode, 429);
    assert.match(errorSummaryItems(english.body)[0] ?? '', /for about 24 hours\. Use the QR code/);

    // The rightful applicant: their usual browser, and the receipt's QR link from any browser.
    const again = await phone.lookUp(row.caseNumber, row.lookupCode);
    assert.equal(again.statusCode, 200, 'the browser that opened it before');
    assert.match(mainOf(again.body), /data-state="received"/);
    const qr = await new Visitor(subject.app).get(
      trackUrlOf('', { ...row, applicantLang: 'zh-TW' }).replace(/^https?:\/\/[^/]+/, ''),
    );
    assert.equal(qr.statusCode, 200, 'the QR link carries the link token');
    const forged = await new Visitor(subject.app).get(
      `/track?case=${row.caseNumber}&code=${row.lookupCode}&t=${'A'.repeat(22)}`,
    );
    assert.equal(forged.statusCode, 429, 'a made-up link token is no key');

    // A copied device cookie is no key either: its own budget of wrong codes.
    const copy = new Visitor(subject.app);
    copy.deviceCookie = phone.deviceCookie;
    for (let attempt = 1; attempt <= trackLimits.maxFailuresPerDay; attempt += 1)
      assert.equal((await copy.lookUp(row.caseNumber, wrongCode)).statusCode, 404);
    assert.equal((await copy.lookUp(row.caseNumber, wrongCode)).statusCode, 429);

    // A number nobody has is guarded the same way: the guard says nothing about existence.
    const unknownNumber = '1150302-8765';
    for (let attempt = 1; attempt <= trackLimits.maxFailuresPerDay; attempt += 1)
      assert.equal((await new Visitor(subject.app).lookUp(unknownNumber, wrongCode)).statusCode, 404);
    assert.equal((await new Visitor(subject.app).lookUp(unknownNumber, wrongCode)).statusCode, 429);

    const otherNumber = await new Visitor(subject.app).lookUp(other.caseNumber, other.lookupCode);
    assert.equal(otherNumber.statusCode, 200, 'another number is not guarded');

    clock.advance(retryAfter * 1000);
    const later = await new Visitor(subject.app).lookUp(row.caseNumber, row.lookupCode);
    assert.equal(later.statusCode, 200, 'the guard ended by itself');
    assert.match(mainOf(later.body), /data-state="received"/);
  });

  it('a guarded number offers to e-mail its link to the address given with the case: the same answer for any number, at most 3 a day', async () => {
    const row = await aCase({ applicantEmail: 'guarded.applicant@example.tw' });
    const wrongCode = row.lookupCode === 'ZZZZ2222' ? 'YYYY3333' : 'ZZZZ2222';
    for (let attempt = 1; attempt <= trackLimits.maxFailuresPerDay; attempt += 1)
      await new Visitor(subject.app).lookUp(row.caseNumber, wrongCode);
    const visitor = new Visitor(subject.app);
    const guarded = await visitor.lookUp(row.caseNumber, row.lookupCode);
    assert.equal(guarded.statusCode, 429);
    const main = mainOf(guarded.body);
    assert.match(main, /<h2 class="govuk-heading-m">用電子郵件收查詢連結<\/h2>/);
    assert.match(
      main,
      new RegExp(
        `<form method="post" action="/track/link"[\\s\\S]*?name="caseNumber" value="${row.caseNumber}"`,
      ),
    );

    const ask = async (caseNumber: string, from: Visitor = visitor) => {
      const form = await from.get('/track');
      return from.post('/track/link', { _csrf: csrfTokenIn(form.body), caseNumber });
    };
    const sent = await ask(row.caseNumber);
    const unknown = await ask('1150302-8766');
    assert.equal(sent.statusCode, 200);
    assert.equal(unknown.statusCode, 200);
    const banner = (body: string) =>
      /<div class="govuk-notification-banner__content">([\s\S]*?)<\/div>/.exec(body)?.[1] ?? '';
    assert.match(
      banner(sent.body),
      new RegExp(`如果案件 ${row.caseNumber} 留有電子郵件，我們已把查詢連結寄到該信箱`),
    );
    assert.equal(
      banner(sent.body).replace(row.caseNumber, 'N'),
      banner(unknown.body).replace('1150302-8766', 'N'),
      'the same answer whether or not a case has the number',
    );
    const deliveries = await subject.database.pool.query<{ recipient: string; body_text: string }>(
      `select recipient, body_text from notification_deliveries where topic = 'case.track_link' and subject_id = $1`,
      [row.id],
    );
    assert.equal(deliveries.rowCount, 1);
    assert.equal(deliveries.rows[0]?.recipient, 'guarded.applicant@example.tw');
    const link = /(\/track\?case=[^\s]+)/.exec(deliveries.rows[0]?.body_text ?? '')?.[1] ?? '';
    assert.match(link, /&t=[A-Za-z0-9_-]{22}$/);
    const opened = await new Visitor(subject.app).get(link);
    assert.equal(opened.statusCode, 200, 'the e-mailed link opens the guarded case');

    // At most 3 a day per number, whoever asks; the 4th is refused (and says nothing about the case).
    assert.equal((await ask(row.caseNumber, new Visitor(subject.app))).statusCode, 200);
    assert.equal((await ask(row.caseNumber, new Visitor(subject.app))).statusCode, 200);
    const fourth = await ask(row.caseNumber, new Visitor(subject.app));
    assert.equal(fourth.statusCode, 429);
    assert.match(errorSummaryItems(fourth.body)[0] ?? '', /今天已寄過多次查詢連結/);
  });

  it('more than 30 look-ups a minute from one IP → 429 with Retry-After; another IP is unaffected', async () => {
    const row = await aCase();
    const visitor = new Visitor(subject.app);
    const form = await visitor.get('/track');
    const token = csrfTokenIn(form.body);
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 31; attempt += 1)
      statuses.push(
        (await visitor.post('/track', { _csrf: token, caseNumber: '', lookupCode: '' })).statusCode,
      );
    assert.deepEqual(statuses.slice(0, 30), Array(30).fill(400));
    assert.equal(statuses[30], 429);
    const limited = await visitor.post('/en/track', {
      _csrf: token,
      caseNumber: row.caseNumber,
      lookupCode: row.lookupCode,
    });
    assert.equal(limited.statusCode, 429);
    assert.ok(Number(limited.headers['retry-after']) >= 1);
    assert.match(
      errorSummaryItems(limited.body)[0] ?? '',
      /^Too many look-ups; please try again in \d+ seconds\.$/,
    );
    const elsewhere = await new Visitor(subject.app).lookUp(row.caseNumber, row.lookupCode);
    assert.equal(elsewhere.statusCode, 200);
  });

  it('the request log has the path only: no number, no code', async () => {
    const { app, log: readLog } = await buildAppWithLog(subject);
    try {
      const row = await aCase();
      const visitor = new Visitor(app);
      await visitor.get(
        `/track?${new URLSearchParams({ case: row.caseNumber, code: row.lookupCode }).toString()}`,
      );
      await visitor.lookUp(row.caseNumber, row.lookupCode);
      await app.inject({
        method: 'POST',
        url: '/api/track',
        payload: { caseNumber: row.caseNumber, lookupCode: row.lookupCode },
        remoteAddress: nextIp(),
      });
      const log = readLog();
      assert.match(log, /"path":"\/track"/);
      assert.match(log, /"path":"\/api\/track"/);
      assert.ok(!log.includes(row.lookupCode), 'the code is not logged');
      assert.ok(!log.includes(row.caseNumber), 'the number is not logged');
      assert.ok(!log.includes('王'), 'no personal data');
    } finally {
      await app.close();
    }
  });
});
