import { maskEmail, maskPhone } from '../../platform/privacy/masking.ts';
import type { NotificationChannel } from './notifications-schema.ts';

/** How a recipient appears in lists and logs: 'w***@example.com' or '0912-***-678'. */
export function maskRecipient(channel: NotificationChannel, recipient: string): string {
  return channel === 'email' ? maskEmail(recipient) : maskPhone(recipient);
}
