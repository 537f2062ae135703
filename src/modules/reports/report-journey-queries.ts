import { eq, inArray } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../platform/db/database.ts';
import { units } from '../../platform/reference/reference-schema.ts';
import { type CaseRow, cases } from '../cases/index.ts';
import { catalogueGeneration, getService, listServices } from '../catalogue/index.ts';
import { type ReportCategory, reportCategoriesOf } from './report-form.ts';
import { fieldReports } from './reports-schema.ts';

/** What the citizen's reporting pages read beyond the use cases: the categories, a sent report, publication. */

const categoriesFreshForMs = 5_000;
const keptCategories = new WeakMap<
  object,
  { at: number; generation: number; value: Promise<ReportCategory[]> }
>();

/**
 * The field-report services with their questions, in the catalogue's order. Every /report page and post
 * needs them (seven queries): kept a few seconds per database, like the current service versions, and
 * dropped at once when this process publishes a catalogue change (a 50-visitor crowd on /report had the
 * page at 151 requests/s reading them anew each time).
 */
export function loadReportCategories(db: DatabaseOrTransaction): Promise<ReportCategory[]> {
  const generation = catalogueGeneration();
  const kept = keptCategories.get(db);
  if (kept !== undefined && kept.generation === generation && Date.now() - kept.at < categoriesFreshForMs)
    return kept.value;
  const value = readReportCategories(db);
  keptCategories.set(db, { at: Date.now(), generation, value });
  value.catch(() => keptCategories.delete(db));
  return value;
}

async function readReportCategories(db: DatabaseOrTransaction): Promise<ReportCategory[]> {
  const summaries = (await listServices(db, { lang: 'zh-TW' })).filter(
    (service) => service.kind === 'field_report',
  );
  const details = [];
  // One after the other: `db` may be a transaction, whose one connection runs one query at a time.
  for (const summary of summaries) {
    const detail = await getService(db, { code: summary.code });
    if (detail !== null) details.push(detail);
  }
  return reportCategoriesOf(details);
}

export interface SentReport {
  row: CaseRow;
  categoryNameZh: string;
  categoryNameEn: string;
  unitNameZh: string;
  unitNameEn: string;
  publishedAt: Date | null;
  awaitsConfirmation: boolean;
}

/** A report by its case number, with what its confirmation page says; null for no such field report. */
export async function loadSentReport(
  db: DatabaseOrTransaction,
  caseNumber: string,
): Promise<SentReport | null> {
  const [found] = await db
    .select({
      row: cases,
      publishedAt: fieldReports.publishedAt,
      confirmTokenHash: fieldReports.confirmTokenHash,
      unitNameZh: units.nameZh,
      unitNameEn: units.nameEn,
    })
    .from(cases)
    .innerJoin(fieldReports, eq(fieldReports.caseId, cases.id))
    .innerJoin(units, eq(units.code, cases.unitCode))
    .where(eq(cases.caseNumber, caseNumber));
  if (found === undefined) return null;
  const service = await getService(db, { code: found.row.serviceCode, version: found.row.serviceVersion });
  return {
    row: found.row,
    categoryNameZh: service?.nameZh ?? found.row.subject,
    categoryNameEn: service?.nameEn ?? found.row.subject,
    unitNameZh: found.unitNameZh,
    unitNameEn: found.unitNameEn,
    publishedAt: found.publishedAt,
    awaitsConfirmation: found.publishedAt === null && found.confirmTokenHash !== null,
  };
}

/** Which of these reports are on the public map (their public page and photos exist for everyone). */
export async function publishedCaseIds(
  db: DatabaseOrTransaction,
  caseIds: readonly string[],
): Promise<Set<string>> {
  if (caseIds.length === 0) return new Set();
  const rows = await db
    .select({ caseId: fieldReports.caseId, publishedAt: fieldReports.publishedAt })
    .from(fieldReports)
    .where(inArray(fieldReports.caseId, [...caseIds]));
  return new Set(rows.filter((row) => row.publishedAt !== null).map((row) => row.caseId));
}
