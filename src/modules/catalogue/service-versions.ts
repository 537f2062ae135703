import { and, eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../platform/db/database.ts';
import { services, serviceVersions } from './catalogue-schema.ts';
import type { ChecklistItem, Deadline, Fee, FormField } from './catalogue-schemas.ts';
import { catalogueGeneration, isCurrentVersion } from './catalogue-service.ts';

/**
 * What other modules read of a service version: the rules a case is opened and kept under (kind, unit,
 * deadline, form fields, checklist, fees, whether it is online) and its names. A version never changes once published, so a version
 * read is kept for the life of the process (a few hundred small rows at most); the *current* version of a
 * service is kept a few seconds, and dropped at once when this process publishes a new one.
 */
export interface ServiceVersionFacts {
  code: string;
  version: number;
  kind: string;
  unitCode: string;
  nameZh: string;
  nameEn: string;
  deadline: Deadline;
  formFields: FormField[];
  checklist: ChecklistItem[];
  fees: Fee[];
  isOnline: boolean;
}

const columns = {
  code: serviceVersions.serviceCode,
  version: serviceVersions.version,
  kind: serviceVersions.kind,
  unitCode: serviceVersions.unitCode,
  nameZh: serviceVersions.nameZh,
  nameEn: serviceVersions.nameEn,
  deadline: serviceVersions.deadline,
  formFields: serviceVersions.formFields,
  checklist: serviceVersions.checklist,
  fees: serviceVersions.fees,
  isOnline: serviceVersions.isOnline,
};

const versions = new Map<string, ServiceVersionFacts>();

/** One version of a service (as a case names it), or null when there is no such version. */
export async function getServiceVersion(
  db: DatabaseOrTransaction,
  code: string,
  version: number,
): Promise<ServiceVersionFacts | null> {
  const key = `${code}@${version}`;
  const kept = versions.get(key);
  if (kept !== undefined) return kept;
  const [row] = await db
    .select(columns)
    .from(serviceVersions)
    .where(and(eq(serviceVersions.serviceCode, code), eq(serviceVersions.version, version)));
  if (row !== undefined) versions.set(key, row);
  return row ?? null;
}

/** A service's names in both languages (its code where the version is unknown). */
export interface ServiceNames {
  nameZh: string;
  nameEn: string;
}

/**
 * The names of the services `rows` name (code and version), each version read once (and kept: a version
 * never changes): for a list of cases or drafts, no join per page and no read per row.
 */
export async function serviceNamesOf(
  db: DatabaseOrTransaction,
  rows: readonly { serviceCode: string; serviceVersion: number }[],
): Promise<(code: string, version: number) => ServiceNames> {
  const names = new Map<string, ServiceNames>();
  for (const row of rows) {
    const key = `${row.serviceCode}@${row.serviceVersion}`;
    if (names.has(key)) continue;
    const version = await getServiceVersion(db, row.serviceCode, row.serviceVersion);
    names.set(key, {
      nameZh: version?.nameZh ?? row.serviceCode,
      nameEn: version?.nameEn ?? row.serviceCode,
    });
  }
  return (code, version) => names.get(`${code}@${version}`) ?? { nameZh: code, nameEn: code };
}

const freshForMs = 5_000;
const current = new Map<string, { at: number; generation: number; value: ServiceVersionFacts | null }>();

/** The version a new case of this service is opened under (its current one), or null for an unknown code. */
export async function currentServiceVersion(
  db: DatabaseOrTransaction,
  code: string,
): Promise<ServiceVersionFacts | null> {
  const kept = current.get(code);
  const generation = catalogueGeneration();
  if (kept !== undefined && kept.generation === generation && Date.now() - kept.at < freshForMs)
    return kept.value;
  const [row] = await db
    .select(columns)
    .from(services)
    .innerJoin(serviceVersions, isCurrentVersion)
    .where(eq(services.code, code));
  const value = row ?? null;
  if (current.size > 1000) current.clear();
  current.set(code, { at: Date.now(), generation, value });
  if (value !== null) versions.set(`${value.code}@${value.version}`, value);
  return value;
}

/** Whether a service with this code exists (any version). */
export async function serviceExists(db: DatabaseOrTransaction, code: string): Promise<boolean> {
  const [row] = await db.select({ code: services.code }).from(services).where(eq(services.code, code));
  return row !== undefined;
}
