import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { mainOf } from '../../../../test/helpers/html.ts';
import { auditLog } from '../../../platform/auth/auth-schema.ts';
import { aSignedInMember } from '../../../platform/auth/auth-test-support.ts';
import type { CaseRow } from '../core/case-actor.ts';
import { caseActorOf } from '../core/cases-test-support.ts';
import { errorSummaryItems, trackTestBed, Visitor } from '../track/track-test-support.ts';
import { satisfactionAnswers } from './satisfaction-schema.ts';

/**
 * Satisfaction after closing (issue 11 §4) through the real app and database: the question on /track for a
 * closed case only, one answer per case stored with the case's service, unit and channel, problems in the
 * reader's language with what was typed kept; the staff results per service and unit, scoped like
 * supervision.
 */

const { clock, subject, cases, aCase, move, aCaseInProgressAtParks } = await trackTestBed();
const db = subject.database.db;

async function closedRoadCase(): Promise<CaseRow> {
  const handler = caseActorOf(cases().roadHandler);
  let row = await aCase();
  row = await move(row, 'accept', {}, handler);
  row = await move(row, 'start', {}, handler);
  row = await move(row, 'resolve', { resolution: '已更換破損地磚。' }, handler);
  return move(row, 'close', {}, handler);
}

async function closedParksCase(): Promise<CaseRow> {
  const handler = caseActorOf(cases().parksHandler);
  let row = await aCaseInProgressAtParks();
  row = await move(row, 'resolve', { resolution: '步道已修復。' }, handler);
  return move(row, 'close', {}, handler);
}

async function answerOf(caseId: string) {
  return db.select().from(satisfactionAnswers).where(eq(satisfactionAnswers.caseId, caseId));
}

/** Answers a closed case from its /track page. */
async function answer(row: CaseRow, fields: Record<string, string>, lang: 'zh-TW' | 'en' = 'zh-TW') {
  const visitor = new Visitor(subject.app);
  const page = await visitor.lookUp(row.caseNumber, row.lookupCode, lang);
  return visitor.submitForm(page, lang === 'en' ? '/en/track/satisfaction' : '/track/satisfaction', fields);
}

describe('the satisfaction question on /track', () => {
  it('a closed case is asked once: stored with its service, unit and channel; a second answer changes nothing', async () => {
    const row = await closedRoadCase();
    const visitor = new Visitor(subject.app);
    const page = await visitor.lookUp(row.caseNumber, row.lookupCode);
    const main = mainOf(page.body);
    assert.match(main, /<section id="satisfaction"[^>]*data-satisfaction="ask"/);
    assert.match(main, /請告訴我們這次的服務如何/);
    for (const words of ['很不滿意', '不滿意', '普通', '滿意', '很滿意'])
      assert.match(main, new RegExp(`>${words}</label>`));
    assert.match(main, /name="score" type="radio" value="5"/);

    const answered = await visitor.submitForm(page, '/track/satisfaction', {
      score: '4',
      comment: '承辦人說明清楚。',
    });
    assert.equal(answered.statusCode, 200);
    const after = mainOf(answered.body);
    assert.match(after, /謝謝您告訴我們這次的服務如何。/);
    assert.match(after, /data-satisfaction="answered"/);
    assert.doesNotMatch(after, /action="\/track\/satisfaction"/, 'no form once answered');
    const [stored] = await answerOf(row.id);
    assert.ok(stored);
    assert.equal(stored.score, 4);
    assert.equal(stored.comment, '承辦人說明清楚。');
    assert.equal(stored.serviceCode, 'road-maintenance-petition');
    assert.equal(stored.unitCode, 'road-maintenance');
    assert.equal(stored.channel, 'counter');
    assert.deepEqual(stored.answeredAt, clock.now());

    // The same form sent again (an old page): refused kindly, the first answer kept.
    const again = await visitor.submitForm(page, '/track/satisfaction', { score: '1', comment: '改變心意' });
    assert.equal(again.statusCode, 409);
    assert.deepEqual(errorSummaryItems(again.body), [
      '您已填寫過本案的滿意度，每件案件只收一次回答；先前的回答已保留，謝謝您。',
    ]);
    const [kept] = await answerOf(row.id);
    assert.equal(kept?.score, 4);
    assert.equal(kept?.comment, '承辦人說明清楚。');
  });

  it('a bad score and an over-long comment are listed at once in the reader’s language, what was typed kept', async () => {
    const row = await closedRoadCase();
    const zh = await answer(row, { score: '9', comment: '很好' });
    assert.equal(zh.statusCode, 400);
    assert.deepEqual(errorSummaryItems(zh.body), ['請選擇滿意度']);
    assert.match(mainOf(zh.body), /<textarea[^>]*name="comment"[^>]*>很好<\/textarea>/);

    const en = await answer(row, { score: '', comment: 'x'.repeat(4001) }, 'en');
    assert.equal(en.statusCode, 400);
    const items = errorSummaryItems(en.body);
    assert.equal(items.length, 2, items.join(' / '));
    assert.match(items[0] ?? '', /^Choose the level of satisfaction$/);
    assert.match(items[1] ?? '', /4000/);
    assert.deepEqual(await answerOf(row.id), [], 'nothing stored');
  });

  it('a case not closed shows no question and takes no answer; a wrong code is refused like a look-up', async () => {
    const open = await aCase();
    const visitor = new Visitor(subject.app);
    const page = await visitor.lookUp(open.caseNumber, open.lookupCode);
    assert.doesNotMatch(mainOf(page.body), /data-satisfaction|action="\/track\/satisfaction"/);
    const forced = await visitor.post('/track/satisfaction', {
      _csrf: /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '',
      caseNumber: open.caseNumber,
      lookupCode: open.lookupCode,
      score: '5',
      comment: '',
    });
    assert.equal(forced.statusCode, 409);
    assert.deepEqual(errorSummaryItems(forced.body), ['案件結案後才能填寫滿意度。']);
    assert.deepEqual(await answerOf(open.id), []);

    const closed = await closedRoadCase();
    const closedPage = await visitor.lookUp(closed.caseNumber, closed.lookupCode);
    const wrongCode = closed.lookupCode === 'ZZZZ2222' ? 'YYYY3333' : 'ZZZZ2222';
    const refused = await visitor.submitForm(closedPage, '/track/satisfaction', {
      score: '5',
      lookupCode: wrongCode,
    });
    assert.equal(refused.statusCode, 404);
    assert.deepEqual(await answerOf(closed.id), []);
  });
});

