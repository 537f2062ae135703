import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { decode, mainOf, summaryOf } from '../../../../test/helpers/html.ts';
import { auditLog } from '../../../platform/auth/auth-schema.ts';
import { csrfTokenIn, type TestBrowser } from '../../../platform/auth/auth-test-support.ts';
import type { StaffRole } from '../../../platform/auth/principal.ts';
import { storedFiles } from '../../../platform/files/files-schema.ts';
import {
  multipartForm,
  sampleExe,
  samplePdf,
  samplePng,
} from '../../../platform/uploads/upload-test-support.ts';
import { controlTestApp } from '../shared/control-app-test-support.ts';
import { getCheck, listChecksForReport } from './check-reads.ts';
import { controlCheckEvidence } from './checks-schema.ts';
import {
  checkIdOf,
  checkStaff,
  multipartActionOf,
  phoneTest,
  postFrom,
  signedIn as signedInTo,
  withoutActions,
} from './checks-test-support.ts';

const subject = await controlTestApp();
const db = subject.database.db;
const day = 24 * 60 * 60 * 1000;
const signedIn = (role: StaffRole, unitCode?: string): Promise<TestBrowser> =>
  signedInTo(subject, role, unitCode);

describe('spot checks and tests (平時測試及查核)', async () => {
  const { secretariat, roadEditor, roadHead, parksHead, parksEditor, handler } = await checkStaff(subject);
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
    // Who recorded it and when: Chinese brackets on the Chinese page, English ones on the English page (issue 14 §16).
    const name = check.createdByName;
    assert.ok(decode(main).includes(`${name}（民國`), 'full-width brackets in Chinese');
    const englishPage = decode(mainOf((await secretariat.get(`/en/staff/checks/${checkId}`)).body));
    assert.match(
      englishPage,
      new RegExp(`Recorded by</dt><dd[^>]*>${name} \\(\\d{1,2} [A-Z][a-z]+ 2026 \\d{2}:\\d{2}\\)</dd>`),
    );
    assert.ok(!/（\d/.test(englishPage), 'no full-width bracket around an English date');

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
    // The 2012 unit and today's are told apart, from the units' data (issue 14 §15).
    const units = decode(mainOf(list.body));
    assert.ok(
      units.includes('>養護工程處（已改制，業務由道路養護工程處、公園處承接）<'),
      'the former unit in the filter',
    );
    assert.ok(units.includes('道路養護工程處（現行組織，承接養護工程處業務）'), 'today’s unit');
    assert.ok(units.includes('>新建工程處<'), 'a unit no reorganisation touched: its name alone');
    const english = decode(mainOf((await secretariat.get('/en/staff/checks?year=2026')).body));
    assert.ok(
      english.includes(
        'Maintenance Engineering Office (former unit, now Road Maintenance Engineering Office, Parks and Street Lights Office)',
      ),
    );
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
    for (const [who, browser] of Object.entries({ parksEditor, handler })) {
      const refused = await postFrom(browser, page, `${page}/actions/${actionIds[0]}/follow-ups`, {
        entryDate: '115/3/2',
        note: '不該成功',
      });
      assert.equal(refused.statusCode, 403, who);
    }

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
    assert.doesNotMatch(action, /_csrf/, 'no token in the address (issue 14): it is the form’s first field');

    const bad = await parksHead.postMultipart(
      action,
      multipartForm({ entryDate: '115/3/2', note: '' }, [
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

    const good = await parksHead.postMultipart(
      action,
      multipartForm({ entryDate: '115/3/2', note: '訓練簽到表及照片' }, [
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
    // TestBrowser's response type shows the body as text; the bytes are in light-my-request's rawPayload.
    const payload = (download as unknown as { rawPayload: Buffer }).rawPayload;
    assert.ok(payload.equals(samplePng()), 'streamed from the file store byte for byte');
    // The row keeps the SHA-256 and no bytes; the file is listed in stored_files and in the store.
    const [row] = await db
      .select({ sha256: controlCheckEvidence.sha256, content: controlCheckEvidence.content })
      .from(controlCheckEvidence)
      .where(eq(controlCheckEvidence.id, png.id));
    assert.equal(row?.content, null);
    assert.ok(row !== undefined && (await subject.files.read(row.sha256)).equals(samplePng()));
    const [listed] = await db.select().from(storedFiles).where(eq(storedFiles.sha256, row.sha256));
    assert.deepEqual([listed?.sizeBytes, listed?.mediaType], [samplePng().length, 'image/png']);
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
      ...withoutActions,
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

describe('the check’s form', async () => {
  const secretariat = await signedIn('secretariat');

  it('over-long texts are answered by the form itself, every field at once (400), nothing saved', async () => {
    const before = (await listChecksForReport(db, { year: 2026 })).length;
    const response = await postFrom(secretariat, '/staff/checks/new', '/staff/checks/new', {
      ...phoneTest,
      subject: '查'.repeat(501),
      findings: '發'.repeat(5001),
      action1Description: '措'.repeat(2001),
    });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(summaryOf(response.body), [
      ['subject', '查核內容最多 500 個字（現為 501 個字）'],
      ['findings', '發現事項最多 5000 個字（現為 5001 個字）'],
      ['action1Description', '第 1 項：內容最多 2000 個字（現為 2001 個字）'],
    ]);
    assert.match(response.body, /<title>錯誤：/);
    assert.match(response.body, /<textarea[^>]*name="findings"[^>]*>發{5001}<\/textarea>/);
    assert.equal((await listChecksForReport(db, { year: 2026 })).length, before, 'nothing saved');
  });
});
