import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { buildTestApp } from '../../../../test/helpers/test-app.ts';
import { auditLog } from '../../../platform/auth/auth-schema.ts';
import {
  aStaffMember,
  csrfTokenIn,
  signIn,
  type TestBrowser,
} from '../../../platform/auth/auth-test-support.ts';
import type { StaffRole } from '../../../platform/auth/principal.ts';
import { sampleExe, samplePdf, samplePng } from '../../../platform/uploads/upload-test-support.ts';
import { decode, mainOf, summaryOf } from '../shared/control-test-support.ts';
import { getCheck, listChecksForReport } from './check-reads.ts';
import { controlCheckRevisions } from './checks-schema.ts';

type InjectResponse = Awaited<ReturnType<TestBrowser['get']>>;

/** The action of an action's follow-up form (multipart: it carries the CSRF token in its query). */
function multipartActionOf(html: string, actionId: string): string {
  const match = new RegExp(
    `<form method="post" action="([^"]+/actions/${actionId}/follow-ups[^"]*)" enctype="multipart/form-data"`,
  ).exec(html);
  if (!match?.[1]) throw new Error('the page has no follow-up form for that action');
  return decode(match[1]);
}

function formData(
  fields: Record<string, string>,
  files: { field: string; name: string; type: string; content: Buffer }[] = [],
): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files)
    form.append(file.field, new Blob([new Uint8Array(file.content)], { type: file.type }), file.name);
  return form;
}

async function postMultipart(browser: TestBrowser, url: string, form: FormData): Promise<InjectResponse> {
  const response = await browser.app.inject({
    method: 'POST',
    url,
    headers: { cookie: browser.cookieHeader() },
    payload: form,
  });
  return browser.keep(response as unknown as InjectResponse);
}

// Top level: the test database helper registers its clean-up with node:test's after().
const subject = await buildTestApp({ environment: { RATE_LIMIT_PER_MINUTE: '10000' } });
after(() => subject.app.close());
const db = subject.database.db;
const day = 24 * 60 * 60 * 1000;

async function signedIn(role: StaffRole, unitCode?: string): Promise<TestBrowser> {
  const member = await aStaffMember(db, {
    role,
    withTotp: role === 'admin',
    clock: subject.clock,
    displayName: `${role} ${unitCode ?? ''}`.trim(),
    ...(unitCode ? { unitCode } : {}),
  });
  return signIn(subject.app, member, subject.clock);
}

/** Posts a form with the CSRF token of the given page. */
async function postFrom(browser: TestBrowser, page: string, action: string, fields: Record<string, string>) {
  const form = await browser.get(page);
  assert.equal(form.statusCode, 200, `GET ${page}`);
  return browser.post(action, { _csrf: csrfTokenIn(form.body), ...fields });
}

const checkIdOf = (location: unknown) => {
  const match = /\/staff\/checks\/([0-9a-f-]{36})\?done=saved$/.exec(String(location));
  assert.ok(match?.[1], `redirect to the check: ${String(location)}`);
  return match[1];
};

const phoneTest = {
  checkDate: '115/3/1',
  unitCode: 'road-maintenance',
  kind: 'phone_courtesy',
  subject: '養護工程處服務電話 07-000-0000',
  score: '72',
  findings: '接聽時未報單位名稱。\n轉接等候超過 30 秒。',
  action1Description: '接聽電話一律先報單位名稱',
  action1Deadline: '115/3/20',
  action1Unit: '',
  action2Description: '轉接流程檢討並訓練話務人員',
  action2Deadline: '2026-04-30',
  action2Unit: 'parks',
  action3Description: '',
  action3Deadline: '',
  action3Unit: '',
};

