import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildTestApp, TestClock } from '../../../../test/helpers/test-app.ts';
import { buildApp } from '../../../app.ts';
import { aStaffMember, type TestStaffMember } from '../../../platform/auth/auth-test-support.ts';
import type { AppInstance } from '../../../platform/http/app-types.ts';
import { samplePng } from '../../../platform/uploads/upload-test-support.ts';
import type { CaseActor, CaseRow } from '../core/case-actor.ts';
import { storeAttachments } from '../core/case-attachments.ts';
import { cases } from '../core/cases-schema.ts';
import { caseActorOf, sidewalkReport, testCasesContext } from '../core/cases-test-support.ts';
import { requestExtension } from '../core/extensions.ts';
import type { OpenCaseInput } from '../core/intake-rules.ts';
import { openCase } from '../core/open-case.ts';
import { transitionCase } from '../core/transition-case.ts';
import type { TransitionInputValues } from '../core/workflow-definition.ts';
import type { CaseEvent } from '../core/workflows.ts';

/**
 * The public look-up over HTTP against a real PostgreSQL: what the applicant sees (and never sees), the
 * same answer for an unknown number and a wrong code, the per-number lockout and the per-IP limit, the
 * applicant's own actions, attachments with the code, and POST /api/track without any cookie.
 * Each test looks up from its own client IP, so the per-IP limit of one test never touches another.
 */

const clock = new TestClock(new Date('2026-03-02T02:00:00Z')); // Monday 10:00 in Taipei
const subject = await buildTestApp({ clock });
after(() => subject.app.close());

let lastIp = 0;
const nextIp = () => `198.51.100.${++lastIp}`;

interface Response {
  statusCode: number;
  body: string;
  headers: Record<string, string | string[] | number | undefined>;
  rawPayload: Buffer;
}

/** One person in a browser: their own IP, and the anonymous CSRF cookie the form page gives them. */
class Visitor {
  private csrfCookie: string | null = null;
  constructor(
    readonly app: AppInstance,
    readonly ip: string = nextIp(),
  ) {}

  private keep(response: Response): Response {
    const setCookie = response.headers['set-cookie'];
    for (const cookie of Array.isArray(setCookie) ? setCookie : setCookie ? [String(setCookie)] : []) {
      const match = /^ow_csrf=([^;]+)/.exec(cookie);
      if (match?.[1]) this.csrfCookie = match[1];
    }
    return response;
  }

  private cookieHeader(): Record<string, string> {
    return this.csrfCookie === null ? {} : { cookie: `ow_csrf=${this.csrfCookie}` };
  }

  async get(url: string): Promise<Response> {
    const response = await this.app.inject({
      method: 'GET',
      url,
      remoteAddress: this.ip,
      headers: this.cookieHeader(),
    });
    return this.keep(response as unknown as Response);
  }

