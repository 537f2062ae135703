/**
 * `npm run bench:generate-control -- [--years 20] [--units 30] [--database-url URL | --data-dir DIR] [--seed 1]
 *  [--result-file FILE]`
 *
 * Fills a OneWindow database for the management-control benchmark (issue 4 §8): the published service
 * quality plan of every year of the last `--years` (the seeded 2012 plan copied and published for every
 * other year with the app's own copyPlan/publishPlan: 5 items, 23 strategies, 96 practices each), `--units`
 * active units (the bureau's active units plus generated bench units), and for each unit and year:
 *   - an accepted or published work plan with 3–4 methods linked to practices the unit carries, each with
 *     1–2 quantified targets (some lower-is-better);
 *   - the year's monthly progress settings (due on the 10th of the next month);
 *   - one progress entry per (practice the unit carries, unit, month) with a status that moves towards the
 *     practice's deadline (on track, at risk, done, not done…), a narrative, ~7 % entered late, the value
 *     of each linked target, links as evidence on ~4 % and small PDF files on ~0.1 %;
 *   - in the latest year only the periods up to today, with some reports missing in past periods;
 *   - spot checks (and a few self-assessments) with findings, corrective actions and follow-up;
 *   - issued annual reports for the past years.
 * Staff: the secretariat (benchEmails.secretariat(1), password benchPassword) and an editor per unit.
 *
 * Speed: plans through the service (19 small transactions); everything else in one transaction, progress
 * rows sent with COPY (pg-copy-streams) with the progress tables' non-unique indexes and foreign keys
 * dropped and rebuilt from their own definitions at the end, then VACUUM ANALYZE.
 * Without --database-url it starts an embedded PostgreSQL in --data-dir (default: a new temporary folder).
 * The app must not be running on that database meanwhile.
 */
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { copyPlan } from '../src/modules/control/plans/plan-copying.ts';
import { publishPlan } from '../src/modules/control/plans/plan-publishing.ts';
import { getPlan } from '../src/modules/control/plans/plan-reads.ts';
import { dueDateOf, practicesCarried } from '../src/modules/control/progress/progress-rules.ts';
import { systemActor } from '../src/platform/auth/audit-log.ts';
import {
  beginBulkLoad,
  copyField,
  copyRows,
  DAY,
  describePhases,
  dropIndexesForLoad,
  generatorOptions,
  HOUR,
  insertBenchStaff,
  nullField,
  phaseTimer,
  rebuildIndexes,
  runAsScript,
  runGenerator,
  withGeneratorDatabase,
} from './bench-support.ts';
import { createRandom, givenNameCharacters, type Random, surnames, weightedPicker } from './case-fixtures.ts';
import { benchEmails } from './generate-cases.ts';

export const controlBenchEmails = {
  secretariat: benchEmails.secretariat(1),
  editor: (unit: string) => `editor.${unit}@bench.example.org`,
};

export interface ControlGenerateOptions {
  connectionString: string;
  years?: number;
  units?: number;
  now?: Date;
  seed?: number;
  log?: (line: string) => void;
}

export interface ControlGenerateResult {
  years: number[];
  units: number;
  benchUnits: number;
  practicesPerYear: number;
  workPlans: number;
  targets: number;
  entries: number;
  values: number;
  evidenceLinks: number;
  evidenceFiles: number;
  lateEntries: number;
  missingInLatestYear: number;
  checks: number;
  actions: number;
  followUps: number;
  seconds: number;
  phases: { name: string; seconds: number }[];
}

// ---------------------------------------------------------------------------------------------------------
// COPY

const entryColumns =
  'id, plan_id, year, unit_code, practice_id, period, due_date, status, narrative, is_late, entered_by_staff_id, entered_by, entered_at, updated_at';
const valueColumns = 'entry_id, target_id, value';
const evidenceColumns =
  'id, entry_id, kind, url, file_name, media_type, size_bytes, sha256, content, added_at';

// ---------------------------------------------------------------------------------------------------------
// Texts

