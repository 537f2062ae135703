import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../../platform/db/database.ts';
import { listUnits } from '../../../platform/reference/reference-repo.ts';
import { units } from '../../../platform/reference/reference-schema.ts';
import { type PetitionFigures, petitionFigures } from '../../petitions/index.ts';
import { listChecksForReport } from '../checks/check-reads.ts';
import type { CheckView } from '../checks/check-rules.ts';
import { getPublishedPlan } from '../plans/plan-reads.ts';
import { type PracticeDeadline, practiceRef, practicesOf } from '../plans/plan-types.ts';
import type { ProgressStatus } from '../progress/progress-rules.ts';
import {
  controlProgressEntries,
  controlProgressEvidence,
  controlProgressValues,
} from '../progress/progress-schema.ts';
import type { UnitName } from '../shared/unit-names.ts';
import { targetsOfRows } from '../work-plans/work-plan-reads.ts';
import { controlWorkPlanRows, controlWorkPlans } from '../work-plans/work-plan-schema.ts';
import { bureauSubject, reportDueDate, type TargetResult, targetResult } from './report-rules.ts';
import { controlReportItemNarratives, controlReports, type ReportState } from './report-schema.ts';

/**
 * 管制查考 §5: the annual performance report (績效成果), per unit and for the bureau. The figures are read
 * fresh from the plan, the accepted work plans, progress and checks each time (a fixed number of queries,
 * whatever the number of practices or units: see `buildReport`); the narrative and state are stored.
 */

// ---------------------------------------------------------------------------------------------------
// Reading

export interface ReportRecordView {
  id: string | null;
  state: ReportState | 'none';
  narrative: string;
  itemNarratives: ReadonlyMap<string, string>;
  /** 0 while nothing is stored. */
  version: number;
  updatedAt: Date | null;
  updatedBy: string | null;
  issuedAt: Date | null;
  issuedBy: string | null;
  dueDate: string;
}

export interface ReportTarget {
  id: string;
  unitCode: string;
  methodText: string;
  practiceRefs: string[];
  indicator: string;
  unitOfMeasure: string;
  baseline: number;
  target: number;
  /** The latest measured value of the year, if progress records one. */
  measured: number | null;
  measuredPeriod: string | null;
  result: TargetResult;
}

export interface ReportMethod {
  methodText: string;
  focusText: string;
  remarks: string;
  targets: ReportTarget[];
}

/** One unit's part in one practice: its methods and its latest progress entry. */
export interface PracticeResult {
  unitCode: string;
  methods: ReportMethod[];
  status: ProgressStatus | null;
  period: string | null;
  progressNarrative: string;
}

export interface ReportPractice {
  id: string;
  ref: string;
  text: string;
  deadline: PracticeDeadline;
  results: PracticeResult[];
}

export interface ReportItem {
  id: string;
  label: string;
  title: string;
  practices: ReportPractice[];
}

export interface ReportEvidence {
  unitCode: string;
  practiceRef: string;
  period: string;
  kind: 'file' | 'link';
  label: string;
}

export interface ReportData {
  /** The petitions received in the year (the unit's, or the bureau's): the petition analysis's monthly figures. */
  petitions: PetitionFigures;
  year: number;
  rocYear: number;
  /** Null: the bureau-wide report. */
  unitCode: string | null;
  planTitle: string;
  record: ReportRecordView;
  items: ReportItem[];
  indicators: ReportTarget[];
  evidence: ReportEvidence[];
  /** Whether any progress entry exists for the report's scope. */
  hasProgress: boolean;
  checks: CheckView[];
  unitNames: ReadonlyMap<string, UnitName>;
}

/** met when the measured value reaches the target in the direction from the baseline (lower is better when the target is below it). */

const acceptedStates = ['accepted', 'published'] as const;

export async function listReportRecords(db: DatabaseOrTransaction, year: number) {
  return db.select().from(controlReports).where(eq(controlReports.year, year));
}

