import { eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../../platform/db/database.ts';
import { districts } from '../../../platform/geo/geo-schema.ts';
import { units } from '../../../platform/reference/reference-schema.ts';
import { currentServiceVersion, getServiceVersion, type ServiceVersionFacts } from '../../catalogue/index.ts';
import { routingRules } from './cases-schema.ts';
import { routingGeneration } from './routing-rules.ts';

/**
 * Reference data the intake path reads on every case, kept in the process for a few seconds instead of
 * four round trips per case (the catalogue keeps its own service versions the same way) (measured in docs/benchmarks.md: the intake is bound by the app's CPU, much of
 * it spent on round trips). A change made in this process (a new service version, a routing rule) is seen
 * at once; one made in another process within `freshForMs`. Districts never change while running.
 */

const freshForMs = 5_000;

/** A service version as a case is opened under it. */
export type ServiceForCase = ServiceVersionFacts;

interface Kept<T> {
  at: number;
  generation: number;
  value: T;
}

/** The service's current version, as a case is opened under it (the catalogue keeps it a few seconds). */
export async function currentServiceForCase(
  db: DatabaseOrTransaction,
  code: string,
): Promise<ServiceForCase | null> {
  return currentServiceVersion(db, code);
}

let districtCodes: Promise<Set<string>> | null = null;

export async function isKnownDistrict(db: DatabaseOrTransaction, code: string): Promise<boolean> {
  districtCodes ??= db
    .select({ code: districts.code })
    .from(districts)
    .then((rows) => new Set(rows.map((row) => row.code)));
  const known = await districtCodes;
  // A district table loaded after this process started (a first seed) is read again once.
  if (known.size === 0) districtCodes = null;
  return known.has(code);
}

let rules: Kept<{ serviceCode: string; districtCode: string | null; unitCode: string }[]> | null = null;

/** The unit a new case goes to: a rule for the service and district, else the service's unit. */
export async function routeCase(
  db: DatabaseOrTransaction,
  service: { code: string; unitCode: string },
  districtCode: string | null,
): Promise<string> {
  const generation = routingGeneration();
  if (rules === null || rules.generation !== generation || Date.now() - rules.at >= freshForMs) {
    const value = await db
      .select({
        serviceCode: routingRules.serviceCode,
        districtCode: routingRules.districtCode,
        unitCode: routingRules.unitCode,
      })
      .from(routingRules);
    rules = { at: Date.now(), generation, value };
  }
  const forService = rules.value.filter((rule) => rule.serviceCode === service.code);
  const exact =
    districtCode === null ? undefined : forService.find((rule) => rule.districtCode === districtCode);
  const everywhere = forService.find((rule) => rule.districtCode === null);
  return (exact ?? everywhere)?.unitCode ?? service.unitCode;
}

/** A unit's names and how to reach it (the deficiency notice says where and how to bring a supplement). */
export interface UnitContact {
  nameZh: string;
  nameEn: string;
  phone: string;
  addressZh: string;
  addressEn: string;
  email: string;
  serviceHoursZh: string;
  serviceHoursEn: string;
  /** False while the address, e-mail and hours are placeholders not yet checked (platform/reference/units.ts). */
  isContactVerified: boolean;
}

const unitContacts = new Map<string, Kept<UnitContact | null>>();

/** A unit's names and phone (and address, e-mail, opening hours), for notices. */
export async function unitContact(db: DatabaseOrTransaction, code: string): Promise<UnitContact | null> {
  const kept = unitContacts.get(code);
  if (kept !== undefined && Date.now() - kept.at < freshForMs) return kept.value;
  const [row] = await db
    .select({
      nameZh: units.nameZh,
      nameEn: units.nameEn,
      phone: units.phone,
      addressZh: units.addressZh,
      addressEn: units.addressEn,
      email: units.email,
      serviceHoursZh: units.serviceHoursZh,
      serviceHoursEn: units.serviceHoursEn,
      isContactVerified: units.isContactVerified,
    })
    .from(units)
    .where(eq(units.code, code));
  unitContacts.set(code, { at: Date.now(), generation: 0, value: row ?? null });
  return row ?? null;
}

/** A service version's names (versions never change: the catalogue keeps them for the process's life). */
export async function serviceVersionNames(
  db: DatabaseOrTransaction,
  code: string,
  version: number,
): Promise<{ nameZh: string; nameEn: string } | null> {
  const found = await getServiceVersion(db, code, version);
  return found === null ? null : { nameZh: found.nameZh, nameEn: found.nameEn };
}
