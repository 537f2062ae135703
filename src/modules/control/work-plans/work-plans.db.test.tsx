import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { requiredMetaNames } from '../../../../test/helpers/government-metadata.ts';
import { mainOf, metaContent, summaryOf } from '../../../../test/helpers/html.ts';
import { csrfTokenIn, type TestBrowser } from '../../../platform/auth/auth-test-support.ts';
import type { StaffRole } from '../../../platform/auth/principal.ts';
import { getPlan } from '../plans/plan-reads.ts';
import { practiceRef } from '../plans/plan-types.ts';
import { controlTestApp, signedInMember } from '../shared/control-app-test-support.ts';
import { addUnits, paginationOf } from '../shared/control-test-support.ts';
import { getWorkPlan } from './work-plan-reads.ts';

const subject = await controlTestApp();
const db = subject.database.db;
const pool = subject.database.pool;

const base = '/staff/work-plans';

const signedIn = (role: StaffRole, unitCode?: string) => signedInMember(subject, role, unitCode);

/** A practice of the 2012 plan by its reference (「一(二)9」). */
async function practiceId(ref: string): Promise<string> {
  const plan = await getPlan(db, 2012);
  assert.ok(plan);
  for (const item of plan.items)
    for (const strategy of item.strategies)
      for (const practice of strategy.practices)
        if (practiceRef(item.ordinal, strategy.ordinal, practice) === ref) return practice.id;
  throw new Error(`no practice ${ref}`);
}

async function csrfOf(browser: TestBrowser, page = `${base}?year=2012`): Promise<string> {
  const response = await browser.get(page);
  assert.equal(response.statusCode, 200, `${page}: ${response.statusCode}`);
  return csrfTokenIn(response.body);
}

async function versionOf(unit: string): Promise<number> {
  const plan = await getWorkPlan(db, 2012, unit);
  assert.ok(plan);
  return plan.version;
}

async function startDraft(editor: TestBrowser, unit: string): Promise<void> {
  const list = await editor.get(`${base}?year=2012`);
  assert.equal(list.statusCode, 200);
  assert.match(mainOf(list.body), new RegExp(`action="${base}/2012"`));
  const created = await editor.post(`${base}/2012`, { _csrf: csrfTokenIn(list.body) });
  assert.equal(created.statusCode, 303);
  assert.equal(created.headers.location, `${base}/2012/${unit}`);
}

function methodFields(
  method: string,
  targets: { indicator: string; unit: string; baseline: string; target: string; measurement: string }[],
): Record<string, string> {
  const fields: Record<string, string> = {
    itemText: '一、提升服務品質，深化服務績效',
    focusText: '縮短申辦時間',
    methodText: method,
    remarks: '每季檢討',
  };
  targets.forEach((target, index) => {
    const n = index + 1;
    fields[`target-${n}-indicator`] = target.indicator;
    fields[`target-${n}-unitOfMeasure`] = target.unit;
    fields[`target-${n}-baseline`] = target.baseline;
    fields[`target-${n}-target`] = target.target;
    fields[`target-${n}-measurement`] = target.measurement;
  });
  return fields;
}

