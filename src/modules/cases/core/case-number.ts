import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { toTaipeiLocalDate } from '../../../platform/calendar/working-days.ts';
import type { DatabaseOrTransaction } from '../../../platform/db/database.ts';

/**
 * Case numbers are read over the phone: digits only, the 民國 date of receipt and the day's sequence,
 * e.g. 1151126-0042 (the 42nd case of 2026-11-26). They are guessable on purpose — the lookup code is
 * not: 8 characters from 31 symbols without look-alikes (no 0/O, 1/I/L), 31^8 ≈ 8.5 × 10^11.
 */

const lookupAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const lookupCodeLength = 8;

export function newLookupCode(): string {
  let code = '';
  for (let index = 0; index < lookupCodeLength; index += 1)
    code += lookupAlphabet[randomInt(lookupAlphabet.length)];
  return code;
}

/** Upper case, without spaces or dashes: what people type is forgiving, what we compare is exact. */
export function normaliseLookupCode(input: string): string {
  return input.normalize('NFKC').toUpperCase().replace(/[\s-]/g, '');
}

/** Digits and the one dash; full-width digits and spaces accepted. */
export function normaliseCaseNumber(input: string): string {
  const compact = input.normalize('NFKC').replace(/[\s‐-―－-]/g, '');
  return /^\d{11,}$/.test(compact) ? `${compact.slice(0, 7)}-${compact.slice(7)}` : compact;
}

export function formatCaseNumber(day: string, sequence: number): string {
  const [year, month, dayOfMonth] = day.split('-');
  const rocYear = Number(year) - 1911;
  return `${rocYear}${month}${dayOfMonth}-${String(sequence).padStart(4, '0')}`;
}

/** The next number for the Taipei day of `at`; one row per day, taken under its row lock. */
export async function nextCaseNumber(db: DatabaseOrTransaction, at: Date): Promise<string> {
  const day = toTaipeiLocalDate(at);
  const result = await db.execute<{ last_number: number }>(sql`
    insert into case_number_counters (day, last_number) values (${day}, 1)
    on conflict (day) do update set last_number = case_number_counters.last_number + 1
    returning last_number`);
  const sequence = result.rows[0]?.last_number;
  if (sequence === undefined) throw new Error('case number counter returned no row');
  return formatCaseNumber(day, sequence);
}
