import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decode, mainOf } from '../../../../test/helpers/html.ts';
import { buildTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import type { Database } from '../../../platform/db/database.ts';
import { serviceClassifications, units } from '../../../platform/reference/reference-schema.ts';
import { indexDocuments } from '../../../platform/search/search-index.ts';
import { localePath } from '../../../platform/web/i18n.ts';
import { sitePages } from '../../../platform/web/site-pages.ts';
import { modules } from '../../index.ts';
import { contentItems, contentVersions } from '../content/content-schema.ts';
import { portalModule } from '../index.ts';
import { contentPaths } from '../shared/portal-paths.ts';
import { feedRoutesWith } from './feed-routes.ts';
import { feedRouteGroup } from './feeds-part.ts';

/**
 * The feeds, the sitemap and the open-data page through the app (issue 15 §6): only public items in the
 * feeds (published, shown now, not withdrawn), English titles in the English feeds; every public page in
 * the sitemap, split into children of at most the URL limit; every registry dataset on the open-data page.
 */

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (name) => ['item', 'entry', 'category', 'url', 'sitemap', 'xhtml:link'].includes(name),
});

function parsed(body: string): Record<string, unknown> {
  assert.equal(XMLValidator.validate(body), true, body.slice(0, 300));
  return parser.parse(body) as Record<string, unknown>;
}

const hour = 3_600_000;
const day = 24 * hour;
/** Unique per run, so titles never meet the demo content's. */
const mark = `t${Date.now().toString(36)}`;

interface Fixture {
  /** Item numbers by name. */
  numbers: Record<string, number>;
  serviceCodeName: { code: string; zh: string; en: string };
}

type ItemSpec = {
  name: string;
  kind: 'news' | 'announcement';
  titleZh: string;
  titleEn?: string;
  state?: 'approved' | 'draft' | 'withdrawn';
  published?: boolean;
  visibleFrom?: Date;
  visibleUntil?: Date;
  serviceCodes?: string[];
};

async function insertItems(db: Database, now: Date): Promise<Fixture> {
  const [unit] = await db.select({ code: units.code }).from(units).limit(1);
  const [service] = await db
    .select({
      code: serviceClassifications.code,
      zh: serviceClassifications.nameZh,
      en: serviceClassifications.nameEn,
    })
    .from(serviceClassifications)
    .limit(1);
  assert.ok(unit && service, 'the template holds units and the service classification');
  const specs: ItemSpec[] = [
    {
      name: 'public',
      kind: 'news',
      titleZh: `${mark} 道路挖掘新聞 <管線> & 公告`,
      titleEn: `${mark} Road excavation news`,
      visibleFrom: new Date(now.getTime() - day),
      serviceCodes: [service.code],
    },
    { name: 'draft', kind: 'news', titleZh: `${mark} 草稿新聞`, state: 'draft', published: false },
    { name: 'future', kind: 'news', titleZh: `${mark} 未來新聞`, visibleFrom: new Date(now.getTime() + day) },
    {
      name: 'withdrawn',
      kind: 'news',
      titleZh: `${mark} 撤下新聞`,
      state: 'withdrawn',
      visibleFrom: new Date(now.getTime() - 2 * day),
    },
    {
      name: 'expired',
      kind: 'news',
      titleZh: `${mark} 過期新聞`,
      visibleFrom: new Date(now.getTime() - 3 * day),
      visibleUntil: new Date(now.getTime() - hour),
    },
    {
      name: 'announcement',
      kind: 'announcement',
      titleZh: `${mark} 路燈公告`,
      visibleFrom: new Date(now.getTime() - hour),
    },
  ];
  const numbers: Record<string, number> = {};
  for (const spec of specs) {
    const isPublished = spec.published !== false;
    const [item] = await db
      .insert(contentItems)
      .values({
        kind: spec.kind,
        unitCode: unit.code,
        state: spec.state ?? 'approved',
        publishedVersion: isPublished ? 1 : null,
        visibleFrom: isPublished ? (spec.visibleFrom ?? null) : null,
        visibleUntil: spec.visibleUntil ?? null,
      })
      .returning({ id: contentItems.id, number: contentItems.number });
    assert.ok(item);
    await db.insert(contentVersions).values({
      itemId: item.id,
      version: 1,
      titleZh: spec.titleZh,
      titleEn: spec.titleEn ?? null,
      summaryZh: `${spec.titleZh} 的摘要`,
      summaryEn: spec.titleEn ? `Summary of ${spec.titleEn}` : null,
      serviceCodes: spec.serviceCodes ?? [],
      reviewedAt: spec.visibleFrom ?? null,
    });
    numbers[spec.name] = item.number;
  }
  // The search index: the public item in both languages, an FAQ entry in Chinese, one scheduled later.
  const publicNumber = numbers.public ?? 0;
  await indexDocuments(db, 'content', String(publicNumber), [
    { lang: 'zh-TW', kind: 'news', path: contentPaths.item(publicNumber), title: specs[0]?.titleZh ?? '' },
    { lang: 'en', kind: 'news', path: contentPaths.item(publicNumber), title: specs[0]?.titleEn ?? '' },
  ]);
  await indexDocuments(db, 'faq', `${mark}-faq`, [
    { lang: 'zh-TW', kind: 'faq', path: `/faq/${mark}`, title: `${mark} 路燈壞了找誰` },
  ]);
  await indexDocuments(db, 'content', `${mark}-later`, [
    {
      lang: 'zh-TW',
      kind: 'news',
      path: `/info/items/${mark}-later`,
      title: 'later',
      visibleFrom: new Date(now.getTime() + day),
    },
  ]);
  return { numbers, serviceCodeName: { code: service.code, zh: service.zh, en: service.en } };
}

