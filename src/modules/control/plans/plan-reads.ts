import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../../platform/db/database.ts';
import type { PageWindow } from '../../../platform/db/paging.ts';
import { units } from '../../../platform/reference/reference-schema.ts';
import type { UnitCode } from '../../../platform/reference/units.ts';
import { groupedBy } from '../shared/grouping.ts';
import {
  controlPlanChanges,
  controlPlanItems,
  controlPlanPractices,
  controlPlanStrategies,
  controlPlans,
  controlPlanVersions,
} from './plan-schema.ts';
import type {
  PlanChangeAction,
  PlanItem,
  PlanPractice,
  PlanSnapshot,
  PlanStrategy,
  PracticeDeadline,
} from './plan-types.ts';

/**
 * Reading the plans per year: the live rows (a draft, or a published plan as editors see it), the published
 * versions as the public reads them, and the versions and change log. Writing: plan-copying.ts,
 * plan-editing.ts, plan-publishing.ts.
 */

export type PlanStatus = 'draft' | 'published';

/** A plan as editors see it: the live rows, whatever the status. */
export interface PlanView extends PlanSnapshot {
  id: string;
  rocYear: number;
  status: PlanStatus;
  publishedVersion: number | null;
  copiedFromYear: number | null;
  updatedAt: Date;
  updatedBy: string;
}

export interface PlanListEntry {
  year: number;
  rocYear: number;
  status: PlanStatus;
  publishedVersion: number | null;
  title: string;
  titleEn: string | null;
  updatedAt: Date;
}

/** One published version, as the public pages show it. */
export interface PublishedPlan {
  id: string;
  year: number;
  rocYear: number;
  /** The plan's current version (the one shown unless an earlier one was asked for). */
  currentVersion: number;
  version: number;
  publishedAt: Date;
  /** When version 1 was published. */
  firstPublishedAt: Date;
  content: PlanSnapshot;
}

export interface PlanVersionEntry {
  version: number;
  publishedAt: Date;
  publishedBy: string;
}

export interface PlanChangeEntry {
  version: number;
  changedAt: Date;
  changedBy: string;
  reason: string;
  action: PlanChangeAction;
  target: string;
}

export type PlanRow = typeof controlPlans.$inferSelect;

export const notRemoved = {
  items: isNull(controlPlanItems.removedAt),
  strategies: isNull(controlPlanStrategies.removedAt),
  practices: isNull(controlPlanPractices.removedAt),
};

function deadlineOfRow(row: typeof controlPlanPractices.$inferSelect): PracticeDeadline {
  if (row.deadlineKind === 'month')
    return { kind: 'month', rocYear: row.deadlineRocYear ?? 0, month: row.deadlineMonth ?? 0 };
  return { kind: row.deadlineKind };
}

const byOrder = <T extends { ordinal: number; sortOrder: number }>(a: T, b: T) =>
  a.ordinal - b.ordinal || a.sortOrder - b.sortOrder;

/** The live entries of a plan as a tree, in order (removed entries left out). */
export async function loadItems(db: DatabaseOrTransaction, planId: string): Promise<PlanItem[]> {
  // One after the other: `db` may be a transaction, whose single connection runs one query at a time.
  const itemRows = await db
    .select()
    .from(controlPlanItems)
    .where(and(eq(controlPlanItems.planId, planId), notRemoved.items));
  const strategyRows = await db
    .select()
    .from(controlPlanStrategies)
    .where(and(eq(controlPlanStrategies.planId, planId), notRemoved.strategies));
  const practiceRows = await db
    .select()
    .from(controlPlanPractices)
    .where(and(eq(controlPlanPractices.planId, planId), notRemoved.practices));
  const practicesByStrategy = groupedBy(practiceRows.sort(byOrder), (row) => row.strategyId);
  const strategiesByItem = groupedBy(strategyRows.sort(byOrder), (row) => row.itemId);
  return itemRows.sort(byOrder).map(
    (item): PlanItem => ({
      id: item.id,
      ordinal: item.ordinal,
      label: item.label,
      title: item.title,
      tableTitle: item.tableTitle,
      titleEn: item.titleEn,
      strategies: (strategiesByItem.get(item.id) ?? []).map(
        (strategy): PlanStrategy => ({
          id: strategy.id,
          ordinal: strategy.ordinal,
          label: strategy.label,
          text: strategy.text,
          textEn: strategy.textEn,
          practicesSummaryEn: strategy.practicesSummaryEn,
          practices: (practicesByStrategy.get(strategy.id) ?? []).map(
            (practice): PlanPractice => ({
              id: practice.id,
              ordinal: practice.ordinal,
              label: practice.label,
              text: practice.text,
              parts: practice.parts,
              deadline: deadlineOfRow(practice),
              everyUnit: practice.everyUnit,
              unitCodes: practice.unitCodes as UnitCode[],
              unitsAsPrinted: practice.unitsAsPrinted,
            }),
          ),
        }),
      ),
    }),
  );
}

