import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { decode, mainOf, summaryOf } from '../../../../test/helpers/html.ts';
import { staffActor } from '../../../platform/auth/audit-log.ts';
import { auditLog, staff } from '../../../platform/auth/auth-schema.ts';
import {
  csrfTokenIn,
  type TestBrowser,
  type TestStaffMember,
} from '../../../platform/auth/auth-test-support.ts';
import type { StaffPrincipal, StaffRole } from '../../../platform/auth/principal.ts';
import {
  assertStylesResolve,
  element,
  elements,
  odfText,
  readOdfPackage,
  type XmlElement,
} from '../../../platform/documents/documents-test-support.ts';
import { ODS_MEDIA_TYPE } from '../../../platform/documents/ods.ts';
import { ODT_MEDIA_TYPE } from '../../../platform/documents/odt.ts';
import { notificationDeliveries } from '../../notifications/notifications-schema.ts';
import { refreshPetitionStats } from '../../petitions/analysis/analysis-refresh.ts';
import { createCheck } from '../checks/checks-service.ts';
import { copyPlan } from '../plans/plan-copying.ts';
import { publishPlan } from '../plans/plan-publishing.ts';
import { getPublishedPlan } from '../plans/plan-reads.ts';
import {
  controlProgressEntries,
  controlProgressEvidence,
  controlProgressValues,
} from '../progress/progress-schema.ts';
import {
  controlTestApp,
  reminderDepsOf,
  signedInMember,
  staffMemberOf,
} from '../shared/control-app-test-support.ts';
import { addUnits, paginationOf } from '../shared/control-test-support.ts';
import { carriedPractices } from '../work-plans/work-plan-reads.ts';
import { controlWorkPlanTargets } from '../work-plans/work-plan-schema.ts';
import { createWorkPlan, saveRow, transitionWorkPlan } from '../work-plans/work-plan-service.ts';
import { buildReport, reportSubjects } from './report-build.ts';
import { scanReportReminders } from './report-reminders.ts';
import { controlReports } from './report-schema.ts';

const subject = await controlTestApp();
const db = subject.database.db;

const year = 2026;
const unit = 'road-maintenance';
const otherUnit = 'parks';
const base = `/staff/reports/${year}`;

function principal(member: TestStaffMember): StaffPrincipal {
  return { ...member, sessionId: 'test', hasTotp: member.totpSecret !== null };
}

const member = (role: StaffRole, unitCode?: string) => staffMemberOf(subject, role, unitCode);
const browserOf = (role: StaffRole, unitCode?: string) => signedInMember(subject, role, unitCode);

const practiceTexts: string[] = [];
const findings = '接聽時未報單位名稱。轉接等候超過 30 秒。';
const actionText = '接聽電話一律先報單位名稱';

/** A unit's work plan with the given methods, taken through to accepted by its editor, head and the secretariat. */
async function acceptedWorkPlan(
  unitCode: string,
  secretariat: StaffPrincipal,
  methods: { method: string; practiceIds: string[]; targets: [string, string, number, number][] }[],
): Promise<void> {
  const editor = principal(await member('unit_editor', unitCode));
  const head = principal(await member('unit_head', unitCode));
  const options = (staff: StaffPrincipal) => ({ staff, now: subject.clock.now(), lang: 'zh-TW' as const });
  let { version } = await createWorkPlan(db, year, options(editor));
  for (const method of methods) {
    ({ version } = await saveRow(
      db,
      {
        year,
        unitCode,
        rowId: null,
        version,
        form: {
          itemText: '一、提升服務品質，深化服務績效',
          focusText: '縮短申辦時間',
          methodText: method.method,
          remarks: '每季檢討',
          practiceIds: method.practiceIds,
          targets: method.targets.map(([indicator, unitOfMeasure, baseline, target]) => ({
            indicator,
            unitOfMeasure,
            baseline: String(baseline),
            target: String(target),
            measurement: '每月統計',
          })),
        },
      },
      options(editor),
    ));
  }
  ({ version } = await transitionWorkPlan(
    db,
    { year, unitCode, version, action: 'submit' },
    options(editor),
  ));
  ({ version } = await transitionWorkPlan(db, { year, unitCode, version, action: 'approve' }, options(head)));
  await transitionWorkPlan(db, { year, unitCode, version, action: 'accept' }, options(secretariat));
}

