import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../../platform/db/database.ts';
import { units } from '../../../platform/reference/reference-schema.ts';
import { getPublishedPlan } from '../plans/plan-reads.ts';
import { controlPlans } from '../plans/plan-schema.ts';
import { practiceRef, practicesOf } from '../plans/plan-types.ts';
import type { CarriedPractice } from './work-plan-rules.ts';
import {
  controlWorkPlanComments,
  controlWorkPlanRows,
  controlWorkPlans,
  controlWorkPlanTargets,
  type WorkPlanState,
} from './work-plan-schema.ts';

/** Units' work plans as the pages read them: one with its methods, targets and comments, a year's list. */

export interface WorkPlanTarget {
  indicator: string;
  unitOfMeasure: string;
  baseline: number;
  target: number;
  measurement: string;
}

export interface WorkPlanRow {
  id: string;
  itemText: string;
  focusText: string;
  methodText: string;
  remarks: string;
  practiceIds: string[];
  targets: WorkPlanTarget[];
}

export interface WorkPlanComment {
  rowId: string | null;
  rowLabel: string | null;
  stage: 'head' | 'secretariat';
  aboutVersion: number;
  author: string;
  createdAt: Date;
  text: string;
}

export interface WorkPlanView {
  id: string;
  year: number;
  rocYear: number;
  unitCode: string;
  unitNameZh: string;
  unitNameEn: string;
  state: WorkPlanState;
  version: number;
  updatedAt: Date;
  updatedBy: string;
  publishedAt: Date | null;
  rows: WorkPlanRow[];
  comments: WorkPlanComment[];
}

export interface WorkPlanSummary {
  unitCode: string;
  state: WorkPlanState;
  version: number;
  updatedAt: Date;
  publishedAt: Date | null;
  methods: number;
}

// ---------------------------------------------------------------------------------------------------
// Reads

/** A practice of a published plan version, and which units it names. */
interface PlanPractice extends CarriedPractice {
  everyUnit: boolean;
  unitCodes: readonly string[];
}

/**
 * The practices of published plan versions, by plan id and version. A published version is never changed (a
 * change publishes a new version), so its practices are read from its content once per process: the content
 * is the whole plan (~200 KB of JSON), which the public work plan page parsed on every render for a few refs.
 * Only versions already published are read here (no transaction that publishes a plan calls this), so a
 * kept entry is never one a rollback took back.
 */
const practicesByVersion = new Map<string, readonly PlanPractice[]>();
const practiceVersionsKept = 16;

async function publishedPractices(
  db: DatabaseOrTransaction,
  year: number,
): Promise<readonly PlanPractice[] | null> {
  const [plan] = await db
    .select({ id: controlPlans.id, status: controlPlans.status, version: controlPlans.publishedVersion })
    .from(controlPlans)
    .where(eq(controlPlans.year, year));
  if (plan?.status !== 'published' || plan.version === null) return null;
  const key = `${plan.id}:${plan.version}`;
  const kept = practicesByVersion.get(key);
  if (kept !== undefined) return kept;
  const published = await getPublishedPlan(db, year, plan.version);
  if (!published) return null;
  const practices = practicesOf(published.content).map(({ item, strategy, practice }) => ({
    id: practice.id,
    ref: practiceRef(item.ordinal, strategy.ordinal, practice),
    text: practice.text,
    everyUnit: practice.everyUnit,
    unitCodes: practice.unitCodes as readonly string[],
  }));
  if (practicesByVersion.size >= practiceVersionsKept) practicesByVersion.clear();
  practicesByVersion.set(key, practices);
  return practices;
}

/** The practices of the year's published plan (current version) that a unit carries, in plan order. */
export async function carriedPractices(
  db: DatabaseOrTransaction,
  year: number,
  unitCode: string,
): Promise<{ carried: CarriedPractice[]; all: CarriedPractice[] } | null> {
  const practices = await publishedPractices(db, year);
  if (practices === null) return null;
  const strip = ({ id, ref, text: practiceText }: CarriedPractice) => ({ id, ref, text: practiceText });
  return {
    carried: practices
      .filter((practice) => practice.everyUnit || practice.unitCodes.includes(unitCode))
      .map(strip),
    all: practices.map(strip),
  };
}

/** The targets of some methods, each method's in its order (one query; none without methods). */
export async function targetsOfRows(db: DatabaseOrTransaction, rowIds: readonly string[]) {
  if (rowIds.length === 0) return [];
  return db
    .select()
    .from(controlWorkPlanTargets)
    .where(inArray(controlWorkPlanTargets.rowId, [...rowIds]))
    .orderBy(asc(controlWorkPlanTargets.rowId), asc(controlWorkPlanTargets.sortOrder));
}

