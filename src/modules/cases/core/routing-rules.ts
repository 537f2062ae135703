import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { type AuditActor, type RequestOrigin, recordAudit } from '../../../platform/auth/audit-log.ts';
import { CommandFailure } from '../../../platform/composition/command-failure.ts';
import type { DatabaseOrTransaction } from '../../../platform/db/database.ts';
import { districts } from '../../../platform/geo/geo-schema.ts';
import { DomainError } from '../../../platform/http/errors.ts';
import { units } from '../../../platform/reference/reference-schema.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { currentServiceVersion } from '../../catalogue/index.ts';
import { routingRules } from './cases-schema.ts';
import {
  fallbackUnitCode,
  type Named,
  type RoutingRuleDraft,
  type RoutingRuleFacts,
  routingCheckText,
  routingRuleProblems,
} from './routing-rule-checks.ts';

/**
 * Routing as data (issue 3 §2, issue 17 §4): a rule sends one service's cases — in one district, or
 * everywhere — to a unit other than the one the service names. No rule: the service's unit. Managed on the
 * routing pages (administration module: admins, and supervisors for their unit's services) and with the CLI
 * (`onewindow routing:set|remove|list`); both call the functions below, and every change is in the audit
 * log with the rule before and after. A rule applies to cases opened after it: open cases stay with their
 * unit (a person moves one with 「改分其他單位」 on its page), and the preview lists those it would have
 * routed differently (the pages' reads and previews: routing-rule-reads.ts; the checks, pure:
 * routing-rule-checks.ts).
 */

export type RoutingRule = RoutingRuleDraft;

/** A rule as the audit log keeps it, before and after a change. */
type RuleSnapshot = RoutingRule;

export class RoutingRuleError extends CommandFailure {
  override name = 'RoutingRuleError';
  constructor(problems: string[]) {
    super('the routing rule was not saved:', problems);
  }
}

let routingChanges = 0;

/** Counts rule changes in this process, so that cached rules (the intake path) are read again at once. */
export function routingGeneration(): number {
  return routingChanges;
}

/** The columns of a rule (what `RoutingRule` holds). */
const ruleColumns = {
  serviceCode: routingRules.serviceCode,
  districtCode: routingRules.districtCode,
  unitCode: routingRules.unitCode,
  note: routingRules.note,
};

/** A rule's columns and its id: what the pages read of a rule. */
export const routingRuleColumns = { id: routingRules.id, ...ruleColumns };

export async function listRoutingRules(db: DatabaseOrTransaction): Promise<RoutingRule[]> {
  return db
    .select(ruleColumns)
    .from(routingRules)
    .orderBy(asc(routingRules.serviceCode), sql`${routingRules.districtCode} nulls first`);
}

// ---------------------------------------------------------------------------------------------------------
// Who may manage which rules, and the names the pages show.

/** Who manages rules, as the pages hand it to the use cases. */
export interface RoutingManager {
  /** Null: every service (an admin); a unit's code: that unit's services only (its supervisor). */
  servicesOfUnit: string | null;
  auditActor: AuditActor;
  origin: RequestOrigin;
  now: Date;
  lang: Lang;
}

/** A service a manager may route: its code, names and own unit. */
export type RoutableService = Named & { unitCode: string };

export interface ReferenceNames {
  units: Map<string, Named & { isActive: boolean }>;
  districts: Map<string, Named>;
}

/** The units and the districts by code (a few dozen rows each), in their display order. */
export async function referenceNames(db: DatabaseOrTransaction): Promise<ReferenceNames> {
  const [unitRows, districtRows] = await Promise.all([
    db
      .select({ code: units.code, nameZh: units.nameZh, nameEn: units.nameEn, isActive: units.isActive })
      .from(units)
      .orderBy(asc(units.sortOrder), asc(units.code)),
    db
      .select({ code: districts.code, nameZh: districts.nameZh, nameEn: districts.nameEn })
      .from(districts)
      .where(eq(districts.countyCode, '64000'))
      .orderBy(asc(districts.code)),
  ]);
  return {
    units: new Map(unitRows.map((row) => [row.code, row])),
    districts: new Map(districtRows.map((row) => [row.code, row])),
  };
}

