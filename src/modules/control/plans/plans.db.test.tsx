import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { requiredMetaNames } from '../../../../test/helpers/government-metadata.ts';
import { mainOf, metaContent, summaryOf } from '../../../../test/helpers/html.ts';
import { aStaffMember, csrfTokenIn, signIn } from '../../../platform/auth/auth-test-support.ts';
import type { StaffRole } from '../../../platform/auth/principal.ts';
import { seedReferenceData } from '../../../seed.ts';
import { controlTestApp, signedInMember } from '../shared/control-app-test-support.ts';
import { paginationOf } from '../shared/control-test-support.ts';
import { getPlan, getPublishedPlan, listPlanChanges, listPlanVersions } from './plan-reads.ts';
import { controlPlans } from './plan-schema.ts';
import { practiceRef } from './plan-types.ts';

const subject = await controlTestApp();
const db = subject.database.db;
const pool = subject.database.pool;

const get = (url: string) => subject.app.inject({ method: 'GET', url });

const signedIn = (role: StaffRole, unitCode?: string) => signedInMember(subject, role, unitCode);

/** The id and address of a practice of a year's plan, by its reference (「一(二)9」). */
async function practiceOf(year: number, ref: string) {
  const plan = await getPlan(db, year);
  assert.ok(plan, `plan ${year}`);
  for (const item of plan.items)
    for (const strategy of item.strategies)
      for (const practice of strategy.practices)
        if (practiceRef(item.ordinal, strategy.ordinal, practice) === ref)
          return { plan, practice, strategy };
  throw new Error(`no practice ${ref} in ${year}`);
}

const practiceCount = (html: string) => (html.match(/class="ow-plan-practice"/g) ?? []).length;

describe('the 101 (2012) plan, loaded at first start', () => {
  it('is published as version 1 and public in Chinese, with every practice and the government metadata', async () => {
    const published = await getPublishedPlan(db, 2012);
    assert.ok(published);
    assert.equal(published.version, 1);
    assert.equal(published.content.items.length, 5);

    const response = await get('/plans/2012');
    assert.equal(response.statusCode, 200);
    const html = response.body;
    assert.match(html, /<title>高雄市政府工務局 101 年度提升服務品質執行計畫 - 高雄市政府工務局<\/title>/);
    for (const name of requiredMetaNames) assert.ok(metaContent(html, name)?.trim(), name);
    assert.equal(metaContent(html, 'DC.Identifier'), '397030000H-plan-2012');
    assert.equal(metaContent(html, 'DC.coverage.t.min'), '2012-01-01');
    assert.equal(metaContent(html, 'DC.coverage.t.max'), '2012-12-31');
    const main = mainOf(html);
    assert.equal(practiceCount(main), 96);
    // Headings: sections (h2), items (h3), strategies (h4).
    assert.equal((main.match(/<h3 class="govuk-heading-m ow-plan-item"/g) ?? []).length, 5);
    assert.equal((main.match(/<h4 class="govuk-heading-s"/g) ?? []).length, 23);
    for (const heading of ['壹、計畫依據', '伍、實施步驟', '陸、管制查考', '附件：工作計畫(參考格式)'])
      assert.ok(main.includes(heading), heading);
    assert.match(main, /<dt>完成期限<\/dt><dd>101年4月<\/dd>/);
    assert.match(main, /<dt>完成期限<\/dt><dd>每日<\/dd>/);
    assert.match(main, /<dt>承辦單位<\/dt><dd>計畫未列<\/dd>/);
    assert.match(main, /<dt>承辦單位<\/dt><dd>建築管理處（計畫原文：建管處）<\/dd>/);
    assert.match(main, /表列名稱：提供創新（意）服務情形/);
    assert.match(main, /<th scope="col" class="govuk-table__header">工作\(推動\)方法<\/th>/);

    const list = await get('/plans');
    assert.equal(list.statusCode, 200);
    assert.match(mainOf(list.body), /href="\/plans\/2012"/);
  });

  it('has an English summary with the five items and every strategy translated', async () => {
    const response = await get('/en/plans/2012');
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /<html lang="en"/);
    const main = mainOf(response.body);
    assert.match(main, /Execution Plan for Improving Service Quality, 2012 \(ROC year 101\)/);
    for (const title of [
      'Improve service quality and deepen service performance',
      'Make service procedures convenient and keep processes transparent',
      'Innovate service methods and integrate service resources',
    ])
      assert.ok(main.includes(title), title);
    assert.equal((main.match(/<h4 class="govuk-heading-s"/g) ?? []).length, 23);
    assert.match(main, /December 2012/);
    assert.match(main, /Building Administration Office/);
    assert.equal(metaContent(response.body, 'DC.Language'), 'en');
    assert.match(mainOf((await get('/en/plans')).body), /href="\/en\/plans\/2012"/);
  });

  it('loads once: a second seeding leaves the plan as it is', async () => {
    const result = await seedReferenceData(db, { force: true });
    assert.equal(result.modules.plans, 0);
    const { rows } = await pool.query<{ count: string }>(
      `select count(*) from control_plans where year = 2012`,
    );
    assert.equal(rows[0]?.count, '1');
    const { rows: practices } = await pool.query<{ count: string }>(
      `select count(*) from control_plan_practices p join control_plans c on c.id = p.plan_id where c.year = 2012`,
    );
    assert.equal(practices[0]?.count, '96');
  });

  it('a year without a published plan is a 404; versions beyond the current one too', async () => {
    assert.equal((await get('/plans/1999')).statusCode, 404);
    assert.equal((await get('/plans/2012?version=9')).statusCode, 404);
  });
});

