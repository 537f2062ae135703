import { eq, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction, Transaction } from '../../../platform/db/database.ts';
import { loadItems } from './plan-reads.ts';
import { type CopyForm, retitle, retitleEn, validateCopy } from './plan-rules.ts';
import {
  controlPlanItems,
  controlPlanPractices,
  controlPlanStrategies,
  controlPlans,
} from './plan-schema.ts';
import { type PlanContent, type PlanItem, type PracticeDeadline, rocYearOf } from './plan-types.ts';
import {
  auditPlan,
  deadlineColumns,
  invalid,
  type MutationOptions,
  planNotFound,
  writeVersion,
} from './plan-writes.ts';

/**
 * A whole plan written at once: the seed's transcription as the published 2012 plan, or a published plan
 * copied to a new year as a draft.
 */

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
  await auditPlan(tx, options, {
    action: 'control.plan_loaded',
    year: content.year,
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
    if (!source) throw planNotFound(lang);
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
    await auditPlan(tx, options, {
      action: 'control.plan_copied',
      year: toYear,
      details: { fromYear, toYear },
    });
    return { year: toYear };
  });
}
