import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/helpers/test-database.ts';
import type { Database } from '../db/database.ts';
import { indexDocuments } from './search-index.ts';
import { forgetSynonyms, type SearchOptions, searchSite } from './search-query.ts';
import { searchMisses, searchSynonyms } from './search-schema.ts';

/**
 * searchSite on documents of its own (words no demo item holds: 螢石, 翡翠 …), beside the seeded demo data:
 * ranking, synonyms, relaxation, filters, the advanced words, the visible window, suggestions, misses.
 */
describe('searchSite', () => {
  let handle: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: Database;
  const now = new Date('2026-12-01T04:00:00Z');
  const search = (options: Partial<SearchOptions> & { query: string }) =>
    searchSite(db, { lang: 'zh-TW', page: 1, now, recordMiss: false, ...options });
  const paths = async (options: Partial<SearchOptions> & { query: string }) =>
    (await search(options)).hits.map((hit) => hit.path);

  before(async () => {
    handle = await createTestDatabase();
    db = handle.db;
    const doc = (path: string, extra: Record<string, unknown>) => ({
      lang: 'zh-TW' as const,
      kind: 'announcement',
      path,
      title: '',
      ...extra,
    });
    await indexDocuments(db, 'test', 'title', [
      doc('/t/title', {
        title: '螢石步道修繕公告',
        body: '本處辦理步道工程。',
        unitCode: 'parks',
        publishedOn: '2026-03-01',
        themeCodes: ['T1'],
      }),
    ]);
    await indexDocuments(db, 'test', 'body', [
      doc('/t/body', {
        kind: 'faq',
        title: '步道何時開放？',
        body: `${'說明文字。'.repeat(30)}螢石步道修繕期間暫停開放，完工後公告。`,
        unitCode: 'building',
        publishedOn: '2026-06-01',
      }),
    ]);
    await indexDocuments(db, 'test', 'file', [
      doc('/t/file', {
        kind: 'form',
        title: '翡翠廣場使用申請書',
        body: '請下載附件。',
        fileText: '附件一：翡翠廣場使用申請書。申請人應於活動十四日前提出，並檢附琥珀登記簿。',
        unitCode: 'parks',
        publishedOn: '2026-09-01',
      }),
    ]);
    await indexDocuments(db, 'test', 'future', [
      doc('/t/future', { title: '螢石步道明年計畫', visibleFrom: new Date('2027-01-01T00:00:00Z') }),
    ]);
    await indexDocuments(db, 'test', 'expired', [
      doc('/t/expired', { title: '螢石步道舊公告', visibleUntil: new Date('2026-11-01T00:00:00Z') }),
    ]);
    await indexDocuments(db, 'test', 'english', [
      {
        lang: 'en',
        kind: 'news',
        path: '/t/english',
        title: 'Fluorite trail reopens',
        body: 'The fluorite trail is open again.',
      },
    ]);
    await db.insert(searchSynonyms).values({ phrase: '石頭路壞了', expansion: '螢石步道修繕 步道損壞' });
    forgetSynonyms();
  });
  after(() => handle.close());

  it('ranks a title holding the phrase first, then a text holding it, and marks the passage', async () => {
    const results = await search({ query: '螢石步道' });
    assert.deepEqual(
      results.hits.map((hit) => hit.path),
      ['/t/title', '/t/body'],
    );
    const body = results.hits[1];
    assert.ok(body?.snippet.text.includes('螢石步道修繕期間暫停開放'));
    const marked = body?.snippet.highlights.map((range) =>
      body.snippet.text.slice(range.start, range.start + range.length),
    );
    assert.deepEqual(marked, ['螢石步道']);
    assert.equal(results.total, 2);
    assert.equal(results.isRelaxed, false);
  });

  it('finds the bureau’s words through a synonym, and drops the question words', async () => {
    assert.deepEqual((await paths({ query: '石頭路壞了要找誰？' })).slice(0, 2), ['/t/title', '/t/body']);
  });

  it('relaxes a long question to the concepts documents hold, and says so', async () => {
    const results = await search({ query: '螢石步道的鐵皮屋頂要申請什麼' });
    assert.equal(results.isRelaxed, true);
    assert.equal(results.hits[0]?.path, '/t/title');
  });

  it('says when the best passage is in an attached file', async () => {
    const results = await search({ query: '琥珀登記簿' });
    assert.equal(results.hits[0]?.path, '/t/file');
    assert.equal(results.hits[0]?.snippet.isInFile, true);
  });

  it('filters by kind, unit, date range and classification', async () => {
    assert.deepEqual(await paths({ query: '螢石步道', kinds: ['faq'] }), ['/t/body']);
    assert.deepEqual(await paths({ query: '螢石步道', unitCode: 'parks' }), ['/t/title']);
    assert.deepEqual(await paths({ query: '螢石步道', from: '2026-05-01', to: '2026-12-31' }), ['/t/body']);
    assert.deepEqual(await paths({ query: '螢石步道', themeCode: 'T1' }), ['/t/title']);
    // A filter alone lists what it holds, newest first.
    const parks = await paths({ query: '', unitCode: 'parks', kinds: ['form'] });
    assert.ok(parks.includes('/t/file'));
  });

  it('reads AND / OR / NOT in the box and the advanced words, and where to look', async () => {
    assert.deepEqual(await paths({ query: '螢石 NOT 開放' }), ['/t/title']);
    assert.deepEqual(await paths({ query: '螢石 -修繕公告' }), ['/t/body']);
    assert.deepEqual((await paths({ query: '翡翠廣場 OR 螢石步道' })).toSorted(), [
      '/t/body',
      '/t/file',
      '/t/title',
    ]);
    assert.deepEqual(await paths({ query: '', advanced: { all: '螢石 步道', none: '開放' } }), ['/t/title']);
    assert.deepEqual((await paths({ query: '', advanced: { any: '翡翠廣場 螢石步道修繕' } })).toSorted(), [
      '/t/body',
      '/t/file',
      '/t/title',
    ]);
    assert.deepEqual(await paths({ query: '螢石步道', fields: 'title' }), ['/t/title']);
    assert.deepEqual(await paths({ query: '螢石步道', fields: 'body' }), ['/t/body']);
    // Strict: a word nothing holds finds nothing (no relaxation).
    assert.deepEqual(await paths({ query: '螢石 AND 不存在詞' }), []);
    // Every word named is required, a single character too.
    assert.deepEqual(await paths({ query: '螢石 AND 燈' }), []);
  });

  it('never finds what is not yet or no longer shown', async () => {
    const found = await paths({ query: '螢石步道' });
    assert.ok(!found.includes('/t/future'));
    assert.ok(!found.includes('/t/expired'));
    const later = await search({ query: '螢石步道', now: new Date('2027-02-01T00:00:00Z') });
    assert.ok(later.hits.some((hit) => hit.path === '/t/future'));
  });

  it('searches the English documents on the English side', async () => {
    assert.deepEqual(await paths({ query: 'fluorite trail', lang: 'en' }), ['/t/english']);
    assert.deepEqual(await paths({ query: 'fluorite trail' }), []);
  });

  it('suggests near misses: a Chinese typo by shared bigrams, an English one by pg_trgm', async () => {
    const typo = await search({ query: '翡翠廣場使用申清書' });
    assert.ok(typo.suggestions.includes('翡翠廣場使用申請書'), `suggestions: ${typo.suggestions.join(', ')}`);
    const english = await search({ query: 'fluorit', lang: 'en' });
    assert.equal(english.total, 0);
    assert.ok(
      english.suggestions.includes('Fluorite trail reopens'),
      `suggestions: ${english.suggestions.join(', ')}`,
    );
  });

  it('logs a query that found nothing, scrubbed of personal data, counted per day and language', async () => {
    const query = '王小明 0912-345-678 A123456789 someone@example.com 螺旋藻星球';
    const first = await searchSite(db, { lang: 'zh-TW', query, page: 1, now });
    assert.equal(first.total, 0);
    await searchSite(db, { lang: 'zh-TW', query, page: 1, now });
    const rows = await db.select().from(searchMisses).where(sql`${searchMisses.query} like '%螺旋藻星球%'`);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.query, '王小明 〔phone〕 〔ID〕 〔e-mail〕 螺旋藻星球');
    assert.equal(rows[0]?.count, 2);
    assert.equal(rows[0]?.day, '2026-12-01');
    assert.equal(rows[0]?.lang, 'zh-TW');
    const all = await db.select().from(searchMisses);
    for (const row of all) assert.doesNotMatch(row.query, /\d|@/);
    // Found something, or asked not to: nothing logged.
    await searchSite(db, { lang: 'zh-TW', query: '螢石步道', page: 1, now });
    const found = await db.select().from(searchMisses).where(eq(searchMisses.query, '螢石步道'));
    assert.equal(found.length, 0);
  });

  it('pages through the results', async () => {
    const first = await search({ query: '螢石步道', pageSize: 1 });
    const second = await search({ query: '螢石步道', pageSize: 1, page: 2 });
    assert.equal(first.pageCount, 2);
    assert.equal(second.hits[0]?.path, '/t/body');
  });

  it('finds what every segment of the terms index holds: site pages, the FAQ, all eight parts of the content', async () => {
    const row = (path: string, title: string) => ({ lang: 'zh-TW' as const, kind: 'news', path, title });
    for (let number = 0; number < 64; number += 1)
      await indexDocuments(db, 'content', `agate-${number}`, [
        row(`/t/agate-${number}`, `瑪瑙階梯整修 ${number}`),
      ]);
    await indexDocuments(db, 'faq', 'agate', [{ ...row('/t/agate-faq', '瑪瑙階梯何時整修？'), kind: 'faq' }]);
    await indexDocuments(db, 'service', 'agate', [
      { ...row('/t/agate-service', '瑪瑙階梯整修申請'), kind: 'service' },
    ]);
    const parts = await db.execute<{ parts: number }>(
      sql`select count(distinct hashtext(source_id) & 7)::int as parts from search_documents where source = 'content' and source_id like 'agate-%'`,
    );
    assert.equal(parts.rows[0]?.parts, 8);
    const results = await search({ query: '瑪瑙階梯', pageSize: 70 });
    assert.equal(results.total, 66);
    assert.equal(results.isTotalCapped, false);
    const found = new Set(results.hits.map((hit) => hit.path));
    for (let number = 0; number < 64; number += 1)
      assert.ok(found.has(`/t/agate-${number}`), `agate-${number}`);
    assert.ok(found.has('/t/agate-faq') && found.has('/t/agate-service'));
    // A relaxed question and a filter read the same segments.
    const relaxed = await search({ query: '瑪瑙階梯整修要等多久 螺旋藻', pageSize: 70 });
    assert.equal(relaxed.isRelaxed, true);
    assert.equal(relaxed.total, 66);
    assert.equal((await search({ query: '瑪瑙階梯', kinds: ['faq'] })).total, 1);
  });
});
