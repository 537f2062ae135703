import { createHash } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { type RequestOrigin, recordAudit, staffActor } from '../../../platform/auth/audit-log.ts';
import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import type { Database, DatabaseOrTransaction } from '../../../platform/db/database.ts';
import { DomainError, type FieldProblem } from '../../../platform/http/errors.ts';
import type { UploadedFile } from '../../../platform/uploads/multipart.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { getPlan, type PlanView } from '../plans/plan-reads.ts';
import { controlPlans } from '../plans/plan-schema.ts';
import { type PlanPractice, practiceRef, strategyRef } from '../plans/plan-types.ts';
import { progressText as text } from './progress-messages.ts';
import {
  controlProgressEntries,
  controlProgressEvidence,
  controlProgressSettings,
  controlProgressValues,
  type ProgressCadence,
  type ProgressStatus,
  progressStatuses,
} from './progress-schema.ts';

/** 管制查考 §3: periods, entries with their checks, the secretariat's overview. */

export interface ProgressSettings {
  cadence: ProgressCadence;
  dueDay: number;
}
export const defaultSettings: ProgressSettings = { cadence: 'monthly', dueDay: 10 };

export async function settingsOf(db: DatabaseOrTransaction, planId: string): Promise<ProgressSettings> {
  const [row] = await db
    .select()
    .from(controlProgressSettings)
    .where(eq(controlProgressSettings.planId, planId));
  return row ? { cadence: row.cadence, dueDay: row.dueDay } : defaultSettings;
}