/** A name for a code the table no longer has (never expected: the columns are foreign keys). */
export const unnamed = (code: string): Named => ({ code, nameZh: code, nameEn: code });

function forbidden(lang: Lang): DomainError {
  return new DomainError('FORBIDDEN', routingCheckText(lang, 'forbidden'));
}

export function ensureMayRoute(
  manager: Pick<RoutingManager, 'servicesOfUnit' | 'lang'>,
  serviceUnitCode: string,
) {
  if (manager.servicesOfUnit !== null && manager.servicesOfUnit !== serviceUnitCode)
    throw forbidden(manager.lang);
}

// ---------------------------------------------------------------------------------------------------------
// Checks, preview and the writes.

/** What the database says of a draft, and the service's other rules. */
export async function factsOf(
  db: DatabaseOrTransaction,
  draft: RoutingRuleDraft,
  options: { ruleId: string | null; isExistingConflict: boolean },
): Promise<{
  facts: RoutingRuleFacts;
  names: ReferenceNames;
  sameKey: { id: string; unitCode: string; note: string } | null;
  otherRules: { id: string; districtCode: string | null; unitCode: string }[];
}> {
  const [service, names, rules] = await Promise.all([
    currentServiceVersion(db, draft.serviceCode),
    referenceNames(db),
    db
      .select({
        id: routingRules.id,
        districtCode: routingRules.districtCode,
        unitCode: routingRules.unitCode,
        note: routingRules.note,
      })
      .from(routingRules)
      .where(eq(routingRules.serviceCode, draft.serviceCode)),
  ]);
  const sameKey = rules.find((rule) => rule.districtCode === draft.districtCode) ?? null;
  const otherRules = rules.filter((rule) => rule.id !== sameKey?.id && rule.id !== options.ruleId);
  const unitName = (code: string) => names.units.get(code) ?? unnamed(code);
  const fallback =
    service === null ? null : fallbackUnitCode(otherRules, service.unitCode, draft.districtCode);
  const existing =
    options.isExistingConflict && sameKey !== null && sameKey.id !== options.ruleId
      ? { id: sameKey.id, unit: unitName(sameKey.unitCode) }
      : null;
  return {
    facts: {
      draft,
      service:
        service === null
          ? null
          : {
              code: service.code,
              nameZh: service.nameZh,
              nameEn: service.nameEn,
              unitCode: service.unitCode,
            },
      district: draft.districtCode === null ? null : (names.districts.get(draft.districtCode) ?? null),
      unit: names.units.get(draft.unitCode) ?? null,
      existing,
      fallback:
        fallback === null
          ? null
          : { unit: unitName(fallback.unitCode), isAllDistrictsRule: fallback.isAllDistrictsRule },
    },
    names,
    sameKey,
    otherRules,
  };
}

/** Throws every problem of the facts at once: CONFLICT (409) when one conflicts with what is kept. */
function refuseProblems(facts: RoutingRuleFacts, lang: Lang): void {
  const { problems, isConflict } = routingRuleProblems(facts, lang);
  if (problems.length === 0) return;
  throw new DomainError(
    isConflict ? 'CONFLICT' : 'VALIDATION_FAILED',
    routingCheckText(lang, isConflict ? 'conflict' : 'invalid'),
    { problems },
  );
}

/** The service's facts, checked: the manager may route it and every problem is refused at once. */
export async function checkedFacts(
  db: DatabaseOrTransaction,
  draft: RoutingRuleDraft,
  manager: Pick<RoutingManager, 'servicesOfUnit' | 'lang'>,
  options: { ruleId: string | null; isExistingConflict: boolean },
) {
  const found = await factsOf(db, draft, options);
  if (found.facts.service !== null) ensureMayRoute(manager, found.facts.service.unitCode);
  refuseProblems(found.facts, manager.lang);
  return found as typeof found & { facts: { service: RoutableService; unit: Named } };
}