export function snapshotOf(plan: PlanRow, items: PlanItem[]): PlanSnapshot {
  return {
    year: plan.year,
    title: plan.title,
    titleEn: plan.titleEn,
    basis: plan.basis,
    goals: plan.goals,
    scope: plan.scope,
    contentIntro: plan.contentIntro,
    items,
    steps: plan.steps,
    control: plan.control,
    closing: plan.closing,
    summaryEn: plan.summaryEn,
    workPlanTemplate: plan.workPlanTemplate,
  };
}

function viewOf(plan: PlanRow, items: PlanItem[]): PlanView {
  return {
    ...snapshotOf(plan, items),
    id: plan.id,
    rocYear: plan.rocYear,
    status: plan.status,
    publishedVersion: plan.publishedVersion,
    copiedFromYear: plan.copiedFromYear,
    updatedAt: plan.updatedAt,
    updatedBy: plan.updatedBy,
  };
}

/** A plan as it is now (draft or published), or null when the year has none. */
export async function getPlan(db: DatabaseOrTransaction, year: number): Promise<PlanView | null> {
  const [plan] = await db.select().from(controlPlans).where(eq(controlPlans.year, year));
  if (!plan) return null;
  return viewOf(plan, await loadItems(db, plan.id));
}

/** Plans, newest year first; the public list asks for published ones only, a page of them with `window`. */
export async function listPlans(
  db: DatabaseOrTransaction,
  options: { publishedOnly: boolean; window?: PageWindow },
): Promise<PlanListEntry[]> {
  const query = db
    .select({
      year: controlPlans.year,
      rocYear: controlPlans.rocYear,
      status: controlPlans.status,
      publishedVersion: controlPlans.publishedVersion,
      title: controlPlans.title,
      titleEn: controlPlans.titleEn,
      updatedAt: controlPlans.updatedAt,
    })
    .from(controlPlans)
    .where(options.publishedOnly ? eq(controlPlans.status, 'published') : undefined)
    .orderBy(desc(controlPlans.year));
  return options.window ? query.limit(options.window.limit).offset(options.window.offset) : query;
}

/** The years that have a published plan, newest first (the years a page offers). */
export async function publishedYears(db: DatabaseOrTransaction): Promise<number[]> {
  const rows = await db
    .select({ year: controlPlans.year })
    .from(controlPlans)
    .where(eq(controlPlans.status, 'published'))
    .orderBy(desc(controlPlans.year));
  return rows.map((row) => row.year);
}

/** A published plan's current version, or an earlier one; null for a draft or a year without a plan. */
export async function getPublishedPlan(
  db: DatabaseOrTransaction,
  year: number,
  version?: number,
): Promise<PublishedPlan | null> {
  const [plan] = await db.select().from(controlPlans).where(eq(controlPlans.year, year));
  if (plan?.status !== 'published' || plan.publishedVersion === null) return null;
  const wanted = version ?? plan.publishedVersion;
  const rows = await db
    .select()
    .from(controlPlanVersions)
    .where(and(eq(controlPlanVersions.planId, plan.id), inArray(controlPlanVersions.version, [1, wanted])));
  const shown = rows.find((row) => row.version === wanted);
  const first = rows.find((row) => row.version === 1);
  if (!shown || !first) return null;
  return {
    id: plan.id,
    year: plan.year,
    rocYear: plan.rocYear,
    currentVersion: plan.publishedVersion,
    version: shown.version,
    publishedAt: shown.publishedAt,
    firstPublishedAt: first.publishedAt,
    content: shown.content,
  };
}

export async function listPlanVersions(
  db: DatabaseOrTransaction,
  planId: string,
): Promise<PlanVersionEntry[]> {
  return db
    .select({
      version: controlPlanVersions.version,
      publishedAt: controlPlanVersions.publishedAt,
      publishedBy: controlPlanVersions.publishedBy,
    })
    .from(controlPlanVersions)
    .where(eq(controlPlanVersions.planId, planId))
    .orderBy(desc(controlPlanVersions.version));
}

export async function listPlanChanges(db: DatabaseOrTransaction, planId: string): Promise<PlanChangeEntry[]> {
  return db
    .select({
      version: controlPlanChanges.version,
      changedAt: controlPlanChanges.changedAt,
      changedBy: controlPlanChanges.changedBy,
      reason: controlPlanChanges.reason,
      action: controlPlanChanges.action,
      target: controlPlanChanges.target,
    })
    .from(controlPlanChanges)
    .where(eq(controlPlanChanges.planId, planId))
    .orderBy(desc(controlPlanChanges.version), desc(controlPlanChanges.id));
}

