import { and, asc, desc, eq, inArray, max, type SQL, sql } from 'drizzle-orm';
import { Value } from 'typebox/value';
import { type AuditActor, type RequestOrigin, recordAudit } from '../../platform/auth/audit-log.ts';
import type { DatabaseOrTransaction } from '../../platform/db/database.ts';
import { announcePublished } from '../../platform/db/publications.ts';
import { DomainError, type FieldProblem } from '../../platform/http/errors.ts';
import {
  administrativeClassifications,
  serviceClassifications,
  themeClassifications,
  units,
} from '../../platform/reference/reference-schema.ts';
import { type UnitCard, unitCardColumns, unitCardOf } from '../../platform/reference/unit-card.ts';
import { bigramsOf, searchTextOf } from '../../platform/search/bigrams.ts';
import { indexDocuments } from '../../platform/search/search-index.ts';
import { type Lang, translator } from '../../platform/web/i18n.ts';
import { services, serviceVersions } from './catalogue-schema.ts';
import {
  type ChecklistItem,
  type Deadline,
  type Fee,
  type FormField,
  type Sample,
  ServiceDefinition,
  type ServiceKind,
  type SopStep,
} from './catalogue-schemas.ts';
import { type KnownCodes, validateServiceDefinition } from './catalogue-validation.ts';
import { serviceDocumentsOf } from './service-search-documents.ts';

/** The responsible unit as pages and the API show it. */
export type ServiceUnit = UnitCard;

export interface ServiceSummary {
  code: string;
  version: number;
  nameZh: string;
  nameEn: string;
  summaryZh: string;
  summaryEn: string;
  kind: ServiceKind;
  unit: ServiceUnit;
  deadline: Deadline;
  serviceClassificationCode: string;
  isOnline: boolean;
  isDemo: boolean;
}

export interface ServiceDetail extends ServiceSummary {
  currentVersion: number;
  descriptionZh: string;
  descriptionEn: string;
  checklist: ChecklistItem[];
  fees: Fee[];
  sopSteps: SopStep[];
  formFields: FormField[];
  sample: Sample;
  themeClassificationCode: string | null;
  administrativeClassificationCode: string | null;
  publishedAt: Date;
  publishedBy: string;
}

const publicationText = translator({
  'zh-TW': {
    invalid: '服務項目的內容有問題，請依下列說明修正。',
    conflict: '這個服務項目在您編輯期間已有新版本，請先確認後再送出。',
    codeTaken: '「{code}」已有服務項目使用，請換一個代碼，或改為編輯該服務項目。',
    versionConflict:
      '您編輯期間，已有人發布了第 {current} 版（您是從第 {expected} 版開始編輯的）。請先查看第 {current} 版；若仍要以您的內容取代它，再送出一次即可。',
  },
  en: {
    invalid: 'There is a problem with the service definition; see each item below.',
    conflict: 'This service got a new version while you were editing it; check it before sending again.',
    codeTaken: '“{code}” is already used by a service; choose another code, or edit that service.',
    versionConflict:
      'Version {current} was published while you were editing (you started from version {expected}). Look at version {current} first; to replace it with your content, send the form again.',
  },
});

/**
 * Every problem of a publication at once: the caller's own (a form's parsing) first, then the rules',
 * except where the caller already reported that field (its message is the more precise one).
 */
function mergeProblems(first: readonly FieldProblem[], second: readonly FieldProblem[]): FieldProblem[] {
  const reported = new Set(first.map((problem) => problem.field));
  return [...first, ...second.filter((problem) => !reported.has(problem.field))];
}

/** The codes a definition may name, read fresh for each publication (the tables are small). */
export async function loadKnownCodes(db: DatabaseOrTransaction): Promise<KnownCodes> {
  // One after the other: `db` may be a transaction, whose single connection runs one query at a time.
  const unitRows = await db.select({ code: units.code, isActive: units.isActive }).from(units);
  const serviceRows = await db.select({ code: serviceClassifications.code }).from(serviceClassifications);
  const themeRows = await db.select({ code: themeClassifications.code }).from(themeClassifications);
  const administrativeRows = await db
    .select({ code: administrativeClassifications.code })
    .from(administrativeClassifications);
  return {
    units: new Map(unitRows.map((row) => [row.code, row.isActive])),
    serviceClassifications: new Set(serviceRows.map((row) => row.code)),
    themeClassifications: new Set(themeRows.map((row) => row.code)),
    administrativeClassifications: new Set(administrativeRows.map((row) => row.code)),
  };
}

