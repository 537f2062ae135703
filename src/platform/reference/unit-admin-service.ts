import { asc, desc, eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../db/database.ts';
import { announcePublished } from '../db/publications.ts';
import { units } from './reference-schema.ts';

/**
 * The units as an admin keeps them (issue 17): names, contact details, service hours, whether the unit is
 * active and whether its contacts were checked. What citizens' pages and receipts show of a unit is read
 * from this row (`unit-card.ts`, `unitsNow` in units-now.ts, the cases module's `unitContact`), so a change
 * here is a publication: the kept public pages that show units — the plans, the home page and the personal
 * data files page ('units'), the catalogue's service pages, the apply and report forms ('catalogue'), and a
 * report's public page, which names the unit a report moved to ('reports') — are rendered again in every
 * process once the change commits, and `unitsNow` reads the table again.
 */

/** What the admin page edits of a unit; phones in the units' stored form (`unit-phone.ts`). */
export interface UnitDetails {
  nameZh: string;
  nameEn: string;
  addressZh: string;
  addressEn: string;
  phone: string;
  fax: string;
  email: string;
  serviceHoursZh: string;
  serviceHoursEn: string;
  isActive: boolean;
  isContactVerified: boolean;
}

export interface UnitRow extends UnitDetails {
  code: string;
  sortOrder: number;
}

/** The scopes of the kept public pages that show a unit (platform/db/publications.ts). */
export const unitPublicationScopes = ['units', 'catalogue', 'reports'] as const;

const rowColumns = {
  code: units.code,
  sortOrder: units.sortOrder,
  nameZh: units.nameZh,
  nameEn: units.nameEn,
  addressZh: units.addressZh,
  addressEn: units.addressEn,
  phone: units.phone,
  fax: units.fax,
  email: units.email,
  serviceHoursZh: units.serviceHoursZh,
  serviceHoursEn: units.serviceHoursEn,
  isActive: units.isActive,
  isContactVerified: units.isContactVerified,
};

/** Every unit, active ones first, in display order (a handful: no pages needed). */
export function listUnitRows(db: DatabaseOrTransaction): Promise<UnitRow[]> {
  return db
    .select(rowColumns)
    .from(units)
    .orderBy(desc(units.isActive), asc(units.sortOrder), asc(units.code));
}

export async function findUnitRow(db: DatabaseOrTransaction, code: string): Promise<UnitRow | null> {
  const [row] = await db.select(rowColumns).from(units).where(eq(units.code, code));
  return row ?? null;
}

/**
 * Writes a unit's details in the caller's transaction (the row locked first, so two admins' saves follow
 * one another) and announces the publication. Answers the fields that changed, before and after, or null
 * when the unit does not exist. Nothing is written (and nothing announced) when nothing changed.
 */
export async function saveUnitDetails(
  tx: DatabaseOrTransaction,
  code: string,
  details: UnitDetails,
): Promise<{ before: Partial<UnitDetails>; after: Partial<UnitDetails> } | null> {
  const [current] = await tx.select(rowColumns).from(units).where(eq(units.code, code)).for('update');
  if (current === undefined) return null;
  const before: Partial<UnitDetails> = {};
  const after: Partial<UnitDetails> = {};
  for (const key of Object.keys(details) as (keyof UnitDetails)[]) {
    if (current[key] === details[key]) continue;
    Object.assign(before, { [key]: current[key] });
    Object.assign(after, { [key]: details[key] });
  }
  if (Object.keys(after).length === 0) return { before, after };
  await tx.update(units).set(details).where(eq(units.code, code));
  for (const scope of unitPublicationScopes) await announcePublished(tx, scope);
  return { before, after };
}
