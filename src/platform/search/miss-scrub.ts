/**
 * A search that found nothing is kept for the editors (search_misses) WITHOUT personal data: before the
 * query is stored, whatever could identify someone is replaced — e-mail addresses, national ID and resident
 * certificate numbers (A123456789, AB12345678), phone numbers, and every other run of digits (a house
 * number, a case number, a date of birth). Nothing about who searched is kept at all. Pure.
 */

/** The longest query kept: a miss is a few words, not a letter. */
export const maxMissLength = 100;

const emailAddress = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
/** 身分證 A123456789, 居留證 AB12345678 / A812345678 (new form): a letter, then 9 more characters. */
const idNumber = /\b[a-z][a-d0-9][0-9]{8}\b|[a-z][12][0-9]{8}/giu;
/** A phone in any of the ways people type it: 07-3368333, (07)336-8333, 0912 345 678, +886 912… */
const phoneNumber =
  /(?:\+?886[\s-]?|\(?0\d{1,3}\)?[\s-]?)\d{2,4}[\s-]?\d{3,4}(?:\s*(?:#|分機|ext\.?)\s*\d+)?/giu;
const digitRun = /\d+/gu;

/** The query as it may be kept: personal data replaced, NFKC, spaces collapsed, at most `maxMissLength`. */
export function scrubMissQuery(query: string): string {
  const scrubbed = query
    .normalize('NFKC')
    .toLowerCase()
    .replace(emailAddress, '〔e-mail〕')
    .replace(idNumber, '〔ID〕')
    .replace(phoneNumber, '〔phone〕')
    .replace(digitRun, '#')
    .replace(/\s+/gu, ' ')
    .trim();
  return [...scrubbed].slice(0, maxMissLength).join('');
}
