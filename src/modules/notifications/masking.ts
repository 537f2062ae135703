import { maskEmail } from '../../platform/auth/staff-email.ts';
import type { NotificationChannel } from './notifications-schema.ts';

/** '0912-***-678' (TAIWAN.md): the first four and last three digits; short numbers show nothing. */
export function maskPhone(phone: string): string {
  const allDigits = phone.replace(/\D/g, '');
  // +886 912 345 678 is the same number as 0912 345 678.
  const digits = allDigits.startsWith('886') && allDigits.length >= 11 ? `0${allDigits.slice(3)}` : allDigits;
  if (digits.length < 8) return '***';
  return `${digits.slice(0, 4)}-***-${digits.slice(-3)}`;
}

/** How a recipient appears in lists and logs: 'w***@example.com' or '0912-***-678'. */
export function maskRecipient(channel: NotificationChannel, recipient: string): string {
  return channel === 'email' ? maskEmail(recipient) : maskPhone(recipient);
}