/** The year's periods in order: `2012-01` … `2012-12`, or `2012-Q1` … `2012-Q4`. */
export function periodsOf(year: number, settings: ProgressSettings): string[] {
  if (settings.cadence === 'quarterly') return [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
  return Array.from({ length: 12 }, (_, m) => `${year}-${String(m + 1).padStart(2, '0')}`);
}

/** The ISO date an entry for the period is due: `dueDay` of the month after the period. */
export function dueDateOf(period: string, settings: ProgressSettings): string {
  const match = /^(\d{4})-(?:(\d{2})|Q([1-4]))$/.exec(period);
  if (!match) throw new Error(`dueDateOf: bad period ${period}`);
  const year = Number(match[1]);
  const lastMonth = match[2] ? Number(match[2]) : Number(match[3]) * 3;
  const next = new Date(Date.UTC(year, lastMonth, settings.dueDay));
  return next.toISOString().slice(0, 10);
}

/** The current period of a Taipei date under the settings. */
export function periodOfDate(isoDate: string, settings: ProgressSettings): string {
  const year = isoDate.slice(0, 4);
  const month = Number(isoDate.slice(5, 7));
  return settings.cadence === 'quarterly'
    ? `${year}-Q${Math.ceil(month / 3)}`
    : `${year}-${String(month).padStart(2, '0')}`;
}

/** Adds days to an ISO date. */
export function addDays(isoDate: string, days: number): string {
  const moment = new Date(`${isoDate}T00:00:00Z`);
  moment.setUTCDate(moment.getUTCDate() + days);
  return moment.toISOString().slice(0, 10);
}

export interface CarriedPractice {
  practice: PlanPractice;
  ref: string;
  itemOrdinal: number;
  strategyRef: string;
}

/** The practices of the plan the unit carries (its own code, or every unit), in the plan's order. */
export function practicesCarried(plan: PlanView, unitCode: string): CarriedPractice[] {
  const list: CarriedPractice[] = [];
  for (const item of plan.items)
    for (const strategy of item.strategies)
      for (const practice of strategy.practices)
        if (practice.everyUnit || (practice.unitCodes as readonly string[]).includes(unitCode))
          list.push({
            practice,
            ref: practiceRef(item.ordinal, strategy.ordinal, practice),
            itemOrdinal: item.ordinal,
            strategyRef: strategyRef(item.ordinal, strategy.ordinal),
          });
  return list;
}

export interface TargetView {
  id: string;
  practiceIds: string[];
  indicator: string;
  unitOfMeasure: string;
  baseline: number;
  target: number;
}

/** The quantified targets of the unit's accepted (or published) work plan for the year. */
export async function targetsOf(db: DatabaseOrTransaction, year: number, unitCode: string | null) {
  const rows = await db.execute<{
    id: string;
    unit_code: string;
    practice_ids: string[];
    indicator: string;
    unit_of_measure: string;
    baseline: number;
    target: number;
  }>(sql`
    select t.id, w.unit_code, r.practice_ids, t.indicator, t.unit_of_measure, t.baseline, t.target
    from control_work_plans w
    join control_work_plan_rows r on r.work_plan_id = w.id
    join control_work_plan_targets t on t.row_id = r.id
    where w.year = ${year} and w.state in ('accepted', 'published')
      ${unitCode === null ? sql`` : sql`and w.unit_code = ${unitCode}`}
    order by w.unit_code, r.sort_order, t.sort_order`);
  return rows.rows.map((row) => ({
    unitCode: row.unit_code,
    id: row.id,
    practiceIds: row.practice_ids,
    indicator: row.indicator,
    unitOfMeasure: row.unit_of_measure,
    baseline: Number(row.baseline),
    target: Number(row.target),
  }));
}

export interface EntryView {
  id: string;
  practiceId: string;
  status: ProgressStatus;
  narrative: string;
  isLate: boolean;
  enteredBy: string;
  enteredAt: Date;
  values: Map<string, number>;
  evidence: { id: string; kind: 'file' | 'link'; url: string | null; fileName: string | null }[];
}

export async function entriesFor(
  db: DatabaseOrTransaction,
  year: number,
  unitCode: string,
  period: string,
): Promise<Map<string, EntryView>> {
  const rows = await db
    .select()
    .from(controlProgressEntries)
    .where(
      and(
        eq(controlProgressEntries.year, year),
        eq(controlProgressEntries.unitCode, unitCode),
        eq(controlProgressEntries.period, period),
      ),
    );
  const result = new Map<string, EntryView>();
  if (rows.length === 0) return result;
  const ids = rows.map((row) => row.id);
  const values = await db
    .select()
    .from(controlProgressValues)
    .where(inArray(controlProgressValues.entryId, ids));
  const evidence = await db
    .select({
      id: controlProgressEvidence.id,
      entryId: controlProgressEvidence.entryId,
      kind: controlProgressEvidence.kind,
      url: controlProgressEvidence.url,
      fileName: controlProgressEvidence.fileName,
    })
    .from(controlProgressEvidence)
    .where(inArray(controlProgressEvidence.entryId, ids))
    .orderBy(controlProgressEvidence.addedAt);
  for (const row of rows)
    result.set(row.practiceId, {
      id: row.id,
      practiceId: row.practiceId,
      status: row.status,
      narrative: row.narrative,
      isLate: row.isLate,
      enteredBy: row.enteredBy,
      enteredAt: row.enteredAt,
      values: new Map(values.filter((v) => v.entryId === row.id).map((v) => [v.targetId, v.value])),
      evidence: evidence.filter((e) => e.entryId === row.id),
    });
  return result;
}

export function isProgressStatus(value: string): value is ProgressStatus {
  return (progressStatuses as readonly string[]).includes(value);
}

export interface ProgressForm {
  practiceId: string;
  status: string;
  narrative: string;
  /** target id → the value as typed. */
  values: Record<string, string>;
  links: string;
}

export interface SaveProgressInput {
  staff: StaffPrincipal;
  now: Date;
  /** Today in Taipei. */
  today: string;
  lang: Lang;
  origin: RequestOrigin;
  year: number;
  unitCode: string;
  period: string;
  form: ProgressForm;
  files: UploadedFile[];
  /** Problems readMultipartForm found (an unaccepted type of file…), listed with the rest. */
  knownProblems: FieldProblem[];
}

function linksOf(raw: string): string[] {
  return raw
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** Saves (or corrects) the unit's entry for a practice and period; lists every problem at once. */
export async function saveProgress(db: Database, input: SaveProgressInput): Promise<{ entryId: string }> {
  const { lang, form, year } = input;
  if (!mayEnter(input.staff, input.unitCode)) throw new DomainError('FORBIDDEN', text(lang, 'notYourUnit'));
  const plan = await getPlan(db, year);
  if (plan?.status !== 'published') throw new DomainError('NOT_FOUND', text(lang, 'noPlan'));
  const settings = await settingsOf(db, plan.id);
  const problems: FieldProblem[] = [...input.knownProblems];
  const problem = (field: string, message: string) => problems.push({ field, code: 'invalid', message });
  if (!periodsOf(year, settings).includes(input.period))
    problem('period', text(lang, 'badPeriod', { period: input.period, year }));
  const carried = practicesCarried(plan, input.unitCode).find((c) => c.practice.id === form.practiceId);
  if (!carried) {
    let ref = form.practiceId;
    for (const item of plan.items)
      for (const strategy of item.strategies)
        for (const practice of strategy.practices)
          if (practice.id === form.practiceId) ref = practiceRef(item.ordinal, strategy.ordinal, practice);
    problem('practiceId', text(lang, 'notCarried', { practice: ref }));
  }
  if (!isProgressStatus(form.status)) problem('status', text(lang, 'unknownStatus'));
  const targets = (await targetsOf(db, year, input.unitCode)).filter((t) =>
    t.practiceIds.includes(form.practiceId),
  );
  const values: { targetId: string; value: number }[] = [];
  for (const [targetId, raw] of Object.entries(form.values)) {
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    const target = targets.find((t) => t.id === targetId);
    if (!target) {
      problem(`value-${targetId}`, text(lang, 'unknownTarget'));
      continue;
    }
    const value = Number(trimmed.replaceAll(',', ''));
    if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(trimmed.replaceAll(',', '')) || !Number.isFinite(value))
      problem(`value-${targetId}`, text(lang, 'notNumber', { indicator: target.indicator }));
    else values.push({ targetId, value });
  }
  const links = linksOf(form.links);
  for (const link of links) if (!isHttpUrl(link)) problem('links', text(lang, 'badLink', { link }));
  if (form.narrative.length > 5000) problem('narrative', text(lang, 'narrativeTooLong', { max: 5000 }));
  if (problems.length > 0)
    throw new DomainError('VALIDATION_FAILED', problems[0]?.message ?? '', { problems });

  const dueDate = dueDateOf(input.period, settings);
  const status = form.status as ProgressStatus;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(controlProgressEntries)
      .values({
        planId: plan.id,
        year,
        unitCode: input.unitCode,
        practiceId: form.practiceId,
        period: input.period,
        dueDate,
        status,
        narrative: form.narrative.trim(),
        isLate: input.today > dueDate,
        enteredByStaffId: input.staff.id,
        enteredBy: input.staff.displayName,
        enteredAt: input.now,
        updatedAt: input.now,
      })
      .onConflictDoUpdate({
        target: [
          controlProgressEntries.practiceId,
          controlProgressEntries.unitCode,
          controlProgressEntries.period,
        ],
        set: { status, narrative: form.narrative.trim(), updatedAt: input.now },
      })
      .returning({ id: controlProgressEntries.id });
    if (!row) throw new Error('saveProgress: no row');
    for (const value of values)
      await tx
        .insert(controlProgressValues)
        .values({ entryId: row.id, targetId: value.targetId, value: value.value })
        .onConflictDoUpdate({
          target: [controlProgressValues.entryId, controlProgressValues.targetId],
          set: { value: value.value },
        });
    const evidence = [
      ...input.files.map((file) => ({
        entryId: row.id,
        kind: 'file' as const,
        fileName: file.fileName,
        mediaType: file.mediaType,
        sizeBytes: file.sizeBytes,
        sha256: createHash('sha256').update(file.content).digest('hex'),
        content: file.content,
        addedAt: input.now,
      })),
      ...links.map((url) => ({ entryId: row.id, kind: 'link' as const, url, addedAt: input.now })),
    ];
    if (evidence.length > 0) await tx.insert(controlProgressEvidence).values(evidence);
    await recordAudit(tx, {
      occurredAt: input.now,
      actor: staffActor(input.staff),
      action: 'control.progress.save',
      target: { type: 'control_progress_entry', id: row.id },
      origin: input.origin,
      details: {
        year,
        unitCode: input.unitCode,
        period: input.period,
        practiceId: form.practiceId,
        status,
        values: values.length,
        evidenceFiles: input.files.length,
        evidenceLinks: links.length,
      },
    });
    return { entryId: row.id };
  });
}