type Item = Record<string, unknown>;

describe('portal feeds: news and announcements as RSS and Atom, in both languages', () => {
  let subject: TestApp;
  let fixture: Fixture;
  before(async () => {
    subject = await buildTestApp();
    fixture = await insertItems(subject.database.db, subject.clock.now());
  });
  after(() => subject.app.close());

  const get = (url: string) => subject.app.inject({ method: 'GET', url });
  const itemUrl = (lang: 'zh-TW' | 'en', name: string) =>
    `${subject.config.publicBaseUrl}${localePath(lang, contentPaths.item(fixture.numbers[name] ?? 0))}`;

  it('the news RSS holds the published news item and not the draft, future, withdrawn or expired ones', async () => {
    const response = await get('/feeds/news.rss');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/rss+xml; charset=utf-8');
    const channel = (parsed(response.body) as { rss: { channel: Item & { item?: Item[] } } }).rss.channel;
    assert.equal(channel.title, '高雄市政府工務局新聞稿');
    const ours = (channel.item ?? []).filter((item) => String(item.title).startsWith(mark));
    assert.deepEqual(
      ours.map((item) => item.title),
      [`${mark} 道路挖掘新聞 <管線> & 公告`],
    );
    const [item] = ours;
    assert.equal(item?.link, itemUrl('zh-TW', 'public'));
    assert.equal(item?.pubDate, new Date(subject.clock.now().getTime() - day).toUTCString());
    assert.equal(item?.description, `${mark} 道路挖掘新聞 <管線> & 公告 的摘要`);
    assert.deepEqual(item?.category, ['新聞稿', fixture.serviceCodeName.zh]);
    // No announcement in the news feed.
    assert.ok(!response.body.includes(`${mark} 路燈公告`));
  });

  it('the information pages name the four feeds for feed readers, in the page’s language', async () => {
    const zh = await get('/info');
    assert.equal(zh.statusCode, 200);
    for (const href of [
      '/feeds/news.rss',
      '/feeds/news.atom',
      '/feeds/announcements.rss',
      '/feeds/announcements.atom',
    ])
      assert.match(
        zh.body,
        new RegExp(
          `<link rel="alternate" type="application/(rss|atom)\\+xml" title="[^"]+" href="${href}"/>`,
        ),
      );
    assert.match(zh.body, /title="高雄市政府工務局新聞稿 \(RSS\)" href="\/feeds\/news.rss"/);
    const en = await get('/en/info');
    assert.match(
      en.body,
      /type="application\/atom\+xml" title="Public Works Bureau, Kaohsiung: announcements \(Atom\)" href="\/en\/feeds\/announcements.atom"/,
    );
    // A feed named is a feed served.
    assert.equal((await get('/en/feeds/announcements.atom')).statusCode, 200);
  });

  it('the English Atom feed uses the English title, address and category names', async () => {
    const response = await get('/en/feeds/news.atom');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/atom+xml; charset=utf-8');
    const feed = (parsed(response.body) as { feed: Item & { entry?: Item[] } }).feed;
    assert.equal(feed['@xml:lang'], 'en');
    const ours = (feed.entry ?? []).filter((entry) =>
      String((entry.title as Item)['#text']).startsWith(mark),
    );
    assert.deepEqual(
      ours.map((entry) => (entry.title as Item)['#text']),
      [`${mark} Road excavation news`],
    );
    const [entry] = ours;
    assert.ok(entry);
    assert.equal(entry.id, itemUrl('en', 'public'));
    assert.equal((entry.link as Item)['@href'], itemUrl('en', 'public'));
    assert.deepEqual(
      (entry.category as Item[]).map((category) => category['@term']),
      ['News releases', fixture.serviceCodeName.en],
    );
  });

  it('the announcements feeds hold announcements; without an English title the English feed shows the Chinese one', async () => {
    for (const [url, title] of [
      ['/feeds/announcements.atom', '高雄市政府工務局公告'],
      ['/en/feeds/announcements.rss', 'Public Works Bureau, Kaohsiung: announcements'],
    ] as const) {
      const response = await get(url);
      assert.equal(response.statusCode, 200, url);
      assert.ok(response.body.includes(`${mark} 路燈公告`), url);
      assert.ok(response.body.includes(title), url);
      assert.ok(!response.body.includes(`${mark} 道路挖掘新聞`), url);
    }
  });
});