/** Posts a form whose practiceIds repeat (URLSearchParams keeps every value). */
async function postMethod(
  browser: TestBrowser,
  url: string,
  fields: Record<string, string>,
  practiceIds: string[],
): Promise<{ statusCode: number; body: string; headers: Record<string, unknown> }> {
  const params = new URLSearchParams(fields);
  for (const id of practiceIds) params.append('practiceIds', id);
  const response = await browser.app.inject({
    method: 'POST',
    url,
    headers: { cookie: browser.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
    payload: params.toString(),
  });
  return browser.keep(response as never) as unknown as {
    statusCode: number;
    body: string;
    headers: Record<string, unknown>;
  };
}

async function addMethod(
  editor: TestBrowser,
  unit: string,
  practiceIds: string[],
  method: string,
  targets: Parameters<typeof methodFields>[1],
) {
  const url = `${base}/2012/${unit}/rows/new`;
  const fields = {
    _csrf: await csrfOf(editor, url),
    version: String(await versionOf(unit)),
    ...methodFields(method, targets),
  };
  return postMethod(editor, url, fields, practiceIds);
}

async function act(browser: TestBrowser, unit: string, action: string, fields: Record<string, string> = {}) {
  return browser.post(`${base}/2012/${unit}/${action}`, {
    _csrf: await csrfOf(browser, `${base}/2012/${unit}`),
    version: String(await versionOf(unit)),
    ...fields,
  });
}

const target = (indicator: string, baseline: string, goal: string) => ({
  indicator,
  unit: '%',
  baseline,
  target: goal,
  measurement: '每月統計',
});

describe('units’ work plans: the whole flow', () => {
  it('an editor drafts, the head approves, the secretariat returns with two comments, then accepts and publishes', async () => {
    const unit = 'planning';
    const editor = await signedIn('unit_editor', unit);
    const head = await signedIn('unit_head', unit);
    const secretariat = await signedIn('secretariat');
    const everyUnit = await practiceId('一(一)');
    const innovation = await practiceId('五(一)1');

    // The staff home leads unit staff to the work plans.
    // Its words say where it goes (issue 14 §15: it said 「管考：執行計畫進度…」 and opened the work plans).
    const home = mainOf((await editor.get('/staff')).body);
    assert.match(home, /<a[^>]*href="\/staff\/work-plans"[^>]*>本單位工作計畫：/);
    assert.ok(!home.includes('管考：執行計畫進度'));

    await startDraft(editor, unit);
    const first = await addMethod(editor, unit, [everyUnit], '線上申辦一次完成', [
      target('線上申辦比率', '40', '60'),
      target('平均辦理天數', '7.5', '5'),
    ]);
    assert.equal(first.statusCode, 303, first.body.slice(0, 2000));
    assert.equal(first.headers.location, `${base}/2012/${unit}?done=saved`);
    const second = await addMethod(editor, unit, [everyUnit, innovation], '流程再造', [
      target('簡化表單數', '0', '12'),
    ]);
    assert.equal(second.statusCode, 303);

    let plan = await getWorkPlan(db, 2012, unit);
    assert.ok(plan);
    assert.equal(plan.state, 'draft');
    assert.equal(plan.version, 3);
    assert.equal(plan.updatedBy, editor.member.displayName);
    assert.deepEqual(
      plan.rows.map((row) => [
        row.methodText,
        row.practiceIds,
        row.targets.map((t) => [t.indicator, t.baseline, t.target]),
      ]),
      [
        [
          '線上申辦一次完成',
          [everyUnit],
          [
            ['線上申辦比率', 40, 60],
            ['平均辦理天數', 7.5, 5],
          ],
        ],
        ['流程再造', [everyUnit, innovation], [['簡化表單數', 0, 12]]],
      ],
    );
    const page = mainOf((await editor.get(`${base}/2012/${unit}`)).body);
    assert.match(page, /線上申辦比率：基準 40 %，目標 60 %（每月統計）/);
    assert.match(page, /一\(一\)、五\(一\)1/);

    // Submit; the head approves.
    assert.equal((await act(editor, unit, 'submit')).statusCode, 303);
    assert.equal((await getWorkPlan(db, 2012, unit))?.state, 'submitted');
    const headPage = mainOf((await head.get(`${base}/2012/${unit}`)).body);
    assert.match(headPage, /核定，送秘書室/);
    assert.doesNotMatch(headPage, /新增工作\(推動\)方法/);
    assert.equal((await act(head, unit, 'approve')).statusCode, 303);
    assert.equal((await getWorkPlan(db, 2012, unit))?.state, 'approved_by_head');

    // The secretariat sees it in the overview and returns it with two comments in one action.
    const overview = mainOf((await secretariat.get(`${base}?year=2012`)).body);
    assert.match(overview, /data-unit="planning"[\s\S]*?data-state="approved_by_head"/);
    assert.match(
      overview,
      /data-state="approved_by_head">[^<]*<\/td><td class="govuk-table__cell govuk-table__cell--numeric">2<\/td>/,
    );
    assert.match(overview, /data-unit="building"[\s\S]*?data-state="none"/);
    plan = await getWorkPlan(db, 2012, unit);
    assert.ok(plan);
    const firstRow = plan.rows[0];
    assert.ok(firstRow);
    const returned = await act(secretariat, unit, 'return', {
      'comment-plan': '請補充計畫目標的依據。',
      [`comment-${firstRow.id}`]: '目標值偏低，請提高到 70%。',
    });
    assert.equal(returned.statusCode, 303);
    plan = await getWorkPlan(db, 2012, unit);
    assert.ok(plan);
    assert.equal(plan.state, 'returned');
    assert.deepEqual(
      plan.comments.map((comment) => [
        comment.rowId,
        comment.rowLabel,
        comment.stage,
        comment.author,
        comment.text,
      ]),
      [
        [null, null, 'secretariat', secretariat.member.displayName, '請補充計畫目標的依據。'],
        [
          firstRow.id,
          '線上申辦一次完成',
          'secretariat',
          secretariat.member.displayName,
          '目標值偏低，請提高到 70%。',
        ],
      ],
    );
    const editorPage = mainOf((await editor.get(`${base}/2012/${unit}`)).body);
    assert.match(editorPage, /退回修正/);
    assert.match(editorPage, /目標值偏低，請提高到 70%。/);

    // The editor fixes the method and submits again; the head approves, the secretariat accepts.
    const editUrl = `${base}/2012/${unit}/rows/${firstRow.id}`;
    const editForm = await editor.get(editUrl);
    assert.match(editForm.body, /value="60"/);
    const fixed = await postMethod(
      editor,
      editUrl,
      {
        _csrf: csrfTokenIn(editForm.body),
        version: String(plan.version),
        ...methodFields('線上申辦一次完成', [target('線上申辦比率', '40', '70')]),
      },
      [everyUnit],
    );
    assert.equal(fixed.statusCode, 303);
    assert.deepEqual(
      (await getWorkPlan(db, 2012, unit))?.rows[0]?.targets.map((t) => [t.indicator, t.target]),
      [['線上申辦比率', 70]],
    );
    assert.equal((await act(editor, unit, 'submit')).statusCode, 303);
    assert.equal((await act(head, unit, 'approve')).statusCode, 303);
    assert.equal((await act(secretariat, unit, 'accept')).statusCode, 303);
    assert.equal((await getWorkPlan(db, 2012, unit))?.state, 'accepted');

    // Not public until published.
    assert.equal(
      (await subject.app.inject({ method: 'GET', url: `/work-plans/2012/${unit}` })).statusCode,
      404,
    );
    assert.equal((await act(secretariat, unit, 'publish')).statusCode, 303);
    plan = await getWorkPlan(db, 2012, unit);
    assert.equal(plan?.state, 'published');

    const publicPage = await subject.app.inject({ method: 'GET', url: `/work-plans/2012/${unit}` });
    assert.equal(publicPage.statusCode, 200);
    for (const name of requiredMetaNames) assert.ok(metaContent(publicPage.body, name)?.trim(), name);
    assert.equal(metaContent(publicPage.body, 'DC.Identifier'), '397030000H-work-plan-2012-planning');
    assert.equal(metaContent(publicPage.body, 'DC.coverage.t.min'), '2012-01-01');
    const publicMain = mainOf(publicPage.body);
    assert.match(publicMain, /線上申辦一次完成/);
    assert.match(publicMain, /流程再造/);
    assert.match(publicMain, /<td class="govuk-table__cell govuk-table__cell--numeric">70 %<\/td>/);
    assert.match(publicMain, /簡化表單數/);
    // Review comments and staff names stay off the public page.
    assert.doesNotMatch(publicMain, /目標值偏低/);
    assert.ok(!publicMain.includes(editor.member.displayName));
    const english = await subject.app.inject({ method: 'GET', url: `/en/work-plans/2012/${unit}` });
    assert.equal(english.statusCode, 200);
    assert.equal(metaContent(english.body, 'DC.Language'), 'en');
    assert.match(mainOf(english.body), /Quantified targets of “流程再造”/);
    const list = await subject.app.inject({ method: 'GET', url: '/work-plans/2012' });
    assert.match(mainOf(list.body), /href="\/work-plans\/2012\/planning"/);
    // Reachable (issue 14 §15): from the year's plan, the list of plans, the site map's page of work plans.
    const get = (url: string) => subject.app.inject({ method: 'GET', url });
    assert.match(mainOf((await get('/plans/2012')).body), /<a class="govuk-link" href="\/work-plans\/2012">/);
    assert.match(
      mainOf((await get('/en/plans/2012')).body),
      /href="\/en\/work-plans\/2012">Units’ published work plans for 2012</,
    );
    assert.match(mainOf((await get('/plans')).body), /href="\/work-plans\/2012"/);
    const years = await get('/work-plans');
    assert.equal(years.statusCode, 200);
    assert.match(
      mainOf(years.body),
      /<a class="govuk-link" href="\/work-plans\/2012">101 年度各單位工作計畫<\/a>/,
    );
    assert.match(
      mainOf((await get('/en/work-plans')).body),
      /href="\/en\/work-plans\/2012">Units’ work plans, 2012</,
    );
    assert.match(mainOf((await get('/sitemap')).body), /href="\/work-plans"/);

    // Every change is in the audit log.
    const { rows } = await pool.query<{ action: string }>(
      `select action from audit_log where target_id = $1 order by id`,
      [plan?.id],
    );
    assert.deepEqual(
      rows.map((row) => row.action.replace('control.work_plan.', '')),
      [
        'created',
        'row_added',
        'row_added',
        'submit',
        'approve',
        'return',
        'row_saved',
        'submit',
        'approve',
        'accept',
        'publish',
      ],
    );
  });
});

describe('units’ work plans: bad input', () => {
  it('lists every problem at once: missing indicator, a target that is not a number, a practice the unit does not carry, empty texts', async () => {
    const unit = 'new-works';
    const editor = await signedIn('unit_editor', unit);
    await startDraft(editor, unit);
    const mine = await practiceId('一(一)');
    const buildingOnly = await practiceId('五(一)4');
    const url = `${base}/2012/${unit}/rows/new`;
    const response = await addMethod(editor, unit, [mine, buildingOnly], '', [
      { indicator: '', unit: '件', baseline: '10', target: 'abc', measurement: '統計' },
      { indicator: '滿意度', unit: '%', baseline: 'x', target: '90', measurement: '問卷' },
    ]);
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /<title>錯誤：/);
    assert.deepEqual(summaryOf(response.body), [
      ['methodText', '請填寫工作(推動)方法。'],
      ['practiceIds', '推動作法「五(一)4」不是本單位承辦的。'],
      ['target-1-indicator', '目標 1：請填寫指標。'],
      ['target-1-target', '目標 1：目標值請填數字，例如 95。'],
      ['target-2-baseline', '目標 2：基準值請填數字，例如 80。'],
    ]);
    // What was typed comes back.
    assert.match(response.body, /value="abc"/);
    assert.equal((await getWorkPlan(db, 2012, unit))?.rows.length, 0);

    // A method without any target, in English.
    const english = await postMethod(
      editor,
      `/en${url}`,
      {
        _csrf: await csrfOf(editor, `/en${url}`),
        version: String(await versionOf(unit)),
        ...methodFields('A method', []),
      },
      [mine],
    );
    assert.equal(english.statusCode, 400);
    assert.deepEqual(summaryOf(english.body), [
      [
        'target-1-indicator',
        'Every method needs at least one quantified target: indicator, unit of measure, baseline, target and how it is measured.',
      ],
    ]);

    // An empty work plan cannot be submitted.
    const submitted = await act(editor, unit, 'submit');
    assert.equal(submitted.statusCode, 400);
    assert.deepEqual(summaryOf(submitted.body), [['main-content', '工作計畫至少要有一個工作(推動)方法。']]);
  });
});

