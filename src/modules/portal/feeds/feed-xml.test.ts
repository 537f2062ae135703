import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  atomFeed,
  type FeedEntry,
  type FeedFacts,
  rfc822DateTime,
  rssFeed,
  sitemapIndexText,
  sitemapUrlset,
  sitemapUrlsetText,
  w3cDateTime,
} from './feed-xml.ts';
import { childCount, childSpan, entriesPerChild, staticSitemapEntries, urlsOfEntry } from './sitemap-plan.ts';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: () => false });

function parsed(xml: string): Record<string, unknown> {
  assert.equal(XMLValidator.validate(xml), true, xml.slice(0, 400));
  return parser.parse(xml) as Record<string, unknown>;
}

const facts: FeedFacts = {
  lang: 'zh-TW',
  title: '工務局新聞稿 <最新> & 公告',
  description: '最新 50 則',
  selfUrl: 'https://onewindow.example.tw/feeds/news.rss',
  pageUrl: 'https://onewindow.example.tw/info/kinds/news',
  author: '高雄市政府工務局',
  licenceUrl: 'https://data.gov.tw/license',
  rights: '政府資料開放授權條款－第1版',
  emptyUpdated: new Date('2026-03-02T02:00:00Z'),
};

const entries: FeedEntry[] = [
  {
    url: 'https://onewindow.example.tw/info/items/12?a=1&b=2',
    // Everything a title may hold that XML does not take as is: markup, an ampersand, quotes, a NUL, a
    // vertical tab and a lone half of a surrogate pair.
    title: '道路挖掘 <b>"許可"</b> & \'公告\'\u0000\u000b\ud800完',
    summary: '摘要 1 < 2 && 3 > 2',
    published: new Date('2026-03-01T01:00:00Z'),
    updated: new Date('2026-03-01T03:00:00Z'),
    categories: ['新聞稿', '交通 & 道路'],
  },
  {
    url: 'https://onewindow.example.tw/info/items/11',
    title: '路燈維護',
    summary: '',
    published: new Date('2026-02-27T01:00:00Z'),
    updated: new Date('2026-02-27T01:00:00Z'),
    categories: ['新聞稿'],
  },
];

describe('feed XML', () => {
  it('writes dates as the formats ask: RFC 822 (RSS) and W3C in Taipei time (Atom, sitemaps)', () => {
    const moment = new Date('2026-03-01T17:30:00Z');
    assert.equal(rfc822DateTime(moment), 'Sun, 01 Mar 2026 17:30:00 GMT');
    assert.equal(w3cDateTime(moment), '2026-03-02T01:30:00+08:00');
  });

  it('an RSS 2.0 feed parses, with each item’s title, link, guid, date, description and categories', () => {
    const document = parsed(rssFeed(facts, entries)) as {
      rss: { '@version': string; channel: Record<string, unknown> & { item: Record<string, unknown>[] } };
    };
    assert.equal(document.rss['@version'], '2.0');
    const channel = document.rss.channel;
    assert.equal(channel.title, '工務局新聞稿 <最新> & 公告');
    assert.equal(channel.link, facts.pageUrl);
    assert.equal(channel.language, 'zh-tw');
    assert.equal(channel.lastBuildDate, 'Sun, 01 Mar 2026 03:00:00 GMT');
    assert.equal((channel['atom:link'] as Record<string, string>)['@href'], facts.selfUrl);
    const [first, second] = channel.item;
    assert.ok(first && second);
    assert.equal(first.title, '道路挖掘 <b>"許可"</b> & \'公告\'完');
    assert.equal(first.link, 'https://onewindow.example.tw/info/items/12?a=1&b=2');
    assert.equal(
      (first.guid as Record<string, string>)['#text'],
      'https://onewindow.example.tw/info/items/12?a=1&b=2',
    );
    assert.equal(first.pubDate, 'Sun, 01 Mar 2026 01:00:00 GMT');
    assert.equal(first.description, '摘要 1 < 2 && 3 > 2');
    assert.deepEqual(first.category, ['新聞稿', '交通 & 道路']);
    assert.equal(second.title, '路燈維護');
  });

  it('an Atom feed parses: ids are the pages’ addresses, times in Taipei time, categories as terms', () => {
    const document = parsed(atomFeed({ ...facts, lang: 'en', title: 'News' }, entries)) as {
      feed: Record<string, unknown> & { entry: Record<string, unknown>[] };
    };
    const feed = document.feed;
    assert.equal(feed['@xmlns'], 'http://www.w3.org/2005/Atom');
    assert.equal(feed['@xml:lang'], 'en');
    assert.equal(feed.id, facts.selfUrl);
    assert.equal(feed.updated, '2026-03-01T11:00:00+08:00');
    const [first] = feed.entry;
    assert.ok(first);
    assert.equal(first.id, entries[0]?.url);
    assert.equal((first.title as Record<string, string>)['#text'], '道路挖掘 <b>"許可"</b> & \'公告\'完');
    assert.equal((first.link as Record<string, string>)['@href'], entries[0]?.url);
    assert.equal(first.published, '2026-03-01T09:00:00+08:00');
    assert.deepEqual(
      (first.category as Record<string, string>[]).map((category) => category['@term']),
      ['新聞稿', '交通 & 道路'],
    );
  });

  it('an empty feed is still valid, dated when it was asked for', () => {
    const rss = parsed(rssFeed(facts, [])) as { rss: { channel: Record<string, unknown> } };
    assert.equal(rss.rss.channel.lastBuildDate, 'Mon, 02 Mar 2026 02:00:00 GMT');
    assert.equal(rss.rss.channel.item, undefined);
    const atom = parsed(atomFeed(facts, [])) as { feed: Record<string, unknown> };
    assert.equal(atom.feed.updated, '2026-03-02T10:00:00+08:00');
  });
});