let secretariatBrowser: TestBrowser;
let measuredTargetId = '';

before(async () => {
  const secretariat = principal(await member('secretariat'));
  const mutation = { actor: staffActor(secretariat), now: subject.clock.now(), lang: 'zh-TW' as const };
  await copyPlan(db, { ...mutation, form: { fromYear: '2012', toYear: String(year) } });
  await publishPlan(db, year, mutation);
  const carried = await carriedPractices(db, year, unit);
  assert.ok(carried && carried.carried.length >= 2);
  const [first, second] = carried.carried;
  assert.ok(first && second);
  practiceTexts.push(first.text, second.text);
  await acceptedWorkPlan(unit, secretariat, [
    {
      method: '電話禮貌測試每月自評',
      practiceIds: [first.id],
      targets: [
        ['電話禮貌測試平均分數', '分', 80, 90],
        ['轉接等候秒數', '秒', 40, 20],
      ],
    },
    { method: '臨櫃服務滿意度調查', practiceIds: [second.id], targets: [['滿意度', '%', 85, 95]] },
  ]);
  const otherCarried = await carriedPractices(db, year, otherUnit);
  const otherFirst = otherCarried?.carried[0];
  assert.ok(otherFirst);
  await acceptedWorkPlan(otherUnit, secretariat, [
    { method: '公園服務專線禮貌訓練', practiceIds: [otherFirst.id], targets: [['受訓人數', '人', 10, 30]] },
  ]);

  await createCheck(db, {
    staff: secretariat,
    now: subject.clock.now(),
    today: '2026-03-02',
    lang: 'zh-TW',
    origin: { ip: null, requestId: null, userAgent: null },
    checkOrigin: 'spot_check',
    unitCodes: new Set([unit, otherUnit]),
    form: {
      checkDate: '2026-02-10',
      unitCode: unit,
      kind: 'phone_courtesy',
      subject: '養護工程處服務電話',
      score: '72',
      findings,
      actions: [{ description: actionText, deadline: '2026-03-31', unitCode: '' }],
    },
  });

  // One progress entry with a measured value and a link as evidence (the §3 tables, written directly).
  const plan = await getPublishedPlan(db, year);
  assert.ok(plan);
  const [target] = await db
    .select()
    .from(controlWorkPlanTargets)
    .where(eq(controlWorkPlanTargets.indicator, '電話禮貌測試平均分數'));
  assert.ok(target);
  measuredTargetId = target.id;
  const [entry] = await db
    .insert(controlProgressEntries)
    .values({
      planId: plan.id,
      year,
      unitCode: unit,
      practiceId: first.id,
      period: '2026-02',
      dueDate: '2026-03-10',
      status: 'on_track',
      narrative: '二月測試 3 次',
      isLate: false,
      enteredBy: 'test',
      enteredAt: subject.clock.now(),
      updatedAt: subject.clock.now(),
    })
    .returning({ id: controlProgressEntries.id });
  assert.ok(entry);
  await db.insert(controlProgressValues).values({ entryId: entry.id, targetId: target.id, value: 92.5 });
  await db.insert(controlProgressEvidence).values({
    entryId: entry.id,
    kind: 'link',
    url: 'https://example.gov.tw/phone-test-2026-02',
    addedAt: subject.clock.now(),
  });

  secretariatBrowser = await browserOf('secretariat');
});

/** The download's bytes (the test browser returns light-my-request's response). */
function bytesOf(response: unknown): Buffer {
  return (response as { rawPayload: Buffer }).rawPayload;
}

function cellsOf(table: XmlElement): string[][] {
  return elements(table, 'table:table-row').map((row) =>
    elements(row, 'table:table-cell').map((cell) => odfText(cell)),
  );
}