/** One report of a year as the list and the reminders see it: the bureau first, then every unit. */
export interface ReportSubject {
  /** A unit code or `bureau`. */
  subject: string;
  nameZh: string;
  nameEn: string;
  state: ReportState | 'none';
  dueDate: string;
  issuedAt: Date | null;
}

/**
 * The reports a year should have: the bureau's and every active unit's (and a unit since made inactive
 * whose report was started), with their state — 'none' before the first save.
 */
export async function reportSubjects(db: DatabaseOrTransaction, year: number): Promise<ReportSubject[]> {
  const [records, unitRows] = await Promise.all([listReportRecords(db, year), listUnits(db)]);
  const byUnit = new Map(records.map((record) => [record.unitCode ?? bureauSubject, record]));
  const subjectOf = (subject: string, nameZh: string, nameEn: string): ReportSubject => {
    const record = byUnit.get(subject);
    return {
      subject,
      nameZh,
      nameEn,
      state: record?.state ?? 'none',
      dueDate: record?.dueDate ?? reportDueDate(year),
      issuedAt: record?.issuedAt ?? null,
    };
  };
  return [
    subjectOf(bureauSubject, '全局', 'The bureau'),
    ...unitRows
      .filter((unit) => unit.isActive || byUnit.has(unit.code))
      .map((unit) => subjectOf(unit.code, unit.nameZh, unit.nameEn)),
  ];
}

export function subjectCondition(unitCode: string | null) {
  return unitCode === null ? isNull(controlReports.unitCode) : eq(controlReports.unitCode, unitCode);
}

async function loadRecord(db: DatabaseOrTransaction, year: number, unitCode: string | null) {
  const [record] = await db
    .select()
    .from(controlReports)
    .where(and(eq(controlReports.year, year), subjectCondition(unitCode)));
  return record ?? null;
}

/**
 * Generates a report. Queries, whatever the number of practices, units or targets (measured in
 * report.db.test.tsx): the published plan (2: plan, version), the report and its item narratives (1 + 1 once a
 * report is stored), the units (1), the accepted work plans, their rows and targets (3), the latest progress
 * entry per practice and unit, the latest measured value per target, and the evidence list without its bytes
 * (3), and the checks with their actions and follow-up (listChecksForReport: 3) — 13, or 14 once stored.
 */