export async function getWorkPlan(
  db: DatabaseOrTransaction,
  year: number,
  unitCode: string,
): Promise<WorkPlanView | null> {
  const [found] = await db
    .select({ plan: controlWorkPlans, unit: units })
    .from(controlWorkPlans)
    .innerJoin(units, eq(units.code, controlWorkPlans.unitCode))
    .where(and(eq(controlWorkPlans.year, year), eq(controlWorkPlans.unitCode, unitCode)));
  if (!found) return null;
  const { plan, unit } = found;
  const rowRecords = await db
    .select()
    .from(controlWorkPlanRows)
    .where(eq(controlWorkPlanRows.workPlanId, plan.id))
    .orderBy(asc(controlWorkPlanRows.sortOrder));
  const targetRecords = await targetsOfRows(
    db,
    rowRecords.map((row) => row.id),
  );
  const commentRecords = await db
    .select()
    .from(controlWorkPlanComments)
    .where(eq(controlWorkPlanComments.workPlanId, plan.id))
    .orderBy(asc(controlWorkPlanComments.id));
  return {
    id: plan.id,
    year: plan.year,
    rocYear: plan.year - 1911,
    unitCode: plan.unitCode,
    unitNameZh: unit.nameZh,
    unitNameEn: unit.nameEn,
    state: plan.state,
    version: plan.version,
    updatedAt: plan.updatedAt,
    updatedBy: plan.updatedBy,
    publishedAt: plan.publishedAt,
    rows: rowRecords.map((row) => ({
      id: row.id,
      itemText: row.itemText,
      focusText: row.focusText,
      methodText: row.methodText,
      remarks: row.remarks,
      practiceIds: row.practiceIds,
      targets: targetRecords
        .filter((target) => target.rowId === row.id)
        .map((target) => ({
          indicator: target.indicator,
          unitOfMeasure: target.unitOfMeasure,
          baseline: target.baseline,
          target: target.target,
          measurement: target.measurement,
        })),
    })),
    comments: commentRecords.map((comment) => ({
      rowId: comment.rowId,
      rowLabel: comment.rowLabel,
      stage: comment.stage,
      aboutVersion: comment.aboutVersion,
      author: comment.author,
      createdAt: comment.createdAt,
      text: comment.text,
    })),
  };
}

/** Every work plan of a year, with its number of methods (the overview). */
export async function listWorkPlans(db: DatabaseOrTransaction, year: number): Promise<WorkPlanSummary[]> {
  return db
    .select({
      unitCode: controlWorkPlans.unitCode,
      state: controlWorkPlans.state,
      version: controlWorkPlans.version,
      updatedAt: controlWorkPlans.updatedAt,
      publishedAt: controlWorkPlans.publishedAt,
      methods: sql<number>`(select count(*)::int from control_work_plan_rows r where r.work_plan_id = ${controlWorkPlans}.id)`,
    })
    .from(controlWorkPlans)
    .where(eq(controlWorkPlans.year, year))
    .orderBy(asc(controlWorkPlans.unitCode));
}

export async function listPublishedWorkPlans(
  db: DatabaseOrTransaction,
  year: number,
): Promise<{ unitCode: string; nameZh: string; nameEn: string; publishedAt: Date }[]> {
  const rows = await db
    .select({
      unitCode: controlWorkPlans.unitCode,
      nameZh: units.nameZh,
      nameEn: units.nameEn,
      publishedAt: controlWorkPlans.publishedAt,
    })
    .from(controlWorkPlans)
    .innerJoin(units, eq(units.code, controlWorkPlans.unitCode))
    .where(and(eq(controlWorkPlans.year, year), eq(controlWorkPlans.state, 'published')))
    .orderBy(asc(units.sortOrder));
  return rows.flatMap((row) => (row.publishedAt ? [{ ...row, publishedAt: row.publishedAt }] : []));
}

/**
 * The public list of a year in one statement: null when the year has no published plan (the page is not
 * found), else its published work plans by unit (publishedYears + listPublishedWorkPlans in one round trip).
 */
export async function publishedWorkPlansOfYear(
  db: DatabaseOrTransaction,
  year: number,
): Promise<{ unitCode: string; nameZh: string; nameEn: string; publishedAt: Date }[] | null> {
  const rows = await db
    .select({
      unitCode: controlWorkPlans.unitCode,
      nameZh: units.nameZh,
      nameEn: units.nameEn,
      publishedAt: controlWorkPlans.publishedAt,
    })
    .from(controlPlans)
    .leftJoin(
      controlWorkPlans,
      and(eq(controlWorkPlans.year, controlPlans.year), eq(controlWorkPlans.state, 'published')),
    )
    .leftJoin(units, eq(units.code, controlWorkPlans.unitCode))
    .where(and(eq(controlPlans.year, year), eq(controlPlans.status, 'published')))
    .orderBy(asc(units.sortOrder));
  if (rows.length === 0) return null;
  return rows.flatMap((row) =>
    row.unitCode !== null && row.nameZh !== null && row.nameEn !== null && row.publishedAt
      ? [{ unitCode: row.unitCode, nameZh: row.nameZh, nameEn: row.nameEn, publishedAt: row.publishedAt }]
      : [],
  );
}