/** The unit's editor or head (of that unit), or the secretariat / an admin. */
export function mayEnter(staff: StaffPrincipal, unitCode: string): boolean {
  if (staff.role === 'admin' || staff.role === 'secretariat') return true;
  return (staff.role === 'unit_editor' || staff.role === 'unit_head') && staff.unitCode === unitCode;
}

export async function readProgressEvidence(db: DatabaseOrTransaction, evidenceId: string) {
  const [row] = await db
    .select({
      fileName: controlProgressEvidence.fileName,
      mediaType: controlProgressEvidence.mediaType,
      sizeBytes: controlProgressEvidence.sizeBytes,
      content: controlProgressEvidence.content,
      unitCode: controlProgressEntries.unitCode,
    })
    .from(controlProgressEvidence)
    .innerJoin(controlProgressEntries, eq(controlProgressEntries.id, controlProgressEvidence.entryId))
    .where(and(eq(controlProgressEvidence.id, evidenceId), eq(controlProgressEvidence.kind, 'file')));
  if (!row?.content || !row.fileName || !row.mediaType) return null;
  return {
    unitCode: row.unitCode,
    fileName: row.fileName,
    mediaType: row.mediaType,
    sizeBytes: row.sizeBytes ?? 0,
    content: row.content,
  };
}

