import { normalisePhone, phoneParts } from '../reference/phone-numbers.ts';

export { maskEmail } from '../auth/staff-email.ts';

/**
 * Masking personal data for public pages, notices to third parties and logs (TAIWAN.md: 個人資料保護法;
 * the common 王○明 / 0912-***-678 conventions). Masking keeps just enough for the person to recognise
 * their own case, never enough to identify them. An address: address-masking.ts.
 */

/** 王小明 → 王○明; 王明 → 王○; 歐陽小明 → 歐○○明; Latin names: 'John Smith' → 'J*** S***'. */
export function maskName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') return '';
  const characters = [...trimmed];
  if (/^[\p{Script=Han}·・]+$/u.test(trimmed)) {
    if (characters.length === 1) return '○';
    if (characters.length === 2) return `${characters[0]}○`;
    return `${characters[0]}${'○'.repeat(characters.length - 2)}${characters[characters.length - 1]}`;
  }
  return trimmed
    .split(/\s+/)
    .map((word) => `${[...word][0] ?? ''}***`)
    .join(' ');
}

/**
 * 0912345678 → 0912-***-678; 073312345 → 07-***-345; +886 912 345 678 → 0912-***-678; short → '***'. An
 * extension (073368333#123, 「分機 123」: platform/reference/phone-numbers.ts) is hidden too: 07-***-333 #***.
 */
export function maskPhone(phone: string): string {
  const stored = normalisePhone(phone);
  const { number, extension } = phoneParts(stored);
  const allDigits = number.replace(/\D/g, '');
  const digits = allDigits.startsWith('886') && allDigits.length >= 11 ? `0${allDigits.slice(3)}` : allDigits;
  if (digits.length < 7) return '***';
  const tail = digits.slice(-3);
  const masked = digits.startsWith('09')
    ? `${digits.slice(0, 4)}-***-${tail}`
    : `${digits.slice(0, 2)}-***-${tail}`;
  return extension === null ? masked : `${masked} #***`;
}