export interface PublishOptions {
  definition: unknown;
  actor: AuditActor;
  now: Date;
  lang?: Lang;
  origin?: RequestOrigin;
  /**
   * The version the editor started from, 0 for a new service. When another publication came first (or
   * the code of a "new" service is taken), nothing is written and the problem is listed with the rest.
   * Unset: publish on top of whatever is current (the seed, scripts, the JSON API).
   */
  expectedCurrentVersion?: number;
  /** Problems the caller found before (a form it could not read in full), listed together with the rules'. */
  knownProblems?: readonly FieldProblem[];
}

/**
 * Publishes a definition as the next version of its service (version 1 for a new code) and makes it the
 * current one, in one transaction with its audit entry. Earlier versions stay as they were: cases keep
 * the version they were opened under. Throws VALIDATION_FAILED listing every problem (CONFLICT when the
 * only problem is a publication made since `expectedCurrentVersion`); nothing is written then.
 */
export async function publishServiceVersion(
  db: DatabaseOrTransaction,
  options: PublishOptions,
): Promise<{ code: string; version: number }> {
  const lang = options.lang ?? 'zh-TW';
  // Inside a caller's transaction (the seed) this is a savepoint.
  return db.transaction(async (tx) => {
    const validation = validateServiceDefinition(options.definition, await loadKnownCodes(tx), { lang });
    const problems = mergeProblems(options.knownProblems ?? [], validation.ok ? [] : validation.problems);
    const code = (options.definition as { code?: unknown } | null)?.code;
    const expected = options.expectedCurrentVersion;
    if (
      expected !== undefined &&
      typeof code === 'string' &&
      !problems.some((problem) => problem.field === 'code')
    ) {
      // Locks the service (when it exists) until the end: a publication racing this one waits, then sees ours.
      const [existing] = await tx
        .select({ currentVersion: services.currentVersion })
        .from(services)
        .where(eq(services.code, code))
        .for('update');
      const current = existing?.currentVersion ?? 0;
      if (expected === 0 && current > 0) {
        problems.push({
          field: 'code',
          code: 'code_taken',
          message: publicationText(lang, 'codeTaken', { code }),
        });
      } else if (expected !== 0 && current !== expected) {
        problems.push({
          field: '',
          code: 'version_conflict',
          message: publicationText(lang, 'versionConflict', { current, expected }),
        });
      }
    }
    if (problems.length > 0) {
      const isConflictOnly = problems.every((problem) => problem.code === 'version_conflict');
      throw new DomainError(
        isConflictOnly ? 'CONFLICT' : 'VALIDATION_FAILED',
        publicationText(lang, isConflictOnly ? 'conflict' : 'invalid'),
        { problems },
      );
    }
    if (!validation.ok) throw new Error('unreachable: a failed validation has problems');
    // Only the properties the schema knows are stored (a JSON client may send more, nested ones included).
    const definition = Value.Clean(
      ServiceDefinition,
      structuredClone(validation.definition),
    ) as ServiceDefinition;
    const isDemo = definition.isDemo ?? false;

    const created = await tx
      .insert(services)
      .values({ code: definition.code, currentVersion: 1, isDemo, createdAt: options.now })
      .onConflictDoNothing()
      .returning({ code: services.code });
    let version = 1;
    if (created.length === 0 && expected === 0) {
      // A "new" service whose code another editor took a moment ago (there was no row to lock before).
      throw new DomainError('VALIDATION_FAILED', publicationText(lang, 'invalid'), {
        problems: [
          {
            field: 'code',
            code: 'code_taken',
            message: publicationText(lang, 'codeTaken', { code: definition.code }),
          },
        ],
      });
    }
    if (created.length === 0) {
      // Serialises publications of one service: the second waits and then takes the next number.
      await tx.select().from(services).where(eq(services.code, definition.code)).for('update');
      const [latest] = await tx
        .select({ version: max(serviceVersions.version) })
        .from(serviceVersions)
        .where(eq(serviceVersions.serviceCode, definition.code));
      version = (latest?.version ?? 0) + 1;
    }

    await tx.insert(serviceVersions).values({
      serviceCode: definition.code,
      version,
      nameZh: definition.nameZh.trim(),
      nameEn: definition.nameEn.trim(),
      summaryZh: definition.summaryZh.trim(),
      summaryEn: definition.summaryEn.trim(),
      descriptionZh: definition.descriptionZh.trim(),
      descriptionEn: definition.descriptionEn.trim(),
      kind: definition.kind,
      unitCode: definition.unitCode,
      checklist: definition.checklist,
      fees: definition.fees,
      deadline: definition.deadline,
      sopSteps: definition.sopSteps,
      formFields: definition.formFields,
      sample: definition.sample,
      serviceClassificationCode: definition.serviceClassificationCode,
      themeClassificationCode: definition.themeClassificationCode,
      administrativeClassificationCode: definition.administrativeClassificationCode,
      isOnline: definition.isOnline,
      searchText: searchTextOfDefinition(definition),
      searchNames: searchTextOf(definition.nameZh, definition.nameEn),
      publishedAt: options.now,
      publishedBy: options.actor.label,
    });
    if (version > 1) {
      await tx
        .update(services)
        .set({ currentVersion: version, isDemo })
        .where(eq(services.code, definition.code));
    }
    await recordAudit(tx, {
      occurredAt: options.now,
      actor: options.actor,
      action: 'catalogue.service_published',
      target: { type: 'service', id: definition.code },
      ...(options.origin ? { origin: options.origin } : {}),
      details: { version },
    });
    // The search index shows the current version (issue 15): rewritten in this transaction.
    const published = await getService(tx, { code: definition.code });
    await indexDocuments(tx, 'service', definition.code, published ? serviceDocumentsOf(published) : []);
    await announcePublished(tx, 'catalogue');
    await announcePublished(tx, 'search');
    catalogueChanges += 1;
    return { code: definition.code, version };
  });
}

