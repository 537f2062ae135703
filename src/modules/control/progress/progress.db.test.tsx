import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { decode } from '../../../../test/helpers/html.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../../test/helpers/smtp-server.ts';
import { auditLog } from '../../../platform/auth/auth-schema.ts';
import { aStaffMember, csrfTokenIn } from '../../../platform/auth/auth-test-support.ts';
import type { StaffRole } from '../../../platform/auth/principal.ts';
import { sampleExe, samplePng } from '../../../platform/uploads/upload-test-support.ts';
import { startNotificationWorker } from '../../notifications/notifications-service.ts';
import { createEmailTransport, loggingSmsSender } from '../../notifications/transports.ts';
import { getPlan, type PlanView } from '../plans/plan-reads.ts';
import { controlReports } from '../reports/report-schema.ts';
import { controlTestApp, reminderDepsOf, signedInMember } from '../shared/control-app-test-support.ts';
import {
  controlWorkPlanRows,
  controlWorkPlans,
  controlWorkPlanTargets,
} from '../work-plans/work-plan-schema.ts';
import { progressOverview } from './progress-overview.ts';
import { scanProgressReminders } from './progress-reminders.ts';
import { dueDateOf, periodsOf, practicesCarried } from './progress-rules.ts';
import { controlProgressEntries, controlProgressEvidence, controlProgressValues } from './progress-schema.ts';

const subject = await controlTestApp();
const db = subject.database.db;
let smtp: TestSmtpServer;

before(async () => {
  smtp = await startSmtpServer();
  await startNotificationWorker({
    jobs: subject.jobs,
    db,
    clock: subject.clock,
    transports: {
      email: createEmailTransport({ smtpUrl: smtp.url, mailFrom: 'OneWindow <no-reply@test.onewindow.tw>' }),
      sms: loggingSmsSender({ info: () => {} }),
    },
    log: { info: () => {}, warn: () => {} },
  });
});
after(() => smtp.close());

function formData(
  fields: Record<string, string>,
  files: { name: string; type: string; content: Buffer }[] = [],
): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files)
    form.append('evidence', new Blob([new Uint8Array(file.content)], { type: file.type }), file.name);
  return form;
}

/** A browser's posts ask for a page (HTML); the API test asks for JSON. */
const asPage = { accept: 'text/html' };

const signedIn = (role: StaffRole, unitCode?: string) => signedInMember(subject, role, unitCode);

/** The first unit named on a practice of its own (not every unit), a practice it carries and one it doesn't. */
function pickUnit(plan: PlanView) {
  const practices = plan.items.flatMap((item) => item.strategies.flatMap((strategy) => strategy.practices));
  const own = practices.find((practice) => !practice.everyUnit && practice.unitCodes.length > 0);
  assert.ok(own);
  const unit = own.unitCodes[0] as string;
  const other = practices.find(
    (practice) => !practice.everyUnit && !(practice.unitCodes as readonly string[]).includes(unit),
  );
  assert.ok(other);
  return { unit, practiceId: own.id, otherPracticeId: other.id };
}

const plan = await getPlan(db, 2012);
assert.ok(plan);
const { unit, practiceId, otherPracticeId } = pickUnit(plan);
const carried = practicesCarried(plan, unit);

/** An accepted work plan for the unit with two targets on the practice: 95 % (baseline 80) and 12 sessions. */
async function acceptedWorkPlan(): Promise<{ rate: string; sessions: string }> {
  const now = subject.clock.now();
  const [workPlan] = await db
    .insert(controlWorkPlans)
    .values({
      planId: plan?.id ?? '',
      year: 2012,
      unitCode: unit,
      state: 'accepted',
      version: 4,
      createdAt: now,
      updatedAt: now,
      updatedBy: '測試',
      acceptedAt: now,
    })
    .returning();
  assert.ok(workPlan);
  const [row] = await db
    .insert(controlWorkPlanRows)
    .values({
      workPlanId: workPlan.id,
      sortOrder: 1,
      itemText: '一、提升服務品質',
      focusText: '縮短申辦時間',
      methodText: '簡化流程',
      practiceIds: [practiceId],
    })
    .returning();
  assert.ok(row);
  const targets = await db
    .insert(controlWorkPlanTargets)
    .values([
      {
        rowId: row.id,
        sortOrder: 1,
        indicator: '即時辦結率',
        unitOfMeasure: '%',
        baseline: 80,
        target: 95,
        measurement: '系統統計',
      },
      {
        rowId: row.id,
        sortOrder: 2,
        indicator: '教育訓練場次',
        unitOfMeasure: '場',
        baseline: 4,
        target: 12,
        measurement: '簽到表',
      },
    ])
    .returning();
  return { rate: targets[0]?.id ?? '', sessions: targets[1]?.id ?? '' };
}

