import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { decode, mainOf, summaryOf } from '../../../../test/helpers/html.ts';
import { buildTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { auditLog } from '../../../platform/auth/auth-schema.ts';
import { aSignedInMember } from '../../../platform/auth/auth-test-support.ts';
import { indexDocuments } from '../../../platform/search/search-index.ts';
import { searchMisses, searchSynonyms } from '../../../platform/search/search-schema.ts';
import { fieldLimits } from '../../../platform/web/components/field-limits.ts';

/** The search page, its JSON API and the staff's search pages, on the seeded demo data. */
describe('site search: page, API and staff pages', () => {
  let subject: TestApp;
  before(async () => {
    subject = await buildTestApp();
  });
  after(() => subject.app.close());
  const get = (url: string) => subject.app.inject({ method: 'GET', url });

  it('answers an everyday question with the right service first, its kind, unit and a marked snippet', async () => {
    const response = await get(`/search?q=${encodeURIComponent('路燈壞了找誰')}`);
    assert.equal(response.statusCode, 200);
    const main = mainOf(response.body);
    assert.match(main, /<h1 class="govuk-heading-xl">網站搜尋<\/h1>/);
    assert.match(main, /<form action="\/search" method="get" role="search"/);
    assert.match(main, /value="路燈壞了找誰"/);
    assert.match(main, /<h2 class="govuk-heading-l">搜尋結果<\/h2>/);
    const first = /<li class="govuk-!-margin-bottom-6">([\s\S]*?)<\/li>/.exec(main)?.[1] ?? '';
    assert.match(
      first,
      /<a class="govuk-link" href="\/(services\/street-light-repair|faq\/\d+|info\/items\/\d+)">/,
    );
    assert.match(main, /<mark>路燈<\/mark>/);
    assert.match(main, /公園處/);
    assert.match(main, /服務項目/);
    // The filters form keeps the words.
    assert.match(main, /<input type="hidden" name="q" value="路燈壞了找誰"\/>/);
  });

  it('finds the site’s own pages in either language', async () => {
    const chinese = await get(`/search?q=${encodeURIComponent('隱私')}`);
    assert.match(mainOf(chinese.body), /<a class="govuk-link" href="\/privacy">/);
    const english = await get('/en/search?q=privacy');
    assert.match(mainOf(english.body), /<a class="govuk-link" href="\/en\/privacy">/);
  });

  it('filters by kind and unit, and keeps the filters in the page links', async () => {
    const response = await get(`/search?q=${encodeURIComponent('路燈')}&kind=faq&unit=parks`);
    const main = mainOf(response.body);
    const links = [...main.matchAll(/<h3[^>]*>\s*<a class="govuk-link" href="([^"]+)"/g)].map(
      (match) => match[1],
    );
    assert.ok(links.length > 0);
    for (const link of links) assert.match(link ?? '', /^\/faq\/\d+$/);
    assert.match(main, /<option value="faq" selected>/);
    assert.match(main, /<option value="parks" selected>/);
  });

  it('says nothing was found, suggests near misses and helps, and logs the miss without personal data', async () => {
    const response = await get(`/search?q=${encodeURIComponent('螺旋藻星球 0912345678')}&kind=page`);
    assert.equal(response.statusCode, 200);
    const main = decode(mainOf(response.body));
    assert.match(main, /找不到符合「螺旋藻星球 0912345678」的結果/);
    assert.match(main, /可以試試/);
    assert.match(main, /清除篩選條件/);
    const rows = await subject.database.db.select().from(searchMisses);
    assert.ok(
      rows.some((row) => row.query === '螺旋藻星球 〔phone〕'),
      JSON.stringify(rows),
    );
    for (const row of rows) assert.doesNotMatch(row.query, /\d/);
  });

  it('suggests a title for a typo', async () => {
    await indexDocuments(subject.database.db, 'test', 'suggest', [
      { lang: 'zh-TW', kind: 'announcement', path: '/t/suggest', title: '瑪瑙溪護岸工程說明' },
    ]);
    // Nothing of that kind holds it: the page suggests the near title (of any kind).
    const response = await get(`/search?q=${encodeURIComponent('瑪瑙溪護岸公程')}&kind=faq`);
    const main = decode(mainOf(response.body));
    assert.match(
      main,
      /您是不是要找：<span><a class="govuk-link" href="\/search\?q=[^"]+">瑪瑙溪護岸工程說明<\/a>/,
    );
  });

  it('shows the advanced form with ?advanced=1, and reads its AND / OR / NOT words', async () => {
    const form = await get('/search?advanced=1');
    const main = mainOf(form.body);
    assert.match(main, /<h1 class="govuk-heading-xl">進階搜尋<\/h1>/);
    for (const name of ['all', 'any', 'none', 'in', 'kind', 'unit', 'from', 'to', 'service']) {
      assert.match(main, new RegExp(`name="${name}"`), name);
    }
    const searched = await get(
      `/search?advanced=1&all=${encodeURIComponent('道路 挖掘')}&none=${encodeURIComponent('公告 自治條例 計畫')}&in=title`,
    );
    const links = [
      ...mainOf(searched.body).matchAll(/<h3[^>]*>\s*<a class="govuk-link" href="([^"]+)"/g),
    ].map((match) => match[1]);
    assert.ok(links.includes('/services/road-excavation-permit'), links.join(' '));
    assert.match(mainOf(searched.body), /value="公告 自治條例 計畫"/);
  });

  it('an over-long query or a wrong filter is the form’s problem, every one at once, values kept', async () => {
    const typed = '路'.repeat(fieldLimits.searchTerms + 1);
    const response = await get(
      `/search?q=${encodeURIComponent(typed)}&from=2026-13-01&to=2026-01-01&unit=nowhere`,
    );
    assert.equal(response.statusCode, 400);
    assert.deepEqual(summaryOf(response.body), [
      ['search-page-query', '搜尋字詞最多 200 個字（現為 201 個字）'],
      ['from', '日期起請用「年-月-日」的格式，例如 2026-01-31'],
      ['unit', '請從清單中選擇承辦單位'],
    ]);
    assert.match(decode(mainOf(response.body)), new RegExp(`value="${typed}"`));
    const order = await get('/en/search?q=road&from=2026-05-01&to=2026-01-01');
    assert.deepEqual(summaryOf(order.body), [['to', 'The date from must not be after the date to']]);
  });

  it('GET /api/search: the same search as JSON, with snippets, highlights, units and paths', async () => {
    const response = await get(`/api/search?q=${encodeURIComponent('違建怎麼檢舉')}`);
    assert.equal(response.statusCode, 200);
    const body = response.json();
    assert.equal(body.query, '違建怎麼檢舉');
    assert.ok(body.total >= 3);
    assert.equal(body.page, 1);
    const paths = body.results.map((result: { path: string }) => result.path);
    assert.ok(paths.slice(0, 3).includes('/services/illegal-building-report'), paths.join(' '));
    const service = body.results.find(
      (result: { path: string }) => result.path === '/services/illegal-building-report',
    );
    assert.equal(service.kind, 'service');
    assert.equal(service.kindLabel, '服務項目');
    assert.deepEqual(service.unit, { code: 'illegal-building', name: '違章建築處理大隊' });
    assert.match(service.date, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(service.snippet.highlights.length > 0);
    for (const range of service.snippet.highlights) {
      const marked = service.snippet.text.slice(range.start, range.start + range.length);
      assert.ok(['違章建築', '違建', '檢舉', '查報', '陳情'].includes(marked), marked);
    }
    const english = await get('/api/search?q=street%20light&lang=en&kind=service');
    const englishBody = english.json();
    assert.equal(englishBody.results[0]?.path, '/en/services/street-light-repair');
    assert.equal(englishBody.results[0]?.kindLabel, 'Service');
    const bad = await get(`/api/search?q=${'x'.repeat(201)}&from=yesterday`);
    assert.equal(bad.statusCode, 400);
    const problem = bad.json();
    assert.equal(problem.code, 'VALIDATION_FAILED');
    assert.deepEqual(
      problem.errors.map((error: { field: string }) => error.field),
      ['q', 'from'],
    );
  });

  it('the API is in the OpenAPI document', async () => {
    const document = (await get('/api/openapi.json')).json();
    assert.ok(document.paths['/api/search']?.get, 'GET /api/search is documented');
  });

  it('staff: the misses page lists what was not found, by count, per language', async () => {
    const db = subject.database.db;
    await db.insert(searchMisses).values([
      { query: '石虎涵洞', lang: 'zh-TW', day: '2026-11-30', count: 3 },
      { query: '石虎涵洞', lang: 'zh-TW', day: '2026-12-01', count: 2 },
      { query: '很少人找', lang: 'zh-TW', day: '2026-12-01', count: 1 },
      { query: 'otter culvert', lang: 'en', day: '2026-12-01', count: 4 },
      { query: '太久以前', lang: 'zh-TW', day: '2026-09-01', count: 9 },
    ]);
    subject.clock.current = new Date('2026-12-02T02:00:00Z');
    const editor = await aSignedInMember(subject, { role: 'web_editor' });
    const page = await editor.get('/staff/search');
    assert.equal(page.statusCode, 200);
    const main = decode(mainOf(page.body));
    assert.match(main, /<h1 class="govuk-heading-l">搜尋不到結果的查詢<\/h1>/);
    assert.ok(main.indexOf('石虎涵洞') < main.indexOf('很少人找'));
    assert.match(
      main,
      /石虎涵洞<\/a><\/td><td class="govuk-table__cell govuk-table__cell--numeric">5<\/td><td class="govuk-table__cell govuk-table__cell--numeric">2<\/td>/,
    );
    assert.doesNotMatch(main, /太久以前/);
    assert.doesNotMatch(main, /otter culvert/);
    const english = await editor.get('/en/staff/search?lang=en');
    assert.match(decode(mainOf(english.body)), /otter culvert/);
    const handler = await aSignedInMember(subject, { role: 'handler' });
    assert.equal((await handler.get('/staff/search')).statusCode, 403);
    assert.equal((await handler.get('/staff/search/synonyms')).statusCode, 403);
  });

  it('staff: synonyms are added, changed and removed (audited); every problem at once; the search uses them', async () => {
    const editor = await aSignedInMember(subject, { role: 'web_editor' });
    const db = subject.database.db;
    const empty = await editor.submit('/staff/search/synonyms', '/staff/search/synonyms', {
      phrase: '',
      expansion: '',
    });
    assert.equal(empty.statusCode, 400);
    assert.deepEqual(summaryOf(empty.body), [
      ['phrase', '請填寫民眾常用的說法'],
      ['expansion', '請填寫本局用語'],
    ]);
    const clash = await editor.submit('/staff/search/synonyms', '/staff/search/synonyms', {
      phrase: ' 挖 馬路 ',
      expansion: '挖馬路',
    });
    assert.equal(clash.statusCode, 400);
    assert.deepEqual(summaryOf(clash.body), [
      ['expansion', '本局用語不能和常用說法相同'],
      ['phrase', '「挖馬路」已經有同義詞了，請修改那一組'],
    ]);
    assert.match(clash.body, /value=" 挖 馬路 "|value="挖 馬路"/);

    const before = await subject.app.inject({
      method: 'GET',
      url: `/api/search?q=${encodeURIComponent('青蛙燈')}`,
    });
    assert.equal(before.json().total, 0);
    const added = await editor.submit('/staff/search/synonyms', '/staff/search/synonyms', {
      phrase: '青蛙燈',
      expansion: '路燈維修  路燈故障',
    });
    assert.equal(added.statusCode, 303);
    assert.equal(added.headers.location, '/staff/search/synonyms?done=added');
    const [row] = await db.select().from(searchSynonyms).where(eq(searchSynonyms.phrase, '青蛙燈'));
    assert.equal(row?.expansion, '路燈維修 路燈故障');
    const found = await subject.app.inject({
      method: 'GET',
      url: `/api/search?q=${encodeURIComponent('青蛙燈')}`,
    });
    assert.match(found.json().results[0]?.title ?? '', /路燈/);

    const id = row?.id ?? '';
    const changed = await editor.submit(`/staff/search/synonyms/${id}`, `/staff/search/synonyms/${id}`, {
      phrase: '青蛙燈',
      expansion: '公園設施損壞',
    });
    assert.equal(changed.statusCode, 303);
    const removed = await editor.submit(
      `/staff/search/synonyms/${id}`,
      `/staff/search/synonyms/${id}/remove`,
      {},
    );
    assert.equal(removed.statusCode, 303);
    assert.equal((await db.select().from(searchSynonyms).where(eq(searchSynonyms.id, id))).length, 0);
    const actions = (await db.select().from(auditLog).where(eq(auditLog.targetId, id))).map(
      (entry) => entry.action,
    );
    assert.deepEqual(actions.toSorted(), [
      'portal.synonym_added',
      'portal.synonym_changed',
      'portal.synonym_removed',
    ]);
    const list = await editor.get('/staff/search/synonyms?done=removed');
    assert.match(list.body, /已刪除同義詞。/);
    assert.match(decode(mainOf(list.body)), /挖馬路/);
  });
});