describe('units’ work plans: who may do what', () => {
  it('refuses the editor of another unit, a handler, and a unit head acting as the secretariat', async () => {
    const unit = 'illegal-building';
    const editor = await signedIn('unit_editor', unit);
    const head = await signedIn('unit_head', unit);
    const otherEditor = await signedIn('unit_editor', 'parks');
    const handler = await signedIn('handler', unit);
    await startDraft(editor, unit);
    const mine = await practiceId('一(一)');
    const url = `${base}/2012/${unit}/rows/new`;
    const fields = methodFields('維護方法', [target('修復率', '80', '95')]);

    // Another unit's editor (no draft to see, no form, no post) and a handler of the same unit (read-only,
    // and a draft is not for them).
    assert.equal((await otherEditor.get(url)).statusCode, 403);
    for (const [who, browser] of Object.entries({ otherEditor, handler })) {
      assert.equal((await browser.get(`${base}/2012/${unit}`)).statusCode, 403, who);
      const post = await postMethod(browser, url, { _csrf: await csrfOf(browser), version: '1', ...fields }, [
        mine,
      ]);
      assert.equal(post.statusCode, 403, who);
    }
    assert.equal((await getWorkPlan(db, 2012, unit))?.rows.length, 0);

    assert.equal(
      (await addMethod(editor, unit, [mine], '維護方法', [target('修復率', '80', '95')])).statusCode,
      303,
    );
    // The editor cannot approve their own plan; the head cannot edit it.
    assert.equal((await act(editor, unit, 'submit')).statusCode, 303);
    // The head sends it back: a comment is needed; then the editor submits it again.
    const bare = await act(head, unit, 'send-back', { 'comment-plan': '  ' });
    assert.equal(bare.statusCode, 400);
    assert.deepEqual(summaryOf(bare.body), [['comment-plan', '退回時請說明要修正什麼。']]);
    assert.equal(
      (await act(head, unit, 'send-back', { 'comment-plan': '請補基準值來源。' })).statusCode,
      303,
    );
    const sentBack = await getWorkPlan(db, 2012, unit);
    assert.equal(sentBack?.state, 'returned');
    assert.deepEqual(
      sentBack?.comments.map((comment) => [comment.stage, comment.author, comment.text]),
      [['head', head.member.displayName, '請補基準值來源。']],
    );
    assert.equal((await act(editor, unit, 'submit')).statusCode, 303);
    assert.equal((await act(editor, unit, 'approve')).statusCode, 403);
    assert.equal((await head.get(url)).statusCode, 403);
    assert.equal((await act(head, unit, 'approve')).statusCode, 303);
    // The head cannot accept as the secretariat.
    const accepted = await head.post(`${base}/2012/${unit}/accept`, {
      _csrf: await csrfOf(head, `${base}/2012/${unit}`),
      version: String(await versionOf(unit)),
    });
    assert.equal(accepted.statusCode, 403);
    assert.equal((await getWorkPlan(db, 2012, unit))?.state, 'approved_by_head');
    // The secretariat cannot approve for the head, nor accept twice.
    const secretariat = await signedIn('secretariat');
    assert.equal((await act(secretariat, unit, 'accept')).statusCode, 303);
    const again = await act(secretariat, unit, 'accept');
    assert.equal(again.statusCode, 409);
    assert.deepEqual(summaryOf(again.body), [
      ['main-content', '工作計畫目前的狀態是「秘書室已同意」，不能這樣做。'],
    ]);
    // Once published, anyone on the staff may read it, nobody may change it.
    assert.equal((await act(secretariat, unit, 'publish')).statusCode, 303);
    assert.equal((await handler.get(`${base}/2012/${unit}`)).statusCode, 200);
    assert.equal((await otherEditor.get(`${base}/2012/${unit}`)).statusCode, 200);
    assert.equal((await otherEditor.get(url)).statusCode, 403);
    assert.equal((await editor.get(url)).statusCode, 409);
    const late = await postMethod(
      editor,
      url,
      { _csrf: await csrfOf(editor), version: String(await versionOf(unit)), ...fields },
      [mine],
    );
    assert.equal(late.statusCode, 409);
    const list = mainOf((await handler.get(`${base}?year=2012`)).body);
    assert.match(list, /data-unit="illegal-building"/);
    // Other units' drafts are not listed for them.
    assert.doesNotMatch(list, /data-unit="new-works"/);
  });
});

