import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { decode, mainOf } from '../../../../test/helpers/html.ts';
import { buildTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { auditLog } from '../../../platform/auth/auth-schema.ts';
import { aSignedInMember, csrfTokenIn, TestBrowser } from '../../../platform/auth/auth-test-support.ts';
import { searchSite } from '../../../platform/search/search-query.ts';
import { searchDocuments } from '../../../platform/search/search-schema.ts';
import type { DemoFaqEntry } from './faq-demo-data.ts';
import { faqLimits } from './faq-rules.ts';
import { faqEntries, faqFeedback } from './faq-schema.ts';
import { demoEntryId, seedDemoFaq } from './faq-seed.ts';

/**
 * The FAQ (issue 15 §5): an entry's public page in both languages, "was this useful?" (every problem at
 * once, the thanks, the limit per client), the editors' create/edit/publish/withdraw with the search index,
 * and the service page's FAQ section.
 */

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const unique = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

const chineseOnly: DemoFaqEntry = {
  key: `test-chinese-${unique}`,
  unitCode: 'road-maintenance',
  questionZh: `人行道地磚鬆動要找誰？${unique}`,
  questionEn: '',
  variantsZh: ['人行道壞了'],
  variantsEn: [],
  answerZh: '請向養護工程處通報。\n\n我們會在五個工作天內派員查看。',
  answerEn: '',
  relatedServiceCodes: ['road-maintenance-petition'],
  // 人行道與騎樓 in the demo theme list (content's demo classifications).
  themeCodes: ['312'],
  cakeCodes: [],
  serviceCodes: ['A00'],
};

const bilingual: DemoFaqEntry = {
  ...chineseOnly,
  key: `test-bilingual-${unique}`,
  questionZh: `挖馬路要申請什麼？${unique}`,
  questionEn: `What do I need to dig up a road? ${unique}`,
  variantsZh: ['挖路要申請嗎'],
  variantsEn: ['road digging permit'],
  answerZh: '請先申請道路挖掘許可。',
  answerEn: 'Apply for a road excavation permit first.',
  relatedServiceCodes: ['road-excavation-permit'],
  themeCodes: [],
};

describe('the FAQ', () => {
  let subject: TestApp;
  let chineseNumber: number;
  let bilingualNumber: number;
  before(async () => {
    subject = await buildTestApp();
    await seedDemoFaq(subject.database.db, [chineseOnly, bilingual]);
    const numberOf = async (key: string) => {
      const [row] = await subject.database.db
        .select({ number: faqEntries.number })
        .from(faqEntries)
        .where(eq(faqEntries.id, demoEntryId(key)));
      assert.ok(row);
      return row.number;
    };
    chineseNumber = await numberOf(chineseOnly.key);
    bilingualNumber = await numberOf(bilingual.key);
  });
  after(() => subject.app.close());

  it('the demo seed is idempotent: a second run updates the same entries, with their index rows', async () => {
    const { db } = subject.database;
    await seedDemoFaq(db, [chineseOnly, { ...bilingual, answerZh: '請先申請道路挖掘許可（更新）。' }]);
    const rows = await db
      .select()
      .from(faqEntries)
      .where(eq(faqEntries.id, demoEntryId(bilingual.key)));
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.number, bilingualNumber);
    assert.equal(rows[0]?.answerZh, '請先申請道路挖掘許可（更新）。');
    assert.equal(rows[0]?.isDemo, true);
    const indexed = await db
      .select({ lang: searchDocuments.lang, kind: searchDocuments.kind, path: searchDocuments.path })
      .from(searchDocuments)
      .where(and(eq(searchDocuments.source, 'faq'), eq(searchDocuments.sourceId, String(bilingualNumber))));
    assert.deepEqual(indexed.map((row) => row.lang).sort(), ['en', 'zh-TW']);
    assert.ok(indexed.every((row) => row.kind === 'faq' && row.path === `/faq/${bilingualNumber}`));
  });

  it('an entry’s page shows its question, answer, unit with its contact, related services and classifications', async () => {
    const page = await new TestBrowser(subject.app).get(`/faq/${chineseNumber}`);
    assert.equal(page.statusCode, 200);
    const main = decode(mainOf(page.body));
    assert.match(
      main,
      new RegExp(`<h1 class="govuk-heading-l" id="faq-question">${chineseOnly.questionZh}</h1>`),
    );
    assert.match(
      main,
      /<p class="govuk-body">請向養護工程處通報。<\/p>\s*<p class="govuk-body">我們會在五個工作天內派員查看。<\/p>/,
    );
    assert.match(main, /id="faq-unit"[\s\S]*養護工程處[\s\S]*href="tel:/);
    assert.match(main, /<a class="govuk-link" href="\/services\/road-maintenance-petition">[^<]+<\/a>/);
    assert.match(main, /id="faq-classifications"[\s\S]*服務分類[\s\S]*\(A00\)/);
    assert.match(main, /data-demo="true"/);
    assert.doesNotMatch(main, /id="faq-no-english"/);
    // "Was this useful?", labelled in the page's language.
    assert.match(main, /<label class="govuk-label govuk-radios__label" for="useful">有幫助<\/label>/);
    assert.match(main, /<label class="govuk-label govuk-radios__label" for="useful-2">沒有幫助<\/label>/);
    assert.match(page.body, /<meta name="DC.Identifier" content="[^"]*faq-\d+/);
  });

  it('in English, an entry without English says so and shows the Chinese; one with English is in English', async () => {
    const browser = new TestBrowser(subject.app);
    const chinese = decode(mainOf((await browser.get(`/en/faq/${chineseNumber}`)).body));
    assert.match(
      chinese,
      /id="faq-no-english">This question and answer are not available in English yet\. They are shown in Chinese below\./,
    );
    assert.match(
      chinese,
      new RegExp(`<h1 class="govuk-heading-l" lang="zh-TW" id="faq-question">${chineseOnly.questionZh}`),
    );
    assert.match(chinese, /for="useful">Yes, it was useful<\/label>/);
    const english = decode(mainOf((await browser.get(`/en/faq/${bilingualNumber}`)).body));
    assert.doesNotMatch(english, /faq-no-english/);
    assert.match(
      english,
      new RegExp(`<h1 class="govuk-heading-l" id="faq-question">${escaped(bilingual.questionEn)}</h1>`),
    );
    assert.match(english, /Apply for a road excavation permit first\./);
  });

  it('the list groups the published entries by unit, keeps one unit’s when asked, and links each', async () => {
    const browser = new TestBrowser(subject.app);
    const all = decode(mainOf((await browser.get('/faq')).body));
    const units = [...all.matchAll(/<section data-unit="([^"]+)">/g)].map((match) => match[1]);
    assert.ok(units.length >= 1);
    assert.equal(new Set(units).size, units.length, 'each unit once on a page');
    assert.match(
      all,
      /<form method="get" action="\/search" id="faq-search"><input type="hidden" name="kind" value="faq"/,
    );
    const page = await browser.get('/faq?unit=road-maintenance&order=useful');
    assert.equal(page.statusCode, 200);
    const main = decode(mainOf(page.body));
    assert.deepEqual(
      [...main.matchAll(/<section data-unit="([^"]+)">/g)].map((match) => match[1]),
      ['road-maintenance'],
    );
    assert.match(main, new RegExp(`href="/faq/${chineseNumber}">${chineseOnly.questionZh}`));
    assert.match(main, /<strong aria-current="true">最多人覺得有用<\/strong>/);
    const byTheme = decode(mainOf((await browser.get('/faq?theme=312')).body));
    assert.match(
      byTheme,
      /<li data-theme="312"><strong aria-current="true">人行道與騎樓[^<]*<\/strong><\/li>/,
    );
    assert.match(byTheme, new RegExp(`href="/faq/${chineseNumber}"`));
    assert.doesNotMatch(byTheme, new RegExp(`href="/faq/${bilingualNumber}"`));
    const english = decode(mainOf((await browser.get('/en/faq?unit=road-maintenance')).body));
    assert.match(
      english,
      new RegExp(`href="/en/faq/${chineseNumber}"><span lang="zh-TW">${chineseOnly.questionZh}</span>`),
    );
    assert.match(
      english,
      new RegExp(`href="/en/faq/${bilingualNumber}">${escaped(bilingual.questionEn)}</a>`),
    );
  });

  async function feedbackPage(browser: TestBrowser, number: number) {
    const page = await browser.get(`/faq/${number}`);
    return csrfTokenIn(page.body);
  }

  it('records "useful", and "not useful" with a comment, then thanks the reader', async () => {
    const { db } = subject.database;
    const browser = new TestBrowser(subject.app);
    const token = await feedbackPage(browser, chineseNumber);
    const yes = await browser.post(`/faq/${chineseNumber}/feedback`, {
      _csrf: token,
      useful: 'yes',
      comment: '',
    });
    assert.equal(yes.statusCode, 303);
    assert.equal(yes.headers.location, `/faq/${chineseNumber}?thanks=1`);
    const thanks = decode(mainOf((await browser.get(String(yes.headers.location))).body));
    assert.match(thanks, /謝謝您的意見！/);
    assert.doesNotMatch(thanks, /name="useful"/);
    const no = await browser.post(`/en/faq/${chineseNumber}/feedback`, {
      _csrf: token,
      useful: 'no',
      comment: '  The phone number did not answer.  ',
    });
    assert.equal(no.statusCode, 303);
    assert.equal(no.headers.location, `/en/faq/${chineseNumber}?thanks=1`);
    const [entry] = await db.select().from(faqEntries).where(eq(faqEntries.number, chineseNumber));
    const rows = await db
      .select({ isUseful: faqFeedback.isUseful, comment: faqFeedback.comment, lang: faqFeedback.lang })
      .from(faqFeedback)
      .where(eq(faqFeedback.faqId, entry?.id ?? ''));
    assert.deepEqual(rows.map((row) => [row.isUseful, row.comment, row.lang]).sort(), [
      [false, 'The phone number did not answer.', 'en'],
      [true, null, 'zh-TW'],
    ]);
  });

  it('a bad vote lists every problem at once, keeps the comment, and writes nothing', async () => {
    const { db } = subject.database;
    const browser = new TestBrowser(subject.app);
    const token = await feedbackPage(browser, bilingualNumber);
    const before = await db.select().from(faqFeedback);
    const response = await browser.post(`/en/faq/${bilingualNumber}/feedback`, {
      _csrf: token,
      useful: 'maybe',
      comment: `${'x'.repeat(4001)}`,
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /<title>Error: /);
    const main = decode(mainOf(response.body));
    assert.match(main, /<a href="#useful">Choose the yes or no answer<\/a>/);
    assert.match(main, /<a href="#comment">[^<]*4000[^<]*<\/a>/);
    assert.equal((main.match(/govuk-error-summary__list[\s\S]*?<\/ul>/)?.[0].match(/<li>/g) ?? []).length, 2);
    assert.equal((await db.select().from(faqFeedback)).length, before.length);
    const forged = await browser.post(`/faq/${bilingualNumber}/feedback`, { useful: 'yes' });
    assert.equal(forged.statusCode, 403);
    const unknown = await browser.post('/faq/999999999/feedback', { _csrf: token, useful: 'yes' });
    assert.equal(unknown.statusCode, 404);
  });

  it('the editors create, edit, publish and withdraw an entry: indexed, shown on its service page, audited', async () => {
    const { db } = subject.database;
    const editor = await aSignedInMember(subject, { role: 'web_editor' });
    const form = await editor.get('/staff/faq/new');
    assert.equal(form.statusCode, 200);
    // Every problem at once, what was typed kept, nothing written.
    const bad = await editor.post('/staff/faq/new', {
      _csrf: csrfTokenIn(form.body),
      questionZh: '',
      questionEn: 'Only the English question',
      answerZh: '',
      unitCode: 'nowhere',
      relatedServiceCodes: 'no-such-service',
      variantsZh: '路燈壞了',
    });
    assert.equal(bad.statusCode, 400);
    const badMain = decode(mainOf(bad.body));
    for (const target of ['questionZh', 'answerZh'])
      assert.match(badMain, new RegExp(`<a href="#${target}">`), target);
    assert.match(badMain, /value="Only the English question"/);
    assert.equal(
      (await db.select().from(faqEntries).where(eq(faqEntries.questionEn, 'Only the English question')))
        .length,
      0,
    );
    const rules = await editor.post('/staff/faq/new', {
      _csrf: csrfTokenIn(form.body),
      questionZh: '路燈不亮找誰',
      questionEn: 'Only the English question',
      answerZh: '請撥 1999。',
      unitCode: 'nowhere',
      relatedServiceCodes: 'no-such-service',
    });
    assert.equal(rules.statusCode, 400);
    const rulesMain = decode(mainOf(rules.body));
    assert.match(rulesMain, /<a href="#answerEn">[^<]*英文問題與英文回答須一併填寫/);
    assert.match(rulesMain, /<a href="#unitCode">[^<]*請從清單選擇承辦單位/);
    assert.match(rulesMain, /<a href="#relatedServiceCodes">[^<]*「no-such-service」不是目前的申辦服務/);

    const question = `路燈不亮要找誰？${unique}`;
    const created = await editor.post('/staff/faq/new', {
      _csrf: csrfTokenIn(form.body),
      questionZh: question,
      variantsZh: '路燈壞了\n\n路燈不會亮\n路燈壞了',
      answerZh: '請撥 1999 或上網通報。',
      unitCode: 'road-maintenance',
      relatedServiceCodes: 'road-excavation-permit',
      serviceCodes: 'A00',
    });
    assert.equal(created.statusCode, 303);
    const [entry] = await db.select().from(faqEntries).where(eq(faqEntries.questionZh, question));
    assert.ok(entry);
    assert.equal(created.headers.location, `/staff/faq/${entry.number}/edit?done=saved`);
    assert.equal(entry.state, 'draft');
    assert.deepEqual(entry.variantsZh, ['路燈壞了', '路燈不會亮']);
    assert.equal(entry.createdByStaffId, editor.member.id);
    const indexRows = () =>
      db
        .select()
        .from(searchDocuments)
        .where(and(eq(searchDocuments.source, 'faq'), eq(searchDocuments.sourceId, String(entry.number))));
    assert.equal((await indexRows()).length, 0);
    assert.equal((await new TestBrowser(subject.app).get(`/faq/${entry.number}`)).statusCode, 404);

    const edit = await editor.get(`/staff/faq/${entry.number}/edit?done=saved`);
    assert.match(edit.body, /已儲存。/);
    const edited = await editor.post(`/staff/faq/${entry.number}/edit`, {
      _csrf: csrfTokenIn(edit.body),
      questionZh: question,
      questionEn: 'Who do I call about a street light that is out?',
      variantsZh: '路燈壞了\n夜裡整條街黑漆漆',
      answerZh: '請撥 1999 或上網通報。',
      answerEn: 'Call 1999 or report it online.',
      unitCode: 'road-maintenance',
      relatedServiceCodes: 'road-excavation-permit',
    });
    assert.equal(edited.statusCode, 303);

    const publish = await editor.post(`/staff/faq/${entry.number}/publish`, {
      _csrf: csrfTokenIn(edit.body),
    });
    assert.equal(publish.statusCode, 303);
    assert.equal(publish.headers.location, `/staff/faq/${entry.number}/edit?done=published`);
    const rows = await indexRows();
    assert.deepEqual(rows.map((row) => row.lang).sort(), ['en', 'zh-TW']);
    const chineseRow = rows.find((row) => row.lang === 'zh-TW');
    assert.equal(chineseRow?.title, question);
    assert.equal(chineseRow?.kind, 'faq');
    assert.equal(chineseRow?.path, `/faq/${entry.number}`);
    assert.equal(chineseRow?.body, '請撥 1999 或上網通報。');
    // The variant is found as the title is: its bigrams are in the title's terms, and the site's search finds it.
    assert.match(chineseRow?.titleTerms ?? '', /壞了/);
    const found = () =>
      searchSite(db, {
        lang: 'zh-TW',
        query: '整條街黑漆漆',
        kinds: ['faq'],
        page: 1,
        pageSize: 50,
        now: subject.clock.now(),
        recordMiss: false,
      });
    assert.ok((await found()).hits.some((hit) => hit.path === `/faq/${entry.number}`));
    const published = await new TestBrowser(subject.app).get(`/en/faq/${entry.number}`);
    assert.equal(published.statusCode, 200);
    assert.match(decode(mainOf(published.body)), /Call 1999 or report it online\./);
    const service = decode(
      mainOf((await new TestBrowser(subject.app).get('/services/road-excavation-permit')).body),
    );
    assert.match(service, new RegExp(`id="service-faq"[\\s\\S]*href="/faq/${entry.number}">${question}</a>`));
    const serviceEn = decode(
      mainOf((await new TestBrowser(subject.app).get('/en/services/road-excavation-permit')).body),
    );
    assert.match(serviceEn, /Who do I call about a street light that is out\?/);
    const again = await editor.post(`/staff/faq/${entry.number}/publish`, { _csrf: csrfTokenIn(edit.body) });
    assert.equal(again.statusCode, 409);

    const list = decode(mainOf((await editor.get('/staff/faq')).body));
    assert.match(list, new RegExp(`<tr class="govuk-table__row" data-faq="${entry.number}">`));
    assert.match(list, /href="\/staff\/search" id="faq-misses-link"/);

    const withdraw = await editor.post(`/staff/faq/${entry.number}/withdraw`, {
      _csrf: csrfTokenIn(edit.body),
    });
    assert.equal(withdraw.statusCode, 303);
    assert.equal((await indexRows()).length, 0);
    assert.ok(!(await found()).hits.some((hit) => hit.path === `/faq/${entry.number}`));
    assert.equal((await new TestBrowser(subject.app).get(`/faq/${entry.number}`)).statusCode, 404);
    const serviceAfter = decode(
      mainOf((await new TestBrowser(subject.app).get('/services/road-excavation-permit')).body),
    );
    assert.doesNotMatch(serviceAfter, new RegExp(`href="/faq/${entry.number}"`));

    const audited = await db
      .select({ action: auditLog.action, details: auditLog.details })
      .from(auditLog)
      .where(eq(auditLog.targetId, entry.id));
    assert.deepEqual(audited.map((row) => row.action).sort(), [
      'faq.create',
      'faq.publish',
      'faq.update',
      'faq.withdraw',
    ]);
  });

  it('the editors see usefulness and the comments; a handler may not open the FAQ’s staff pages', async () => {
    const editor = await aSignedInMember(subject, { role: 'web_editor' });
    const list = decode(mainOf((await editor.get('/staff/faq')).body));
    const row =
      list.match(
        new RegExp(`<tr class="govuk-table__row" data-faq="${chineseNumber}">[\\s\\S]*?</tr>`),
      )?.[0] ?? '';
    assert.match(row, /data-yes="1"/);
    assert.match(row, /data-no="1"/);
    assert.match(row, /data-share="50"/);
    assert.match(list, /The phone number did not answer\./);
    // Comments are never on a public page.
    const publicPage = await new TestBrowser(subject.app).get(`/faq/${chineseNumber}`);
    assert.doesNotMatch(publicPage.body, /The phone number did not answer/);

    const handler = await aSignedInMember(subject, { role: 'handler' });
    assert.equal((await handler.get('/staff/faq')).statusCode, 403);
    assert.equal((await handler.get('/staff/faq/new')).statusCode, 403);
    const token = csrfTokenIn((await handler.get('/staff')).body);
    const posted = await handler.post('/staff/faq/new', { _csrf: token, questionZh: 'x', answerZh: 'y' });
    assert.equal(posted.statusCode, 403);
    const publish = await handler.post(`/staff/faq/${chineseNumber}/withdraw`, { _csrf: token });
    assert.equal(publish.statusCode, 403);
  });

  it('limits votes per client: past the limit the vote is refused kindly, and other clients still vote', async () => {
    const { db } = subject.database;
    const browser = new TestBrowser(subject.app);
    const token = await feedbackPage(browser, bilingualNumber);
    const vote = (ip: string) =>
      subject.app.inject({
        method: 'POST',
        url: `/faq/${bilingualNumber}/feedback`,
        remoteAddress: ip,
        headers: { cookie: browser.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: token, useful: 'yes' }).toString(),
      });
    for (let index = 0; index < faqLimits.feedbackPerClientPerHour; index += 1)
      assert.equal((await vote('203.0.113.77')).statusCode, 303);
    const counted = await db.select().from(faqFeedback);
    const limited = await vote('203.0.113.77');
    assert.equal(limited.statusCode, 429);
    assert.ok(Number(limited.headers['retry-after']) > 0);
    assert.match(decode(mainOf(limited.body)), /<a href="#useful">[^<]*您短時間內送出太多次意見/);
    assert.equal((await db.select().from(faqFeedback)).length, counted.length);
    // The page itself stays open to that client, and another client's vote counts.
    assert.equal(
      (await subject.app.inject({ url: `/faq/${bilingualNumber}`, remoteAddress: '203.0.113.77' }))
        .statusCode,
      200,
    );
    assert.equal((await vote('203.0.113.78')).statusCode, 303);
  });
});