const targets = await acceptedWorkPlan();
const editor = await signedIn('unit_editor', unit);
const head = await aStaffMember(db, { role: 'unit_head', unitCode: unit, clock: subject.clock });

/** The practice's own page for a period. */
const practiceUrl = (period: string) => `/staff/progress/2012/${unit}/${period}/practices/${practiceId}`;

function actionOf(html: string): string {
  const match = /<form method="post" action="([^"]+\/entries[^"]*)" enctype="multipart\/form-data"/.exec(
    html,
  );
  assert.ok(match?.[1], 'the page has an entry form');
  return decode(match[1]);
}

describe('progress entries (管制查考 §3)', () => {
  it('an editor reports progress with measured values and a PNG as evidence; the entry is marked late', async () => {
    const list = await editor.get(`/staff/progress/2012/${unit}?period=2012-03`);
    assert.equal(list.statusCode, 200);
    // The list: one row a practice, each linking to its own page; no entry form on it (issue 14 §14).
    assert.equal((list.body.match(/<tr[^>]*data-practice="/g) ?? []).length, carried.length);
    assert.equal((list.body.match(/<form method="post"/g) ?? []).length, 0);
    assert.equal(
      (list.body.match(/data-state="overdue"/g) ?? []).length,
      carried.length,
      'March 2012 is past due',
    );
    const pageUrl = practiceUrl('2012-03');
    assert.ok(list.body.includes(`href="${pageUrl}"`));
    const page = await editor.get(pageUrl);
    assert.equal(page.statusCode, 200);
    assert.equal((page.body.match(/<form method="post"/g) ?? []).length, 1, 'one form on the page');
    assert.ok(page.body.includes('即時辦結率實際值（%，目標 95）'));
    const saved = await editor.postMultipart(
      actionOf(page.body),
      formData(
        {
          practiceId,
          status: 'done',
          narrative: '已完成流程簡化。',
          [`value-${targets.rate}`]: '90',
          [`value-${targets.sessions}`]: '12',
          links: 'https://www.example.tw/report',
        },
        [{ name: '現場照片.png', type: 'image/png', content: samplePng() }],
      ),
      asPage,
    );
    assert.equal(saved.statusCode, 303, saved.body);
    assert.equal(saved.headers.location, `/staff/progress/2012/${unit}?period=2012-03&done=saved`);
    const [entry] = await db
      .select()
      .from(controlProgressEntries)
      .where(and(eq(controlProgressEntries.unitCode, unit), eq(controlProgressEntries.period, '2012-03')));
    assert.ok(entry);
    assert.equal(entry.status, 'done');
    assert.equal(entry.dueDate, '2012-04-10');
    // Entered in 2026 for a period due on 10 April 2012.
    assert.equal(entry.isLate, true);
    assert.equal(entry.enteredBy, editor.member.displayName);
    const values = await db
      .select()
      .from(controlProgressValues)
      .where(eq(controlProgressValues.entryId, entry.id));
    assert.deepEqual(
      values.map((value) => [value.targetId, value.value]).sort(),
      [
        [targets.rate, 90],
        [targets.sessions, 12],
      ].sort(),
    );
    const evidence = await db
      .select()
      .from(controlProgressEvidence)
      .where(eq(controlProgressEvidence.entryId, entry.id));
    assert.deepEqual(evidence.map((item) => [item.kind, item.mediaType ?? item.url]).sort(), [
      ['file', 'image/png'],
      ['link', 'https://www.example.tw/report'],
    ]);
    const shown = await editor.get(`/staff/progress/2012/${unit}?period=2012-03`);
    const rowHtml = shown.body.split('<tr').find((chunk) => chunk.includes(`href="${pageUrl}"`)) ?? '';
    const row = / data-state="([a-z]+)" data-status="([a-z_]*)"/.exec(rowHtml);
    assert.deepEqual(row?.slice(1), ['entered', 'done']);
    assert.ok(rowHtml.includes('data-late="true"'));
    assert.ok(decode(rowHtml).includes('逾期填報'));
    assert.ok((await editor.get(pageUrl)).body.includes('data-late="true"'));
    const file = evidence.find((item) => item.kind === 'file');
    assert.ok(file?.fileName?.endsWith('.png'));
    const download = await editor.get(`/staff/progress/evidence/${file?.id}`);
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['content-type'], 'image/png');
    // TestBrowser's response type shows the body as text; the bytes are in light-my-request's rawPayload.
    const payload = (download as unknown as { rawPayload: Buffer }).rawPayload;
    assert.ok(payload.equals(samplePng()), 'streamed from the file store byte for byte');
    assert.equal(file?.content, null, 'the row keeps the SHA-256, not the bytes');
    assert.ok((await subject.files.read(file?.sha256 ?? '')).equals(samplePng()));
  });

  it('bad input is refused with every problem listed at once', async () => {
    const page = await editor.get(practiceUrl('2012-04'));
    const action = actionOf(page.body);
    const linksOf = (html: string) => {
      const summary = html.slice(
        html.indexOf('govuk-error-summary'),
        html.indexOf('</ul>', html.indexOf('govuk-error-summary')),
      );
      return {
        targets: [...summary.matchAll(/<a href="#([^"]+)">/g)].map((match) => match[1]).sort(),
        text: decode(summary),
      };
    };

    // Too long for the form: answered by the form itself, each over-long field at once.
    const tooLong = await editor.postMultipart(
      action,
      formData({
        practiceId,
        status: 'done',
        narrative: '說'.repeat(5001),
        [`value-${targets.rate}`]: '9'.repeat(51),
      }),
      asPage,
    );
    assert.equal(tooLong.statusCode, 400);
    const long = linksOf(tooLong.body);
    assert.deepEqual(long.targets, ['narrative', `value-${targets.rate}`].sort());
    assert.match(long.text, /執行說明最多 5000 個字（現為 5001 個字）/);

    // The entry's own rules: every problem of the status, the values, the links and the files at once.
    const bad = await editor.postMultipart(
      action,
      formData(
        {
          practiceId,
          status: 'finished',
          narrative: '說明',
          [`value-${targets.rate}`]: 'abc',
          links: 'ftp://x.example/a',
        },
        [{ name: 'setup.exe', type: 'application/octet-stream', content: sampleExe() }],
      ),
      asPage,
    );
    assert.equal(bad.statusCode, 400);
    const summary = linksOf(bad.body);
    assert.deepEqual(summary.targets, ['evidence', 'links', 'status', `value-${targets.rate}`].sort());
    assert.match(summary.text, /「即時辦結率」的實際值必須是數字/);
    assert.match(summary.text, /setup\.exe/);
    // What was typed comes back in the practice's form.
    assert.match(
      bad.body,
      new RegExp(`id="value-${targets.rate}" name="value-${targets.rate}" type="text" value="abc"`),
    );

    // A practice the unit does not carry, a period outside the year, a bad status and value: all in one answer.
    const json = await editor.postMultipart(
      action.replace('/2012-04/', '/2013-01/'),
      formData({ practiceId: otherPracticeId, status: 'x', [`value-${targets.rate}`]: 'abc' }, [
        { name: 'setup.exe', type: 'application/octet-stream', content: sampleExe() },
      ]),
      { accept: 'application/json' },
    );
    assert.equal(json.statusCode, 400);
    const body = JSON.parse(json.body) as { code: string; errors: { field: string; message: string }[] };
    assert.equal(body.code, 'VALIDATION_FAILED');
    const fields = body.errors.map((problem) => problem.field).sort();
    assert.deepEqual(fields, ['evidence', 'period', 'practiceId', 'status', `value-${targets.rate}`].sort());
    assert.ok(body.errors.some((problem) => problem.message.includes('本單位不承辦推動作法')));
    const count = await db
      .select()
      .from(controlProgressEntries)
      .where(eq(controlProgressEntries.period, '2012-04'));
    assert.equal(count.length, 0);
  });

  it('another unit’s editor may not report for the unit; only the secretariat sees the overview', async () => {
    const stranger = await signedIn(
      'unit_editor',
      carried.length > 0 && unit === 'road-maintenance' ? 'construction-management' : 'road-maintenance',
    );
    assert.equal((await stranger.get(`/staff/progress/2012/${unit}`)).statusCode, 403);
    assert.equal((await editor.get('/staff/progress/2012')).statusCode, 403);
    // The staff home's link leads each to their page of the latest published year.
    const home = await editor.get('/staff/progress');
    assert.equal(home.statusCode, 303);
    assert.equal(home.headers.location, `/staff/progress/2012/${unit}`);
    const secretariat = await signedIn('secretariat');
    const start = await secretariat.get('/staff/progress');
    assert.equal(start.headers.location, '/staff/progress/2012');
    assert.ok((await secretariat.get('/staff')).body.includes('href="/staff/progress"'));
    // The overview's choice of year (a GET form to /staff/progress) leads to that year's overview.
    const chosen = await secretariat.get('/staff/progress?year=2012');
    assert.equal(chosen.headers.location, '/staff/progress/2012');
    const english = await secretariat.get('/en/staff/progress?year=2012');
    assert.equal(english.headers.location, '/en/staff/progress/2012');
    // A practice's page: another unit's is refused, one the unit does not carry or a period outside the year is not found.
    assert.equal((await stranger.get(practiceUrl('2012-03'))).statusCode, 403);
    assert.equal(
      (await editor.get(`/staff/progress/2012/${unit}/2012-03/practices/${otherPracticeId}`)).statusCode,
      404,
    );
    assert.equal((await editor.get(practiceUrl('2013-01'))).statusCode, 404);
  });

  it('the overview’s figures match the data, as charts with their tables', async () => {
    const secretariat = await signedIn('secretariat');
    const page = await secretariat.get('/staff/progress/2012');
    assert.equal(page.statusCode, 200);
    const overview = await progressOverview(db, 2012, '2026-03-02');
    assert.ok(overview);
    // One (practice, unit) pair is done: the entry of the first test.
    assert.equal(
      overview.byItem.reduce((sum, row) => sum + row.done, 0),
      1,
    );
    const item = plan.items.find((it2) =>
      it2.strategies.some((s) => s.practices.some((p) => p.id === practiceId)),
    );
    assert.equal(overview.byItem.find((row) => row.key === item?.id)?.done, 1);
    const unitRow = overview.byUnit.find((row) => row.key === unit);
    assert.deepEqual([unitRow?.done, unitRow?.total], [1, carried.length]);
    // Missing: every period of 2012 is past its due date; the unit entered 1 of its practices in March.
    assert.equal(overview.pastPeriods.length, 12);
    const missing = overview.missing.find((row) => row.unitCode === unit);
    assert.equal(missing?.missing, carried.length * 12 - 1);
    // Short of target: 90 % against 95 %; 12 sessions reached 12.
    assert.deepEqual(
      overview.shortOfTarget.filter((row) => row.unitCode === unit).map((row) => [row.indicator, row.latest]),
      [['即時辦結率', 90]],
    );
    // The page shows the same figures; each chart is an image named by its caption, its table right after.
    const html = page.body;
    const unitCells = new RegExp(
      `data-key="${unit}"><th[^>]*><a[^>]*>[^<]*</a></th><td[^>]*data-field="done">(\\d+)</td><td[^>]*data-field="total">(\\d+)</td>`,
    ).exec(html);
    assert.deepEqual(unitCells?.slice(1), ['1', String(carried.length)]);
    const missingCell = new RegExp(
      `data-key="${unit}"><th[^>]*><a[^>]*>[^<]*</a></th><td[^>]*data-field="missing">(\\d+)</td>`,
    ).exec(html);
    assert.equal(missingCell?.[1], String(carried.length * 12 - 1));
    assert.match(html, /id="short-table"[\s\S]*即時辦結率[\s\S]*data-field="latest">90 %/);
    // Each unit's entries are a link away (issue 14 §13), and the year is chosen with a GET form.
    assert.ok(html.includes(`<a class="govuk-link" href="/staff/progress/2012/${unit}">`));
    assert.ok(
      html.includes(`href="/staff/progress/2012/${unit}?period=2012-01"`),
      'the first missing period',
    );
    assert.match(html, /<form method="get" action="\/staff\/progress"[^>]*>[\s\S]*?<select[^>]*name="year"/);
    assert.ok(html.includes('<option value="2012" selected'));
    // In English the items and strategies are named as the English plan page names them.
    const englishPage = decode((await secretariat.get('/en/staff/progress/2012')).body);
    const first = plan.items[0];
    assert.ok(first?.titleEn);
    assert.ok(englishPage.includes(`1. ${first.titleEn}`));
    assert.ok(!englishPage.includes(`>${first.label}${first.title}<`));
    assert.ok(englishPage.includes(`href="/en/staff/progress/2012/${unit}"`));
    const charts = [...html.matchAll(/<svg role="img" aria-labelledby="([^"]+)"/g)].map((match) => match[1]);
    assert.deepEqual(charts, [
      'by-item-chart-caption',
      'by-strategy-chart-caption',
      'by-unit-chart-caption',
      'missing-chart-caption',
    ]);
    for (const caption of charts) {
      assert.match(html, new RegExp(`<figcaption id="${caption}"[^>]*>[^<]+</figcaption>`));
      const chartEnd = html.indexOf('</figure>', html.indexOf(`id="${caption}"`));
      assert.ok(html.slice(chartEnd, chartEnd + 40).includes('<table'), `${caption}: its table follows`);
    }
  });
});

describe('removing evidence', () => {
  it('the unit removes a wrong photo after confirming (bytes deleted, audited), not once its annual report is issued', async () => {
    const [entry] = await db
      .select()
      .from(controlProgressEntries)
      .where(and(eq(controlProgressEntries.unitCode, unit), eq(controlProgressEntries.period, '2012-03')));
    assert.ok(entry, 'the first test entered March');
    const evidenceOf = () =>
      db.select().from(controlProgressEvidence).where(eq(controlProgressEvidence.entryId, entry.id));
    const photo = (await evidenceOf()).find((item) => item.kind === 'file');
    assert.ok(photo?.fileName);
    const removeUrl = `/staff/progress/evidence/${photo.id}/remove`;

    const unitPage = await editor.get(practiceUrl('2012-03'));
    assert.ok(unitPage.body.includes(`href="${removeUrl}"`), 'each evidence item links to its removal');
    const otherUnit = await signedIn('unit_editor', unit === 'parks' ? 'road-maintenance' : 'parks');
    assert.equal((await otherUnit.get(removeUrl)).statusCode, 404, 'another unit learns nothing');
    const handler = await signedIn('handler', unit);
    assert.equal((await handler.get(removeUrl)).statusCode, 403);

    const question = await editor.get(removeUrl);
    assert.equal(question.statusCode, 200);
    assert.ok(decode(question.body).includes(`確定要移除「${photo.fileName}」嗎？`));
    const csrf = csrfTokenIn(question.body);
    assert.equal(
      (
        await otherUnit.post(removeUrl, {
          _csrf: csrfTokenIn(
            (
              await otherUnit.get(`/staff/progress/2012/${unit === 'parks' ? 'road-maintenance' : 'parks'}`)
            ).body,
          ),
        })
      ).statusCode,
      404,
    );

    // Once the unit's 2012 report is issued, its evidence stays.
    const now = subject.clock.now();
    await db.insert(controlReports).values({
      year: 2012,
      unitCode: unit,
      state: 'issued',
      narrative: '已發布',
      dueDate: '2013-02-01',
      version: 2,
      createdAt: now,
      updatedAt: now,
      updatedBy: 'test',
      issuedAt: now,
      issuedBy: 'test',
    });
    const refused = await editor.post(removeUrl, { _csrf: csrf });
    assert.equal(refused.statusCode, 409);
    assert.ok(decode(refused.body).includes('101 年度績效成果報告已發布，其佐證資料不能再移除。'));
    assert.equal((await evidenceOf()).length, 2);
    await db.delete(controlReports).where(eq(controlReports.unitCode, unit));

    const removed = await editor.post(removeUrl, { _csrf: csrf });
    assert.equal(removed.statusCode, 303);
    assert.equal(removed.headers.location, `${practiceUrl('2012-03')}?done=removed`);
    assert.deepEqual(
      (await evidenceOf()).map((item) => item.kind),
      ['link'],
      'the photo is gone, the link stays',
    );
    assert.equal((await editor.get(`/staff/progress/evidence/${photo.id}`)).statusCode, 404);
    assert.equal((await editor.post(removeUrl, { _csrf: csrf })).statusCode, 404, 'twice: not found');
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'control.progress.evidence_remove'), eq(auditLog.targetId, entry.id)));
    assert.equal(audit?.details.fileName, photo.fileName);
    assert.equal(audit?.details.sha256, photo.sha256);
    assert.equal(audit?.details.sizeBytes, photo.sizeBytes);
    const after = await editor.get(`${practiceUrl('2012-03')}?done=removed`);
    assert.ok(decode(after.body).includes('已移除佐證資料。'));
    assert.ok(!after.body.includes(removeUrl));
  });
});

