import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import { decode, mainOf } from '../../../../test/helpers/html.ts';
import { buildTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { aSignedInMember, auditEntries, csrfTokenIn } from '../../../platform/auth/auth-test-support.ts';
import { handWrittenPdf } from '../../../platform/documents/pdf-test-support.ts';
import { themeClassifications } from '../../../platform/reference/reference-schema.ts';
import { searchDocuments } from '../../../platform/search/search-schema.ts';
import { multipartForm } from '../../../platform/uploads/upload-test-support.ts';
import { contentAttachments, contentItems, contentVersions } from './content-schema.ts';

/**
 * Content editing end to end through the pages (issue 15 §1–2): a draft with every problem at once, a PDF
 * whose words go into search, review by a second editor only, the theme classification a publication
 * needs, scheduled publishing, a new version while the old one stays published, and taking it down.
 */
describe('content editing', () => {
  let subject: TestApp;
  const themeCode = 'TEST-ROADS';
  before(async () => {
    subject = await buildTestApp();
    await subject.database.db
      .insert(themeClassifications)
      .values({ code: themeCode, nameZh: '測試主題：道路', nameEn: 'Test theme: roads', parentCode: null })
      .onConflictDoNothing();
  });
  after(() => subject.app.close());

  const itemOf = async (number: number) => {
    const [item] = await subject.database.db
      .select()
      .from(contentItems)
      .where(eq(contentItems.number, number));
    assert.ok(item, `item ${number}`);
    return item;
  };
  const indexRowsOf = (number: number) =>
    subject.database.db
      .select()
      .from(searchDocuments)
      .where(and(eq(searchDocuments.source, 'content'), eq(searchDocuments.sourceId, String(number))));

  const goodEdit = {
    kind: 'announcement',
    unitCode: 'road-maintenance',
    titleZh: '中正路坑洞修補公告',
    titleEn: 'Pothole repairs on Zhongzheng Road',
    summaryZh: '中正路坑洞將於三月修補。',
    summaryEn: 'Potholes on Zhongzheng Road are repaired in March.',
    bodyZh: '施工期間請改道。\n\n如有疑問請洽養護工程處。',
    bodyEn: 'Please take another road while the work goes on.',
    subjectsZh: '道路\n坑洞\n道路',
    subjectsEn: 'roads',
    creators: '養護工程處',
    contributors: '',
    sources: '',
    relations: '',
    rights: '',
    coverageStart: '2026-03-01',
    coverageEnd: '2026-03-31',
    publishAt: '2026-03-10 09:00',
    expireAt: '2026-12-31 17:00',
    changeNote: '初稿',
  };

  it('creates, reviews with a second editor, publishes at its time, versions and takes down an item', async () => {
    const { db } = subject.database;
    const writer = await aSignedInMember(subject, { role: 'web_editor', displayName: '撰稿編輯' });
    const reviewer = await aSignedInMember(subject, { role: 'web_editor', displayName: '審核編輯' });

    // A bad new item: every problem at once, what was typed kept, nothing written.
    const [{ count: before } = { count: 0 }] = await db
      .select({ count: sql<number>`count(*)::int` })
      .from(contentItems);
    const bad = await writer.submit('/staff/content/new', '/staff/content/new', {
      kind: '',
      unitCode: '',
      titleZh: '',
      foiKinds: '1',
    });
    assert.equal(bad.statusCode, 400);
    const badSummary = decode(mainOf(bad.body));
    assert.match(badSummary, /<a href="#kind">請選擇類型<\/a>/);
    assert.match(badSummary, /<a href="#unitCode">請填寫承辦單位<\/a>/);
    assert.match(badSummary, /<a href="#titleZh">請填寫標題（中文）<\/a>/);
    assert.match(bad.body, /<input[^>]*name="foiKinds"[^>]*value="1"[^>]*checked/);
    const [{ count: afterBad } = { count: 0 }] = await db
      .select({ count: sql<number>`count(*)::int` })
      .from(contentItems);
    assert.equal(afterBad, before);

    const created = await writer.submit('/staff/content/new', '/staff/content/new', {
      kind: 'announcement',
      unitCode: 'road-maintenance',
      titleZh: '坑洞修補（草稿）',
      foiKinds: '5',
    });
    assert.equal(created.statusCode, 303);
    const number = Number(/\/staff\/content\/(\d+)\/edit/.exec(String(created.headers.location ?? ''))?.[1]);
    assert.ok(number > 0);
    const item = await itemOf(number);
    assert.equal(item.state, 'draft');
    assert.deepEqual(item.foiKinds, ['5']);
    assert.equal((await auditEntries(db, 'portal.content.created', item.id)).length, 1);

    // The edit form: every problem at once (the kit's and the rules'), values kept, the version unchanged.
    const editPath = `/staff/content/${number}/edit`;
    const edited = await writer.get(editPath);
    assert.equal(edited.statusCode, 200);
    assert.match(
      edited.body,
      /<input[^>]*name="themeCodes"[^>]*value="TEST-ROADS"\/><label[^>]*>TEST-ROADS 測試主題：道路<\/label>/,
    );
    const badEdit = await writer.post(editPath, {
      _csrf: csrfTokenIn(edited.body),
      ...goodEdit,
      titleZh: '',
      titleEn: '',
      coverageStart: '2026-02-30',
      expireAt: '2026-03-01 09:00',
      themeCodes: 'NO-SUCH-CODE',
    });
    assert.equal(badEdit.statusCode, 400);
    const badEditPage = decode(badEdit.body);
    for (const line of [
      /<a href="#titleZh">請填寫標題（中文）<\/a>/,
      /<a href="#titleEn">標題（英文）：有英文摘要、內文或主題詞時，請填寫英文標題<\/a>/,
      /<a href="#coverageStart">涵蓋期間起（DC.Coverage）：請填寫日期，例如 2026-12-24<\/a>/,
      /<a href="#themeCodes">主題分類：有分類代碼不在分類表中，請重新勾選<\/a>/,
      /<a href="#expireAt">下架時間：下架時間必須晚於上架時間<\/a>/,
    ])
      assert.match(badEditPage, line);
    assert.match(
      badEditPage,
      /<textarea[^>]*name="bodyZh"[^>]*>施工期間請改道。\n\n如有疑問請洽養護工程處。<\/textarea>/,
    );
    const [unchanged] = await db.select().from(contentVersions).where(eq(contentVersions.itemId, item.id));
    assert.equal(unchanged?.titleZh, '坑洞修補（草稿）');

    // A good edit, without a theme classification yet.
    const saved = await writer.post(editPath, { _csrf: csrfTokenIn(edited.body), ...goodEdit });
    assert.equal(saved.statusCode, 303);
    const [version1] = await db.select().from(contentVersions).where(eq(contentVersions.itemId, item.id));
    assert.equal(version1?.titleZh, '中正路坑洞修補公告');
    assert.deepEqual(version1?.subjectsZh, ['道路', '坑洞']);
    assert.deepEqual(version1?.creators, ['養護工程處']);
    assert.equal(version1?.coverageEnd, '2026-03-31');
    assert.equal(version1?.publishAt?.toISOString(), '2026-03-10T01:00:00.000Z');
    assert.equal(version1?.changeNote, '初稿');

    // A PDF attachment: its words are read into the row.
    const filesPath = `/staff/content/${number}/files`;
    await writer.get(filesPath);
    const uploaded = await writer.postMultipart(
      filesPath,
      multipartForm({ titleZh: '施工路段圖', titleEn: 'Map of the works', role: 'file', sortOrder: '1' }, [
        {
          field: 'file',
          name: 'works.pdf',
          type: 'application/pdf',
          content: handWrittenPdf(['Pothole resurfacing schedule Zhongzheng']),
        },
      ]),
    );
    assert.equal(uploaded.statusCode, 303, uploaded.body);
    const [attachment] = await db
      .select()
      .from(contentAttachments)
      .where(eq(contentAttachments.itemId, item.id));
    assert.equal(attachment?.version, 1);
    assert.equal(attachment?.mediaType, 'application/pdf');
    assert.match(attachment?.extractedText ?? '', /Pothole resurfacing schedule Zhongzheng/);
    const filesPage = await writer.get(filesPath);
    assert.match(filesPage.body, /已讀取 \d+ 字/);
    const preview = await writer.get(`${filesPath}/${attachment?.id}`);
    assert.equal(preview.statusCode, 200);
    assert.equal(preview.headers['content-type'], 'application/pdf');
    const changePath = `${filesPath}/${attachment?.id}/change`;
    const changePage = await writer.get(changePath);
    assert.match(changePage.body, /value="施工路段圖"/);
    const badChange = await writer.post(changePath, {
      _csrf: csrfTokenIn(changePage.body),
      titleZh: '',
      role: 'file',
      sortOrder: 'first',
    });
    assert.equal(badChange.statusCode, 400);
    assert.match(decode(badChange.body), /<a href="#titleZh">請填寫附件名稱（中文）<\/a>/);
    assert.match(decode(badChange.body), /<a href="#sortOrder">排序：排序須為 0 到 999 的整數<\/a>/);
    const changed = await writer.post(changePath, {
      _csrf: csrfTokenIn(changePage.body),
      titleZh: '施工路段圖（含改道）',
      titleEn: 'Map of the works',
      role: 'file',
      sortOrder: '２',
    });
    assert.equal(changed.statusCode, 303);
    const [renamed] = await db
      .select()
      .from(contentAttachments)
      .where(eq(contentAttachments.itemId, item.id));
    assert.deepEqual(
      [renamed?.titleZh, renamed?.sortOrder, renamed?.version],
      ['施工路段圖（含改道）', 2, 1],
    );

    // Submitted: the one who submitted it may not approve it — neither the page nor the service.
    const itemPage = await writer.get(`/staff/content/${number}`);
    const submitted = await writer.post(`/staff/content/${number}/submit`, {
      _csrf: csrfTokenIn(itemPage.body),
    });
    assert.equal(submitted.statusCode, 303);
    assert.equal((await itemOf(number)).state, 'in_review');
    const ownReview = await writer.get(`/staff/content/${number}/review`);
    assert.equal(ownReview.statusCode, 403);
    assert.match(decode(ownReview.body), /您送審了這一版，不能自己核准/);
    const ownApproval = await writer.post(`/staff/content/${number}/review`, {
      _csrf: csrfTokenIn(itemPage.body),
      decision: 'approve',
      reviewNote: '',
    });
    assert.equal(ownApproval.statusCode, 403);
    assert.equal((await itemOf(number)).publishedVersion, null);

    // The second editor: no theme classification, no publication — the problem listed.
    const review = await reviewer.get(`/staff/content/${number}/review`);
    assert.equal(review.statusCode, 200);
    assert.match(decode(review.body), /中正路坑洞修補公告/);
    const refused = await reviewer.post(`/staff/content/${number}/review`, {
      _csrf: csrfTokenIn(review.body),
      decision: 'approve',
      reviewNote: '',
    });
    assert.equal(refused.statusCode, 400);
    assert.match(decode(mainOf(refused.body)), /沒有主題分類的資訊不能上架，請至少勾選一項主題分類/);
    assert.equal((await itemOf(number)).publishedVersion, null);
    assert.equal((await indexRowsOf(number)).length, 0);

    // The writer adds the theme (the version goes back to draft) and sends it again.
    const again = await writer.get(editPath);
    assert.equal(
      (await writer.post(editPath, { _csrf: csrfTokenIn(again.body), ...goodEdit, themeCodes: themeCode }))
        .statusCode,
      303,
    );
    assert.equal((await itemOf(number)).state, 'draft');
    await writer.post(`/staff/content/${number}/submit`, { _csrf: csrfTokenIn(again.body) });
    const reviewAgain = await reviewer.get(`/staff/content/${number}/review`);
    const approved = await reviewer.post(`/staff/content/${number}/review`, {
      _csrf: csrfTokenIn(reviewAgain.body),
      decision: 'approve',
      reviewNote: '可以上架',
    });
    assert.equal(approved.statusCode, 303);
    const published = await itemOf(number);
    assert.equal(published.state, 'approved');
    assert.equal(published.publishedVersion, 1);
    // Published at its time, ahead of the test clock's now (2026-03-02): scheduled.
    assert.equal(published.visibleFrom?.toISOString(), '2026-03-10T01:00:00.000Z');
    assert.equal(published.visibleUntil?.toISOString(), '2026-12-31T09:00:00.000Z');
    const [reviewed] = await db.select().from(contentVersions).where(eq(contentVersions.itemId, item.id));
    assert.equal(reviewed?.reviewedByStaffId, reviewer.member.id);
    assert.equal(reviewed?.reviewDecision, 'approved');
    const approvals = await auditEntries(db, 'portal.content.approved', item.id);
    assert.equal(approvals[0]?.actorStaffId, reviewer.member.id);

    // In the index, with the PDF's words, but not yet visible.
    const rows = await indexRowsOf(number);
    assert.deepEqual(rows.map((row) => row.lang).sort(), ['en', 'zh-TW']);
    const zh = rows.find((row) => row.lang === 'zh-TW');
    assert.equal(zh?.title, '中正路坑洞修補公告');
    assert.match(zh?.fileTerms ?? '', /\bpothole\b/);
    assert.match(zh?.fileTerms ?? '', /\bresurfacing\b/);
    assert.equal(zh?.visibleFrom?.toISOString(), '2026-03-10T01:00:00.000Z');
    assert.deepEqual(zh?.themeCodes, [themeCode]);
    const visibleNow = await db
      .select({ sourceId: searchDocuments.sourceId })
      .from(searchDocuments)
      .where(
        and(
          eq(searchDocuments.source, 'content'),
          eq(searchDocuments.sourceId, String(number)),
          lte(searchDocuments.visibleFrom, subject.clock.now()),
        ),
      );
    assert.deepEqual(visibleNow, []);
    const listed = await reviewer.get('/staff/content?state=scheduled');
    assert.match(listed.body, new RegExp(`data-number="${number}"`));

    // An edit of the published item makes version 2; version 1 stays the published one.
    const edit2 = await writer.get(editPath);
    assert.match(decode(edit2.body), /存檔後成為第 2 版/);
    const saved2 = await writer.post(editPath, {
      _csrf: csrfTokenIn(edit2.body),
      ...goodEdit,
      themeCodes: themeCode,
      titleZh: '中正路坑洞修補公告（延長施工）',
      changeNote: '延長施工期間',
    });
    assert.equal(saved2.statusCode, 303);
    const afterEdit = await itemOf(number);
    assert.equal(afterEdit.currentVersion, 2);
    assert.equal(afterEdit.publishedVersion, 1);
    assert.equal(afterEdit.state, 'draft');
    const versions = await db
      .select()
      .from(contentVersions)
      .where(eq(contentVersions.itemId, item.id))
      .orderBy(asc(contentVersions.version));
    assert.deepEqual(
      versions.map((version) => [version.version, version.titleZh]),
      [
        [1, '中正路坑洞修補公告'],
        [2, '中正路坑洞修補公告（延長施工）'],
      ],
    );
    const copies = await db
      .select({ version: contentAttachments.version })
      .from(contentAttachments)
      .where(eq(contentAttachments.itemId, item.id));
    assert.deepEqual(copies.map((copy) => copy.version).sort(), [1, 2]);
    assert.equal(
      (await indexRowsOf(number)).find((row) => row.lang === 'zh-TW')?.title,
      '中正路坑洞修補公告',
    );

    // The versions: who and when, and what changed.
    const history = decode((await writer.get(`/staff/content/${number}`)).body);
    assert.match(history, /撰稿編輯，2026-03-02/);
    assert.match(history, /審核編輯，2026-03-02/);
    assert.match(history, /可以上架/);
    const changes = decode((await writer.get(`/staff/content/${number}/versions/2`)).body);
    assert.match(
      changes,
      /<tr class="govuk-table__row" data-field="titleZh">[\s\S]*?中正路坑洞修補公告<\/span>[\s\S]*?中正路坑洞修補公告（延長施工）/,
    );
    assert.doesNotMatch(changes, /data-field="bodyZh"/);

    // Taken down: out of the index.
    const page = await reviewer.get(`/staff/content/${number}`);
    const withdrawn = await reviewer.post(`/staff/content/${number}/withdraw`, {
      _csrf: csrfTokenIn(page.body),
    });
    assert.equal(withdrawn.statusCode, 303);
    const down = await itemOf(number);
    assert.equal(down.state, 'withdrawn');
    assert.equal(down.publishedVersion, null);
    assert.deepEqual(await indexRowsOf(number), []);
    assert.equal((await auditEntries(db, 'portal.content.withdrawn', item.id)).length, 1);
  });

  it('a returned version says why, and the fix is the next version', async () => {
    const { db } = subject.database;
    const writer = await aSignedInMember(subject, { role: 'web_editor' });
    const reviewer = await aSignedInMember(subject, { role: 'admin' });
    const created = await writer.submit('/staff/content/new', '/staff/content/new', {
      kind: 'news',
      unitCode: 'parks',
      titleZh: '公園整修新聞稿',
    });
    const number = Number(/\/staff\/content\/(\d+)\/edit/.exec(String(created.headers.location ?? ''))?.[1]);
    const page = await writer.get(`/staff/content/${number}`);
    await writer.post(`/staff/content/${number}/submit`, { _csrf: csrfTokenIn(page.body) });
    const review = await reviewer.get(`/en/staff/content/${number}/review`);
    assert.equal(review.statusCode, 200);
    const noNote = await reviewer.post(`/en/staff/content/${number}/review`, {
      _csrf: csrfTokenIn(review.body),
      decision: 'return',
      reviewNote: '',
    });
    assert.equal(noNote.statusCode, 400);
    assert.match(decode(noNote.body), /<a href="#reviewNote">Say what to change when you return it<\/a>/);
    const returned = await reviewer.post(`/en/staff/content/${number}/review`, {
      _csrf: csrfTokenIn(review.body),
      decision: 'return',
      reviewNote: '請補上整修期間',
    });
    assert.equal(returned.statusCode, 303);
    const item = await itemOf(number);
    assert.equal(item.state, 'draft');
    assert.equal(item.publishedVersion, null);
    const edit = await writer.get(`/staff/content/${number}/edit`);
    assert.match(decode(edit.body), /修改第 2 版|存檔後成為第 2 版/);
    const fixed = await writer.post(`/staff/content/${number}/edit`, {
      _csrf: csrfTokenIn(edit.body),
      kind: 'news',
      unitCode: 'parks',
      titleZh: '公園整修新聞稿',
      bodyZh: '整修期間：四月一日至四月三十日。',
      changeNote: '補上整修期間',
    });
    assert.equal(fixed.statusCode, 303);
    const versions = await db
      .select()
      .from(contentVersions)
      .where(eq(contentVersions.itemId, item.id))
      .orderBy(asc(contentVersions.version));
    assert.deepEqual(
      versions.map((version) => [
        version.version,
        version.reviewDecision,
        version.reviewNote,
        version.bodyZh,
      ]),
      [
        [1, 'returned', '請補上整修期間', ''],
        [2, null, '', '整修期間：四月一日至四月三十日。'],
      ],
    );
    assert.equal((await itemOf(number)).currentVersion, 2);
    assert.equal(
      (await auditEntries(db, 'portal.content.returned', item.id))[0]?.actorStaffId,
      reviewer.member.id,
    );
  });

  it('an edit made meanwhile by someone else is not overwritten unknowingly', async () => {
    const first = await aSignedInMember(subject, { role: 'web_editor' });
    const second = await aSignedInMember(subject, { role: 'web_editor' });
    const created = await first.submit('/staff/content/new', '/staff/content/new', {
      kind: 'activity',
      unitCode: 'parks',
      titleZh: '植樹活動',
    });
    const number = Number(/(\d+)\/edit/.exec(String(created.headers.location))?.[1]);
    const editPath = `/staff/content/${number}/edit`;
    const firstForm = await first.get(editPath);
    const secondForm = await second.get(editPath);
    const stampOf = (html: string) => /name="baseStamp" value="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.match(stampOf(firstForm.body), /^1@/);
    const fields = { kind: 'activity', unitCode: 'parks', titleZh: '植樹活動（三月）' };
    subject.clock.advance(60_000);
    const saved = await first.post(editPath, {
      _csrf: csrfTokenIn(firstForm.body),
      ...fields,
      baseStamp: stampOf(firstForm.body),
    });
    assert.equal(saved.statusCode, 303);
    const stale = await second.post(editPath, {
      _csrf: csrfTokenIn(secondForm.body),
      ...fields,
      titleZh: '植樹活動（四月）',
      baseStamp: stampOf(secondForm.body),
    });
    assert.equal(stale.statusCode, 409);
    assert.match(decode(stale.body), /這則資訊剛被別人改過/);
    assert.match(stale.body, /value="植樹活動（四月）"/);
    const [version] = await subject.database.db
      .select({ titleZh: contentVersions.titleZh })
      .from(contentVersions)
      .innerJoin(contentItems, eq(contentItems.id, contentVersions.itemId))
      .where(eq(contentItems.number, number));
    assert.equal(version?.titleZh, '植樹活動（三月）');
    // Sent again from the page that said so, it replaces the newer edit knowingly.
    const again = await second.post(editPath, {
      _csrf: csrfTokenIn(stale.body),
      ...fields,
      titleZh: '植樹活動（四月）',
      baseStamp: stampOf(stale.body),
    });
    assert.equal(again.statusCode, 303);
  });

  it('an upload that is no file for the web, or no file at all, is refused with every problem', async () => {
    const writer = await aSignedInMember(subject, { role: 'web_editor' });
    const created = await writer.submit('/staff/content/new', '/staff/content/new', {
      kind: 'form',
      unitCode: 'building',
      titleZh: '申請書表',
    });
    const number = Number(/\/staff\/content\/(\d+)\/edit/.exec(String(created.headers.location ?? ''))?.[1]);
    const filesPath = `/staff/content/${number}/files`;
    await writer.get(filesPath);
    const refused = await writer.postMultipart(
      filesPath,
      multipartForm({ titleZh: '', role: 'sample', sortOrder: 'x' }, []),
    );
    assert.equal(refused.statusCode, 400);
    const page = decode(mainOf(refused.body));
    assert.match(page, /<a href="#file">檔案：請選擇要上傳的檔案<\/a>/);
    assert.match(page, /<a href="#titleZh">請填寫附件名稱（中文）<\/a>/);
    assert.match(page, /<a href="#sortOrder">排序：排序須為 0 到 999 的整數<\/a>/);
    const item = await itemOf(number);
    const files = await subject.database.db
      .select()
      .from(contentAttachments)
      .where(eq(contentAttachments.itemId, item.id));
    assert.deepEqual(files, []);
  });

  it('refuses staff who are not web editors', async () => {
    const handler = await aSignedInMember(subject, { role: 'handler' });
    assert.equal((await handler.get('/staff/content')).statusCode, 403);
    assert.equal((await handler.get('/staff/content/new')).statusCode, 403);
    const english = await aSignedInMember(subject, { role: 'web_editor', lang: 'en' });
    const list = await english.get('/en/staff/content');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /<h1 class="govuk-heading-l">Website information<\/h1>/);
    assert.match(list.body, /<label class="govuk-label" for="filter-state">State<\/label>/);
  });

  it('every page of an item opens in English, its labels in English', async () => {
    const english = await aSignedInMember(subject, { role: 'web_editor', lang: 'en' });
    const created = await english.submit('/en/staff/content/new', '/en/staff/content/new', {
      kind: 'regulation',
      unitCode: 'building',
      titleZh: '建築管理自治條例',
    });
    assert.equal(created.statusCode, 303);
    assert.match(String(created.headers.location), /^\/en\/staff\/content\/\d+\/edit\?done=created$/);
    const number = Number(/(\d+)\/edit/.exec(String(created.headers.location))?.[1]);
    const pages: [string, RegExp][] = [
      [
        `/en/staff/content/${number}/edit?done=created`,
        /The draft has been created\.[\s\S]*Title \(English\)[\s\S]*Theme classification/,
      ],
      [`/en/staff/content/${number}`, /Item \d+: 建築管理自治條例[\s\S]*Send for review[\s\S]*Versions/],
      [`/en/staff/content/${number}/files`, /Files of item \d+[\s\S]*Name of the file \(Chinese\)/],
      [`/en/staff/content/${number}/versions/1`, /Item \d+, version 1[\s\S]*What the first version says/],
    ];
    for (const [path, expected] of pages) {
      const page = await english.get(path);
      assert.equal(page.statusCode, 200, path);
      assert.match(decode(mainOf(page.body)), expected, path);
      assert.doesNotMatch(
        mainOf(page.body),
        /[送審核檔案版本]{2}/u,
        `${path} has Chinese words of the interface`,
      );
    }
  });
});