describe('units’ work plans: optimistic concurrency', () => {
  it('refuses a stale version with 409 naming who changed it and when', async () => {
    const unit = 'road-maintenance';
    const editor = await signedIn('unit_editor', unit);
    const colleague = await signedIn('unit_editor', unit);
    await startDraft(editor, unit);
    const mine = await practiceId('一(一)');
    const url = `${base}/2012/${unit}/rows/new`;
    // Both open the form at version 1; the colleague saves first.
    const staleVersion = String(await versionOf(unit));
    assert.equal(
      (await addMethod(colleague, unit, [mine], '巡查', [target('巡查次數', '10', '20')])).statusCode,
      303,
    );
    const stale = await postMethod(
      editor,
      url,
      {
        _csrf: await csrfOf(editor, url),
        version: staleVersion,
        ...methodFields('搶修', [target('搶修時間', '24', '12')]),
      },
      [mine],
    );
    assert.equal(stale.statusCode, 409);
    const [problem] = summaryOf(stale.body);
    assert.ok(problem);
    assert.match(problem[1], new RegExp(`由 ${colleague.member.displayName} 更新（第 2 版）`));
    assert.match(problem[1], /民國\d+年\d+月\d+日 \d\d:\d\d/);
    // What the editor typed is still there to save again.
    assert.match(stale.body, /value="搶修時間"/);
    assert.deepEqual(
      (await getWorkPlan(db, 2012, unit))?.rows.map((row) => row.methodText),
      ['巡查'],
    );
    // A stale submit is refused the same way.
    const submitted = await editor.post(`${base}/2012/${unit}/submit`, {
      _csrf: await csrfOf(editor, `${base}/2012/${unit}`),
      version: '1',
    });
    assert.equal(submitted.statusCode, 409);
    assert.equal((await getWorkPlan(db, 2012, unit))?.state, 'draft');
  });
});