let catalogueChanges = 0;

/**
 * Counts publications in this process: other modules that keep the current versions for a few seconds
 * (cases, on the intake path) start over when it moves. Other processes see a new version within their
 * cache's lifetime.
 */
export function catalogueGeneration(): number {
  return catalogueChanges;
}

/** What a keyword can find: names, summaries, descriptions, checklist items and steps, in both languages. */
function searchTextOfDefinition(definition: ServiceDefinition): string {
  return searchTextOf(
    definition.nameZh,
    definition.nameEn,
    definition.summaryZh,
    definition.summaryEn,
    definition.descriptionZh,
    definition.descriptionEn,
    ...definition.checklist.flatMap((item) => [item.nameZh, item.nameEn]),
    ...definition.sopSteps.flatMap((step) => [step.titleZh, step.titleEn]),
  );
}

const summaryColumns = {
  code: serviceVersions.serviceCode,
  version: serviceVersions.version,
  nameZh: serviceVersions.nameZh,
  nameEn: serviceVersions.nameEn,
  summaryZh: serviceVersions.summaryZh,
  summaryEn: serviceVersions.summaryEn,
  kind: serviceVersions.kind,
  deadline: serviceVersions.deadline,
  serviceClassificationCode: serviceVersions.serviceClassificationCode,
  isOnline: serviceVersions.isOnline,
  isDemo: services.isDemo,
  ...unitCardColumns,
};

type SummaryRow = { [K in keyof typeof summaryColumns]: (typeof summaryColumns)[K]['_']['data'] };

function summaryOf(row: SummaryRow): ServiceSummary {
  return {
    code: row.code,
    version: row.version,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    summaryZh: row.summaryZh,
    summaryEn: row.summaryEn,
    // The CHECK constraint keeps the column to these four values.
    kind: row.kind as ServiceKind,
    unit: unitCardOf(row),
    deadline: row.deadline,
    serviceClassificationCode: row.serviceClassificationCode,
    isOnline: row.isOnline,
    isDemo: row.isDemo,
  };
}

/** Joins a service to its current version (and only that one). */
export const isCurrentVersion = and(
  eq(services.code, serviceVersions.serviceCode),
  eq(services.currentVersion, serviceVersions.version),
);