describe('spot checks and tests (平時測試及查核)', async () => {
  const secretariat = await signedIn('secretariat');
  const roadEditor = await signedIn('unit_editor', 'road-maintenance');
  const roadHead = await signedIn('unit_head', 'road-maintenance');
  const parksHead = await signedIn('unit_head', 'parks');
  const parksEditor = await signedIn('unit_editor', 'parks');
  const handler = await signedIn('handler', 'road-maintenance');
  let checkId = '';
  let actionIds: string[] = [];

  it('the secretariat records a phone courtesy test with score 72 and two corrective actions', async () => {
    const response = await postFrom(secretariat, '/staff/checks/new', '/staff/checks/new', phoneTest);
    assert.equal(response.statusCode, 303);
    checkId = checkIdOf(response.headers.location);

    const check = await getCheck(db, checkId, '2026-03-02');
    assert.ok(check);
    assert.equal(check.origin, 'spot_check');
    assert.equal(check.status, 'recorded');
    assert.equal(check.checkDate, '2026-03-01');
    assert.equal(check.unitCode, 'road-maintenance');
    assert.equal(check.kind, 'phone_courtesy');
    assert.equal(check.score, 72);
    assert.equal(check.findings, '接聽時未報單位名稱。\n轉接等候超過 30 秒。');
    assert.deepEqual(
      check.actions.map((action) => [action.ordinal, action.deadline, action.unitCode, action.state]),
      [
        [1, '2026-03-20', 'road-maintenance', 'open'],
        [2, '2026-04-30', 'parks', 'open'],
      ],
    );
    actionIds = check.actions.map((action) => action.id);

    const page = await secretariat.get(`/staff/checks/${checkId}?done=saved`);
    assert.equal(page.statusCode, 200);
    const main = mainOf(page.body);
    assert.match(main, /電話禮貌測試：道路養護工程處，民國115年3月1日/);
    assert.match(main, /<dd class="govuk-summary-list__value">72<\/dd>/);
    assert.match(main, /已登錄。/);
    assert.equal((main.match(/辦理中/g) ?? []).length, 2);
    assert.match(main, /民國115年3月20日/);
    assert.match(main, /民國115年4月30日/);

    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'control.check.create'), eq(auditLog.targetId, checkId)));
    assert.ok(audit);
    assert.equal(audit.details.score, 72);
    assert.equal(audit.details.actions, 2);

    const list = await secretariat.get('/staff/checks?year=2026&unit=road-maintenance&kind=phone_courtesy');
    assert.equal(list.statusCode, 200);
    assert.ok(mainOf(list.body).includes(`/staff/checks/${checkId}`));
    assert.match(mainOf(list.body), /共 2 項，未結案 2 項，逾期 0 項/);
    const otherKind = await secretariat.get('/staff/checks?year=2026&kind=website');
    assert.ok(!mainOf(otherKind.body).includes(`/staff/checks/${checkId}`));
  });

  it('the responsible units record follow-ups on their own actions, and only on them', async () => {
    const page = `/staff/checks/${checkId}`;
    const first = await postFrom(roadEditor, page, `${page}/actions/${actionIds[0]}/follow-ups`, {
      entryDate: '115/3/2',
      note: '已於科務會議宣導，並張貼提示於話機旁。',
    });
    assert.equal(first.statusCode, 303);
    assert.match(String(first.headers.location), /\?done=followUp#action-/);
    const second = await postFrom(parksHead, page, `${page}/actions/${actionIds[1]}/follow-ups`, {
      entryDate: '2026-03-02',
      note: '已排定 4 月話務訓練。',
    });
    assert.equal(second.statusCode, 303);

    // parks may not write on road-maintenance's action, nor a handler on any.
    const wrongUnit = await postFrom(parksEditor, page, `${page}/actions/${actionIds[0]}/follow-ups`, {
      entryDate: '115/3/2',
      note: '不該成功',
    });
    assert.equal(wrongUnit.statusCode, 403);
    const wrongRole = await postFrom(handler, page, `${page}/actions/${actionIds[0]}/follow-ups`, {
      entryDate: '115/3/2',
      note: '不該成功',
    });
    assert.equal(wrongRole.statusCode, 403);

    // Both problems of a bad follow-up at once, linked to this action's inputs.
    const bad = await postFrom(roadHead, page, `${page}/actions/${actionIds[0]}/follow-ups`, {
      entryDate: '115/2/1',
      note: ' ',
    });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(summaryOf(bad.body), [
      [`entryDate-${actionIds[0]}`, '辦理日期：辦理日期不可早於查核日期。'],
      [`note-${actionIds[0]}`, '辦理情形：請填寫此欄位。'],
    ]);

    const check = await getCheck(db, checkId, '2026-03-02');
    assert.deepEqual(
      check?.actions.map((action) => action.followUps.map((entry) => [entry.entryDate, entry.createdByName])),
      [[['2026-03-02', 'unit_editor road-maintenance']], [['2026-03-02', 'unit_head parks']]],
    );
    // The road-maintenance editor sees the form for its action only; the handler sees none.
    const editorPage = mainOf((await roadEditor.get(page)).body);
    assert.ok(editorPage.includes(`/actions/${actionIds[0]}/follow-ups`));
    assert.ok(!editorPage.includes(`/actions/${actionIds[1]}/follow-ups`));
    assert.ok(!editorPage.includes('/close'));
    const handlerPage = await handler.get(page);
    assert.equal(handlerPage.statusCode, 200);
    assert.ok(!mainOf(handlerPage.body).includes('<form method="post"'));
    assert.match(mainOf(handlerPage.body), /已於科務會議宣導/);
  });

  it('a follow-up carries evidence files, checked like every upload; a bad one is listed with the form’s problems', async () => {
    const page = `/staff/checks/${checkId}`;
    const html = (await parksHead.get(page)).body;
    const action = multipartActionOf(html, actionIds[1] ?? '');
    assert.match(action, /\?_csrf=/);

    const bad = await postMultipart(
      parksHead,
      action,
      formData({ entryDate: '115/3/2', note: '' }, [
        { field: 'evidence', name: 'setup.exe', type: 'application/octet-stream', content: sampleExe() },
      ]),
    );
    assert.equal(bad.statusCode, 400);
    const problems = summaryOf(bad.body);
    assert.deepEqual(
      problems.map(([target]) => target),
      [`note-${actionIds[1]}`, `evidence-${actionIds[1]}`],
    );
    assert.match(problems[1]?.[1] ?? '', /^佐證資料（可不附）：「setup\.exe」不是可接受的檔案類型/);

    const good = await postMultipart(
      parksHead,
      action,
      formData({ entryDate: '115/3/2', note: '訓練簽到表及照片' }, [
        { field: 'evidence', name: '訓練照片.png', type: 'image/png', content: samplePng() },
        { field: 'evidence', name: '簽到表.pdf', type: 'application/pdf', content: samplePdf() },
      ]),
    );
    assert.equal(good.statusCode, 303);
    const check = await getCheck(db, checkId, '2026-03-02');
    const entry = check?.actions[1]?.followUps.at(-1);
    assert.deepEqual(
      entry?.evidence.map((file) => [file.fileName, file.mediaType]).sort(),
      [
        ['簽到表.pdf', 'application/pdf'],
        ['訓練照片.png', 'image/png'],
      ].sort(),
    );
    const png = entry?.evidence.find((file) => file.mediaType === 'image/png');
    assert.ok(png);
    const shownPage = mainOf((await handler.get(page)).body);
    assert.ok(shownPage.includes(`/staff/checks/${checkId}/evidence/${png.id}`));
    const download = await handler.get(`/staff/checks/${checkId}/evidence/${png.id}`);
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['content-type'], 'image/png');
    assert.equal(download.headers['x-content-type-options'], 'nosniff');
    const elsewhere = await handler.get(`/staff/checks/${randomUUID()}/evidence/${png.id}`);
    assert.equal(elsewhere.statusCode, 404);

    // The PDF was the wrong file: the responsible unit removes it after a question page.
    const pdf = entry?.evidence.find((file) => file.mediaType === 'application/pdf');
    assert.ok(pdf);
    const remove = `/staff/checks/${checkId}/evidence/${pdf.id}/remove`;
    assert.ok(mainOf((await parksHead.get(page)).body).includes(`href="${remove}"`));
    assert.ok(!mainOf((await handler.get(page)).body).includes(`href="${remove}"`));
    assert.equal((await handler.get(remove)).statusCode, 403);
    assert.equal((await roadEditor.get(remove)).statusCode, 403, 'not the responsible unit of action 2');
    const question = await parksHead.get(remove);
    assert.equal(question.statusCode, 200);
    assert.ok(decode(mainOf(question.body)).includes('確定要移除「簽到表.pdf」嗎？'));
    const removed = await parksHead.post(remove, { _csrf: csrfTokenIn(question.body) });
    assert.equal(removed.statusCode, 303);
    assert.equal(removed.headers.location, `/staff/checks/${checkId}?done=evidenceRemoved`);
    const after = await getCheck(db, checkId, '2026-03-02');
    assert.deepEqual(
      after?.actions[1]?.followUps.at(-1)?.evidence.map((file) => file.fileName),
      ['訓練照片.png'],
    );
    assert.equal((await handler.get(`/staff/checks/${checkId}/evidence/${pdf.id}`)).statusCode, 404);
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'control.check.evidence_remove'));
    assert.equal(audit?.details.fileName, '簽到表.pdf');
    assert.match(String(audit?.details.sha256), /^[0-9a-f]{64}$/);
    assert.match(
      decode(mainOf((await parksHead.get(`${page}?done=evidenceRemoved`)).body)),
      /已移除佐證資料。/,
    );
  });

  it('the secretariat closes an action; nobody else may', async () => {
    const page = `/staff/checks/${checkId}`;
    const byUnit = await postFrom(roadHead, page, `${page}/actions/${actionIds[0]}/close`, {});
    assert.equal(byUnit.statusCode, 403);
    const closed = await postFrom(secretariat, page, `${page}/actions/${actionIds[0]}/close`, {});
    assert.equal(closed.statusCode, 303);
    const check = await getCheck(db, checkId, '2026-03-02');
    assert.deepEqual(
      check?.actions.map((action) => action.state),
      ['done', 'open'],
    );
    const again = await postFrom(secretariat, page, `${page}/actions/${actionIds[0]}/close`, {});
    assert.equal(again.statusCode, 409);
    assert.deepEqual(summaryOf(again.body), [['main-content', '這項矯正措施已經結案。']]);
    const late = await postFrom(roadEditor, page, `${page}/actions/${actionIds[1]}/follow-ups`, {
      entryDate: '115/3/2',
      note: 'x',
    });
    assert.equal(late.statusCode, 403, 'parks’ action');
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'control.check.close_action'), eq(auditLog.targetId, actionIds[0] ?? '')),
      );
    assert.ok(audit);
  });

  it('lists every problem of a bad check at once, in the user’s language', async () => {
    const bad = await postFrom(secretariat, '/staff/checks/new', '/staff/checks/new', {
      ...phoneTest,
      checkDate: '115/2/30',
      unitCode: '',
      score: '120',
      findings: ' ',
      action1Deadline: '115/2/1',
      action2Description: '',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /<title>錯誤：/);
    assert.deepEqual(summaryOf(bad.body), [
      ['checkDate', '查核日期：請填寫正確的日期，例如 115/3/2 或 2026-03-02。'],
      ['unitCode', '受查核單位：請從清單選擇單位。'],
      ['score', '分數（0–100）：分數請填 0 到 100 的整數。'],
      ['findings', '發現事項：請填寫此欄位。'],
      ['action2Description', '第 2 項：內容：已填寫期限或單位，請說明矯正措施的內容。'],
    ]);
    // What was typed is kept.
    assert.match(bad.body, /id="score" name="score" type="text" value="120"/);

    const dated = await postFrom(secretariat, '/en/staff/checks/new', '/en/staff/checks/new', {
      ...phoneTest,
      score: '',
      action1Deadline: '2026-02-28',
      action2Deadline: 'soon',
    });
    assert.equal(dated.statusCode, 400);
    assert.deepEqual(summaryOf(dated.body), [
      ['score', 'Score (0–100): A phone courtesy test needs a score.'],
      ['action1Deadline', 'Action 1: deadline: The deadline cannot be before the date of the check.'],
      ['action2Deadline', 'Action 2: deadline: Enter a real date, for example 2026-03-02 or 115/3/2.'],
    ]);

    // A website check needs no score.
    const website = await postFrom(secretariat, '/staff/checks/new', '/staff/checks/new', {
      ...phoneTest,
      kind: 'website',
      score: '',
      action1Description: '',
      action1Deadline: '',
      action2Description: '',
      action2Deadline: '',
      action2Unit: '',
    });
    assert.equal(website.statusCode, 303);
    const check = await getCheck(db, checkIdOf(website.headers.location), '2026-03-02');
    assert.equal(check?.score, null);
    assert.equal(check?.actions.length, 0);
  });

  it('refuses edits by the wrong role: 403', async () => {
    assert.equal((await handler.get('/staff/checks/new')).statusCode, 403);
    assert.equal((await roadEditor.get('/staff/checks/new')).statusCode, 403);
    const byEditor = await roadEditor.post('/staff/checks/new', {
      _csrf: csrfTokenIn((await roadEditor.get('/staff/unit-checks')).body),
      ...phoneTest,
    });
    assert.equal(byEditor.statusCode, 403);
    assert.equal((await secretariat.get('/staff/unit-checks/new')).statusCode, 403);
    // Reading is open to every staff member, without the secretariat's button.
    const list = await handler.get('/staff/checks');
    assert.equal(list.statusCode, 200);
    assert.ok(!mainOf(list.body).includes('/staff/checks/new'));
    assert.ok(mainOf((await secretariat.get('/staff/checks')).body).includes('/staff/checks/new'));
    // Not signed in: the sign-in page.
    const anonymous = await subject.app.inject({ method: 'GET', url: '/staff/checks' });
    assert.equal(anonymous.statusCode, 303);
  });

  it('a unit’s self-assessment: the editor drafts, only its own head confirms, then follow-up as for a check', async () => {
    const draft = await postFrom(parksEditor, '/staff/unit-checks/new', '/staff/unit-checks/new', {
      ...phoneTest,
      unitCode: 'road-maintenance', // ignored: a self-assessment is the unit's own
      kind: 'counter_visit',
      subject: '公園處服務台自評',
      score: '',
      action2Unit: '',
    });
    assert.equal(draft.statusCode, 303);
    const id = checkIdOf(draft.headers.location);
    let check = await getCheck(db, id, '2026-03-02');
    assert.equal(check?.origin, 'self_assessment');
    assert.equal(check?.status, 'draft');
    assert.equal(check?.unitCode, 'parks');
    const page = `/staff/checks/${id}`;
    assert.ok(!mainOf((await parksEditor.get(page)).body).includes('/follow-ups'), 'no follow-up on a draft');
    assert.equal((await postFrom(roadHead, page, `${page}/confirm`, {})).statusCode, 403);
    assert.equal((await postFrom(parksEditor, page, `${page}/confirm`, {})).statusCode, 403);
    assert.ok(!(await listChecksForReport(db, { year: 2026, unitCode: 'parks' })).some((c) => c.id === id));

    const confirmed = await postFrom(parksHead, page, `${page}/confirm`, {});
    assert.equal(confirmed.statusCode, 303);
    check = await getCheck(db, id, '2026-03-02');
    assert.equal(check?.status, 'confirmed');
    assert.ok(check?.confirmedAt);
    const followUp = await postFrom(
      parksEditor,
      page,
      `${page}/actions/${check?.actions[0]?.id}/follow-ups`,
      {
        entryDate: '115/3/2',
        note: '已改善',
      },
    );
    assert.equal(followUp.statusCode, 303);

    const unitPage = await parksEditor.get('/staff/unit-checks');
    assert.equal(unitPage.statusCode, 200);
    const main = mainOf(unitPage.body);
    assert.ok(main.includes(`/staff/checks/${id}`), 'its self-assessment');
    assert.ok(main.includes(`/staff/checks/${checkId}`), 'the check with an action for parks');
    assert.equal((await handler.get('/staff/unit-checks')).statusCode, 403);
  });

  it('computes overdue actions from the deadline as the clock moves, and filters by them', async () => {
    const before = await secretariat.get('/staff/checks?actions=overdue');
    assert.ok(!mainOf(before.body).includes(`/staff/checks/${checkId}`));
    const start = subject.clock.now();
    subject.clock.advance(60 * day); // 2026-05-01 in Taipei: action 2 (deadline 30 April) is overdue
    try {
      // The earlier sessions have timed out by now.
      const secretariat = await signedIn('secretariat');
      const check = await getCheck(db, checkId, '2026-05-01');
      assert.deepEqual(
        check?.actions.map((action) => action.state),
        ['done', 'overdue'],
      );
      const overdue = await secretariat.get('/staff/checks?actions=overdue');
      assert.ok(mainOf(overdue.body).includes(`/staff/checks/${checkId}`));
      assert.match(mainOf(overdue.body), /共 2 項，未結案 1 項，逾期 1 項/);
      const page = mainOf((await secretariat.get(`/staff/checks/${checkId}`)).body);
      assert.match(page, /govuk-tag--red">逾期</);
      assert.match(page, /govuk-tag--green">已結案</);
    } finally {
      subject.clock.current = start;
    }
  });

  it('gives the annual report a year’s checks with findings, actions and follow-up', async () => {
    const report = await listChecksForReport(db, { year: 2026, unitCode: 'road-maintenance' });
    const phone = report.find((check) => check.id === checkId);
    assert.ok(phone);
    assert.equal(phone.score, 72);
    assert.match(phone.findings, /未報單位名稱/);
    assert.deepEqual(
      phone.actions.map((action) => [action.state, action.followUps.length]),
      [
        ['done', 1],
        ['overdue', 2],
      ],
      'as of 31 December',
    );
    assert.ok(report.every((check) => check.unitCode === 'road-maintenance' && check.status !== 'draft'));
    assert.equal((await listChecksForReport(db, { year: 2025 })).length, 0);
    const bureau = await listChecksForReport(db, { year: 2026 });
    assert.ok(bureau.some((check) => check.unitCode === 'parks'));
  });
});

describe('correcting a recorded check', async () => {
  const secretariat = await signedIn('secretariat');
  const roadEditor = await signedIn('unit_editor', 'road-maintenance');
  const handler = await signedIn('handler', 'road-maintenance');
  const parksEditor = await signedIn('unit_editor', 'parks');
  const parksHead = await signedIn('unit_head', 'parks');

  it('the secretariat corrects the score and findings and adds an action, with a reason kept in the corrections list', async () => {
    const recorded = { ...phoneTest, checkDate: '115/2/20', action1Deadline: '115/2/25' };
    const created = await postFrom(secretariat, '/staff/checks/new', '/staff/checks/new', recorded);
    const id = checkIdOf(created.headers.location);
    const edit = `/staff/checks/${id}/edit`;
    assert.equal((await roadEditor.get(edit)).statusCode, 403, 'a unit does not correct a spot check');
    assert.equal((await handler.get(edit)).statusCode, 403);
    assert.equal((await postFrom(roadEditor, `/staff/checks/${id}`, edit, { version: '1' })).statusCode, 403);

    const form = await secretariat.get(edit);
    assert.equal(form.statusCode, 200);
    const formMain = decode(mainOf(form.body));
    assert.ok(formMain.includes('name="version" value="1"'));
    assert.ok(formMain.includes('接聽時未報單位名稱。\n轉接等候超過 30 秒。'));
    assert.ok(
      formMain.includes('接聽電話一律先報單位名稱（民國115年2月25日）'),
      'the recorded actions are listed',
    );
    assert.ok(decode(mainOf((await secretariat.get(`/staff/checks/${id}`)).body)).includes(edit));
    assert.ok(!decode(mainOf((await roadEditor.get(`/staff/checks/${id}`)).body)).includes(edit));

    const blank = {
      action1Description: '',
      action1Deadline: '',
      action2Description: '',
      action2Deadline: '',
    };
    const bad = await postFrom(secretariat, edit, edit, {
      ...recorded,
      ...blank,
      action2Unit: '',
      version: '1',
      checkDate: '115/3/1',
      score: '120',
      reason: '',
      action3Description: '複測',
      action3Deadline: '115/2/28',
    });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(summaryOf(bad.body), [
      ['checkDate', '查核日期：不可晚於矯正措施 1 的完成期限。'],
      ['score', '分數（0–100）：分數請填 0 到 100 的整數。'],
      ['reason', '修正原因：請說明修正的原因。'],
      ['action3Deadline', '第 3 項：完成期限：完成期限不可早於查核日期。'],
    ]);
    const unchanged = await postFrom(secretariat, edit, edit, {
      ...recorded,
      ...blank,
      action2Unit: '',
      version: '1',
      reason: '確認',
    });
    assert.equal(unchanged.statusCode, 400);
    assert.deepEqual(summaryOf(unchanged.body), [['main-content', '沒有任何修改。']]);
    assert.equal((await getCheck(db, id, '2026-03-02'))?.version, 1, 'nothing written');

    const saved = await postFrom(secretariat, edit, edit, {
      ...recorded,
      ...blank,
      action2Unit: '',
      version: '1',
      score: '80',
      findings: '接聽時未報單位名稱。',
      reason: '錄音複聽後更正分數',
      action1Description: '一個月後複測',
      action1Deadline: '115/4/15',
    });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, `/staff/checks/${id}?done=revised`);
    const check = await getCheck(db, id, '2026-03-02');
    assert.equal(check?.version, 2);
    assert.equal(check?.score, 80);
    assert.equal(check?.findings, '接聽時未報單位名稱。');
    assert.deepEqual(
      check?.actions.map((action) => [action.ordinal, action.description, action.deadline]),
      [
        [1, '接聽電話一律先報單位名稱', '2026-02-25'],
        [2, '轉接流程檢討並訓練話務人員', '2026-04-30'],
        [3, '一個月後複測', '2026-04-15'],
      ],
    );
    const [revision] = await db
      .select()
      .from(controlCheckRevisions)
      .where(eq(controlCheckRevisions.checkId, id));
    assert.equal(revision?.reason, '錄音複聽後更正分數');
    assert.deepEqual(revision?.changes, [
      { field: 'score', before: '72', after: '80' },
      {
        field: 'findings',
        before: '接聽時未報單位名稱。\n轉接等候超過 30 秒。',
        after: '接聽時未報單位名稱。',
      },
      { field: 'actions', before: '', after: '一個月後複測' },
    ]);
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'control.check.revise'), eq(auditLog.targetId, id)));
    assert.deepEqual(audit?.details.fields, ['score', 'findings', 'actions']);
    const page = decode(mainOf((await secretariat.get(`/staff/checks/${id}?done=revised`)).body));
    assert.match(page, /已儲存修正。/);
    assert.match(page, /修正紀錄/);
    assert.match(page, /分數：72 → 80/);
    assert.match(page, /錄音複聽後更正分數/);
    assert.match(page, /新增矯正措施：一個月後複測/);

    // The same form again: made from version 1, refused with who changed it.
    const stale = await secretariat.post(edit, {
      _csrf: csrfTokenIn(form.body),
      ...recorded,
      version: '1',
      score: '81',
      reason: '再更正',
    });
    assert.equal(stale.statusCode, 409);
    assert.match(decode(stale.body), /這筆紀錄已由 secretariat 於 .+ 修改過/);
    assert.equal((await getCheck(db, id, '2026-03-02'))?.score, 80);
    await assert.rejects(
      subject.database.pool.query(`update control_check_revisions set reason = 'x' where check_id = $1`, [
        id,
      ]),
      /append-only/,
    );
    await assert.rejects(
      subject.database.pool.query('delete from control_check_revisions where check_id = $1', [id]),
      /append-only/,
    );
  });

  it('a self-assessment: its editor corrects the draft without a reason; once confirmed only its head, with one', async () => {
    const draft = await postFrom(parksEditor, '/staff/unit-checks/new', '/staff/unit-checks/new', {
      ...phoneTest,
      kind: 'counter_visit',
      subject: '公園處服務台自評',
      score: '',
      action1Description: '',
      action1Deadline: '',
      action2Description: '',
      action2Deadline: '',
      action2Unit: '',
    });
    const id = checkIdOf(draft.headers.location);
    const edit = `/staff/checks/${id}/edit`;
    const fields = {
      ...phoneTest,
      unitCode: 'road-maintenance', // ignored: a self-assessment stays its unit's
      kind: 'counter_visit',
      score: '',
      action1Description: '',
      action1Deadline: '',
      action2Description: '',
      action2Deadline: '',
      action2Unit: '',
    };
    assert.ok(!decode(mainOf((await parksEditor.get(edit)).body)).includes('請說明修正的原因'));
    const corrected = await postFrom(parksEditor, edit, edit, {
      ...fields,
      subject: '公園處服務台自評（上午）',
      version: '1',
      reason: '',
    });
    assert.equal(corrected.statusCode, 303);
    let check = await getCheck(db, id, '2026-03-02');
    assert.equal(check?.subject, '公園處服務台自評（上午）');
    assert.equal(check?.unitCode, 'parks');
    assert.equal(
      (await postFrom(parksHead, `/staff/checks/${id}`, `/staff/checks/${id}/confirm`, {})).statusCode,
      303,
    );
    assert.equal(
      (await parksEditor.get(edit)).statusCode,
      403,
      'confirmed: the editor no longer corrects it',
    );
    assert.equal(
      (await secretariat.get(edit)).statusCode,
      403,
      'the secretariat does not correct a unit’s own',
    );
    const noReason = await postFrom(parksHead, edit, edit, {
      ...fields,
      subject: '公園處服務台',
      version: '2',
    });
    assert.deepEqual(summaryOf(noReason.body), [['reason', '修正原因：請說明修正的原因。']]);
    const byHead = await postFrom(parksHead, edit, edit, {
      ...fields,
      subject: '公園處服務台',
      version: '2',
      reason: '名稱更正',
    });
    assert.equal(byHead.statusCode, 303);
    check = await getCheck(db, id, '2026-03-02');
    assert.equal(check?.status, 'confirmed');
    assert.equal(check?.version, 3);
    const revisions = await db
      .select()
      .from(controlCheckRevisions)
      .where(eq(controlCheckRevisions.checkId, id));
    assert.deepEqual(revisions.map((row) => [row.version, row.reason]).sort(), [
      [2, ''],
      [3, '名稱更正'],
    ]);
  });
});