  async post(url: string, fields: Record<string, string>): Promise<Response> {
    const response = await this.app.inject({
      method: 'POST',
      url,
      remoteAddress: this.ip,
      headers: { ...this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });
    return this.keep(response as unknown as Response);
  }

  /** Opens the form page, then sends it with that page's token. */
  async lookUp(caseNumber: string, lookupCode: string, lang: 'zh-TW' | 'en' = 'zh-TW'): Promise<Response> {
    const path = lang === 'en' ? '/en/track' : '/track';
    const form = await this.get(path);
    return this.post(path, { _csrf: csrfTokenIn(form.body), caseNumber, lookupCode });
  }

  /** Sends a form of a result page (withdraw, reopen, download) with its hidden fields and the given ones. */
  async submitForm(page: Response, action: string, fields: Record<string, string> = {}): Promise<Response> {
    const form = formWithAction(page.body, action);
    return this.post(action, { ...hiddenFields(form), ...fields });
  }
}

function csrfTokenIn(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('the page has no CSRF field');
  return match[1];
}

function formWithAction(html: string, action: string): string {
  const start = html.indexOf(`action="${action}"`);
  assert.ok(start !== -1, `a form posting to ${action}`);
  return html.slice(start, html.indexOf('</form>', start));
}

function hiddenFields(form: string): Record<string, string> {
  return Object.fromEntries(
    [...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((match) => [
      match[1] ?? '',
      (match[2] ?? '').replaceAll('&amp;', '&'),
    ]),
  );
}

function mainOf(html: string): string {
  return html.slice(html.indexOf('<main'), html.indexOf('</main>'));
}

function errorSummaryItems(html: string): string[] {
  const start = html.indexOf('govuk-error-summary__list');
  if (start === -1) return [];
  const list = html.slice(start, html.indexOf('</ul>', start));
  return [...list.matchAll(/<li>(.*?)<\/li>/g)].map((match) => (match[1] ?? '').replace(/<[^>]+>/g, ''));
}

let clerk: TestStaffMember;
let roadHandler: TestStaffMember;
let parksHandler: TestStaffMember;
let parksSupervisor: TestStaffMember;

before(async () => {
  const db = subject.database.db;
  clerk = await aStaffMember(db, { role: 'counter_clerk', displayName: '李櫃台' });
  roadHandler = await aStaffMember(db, { role: 'handler', displayName: '陳道路承辦' });
  parksHandler = await aStaffMember(db, { role: 'handler', unitCode: 'parks', displayName: '黃公園承辦' });
  parksSupervisor = await aStaffMember(db, {
    role: 'supervisor',
    unitCode: 'parks',
    displayName: '張公園股長',
  });
});

const context = () => testCasesContext(subject);

async function aCase(overrides: Partial<OpenCaseInput> = {}): Promise<CaseRow> {
  return openCase(context(), sidewalkReport(overrides), caseActorOf(clerk));
}

async function move(
  row: CaseRow,
  event: CaseEvent,
  input: TransitionInputValues,
  actor: CaseActor,
): Promise<CaseRow> {
  return transitionCase(context(), { caseId: row.id, expectedVersion: row.version, event, input }, actor);
}

async function currentRow(id: string): Promise<CaseRow> {
  const [row] = await subject.database.db.select().from(cases).where(eq(cases.id, id));
  assert.ok(row);
  return row;
}

/** Received by road maintenance, moved to parks, accepted, started, extended: notes of both kinds on the way. */
async function aCaseInProgressAtParks(): Promise<CaseRow> {
  let row = await aCase();
  row = await move(
    row,
    'transfer',
    {
      targetUnit: 'parks',
      reason: '地點在公園範圍內，改由公園處辦理。',
      internalNote: 'INTERNAL-道路處不收',
    },
    caseActorOf(roadHandler),
  );
  row = await move(row, 'accept', {}, caseActorOf(parksHandler));
  row = await move(
    row,
    'start',
    { publicNote: '已派員現場勘查。', internalNote: 'INTERNAL-里長很急，承辦人手機 0988777666' },
    caseActorOf(parksHandler),
  );
  await requestExtension(
    context(),
    { caseId: row.id, expectedVersion: row.version, amount: 3, reason: '需等待地磚材料到貨。' },
    caseActorOf(parksSupervisor),
  );
  return currentRow(row.id);
}

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
    assert.match(main, /人行道\/騎樓破損/);
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
      clerk.displayName,
      roadHandler.displayName,
      parksHandler.displayName,
      parksSupervisor.displayName,
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

  it('after 5 wrong codes for one number it is locked (429, Retry-After), even with the right code; other numbers are not; it ends by itself', async () => {
    const row = await aCase();
    const other = await aCase();
    const wrongCode = row.lookupCode === 'ZZZZ2222' ? 'YYYY3333' : 'ZZZZ2222';
    // Different visitors (IPs): the lockout is per number, not per client.
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 5; attempt += 1)
      statuses.push((await new Visitor(subject.app).lookUp(row.caseNumber, wrongCode)).statusCode);
    assert.deepEqual(statuses, [404, 404, 404, 404, 429]);

    const sixth = await new Visitor(subject.app).lookUp(row.caseNumber, row.lookupCode);
    assert.equal(sixth.statusCode, 429);
    const retryAfter = Number(sixth.headers['retry-after']);
    assert.ok(retryAfter > 14 * 60 && retryAfter <= 16 * 60, `Retry-After ${retryAfter}`);
    assert.match(errorSummaryItems(sixth.body)[0] ?? '', /查詢碼輸入錯誤次數過多.*暫停查詢約 1[56] 分鐘/);
    assert.ok(!sixth.body.includes('已收件'), 'no result while locked');
    const english = await new Visitor(subject.app).lookUp(row.caseNumber, row.lookupCode, 'en');
    assert.equal(english.statusCode, 429);
    assert.match(
      errorSummaryItems(english.body)[0] ?? '',
      /entered wrongly too many times.*about 1[56] minutes/,
    );

    // A number nobody has is locked the same way: a lockout says nothing about existence.
    const unknownNumber = '1150302-8765';
    for (let attempt = 1; attempt <= 4; attempt += 1)
      assert.equal((await new Visitor(subject.app).lookUp(unknownNumber, wrongCode)).statusCode, 404);
    assert.equal((await new Visitor(subject.app).lookUp(unknownNumber, wrongCode)).statusCode, 429);

    const otherNumber = await new Visitor(subject.app).lookUp(other.caseNumber, other.lookupCode);
    assert.equal(otherNumber.statusCode, 200, 'another number is not locked');

    clock.advance(retryAfter * 1000);
    const later = await new Visitor(subject.app).lookUp(row.caseNumber, row.lookupCode);
    assert.equal(later.statusCode, 200, 'the lockout ended by itself');
    assert.match(mainOf(later.body), /data-state="received"/);
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
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = await buildApp({
      config: subject.config,
      db: subject.database.db,
      pool: subject.database.pool,
      clock,
      jobs: subject.jobs,
      logger: { level: 'info', stream },
    });
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
      const log = lines.join('');
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
    const handler = caseActorOf(roadHandler);
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
});

describe('attachments', () => {
  it('are listed by name and downloaded only with the code', async () => {
    const row = await aCase();
    const png = samplePng();
    await storeAttachments(
      subject.database.db,
      row.id,
      [
        {
          fieldName: 'attachments',
          fileName: '現場照片.png',
          mediaType: 'image/png',
          extension: 'png',
          sizeBytes: png.length,
          content: png,
        },
      ],
      { staffId: clerk.id },
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
      parksHandler.displayName,
      'handler',
      'version',
    ])
      assert.ok(!response.body.includes(secret), `${secret} must not be in the JSON`);

    const english = await api({ caseNumber: row.caseNumber, lookupCode: row.lookupCode, lang: 'en' });
    assert.equal(english.json().stateLabel, 'In progress');
    assert.equal(english.json().timeline[1].label, 'Moved to Parks and Street Lights Office');
  });

  it('unknown number and wrong code → the same 404 body; empty fields → 400 listing both; lockout → 429', async () => {
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

    for (let attempt = 1; attempt <= 4; attempt += 1)
      await api({ caseNumber: row.caseNumber, lookupCode: wrongCode });
    const locked = await api({ caseNumber: row.caseNumber, lookupCode: row.lookupCode, lang: 'en' });
    assert.equal(locked.statusCode, 429);
    assert.equal(locked.json().code, 'RATE_LIMITED');
    assert.match(locked.json().message, /entered wrongly too many times/);
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