describe('the satisfaction results for staff', () => {
  it('per service and unit over a period: counts and averages; a supervisor sees only their unit; comments without personal data', async () => {
    clock.current = new Date('2026-04-10T02:00:00Z');
    const roadA = await closedRoadCase();
    const roadB = await closedRoadCase();
    const parks = await closedParksCase();
    assert.equal((await answer(roadA, { score: '5', comment: '處理迅速，謝謝。' })).statusCode, 200);
    assert.equal((await answer(roadB, { score: '2', comment: '' })).statusCode, 200);
    assert.equal((await answer(parks, { score: '4', comment: '公園步道修得很好。' })).statusCode, 200);

    const period = '?from=2026-04-10&to=2026-04-10';
    const secretariat = await aSignedInMember(subject, { role: 'secretariat' });
    const all = await secretariat.get(`/staff/satisfaction${period}`);
    assert.equal(all.statusCode, 200);
    const main = mainOf(all.body);
    const unitRow = (code: string) => {
      const start = main.indexOf(`data-code="${code}"`, main.indexOf('data-results="unit"'));
      assert.ok(start !== -1, `a row for ${code}`);
      return main.slice(start, main.indexOf('</tr>', start));
    };
    const cellsOf = (rowHtml: string) => ({
      count: /data-count="?[^>]*>(\d+)</.exec(rowHtml)?.[1],
      average: /data-average="?[^>]*>([\d.—]+)</.exec(rowHtml)?.[1],
      scores: [1, 2, 3, 4, 5].map((score) => new RegExp(`data-score="${score}">(\\d+)<`).exec(rowHtml)?.[1]),
    });
    assert.deepEqual(cellsOf(unitRow('road-maintenance')), {
      count: '2',
      average: '3.5',
      scores: ['0', '1', '0', '0', '1'],
    });
    assert.deepEqual(cellsOf(unitRow('parks')), {
      count: '1',
      average: '4.0',
      scores: ['0', '0', '0', '1', '0'],
    });
    assert.match(main, /處理迅速，謝謝。/);
    assert.match(main, /公園步道修得很好。/);
    assert.doesNotMatch(main, /王小明|0912345678|wang@example\.tw/, 'no applicant’s personal data');
    assert.doesNotMatch(main, new RegExp(roadA.caseNumber), 'no case numbers either');

    const [audited] = await db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'satisfaction.results_view'),
          eq(auditLog.actorLabel, secretariat.member.email),
        ),
      );
    assert.ok(audited, 'the read is audited');

    const parksSupervisor = await aSignedInMember(subject, { role: 'supervisor', unitCode: 'parks' });
    const own = mainOf((await parksSupervisor.get(`/en/staff/satisfaction${period}`)).body);
    assert.match(own, /for Parks/);
    assert.match(own, /data-code="parks"/);
    assert.doesNotMatch(own, /data-code="road-maintenance"/);
    assert.doesNotMatch(own, /處理迅速/, 'not another unit’s comments');

    const badPeriod = await secretariat.get('/staff/satisfaction?from=2026-02-30&to=2026-01-01');
    assert.equal(badPeriod.statusCode, 400);
    assert.deepEqual(errorSummaryItems(badPeriod.body), ['請輸入正確的日期，例如 2026-03-01。']);
    assert.match(mainOf(badPeriod.body), /name="from"[^>]*value="2026-02-30"/);

    const handler = await aSignedInMember(subject, { role: 'handler' });
    assert.equal((await handler.get('/staff/satisfaction')).statusCode, 403);
  });
});