// --- The secretariat's overview ---------------------------------------------------------------------

export interface Completion {
  key: string;
  label: string;
  done: number;
  total: number;
}

export interface OverviewView {
  plan: PlanView;
  pastPeriods: string[];
  byItem: Completion[];
  byStrategy: Completion[];
  byUnit: Completion[];
  pastDeadline: { ref: string; text: string; deadline: PlanPractice['deadline']; unitsNotDone: string[] }[];
  missing: { unitCode: string; missing: number; periods: string[] }[];
  shortOfTarget: {
    unitCode: string;
    indicator: string;
    unitOfMeasure: string;
    target: number;
    latest: number | null;
  }[];
}

/** Active units: the ones that carry a practice for every unit. */
async function activeUnitCodes(db: DatabaseOrTransaction): Promise<string[]> {
  const rows = await db.execute<{ code: string }>(
    sql`select code from units where is_active order by sort_order`,
  );
  return rows.rows.map((row) => row.code);
}

/**
 * A (practice, unit) pair is done when its latest entry says done. Completion counts pairs; a practice is
 * past its deadline when its month has ended before `today`; a report is missing for each (unit, practice,
 * period) whose due date has passed without an entry; an indicator is short when its latest measured value
 * has not reached its target (in the direction from the baseline to the target), or nothing was measured.
 */
export async function progressOverview(
  db: Database,
  year: number,
  today: string,
): Promise<OverviewView | null> {
  const plan = await getPlan(db, year);
  if (plan?.status !== 'published') return null;
  const settings = await settingsOf(db, plan.id);
  const pastPeriods = periodsOf(year, settings).filter((period) => dueDateOf(period, settings) < today);
  const allUnits = await activeUnitCodes(db);

  const latest = await db.execute<{ practice_id: string; unit_code: string; status: string }>(sql`
    select distinct on (practice_id, unit_code) practice_id, unit_code, status
    from control_progress_entries where year = ${year}
    order by practice_id, unit_code, period desc`);
  const doneSet = new Set(
    latest.rows.filter((row) => row.status === 'done').map((row) => `${row.practice_id}|${row.unit_code}`),
  );
  const counts = await db.execute<{ unit_code: string; period: string; n: string }>(sql`
    select unit_code, period, count(*)::text as n from control_progress_entries
    where year = ${year} group by unit_code, period`);
  const entered = new Map(counts.rows.map((row) => [`${row.unit_code}|${row.period}`, Number(row.n)]));

  const byItem: Completion[] = [];
  const byStrategy: Completion[] = [];
  const unitTotals = new Map<string, { done: number; total: number }>();
  const pastDeadline: OverviewView['pastDeadline'] = [];
  const carriedCount = new Map<string, number>();
  for (const item of plan.items) {
    const itemRow: Completion = { key: item.id, label: `${item.label}${item.title}`, done: 0, total: 0 };
    for (const strategy of item.strategies) {
      const ref = strategyRef(item.ordinal, strategy.ordinal);
      const row: Completion = { key: strategy.id, label: `${ref} ${strategy.text}`, done: 0, total: 0 };
      for (const practice of strategy.practices) {
        const unitsOf = practice.everyUnit
          ? allUnits
          : (practice.unitCodes as readonly string[]).filter((c) => allUnits.includes(c));
        const notDone: string[] = [];
        for (const unit of unitsOf) {
          const done = doneSet.has(`${practice.id}|${unit}`);
          row.total += 1;
          if (done) row.done += 1;
          else notDone.push(unit);
          const totals = unitTotals.get(unit) ?? { done: 0, total: 0 };
          totals.total += 1;
          if (done) totals.done += 1;
          unitTotals.set(unit, totals);
          carriedCount.set(unit, (carriedCount.get(unit) ?? 0) + 1);
        }
        const deadline = practice.deadline;
        if (deadline.kind === 'month' && notDone.length > 0) {
          const end = dueDateOf(`${deadline.rocYear + 1911}-${String(deadline.month).padStart(2, '0')}`, {
            cadence: 'monthly',
            dueDay: 1,
          });
          if (end <= today)
            pastDeadline.push({
              ref: practiceRef(item.ordinal, strategy.ordinal, practice),
              text: practice.text,
              deadline,
              unitsNotDone: notDone,
            });
        }
      }
      itemRow.done += row.done;
      itemRow.total += row.total;
      byStrategy.push(row);
    }
    byItem.push(itemRow);
  }
  const byUnit = allUnits
    .filter((unit) => unitTotals.has(unit))
    .map((unit) => ({ key: unit, label: unit, ...(unitTotals.get(unit) ?? { done: 0, total: 0 }) }));

  const missing: OverviewView['missing'] = [];
  for (const unit of allUnits) {
    const carried = carriedCount.get(unit) ?? 0;
    if (carried === 0) continue;
    let count = 0;
    const periods: string[] = [];
    for (const period of pastPeriods) {
      const gap = carried - (entered.get(`${unit}|${period}`) ?? 0);
      if (gap > 0) {
        count += gap;
        periods.push(period);
      }
    }
    if (count > 0) missing.push({ unitCode: unit, missing: count, periods });
  }

  const targets = await targetsOf(db, year, null);
  // Target by target (by the values' target index), not every value of the year's entries (issue 4 §8).
  const targetIds = targets.map((target) => target.id);
  const latestValues =
    targetIds.length === 0
      ? { rows: [] }
      : await db.execute<{ target_id: string; value: number }>(sql`
    select t.id as target_id, latest.value
    from unnest(${sql.param(targetIds)}::uuid[]) as t(id)
    cross join lateral (
      select v.value
      from control_progress_values v join control_progress_entries e on e.id = v.entry_id
      where v.target_id = t.id and e.year = ${year}
      order by e.period desc, e.updated_at desc
      limit 1
    ) latest`);
  const latestOf = new Map(latestValues.rows.map((row) => [row.target_id, Number(row.value)]));
  const shortOfTarget: OverviewView['shortOfTarget'] = [];
  for (const target of targets) {
    const value = latestOf.get(target.id) ?? null;
    const lowerIsBetter = target.target < target.baseline;
    const reached = value !== null && (lowerIsBetter ? value <= target.target : value >= target.target);
    if (!reached)
      shortOfTarget.push({
        unitCode: target.unitCode,
        indicator: target.indicator,
        unitOfMeasure: target.unitOfMeasure,
        target: target.target,
        latest: value,
      });
  }
  return { plan, pastPeriods, byItem, byStrategy, byUnit, pastDeadline, missing, shortOfTarget };
}

