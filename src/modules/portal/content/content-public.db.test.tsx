import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { decode, mainOf } from '../../../../test/helpers/html.ts';
import { buildTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { recordStoredFile } from '../../../platform/files/file-store.ts';
import { contentPaths } from '../shared/portal-paths.ts';
import { seedDemoContentFiles } from './content-demo-files.ts';
import { type DemoContentItem, demoContentItems } from './content-demo-items.ts';
import { seedDemoContent } from './content-demo-seed.ts';
import { contentPart } from './content-part.ts';
import { contentAttachments, contentItems, contentVersions } from './content-schema.ts';

/** The public content pages on the demo content (the test template is seeded with it) and items of the test's own. */
describe('public content pages', () => {
  let subject: TestApp;
  /** Demo item key → its number in this database. */
  const numberOf = new Map<string, number>();
  before(async () => {
    subject = await buildTestApp();
    const rows = await subject.database.db
      .select({ number: contentItems.number, titleZh: contentVersions.titleZh })
      .from(contentItems)
      .innerJoin(contentVersions, eq(contentVersions.itemId, contentItems.id))
      .where(eq(contentItems.isDemo, true));
    for (const demo of demoContentItems) {
      const row = rows.find((candidate) => candidate.titleZh === demo.titleZh);
      if (row) numberOf.set(demo.key, row.number);
    }
  });
  after(() => subject.app.close());

  const get = (url: string) => subject.app.inject({ method: 'GET', url });
  const demo = (key: string): DemoContentItem & { number: number } => {
    const found = demoContentItems.find((item) => item.key === key);
    const number = numberOf.get(key);
    assert.ok(found && number !== undefined, `demo item ${key}`);
    return { ...found, number };
  };
  const metas = (html: string, name: string) =>
    [...html.matchAll(new RegExp(`<meta name="${name.replaceAll('.', '\\.')}" content="([^"]*)"`, 'g'))].map(
      (match) => decode(match[1] ?? ''),
    );
  /** The item numbers a list page shows, in order. */
  const numbersOn = (html: string) =>
    [...mainOf(html).matchAll(/data-item-number="(\d+)"/g)].map((match) => Number(match[1]));
  const now = () => subject.clock.now();
  const isVisibleDemo = (item: DemoContentItem) =>
    new Date(item.visibleFrom) <= now() &&
    (item.visibleUntil === undefined || new Date(item.visibleUntil) > now());
  /** The numbers of the visible demo items that pass `keep`, newest first (as the lists order them). */
  const expectedNumbers = (keep: (item: DemoContentItem) => boolean) =>
    demoContentItems
      .filter((item) => isVisibleDemo(item) && keep(item))
      .sort(
        (a, b) =>
          new Date(b.visibleFrom).getTime() - new Date(a.visibleFrom).getTime() ||
          (numberOf.get(b.key) ?? 0) - (numberOf.get(a.key) ?? 0),
      )
      .map((item) => numberOf.get(item.key));

  /** An item of the test's own, published (version `published`) with the given state and dates. */
  async function anItem(options: {
    title: string;
    state?: string;
    visibleFrom: Date;
    visibleUntil?: Date;
    versions?: number;
  }) {
    const versions = options.versions ?? 1;
    const [item] = await subject.database.db
      .insert(contentItems)
      .values({
        kind: 'announcement',
        unitCode: 'parks',
        state: options.state ?? 'approved',
        currentVersion: versions,
        publishedVersion: versions,
        visibleFrom: options.visibleFrom,
        visibleUntil: options.visibleUntil ?? null,
      })
      .returning();
    assert.ok(item);
    for (let version = 1; version <= versions; version += 1) {
      await subject.database.db.insert(contentVersions).values({
        itemId: item.id,
        version,
        titleZh: `${options.title}（第 ${version} 版）`,
        summaryZh: '測試摘要',
        bodyZh: '第一段。\n\n第二段。',
        themeCodes: ['361'],
      });
    }
    return item;
  }

  it('renders an item with its own metadata: several subjects and theme codes, identifier, date, type, language', async () => {
    const item = demo('rooftop-solar');
    const response = await get(contentPaths.item(item.number));
    assert.equal(response.statusCode, 200);
    const html = response.body;
    assert.deepEqual(metas(html, 'DC.Title'), [item.titleZh]);
    assert.deepEqual(metas(html, 'DC.Subject'), item.subjectsZh);
    assert.deepEqual(metas(html, 'Category.Theme'), ['342', '321']);
    assert.deepEqual(metas(html, 'Category.Cake'), ['620']);
    assert.deepEqual(metas(html, 'Category.Service'), ['C00']);
    assert.deepEqual(metas(html, 'DC.Identifier'), [`397030000H-info-${item.number}`]);
    assert.deepEqual(metas(html, 'DC.Date'), ['2026-02-18']);
    assert.deepEqual(metas(html, 'DC.Type'), ['公告']);
    assert.deepEqual(metas(html, 'DC.Language'), ['zh-TW']);
    assert.deepEqual(metas(html, 'DC.Creator'), ['建築管理處']);
    assert.deepEqual(metas(html, 'DC.Format'), ['text/html']);
    const main = decode(mainOf(html));
    assert.match(main, /<h1 class="govuk-heading-l">建築物屋頂設置太陽光電設施免請領雜項執照說明<\/h1>/);
    assert.match(main, /示範內容/);
    assert.match(main, /民國115年2月18日/);
    assert.match(main, /高度自屋頂面起算 4\.5 公尺以下/);
    assert.match(main, /再生能源（示範）/);
    assert.match(main, /href="\/info\/classifications\/theme\/342"/);
    assert.match(main, /href="\/info\/units\/building"/);
  });

  it('renders an item in English when it has an English version, and says so when it has none', async () => {
    const english = await get(`/en${contentPaths.item(demo('rooftop-solar').number)}`);
    assert.equal(english.statusCode, 200);
    assert.deepEqual(metas(english.body, 'DC.Language'), ['en']);
    assert.deepEqual(metas(english.body, 'DC.Type'), ['announcement']);
    const englishMain = decode(mainOf(english.body));
    assert.match(englishMain, /Rooftop solar panels: when no building permit is needed/);
    assert.match(englishMain, /Demo content/);
    assert.doesNotMatch(englishMain, /available in Chinese only/);

    const chineseOnly = demo('street-light-faults');
    const response = await get(`/en${contentPaths.item(chineseOnly.number)}`);
    assert.equal(response.statusCode, 200);
    const main = decode(mainOf(response.body));
    assert.match(main, /This item is available in Chinese only\./);
    assert.match(main, /<h1 class="govuk-heading-l" lang="zh-Hant-TW">路燈故障通報及維修處理方式公告<\/h1>/);
    assert.match(main, /<div lang="zh-Hant-TW" data-content-words="zh-TW">/);
    assert.match(main, /Published/);
    assert.deepEqual(metas(response.body, 'DC.Language'), ['zh-TW']);
  });

  it('is not found when withdrawn, not shown yet, expired, never published, or not a number', async () => {
    const day = 24 * 3_600_000;
    const withdrawn = await anItem({
      title: '已下架',
      state: 'withdrawn',
      visibleFrom: new Date(now().getTime() - day),
    });
    const future = await anItem({ title: '排程中', visibleFrom: new Date(now().getTime() + day) });
    const expired = await anItem({
      title: '已到期',
      visibleFrom: new Date(now().getTime() - 3 * day),
      visibleUntil: new Date(now().getTime() - day),
    });
    const shown = await anItem({ title: '公開中', visibleFrom: new Date(now().getTime() - day) });
    const [draft] = await subject.database.db
      .update(contentItems)
      .set({ publishedVersion: null, state: 'draft' })
      .where(eq(contentItems.id, (await anItem({ title: '草稿', visibleFrom: new Date(0) })).id))
      .returning();
    for (const item of [withdrawn, future, expired, draft]) {
      assert.ok(item);
      const response = await get(contentPaths.item(item.number));
      assert.equal(response.statusCode, 404, `item ${item.number}`);
      assert.match(decode(response.body), /找不到這個頁面/);
    }
    assert.equal((await get(contentPaths.item(shown.number))).statusCode, 200);
    assert.equal((await get('/info/items/abc')).statusCode, 404);
    assert.equal(
      (await get(contentPaths.item(demo('joint-excavation-plan-scheduled').number))).statusCode,
      404,
    );
    assert.equal((await get(contentPaths.item(demo('typhoon-park-closure-expired').number))).statusCode, 404);
    // A scheduled item shows once its time has come.
    subject.clock.advance(2 * day);
    try {
      assert.equal((await get(contentPaths.item(future.number))).statusCode, 200);
    } finally {
      subject.clock.advance(-2 * day);
    }
  });

  it('serves the attachments of the published version only', async () => {
    const item = await anItem({
      title: '附件版本',
      visibleFrom: new Date(now().getTime() - 3_600_000),
      versions: 2,
    });
    const ids: string[] = [];
    for (const version of [1, 2]) {
      const bytes = Buffer.from(`%PDF-1.4 version ${version} of the test file`);
      const stored = await subject.files.put(bytes);
      await recordStoredFile(subject.database.db, { ...stored, mediaType: 'application/pdf' }, now());
      const [row] = await subject.database.db
        .insert(contentAttachments)
        .values({
          itemId: item.id,
          version,
          fileName: `v${version}.pdf`,
          mediaType: 'application/pdf',
          sizeBytes: stored.sizeBytes,
          sha256: stored.sha256,
          titleZh: `第 ${version} 版附件`,
        })
        .returning();
      assert.ok(row);
      ids.push(row.id);
    }
    const [older = '', published = ''] = ids;
    const page = decode(mainOf((await get(contentPaths.item(item.number))).body));
    assert.match(page, /第 2 版附件/);
    assert.doesNotMatch(page, /第 1 版附件/);
    assert.match(page, /PDF 檔，\d+ bytes/);
    const file = await get(contentPaths.file(item.number, published));
    assert.equal(file.statusCode, 200);
    assert.equal(file.body, '%PDF-1.4 version 2 of the test file');
    assert.equal(file.headers['content-type'], 'application/pdf');
    assert.equal((await get(contentPaths.file(item.number, older))).statusCode, 404);
    assert.equal((await get(contentPaths.file(item.number, 'not-an-id'))).statusCode, 404);
    // Another item's number with this file's id: not found either.
    assert.equal((await get(contentPaths.file(demo('form-excavation').number, published))).statusCode, 404);
  });

  it('attaches the demo forms and their filled-in samples once (demoData), shown with type and size and searchable', async () => {
    const context = {
      db: subject.database.db,
      jobs: subject.jobs,
      clock: subject.clock,
      config: subject.config,
      files: subject.files,
    };
    const withFiles = demoContentItems.flatMap((item) => item.files ?? []);
    assert.equal(await seedDemoContentFiles(context), withFiles.length);
    assert.equal(await seedDemoContentFiles(context), 0);
    const form = demo('form-excavation');
    const main = decode(mainOf((await get(contentPaths.item(form.number))).body));
    const files = main.slice(main.indexOf('id="content-files"'), main.indexOf('id="content-samples"'));
    const samples = main.slice(main.indexOf('id="content-samples"'));
    assert.match(
      files,
      /道路挖掘許可申請書（空白表格）<\/a> <span class="govuk-body-s">（ODT 文件，[\d.]+ KB）/,
    );
    assert.match(samples, /道路挖掘許可申請書（填寫範例）/);
    const id = /data-attachment-id="([^"]+)"/.exec(samples)?.[1] ?? '';
    const download = await get(contentPaths.file(form.number, id));
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['content-type'], 'application/vnd.oasis.opendocument.text');
    assert.equal(download.rawPayload.subarray(0, 2).toString(), 'PK');
    const english = decode(mainOf((await get(`/en${contentPaths.item(form.number)}`)).body));
    assert.match(
      english,
      /Road excavation permit application \(filled-in example\)<\/a> <span class="govuk-body-s">\(ODT document, [\d.]+ KB\)/,
    );
    const indexed = await subject.database.db.execute<{ file_text: string }>(
      sql`select file_text from search_documents where source = 'content' and source_id = ${String(form.number)} and lang = 'zh-TW'`,
    );
    assert.match(indexed.rows[0]?.file_text ?? '', /示範管線工程股份有限公司/);
  });

  it('browses by theme (the class and those under it), with the tree and its counts', async () => {
    const response = await get(contentPaths.byClassification('theme', '340'));
    assert.equal(response.statusCode, 200);
    const expected = expectedNumbers((item) => item.themeCodes.some((code) => code.startsWith('34')));
    assert.ok(expected.length >= 8);
    assert.deepEqual(numbersOn(response.body), expected);
    const main = decode(mainOf(response.body));
    const solar = expectedNumbers((item) => item.themeCodes.includes('342')).length;
    assert.match(main, new RegExp(`再生能源（示範）（${solar} 則）`));
    const tree = decode(mainOf((await get('/info/classifications/theme')).body));
    assert.match(tree, new RegExp(`環境（示範）（${expected.length} 則）`));
    assert.equal((await get(contentPaths.byClassification('theme', 'nope'))).statusCode, 404);
    assert.equal((await get(contentPaths.byClassification('colour', '340'))).statusCode, 404);
  });

  it('browses by unit, by kind, by year and month, and by §7 kind', async () => {
    const checks: [string, (item: DemoContentItem) => boolean][] = [
      [contentPaths.byUnit('illegal-building'), (item) => item.unitCode === 'illegal-building'],
      [contentPaths.byKind('regulation'), (item) => item.kind === 'regulation'],
      [contentPaths.byYear(2025), (item) => item.visibleFrom.startsWith('2025')],
      ['/info/archive/2026/2', (item) => item.visibleFrom.startsWith('2026-02')],
      [contentPaths.openGovernmentKind('6'), (item) => (item.foiKinds ?? []).includes('6')],
      [contentPaths.openGovernmentKind('1'), (item) => (item.foiKinds ?? []).includes('1')],
    ];
    for (const [path, keep] of checks) {
      const response = await get(path);
      assert.equal(response.statusCode, 200, path);
      const expected = expectedNumbers(keep);
      assert.ok(expected.length > 0, path);
      assert.deepEqual(numbersOn(response.body).slice(0, 20), expected.slice(0, 20), path);
    }
    const kind3 = decode(mainOf((await get(contentPaths.openGovernmentKind('3'))).body));
    assert.match(kind3, /道路養護工程處/);
    assert.match(kind3, /802 高雄市苓雅區四維三路2號/);
    const zone = decode(mainOf((await get(contentPaths.openGovernment)).body));
    for (const name of ['預算及決算書', '合議制機關之會議紀錄', '支付或接受之補助'])
      assert.match(zone, new RegExp(name));
    assert.equal((await get(contentPaths.openGovernmentKind('11'))).statusCode, 404);
    assert.equal((await get(contentPaths.byKind('poem'))).statusCode, 404);
    assert.equal((await get(contentPaths.byUnit('nobody'))).statusCode, 404);
    assert.equal((await get('/info/archive/2026/13')).statusCode, 404);
  });

  it('pages a long list, newest first', async () => {
    const all = expectedNumbers(() => true);
    // The demo items only (other tests add items of their own).
    const demoNumbers = new Set(numberOf.values());
    const first = numbersOn((await get(contentPaths.byYear(2026))).body).filter((number) =>
      demoNumbers.has(number),
    );
    const in2026 = expectedNumbers((item) => item.visibleFrom.startsWith('2026'));
    assert.deepEqual(first, in2026.slice(0, first.length));
    assert.ok(first.length >= 15);
    assert.ok(all.length > 20);
    const kindPage = await get('/info/kinds/announcement?page=2');
    assert.equal(kindPage.statusCode, 200);
    assert.deepEqual(numbersOn(kindPage.body), []);
  });

  it('shows the portal home and the browse index in both languages', async () => {
    const home = decode(mainOf((await get(contentPaths.home)).body));
    assert.match(home, /最新公告/);
    assert.match(home, /中正一路道路挖掘施工交通管制公告/);
    assert.match(home, /href="\/info\/open-government"/);
    assert.doesNotMatch(home, /119 年度上半年道路聯合挖掘施工計畫公告/);
    const english = decode(mainOf((await get(`/en${contentPaths.home}`)).body));
    assert.match(english, /Latest announcements/);
    assert.match(english, /Traffic control for road excavation on Zhongzheng 1st Road/);
    const browse = decode(mainOf((await get(`/en${contentPaths.browse}`)).body));
    assert.match(browse, /By theme/);
    assert.match(browse, /Transport \(demo\)/);
    assert.match(browse, /Building Administration Office \(\d+\)/);
  });

  it('a topic page lists the items sharing its theme and those its relations name', async () => {
    const topic = demo('topic-kaohsiung-house');
    const main = mainOf((await get(contentPaths.item(topic.number))).body);
    const related = main.slice(main.indexOf('id="content-related"'));
    const shown = [...related.matchAll(/data-item-number="(\d+)"/g)].map((match) => Number(match[1]));
    const expected = expectedNumbers(
      (item) =>
        item.key !== topic.key &&
        (item.themeCodes.some((code) => topic.themeCodes.includes(code)) ||
          (topic.relatedKeys ?? []).includes(item.key)),
    );
    assert.deepEqual(shown, expected);
    assert.ok(shown.includes(demo('form-building-permit').number));
  });

  it('answers every public read example of the part in both languages', async () => {
    for (const read of contentPart.publicReads ?? []) {
      for (const example of read.examples ?? [read.route]) {
        for (const url of [example, `/en${example}`]) {
          const response = await get(url);
          assert.equal(response.statusCode, 200, url);
          assert.match(mainOf(response.body), /<h1 /, url);
        }
      }
    }
    assert.equal(numberOf.get('reg-building'), 1, 'the examples name the seed’s numbers');
    assert.equal(numberOf.get('form-excavation'), 7);
    assert.equal(numberOf.get('topic-kaohsiung-house'), 39);
  });

  it('loads the demo content once: a second run writes nothing', async () => {
    const counts = async () =>
      (
        await subject.database.db.execute<Record<string, number>>(sql`
          select (select count(*)::int from content_items where is_demo) as items,
                 (select count(*)::int from content_versions) as versions,
                 (select count(*)::int from theme_classifications) as themes,
                 (select count(*)::int from administrative_classifications) as cakes,
                 (select count(*)::int from search_documents where source = 'content') as indexed`)
      ).rows[0];
    const before = await counts();
    assert.equal(before?.items, demoContentItems.length);
    assert.equal(await seedDemoContent(subject.database.db), 0);
    assert.equal(await seedDemoContent(subject.database.db), 0);
    assert.deepEqual(await counts(), before);
  });
});