describe('sitemap XML and its split', () => {
  it('a urlset names each language of a page with its alternates', async () => {
    const urls = urlsOfEntry(
      { path: '/info/items/3', langs: ['zh-TW', 'en'], lastModified: '2026-03-01' },
      'https://x.example',
    );
    const whole = sitemapUrlsetText(urls);
    async function* once() {
      yield urls;
    }
    let streamed = '';
    for await (const piece of sitemapUrlset(once())) streamed += piece;
    for (const xml of [whole, streamed]) {
      const document = parsed(xml) as { urlset: { url: Record<string, unknown>[] } };
      const [zh, en] = document.urlset.url;
      assert.ok(zh && en);
      assert.equal(zh.loc, 'https://x.example/info/items/3');
      assert.equal(en.loc, 'https://x.example/en/info/items/3');
      assert.equal(zh.lastmod, '2026-03-01');
      assert.deepEqual(
        (zh['xhtml:link'] as Record<string, string>[]).map((link) => [link['@hreflang'], link['@href']]),
        [
          ['zh-Hant-TW', 'https://x.example/info/items/3'],
          ['en', 'https://x.example/en/info/items/3'],
        ],
      );
    }
    // One language: no alternates.
    const single = urlsOfEntry({ path: '/faq/2', langs: ['zh-TW'] }, 'https://x.example');
    assert.deepEqual(single, [{ loc: 'https://x.example/faq/2', lastModified: null }]);
  });

  it('a sitemap index names each child', () => {
    const document = parsed(
      sitemapIndexText([
        { loc: 'https://x.example/sitemaps/1.xml', lastModified: new Date('2026-03-01T00:00:00Z') },
        { loc: 'https://x.example/sitemaps/2.xml' },
      ]),
    ) as { sitemapindex: { sitemap: Record<string, string>[] } };
    assert.deepEqual(
      document.sitemapindex.sitemap.map((child) => [child.loc, child.lastmod]),
      [
        ['https://x.example/sitemaps/1.xml', '2026-03-01T08:00:00+08:00'],
        ['https://x.example/sitemaps/2.xml', undefined],
      ],
    );
  });

  it('children hold at most the limit’s URLs: static pages first, then the index from its offset', () => {
    assert.equal(entriesPerChild(50_000), 25_000);
    // 200,000 things and 40 pages of the site: 9 children of 25,000 pages (≤ 50,000 URLs).
    assert.equal(childCount(200_040, 50_000), 9);
    assert.equal(childCount(0, 50_000), 1);
    assert.deepEqual(childSpan(1, 40, 50_000), {
      staticStart: 0,
      staticEnd: 40,
      indexOffset: 0,
      indexCount: 24_960,
    });
    assert.deepEqual(childSpan(2, 40, 50_000), {
      staticStart: 40,
      staticEnd: 40,
      indexOffset: 24_960,
      indexCount: 25_000,
    });
    // A tiny limit: 3 entries a child; 7 static pages span three children.
    assert.deepEqual(childSpan(3, 7, 6), { staticStart: 6, staticEnd: 7, indexOffset: 0, indexCount: 2 });
    assert.deepEqual(childSpan(4, 7, 6), { staticStart: 7, staticEnd: 7, indexOffset: 2, indexCount: 3 });
  });

  it('lists the site pages and the public reads that are pages, not files, APIs or queries', () => {
    const entries = staticSitemapEntries(
      [{ path: '/', updatedAt: '2026-11-26' }],
      [
        { route: '/services', examples: ['/services', '/services?q=x'], scopes: [], query: 'key' },
        { route: '/services/:code', examples: ['/services/a'], scopes: [], query: 'none' },
        { route: '/reports/:number', scopes: [], query: 'none' },
        { route: '/api/services', scopes: [], query: 'key', oneLanguage: true },
        { route: '/feeds/news.rss', scopes: [], query: 'none' },
        { route: '/open311/v2/:file', examples: ['/open311/v2/services.json'], scopes: [], query: 'key' },
      ],
    );
    assert.deepEqual(
      entries.map((entry) => [entry.path, entry.langs.join(','), entry.lastModified ?? null]),
      [
        ['/', 'zh-TW,en', '2026-11-26'],
        ['/services', 'zh-TW,en', null],
        ['/services/a', 'zh-TW,en', null],
      ],
    );
  });
});