export async function publishedPlanId(db: DatabaseOrTransaction, year: number): Promise<string | null> {
  const [row] = await db
    .select({ id: controlPlans.id })
    .from(controlPlans)
    .where(and(eq(controlPlans.year, year), eq(controlPlans.status, 'published')));
  return row?.id ?? null;
}

/** The secretariat sets the year's cadence and the day of the following month entries are due. */
export async function saveProgressSettings(
  db: Database,
  input: {
    staff: StaffPrincipal;
    now: Date;
    lang: Lang;
    origin: RequestOrigin;
    year: number;
    cadence: string;
    dueDay: string;
  },
): Promise<void> {
  const { lang } = input;
  const planId = await publishedPlanId(db, input.year);
  if (planId === null) throw new DomainError('NOT_FOUND', text(lang, 'noPlan'));
  const problems: FieldProblem[] = [];
  if (input.cadence !== 'monthly' && input.cadence !== 'quarterly')
    problems.push({ field: 'cadence', code: 'invalid', message: text(lang, 'badCadence') });
  const dueDay = Number(input.dueDay.trim());
  if (!/^\d{1,2}$/.test(input.dueDay.trim()) || dueDay < 1 || dueDay > 28)
    problems.push({ field: 'dueDay', code: 'invalid', message: text(lang, 'badDueDay') });
  if (problems.length > 0)
    throw new DomainError('VALIDATION_FAILED', problems[0]?.message ?? '', { problems });
  const cadence = input.cadence as ProgressCadence;
  await db.transaction(async (tx) => {
    await tx
      .insert(controlProgressSettings)
      .values({ planId, cadence, dueDay, updatedAt: input.now, updatedBy: input.staff.displayName })
      .onConflictDoUpdate({
        target: controlProgressSettings.planId,
        set: { cadence, dueDay, updatedAt: input.now, updatedBy: input.staff.displayName },
      });
    await recordAudit(tx, {
      occurredAt: input.now,
      actor: staffActor(input.staff),
      action: 'control.progress.settings',
      target: { type: 'control_plan', id: planId },
      origin: input.origin,
      details: { year: input.year, cadence, dueDay },
    });
  });
}
