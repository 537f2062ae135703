import { and, asc, eq, inArray, isNull, ne, notInArray, or, type SQL, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../../platform/db/database.ts';
import { DomainError } from '../../../platform/http/errors.ts';
import { currentServiceVersion, listServices } from '../../catalogue/index.ts';
import { cases, routingRules } from './cases-schema.ts';
import { type Named, type RoutingRuleDraft, routingCheckText } from './routing-rule-checks.ts';
import {
  checkedFacts,
  ensureMayRoute,
  factsOf,
  type ReferenceNames,
  type RoutableService,
  type RoutingManager,
  referenceNames,
  routingRuleColumns,
  ruleKey,
  unnamed,
} from './routing-rules.ts';
import { openStates } from './workflows.ts';

/**
 * What the routing pages read (issue 17 §4): the services a manager may route and the form's choices, the
 * rules a page at a time, one rule, and the previews — the open cases a new rule, a change or a removal
 * would have routed differently. The writes and their checks are in routing-rules.ts.
 */

/** The services the manager may route (all for an admin; a supervisor's unit's), in the catalogue's order. */
export async function routableServices(
  db: DatabaseOrTransaction,
  manager: Pick<RoutingManager, 'servicesOfUnit' | 'lang'>,
): Promise<RoutableService[]> {
  const services = await listServices(db, {
    lang: manager.lang,
    ...(manager.servicesOfUnit === null ? {} : { unitCode: manager.servicesOfUnit }),
  });
  return services.map((service) => ({
    code: service.code,
    nameZh: service.nameZh,
    nameEn: service.nameEn,
    unitCode: service.unit.code,
  }));
}

/** What the rule form offers: the services the manager may route, the city's districts, the active units. */
export async function routingChoices(
  db: DatabaseOrTransaction,
  manager: Pick<RoutingManager, 'servicesOfUnit' | 'lang'>,
): Promise<{ services: RoutableService[]; districts: Named[]; units: (Named & { isActive: boolean })[] }> {
  const [services, names] = await Promise.all([routableServices(db, manager), referenceNames(db)]);
  return { services, districts: [...names.districts.values()], units: [...names.units.values()] };
}

// ---------------------------------------------------------------------------------------------------------
// The list and one rule.

/** A rule as the pages show it. */
export interface ListedRoutingRule {
  id: string;
  service: RoutableService;
  /** Null: every district. */
  district: Named | null;
  unit: Named & { isActive: boolean };
  note: string;
}

/** One page of the rules the manager may see (a supervisor: their unit's services'), filtered. */
export async function listRoutingRulesPage(
  db: DatabaseOrTransaction,
  options: Pick<RoutingManager, 'servicesOfUnit' | 'lang'> & {
    serviceCode?: string | undefined;
    unitCode?: string | undefined;
    page: number;
    pageSize: number;
  },
): Promise<{ rules: ListedRoutingRule[]; total: number }> {
  // Every service (not only those the manager may route): a rule of a service whose unit changed stays
  // visible to the admin, named.
  const [services, names] = await Promise.all([
    routableServices(db, { servicesOfUnit: null, lang: options.lang }),
    referenceNames(db),
  ]);
  const byCode = new Map(services.map((service) => [service.code, service]));
  const conditions: SQL[] = [];
  if (options.servicesOfUnit !== null) {
    const own = services.filter((service) => service.unitCode === options.servicesOfUnit);
    if (own.length === 0) return { rules: [], total: 0 };
    conditions.push(
      inArray(
        routingRules.serviceCode,
        own.map((service) => service.code),
      ),
    );
  }
  if (options.serviceCode) conditions.push(eq(routingRules.serviceCode, options.serviceCode));
  if (options.unitCode) conditions.push(eq(routingRules.unitCode, options.unitCode));
  const where = conditions.length === 0 ? undefined : and(...conditions);
  const rows = await db
    .select({ ...routingRuleColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(routingRules)
    .where(where)
    .orderBy(asc(routingRules.serviceCode), sql`${routingRules.districtCode} nulls first`)
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize);
  const total =
    rows[0]?.total ??
    (options.page > 1
      ? ((await db.select({ total: sql<number>`count(*)::int` }).from(routingRules).where(where))[0]?.total ??
        0)
      : 0);
  return {
    rules: rows.map((row) => listedRule(row, byCode, names)),
    total,
  };
}

function listedRule(
  row: { id: string; serviceCode: string; districtCode: string | null; unitCode: string; note: string },
  services: ReadonlyMap<string, RoutableService>,
  names: ReferenceNames,
): ListedRoutingRule {
  return {
    id: row.id,
    service: services.get(row.serviceCode) ?? { ...unnamed(row.serviceCode), unitCode: '' },
    district: districtNamed(names, row.districtCode),
    unit: names.units.get(row.unitCode) ?? { ...unnamed(row.unitCode), isActive: false },
    note: row.note,
  };
}

/** A district's names (null: every district, or a case without one). */
function districtNamed(names: ReferenceNames, code: string | null): Named | null {
  return code === null ? null : (names.districts.get(code) ?? unnamed(code));
}

/** One rule, if the manager may manage it (403 otherwise; 404 when there is none). */
export async function getRoutingRule(
  db: DatabaseOrTransaction,
  options: Pick<RoutingManager, 'servicesOfUnit' | 'lang'> & { id: string },
): Promise<ListedRoutingRule> {
  const [row] = await db.select(routingRuleColumns).from(routingRules).where(eq(routingRules.id, options.id));
  if (row === undefined) throw new DomainError('NOT_FOUND', routingCheckText(options.lang, 'notFound'));
  const [service, names] = await Promise.all([
    currentServiceVersion(db, row.serviceCode),
    referenceNames(db),
  ]);
  const routable: RoutableService | null =
    service === null
      ? null
      : { code: service.code, nameZh: service.nameZh, nameEn: service.nameEn, unitCode: service.unitCode };
  ensureMayRoute(options, routable?.unitCode ?? '');
  return listedRule(row, new Map(routable === null ? [] : [[routable.code, routable]]), names);
}

/** The id of the rule for (service, district), if there is one (a refused new rule links to it). */
export async function findRoutingRuleId(
  db: DatabaseOrTransaction,
  key: { serviceCode: string; districtCode: string | null },
): Promise<string | null> {
  const [row] = await db
    .select({ id: routingRules.id })
    .from(routingRules)
    .where(ruleKey(key.serviceCode, key.districtCode));
  return row?.id ?? null;
}

/** An open case a rule would have routed otherwise: no personal data, only what says where it is. */
export interface CaseRoutedOtherwise {
  caseNumber: string;
  district: Named | null;
  unit: Named;
  receivedAt: Date;
}

export interface RoutingPreview {
  service: RoutableService;
  district: Named | null;
  /** Where new cases go with the change (a removal: without the rule). */
  unit: Named;
  /** Where they go now (a new rule: without it). */
  unitBefore: Named;
  note: string;
  /** The open cases of the rule's service (and district) that are with another unit than `unit`. */
  openCases: { total: number; shown: CaseRoutedOtherwise[] };
}

/** How many of the open cases a preview lists (the total is always given). */
export const previewCaseLimit = 50;

/**
 * The open cases a rule for (service, district) → unit would have routed differently: those of the service
 * — in the district, or (an all-districts rule) in any district without its own rule — with another unit.
 */
async function casesRoutedOtherwise(
  db: DatabaseOrTransaction,
  options: {
    serviceCode: string;
    districtCode: string | null;
    unitCode: string;
    otherRules: readonly { districtCode: string | null }[];
    names: ReferenceNames;
  },
): Promise<RoutingPreview['openCases']> {
  const districtsWithOwnRule = options.otherRules
    .map((rule) => rule.districtCode)
    .filter((code): code is string => code !== null);
  const inScope =
    options.districtCode !== null
      ? eq(cases.districtCode, options.districtCode)
      : districtsWithOwnRule.length === 0
        ? undefined
        : or(isNull(cases.districtCode), notInArray(cases.districtCode, districtsWithOwnRule));
  const rows = await db
    .select({
      caseNumber: cases.caseNumber,
      districtCode: cases.districtCode,
      unitCode: cases.unitCode,
      receivedAt: cases.receivedAt,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(cases)
    .where(
      and(
        eq(cases.serviceCode, options.serviceCode),
        inArray(cases.state, [...openStates]),
        ne(cases.unitCode, options.unitCode),
        inScope,
      ),
    )
    .orderBy(asc(cases.receivedAt), asc(cases.caseNumber))
    .limit(previewCaseLimit);
  return {
    total: rows[0]?.total ?? 0,
    shown: rows.map((row) => ({
      caseNumber: row.caseNumber,
      district: districtNamed(options.names, row.districtCode),
      unit: options.names.units.get(row.unitCode) ?? unnamed(row.unitCode),
      receivedAt: row.receivedAt,
    })),
  };
}

/** A new rule's preview: refused as createRoutingRule would refuse it; otherwise the cases it concerns. */
export async function previewRoutingRule(
  db: DatabaseOrTransaction,
  draft: RoutingRuleDraft,
  manager: Pick<RoutingManager, 'servicesOfUnit' | 'lang'>,
  options: { ruleId?: string | undefined } = {},
): Promise<RoutingPreview> {
  const ruleId = options.ruleId ?? null;
  const { facts, names, otherRules, sameKey } = await checkedFacts(db, draft, manager, {
    ruleId,
    isExistingConflict: ruleId === null,
  });
  const before = ruleId !== null && sameKey !== null ? sameKey.unitCode : facts.fallback?.unit.code;
  return {
    service: facts.service,
    district: facts.district,
    unit: facts.unit,
    unitBefore: names.units.get(before ?? '') ?? unnamed(before ?? ''),
    note: draft.note,
    openCases: await casesRoutedOtherwise(db, { ...draft, otherRules, names }),
  };
}

/** What removing a rule would do: where its cases go then, and the open cases that are elsewhere. */
export async function previewRoutingRuleRemoval(
  db: DatabaseOrTransaction,
  options: { id: string },
  manager: Pick<RoutingManager, 'servicesOfUnit' | 'lang'>,
): Promise<RoutingPreview> {
  const rule = await getRoutingRule(db, { ...manager, id: options.id });
  const draft = {
    serviceCode: rule.service.code,
    districtCode: rule.district?.code ?? null,
    unitCode: rule.unit.code,
    note: rule.note,
  };
  const { facts, names, otherRules } = await factsOf(db, draft, {
    ruleId: rule.id,
    isExistingConflict: false,
  });
  const after = facts.fallback?.unit ?? unnamed(rule.service.unitCode);
  return {
    service: rule.service,
    district: rule.district,
    unit: after,
    unitBefore: rule.unit,
    note: rule.note,
    openCases: await casesRoutedOtherwise(db, {
      serviceCode: draft.serviceCode,
      districtCode: draft.districtCode,
      unitCode: after.code,
      otherRules,
      names,
    }),
  };
}
