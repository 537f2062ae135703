import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { type AuditActor, type RequestOrigin, recordAudit } from '../../../platform/auth/audit-log.ts';
import type { DatabaseOrTransaction, Transaction } from '../../../platform/db/database.ts';
import { DomainError, type FieldProblem } from '../../../platform/http/errors.ts';
import { units } from '../../../platform/reference/reference-schema.ts';
import type { UnitCode } from '../../../platform/reference/units.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { controlText as text } from './plan-messages.ts';
import {
  type CopyForm,
  type HeaderForm,
  type ItemForm,
  type KnownUnits,
  type PlanContext,
  type PracticeForm,
  type RemoveForm,
  type StrategyForm,
  type Validation,
  validateCopy,
  validateHeader,
  validateItem,
  validatePractice,
  validateRemoval,
  validateStrategy,
} from './plan-rules.ts';
import {
  controlPlanChanges,
  controlPlanItems,
  controlPlanPractices,
  controlPlanStrategies,
  controlPlans,
  controlPlanVersions,
} from './plan-schema.ts';
import {
  itemRef,
  type PlanChangeAction,
  type PlanContent,
  type PlanItem,
  type PlanPractice,
  type PlanSnapshot,
  type PlanStrategy,
  type PracticeDeadline,
  practiceRef,
  rocYearOf,
  strategyRef,
} from './plan-types.ts';