describe('the annual performance report', () => {
  it('generates the unit report from plan, work plan, progress and checks', async () => {
    const data = await buildReport(db, year, unit);
    assert.ok(data);
    const results = data.items.flatMap((item) => item.practices);
    for (const text of practiceTexts)
      assert.ok(
        results.some((practice) => practice.text === text),
        text,
      );
    assert.ok(results.every((practice) => practice.results.every((result) => result.unitCode === unit)));
    assert.deepEqual(
      data.indicators.map((target) => [target.indicator, target.target, target.measured, target.result]),
      [
        ['電話禮貌測試平均分數', 90, 92.5, 'met'],
        ['轉接等候秒數', 20, null, 'none'],
        ['滿意度', 95, null, 'none'],
      ],
    );
    assert.equal(data.indicators[0]?.id, measuredTargetId);
    assert.deepEqual(
      data.evidence.map((entry) => [entry.unitCode, entry.period, entry.label]),
      [[unit, '2026-02', 'https://example.gov.tw/phone-test-2026-02']],
    );
    assert.equal(data.checks.length, 1);
    assert.equal(data.checks[0]?.findings, findings);
    assert.equal(data.record.dueDate, '2027-02-01');
    assert.equal(data.record.state, 'none');
  });

  it('the page holds the unit’s practices, targets and check findings', async () => {
    const page = await secretariatBrowser.get(`${base}/${unit}`);
    assert.equal(page.statusCode, 200);
    const main = decode(mainOf(page.body));
    for (const text of practiceTexts) assert.ok(main.includes(text), text);
    for (const text of [
      '電話禮貌測試每月自評',
      '電話禮貌測試平均分數',
      '轉接等候秒數',
      '滿意度',
      findings,
      actionText,
    ])
      assert.ok(main.includes(text), text);
    assert.match(main, /<h1 class="govuk-heading-l">115 年度績效成果報告：道路養護工程處<\/h1>/);
    assert.match(main, /期限：民國116年2月1日/);
    assert.match(
      main,
      /<th scope="col" class="govuk-table__header govuk-table__header--numeric">目標值<\/th>/,
    );
    assert.ok(main.includes('達成'));
    assert.ok(!main.includes('公園服務專線禮貌訓練'), 'another unit’s methods are not in the unit report');
  });

  it('reads in English at /en, the download too', async () => {
    const page = await secretariatBrowser.get(`/en${base}/${unit}`);
    assert.equal(page.statusCode, 200);
    const main = decode(mainOf(page.body));
    assert.match(main, /<h1 class="govuk-heading-l">Performance report 2026: [^<]+<\/h1>/);
    assert.ok(main.includes('Due: '));
    const odt = await secretariatBrowser.get(`/en${base}/${unit}/report.odt`);
    assert.equal(odt.statusCode, 200);
    assert.match(String(odt.headers['content-disposition']), /performance-report\.odt"/);
    const content = readOdfPackage(bytesOf(odt), ODT_MEDIA_TYPE).xml['content.xml'];
    assert.ok(content);
    assert.ok(odfText(element(content, 'office:body')).includes('Indicators against targets'));
  });

  it('the .odt download is a valid ODF package holding the practices and findings', async () => {
    const response = await secretariatBrowser.get(`${base}/${unit}/report.odt`);
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], ODT_MEDIA_TYPE);
    assert.equal(response.headers['cache-control'], 'no-store');
    assert.equal(
      response.headers['content-disposition'],
      `attachment; filename="2026-_______-____.odt"; filename*=UTF-8''${encodeURIComponent('2026-道路養護工程處-績效成果.odt')}`,
    );
    const pkg = readOdfPackage(bytesOf(response), ODT_MEDIA_TYPE);
    assertStylesResolve(pkg);
    const content = pkg.xml['content.xml'];
    assert.ok(content);
    const text = odfText(element(content, 'office:body'));
    for (const practice of practiceTexts) assert.ok(text.includes(practice), practice);
    assert.ok(text.includes(findings));
    assert.ok(text.includes(actionText));
    assert.ok(text.includes('電話禮貌測試平均分數'));
  });

  it('the .ods holds the tables, one sheet each, numbers as float cells', async () => {
    const response = await secretariatBrowser.get(`${base}/${unit}/tables.ods`);
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], ODS_MEDIA_TYPE);
    assert.equal(response.headers['cache-control'], 'no-store');
    assert.match(String(response.headers['content-disposition']), /^attachment; filename=".*\.ods"/);
    const pkg = readOdfPackage(bytesOf(response), ODS_MEDIA_TYPE);
    const content = pkg.xml['content.xml'];
    assert.ok(content);
    const tables = elements(content, 'table:table');
    assert.deepEqual(
      tables.map((table) => table.attributes['table:name']),
      ['推動作法', '量化指標', '佐證資料', '查核', '陳情'],
    );
    const indicators = tables[1];
    assert.ok(indicators);
    const rows = cellsOf(indicators);
    assert.deepEqual(rows[0], [
      '單位',
      '工作(推動)方法',
      '指標',
      '衡量單位',
      '基準值',
      '目標值',
      '實績值',
      '達成',
    ]);
    const firstRow = elements(indicators, 'table:table-row')[1];
    assert.ok(firstRow);
    const cells = elements(firstRow, 'table:table-cell');
    assert.deepEqual(
      cells
        .slice(4, 7)
        .map((cell) => [cell.attributes['office:value-type'], cell.attributes['office:value']]),
      [
        ['float', '80'],
        ['float', '90'],
        ['float', '92.5'],
      ],
    );
    const practices = tables[0];
    assert.ok(practices);
    const practiceCells = cellsOf(practices).flat().join('\n');
    for (const practice of practiceTexts) assert.ok(practiceCells.includes(practice), practice);
    const checks = tables[3];
    assert.ok(checks);
    assert.ok(cellsOf(checks).flat().includes(findings));
  });

  it('feeds the year’s petitions from the secretariat’s petition analysis (issue 16 §6), on the page and in both files', async () => {
    // (The months between have none: the roll-ups' rebuild skips an empty month — it once failed on one.)
    // Three petitions of the unit: two received in the year (one answered in 3 days, before its deadline; one
    // still open), one in the year before (left out); and one of another unit (left out of the unit's report).
    const aPetition = async (options: { received: string; days?: number; unitCode: string }) => {
      const received = new Date(options.received);
      const finished =
        options.days === undefined ? null : new Date(received.getTime() + options.days * 86_400_000);
      const inserted = await db.execute<{ id: string }>(sql`
        insert into cases (case_number, lookup_code, kind, channel, service_code, service_version, unit_code, state,
          applicant_type, applicant_name, applicant_lang, consent_at, subject, description, received_at, deadline_rule,
          due_at_answer, resolved_at, closed_at, created_at, updated_at)
        select ${`R${randomUUID().slice(0, 12)}`}, 'ABCD2345', 'petition', 'web', s.code, s.current_version,
          ${options.unitCode}, ${finished === null ? 'in_progress' : 'resolved'}, 'person', '年報測試陳情人', 'zh-TW',
          ${received}, '年報測試', '年報測試的陳情內容', ${received}, '{"kind":"working_days","days":6}'::jsonb,
          ${finished === null ? null : new Date(received.getTime() + 8 * 86_400_000)}, ${finished}, ${finished},
          ${received}, ${finished ?? received}
          from services s where s.code = 'road-maintenance-petition'
        returning id`);
      const caseId = inserted.rows[0]?.id;
      assert.ok(caseId, 'the petition type road-maintenance-petition is seeded');
      await db.execute(sql`
        insert into petitions (case_id, source, is_confidential, text_pairs, received_at)
        values (${caseId}, 'letter', false, '{1,2,3}', ${received})`);
    };
    await aPetition({ received: '2026-03-02T02:00:00Z', days: 3, unitCode: unit });
    await aPetition({ received: '2026-05-04T02:00:00Z', unitCode: unit });
    await aPetition({ received: '2025-12-01T02:00:00Z', days: 2, unitCode: unit });
    await aPetition({ received: '2026-03-03T02:00:00Z', days: 1, unitCode: otherUnit });
    await refreshPetitionStats(db, { now: new Date('2026-06-01T00:00:00Z') });

    const data = await buildReport(db, year, unit);
    assert.ok(data);
    assert.deepEqual(data.petitions, {
      received: 2,
      finished: 1,
      open: 1,
      onTimeRate: 100,
      averageDays: 3,
      // The upper bound of the histogram bucket holding the 90th percentile (3 days is in [3, 4)).
      p90Days: 4,
      declined: 0,
      repeats: 0,
    });
    const bureau = await buildReport(db, year, null);
    assert.equal(bureau?.petitions.received, 3, 'the bureau report counts every unit’s');

    const page = await secretariatBrowser.get(`${base}/${unit}`);
    assert.equal(page.statusCode, 200);
    const main = decode(mainOf(page.body));
    assert.match(main, /陳情案件處理成效/);
    const table = /<table[^>]*id="petitions"[\s\S]*?<\/table>/.exec(main)?.[0] ?? '';
    const cells = table
      .split(/<\/t[hd]>/)
      .map((cell) => cell.replace(/<[^>]+>/g, '').trim())
      .filter((cell) => cell !== '');
    assert.deepEqual(cells.slice(0, 6), [
      '本年度收件的陳情案件（依陳情案件分析，每 5 分鐘更新）項目',
      '數值',
      '收件數',
      '2',
      '已辦結',
      '1',
    ]);
    assert.ok(
      cells.includes('如期辦結率（%）') && cells[cells.indexOf('如期辦結率（%）') + 1] === '100',
      cells.join('|'),
    );

    const ods = await secretariatBrowser.get(`${base}/${unit}/tables.ods`);
    const content = readOdfPackage(bytesOf(ods), ODS_MEDIA_TYPE).xml['content.xml'];
    assert.ok(content);
    const sheet = elements(content, 'table:table').find((table) => table.attributes['table:name'] === '陳情');
    assert.ok(sheet);
    assert.deepEqual(cellsOf(sheet).slice(0, 3), [
      ['項目', '數值'],
      ['收件數', '2'],
      ['已辦結', '1'],
    ]);
    const odt = await secretariatBrowser.get(`${base}/${unit}/report.odt`);
    const odtContent = readOdfPackage(bytesOf(odt), ODT_MEDIA_TYPE).xml['content.xml'];
    assert.ok(odtContent);
    assert.match(odfText(element(odtContent, 'office:body')), /陳情案件處理成效[\s\S]*收件數2/);
  });

  it('generation takes a fixed handful of queries, whatever the number of practices and units', async () => {
    const pool = subject.database.pool;
    const original = pool.query.bind(pool);
    let count = 0;
    pool.query = ((...args: Parameters<typeof pool.query>) => {
      count += 1;
      return original(...args);
    }) as typeof pool.query;
    try {
      assert.ok(await buildReport(db, year, unit));
      const perUnit = count;
      count = 0;
      assert.ok(await buildReport(db, year, null));
      // 14 before any narrative is stored (the item narratives' query is skipped), 15 after: the plan, the
      // work plans and their rows and targets, progress, evidence, checks, and the year's petition figures (1).
      assert.deepEqual([perUnit, count], [14, 14]);
    } finally {
      pool.query = original;
    }
  });

  it('the bureau-wide report covers several units', async () => {
    const data = await buildReport(db, year, null);
    assert.ok(data);
    const units = new Set(
      data.items.flatMap((item) =>
        item.practices.flatMap((practice) => practice.results.map((r) => r.unitCode)),
      ),
    );
    assert.ok(units.has(unit) && units.has(otherUnit), [...units].join());
    assert.deepEqual(new Set(data.indicators.map((target) => target.unitCode)), new Set([unit, otherUnit]));
    const page = await secretariatBrowser.get(`${base}/bureau`);
    assert.equal(page.statusCode, 200);
    const main = decode(mainOf(page.body));
    assert.ok(main.includes('公園服務專線禮貌訓練'));
    assert.ok(main.includes('電話禮貌測試每月自評'));
    assert.ok(main.includes('115 年度績效成果報告：全局'));
  });

  it('the list shows every unit and the bureau with state and due date, and warns when overdue', async () => {
    const list = await secretariatBrowser.get(`/staff/reports?year=${year}`);
    assert.equal(list.statusCode, 200);
    const main = decode(mainOf(list.body));
    assert.ok(main.includes(`href="${base}/bureau"`));
    assert.ok(main.includes(`href="${base}/${unit}"`));
    assert.ok(main.includes('民國116年2月1日'));
    assert.ok(!main.includes('govuk-warning-text'), 'no warning eleven months before the due date');
    const saved = subject.clock.now();
    subject.clock.current = new Date('2027-02-02T02:00:00Z');
    try {
      const lateReader = await browserOf('secretariat');
      const late = await lateReader.get(`/staff/reports?year=${year}`);
      const lateMain = decode(mainOf(late.body));
      assert.match(lateMain, /115 年的績效成果報告已逾期限 民國116年2月1日/);
      assert.match(lateMain, /govuk-tag--red">逾期</);
    } finally {
      subject.clock.current = saved;
    }
  });

  it('a bad narrative lists every problem; a good one is saved; issuing is audited', async () => {
    const data = await buildReport(db, year, unit);
    assert.ok(data);
    const [firstItem, secondItem] = data.items;
    assert.ok(firstItem && secondItem);
    secretariatBrowser = await browserOf('secretariat');
    const page = await secretariatBrowser.get(`${base}/${unit}`);
    const csrf = csrfTokenIn(page.body);
    const refused = await secretariatBrowser.post(`${base}/${unit}/narrative`, {
      _csrf: csrf,
      version: '0',
      narrative: '  ',
      [`item-${firstItem.id}`]: '說'.repeat(5001),
    });
    // Both answered by the form itself, at once: the missing narrative and the over-long item's.
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(summaryOf(refused.body), [
      ['narrative', '請填寫綜合說明'],
      [`item-${firstItem.id}`, `${firstItem.label}${firstItem.title}最多 5000 個字（現為 5001 個字）`],
    ]);
    assert.match(
      refused.body,
      new RegExp(`<textarea[^>]*name="item-${firstItem.id}"[^>]*>說{5001}</textarea>`),
    );
    assert.equal((await db.select().from(controlReports)).length, 0, 'nothing stored');

    const saved = await secretariatBrowser.post(`${base}/${unit}/narrative`, {
      _csrf: csrf,
      version: '0',
      narrative: '本年度電話禮貌測試平均 92.5 分，達成目標。',
      [`item-${secondItem.id}`]: '臨櫃滿意度調查於下半年辦理。',
    });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, `${base}/${unit}?done=saved`);
    const after = await secretariatBrowser.get(`${base}/${unit}`);
    const main = decode(mainOf(after.body));
    assert.ok(main.includes('本年度電話禮貌測試平均 92.5 分，達成目標。'));
    assert.ok(main.includes('臨櫃滿意度調查於下半年辦理。'));

    // A form made before the save is stale.
    const stale = await secretariatBrowser.post(`${base}/${unit}/issue`, { _csrf: csrf, version: '0' });
    assert.equal(stale.statusCode, 409);

    const issued = await secretariatBrowser.post(`${base}/${unit}/issue`, { _csrf: csrf, version: '2' });
    assert.equal(issued.statusCode, 303);
    const [record] = await db
      .select()
      .from(controlReports)
      .where(and(eq(controlReports.year, year), eq(controlReports.unitCode, unit)));
    assert.equal(record?.state, 'issued');
    assert.ok(record?.issuedAt);
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'control_report'), eq(auditLog.targetId, record.id)));
    assert.deepEqual(audits.map((entry) => entry.action).sort(), [
      'control.report.issue',
      'control.report.narrative',
    ]);
    const issuedPage = decode(mainOf((await secretariatBrowser.get(`${base}/${unit}`)).body));
    assert.ok(issuedPage.includes('狀態：已發布'));
    assert.ok(!issuedPage.includes('name="narrative"'), 'no narrative form once issued');
    const again = await secretariatBrowser.post(`${base}/${unit}/issue`, { _csrf: csrf, version: '3' });
    assert.equal(again.statusCode, 409);
  });

  it('the secretariat is e-mailed the reports not issued, once 14 days before 1 February and once after it', async () => {
    const deps = reminderDepsOf(subject);
    const secretariats = await db
      .select({ id: staff.id, email: staff.email })
      .from(staff)
      .where(and(eq(staff.role, 'secretariat'), eq(staff.isActive, true)));
    assert.ok(secretariats.length >= 2);
    const subjects = await reportSubjects(db, year);
    const issuedUnit = subjects.find((entry) => entry.subject === unit);
    assert.equal(issuedUnit?.state, 'issued', 'the previous test issued the unit’s report');
    const saved = subject.clock.now();
    try {
      subject.clock.current = new Date('2027-01-16T17:00:00Z'); // 2027-01-17 in Taipei: 15 days before
      assert.deepEqual(await scanReportReminders(deps), { due: 0, overdue: 0 });
      subject.clock.current = new Date('2027-01-17T16:30:00Z'); // 2027-01-18 00:30 in Taipei
      assert.deepEqual(await scanReportReminders(deps), { due: secretariats.length, overdue: 0 });
      assert.deepEqual(await scanReportReminders(deps), { due: 0, overdue: 0 }, 'never twice');
      const due = await db
        .select()
        .from(notificationDeliveries)
        .where(eq(notificationDeliveries.topic, 'control.annual_report_due'));
      assert.deepEqual(due.map((row) => row.recipient).sort(), secretariats.map((row) => row.email).sort());
      const [first] = due;
      assert.equal(first?.subject, '【績效成果報告提醒】115年度報告請於民國116年2月1日前發布');
      assert.ok(first?.bodyText.includes(`尚有 ${subjects.length - 1} 份未發布：全局、`));
      assert.ok(
        !first?.bodyText.includes(`${issuedUnit.nameZh}、`) && !first?.bodyText.endsWith(issuedUnit.nameZh),
      );
      assert.ok(first?.bodyText.includes(`/staff/reports?year=${year}`));

      subject.clock.current = new Date('2027-02-01T15:00:00Z'); // 2027-02-01 23:00 in Taipei: the due day
      assert.deepEqual(await scanReportReminders(deps), { due: 0, overdue: 0 });
      subject.clock.current = new Date('2027-02-01T16:00:00Z'); // 2027-02-02 in Taipei: overdue
      assert.deepEqual(await scanReportReminders(deps), { due: 0, overdue: secretariats.length });
      assert.deepEqual(await scanReportReminders(deps), { due: 0, overdue: 0 }, 'never twice');
      const [overdue] = await db
        .select()
        .from(notificationDeliveries)
        .where(eq(notificationDeliveries.topic, 'control.annual_report_overdue'));
      assert.equal(overdue?.subject, `【績效成果報告逾期】115年度尚有 ${subjects.length - 1} 份未發布`);
    } finally {
      subject.clock.current = saved;
    }
  });

  it('a unit reads its own report only; other roles get 403', async () => {
    const ownEditor = await browserOf('unit_editor', unit);
    const own = await ownEditor.get(`${base}/${unit}`);
    assert.equal(own.statusCode, 200);
    assert.ok(!mainOf(own.body).includes('name="narrative"'), 'no narrative form for the unit');
    assert.equal((await ownEditor.get(`${base}/${unit}/report.odt`)).statusCode, 200);
    assert.equal((await ownEditor.get(`${base}/bureau`)).statusCode, 403);
    assert.equal((await ownEditor.get('/staff/reports')).statusCode, 403);
    const csrf = csrfTokenIn(own.body);
    assert.equal(
      (await ownEditor.post(`${base}/${unit}/narrative`, { _csrf: csrf, version: '0', narrative: 'x' }))
        .statusCode,
      403,
    );
    const otherEditor = await browserOf('unit_editor', otherUnit);
    assert.equal((await otherEditor.get(`${base}/${unit}`)).statusCode, 403);
    assert.equal((await otherEditor.get(`${base}/${unit}/tables.ods`)).statusCode, 403);
    const ownHead = await browserOf('unit_head', otherUnit);
    assert.equal((await ownHead.get(`${base}/${otherUnit}`)).statusCode, 200);
    const handler = await browserOf('handler', unit);
    assert.equal((await handler.get(`${base}/${unit}`)).statusCode, 403);
    assert.equal((await handler.get(`${base}/${unit}/report.odt`)).statusCode, 403);
  });

  it('the year’s list shows the reports 50 a page, the bureau first', async () => {
    const added = await addUnits(db, 'rp', 55);
    const reader = await browserOf('secretariat');
    const subjectsOf = (html: string) =>
      [...mainOf(html).matchAll(new RegExp(`href="${base}/([a-z0-9-]+)"`, 'g'))].map((match) => match[1]);
    const first = await reader.get(`/staff/reports?year=${year}`);
    assert.equal(subjectsOf(first.body).length, 50);
    assert.equal(subjectsOf(first.body)[0], 'bureau');
    assert.deepEqual(paginationOf(first.body), {
      previous: null,
      next: `/staff/reports?year=${year}&page=2`,
    });
    const second = await reader.get(`/staff/reports?year=${year}&page=2`);
    const secondSubjects = subjectsOf(second.body);
    assert.ok(secondSubjects.length > 0 && secondSubjects.length < 50);
    assert.equal(secondSubjects.at(-1), added.at(-1));
    assert.ok(!subjectsOf(first.body).some((code) => secondSubjects.includes(code)), 'none on both pages');
    assert.equal(paginationOf(second.body).next, null);
  });
});