describe('reminders', () => {
  it('a missing report reaches the unit’s editor and head by e-mail, once per period, after two scans', async () => {
    const deps = reminderDepsOf(subject);
    const first = await scanProgressReminders(deps, { years: [2012] });
    const second = await scanProgressReminders(deps, { years: [2012] });
    assert.equal(second.missing, 0);
    assert.ok(first.missing >= 24);
    const to = (address: string) => smtp.messages.filter((message) => message.envelopeTo.includes(address));
    const deadline = Date.now() + 15_000;
    while (to(editor.member.email).length < 12 || to(head.email).length < 12) {
      if (Date.now() > deadline) throw new Error('the reminders did not arrive');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const address of [editor.member.email, head.email]) {
      const subjects = to(address).map((message) => message.subject);
      assert.equal(subjects.length, 12);
      const march = subjects.filter((line) => line.includes('2012-03'));
      assert.equal(march.length, 1);
      assert.match(march[0] ?? '', /執行進度逾期未填報/);
    }
    const march = to(editor.member.email).find((message) => message.subject.includes('2012-03'));
    assert.ok(march?.text.includes(`${carried.length - 1} 項推動作法`));
    assert.ok(march?.text.includes(`/staff/progress/2012/${unit}?period=2012-03`));
    assert.equal(dueDateOf('2012-03', { cadence: 'monthly', dueDay: 10 }), '2012-04-10');
    assert.deepEqual(periodsOf(2012, { cadence: 'quarterly', dueDay: 10 }), [
      '2012-Q1',
      '2012-Q2',
      '2012-Q3',
      '2012-Q4',
    ]);
    assert.equal(dueDateOf('2012-Q4', { cadence: 'quarterly', dueDay: 10 }), '2013-01-10');
  });
});