describe('units’ work plans: the forms kit and the list’s pages', () => {
  it('an over-long method is answered by the form itself, every field at once (400), nothing saved', async () => {
    const unit = 'building';
    const editor = await signedIn('unit_editor', unit);
    await startDraft(editor, unit);
    const response = await addMethod(editor, unit, [await practiceId('一(一)')], '方'.repeat(2001), [
      target('指'.repeat(201), '1', '2'),
    ]);
    assert.equal(response.statusCode, 400);
    assert.deepEqual(summaryOf(response.body), [
      ['methodText', '工作(推動)方法最多 2000 個字（現為 2001 個字）'],
      ['target-1-indicator', '量化目標 1 指標最多 200 個字（現為 201 個字）'],
    ]);
    assert.match(response.body, /<title>錯誤：/);
    assert.equal((await getWorkPlan(db, 2012, unit))?.rows.length, 0);
  });

  it('the secretariat’s overview lists the units 50 a page', async () => {
    const added = await addUnits(db, 'wp', 60);
    const secretariat = await signedIn('secretariat');
    const unitsOf = (html: string) =>
      [...mainOf(html).matchAll(/data-unit="([^"]+)"/g)].map((match) => match[1]);
    const first = await secretariat.get(`${base}?year=2012`);
    assert.equal(unitsOf(first.body).length, 50);
    assert.deepEqual(paginationOf(first.body), { previous: null, next: `${base}?year=2012&page=2` });
    const second = await secretariat.get(`${base}?year=2012&page=2`);
    const secondUnits = unitsOf(second.body);
    assert.ok(secondUnits.length > 0 && secondUnits.length < 50);
    assert.equal(secondUnits.at(-1), added.at(-1), 'the last unit on the last page');
    assert.ok(!unitsOf(first.body).some((code) => secondUnits.includes(code)), 'no unit on both pages');
    assert.equal(paginationOf(second.body).next, null);
  });
});