const narratives = [
  '本月依計畫辦理，進度正常。',
  '已完成本月預定工作項目，並檢討改進作法。',
  '辦理同仁教育訓練一場，參訓人員均完成課後測驗。',
  '配合市府政策調整作業流程，持續追蹤成效。',
  '受颱風影響，部分工作延後辦理，預計下月補正。',
  '已更新網站服務資訊並完成內容檢核。',
  '召開內部檢討會議，針對民眾意見研擬改善措施。',
  '抽測電話禮貌，結果良好，持續維持。',
  '櫃台服務流程簡化作業已試行，民眾反應良好。',
  '',
];
const indicators = [
  {
    indicator: '電話禮貌測試平均分數',
    unit: '分',
    baseline: 82,
    target: 90,
    measurement: '秘書室每月抽測結果平均',
  },
  { indicator: '民眾滿意度', unit: '%', baseline: 80, target: 88, measurement: '年度滿意度問卷調查' },
  { indicator: '案件逾期件數', unit: '件', baseline: 12, target: 4, measurement: '公文管理系統逾期統計' },
  { indicator: '申辦案件平均處理天數', unit: '天', baseline: 9, target: 6, measurement: '單一窗口案件統計' },
  { indicator: '網站資訊更新次數', unit: '次', baseline: 24, target: 36, measurement: '網站管理紀錄' },
  { indicator: '服務品質教育訓練場次', unit: '場', baseline: 2, target: 4, measurement: '訓練簽到紀錄' },
  {
    indicator: '便民措施新增項目',
    unit: '項',
    baseline: 1,
    target: 3,
    measurement: '單位提報並經秘書室確認',
  },
];
const focusTexts = ['提升服務效能', '便民服務措施', '服務流程簡化', '落實為民服務', '強化資訊公開'];
const methodTexts = [
  '每月檢討案件處理時效，逾期案件列管追蹤至結案。',
  '辦理同仁服務禮儀及電話禮貌教育訓練。',
  '定期更新網站及臉書服務資訊，確保內容正確。',
  '簡化申辦表單並推動線上申辦。',
  '建立民眾意見回饋機制，每季檢討改善。',
  '設置服務台並提供引導及諮詢服務。',
];
const checkSubjects: Record<string, string[]> = {
  phone_courtesy: ['上班時間電話禮貌測試', '午休時段電話接聽測試'],
  counter_visit: ['服務台現場訪查', '申辦櫃台服務態度訪查'],
  website: ['網站資訊正確性檢查', '網站無障礙檢測'],
  other: ['公文處理時效查核', '陳情案件回復品質查核'],
};
const findings = [
  '接聽人員未報單位名稱，其餘尚佳。',
  '服務態度良好，惟等候時間稍長。',
  '網站部分聯絡資訊未更新。',
  '整體表現良好，無缺失。',
  '轉接等候超過 30 秒，建議改善。',
];
const actionTexts = [
  '加強同仁電話禮貌訓練並於下月複測。',
  '更新網站聯絡資訊並建立定期檢核機制。',
  '調整櫃台人力配置，縮短民眾等候時間。',
  '檢討轉接流程並訂定標準作業程序。',
];
const followUpNotes = ['已辦理訓練一場，持續追蹤。', '已完成改善，請秘書室複查。', '辦理中，預計下月完成。'];

/** A small valid PDF (the bytes readMultipartForm would accept as application/pdf). */
const pdfBytes = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
const pdfHex = `\\\\x${pdfBytes.toString('hex')}`;
const pdfSha = createHash('sha256').update(pdfBytes).digest('hex');

// ---------------------------------------------------------------------------------------------------------
// Time (Taipei)

/** An instant on the Taipei date `isoDate`, between 08:30 and 17:30. */
function officeTime(isoDate: string, random: Random): Date {
  return new Date(Date.parse(`${isoDate}T00:30:00Z`) + random.next() * 9 * HOUR);
}
function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}
function taipeiDate(moment: Date): string {
  return new Date(moment.getTime() + 8 * HOUR).toISOString().slice(0, 10);
}

