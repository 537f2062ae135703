import type { ChecklistItem } from '../../catalogue/index.ts';
import type { CounterReceipt } from './counter-receipt.ts';

/** How the receipt lays out what it says, without the database: the checklist split, numbers in groups. */

/** The checklist split as the receipt shows it: what was received, and every required item still missing. */
export function checklistOnReceipt(receipt: Pick<CounterReceipt, 'checklist' | 'checklistReceived'>): {
  received: ChecklistItem[];
  missing: ChecklistItem[];
} {
  const received = new Set(receipt.checklistReceived);
  return {
    received: receipt.checklist.filter((item) => received.has(item.id)),
    missing: receipt.checklist.filter((item) => item.isRequired && !received.has(item.id)),
  };
}

/** 1151126-0042 → ['115', '1126', '0042']: read out in groups (the year, the day, the sequence). */
export function caseNumberGroups(caseNumber: string): string[] {
  const match = /^(\d+)(\d{4})-(\d+)$/.exec(caseNumber);
  return match === null ? [caseNumber] : [match[1] ?? '', match[2] ?? '', match[3] ?? ''];
}

/** ABCD2345 → ['ABCD', '2345']. */
export function lookupCodeGroups(lookupCode: string): string[] {
  return lookupCode.match(/.{1,4}/g) ?? [lookupCode];
}