export interface ServiceFilters {
  lang: Lang;
  unitCode?: string | undefined;
  classificationCode?: string | undefined;
  isOnline?: boolean | undefined;
  /** Keywords in Chinese or English; every term must match. */
  query?: string | undefined;
}

/**
 * The current version of every service matching all the filters. Without a keyword: by unit, then by
 * name in the reader's language. With one: services whose name matches first, then by relevance.
 */
export async function listServices(
  db: DatabaseOrTransaction,
  filters: ServiceFilters,
): Promise<ServiceSummary[]> {
  const rows = await selectServices(db, filters, { withActiveUnits: false });
  return rows.map(summaryOf);
}

/** A unit as the list's filter offers it. */
export interface UnitChoice {
  code: string;
  nameZh: string;
  nameEn: string;
}

/** The active units, in the bureau's order, as JSON text: the same on every row of the list. */
const activeUnitsText = sql<string>`(select coalesce(json_agg(json_build_object(
    'code', au.code, 'nameZh', au.name_zh, 'nameEn', au.name_en) order by au.sort_order, au.code), '[]'::json)::text
  from ${units} au where au.is_active)`;

/**
 * The public list in one statement: the services as listServices finds them, where a unit filter applies
 * only if the unit is active (an unknown one is ignored, and the caller says so), and the active units for
 * the filter, read with the services (each row carries them; the first is parsed). `units` is null when no
 * service is found: the caller reads them then (listUnits).
 */
export async function listServicesWithUnits(
  db: DatabaseOrTransaction,
  filters: ServiceFilters,
): Promise<{ services: ServiceSummary[]; units: UnitChoice[] | null }> {
  const rows = await selectServices(db, filters, { withActiveUnits: true });
  const first = rows[0];
  return {
    services: rows.map(summaryOf),
    units: first === undefined ? null : (JSON.parse(first.activeUnits) as UnitChoice[]),
  };
}

async function selectServices(
  db: DatabaseOrTransaction,
  filters: ServiceFilters,
  options: { withActiveUnits: boolean },
): Promise<(SummaryRow & { activeUnits: string })[]> {
  const conditions: SQL[] = [];
  if (filters.unitCode) {
    conditions.push(
      options.withActiveUnits
        ? sql`(${serviceVersions.unitCode} = ${filters.unitCode} or not exists (select 1 from ${units} fu
            where fu.code = ${filters.unitCode} and fu.is_active))`
        : eq(serviceVersions.unitCode, filters.unitCode),
    );
  }
  if (filters.classificationCode)
    conditions.push(eq(serviceVersions.serviceClassificationCode, filters.classificationCode));
  if (filters.isOnline !== undefined) conditions.push(eq(serviceVersions.isOnline, filters.isOnline));
  const keywords = filters.query?.trim() ?? '';
  let tsQuery: SQL | null = null;
  if (keywords !== '') {
    const terms = bigramsOf(keywords);
    // Only punctuation: nothing to look for, so nothing is found (rather than everything).
    if (terms.length === 0) return [];
    tsQuery = sql`plainto_tsquery('simple', ${terms.join(' ')})`;
    // The same expression as the GIN index service_versions_search_idx, so the index serves it.
    conditions.push(sql`to_tsvector('simple', ${serviceVersions.searchText}) @@ ${tsQuery}`);
  }
  const nameColumn = filters.lang === 'en' ? serviceVersions.nameEn : serviceVersions.nameZh;
  const order: SQL[] =
    tsQuery === null
      ? [asc(units.sortOrder), asc(nameColumn), asc(serviceVersions.serviceCode)]
      : [
          desc(sql`to_tsvector('simple', ${serviceVersions.searchNames}) @@ ${tsQuery}`),
          desc(sql`ts_rank(to_tsvector('simple', ${serviceVersions.searchText}), ${tsQuery})`),
          asc(serviceVersions.serviceCode),
        ];
  return db
    .select({ ...summaryColumns, activeUnits: options.withActiveUnits ? activeUnitsText : sql<string>`''` })
    .from(serviceVersions)
    .innerJoin(services, isCurrentVersion)
    .innerJoin(units, eq(units.code, serviceVersions.unitCode))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(...order);
}

