/**
 * Phone numbers as people type them, in one stored form (issue 14: companies give a switchboard number
 * with an extension, visitors give +886). Pure; every module that keeps or compares a phone number uses
 * this one reading: cases (counter, web, API, Open311), photo reports and the look-up by phone.
 *
 * The stored form:
 * - a Taiwanese number: its national digits, trunk 0 first — 「07-336 8333」 → `073368333`,
 *   「+886 912 345 678」 / 「+886 (0)7 3368333」 → `0912345678` / `073368333`;
 * - a number abroad: `+` and its digits — 「+1 (415) 555-0100」 → `+14155550100`;
 * - an extension after `#`, whatever the marker typed: 「#123」, 「分機 123」, 「轉123」, "ext. 123", "x123" →
 *   `073368333#123`.
 * Full-width digits and signs are read as ASCII (NFKC); spaces, dashes, dots and brackets are dropped.
 */

/** What the stored form must look like: a national (0 + 8–9 digits) or international number, maybe `#ext`. */
const storedPattern = /^(?:0\d{8,9}|\+[1-9]\d{7,14})(?:#\d{1,6})?$/;

/** The extension at the end: a marker, then its digits. */
const extensionPattern = /\s*(?:#|分機|分机|轉|转|ext\.?|extension|x)\s*[:.]?\s*(\d{1,6})\s*$/iu;

/**
 * The stored form of a number as typed ('' when nothing was typed). A number that cannot be read comes back
 * compacted but not valid: check it with `isPhoneNumber`.
 */
export function normalisePhone(input: string | null | undefined): string {
  const typed = (input ?? '').normalize('NFKC').trim();
  if (typed === '') return '';
  const extension = extensionPattern.exec(typed);
  const main = extension === null ? typed : typed.slice(0, extension.index);
  let number = main.replace(/[\s().\-‐‑–—]/g, '');
  if (number.startsWith('00886')) number = `+886${number.slice(5)}`;
  if (number.startsWith('+886')) number = `0${number.slice(4).replace(/^0/, '')}`;
  return extension === null ? number : `${number}#${extension[1]}`;
}

/** Whether a stored form (normalisePhone's answer) is a number we can call. */
export function isPhoneNumber(stored: string): boolean {
  return storedPattern.test(stored);
}

/** The stored form's number and extension apart. */
export function phoneParts(stored: string): { number: string; extension: string | null } {
  const at = stored.indexOf('#');
  return at < 0
    ? { number: stored, extension: null }
    : { number: stored.slice(0, at), extension: stored.slice(at + 1) };
}

/** For reading: a mobile in groups (0912-345-678), the extension after 「#」: 073368333#123 → 073368333 #123. */
export function formatPhone(stored: string): string {
  const { number, extension } = phoneParts(stored);
  const shown = /^09\d{8}$/.test(number)
    ? `${number.slice(0, 4)}-${number.slice(4, 7)}-${number.slice(7)}`
    : number;
  return extension === null ? shown : `${shown} #${extension}`;
}
