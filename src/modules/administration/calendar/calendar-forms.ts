import { Type } from 'typebox';
import { fieldLimits } from '../../../platform/web/components/field-limits.ts';
import { defineForm, field } from '../../../platform/web/components/read-form.ts';
import { normaliseDateInput } from '../../../platform/web/date-input.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { calendarText as text } from './calendar-messages.ts';

const both = (key: Parameters<typeof text>[1]) => ({ 'zh-TW': text('zh-TW', key), en: text('en', key) });

/** The steps of a change: the form, its preview (`preview`, the default), then `confirm`; `edit` goes back. */
export const changeSteps = ['preview', 'confirm', 'edit'] as const;

/**
 * Declaring a day closed or open. Field names (also what a browser journey fills in): `date` (YYYY-MM-DD or
 * 民國 115/7/15), `state` (`closed` | `open`), `scope` (`region`: the configured city only | `everywhere`),
 * `reason`, and `step` (hidden: '' or `preview`, then `confirm`).
 */
export const declareDayForm = defineForm(
  Type.Object({
    date: field.text({ maxLength: fieldLimits.code, isRequired: true }),
    state: field.choice(['closed', 'open'] as const, { isRequired: true }),
    scope: field.choice(['region', 'everywhere'] as const, { isRequired: true }),
    reason: field.text({ maxLength: fieldLimits.longText, isRequired: true }),
    step: field.choice(changeSteps),
  }),
  {
    date: both('dateLabel'),
    state: both('stateLabel'),
    scope: both('scopeLabel'),
    reason: both('reasonLabel'),
    step: both('stepLabel'),
  },
);

/**
 * A year file's text: the official files are about 36 KB pretty-printed (366 records), so 100,000 characters
 * leave room for other line endings and indentation and stay within what a posted field may hold.
 */
export const calendarFileMaxLength = 100_000;

/** The file input of the year file (a multipart form): the official JSON file itself. */
export const calendarUploadField = 'calendarFileUpload';

/**
 * The largest year file uploaded: ten times the official files, for other indentation and line endings (the
 * preview carries it on compact, well within `calendarFileMaxLength`).
 */
export const calendarUploadMaxBytes = 400 * 1024;

/**
 * Loading a year's official calendar. Fields: `year`, `source` (optional), the file uploaded
 * (`calendarFileUpload`, read by the route) or `calendarFile` (its JSON text pasted; the preview carries the
 * checked days on in it), `step` (hidden: '' or `preview`, then `confirm`) and `inForce` (hidden: what was
 * in force at the preview). One of the file and the text is required: the route says so.
 */
export const loadYearForm = defineForm(
  Type.Object({
    year: field.text({ maxLength: fieldLimits.code, isRequired: true }),
    source: field.text({ maxLength: fieldLimits.shortText }),
    calendarFile: field.text({ maxLength: calendarFileMaxLength }),
    step: field.choice(changeSteps),
    inForce: field.text({ maxLength: fieldLimits.token }),
  }),
  {
    year: both('yearLabel'),
    source: both('sourceLabel'),
    calendarFile: both('fileLabel'),
    step: both('stepLabel'),
    inForce: both('stepLabel'),
  },
);

/** The date as typed, as an ISO date when it reads as one (2026/7/15, 115/7/15, 115年7月15日, full-width). */
export function typedDate(typed: string): string {
  return normaliseDateInput(typed);
}

/** A year as typed: 2027, ２０２７ or a 民國 year (116 → 2027); NaN otherwise. */
export function typedYear(typed: string): number {
  const compact = typed.normalize('NFKC').trim().replace(/年$/, '');
  if (/^\d{4}$/.test(compact)) return Number(compact);
  if (/^\d{2,3}$/.test(compact)) return Number(compact) + 1911;
  return Number.NaN;
}

/** The scope's words, for the pages and the banner. */
export function scopeWords(lang: Lang, region: string | null, calendarRegion: string): string {
  if (region === null) return text(lang, 'scopeEverywhere');
  return text(lang, region === calendarRegion ? 'scopeRegion' : 'scopeOtherRegion', { region });
}