export async function buildReport(
  db: DatabaseOrTransaction,
  year: number,
  unitCode: string | null,
): Promise<ReportData | null> {
  const plan = await getPublishedPlan(db, year);
  if (!plan) return null;
  const record = await loadRecord(db, year, unitCode);
  const itemNarratives =
    record === null
      ? []
      : await db
          .select()
          .from(controlReportItemNarratives)
          .where(eq(controlReportItemNarratives.reportId, record.id));
  const unitRows = await db.select().from(units);
  const unitNames = new Map(
    unitRows.map((unit) => [unit.code, { code: unit.code, nameZh: unit.nameZh, nameEn: unit.nameEn }]),
  );

  // Accepted work plans → rows → targets.
  const workPlans = await db
    .select({ id: controlWorkPlans.id, unitCode: controlWorkPlans.unitCode })
    .from(controlWorkPlans)
    .where(
      and(
        eq(controlWorkPlans.year, year),
        inArray(controlWorkPlans.state, [...acceptedStates]),
        unitCode === null ? undefined : eq(controlWorkPlans.unitCode, unitCode),
      ),
    )
    .orderBy(asc(controlWorkPlans.unitCode));
  const unitOfPlan = new Map(workPlans.map((workPlan) => [workPlan.id, workPlan.unitCode]));
  const rows =
    workPlans.length === 0
      ? []
      : await db
          .select()
          .from(controlWorkPlanRows)
          .where(inArray(controlWorkPlanRows.workPlanId, [...unitOfPlan.keys()]))
          .orderBy(asc(controlWorkPlanRows.workPlanId), asc(controlWorkPlanRows.sortOrder));
  const targets = await targetsOfRows(
    db,
    rows.map((row) => row.id),
  );

  // Progress: the latest entry per (practice, unit), the latest value per target, the evidence list.
  const progressScope = and(
    eq(controlProgressEntries.year, year),
    unitCode === null ? undefined : eq(controlProgressEntries.unitCode, unitCode),
  );
  const latestEntries = await db
    .selectDistinctOn([controlProgressEntries.practiceId, controlProgressEntries.unitCode], {
      practiceId: controlProgressEntries.practiceId,
      unitCode: controlProgressEntries.unitCode,
      period: controlProgressEntries.period,
      status: controlProgressEntries.status,
      narrative: controlProgressEntries.narrative,
    })
    .from(controlProgressEntries)
    .where(progressScope)
    .orderBy(
      controlProgressEntries.practiceId,
      controlProgressEntries.unitCode,
      desc(controlProgressEntries.period),
    );
  const targetIds = targets.map((target) => target.id);
  const latestValues =
    targetIds.length === 0
      ? []
      : await db
          .selectDistinctOn([controlProgressValues.targetId], {
            targetId: controlProgressValues.targetId,
            value: controlProgressValues.value,
            period: controlProgressEntries.period,
          })
          .from(controlProgressValues)
          .innerJoin(controlProgressEntries, eq(controlProgressEntries.id, controlProgressValues.entryId))
          .where(and(progressScope, inArray(controlProgressValues.targetId, targetIds)))
          .orderBy(controlProgressValues.targetId, desc(controlProgressEntries.period));
  const evidenceRows = await db
    .select({
      unitCode: controlProgressEntries.unitCode,
      practiceId: controlProgressEntries.practiceId,
      period: controlProgressEntries.period,
      kind: controlProgressEvidence.kind,
      url: controlProgressEvidence.url,
      fileName: controlProgressEvidence.fileName,
    })
    .from(controlProgressEvidence)
    .innerJoin(controlProgressEntries, eq(controlProgressEntries.id, controlProgressEvidence.entryId))
    .where(progressScope)
    .orderBy(
      asc(controlProgressEntries.unitCode),
      asc(controlProgressEntries.period),
      asc(controlProgressEvidence.addedAt),
    );

  const checks = await listChecksForReport(db, { year, ...(unitCode === null ? {} : { unitCode }) });
  // The secretariat's monthly petition figures, summed over the year (issue 16 §6 feeds this report).
  const petitions = await petitionFigures(db, { from: `${year}-01`, to: `${year}-12`, unitCode });

  // Assemble in memory.
  const all = practicesOf(plan.content);
  const refOf = new Map(
    all.map(({ item, strategy, practice }) => [
      practice.id,
      practiceRef(item.ordinal, strategy.ordinal, practice),
    ]),
  );
  const measuredOf = new Map(latestValues.map((value) => [value.targetId, value]));
  const targetsOfRow = new Map<string, ReportTarget[]>();
  const rowById = new Map(rows.map((row) => [row.id, row]));
  for (const target of targets) {
    const row = rowById.get(target.rowId);
    if (!row) continue;
    const measured = measuredOf.get(target.id) ?? null;
    const list = targetsOfRow.get(target.rowId) ?? [];
    list.push({
      id: target.id,
      unitCode: unitOfPlan.get(row.workPlanId) ?? '',
      methodText: row.methodText,
      practiceRefs: row.practiceIds.map((id) => refOf.get(id) ?? '').filter((ref) => ref !== ''),
      indicator: target.indicator,
      unitOfMeasure: target.unitOfMeasure,
      baseline: target.baseline,
      target: target.target,
      measured: measured?.value ?? null,
      measuredPeriod: measured?.period ?? null,
      result: targetResult(target.baseline, target.target, measured?.value ?? null),
    });
    targetsOfRow.set(target.rowId, list);
  }
  // Rows in the report's order: by unit, then as the work plan lists them.
  rows.sort(
    (a, b) =>
      (unitOfPlan.get(a.workPlanId) ?? '').localeCompare(unitOfPlan.get(b.workPlanId) ?? '') ||
      a.sortOrder - b.sortOrder,
  );
  // practice id → unit → methods
  const methodsOf = new Map<string, Map<string, ReportMethod[]>>();
  for (const row of rows) {
    const rowUnit = unitOfPlan.get(row.workPlanId) ?? '';
    const method: ReportMethod = {
      methodText: row.methodText,
      focusText: row.focusText,
      remarks: row.remarks,
      targets: targetsOfRow.get(row.id) ?? [],
    };
    for (const practiceId of row.practiceIds) {
      const byUnit = methodsOf.get(practiceId) ?? new Map<string, ReportMethod[]>();
      byUnit.set(rowUnit, [...(byUnit.get(rowUnit) ?? []), method]);
      methodsOf.set(practiceId, byUnit);
    }
  }
  const entryOf = new Map(latestEntries.map((entry) => [`${entry.practiceId}|${entry.unitCode}`, entry]));
  const entryUnitsOf = new Map<string, Set<string>>();
  for (const entry of latestEntries)
    entryUnitsOf.set(entry.practiceId, (entryUnitsOf.get(entry.practiceId) ?? new Set()).add(entry.unitCode));

  const resultOf = (practiceId: string, unit: string): PracticeResult => {
    const entry = entryOf.get(`${practiceId}|${unit}`);
    return {
      unitCode: unit,
      methods: methodsOf.get(practiceId)?.get(unit) ?? [],
      status: entry?.status ?? null,
      period: entry?.period ?? null,
      progressNarrative: entry?.narrative ?? '',
    };
  };

  const items: ReportItem[] = [];
  for (const item of plan.content.items) {
    const practices: ReportPractice[] = [];
    for (const strategy of item.strategies)
      for (const practice of strategy.practices) {
        const linked = new Set([
          ...(methodsOf.get(practice.id)?.keys() ?? []),
          ...(entryUnitsOf.get(practice.id) ?? []),
        ]);
        let results: PracticeResult[];
        if (unitCode !== null) {
          const carries =
            practice.everyUnit ||
            (practice.unitCodes as readonly string[]).includes(unitCode) ||
            linked.has(unitCode);
          if (!carries) continue;
          results = [resultOf(practice.id, unitCode)];
        } else {
          results = [...linked].sort().map((unit) => resultOf(practice.id, unit));
        }
        practices.push({
          id: practice.id,
          ref: practiceRef(item.ordinal, strategy.ordinal, practice),
          text: practice.text,
          deadline: practice.deadline,
          results,
        });
      }
    if (practices.length > 0) items.push({ id: item.id, label: item.label, title: item.title, practices });
  }

  return {
    year,
    rocYear: plan.rocYear,
    unitCode,
    planTitle: plan.content.title,
    record: {
      id: record?.id ?? null,
      state: record?.state ?? 'none',
      narrative: record?.narrative ?? '',
      itemNarratives: new Map(itemNarratives.map((entry) => [entry.itemId, entry.text])),
      version: record?.version ?? 0,
      updatedAt: record?.updatedAt ?? null,
      updatedBy: record?.updatedBy ?? null,
      issuedAt: record?.issuedAt ?? null,
      issuedBy: record?.issuedBy ?? null,
      dueDate: record?.dueDate ?? reportDueDate(year),
    },
    items,
    indicators: rows.flatMap((row) => targetsOfRow.get(row.id) ?? []),
    evidence: evidenceRows.map((row) => ({
      unitCode: row.unitCode,
      practiceRef: refOf.get(row.practiceId) ?? '',
      period: row.period,
      kind: row.kind,
      label: row.kind === 'file' ? (row.fileName ?? '') : (row.url ?? ''),
    })),
    hasProgress: latestEntries.length > 0,
    checks,
    petitions,
    unitNames,
  };
}