/** One version of a service (the current one unless `version` is given), or null. */
export async function getService(
  db: DatabaseOrTransaction,
  options: { code: string; version?: number | undefined },
): Promise<ServiceDetail | null> {
  const versionCondition =
    options.version === undefined
      ? eq(serviceVersions.version, services.currentVersion)
      : eq(serviceVersions.version, options.version);
  const [detail] = await serviceDetails(
    db,
    and(eq(serviceVersions.serviceCode, options.code), versionCondition),
  );
  return detail ?? null;
}

/** The current versions of several services, in one statement (the codes' order is not kept). */
export async function getCurrentServices(
  db: DatabaseOrTransaction,
  codes: readonly string[],
): Promise<ServiceDetail[]> {
  if (codes.length === 0) return [];
  return serviceDetails(
    db,
    and(
      inArray(serviceVersions.serviceCode, [...codes]),
      eq(serviceVersions.version, services.currentVersion),
    ),
  );
}

async function serviceDetails(db: DatabaseOrTransaction, where: SQL | undefined): Promise<ServiceDetail[]> {
  const rows = await db
    .select({
      ...summaryColumns,
      currentVersion: services.currentVersion,
      descriptionZh: serviceVersions.descriptionZh,
      descriptionEn: serviceVersions.descriptionEn,
      checklist: serviceVersions.checklist,
      fees: serviceVersions.fees,
      sopSteps: serviceVersions.sopSteps,
      formFields: serviceVersions.formFields,
      sample: serviceVersions.sample,
      themeClassificationCode: serviceVersions.themeClassificationCode,
      administrativeClassificationCode: serviceVersions.administrativeClassificationCode,
      publishedAt: serviceVersions.publishedAt,
      publishedBy: serviceVersions.publishedBy,
    })
    .from(serviceVersions)
    .innerJoin(services, eq(services.code, serviceVersions.serviceCode))
    .innerJoin(units, eq(units.code, serviceVersions.unitCode))
    .where(where);
  return rows.map((row) => ({
    ...summaryOf(row),
    currentVersion: row.currentVersion,
    descriptionZh: row.descriptionZh,
    descriptionEn: row.descriptionEn,
    checklist: row.checklist,
    fees: row.fees,
    sopSteps: row.sopSteps,
    formFields: row.formFields,
    sample: row.sample,
    themeClassificationCode: row.themeClassificationCode,
    administrativeClassificationCode: row.administrativeClassificationCode,
    publishedAt: row.publishedAt,
    publishedBy: row.publishedBy,
  }));
}

// Kept here too for the cases module's journey test, which reads it from this file.
export { definitionOfService } from './service-definition.ts';

/** One line of the editors' list: every service, whatever it is, with its current version. */
export interface EditorServiceRow {
  code: string;
  nameZh: string;
  nameEn: string;
  unitNameZh: string;
  unitNameEn: string;
  currentVersion: number;
  publishedAt: Date;
  publishedBy: string;
  isDemo: boolean;
}

/** Every service for the editors' list, by unit and then code. */
export async function listServicesForEditors(db: DatabaseOrTransaction): Promise<EditorServiceRow[]> {
  return db
    .select({
      code: services.code,
      nameZh: serviceVersions.nameZh,
      nameEn: serviceVersions.nameEn,
      unitNameZh: units.nameZh,
      unitNameEn: units.nameEn,
      currentVersion: services.currentVersion,
      publishedAt: serviceVersions.publishedAt,
      publishedBy: serviceVersions.publishedBy,
      isDemo: services.isDemo,
    })
    .from(services)
    .innerJoin(serviceVersions, isCurrentVersion)
    .innerJoin(units, eq(units.code, serviceVersions.unitCode))
    .orderBy(asc(units.sortOrder), asc(services.code));
}

export interface ServiceVersionRow {
  version: number;
  publishedAt: Date;
  publishedBy: string;
}

/** A service's versions, newest first (empty for an unknown code). */
export async function listServiceVersions(
  db: DatabaseOrTransaction,
  code: string,
): Promise<ServiceVersionRow[]> {
  return db
    .select({
      version: serviceVersions.version,
      publishedAt: serviceVersions.publishedAt,
      publishedBy: serviceVersions.publishedBy,
    })
    .from(serviceVersions)
    .where(eq(serviceVersions.serviceCode, code))
    .orderBy(desc(serviceVersions.version));
}
