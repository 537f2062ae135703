import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction, Transaction } from '../../../platform/db/database.ts';
import { units } from '../../../platform/reference/reference-schema.ts';
import { notRemoved, type PlanRow } from './plan-reads.ts';
import {
  type HeaderForm,
  type ItemForm,
  type KnownUnits,
  type PlanContext,
  type PracticeForm,
  type RemoveForm,
  type StrategyForm,
  type Validation,
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
} from './plan-schema.ts';
import { itemRef, type PlanChangeAction, practiceRef, strategyRef } from './plan-types.ts';
import {
  auditPlan,
  deadlineColumns,
  invalid,
  type MutationOptions,
  planNotFound,
  writeVersion,
} from './plan-writes.ts';

/**
 * Editing a plan: its texts, an item, a strategy or a practice, added, changed or removed. A draft changes in
 * place; a published plan's every change needs a reason and becomes a new immutable version with a
 * change-log row. Every edit lists every problem at once and is one transaction with its audit entry.
 */

/** The units a practice may name, read fresh (the table is small). */
async function knownUnits(db: DatabaseOrTransaction): Promise<KnownUnits> {
  const rows = await db.select({ code: units.code, isActive: units.isActive }).from(units);
  return new Map(rows.map((row) => [row.code, row.isActive]));
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
    if (!plan) throw planNotFound(lang);
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
    await auditPlan(tx, options, {
      action: `control.${change.action}`,
      year: plan.year,
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

type EntryTable = typeof controlPlanItems | typeof controlPlanStrategies | typeof controlPlanPractices;

async function nextSortOrder(tx: Transaction, table: EntryTable, where: SQL): Promise<number> {
  const [row] = await tx
    .select({ value: sql<number>`coalesce(max(${table.sortOrder}), 0)::int` })
    .from(table)
    .where(where);
  return (row?.value ?? 0) + 1;
}

/** The entries beside the one being edited (same parent, not removed), for the numbering rules. */
async function siblingsOf(tx: Transaction, table: EntryTable, parent: SQL, exceptId: string | null) {
  const rows = await tx
    .select({ id: table.id, ordinal: table.ordinal, label: table.label })
    .from(table)
    .where(and(parent, isNull(table.removedAt)));
  return rows.filter((row) => row.id !== exceptId);
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
    if (options.itemId !== null && current === null) throw planNotFound(options.lang);
    const siblings = await siblingsOf(
      tx,
      controlPlanItems,
      eq(controlPlanItems.planId, plan.id),
      options.itemId,
    );
    const checked = validateItem(options.form, { plan: context, siblings, current }, options.lang);
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
    if (item === null) throw planNotFound(options.lang);
    const current = options.strategyId === null ? null : await findStrategy(tx, plan, options.strategyId);
    if (options.strategyId !== null && (current === null || current.itemId !== item.id))
      throw planNotFound(options.lang);
    const siblings = await siblingsOf(
      tx,
      controlPlanStrategies,
      eq(controlPlanStrategies.itemId, item.id),
      options.strategyId,
    );
    const checked = validateStrategy(options.form, { plan: context, siblings, current }, options.lang);
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
    if (strategy === null) throw planNotFound(options.lang);
    const current = options.practiceId === null ? null : await findPractice(tx, plan, options.practiceId);
    if (options.practiceId !== null && (current === null || current.strategyId !== strategy.id))
      throw planNotFound(options.lang);
    const siblings = await siblingsOf(
      tx,
      controlPlanPractices,
      eq(controlPlanPractices.strategyId, strategy.id),
      options.practiceId,
    );
    const units = await knownUnits(tx);
    const checked = validatePractice(options.form, { plan: context, siblings, current, units }, options.lang);
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
      if (practice === null) throw planNotFound(options.lang);
      const ref = await refOfStrategy(tx, practice.strategyId);
      practiceIds = [practice.id];
      target = practiceRef(ref.item, ref.strategy, practice);
    } else if (options.level === 'strategy') {
      const strategy = await findStrategy(tx, plan, options.id);
      if (strategy === null) throw planNotFound(options.lang);
      const ref = await refOfStrategy(tx, strategy.id);
      strategyIds = [strategy.id];
      target = strategyRef(ref.item, ref.strategy);
    } else {
      const item = await findItem(tx, plan, options.id);
      if (item === null) throw planNotFound(options.lang);
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