function personName(random: Random, pickSurname: (random: Random) => string): string {
  return pickSurname(random) + random.pick(givenNameCharacters) + random.pick(givenNameCharacters);
}

// ---------------------------------------------------------------------------------------------------------

export async function generateControl(options: ControlGenerateOptions): Promise<ControlGenerateResult> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const { phases, phase, elapsedMs, seconds: elapsedSeconds } = phaseTimer(log);
  const now = options.now ?? new Date();
  const today = taipeiDate(now);
  const latestYear = Number(today.slice(0, 4));
  const yearCount = options.years ?? 20;
  const years = Array.from({ length: yearCount }, (_, index) => latestYear - yearCount + 1 + index);
  const unitsWanted = options.units ?? 30;
  const random = createRandom(options.seed ?? 1);
  const pickSurname = weightedPicker(surnames);

  return withGeneratorDatabase(options, 'onewindow-bench-control', async (database, client) => {
    const { db } = database;
    const existing = await db.execute<{ count: number }>(
      sql`select count(*)::int as count from control_progress_entries`,
    );
    if ((existing.rows[0]?.count ?? 0) > 0) throw new Error('this database already holds progress entries');

    // ---- units: the bureau's active ones, then bench units up to `unitsWanted`
    const active = await db.execute<{ code: string }>(
      sql`select code from units where is_active order by sort_order`,
    );
    const benchUnits = Math.max(0, unitsWanted - active.rows.length);
    for (let index = 1; index <= benchUnits; index += 1) {
      const number = String(index).padStart(2, '0');
      await db.execute(sql`
        insert into units (code, name_zh, name_en, description_zh, description_en, address_zh, address_en,
          phone, fax, email, service_hours_zh, service_hours_en, is_active, sort_order)
        values (${`bench-${number}`}, ${`效能測試第${number}工務所`}, ${`Bench works office ${number}`},
          '效能測試用單位', 'A unit for the benchmark', '802 高雄市苓雅區四維三路2號',
          'No. 2, Siwei 3rd Rd., Lingya District, Kaohsiung 802', ${`07-3368${number}0`}, '07-3368000',
          ${`bench-${number}@bench.example.org`}, '週一至週五 08:00–17:30', 'Monday to Friday, 08:00–17:30',
          true, ${1000 + index})
        on conflict (code) do nothing`);
    }
    const unitCodes = (
      await db.execute<{ code: string }>(sql`select code from units where is_active order by sort_order`)
    ).rows.map((row) => row.code);

    // ---- staff: the secretariat and an editor per unit (one argon2 hash for all)
    const wanted = [
      { email: controlBenchEmails.secretariat, role: 'secretariat', unitCode: 'secretariat' },
      ...unitCodes.map((code) => ({
        email: controlBenchEmails.editor(code),
        role: 'unit_editor',
        unitCode: code,
      })),
    ];
    await insertBenchStaff(db, wanted, () => personName(random, pickSurname));
    const staffRows = await db.execute<{
      id: string;
      display_name: string;
      email: string;
      unit_code: string;
    }>(sql`select id, display_name, email, unit_code from staff where email like '%@bench.example.org'`);
    const editorOf = new Map<string, { id: string; name: string }>();
    for (const row of staffRows.rows)
      if (row.email.startsWith('editor.'))
        editorOf.set(row.unit_code, { id: row.id, name: row.display_name });
    const secretary = staffRows.rows.find((row) => row.email === controlBenchEmails.secretariat);
    if (!secretary) throw new Error('no bench secretariat');
    phase('setup (migrate, seed, units, staff)');

    // ---- plans: the seeded 2012 plan copied to every other year and published, as the secretariat would
    const mutation = { actor: systemActor, now, lang: 'zh-TW' as const };
    for (const year of years) {
      const plan = await getPlan(db, year);
      if (plan === null)
        await copyPlan(db, { ...mutation, form: { fromYear: '2012', toYear: String(year) } });
      if (plan?.status !== 'published') await publishPlan(db, year, mutation);
    }
    // Read before the transaction below takes its locks (dropping a foreign key locks the tables it refers to).
    const plans = new Map<number, NonNullable<Awaited<ReturnType<typeof getPlan>>>>();
    for (const year of years) {
      const plan = await getPlan(db, year);
      if (plan === null) throw new Error(`no plan for ${year}`);
      plans.set(year, plan);
    }
    phase(`plans (${years.length} years)`);

    await beginBulkLoad(client, '512MB');
    const progressTables = [
      'control_progress_entries',
      'control_progress_values',
      'control_progress_evidence',
    ];
    const dropped = await dropIndexesForLoad(client, {
      indexesOf: progressTables,
      foreignKeysOf: progressTables,
    });

    const result: ControlGenerateResult = {
      years,
      units: unitCodes.length,
      benchUnits,
      practicesPerYear: 0,
      workPlans: 0,
      targets: 0,
      entries: 0,
      values: 0,
      evidenceLinks: 0,
      evidenceFiles: 0,
      lateEntries: 0,
      missingInLatestYear: 0,
      checks: 0,
      actions: 0,
      followUps: 0,
      seconds: 0,
      phases,
    };

    for (const year of years) {
      const plan = plans.get(year);
      if (plan === undefined) throw new Error(`no plan for ${year}`);
      const settings = { cadence: 'monthly' as const, dueDay: 10 };
      await client.query(
        `insert into control_progress_settings (plan_id, cadence, due_day, updated_at, updated_by)
         values ($1, 'monthly', 10, $2, $3) on conflict (plan_id) do nothing`,
        [plan.id, new Date(`${year}-01-05T02:00:00Z`), secretary.display_name],
      );
      result.practicesPerYear = plan.items.reduce(
        (sum, item) =>
          sum + item.strategies.reduce((total, strategy) => total + strategy.practices.length, 0),
        0,
      );
      const entryRows: string[] = [];
      const valueRows: string[] = [];
      const evidenceRows: string[] = [];
      const isLatest = year === latestYear;
      // Months whose period has begun by today; the latest year stops at today's month.
      const lastMonth = isLatest ? Number(today.slice(5, 7)) : 12;

      for (const unitCode of unitCodes) {
        const editor = editorOf.get(unitCode) ?? { id: secretary.id, name: secretary.display_name };
        const carried = practicesCarried(plan, unitCode);
        if (carried.length === 0) continue;
        // ---- the work plan: 3–4 methods, each on 1–3 practices the unit carries, with 1–2 targets
        const workPlanId = random.uuid();
        const state = isLatest || random.chance(0.9) ? 'published' : 'accepted';
        const acceptedAt = new Date(`${year}-02-${String(random.int(10, 27)).padStart(2, '0')}T03:00:00Z`);
        await client.query(
          `insert into control_work_plans (id, plan_id, year, unit_code, state, version, created_at, updated_at,
             updated_by_staff_id, updated_by, submitted_at, approved_at, accepted_at, published_at)
           values ($1, $2, $3, $4, $5, 6, $6, $7, $8, $9, $6, $6, $7, $10)`,
          [
            workPlanId,
            plan.id,
            year,
            unitCode,
            state,
            new Date(acceptedAt.getTime() - 20 * DAY),
            acceptedAt,
            secretary.id,
            secretary.display_name,
            state === 'published' ? new Date(acceptedAt.getTime() + 3 * DAY) : null,
          ],
        );
        result.workPlans += 1;
        const targetsOfPractice = new Map<
          string,
          { id: string; baseline: number; target: number; lowerIsBetter: boolean; reaches: boolean }[]
        >();
        const rowCount = random.int(3, 4);
        for (let rowIndex = 0; rowIndex < rowCount; rowIndex += 1) {
          const rowId = random.uuid();
          const linked = new Set<string>();
          const want = Math.min(carried.length, random.int(1, 3));
          while (linked.size < want) linked.add(random.pick(carried).practice.id);
          const item = plan.items.find(
            (entry) => entry.ordinal === (carried.find((c) => linked.has(c.practice.id))?.itemOrdinal ?? 1),
          );
          await client.query(
            `insert into control_work_plan_rows (id, work_plan_id, sort_order, item_text, focus_text, method_text, remarks, practice_ids)
             values ($1, $2, $3, $4, $5, $6, $7, $8::uuid[])`,
            [
              rowId,
              workPlanId,
              rowIndex + 1,
              `${item?.label ?? ''}${item?.title ?? ''}`,
              random.pick(focusTexts),
              random.pick(methodTexts),
              random.chance(0.5) ? '列入年度績效考核' : '',
              [...linked],
            ],
          );
          const targetCount = random.int(1, 2);
          for (let targetIndex = 0; targetIndex < targetCount; targetIndex += 1) {
            const template = random.pick(indicators);
            const targetId = random.uuid();
            await client.query(
              `insert into control_work_plan_targets (id, row_id, sort_order, indicator, unit_of_measure, baseline, target, measurement)
               values ($1, $2, $3, $4, $5, $6, $7, $8)`,
              [
                targetId,
                rowId,
                targetIndex + 1,
                template.indicator,
                template.unit,
                template.baseline,
                template.target,
                template.measurement,
              ],
            );
            result.targets += 1;
            const info = {
              id: targetId,
              baseline: template.baseline,
              target: template.target,
              lowerIsBetter: template.target < template.baseline,
              reaches: random.chance(0.75),
            };
            for (const practiceId of linked)
              targetsOfPractice.set(practiceId, [...(targetsOfPractice.get(practiceId) ?? []), info]);
          }
        }

        // ---- progress: one entry per practice carried and month
        const missingMonths = new Set<number>();
        if (isLatest && random.chance(0.2)) missingMonths.add(lastMonth - 1 - random.int(0, 1));
        const earlyReporter = random.chance(0.3);
        for (const { practice } of carried) {
          const deadline = practice.deadline;
          const deadlineMonth =
            deadline.kind === 'month' && deadline.rocYear + 1911 === year ? deadline.month : 12;
          const outcome = random.next();
          // When the pair is done (month), or never (13).
          const doneMonth =
            deadline.kind === 'month' || outcome < 0.7
              ? outcome < 0.9
                ? Math.min(12, Math.max(1, deadlineMonth - random.int(0, 2)))
                : 13
              : 13;
          const targetsHere = targetsOfPractice.get(practice.id) ?? [];
          for (let month = 1; month <= lastMonth; month += 1) {
            const period = `${year}-${String(month).padStart(2, '0')}`;
            const dueDate = dueDateOf(period, settings);
            const pastDue = dueDate < today;
            if (isLatest) {
              if (!pastDue && !earlyReporter) continue;
              if (missingMonths.has(month) || (pastDue && random.chance(0.01))) {
                if (pastDue) result.missingInLatestYear += 1;
                continue;
              }
            }
            const status =
              month >= doneMonth
                ? 'done'
                : month >= deadlineMonth && doneMonth === 13
                  ? 'not_done'
                  : month <= 2 && random.chance(0.3)
                    ? 'not_started'
                    : random.chance(0.1)
                      ? 'at_risk'
                      : 'on_track';
            const late = random.chance(0.07);
            let enteredAt = late
              ? officeTime(addDays(dueDate, random.int(1, 20)), random)
              : officeTime(addDays(dueDate, -random.int(0, 9)), random);
            if (enteredAt > now) enteredAt = new Date(now.getTime() - random.int(1, 48) * HOUR);
            const isLate = taipeiDate(enteredAt) > dueDate;
            if (isLate) result.lateEntries += 1;
            const entryId = random.uuid();
            const at = enteredAt.toISOString();
            entryRows.push(
              `${entryId}\t${plan.id}\t${year}\t${unitCode}\t${practice.id}\t${period}\t${dueDate}\t${status}\t${copyField(random.pick(narratives))}\t${isLate ? 't' : 'f'}\t${editor.id}\t${copyField(editor.name)}\t${at}\t${at}\n`,
            );
            for (const target of targetsHere) {
              const share = month / 12;
              const goal = target.reaches
                ? target.target
                : target.baseline + (target.target - target.baseline) * 0.6;
              const value = target.baseline + (goal - target.baseline) * share + (random.next() - 0.5) * 0.5;
              valueRows.push(`${entryId}\t${target.id}\t${Math.round(value * 10) / 10}\n`);
            }
            if (random.chance(0.04)) {
              evidenceRows.push(
                `${random.uuid()}\t${entryId}\tlink\thttps://pwb.kcg.gov.tw/bench/${year}/${unitCode}/${month}\t${nullField}\t${nullField}\t${nullField}\t${nullField}\t${nullField}\t${at}\n`,
              );
              result.evidenceLinks += 1;
            }
            if (random.chance(0.001)) {
              evidenceRows.push(
                `${random.uuid()}\t${entryId}\tfile\t${nullField}\t成果照片-${period}.pdf\tapplication/pdf\t${pdfBytes.length}\t${pdfSha}\t${pdfHex}\t${at}\n`,
              );
              result.evidenceFiles += 1;
            }
          }
        }
      }
      await copyRows(client, 'control_progress_entries', entryColumns, entryRows);
      await copyRows(client, 'control_progress_values', valueColumns, valueRows);
      await copyRows(client, 'control_progress_evidence', evidenceColumns, evidenceRows);
      result.entries += entryRows.length;
      result.values += valueRows.length;

      // ---- spot checks and self-assessments, with actions and follow-up
      const checkCount = random.int(10, 16);
      for (let index = 0; index < checkCount; index += 1) {
        const lastDay = isLatest ? today : `${year}-12-31`;
        const span = (Date.parse(`${lastDay}T00:00:00Z`) - Date.parse(`${year}-01-01T00:00:00Z`)) / DAY;
        const checkDate = addDays(`${year}-01-01`, random.int(0, Math.max(0, Math.floor(span) - 1)));
        const unitCode = random.pick(unitCodes);
        const selfAssessment = random.chance(0.15);
        const kind = random.pick([
          'phone_courtesy',
          'phone_courtesy',
          'counter_visit',
          'website',
          'other',
        ] as const);
        const checkId = random.uuid();
        const createdAt = officeTime(checkDate, random);
        const editor = editorOf.get(unitCode);
        await client.query(
          `insert into control_checks (id, origin, status, check_date, unit_code, kind, subject, score, findings,
             created_at, created_by_id, created_by_name, confirmed_at, confirmed_by_id, confirmed_by_name)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, null, $14)`,
          [
            checkId,
            selfAssessment ? 'self_assessment' : 'spot_check',
            selfAssessment ? 'confirmed' : 'recorded',
            checkDate,
            unitCode,
            kind,
            random.pick(checkSubjects[kind] ?? ['查核']),
            kind === 'phone_courtesy' || random.chance(0.3) ? random.int(68, 98) : null,
            random.pick(findings),
            createdAt,
            selfAssessment ? (editor?.id ?? null) : secretary.id,
            selfAssessment ? (editor?.name ?? '') : secretary.display_name,
            selfAssessment ? createdAt : null,
            selfAssessment ? (editor?.name ?? '') : null,
          ],
        );
        result.checks += 1;
        const actionCount = random.int(0, 2);
        for (let ordinal = 1; ordinal <= actionCount; ordinal += 1) {
          const deadline = addDays(checkDate, random.int(14, 60));
          const actionId = random.uuid();
          const closed = deadline < today && random.chance(isLatest ? 0.6 : 0.95);
          await client.query(
            `insert into control_check_actions (id, check_id, ordinal, description, deadline, unit_code, closed_at, closed_by_id, closed_by_name)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
            [
              actionId,
              checkId,
              ordinal,
              random.pick(actionTexts),
              deadline,
              unitCode,
              closed ? officeTime(addDays(deadline, random.int(-10, 5)), random) : null,
              closed ? secretary.id : null,
              closed ? secretary.display_name : null,
            ],
          );
          result.actions += 1;
          const followUps = random.int(0, 2);
          for (let step = 1; step <= followUps; step += 1) {
            const entryDate = addDays(checkDate, step * random.int(5, 12));
            if (entryDate > today) break;
            await client.query(
              `insert into control_check_follow_ups (id, action_id, entry_date, note, created_at, created_by_id, created_by_name)
               values ($1, $2, $3, $4, $5, $6, $7)`,
              [
                random.uuid(),
                actionId,
                entryDate,
                random.pick(followUpNotes),
                officeTime(entryDate, random),
                editor?.id ?? null,
                editor?.name ?? '',
              ],
            );
            result.followUps += 1;
          }
        }
      }

      // ---- the year's reports: issued for the past years, none yet for the latest
      if (!isLatest) {
        const issuedAt = new Date(`${year + 1}-01-${String(random.int(15, 30)).padStart(2, '0')}T06:00:00Z`);
        for (const subject of [null, ...unitCodes])
          await client.query(
            `insert into control_reports (year, unit_code, state, narrative, due_date, version, created_at, updated_at, updated_by, issued_at, issued_by_staff_id, issued_by)
             values ($1, $2, 'issued', $3, $4, 3, $5, $5, $6, $5, $7, $6)`,
            [
              year,
              subject,
              `${year - 1911}年度各項服務品質工作均依計畫推動，整體執行情形良好；未達目標之指標已列入次年度改善重點。`,
              `${year + 1}-02-01`,
              issuedAt,
              secretary.display_name,
              secretary.id,
            ],
          );
      }
      log(
        `  ${year}: ${entryRows.length.toLocaleString('en')} entries, ${valueRows.length.toLocaleString('en')} values (${result.entries.toLocaleString('en')} in all, ${(elapsedMs() / 1000).toFixed(0)} s)`,
      );
    }
    phase('work plans, progress, checks, reports');

    await rebuildIndexes(client, dropped, { phase });
    await client.query('commit');
    await client.query(
      'vacuum (analyze) control_progress_entries, control_progress_values, control_progress_evidence, control_work_plans, control_work_plan_rows, control_work_plan_targets, control_checks, control_check_actions, control_check_follow_ups, control_reports, control_plan_practices, units',
    );
    phase('vacuum analyze');
    result.seconds = elapsedSeconds();
    return result;
  });
}

export function describeControlResult(result: ControlGenerateResult): string[] {
  return [
    `Generated in ${result.seconds} s: ${result.years.length} published plans (${result.years[0]}–${result.years.at(-1)}, ${result.practicesPerYear} practices each), ${result.units} active units (${result.benchUnits} of them bench units), ${result.workPlans.toLocaleString('en')} accepted/published work plans with ${result.targets.toLocaleString('en')} quantified targets.`,
    `Progress: ${result.entries.toLocaleString('en')} entries (${result.lateEntries.toLocaleString('en')} late), ${result.values.toLocaleString('en')} measured values, evidence ${result.evidenceLinks.toLocaleString('en')} links and ${result.evidenceFiles.toLocaleString('en')} files; ${result.missingInLatestYear.toLocaleString('en')} reports missing in past periods of ${result.years.at(-1)}.`,
    `Checks: ${result.checks.toLocaleString('en')} with ${result.actions.toLocaleString('en')} actions and ${result.followUps.toLocaleString('en')} follow-ups.`,
    describePhases(result.phases),
  ];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      years: { type: 'string', default: '20' },
      units: { type: 'string', default: '30' },
      ...generatorOptions,
    },
  });
  await runGenerator({
    connection: {
      databaseUrl: values['database-url'],
      dataDir: values['data-dir'],
      temporaryPrefix: 'onewindow-control-',
    },
    resultFile: values['result-file'],
    announce: `Generating ${values.years} years of management control for ${values.units} units …`,
    generate: (connectionString) =>
      generateControl({
        connectionString,
        years: Number(values.years),
        units: Number(values.units),
        seed: Number(values.seed),
      }),
    describe: describeControlResult,
  });
}

runAsScript(import.meta.url, main);
