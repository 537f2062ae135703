import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { decode, mainOf, summaryOf } from '../../../../test/helpers/html.ts';
import { auditLog } from '../../../platform/auth/auth-schema.ts';
import { csrfTokenIn, type TestBrowser } from '../../../platform/auth/auth-test-support.ts';
import type { StaffRole } from '../../../platform/auth/principal.ts';
import { controlTestApp } from '../shared/control-app-test-support.ts';
import { paginationOf } from '../shared/control-test-support.ts';
import { getCheck } from './check-reads.ts';
import { controlCheckActions, controlCheckRevisions, controlChecks } from './checks-schema.ts';
import {
  checkIdOf,
  checkStaff,
  phoneTest,
  postFrom,
  signedIn as signedInTo,
  withoutActions,
} from './checks-test-support.ts';

const subject = await controlTestApp();
const db = subject.database.db;
const signedIn = (role: StaffRole, unitCode?: string): Promise<TestBrowser> =>
  signedInTo(subject, role, unitCode);

describe('correcting a recorded check', async () => {
  const { secretariat, roadEditor, handler, parksEditor, parksHead } = await checkStaff(subject);

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

    const bad = await postFrom(secretariat, edit, edit, {
      ...recorded,
      ...withoutActions,
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
      ...withoutActions,
      version: '1',
      reason: '確認',
    });
    assert.equal(unchanged.statusCode, 400);
    assert.deepEqual(summaryOf(unchanged.body), [['main-content', '沒有任何修改。']]);
    assert.equal((await getCheck(db, id, '2026-03-02'))?.version, 1, 'nothing written');

    const saved = await postFrom(secretariat, edit, edit, {
      ...recorded,
      ...withoutActions,
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
    const counterVisit = { ...phoneTest, kind: 'counter_visit', score: '', ...withoutActions };
    const draft = await postFrom(parksEditor, '/staff/unit-checks/new', '/staff/unit-checks/new', {
      ...counterVisit,
      subject: '公園處服務台自評',
    });
    const id = checkIdOf(draft.headers.location);
    const edit = `/staff/checks/${id}/edit`;
    // The unit is ignored: a self-assessment stays its unit's.
    const fields = { ...counterVisit, unitCode: 'road-maintenance' };
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

describe('the lists of checks, 50 a page', async () => {
  it('the secretariat’s list and a unit’s page, newest first, with the filter kept on the next page', async () => {
    const now = subject.clock.now();
    const check = (day: number, unitCode: string) => ({
      origin: 'spot_check' as const,
      status: 'recorded' as const,
      checkDate: new Date(Date.UTC(2025, 0, day)).toISOString().slice(0, 10),
      unitCode,
      kind: 'website' as const,
      subject: `網站檢測 ${day}`,
      score: null,
      findings: '無',
      createdAt: now,
      createdByName: 'test',
    });
    // 12 checks of parks and 50 of road-maintenance in early 2025 (one a day each).
    const rows = await db
      .insert(controlChecks)
      .values([
        ...Array.from({ length: 12 }, (_, index) => check(index + 1, 'parks')),
        ...Array.from({ length: 50 }, (_, index) => check(index + 1, 'road-maintenance')),
      ])
      .returning({
        id: controlChecks.id,
        unitCode: controlChecks.unitCode,
        checkDate: controlChecks.checkDate,
      });
    // Road-maintenance is responsible for an action of one parks check: it is on road-maintenance's page too.
    const parksCheck = rows.find((row) => row.unitCode === 'parks' && row.checkDate === '2025-01-01');
    assert.ok(parksCheck);
    await db.insert(controlCheckActions).values({
      checkId: parksCheck.id,
      ordinal: 1,
      description: '修正網頁',
      deadline: '2025-02-01',
      unitCode: 'road-maintenance',
    });
    const idsOf = (html: string) =>
      [...mainOf(html).matchAll(/href="\/staff\/checks\/([0-9a-f-]{36})"/g)].map((match) => match[1]);

    const secretariat = await signedIn('secretariat');
    const first = await secretariat.get('/staff/checks?year=2025');
    assert.equal(idsOf(first.body).length, 50);
    assert.deepEqual(paginationOf(first.body), { previous: null, next: '/staff/checks?year=2025&page=2' });
    const second = await secretariat.get('/staff/checks?year=2025&page=2');
    const secondIds = idsOf(second.body);
    assert.equal(secondIds.length, 12);
    assert.ok(!idsOf(first.body).some((id) => secondIds.includes(id)), 'no check on both pages');
    assert.ok(secondIds.includes(parksCheck.id), 'the oldest on the last page');
    assert.equal(paginationOf(second.body).next, null);
    // The overdue filter is read by the database, so its pages are right too.
    const overdue = await secretariat.get('/staff/checks?year=2025&actions=overdue');
    assert.deepEqual(idsOf(overdue.body), [parksCheck.id]);
    assert.deepEqual(paginationOf(overdue.body), { previous: null, next: null });

    const roadHead = await signedIn('unit_head', 'road-maintenance');
    const unitFirst = await roadHead.get('/staff/unit-checks');
    assert.equal(idsOf(unitFirst.body).length, 50);
    assert.equal(paginationOf(unitFirst.body).next, '/staff/unit-checks?page=2');
    const unitSecond = await roadHead.get('/staff/unit-checks?page=2');
    assert.ok(idsOf(unitSecond.body).includes(parksCheck.id), 'the check with the unit’s action');
    assert.ok(idsOf(unitSecond.body).length < 50);
  });
});