describe('the reporting cadence', () => {
  it('the secretariat sets quarterly reports due on the 15th; bad input lists both problems', async () => {
    const secretariat = await signedIn('secretariat');
    const page = await secretariat.get('/staff/progress/2012');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const bad = await secretariat.post('/staff/progress/2012/settings', {
      _csrf: csrf,
      cadence: 'weekly',
      dueDay: '40',
    });
    assert.equal(bad.statusCode, 400);
    const summary = bad.body.slice(bad.body.indexOf('govuk-error-summary'));
    assert.deepEqual(
      [...summary.slice(0, summary.indexOf('</ul>')).matchAll(/<a href="#([^"]+)">/g)].map(
        (match) => match[1],
      ),
      ['cadence', 'dueDay'],
    );
    assert.equal(
      (
        await editor.post('/staff/progress/2012/settings', {
          _csrf: csrf,
          cadence: 'quarterly',
          dueDay: '15',
        })
      ).statusCode,
      403,
    );
    const saved = await secretariat.post('/staff/progress/2012/settings', {
      _csrf: csrf,
      cadence: 'quarterly',
      dueDay: '15',
    });
    assert.equal(saved.statusCode, 303);
    const overview = await progressOverview(db, 2012, '2012-07-16');
    assert.deepEqual(overview?.pastPeriods, ['2012-Q1', '2012-Q2']);
    const unitPage = await editor.get(`/staff/progress/2012/${unit}?period=2012-Q2`);
    assert.ok(unitPage.body.includes('<option value="2012-Q2" selected'));
    assert.ok(unitPage.body.includes('填報期限：民國101年7月15日'));
  });
});