/** A published version in the public history: when, and why (null for version 1; no staff name). */
export interface PublicPlanVersion {
  version: number;
  publishedAt: Date;
  reason: string | null;
}

/** A published version as its public page heads it: `PublishedPlan` without the content, with its titles. */
export type PublicPlanHeading = Omit<PublishedPlan, 'content'> & { title: string; titleEn: string | null };

/** What the public page of a plan shows: the version, its content, the plan's history, every unit's names. */
export interface PublicPlanPage {
  plan: PublicPlanHeading;
  /**
   * The version's content (a `PlanSnapshot`) as JSON text, and every unit's names (`UnitName[]`, by code)
   * as JSON text: the page parses them only when it renders the content (public-plan-routes.tsx keeps the
   * content's HTML per version, language and unit names).
   */
  contentJson: string;
  unitsJson: string;
  history: PublicPlanVersion[];
}

/** When version 1 was published, in whole milliseconds since the epoch (what a Date holds, as pg reads it). */
const firstPublishedMilliseconds = sql<
  number | null
>`(select floor(extract(epoch from v1.published_at) * 1000)
  from ${controlPlanVersions} v1 where v1.plan_id = ${controlPlans.id} and v1.version = 1)`.mapWith(
  (value: string | null) => (value === null ? null : Number(value)),
);

/** Each published version, newest first, with the reason of the last change that made it. */
const historyJson = sql<{ version: number; publishedAt: number; reason: string | null }[]>`(
  select coalesce(json_agg(json_build_object(
    'version', h.version,
    'publishedAt', floor(extract(epoch from h.published_at) * 1000),
    'reason', (select c.reason from ${controlPlanChanges} c
      where c.plan_id = h.plan_id and c.version = h.version order by c.id desc limit 1)
  ) order by h.version desc), '[]'::json)
  from ${controlPlanVersions} h where h.plan_id = ${controlPlans.id})`;

/** Every unit, active or not (a plan may name a unit reorganised since), as JSON text. */
const unitsJsonText = sql<string>`(
  select coalesce(json_agg(json_build_object(
    'code', ${units.code}, 'nameZh', ${units.nameZh}, 'nameEn', ${units.nameEn}) order by ${units.code}), '[]'::json)::text
  from ${units})`;

/**
 * The public page of a plan in one statement: a published plan's current version (or an earlier one), when
 * version 1 was published, the history with each version's reason, and the units' names (they change only
 * with a publication of 'units', which renders the page again). Null for a draft, a year without a plan or
 * a version that does not exist. The same as getPublishedPlan + listPlanVersions + listPlanChanges +
 * unitNamesOf, without four round trips.
 */
export async function readPublicPlanPage(
  db: DatabaseOrTransaction,
  year: number,
  version?: number,
): Promise<PublicPlanPage | null> {
  const wanted = version ?? null;
  const [row] = await db
    .select({
      id: controlPlans.id,
      year: controlPlans.year,
      rocYear: controlPlans.rocYear,
      status: controlPlans.status,
      publishedVersion: controlPlans.publishedVersion,
      version: controlPlanVersions.version,
      contentJson: sql<string | null>`${controlPlanVersions.content}::text`,
      title: sql<string | null>`${controlPlanVersions.content} ->> 'title'`,
      titleEn: sql<string | null>`${controlPlanVersions.content} ->> 'titleEn'`,
      publishedAt: controlPlanVersions.publishedAt,
      firstPublishedAt: firstPublishedMilliseconds,
      history: historyJson,
      unitsJson: unitsJsonText,
    })
    .from(controlPlans)
    .leftJoin(
      controlPlanVersions,
      and(
        eq(controlPlanVersions.planId, controlPlans.id),
        eq(controlPlanVersions.version, sql`coalesce(${wanted}::integer, ${controlPlans.publishedVersion})`),
      ),
    )
    .where(eq(controlPlans.year, year));
  if (row?.status !== 'published' || row.publishedVersion === null) return null;
  if (row.version === null || row.contentJson === null || row.publishedAt === null) return null;
  if (row.firstPublishedAt === null || row.title === null) return null;
  return {
    plan: {
      id: row.id,
      year: row.year,
      rocYear: row.rocYear,
      currentVersion: row.publishedVersion,
      version: row.version,
      publishedAt: row.publishedAt,
      firstPublishedAt: new Date(row.firstPublishedAt),
      title: row.title,
      titleEn: row.titleEn,
    },
    contentJson: row.contentJson,
    unitsJson: row.unitsJson,
    history: row.history.map((entry) => ({
      version: entry.version,
      publishedAt: new Date(entry.publishedAt),
      reason: entry.reason,
    })),
  };
}