function auditRuleChange(
  tx: DatabaseOrTransaction,
  manager: Pick<RoutingManager, 'auditActor' | 'now'> & { origin?: RequestOrigin },
  key: { serviceCode: string; districtCode: string | null },
  action: 'set' | 'remove',
  change: { before: RuleSnapshot | null; after: RuleSnapshot | null },
): Promise<void> {
  const target = { type: 'routing_rule', id: `${key.serviceCode}/${key.districtCode ?? '*'}` };
  const entry = {
    occurredAt: manager.now,
    actor: manager.auditActor,
    target,
    ...(manager.origin === undefined ? {} : { origin: manager.origin }),
    details: change,
  };
  return action === 'set'
    ? recordAudit(tx, { ...entry, action: 'routing.set' })
    : recordAudit(tx, { ...entry, action: 'routing.remove' });
}

function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } }).cause;
  return (error as { code?: string }).code === '23505' || cause?.code === '23505';
}

/**
 * A new rule (the pages): refused with every problem at once, and with 409 when a rule for the same service
 * and district exists (change that one), the unit is inactive, or the rule would change nothing.
 */
export async function createRoutingRule(
  db: DatabaseOrTransaction,
  draft: RoutingRuleDraft,
  manager: RoutingManager,
): Promise<{ id: string }> {
  try {
    const id = await db.transaction(async (tx) => {
      await checkedFacts(tx, draft, manager, { ruleId: null, isExistingConflict: true });
      const [row] = await tx.insert(routingRules).values(draft).returning({ id: routingRules.id });
      await auditRuleChange(tx, manager, draft, 'set', {
        before: null,
        after: snapshot(draft),
      });
      return row?.id ?? '';
    });
    routingChanges += 1;
    return { id };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Another request created the same rule meanwhile: check again, which names it.
    await checkedFacts(db, draft, manager, { ruleId: null, isExistingConflict: true });
    throw error;
  }
}

/** A rule's new unit and note (its service and district are what it is). */
export async function changeRoutingRule(
  db: DatabaseOrTransaction,
  change: { id: string; unitCode: string; note: string; expectedUnitCode?: string | undefined },
  manager: RoutingManager,
): Promise<void> {
  await db.transaction(async (tx) => {
    const rule = await lockedRule(tx, change.id, manager, change.expectedUnitCode);
    const draft = { ...rule, unitCode: change.unitCode, note: change.note };
    await checkedFacts(tx, draft, manager, { ruleId: rule.id, isExistingConflict: false });
    await tx
      .update(routingRules)
      .set({ unitCode: draft.unitCode, note: draft.note })
      .where(eq(routingRules.id, rule.id));
    await auditRuleChange(tx, manager, rule, 'set', { before: snapshot(rule), after: snapshot(draft) });
  });
  routingChanges += 1;
}

/** Removes a rule (the pages): the service's cases there go back to the default. */
export async function deleteRoutingRule(
  db: DatabaseOrTransaction,
  options: { id: string; expectedUnitCode?: string | undefined },
  manager: RoutingManager,
): Promise<void> {
  await db.transaction(async (tx) => {
    const rule = await lockedRule(tx, options.id, manager, options.expectedUnitCode);
    await tx.delete(routingRules).where(eq(routingRules.id, rule.id));
    await auditRuleChange(tx, manager, rule, 'remove', { before: snapshot(rule), after: null });
  });
  routingChanges += 1;
}

/** The rule under a row lock, if the manager may manage it and nobody changed its unit since they saw it. */
async function lockedRule(
  tx: DatabaseOrTransaction,
  id: string,
  manager: Pick<RoutingManager, 'servicesOfUnit' | 'lang'>,
  expectedUnitCode: string | undefined,
): Promise<RoutingRule & { id: string }> {
  const [rule] = await tx
    .select(routingRuleColumns)
    .from(routingRules)
    .where(eq(routingRules.id, id))
    .for('update');
  if (rule === undefined) throw new DomainError('NOT_FOUND', routingCheckText(manager.lang, 'notFound'));
  const service = await currentServiceVersion(tx, rule.serviceCode);
  ensureMayRoute(manager, service?.unitCode ?? '');
  if (expectedUnitCode !== undefined && expectedUnitCode !== '' && expectedUnitCode !== rule.unitCode) {
    const names = await referenceNames(tx);
    throw new DomainError(
      'CONFLICT',
      routingCheckText(manager.lang, 'changedMeanwhile', {
        unit: (names.units.get(rule.unitCode) ?? unnamed(rule.unitCode))[
          manager.lang === 'en' ? 'nameEn' : 'nameZh'
        ],
      }),
    );
  }
  return rule;
}