describe('plans per year: copy, edit, publish, change with a reason', () => {
  it('the secretariat copies 2012 to 2027 as a draft, fixes a practice (every mistake listed at once), publishes, then changes it with a reason', async () => {
    const secretariat = await signedIn('secretariat');

    // Copy: two problems at once first.
    const wrong = await secretariat.submit('/staff/plans', '/staff/plans/copy', {
      fromYear: '2026',
      toYear: '2012',
    });
    assert.equal(wrong.statusCode, 400);
    assert.deepEqual(summaryOf(wrong.body), [
      ['fromYear', '複製哪一年的計畫：沒有已發布的「2026」年度計畫可以複製。'],
      ['toYear', '新計畫的年度（西元）：2012 年（民國 101 年）已經有計畫了，請直接編輯它。'],
    ]);
    const copied = await secretariat.submit('/staff/plans', '/staff/plans/copy', {
      fromYear: '2012',
      toYear: '2027',
    });
    assert.equal(copied.statusCode, 303);
    assert.equal(copied.headers.location, '/staff/plans/2027?copied=1');
    const draft = await getPlan(db, 2027);
    assert.ok(draft);
    assert.equal(draft.status, 'draft');
    assert.equal(draft.rocYear, 116);
    assert.equal(draft.title, '高雄市政府工務局 116 年度提升服務品質執行計畫');
    assert.equal(draft.copiedFromYear, 2012);
    const draftPractices = draft.items.flatMap((item) =>
      item.strategies.flatMap((strategy) => strategy.practices),
    );
    assert.equal(draftPractices.length, 96);
    const { practice: first } = await practiceOf(2027, '一(一)');
    assert.deepEqual(first.deadline, { kind: 'month', rocYear: 116, month: 4 });
    // New ids, each remembering its source.
    const original = await practiceOf(2012, '一(一)');
    assert.notEqual(first.id, original.practice.id);
    const { rows: sources } = await pool.query<{ copied_from_id: string }>(
      'select copied_from_id from control_plan_practices where id = $1',
      [first.id],
    );
    assert.equal(sources[0]?.copied_from_id, original.practice.id);
    // A draft is not public.
    assert.equal((await get('/plans/2027')).statusCode, 404);
    const overview = await secretariat.get('/staff/plans/2027?copied=1');
    assert.equal(overview.statusCode, 200);
    assert.match(overview.body, /已建立 2027 年（民國 116 年）的計畫草稿。/);

    // Edit 一(二)9 with three mistakes (and a number its sibling has): every problem at once.
    const { practice: target } = await practiceOf(2027, '一(二)9');
    const editUrl = `/staff/plans/2027/practices/${target.id}`;
    const mistakes = await secretariat.submit(editUrl, editUrl, {
      number: '8',
      text: '   ',
      parts: '',
      deadlineKind: 'month',
      deadlineRocYear: '116',
      deadlineMonth: '13',
      unitCodes: 'no-such-unit',
    });
    assert.equal(mistakes.statusCode, 400);
    assert.match(mistakes.body, /<title>錯誤：編輯推動作法 一\(二\)9/);
    assert.deepEqual(summaryOf(mistakes.body), [
      ['number', '編號：這個執行策略已有編號 8. 的推動作法。'],
      ['text', '推動作法內容：請填寫此欄位。'],
      ['deadlineMonth', '月：月份請填 1 到 12。'],
      ['unitCodes', '承辦單位：沒有代碼為「no-such-unit」的單位。'],
    ]);
    // What was typed is kept, and each input carries its message.
    assert.match(mistakes.body, /id="deadlineMonth" name="deadlineMonth" type="text" value="13"/);
    assert.match(mistakes.body, /<p id="text-error" class="govuk-error-message">/);
    assert.deepEqual((await practiceOf(2027, '一(二)9')).practice.text, target.text, 'nothing was saved');

    const fixed = await secretariat.submit(editUrl, editUrl, {
      number: '9',
      text: target.text,
      parts: '',
      deadlineKind: 'month',
      deadlineRocYear: '116',
      deadlineMonth: '12',
      everyUnit: 'yes',
    });
    assert.equal(fixed.statusCode, 303);
    assert.equal(fixed.headers.location, `/staff/plans/2027?saved=0#practice-${target.id}`);
    const saved = (await practiceOf(2027, '一(二)9')).practice;
    assert.deepEqual(saved.deadline, { kind: 'month', rocYear: 116, month: 12 });
    assert.equal(saved.everyUnit, true);
    assert.equal(saved.id, target.id, 'the id stays');

    // Publish: version 1, public.
    const publish = await secretariat.submit('/staff/plans/2027', '/staff/plans/2027/publish', {});
    assert.equal(publish.statusCode, 303);
    const published = await getPublishedPlan(db, 2027);
    assert.ok(published);
    assert.equal(published.version, 1);
    const publicPage = await get('/plans/2027');
    assert.equal(publicPage.statusCode, 200);
    assert.equal(practiceCount(mainOf(publicPage.body)), 96);
    const again = await secretariat.submit('/staff/plans/2027', '/staff/plans/2027/publish', {});
    assert.equal(again.statusCode, 409);
    assert.deepEqual(
      summaryOf(again.body).map(([, label]) => label),
      ['這份計畫已經發布過了。'],
    );

    // A change after publishing needs a reason…
    const fields = {
      number: '9',
      text: '每年至少辦理洽公環境設備檢查及使用者滿意度調查2次，適時改善或更新，以符服務需求',
      parts: '',
      deadlineKind: 'month',
      deadlineRocYear: '116',
      deadlineMonth: '6',
      everyUnit: 'yes',
    };
    const noReason = await secretariat.submit(editUrl, editUrl, { ...fields, reason: '  ' });
    assert.equal(noReason.statusCode, 400);
    assert.deepEqual(summaryOf(noReason.body), [
      ['reason', '修改原因：這份計畫已經發布，修改時請說明原因。'],
    ]);
    assert.equal((await getPublishedPlan(db, 2027))?.version, 1);

    // …and with one it becomes version 2, with a change-log row saying who, when and why.
    const reason = '116年度起改為每半年檢查一次';
    const changed = await secretariat.submit(editUrl, editUrl, { ...fields, reason });
    assert.equal(changed.statusCode, 303);
    assert.equal(changed.headers.location, `/staff/plans/2027?saved=2#practice-${target.id}`);
    const plan = await getPlan(db, 2027);
    assert.ok(plan);
    assert.equal(plan.publishedVersion, 2);
    const changes = await listPlanChanges(db, plan.id);
    assert.equal(changes.length, 1);
    assert.equal(changes[0]?.version, 2);
    assert.equal(changes[0]?.changedBy, secretariat.member.email);
    assert.equal(changes[0]?.reason, reason);
    assert.equal(changes[0]?.action, 'practice_saved');
    assert.equal(changes[0]?.target, '一(二)9');
    assert.equal(changes[0]?.changedAt.toISOString(), subject.clock.now().toISOString());
    assert.deepEqual(
      (await listPlanVersions(db, plan.id)).map((version) => version.version),
      [2, 1],
    );
    // Version 1 is kept as it was; version 2 has the change.
    const version1 = await getPublishedPlan(db, 2027, 1);
    const version2 = await getPublishedPlan(db, 2027);
    const textIn = (content: NonNullable<typeof version1>['content']) =>
      content.items[0]?.strategies[1]?.practices[8]?.text;
    assert.match(textIn(version1?.content ?? published.content) ?? '', /調查1次/);
    assert.match(textIn(version2?.content ?? published.content) ?? '', /調查2次/);

    // The public page shows version 2 and the reason (never who); ?version=1 the old text.
    const current = mainOf((await get('/plans/2027')).body);
    assert.match(current, /第 2 版/);
    assert.ok(current.includes(reason));
    assert.ok(!current.includes(secretariat.member.email), 'no staff address on a public page');
    assert.match(current, /調查2次/);
    const old = mainOf((await get('/plans/2027?version=1')).body);
    assert.match(old, /這是第 1 版，不是現行版本。/);
    assert.match(old, /調查1次/);
    // The staff overview lists the change.
    const log = await secretariat.get('/staff/plans/2027');
    assert.match(log.body, /修改推動作法 一\(二\)9/);
    assert.ok(log.body.includes(reason));

    // Every step is in the audit log.
    const { rows: audit } = await pool.query<{ action: string; actor_label: string }>(
      `select action, actor_label from audit_log where target_type = 'control_plan' and target_id = '2027' order by id`,
    );
    assert.deepEqual(
      audit.map((row) => row.action),
      ['control.plan_copied', 'control.practice_saved', 'control.plan_published', 'control.practice_saved'],
    );
    assert.ok(audit.every((row) => row.actor_label === secretariat.member.email));

    // Published versions and the change log cannot be rewritten, not even by the application's role.
    await assert.rejects(
      pool.query(`update control_plan_versions set published_by = 'x' where plan_id = $1`, [plan.id]),
      /append-only/,
    );
    await assert.rejects(
      pool.query(`delete from control_plan_changes where plan_id = $1`, [plan.id]),
      /append-only/,
    );
  });

  it('removing from a published plan needs a reason and keeps the entry for the versions that had it', async () => {
    const admin = await signedIn('admin');
    const copied = await admin.submit('/staff/plans', '/staff/plans/copy', {
      fromYear: '2012',
      toYear: '2030',
    });
    assert.equal(copied.statusCode, 303);
    assert.equal((await admin.submit('/staff/plans/2030', '/staff/plans/2030/publish', {})).statusCode, 303);
    const { practice, strategy } = await practiceOf(2030, '五(三)3');
    const url = `/staff/plans/2030/practices/${practice.id}`;
    const refused = await admin.submit(url, `${url}/remove`, {});
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(
      summaryOf(refused.body).map(([input]) => input),
      ['confirm', 'removeReason'],
    );
    const removed = await admin.submit(url, `${url}/remove`, {
      confirm: 'yes',
      removeReason: '已併入五(三)2',
    });
    assert.equal(removed.statusCode, 303);
    assert.equal(removed.headers.location, `/staff/plans/2030?removed=2#strategy-${strategy.id}`);
    const plan = await getPlan(db, 2030);
    assert.equal(plan?.items[4]?.strategies[2]?.practices.length, 2);
    const { rows } = await pool.query<{ removed_in_version: number }>(
      'select removed_in_version from control_plan_practices where id = $1',
      [practice.id],
    );
    assert.equal(rows[0]?.removed_in_version, 2, 'kept, marked removed');
    assert.equal((await getPublishedPlan(db, 2030, 1))?.content.items[4]?.strategies[2]?.practices.length, 3);
    // Adding a practice with the number just freed is fine again.
    const strategyUrl = `/staff/plans/2030/strategies/${strategy.id}/practices/new`;
    const added = await admin.submit(strategyUrl, strategyUrl, {
      number: '3',
      text: '推動空地綠美化。',
      deadlineKind: 'daily',
      unitCodes: 'building',
      reason: '重新列入',
    });
    assert.equal(added.statusCode, 303);
    assert.equal((await getPlan(db, 2030))?.publishedVersion, 3);
  });

  it('a new plan cannot be published while an item has no strategy; the overview lists each such problem', async () => {
    const secretariat = await signedIn('secretariat');
    assert.equal(
      (await secretariat.submit('/staff/plans', '/staff/plans/copy', { fromYear: '2012', toYear: '2031' }))
        .statusCode,
      303,
    );
    const added = await secretariat.submit('/staff/plans/2031/items/new', '/staff/plans/2031/items/new', {
      number: '六',
      title: '強化韌性服務',
      tableTitle: '',
      titleEn: '',
    });
    assert.equal(added.statusCode, 303);
    const duplicate = await secretariat.submit('/staff/plans/2031/items/new', '/staff/plans/2031/items/new', {
      number: '6',
      title: '',
    });
    assert.equal(duplicate.statusCode, 400);
    assert.deepEqual(
      summaryOf(duplicate.body).map(([input]) => input),
      ['number', 'title'],
    );
    const publish = await secretariat.submit('/staff/plans/2031', '/staff/plans/2031/publish', {});
    assert.equal(publish.statusCode, 400);
    const problems = summaryOf(publish.body);
    assert.equal(problems.length, 1);
    assert.match(problems[0]?.[0] ?? '', /^item-/);
    assert.equal(problems[0]?.[1], '實施要項「六、強化韌性服務」還沒有執行策略。');
    assert.match(publish.body, new RegExp(`id="${problems[0]?.[0]}"`), 'the summary links to the item');
    assert.equal((await getPlan(db, 2031))?.status, 'draft');
  });
});

