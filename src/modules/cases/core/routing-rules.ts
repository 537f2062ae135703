import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { type AuditActor, recordAudit } from '../../../platform/auth/audit-log.ts';
import { CommandFailure } from '../../../platform/composition/command-failure.ts';
import type { DatabaseOrTransaction } from '../../../platform/db/database.ts';
import { districts } from '../../../platform/geo/geo-schema.ts';
import { units } from '../../../platform/reference/reference-schema.ts';
import { serviceExists } from '../../catalogue/index.ts';
import { routingRules } from './cases-schema.ts';

/**
 * Routing as data (issue 3 §2): a rule sends one service's cases — in one district, or everywhere — to a
 * unit other than the one the service names. No rule: the service's unit. Managed with the CLI
 * (`onewindow routing:set|remove|list`); every change is in the audit log.
 */

export interface RoutingRule {
  serviceCode: string;
  /** Null: every district. */
  districtCode: string | null;
  unitCode: string;
  note: string;
}

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

export async function listRoutingRules(db: DatabaseOrTransaction): Promise<RoutingRule[]> {
  return db
    .select({
      serviceCode: routingRules.serviceCode,
      districtCode: routingRules.districtCode,
      unitCode: routingRules.unitCode,
      note: routingRules.note,
    })
    .from(routingRules)
    .orderBy(asc(routingRules.serviceCode), sql`${routingRules.districtCode} nulls first`);
}

/** Adds or replaces the rule for (service, district); every problem reported at once. */
export async function setRoutingRule(
  db: DatabaseOrTransaction,
  rule: RoutingRule,
  actor: AuditActor,
  now: Date,
): Promise<void> {
  const problems: string[] = [];
  if (!(await serviceExists(db, rule.serviceCode))) problems.push(`no service "${rule.serviceCode}"`);
  if (rule.districtCode !== null) {
    const [district] = await db
      .select({ code: districts.code })
      .from(districts)
      .where(eq(districts.code, rule.districtCode));
    if (district === undefined)
      problems.push(`no district "${rule.districtCode}" (use the MOI town code, e.g. 64000080)`);
  }
  const [unit] = await db
    .select({ code: units.code, isActive: units.isActive })
    .from(units)
    .where(eq(units.code, rule.unitCode));
  if (unit === undefined || !unit.isActive) problems.push(`no active unit "${rule.unitCode}"`);
  if (problems.length > 0) throw new RoutingRuleError(problems);
  routingChanges += 1;
  await db.transaction(async (tx) => {
    await tx.delete(routingRules).where(ruleKey(rule.serviceCode, rule.districtCode));
    await tx.insert(routingRules).values(rule);
    await recordAudit(tx, {
      occurredAt: now,
      actor,
      action: 'routing.set',
      target: { type: 'routing_rule', id: `${rule.serviceCode}/${rule.districtCode ?? '*'}` },
      details: { ...rule },
    });
  });
}

export async function removeRoutingRule(
  db: DatabaseOrTransaction,
  key: { serviceCode: string; districtCode: string | null },
  actor: AuditActor,
  now: Date,
): Promise<boolean> {
  routingChanges += 1;
  return db.transaction(async (tx) => {
    const removed = await tx
      .delete(routingRules)
      .where(ruleKey(key.serviceCode, key.districtCode))
      .returning();
    if (removed.length > 0) {
      await recordAudit(tx, {
        occurredAt: now,
        actor,
        action: 'routing.remove',
        target: { type: 'routing_rule', id: `${key.serviceCode}/${key.districtCode ?? '*'}` },
      });
    }
    return removed.length > 0;
  });
}

function ruleKey(serviceCode: string, districtCode: string | null) {
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