/**
 * The plans per year: read them (the live draft or the published versions), copy one to a new year as a
 * draft, edit a draft, publish it, and change a published plan — each change with a reason, a new
 * immutable version and a change-log row. Every write is one transaction with its audit entry.
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

export interface MutationOptions {
  actor: AuditActor;
  now: Date;
  lang: Lang;
  origin?: RequestOrigin;
}

type PlanRow = typeof controlPlans.$inferSelect;

const notRemoved = {
  items: isNull(controlPlanItems.removedAt),
  strategies: isNull(controlPlanStrategies.removedAt),
  practices: isNull(controlPlanPractices.removedAt),
};

function deadlineOfRow(row: typeof controlPlanPractices.$inferSelect): PracticeDeadline {
  if (row.deadlineKind === 'month')
    return { kind: 'month', rocYear: row.deadlineRocYear ?? 0, month: row.deadlineMonth ?? 0 };
  return { kind: row.deadlineKind };
}

function deadlineColumns(deadline: PracticeDeadline) {
  return deadline.kind === 'month'
    ? { deadlineKind: 'month' as const, deadlineRocYear: deadline.rocYear, deadlineMonth: deadline.month }
    : { deadlineKind: deadline.kind, deadlineRocYear: null, deadlineMonth: null };
}

const byOrder = <T extends { ordinal: number; sortOrder: number }>(a: T, b: T) =>
  a.ordinal - b.ordinal || a.sortOrder - b.sortOrder;

/** The live entries of a plan as a tree, in order (removed entries left out). */
async function loadItems(db: DatabaseOrTransaction, planId: string): Promise<PlanItem[]> {
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
  const practicesByStrategy = new Map<string, typeof practiceRows>();
  for (const row of practiceRows.sort(byOrder)) {
    const list = practicesByStrategy.get(row.strategyId) ?? [];
    list.push(row);
    practicesByStrategy.set(row.strategyId, list);
  }
  const strategiesByItem = new Map<string, typeof strategyRows>();
  for (const row of strategyRows.sort(byOrder)) {
    const list = strategiesByItem.get(row.itemId) ?? [];
    list.push(row);
    strategiesByItem.set(row.itemId, list);
  }
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

function snapshotOf(plan: PlanRow, items: PlanItem[]): PlanSnapshot {
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

/** Every plan, newest year first; the public list asks for published ones only. */
export async function listPlans(
  db: DatabaseOrTransaction,
  options: { publishedOnly: boolean },
): Promise<PlanListEntry[]> {
  return db
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

/** The units a practice may name, read fresh (the table is small). */
async function knownUnits(db: DatabaseOrTransaction): Promise<KnownUnits> {
  const rows = await db.select({ code: units.code, isActive: units.isActive }).from(units);
  return new Map(rows.map((row) => [row.code, row.isActive]));
}

function invalid(lang: Lang, problems: FieldProblem[]): DomainError {
  return new DomainError('VALIDATION_FAILED', text(lang, 'invalid'), { problems });
}

function notFound(lang: Lang): DomainError {
  return new DomainError('NOT_FOUND', text(lang, 'notFound'));
}

/** Writes a whole plan's entries (the seed's transcription or a copy); returns nothing. */
async function insertItems(
  tx: Transaction,
  planId: string,
  items: PlanContent['items'] | readonly PlanItem[],
  options: { deadlineYearShift: number },
): Promise<void> {
  let itemOrder = 0;
  for (const item of items) {
    itemOrder += 1;
    const copiedItem = 'id' in item ? (item.id as string) : null;
    const [itemRow] = await tx
      .insert(controlPlanItems)
      .values({
        planId,
        ordinal: item.ordinal,
        label: item.label,
        title: item.title,
        tableTitle: item.tableTitle,
        titleEn: item.titleEn,
        sortOrder: itemOrder,
        copiedFromId: copiedItem,
      })
      .returning({ id: controlPlanItems.id });
    if (!itemRow) throw new Error('insert returned no item');
    let strategyOrder = 0;
    for (const strategy of item.strategies) {
      strategyOrder += 1;
      const [strategyRow] = await tx
        .insert(controlPlanStrategies)
        .values({
          planId,
          itemId: itemRow.id,
          ordinal: strategy.ordinal,
          label: strategy.label,
          text: strategy.text,
          textEn: strategy.textEn,
          practicesSummaryEn: strategy.practicesSummaryEn,
          sortOrder: strategyOrder,
          copiedFromId: 'id' in strategy ? (strategy.id as string) : null,
        })
        .returning({ id: controlPlanStrategies.id });
      if (!strategyRow) throw new Error('insert returned no strategy');
      const practices = strategy.practices.map((practice, index) => {
        const deadline: PracticeDeadline =
          practice.deadline.kind === 'month'
            ? { ...practice.deadline, rocYear: practice.deadline.rocYear + options.deadlineYearShift }
            : practice.deadline;
        return {
          planId,
          strategyId: strategyRow.id,
          ordinal: practice.ordinal,
          label: practice.label,
          text: practice.text,
          parts: [...practice.parts],
          ...deadlineColumns(deadline),
          everyUnit: practice.everyUnit,
          unitCodes: [...practice.unitCodes],
          unitsAsPrinted: practice.unitsAsPrinted,
          sortOrder: index + 1,
          copiedFromId: 'id' in practice ? (practice.id as string) : null,
        };
      });
      if (practices.length > 0) await tx.insert(controlPlanPractices).values(practices);
    }
  }
}

/** Writes version N of a plan from its live rows. */
async function writeVersion(
  tx: Transaction,
  plan: PlanRow,
  version: number,
  options: MutationOptions,
): Promise<void> {
  const content = snapshotOf(plan, await loadItems(tx, plan.id));
  await tx.insert(controlPlanVersions).values({
    planId: plan.id,
    version,
    content,
    publishedAt: options.now,
    publishedByStaffId: options.actor.staffId,
    publishedBy: options.actor.label,
  });
}

/**
 * Loads a plan as published version 1 unless the year already has a plan (the seed: idempotent, and it
 * never touches a plan staff may have changed since).
 */
export async function loadPublishedPlan(
  tx: Transaction,
  content: PlanContent,
  options: MutationOptions,
): Promise<boolean> {
  const [created] = await tx
    .insert(controlPlans)
    .values({
      year: content.year,
      rocYear: rocYearOf(content.year),
      status: 'published',
      publishedVersion: 1,
      ...headerColumns(content),
      workPlanTemplate: content.workPlanTemplate,
      createdAt: options.now,
      createdBy: options.actor.label,
      updatedAt: options.now,
      updatedBy: options.actor.label,
    })
    .onConflictDoNothing({ target: controlPlans.year })
    .returning();
  if (!created) return false;
  await insertItems(tx, created.id, content.items, { deadlineYearShift: 0 });
  await writeVersion(tx, created, 1, options);
  await recordAudit(tx, {
    occurredAt: options.now,
    actor: options.actor,
    action: 'control.plan_loaded',
    target: { type: 'control_plan', id: String(content.year) },
    ...(options.origin ? { origin: options.origin } : {}),
    details: { year: content.year, version: 1 },
  });
  return true;
}

function headerColumns(content: Omit<PlanContent, 'year' | 'items' | 'workPlanTemplate'>) {
  return {
    title: content.title,
    titleEn: content.titleEn,
    basis: [...content.basis],
    goals: [...content.goals],
    scope: content.scope,
    contentIntro: content.contentIntro,
    steps: [...content.steps],
    control: [...content.control],
    closing: [...content.closing],
    summaryEn: content.summaryEn,
  };
}

/** 「高雄市政府工務局 101 年度…」 → 「… 116 年度…」: the title's 民國 year follows the copy. */
export function retitle(title: string, fromRocYear: number, toRocYear: number): string {
  return title.replace(new RegExp(`(^|[^0-9])${fromRocYear}(\\s*年度)`), `$1${toRocYear}$2`);
}

/** The English title's years follow the copy too (2012 → 2027, ROC year 101 → 116). */
export function retitleEn(title: string, fromYear: number, toYear: number): string {
  return title
    .replace(new RegExp(`\\b${fromYear}\\b`, 'g'), String(toYear))
    .replace(new RegExp(`ROC year ${rocYearOf(fromYear)}\\b`, 'g'), `ROC year ${rocYearOf(toYear)}`);
}

/**
 * A new draft for `toYear`, copied from the published plan of `fromYear`: every text, item, strategy and
 * practice (new ids, each remembering its source), the title's year moved, and month deadlines moved by
 * the years between (101年12月 → 116年12月). The other texts are copied as they are (they may name dates,
 * e.g. 陸二's 「102年2月1日」): the editor checks them. Every problem of the form is listed at once.
 */
export async function copyPlan(
  db: DatabaseOrTransaction,
  options: MutationOptions & { form: CopyForm },
): Promise<{ year: number }> {
  const { lang } = options;
  return db.transaction(async (tx) => {
    // One copy at a time: two editors creating the same year cannot both pass the "no plan yet" check.
    await tx.execute(sql`select pg_advisory_xact_lock(4242104)`);
    const plans = await tx
      .select({ year: controlPlans.year, status: controlPlans.status })
      .from(controlPlans);
    const checked = validateCopy(
      options.form,
      {
        publishedYears: new Set(plans.filter((plan) => plan.status === 'published').map((plan) => plan.year)),
        takenYears: new Set(plans.map((plan) => plan.year)),
      },
      lang,
    );
    if (!checked.ok) throw invalid(lang, checked.problems);
    const { fromYear, toYear } = checked.value;
    const [source] = await tx.select().from(controlPlans).where(eq(controlPlans.year, fromYear));
    if (!source) throw notFound(lang);
    const items = await loadItems(tx, source.id);
    const fromRoc = rocYearOf(fromYear);
    const toRoc = rocYearOf(toYear);
    const [created] = await tx
      .insert(controlPlans)
      .values({
        year: toYear,
        rocYear: toRoc,
        status: 'draft',
        publishedVersion: null,
        ...headerColumns(source),
        title: retitle(source.title, fromRoc, toRoc),
        titleEn: source.titleEn === null ? null : retitleEn(source.titleEn, fromYear, toYear),
        workPlanTemplate: {
          ...source.workPlanTemplate,
          exampleTitle: retitle(source.workPlanTemplate.exampleTitle, fromRoc, toRoc),
        },
        copiedFromYear: fromYear,
        createdAt: options.now,
        createdBy: options.actor.label,
        updatedAt: options.now,
        updatedBy: options.actor.label,
      })
      .returning({ id: controlPlans.id });
    if (!created) throw new Error('insert returned no plan');
    await insertItems(tx, created.id, items, { deadlineYearShift: toYear - fromYear });
    await recordAudit(tx, {
      occurredAt: options.now,
      actor: options.actor,
      action: 'control.plan_copied',
      target: { type: 'control_plan', id: String(toYear) },
      ...(options.origin ? { origin: options.origin } : {}),
      details: { fromYear, toYear },
    });
    return { year: toYear };
  });
}

interface Change<T> {
  result: T;
  action: PlanChangeAction;
  /** The entry as the seed cites it (「一(二)9」), '' for the plan's own texts. */
  target: string;
}

/**
 * The frame of every edit: lock the plan, let `prepare` check the input (with the reason a published plan
 * needs) and list every problem, then apply it; on a published plan, write the next version and a
 * change-log row. One transaction, with the audit entry.
 */
async function changePlan<T>(
  db: DatabaseOrTransaction,
  year: number,
  options: MutationOptions & { reason: string },
  prepare: (
    tx: Transaction,
    plan: PlanRow,
    context: PlanContext,
  ) => Promise<Validation<(version: number | null) => Promise<Change<T>>>>,
): Promise<T & { version: number | null }> {
  const { lang } = options;
  return db.transaction(async (tx) => {
    const [plan] = await tx.select().from(controlPlans).where(eq(controlPlans.year, year)).for('update');
    if (!plan) throw notFound(lang);
    const isPublished = plan.status === 'published';
    const prepared = await prepare(tx, plan, { year: plan.year, rocYear: plan.rocYear, isPublished });
    if (!prepared.ok) throw invalid(lang, prepared.problems);
    const nextVersion = isPublished ? (plan.publishedVersion ?? 0) + 1 : null;
    const change = await prepared.value(nextVersion);
    const [updated] = await tx
      .update(controlPlans)
      .set({
        updatedAt: options.now,
        updatedBy: options.actor.label,
        ...(nextVersion === null ? {} : { publishedVersion: nextVersion }),
      })
      .where(eq(controlPlans.id, plan.id))
      .returning();
    if (!updated) throw new Error('the plan row vanished under its lock');
    const reason = options.reason.trim();
    if (nextVersion !== null) {
      await writeVersion(tx, updated, nextVersion, options);
      await tx.insert(controlPlanChanges).values({
        planId: plan.id,
        version: nextVersion,
        changedAt: options.now,
        changedByStaffId: options.actor.staffId,
        changedBy: options.actor.label,
        reason,
        action: change.action,
        target: change.target,
      });
    }
    await recordAudit(tx, {
      occurredAt: options.now,
      actor: options.actor,
      action: `control.${change.action}`,
      target: { type: 'control_plan', id: String(plan.year) },
      ...(options.origin ? { origin: options.origin } : {}),
      details: {
        year: plan.year,
        status: plan.status,
        entry: change.target,
        ...(nextVersion === null ? {} : { version: nextVersion, reason }),
      },
    });
    return { ...change.result, version: nextVersion };
  });
}

const ok = <T>(value: T): Validation<T> => ({ ok: true, value });

async function findItem(tx: Transaction, plan: PlanRow, itemId: string) {
  const [item] = await tx
    .select()
    .from(controlPlanItems)
    .where(and(eq(controlPlanItems.id, itemId), eq(controlPlanItems.planId, plan.id), notRemoved.items));
  return item ?? null;
}

async function findStrategy(tx: Transaction, plan: PlanRow, strategyId: string) {
  const [strategy] = await tx
    .select()
    .from(controlPlanStrategies)
    .where(
      and(
        eq(controlPlanStrategies.id, strategyId),
        eq(controlPlanStrategies.planId, plan.id),
        notRemoved.strategies,
      ),
    );
  return strategy ?? null;
}

async function findPractice(tx: Transaction, plan: PlanRow, practiceId: string) {
  const [practice] = await tx
    .select()
    .from(controlPlanPractices)
    .where(
      and(
        eq(controlPlanPractices.id, practiceId),
        eq(controlPlanPractices.planId, plan.id),
        notRemoved.practices,
      ),
    );
  return practice ?? null;
}

/** 「一」 / 「一(二)」 / 「一(二)9」 for the change log, from the rows as they are after the change. */
async function refOfStrategy(
  tx: Transaction,
  strategyId: string,
): Promise<{ item: number; strategy: number }> {
  const [row] = await tx
    .select({ item: controlPlanItems.ordinal, strategy: controlPlanStrategies.ordinal })
    .from(controlPlanStrategies)
    .innerJoin(controlPlanItems, eq(controlPlanItems.id, controlPlanStrategies.itemId))
    .where(eq(controlPlanStrategies.id, strategyId));
  if (!row) throw new Error(`strategy ${strategyId} has no item`);
  return row;
}

async function nextSortOrder(
  tx: Transaction,
  table: typeof controlPlanItems | typeof controlPlanStrategies | typeof controlPlanPractices,
  where: ReturnType<typeof eq>,
): Promise<number> {
  const [row] = await tx
    .select({ value: sql<number>`coalesce(max(${table.sortOrder}), 0)::int` })
    .from(table)
    .where(where);
  return (row?.value ?? 0) + 1;
}

/** The plan's own texts: title, 壹 basis, 貳 goals, 參 scope, 肆's sentence, 伍 steps, 陸 control, 柒, English. */
export async function savePlanHeader(
  db: DatabaseOrTransaction,
  year: number,
  options: MutationOptions & { form: HeaderForm },
) {
  return changePlan(db, year, { ...options, reason: options.form.reason }, async (tx, plan, context) => {
    const checked = validateHeader(options.form, context, options.lang);
    if (!checked.ok) return checked;
    return ok(async () => {
      await tx.update(controlPlans).set(checked.value).where(eq(controlPlans.id, plan.id));
      return { result: {}, action: 'header_saved' as const, target: '' };
    });
  });
}

/** Adds an item (itemId null) or changes one. */
export async function saveItem(
  db: DatabaseOrTransaction,
  year: number,
  options: MutationOptions & { itemId: string | null; form: ItemForm },
): Promise<{ itemId: string; version: number | null }> {
  return changePlan(db, year, { ...options, reason: options.form.reason }, async (tx, plan, context) => {
    const current = options.itemId === null ? null : await findItem(tx, plan, options.itemId);
    if (options.itemId !== null && current === null) throw notFound(options.lang);
    const siblings = await tx
      .select({ id: controlPlanItems.id, ordinal: controlPlanItems.ordinal, label: controlPlanItems.label })
      .from(controlPlanItems)
      .where(and(eq(controlPlanItems.planId, plan.id), notRemoved.items));
    const checked = validateItem(
      options.form,
      { plan: context, siblings: siblings.filter((row) => row.id !== options.itemId), current },
      options.lang,
    );
    if (!checked.ok) return checked;
    const value = checked.value;
    return ok(async () => {
      let itemId = current?.id;
      if (itemId === undefined) {
        const sortOrder = await nextSortOrder(tx, controlPlanItems, eq(controlPlanItems.planId, plan.id));
        const [row] = await tx
          .insert(controlPlanItems)
          .values({ planId: plan.id, ...value, sortOrder })
          .returning({ id: controlPlanItems.id });
        if (!row) throw new Error('insert returned no item');
        itemId = row.id;
      } else {
        await tx.update(controlPlanItems).set(value).where(eq(controlPlanItems.id, itemId));
      }
      return {
        result: { itemId },
        action: current === null ? ('item_added' as const) : ('item_saved' as const),
        target: itemRef(value.ordinal),
      };
    });
  });
}

/** Adds a strategy to an item (strategyId null) or changes one. */
export async function saveStrategy(
  db: DatabaseOrTransaction,
  year: number,
  options: MutationOptions & { itemId: string; strategyId: string | null; form: StrategyForm },
): Promise<{ strategyId: string; version: number | null }> {
  return changePlan(db, year, { ...options, reason: options.form.reason }, async (tx, plan, context) => {
    const item = await findItem(tx, plan, options.itemId);
    if (item === null) throw notFound(options.lang);
    const current = options.strategyId === null ? null : await findStrategy(tx, plan, options.strategyId);
    if (options.strategyId !== null && (current === null || current.itemId !== item.id))
      throw notFound(options.lang);
    const siblings = await tx
      .select({
        id: controlPlanStrategies.id,
        ordinal: controlPlanStrategies.ordinal,
        label: controlPlanStrategies.label,
      })
      .from(controlPlanStrategies)
      .where(and(eq(controlPlanStrategies.itemId, item.id), notRemoved.strategies));
    const checked = validateStrategy(
      options.form,
      { plan: context, siblings: siblings.filter((row) => row.id !== options.strategyId), current },
      options.lang,
    );
    if (!checked.ok) return checked;
    const value = checked.value;
    return ok(async () => {
      let strategyId = current?.id;
      if (strategyId === undefined) {
        const sortOrder = await nextSortOrder(
          tx,
          controlPlanStrategies,
          eq(controlPlanStrategies.itemId, item.id),
        );
        const [row] = await tx
          .insert(controlPlanStrategies)
          .values({ planId: plan.id, itemId: item.id, ...value, sortOrder })
          .returning({ id: controlPlanStrategies.id });
        if (!row) throw new Error('insert returned no strategy');
        strategyId = row.id;
      } else {
        await tx.update(controlPlanStrategies).set(value).where(eq(controlPlanStrategies.id, strategyId));
      }
      return {
        result: { strategyId },
        action: current === null ? ('strategy_added' as const) : ('strategy_saved' as const),
        target: strategyRef(item.ordinal, value.ordinal),
      };
    });
  });
}

/** Adds a practice to a strategy (practiceId null) or changes one. */
export async function savePractice(
  db: DatabaseOrTransaction,
  year: number,
  options: MutationOptions & { strategyId: string; practiceId: string | null; form: PracticeForm },
): Promise<{ practiceId: string; version: number | null }> {
  return changePlan(db, year, { ...options, reason: options.form.reason }, async (tx, plan, context) => {
    const strategy = await findStrategy(tx, plan, options.strategyId);
    if (strategy === null) throw notFound(options.lang);
    const current = options.practiceId === null ? null : await findPractice(tx, plan, options.practiceId);
    if (options.practiceId !== null && (current === null || current.strategyId !== strategy.id))
      throw notFound(options.lang);
    const siblings = await tx
      .select({
        id: controlPlanPractices.id,
        ordinal: controlPlanPractices.ordinal,
        label: controlPlanPractices.label,
      })
      .from(controlPlanPractices)
      .where(and(eq(controlPlanPractices.strategyId, strategy.id), notRemoved.practices));
    const checked = validatePractice(
      options.form,
      {
        plan: context,
        siblings: siblings.filter((row) => row.id !== options.practiceId),
        current,
        units: await knownUnits(tx),
      },
      options.lang,
    );
    if (!checked.ok) return checked;
    const value = checked.value;
    // The printed 承辦單位 text stays only while the units are the transcription's.
    const unitsUnchanged =
      current !== null &&
      current.everyUnit === value.everyUnit &&
      [...current.unitCodes].sort().join() === [...value.unitCodes].sort().join();
    const columns = {
      ordinal: value.ordinal,
      label: value.label,
      text: value.text,
      parts: value.parts,
      ...deadlineColumns(value.deadline),
      everyUnit: value.everyUnit,
      unitCodes: value.unitCodes,
      unitsAsPrinted: unitsUnchanged ? (current?.unitsAsPrinted ?? null) : null,
    };
    return ok(async () => {
      let practiceId = current?.id;
      if (practiceId === undefined) {
        const sortOrder = await nextSortOrder(
          tx,
          controlPlanPractices,
          eq(controlPlanPractices.strategyId, strategy.id),
        );
        const [row] = await tx
          .insert(controlPlanPractices)
          .values({ planId: plan.id, strategyId: strategy.id, ...columns, sortOrder })
          .returning({ id: controlPlanPractices.id });
        if (!row) throw new Error('insert returned no practice');
        practiceId = row.id;
      } else {
        await tx.update(controlPlanPractices).set(columns).where(eq(controlPlanPractices.id, practiceId));
      }
      const ref = await refOfStrategy(tx, strategy.id);
      return {
        result: { practiceId },
        action: current === null ? ('practice_added' as const) : ('practice_saved' as const),
        target: practiceRef(ref.item, ref.strategy, value),
      };
    });
  });
}

/**
 * Removes an entry and everything under it. A draft's rows are deleted; a published plan's are marked
 * removed in the new version, so whatever refers to them (work plans, progress) keeps its meaning.
 */
export async function removeEntry(
  db: DatabaseOrTransaction,
  year: number,
  options: MutationOptions & { level: 'item' | 'strategy' | 'practice'; id: string; form: RemoveForm },
): Promise<{ version: number | null }> {
  return changePlan(db, year, { ...options, reason: options.form.reason }, async (tx, plan, context) => {
    let practiceIds: string[] = [];
    let strategyIds: string[] = [];
    let itemIds: string[] = [];
    let target = '';
    if (options.level === 'practice') {
      const practice = await findPractice(tx, plan, options.id);
      if (practice === null) throw notFound(options.lang);
      const ref = await refOfStrategy(tx, practice.strategyId);
      practiceIds = [practice.id];
      target = practiceRef(ref.item, ref.strategy, practice);
    } else if (options.level === 'strategy') {
      const strategy = await findStrategy(tx, plan, options.id);
      if (strategy === null) throw notFound(options.lang);
      const ref = await refOfStrategy(tx, strategy.id);
      strategyIds = [strategy.id];
      target = strategyRef(ref.item, ref.strategy);
    } else {
      const item = await findItem(tx, plan, options.id);
      if (item === null) throw notFound(options.lang);
      itemIds = [item.id];
      target = itemRef(item.ordinal);
      strategyIds = (
        await tx
          .select({ id: controlPlanStrategies.id })
          .from(controlPlanStrategies)
          .where(and(eq(controlPlanStrategies.itemId, item.id), notRemoved.strategies))
      ).map((row) => row.id);
    }
    if (strategyIds.length > 0)
      practiceIds = (
        await tx
          .select({ id: controlPlanPractices.id })
          .from(controlPlanPractices)
          .where(and(inArray(controlPlanPractices.strategyId, strategyIds), notRemoved.practices))
      ).map((row) => row.id);
    const checked = validateRemoval(options.form, context, options.lang);
    if (!checked.ok) return checked;
    return ok(async (version: number | null) => {
      if (version === null) {
        if (practiceIds.length > 0)
          await tx.delete(controlPlanPractices).where(inArray(controlPlanPractices.id, practiceIds));
        if (strategyIds.length > 0)
          await tx.delete(controlPlanStrategies).where(inArray(controlPlanStrategies.id, strategyIds));
        if (itemIds.length > 0)
          await tx.delete(controlPlanItems).where(inArray(controlPlanItems.id, itemIds));
      } else {
        const removed = { removedAt: options.now, removedInVersion: version };
        if (practiceIds.length > 0)
          await tx
            .update(controlPlanPractices)
            .set(removed)
            .where(inArray(controlPlanPractices.id, practiceIds));
        if (strategyIds.length > 0)
          await tx
            .update(controlPlanStrategies)
            .set(removed)
            .where(inArray(controlPlanStrategies.id, strategyIds));
        if (itemIds.length > 0)
          await tx.update(controlPlanItems).set(removed).where(inArray(controlPlanItems.id, itemIds));
      }
      return { result: {}, action: `${options.level}_removed` as PlanChangeAction, target };
    });
  });
}

/** What a plan needs before it can be published: every problem, each naming the entry it is about. */
export function publicationProblems(plan: PlanSnapshot, lang: Lang): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (plan.items.length === 0)
    problems.push({ field: 'items', code: 'no_items', message: text(lang, 'noItems') });
  for (const item of plan.items) {
    if (item.strategies.length === 0)
      problems.push({
        field: `item-${item.id}`,
        code: 'no_strategies',
        message: text(lang, 'noStrategies', { item: `${item.label}${item.title}` }),
      });
    for (const strategy of item.strategies) {
      if (strategy.practices.length === 0)
        problems.push({
          field: `strategy-${strategy.id}`,
          code: 'no_practices',
          message: text(lang, 'noPractices', {
            strategy: strategyRef(item.ordinal, strategy.ordinal),
          }),
        });
    }
  }
  return problems;
}

/** Publishes a draft: status published, version 1 and its snapshot. */
export async function publishPlan(
  db: DatabaseOrTransaction,
  year: number,
  options: MutationOptions,
): Promise<{ version: number }> {
  const { lang } = options;
  return db.transaction(async (tx) => {
    const [plan] = await tx.select().from(controlPlans).where(eq(controlPlans.year, year)).for('update');
    if (!plan) throw notFound(lang);
    if (plan.status === 'published')
      throw new DomainError('CONFLICT', text(lang, 'alreadyPublished'), {
        problems: [{ field: '', code: 'already_published', message: text(lang, 'alreadyPublished') }],
      });
    const problems = publicationProblems(snapshotOf(plan, await loadItems(tx, plan.id)), lang);
    if (problems.length > 0) throw invalid(lang, problems);
    const [published] = await tx
      .update(controlPlans)
      .set({
        status: 'published',
        publishedVersion: 1,
        updatedAt: options.now,
        updatedBy: options.actor.label,
      })
      .where(eq(controlPlans.id, plan.id))
      .returning();
    if (!published) throw new Error('the plan row vanished under its lock');
    await writeVersion(tx, published, 1, options);
    await recordAudit(tx, {
      occurredAt: options.now,
      actor: options.actor,
      action: 'control.plan_published',
      target: { type: 'control_plan', id: String(year) },
      ...(options.origin ? { origin: options.origin } : {}),
      details: { year, version: 1 },
    });
    return { version: 1 };
  });
}

/** Ids of a plan's entries in order, for pages that link to them. */
export function practicesOf(
  plan: Pick<PlanSnapshot, 'items'>,
): { item: PlanItem; strategy: PlanStrategy; practice: PlanPractice }[] {
  return plan.items.flatMap((item) =>
    item.strategies.flatMap((strategy) =>
      strategy.practices.map((practice) => ({ item, strategy, practice })),
    ),
  );
}