describe('who may do what', () => {
  it('anonymous visitors read published plans only; staff pages send them to sign in', async () => {
    const list = await get('/staff/plans');
    assert.equal(list.statusCode, 303);
    assert.match(String(list.headers.location), /^\/staff\/sign-in\?return=%2Fstaff%2Fplans/);
    const post = await subject.app.inject({
      method: 'POST',
      url: '/staff/plans/copy',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'fromYear=2012&toYear=2040',
    });
    assert.equal(post.statusCode, 403, 'no CSRF token, no session');
    assert.equal(await getPlan(db, 2040), null);
  });

  it('a handler (or a web editor) cannot open or change plans: 403, nothing written', async () => {
    for (const role of ['handler', 'web_editor'] as const) {
      const member = await signedIn(role);
      assert.equal((await member.get('/staff/plans')).statusCode, 403, role);
      const { practice } = await practiceOf(2012, '一(二)9');
      const url = `/staff/plans/2012/practices/${practice.id}`;
      assert.equal((await member.get(url)).statusCode, 403, role);
      // The token of a page the member can open (the staff home) is a valid token: the role is what refuses.
      const home = await member.get('/staff');
      const response = await member.post(url, {
        _csrf: csrfTokenIn(home.body),
        number: '9',
        text: '改寫',
        deadlineKind: 'daily',
        reason: '試試看',
      });
      assert.equal(response.statusCode, 403, role);
      assert.match(response.body, /您沒有權限執行此操作。/, 'refused for the role, not the token');
      assert.equal((await practiceOf(2012, '一(二)9')).practice.text.startsWith('每年至少'), true);
    }
  });

  it('English staff pages list problems in English', async () => {
    const secretariat = await signIn(
      subject.app,
      await aStaffMember(db, { role: 'secretariat' }),
      subject.clock,
      'en',
    );
    const response = await secretariat.submit('/en/staff/plans', '/en/staff/plans/copy', {
      fromYear: '2012',
      toYear: 'next year',
    });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(summaryOf(response.body), [
      ['toYear', 'Year of the new plan: Enter a year from 1912 to 2200.'],
    ]);
  });
});