async function sitemapLocs(
  get: (url: string) => Promise<{ statusCode: number; body: string; headers: Record<string, unknown> }>,
  base: string,
) {
  const index = await get('/sitemap.xml');
  assert.equal(index.statusCode, 200);
  assert.equal(index.headers['content-type'], 'application/xml; charset=utf-8');
  const children = (parsed(index.body) as { sitemapindex: { sitemap: Item[] } }).sitemapindex.sitemap.map(
    (child) => String(child.loc),
  );
  const perChild: Item[][] = [];
  for (const child of children) {
    assert.ok(child.startsWith(`${base}/sitemaps/`), child);
    const response = await get(child.slice(base.length));
    assert.equal(response.statusCode, 200, child);
    perChild.push((parsed(response.body) as { urlset: { url?: Item[] } }).urlset.url ?? []);
  }
  return { children, perChild, urls: perChild.flat() };
}

describe('portal sitemap: every public page, split into children of at most the limit', () => {
  let subject: TestApp;
  let small: TestApp;
  let fixture: Fixture;
  before(async () => {
    subject = await buildTestApp();
    fixture = await insertItems(subject.database.db, subject.clock.now());
    // The same app with 10 addresses a child sitemap.
    const smallPortal = {
      ...portalModule,
      routes: (portalModule.routes ?? []).map((group) =>
        group === feedRouteGroup ? { load: async () => feedRoutesWith({ sitemapUrlLimit: 10 }) } : group,
      ),
    };
    small = await buildTestApp({
      modules: modules.map((module) => (module === portalModule ? smallPortal : module)),
    });
    await insertItems(small.database.db, small.clock.now());
  });
  after(async () => {
    await subject.app.close();
    await small.app.close();
  });

  it('lists the site pages, a content item in both languages with alternates, an FAQ entry, not what is not shown yet', async () => {
    const base = subject.config.publicBaseUrl;
    const { children, urls } = await sitemapLocs((url) => subject.app.inject({ method: 'GET', url }), base);
    assert.equal(children.length, 1);
    const locs = urls.map((url) => String(url.loc));
    for (const page of sitePages) {
      assert.ok(locs.includes(`${base}${page.path}`), page.path);
      assert.ok(locs.includes(`${base}${localePath('en', page.path)}`), page.path);
    }
    const itemPath = contentPaths.item(fixture.numbers.public ?? 0);
    const zh = urls.find((url) => url.loc === `${base}${itemPath}`);
    assert.ok(zh, 'the item in Chinese');
    assert.deepEqual(
      (zh['xhtml:link'] as Item[]).map((link) => [link['@hreflang'], link['@href']]),
      [
        ['zh-Hant-TW', `${base}${itemPath}`],
        ['en', `${base}/en${itemPath}`],
      ],
    );
    assert.match(String(zh.lastmod), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    assert.ok(locs.includes(`${base}/en${itemPath}`));
    assert.ok(locs.includes(`${base}/faq/${mark}`));
    // In Chinese only: no English address.
    assert.ok(!locs.includes(`${base}/en/faq/${mark}`));
    assert.ok(!locs.some((loc) => loc.includes(`${mark}-later`)));
    // Addresses once each; no files or APIs.
    assert.equal(new Set(locs).size, locs.length);
    assert.ok(!locs.some((loc) => /\.(rss|atom|json|xml|csv)$/.test(loc) || loc.includes('/api/')));
  });

  it('above the limit: an index of children, each of at most the limit, together the same addresses', async () => {
    const whole = await sitemapLocs(
      (url) => subject.app.inject({ method: 'GET', url }),
      subject.config.publicBaseUrl,
    );
    const split = await sitemapLocs(
      (url) => small.app.inject({ method: 'GET', url }),
      small.config.publicBaseUrl,
    );
    assert.ok(split.children.length > 3, `${split.children.length} children`);
    for (const child of split.perChild) assert.ok(child.length <= 10 && child.length > 0, `${child.length}`);
    const locsOf = (urls: Item[], base: string) =>
      urls.map((url) => String(url.loc).slice(base.length)).sort();
    // The two databases differ only in their item numbers: compare what is not an item's address.
    const withoutItems = (paths: string[]) => paths.filter((path) => !/\/info\/items\/\d+$/.test(path));
    assert.deepEqual(
      withoutItems(locsOf(split.urls, small.config.publicBaseUrl)),
      withoutItems(locsOf(whole.urls, subject.config.publicBaseUrl)),
    );
    assert.equal(
      locsOf(split.urls, small.config.publicBaseUrl).length,
      locsOf(whole.urls, subject.config.publicBaseUrl).length,
    );
    // A child past the last is not found.
    const beyond = await small.app.inject({
      method: 'GET',
      url: `/sitemaps/${split.children.length + 1}.xml`,
    });
    assert.equal(beyond.statusCode, 404);
  });
});

describe('the open-data page lists every dataset of the registry with its formats', () => {
  let subject: TestApp;
  before(async () => {
    subject = await buildTestApp();
  });
  after(() => subject.app.close());

  it('each dataset: title, description, formats linked (answering), update frequency and the licence', async () => {
    const datasets = modules.flatMap((module) => module.openData ?? []);
    for (const id of [
      'portal.feeds',
      'portal.search',
      'catalogue.services',
      'open311.services',
      'open311.requests',
    ]) {
      assert.ok(
        datasets.some((dataset) => dataset.id === id),
        id,
      );
    }
    assert.ok(datasets.some((dataset) => dataset.id.startsWith('reports.')));
    assert.ok(datasets.some((dataset) => dataset.id.startsWith('control.')));
    for (const lang of ['zh-TW', 'en'] as const) {
      const response = await subject.app.inject({ method: 'GET', url: localePath(lang, '/open-data') });
      assert.equal(response.statusCode, 200);
      const main = mainOf(response.body);
      const text = decode(main);
      // The declaration stays.
      assert.ok(text.includes(lang === 'en' ? 'Open data declaration' : '政府網站資料開放宣告'));
      for (const dataset of datasets) {
        const start = main.indexOf(`id="dataset-${dataset.id}"`);
        assert.ok(start >= 0, dataset.id);
        const section = main.slice(start, main.indexOf('</section>', start));
        const words = decode(section);
        assert.ok(words.includes(dataset.title[lang]), `${dataset.id} title`);
        assert.ok(words.includes(dataset.description[lang]), `${dataset.id} description`);
        assert.ok(words.includes(dataset.updates[lang]), `${dataset.id} updates`);
        assert.ok(
          words.includes(
            lang === 'en' ? 'Open Government Data License, version 1.0' : '政府資料開放授權條款－第1版',
          ),
        );
        assert.ok(section.includes('href="https://data.gov.tw/license"'));
        const links = [...section.matchAll(/href="([^"]+)" data-format="([^"]+)"/g)].map((match) => [
          decode(match[1] ?? ''),
          match[2],
        ]);
        assert.deepEqual(
          links.map(([, format]) => format),
          dataset.formats.map((format) => format.format),
          dataset.id,
        );
        for (const [href] of links) {
          // Machine files with one address for both languages.
          const isApi = href?.startsWith('/api/') || href?.startsWith('/open311/') || href === '/sitemap.xml';
          const path = dataset.formats.find((format) => href?.endsWith(format.path));
          assert.ok(path, `${href} is one of ${dataset.id}'s formats`);
          // English pages link to English files, machine APIs to their one address.
          assert.equal(href, isApi || lang === 'zh-TW' ? path.path : `/en${path.path}`);
          const answer = await subject.app.inject({ method: 'GET', url: href ?? '' });
          assert.equal(answer.statusCode, 200, `${lang} ${href}`);
        }
      }
    }
  });
});