function snapshot(rule: RoutingRule): RuleSnapshot {
  return {
    serviceCode: rule.serviceCode,
    districtCode: rule.districtCode,
    unitCode: rule.unitCode,
    note: rule.note,
  };
}

// ---------------------------------------------------------------------------------------------------------
// The command line: `routing:set` adds or replaces, `routing:remove` removes by service and district.

/** The CLI's words for the problems it always named so (scripts may read them). */
function cliProblem(problem: { code: string; message: string }, rule: RoutingRule): string {
  switch (problem.code) {
    case 'unknown_service':
      return `no service "${rule.serviceCode}"`;
    case 'unknown_district':
      return `no district "${rule.districtCode}" (use the MOI town code, e.g. 64000080)`;
    case 'unknown_unit':
    case 'unit_inactive':
      return `no active unit "${rule.unitCode}"`;
    default:
      return problem.message;
  }
}

/**
 * Adds or replaces the rule for (service, district) (`routing:set`); every problem reported at once, as the
 * pages check it (a rule that would change nothing is refused: `routing:remove` goes back to the default).
 */
export async function setRoutingRule(
  db: DatabaseOrTransaction,
  rule: RoutingRule,
  actor: AuditActor,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { facts, sameKey } = await factsOf(tx, rule, { ruleId: null, isExistingConflict: false });
    const { problems } = routingRuleProblems(facts, 'en');
    if (problems.length > 0) throw new RoutingRuleError(problems.map((problem) => cliProblem(problem, rule)));
    if (sameKey === null) await tx.insert(routingRules).values(rule);
    else
      await tx
        .update(routingRules)
        .set({ unitCode: rule.unitCode, note: rule.note })
        .where(eq(routingRules.id, sameKey.id));
    await auditRuleChange(tx, { auditActor: actor, now }, rule, 'set', {
      before: sameKey === null ? null : snapshot({ ...rule, unitCode: sameKey.unitCode, note: sameKey.note }),
      after: snapshot(rule),
    });
  });
  routingChanges += 1;
}

/** Removes the rule for (service, district) (`routing:remove`); false when there was none. */
export async function removeRoutingRule(
  db: DatabaseOrTransaction,
  key: { serviceCode: string; districtCode: string | null },
  actor: AuditActor,
  now: Date,
): Promise<boolean> {
  const removed = await db.transaction(async (tx) => {
    const rows = await tx.delete(routingRules).where(ruleKey(key.serviceCode, key.districtCode)).returning();
    const [row] = rows;
    if (row !== undefined) {
      await auditRuleChange(tx, { auditActor: actor, now }, key, 'remove', {
        before: snapshot(row),
        after: null,
      });
    }
    return row !== undefined;
  });
  routingChanges += 1;
  return removed;
}

export function ruleKey(serviceCode: string, districtCode: string | null) {
  return and(
    eq(routingRules.serviceCode, serviceCode),
    districtCode === null ? isNull(routingRules.districtCode) : eq(routingRules.districtCode, districtCode),
  );
}

/**
 * Demo rules, marked as such: street trees in the three mountain districts are pruned by the road
 * maintenance office's crews there. Invented to show routing by district; not the bureau's real split.
 */
export async function seedDemoRoutingRules(db: DatabaseOrTransaction): Promise<number> {
  const mountainDistricts = await db
    .select({ code: districts.code })
    .from(districts)
    .where(sql`${districts.nameZh} in ('桃源區', '茂林區', '那瑪夏區')`);
  let count = 0;
  for (const district of mountainDistricts) {
    await db
      .insert(routingRules)
      .values({
        serviceCode: 'street-tree-pruning',
        districtCode: district.code,
        unitCode: 'road-maintenance',
        note: '示範規則（非實際分工）/ demo rule, not the real division of work',
      })
      .onConflictDoNothing();
    count += 1;
  }
  return count;
}