describe('the forms kit and the lists’ pages', () => {
  it('an over-long entry is answered by the form itself, every field at once, on the page (400), nothing saved', async () => {
    const secretariat = await signedIn('secretariat');
    const { plan } = await practiceOf(2012, '一(一)');
    const item = plan.items[0];
    assert.ok(item);
    const url = `/staff/plans/2012/items/${item.id}`;
    const response = await secretariat.submit(url, url, {
      number: '一',
      title: '長'.repeat(201),
      tableTitle: '',
      titleEn: 'x'.repeat(501),
      reason: '測試',
    });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(summaryOf(response.body), [
      ['title', '實施要項名稱最多 200 個字（現為 201 個字）'],
      ['titleEn', '英文名稱最多 500 個字（現為 501 個字）'],
    ]);
    assert.match(response.body, /<h2 class="govuk-error-summary__title">發生問題<\/h2>/);
    assert.match(
      response.body,
      new RegExp(`id="title" name="title" type="text" value="${'長'.repeat(201)}"`),
    );
    assert.equal((await getPlan(db, 2012))?.items[0]?.title, item.title, 'nothing saved');
  });

  it('the plans are listed 50 a page, newest first, for the staff and the public', async () => {
    // 55 earlier years (published) besides the plans the tests above made.
    const now = subject.clock.now();
    const template = (await getPlan(db, 2012))?.workPlanTemplate;
    assert.ok(template);
    await db.insert(controlPlans).values(
      Array.from({ length: 55 }, (_, index) => ({
        year: 1950 + index,
        rocYear: 1950 + index - 1911,
        status: 'published' as const,
        publishedVersion: 1,
        title: `${1950 + index - 1911} 年度提升服務品質執行計畫`,
        basis: [],
        goals: [],
        scope: '',
        contentIntro: '',
        steps: [],
        control: [],
        closing: [],
        workPlanTemplate: template,
        createdAt: now,
        createdBy: 'test',
        updatedAt: now,
        updatedBy: 'test',
      })),
    );
    const secretariat = await signedIn('secretariat');
    const years = (html: string) =>
      [...mainOf(html).matchAll(/data-plan-year="(\d+)"/g)].map((match) => Number(match[1]));
    const first = await secretariat.get('/staff/plans');
    assert.equal(years(first.body).length, 50);
    assert.equal(years(first.body)[0], 2031, 'newest first');
    assert.deepEqual(paginationOf(first.body), { previous: null, next: '/staff/plans?page=2' });
    const second = await secretariat.get('/staff/plans?page=2');
    const secondYears = years(second.body);
    assert.ok(secondYears.length > 0 && secondYears.length < 50);
    assert.equal(secondYears.at(-1), 1950, 'the oldest last');
    assert.ok(!years(first.body).some((year) => secondYears.includes(year)), 'no plan on both pages');
    assert.deepEqual(paginationOf(second.body), { previous: '/staff/plans?page=1', next: null });
    // The copy form still offers every published plan, not only this page's.
    assert.match(first.body, /<option value="1950"/);

    const publicSecond = await get('/en/plans?page=2');
    assert.equal(publicSecond.statusCode, 200);
    assert.match(mainOf(publicSecond.body), /href="\/en\/plans\/1950"/);
    assert.deepEqual(paginationOf(publicSecond.body).previous, '/en/plans?page=1');
    assert.equal((await get('/plans?page=abc')).statusCode, 200, 'a page that is not a number is the first');
  });
});
