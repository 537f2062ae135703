import type { FieldProblem } from '../../../platform/http/errors.ts';
import { formatTaipeiDateTime } from '../../../platform/web/format-date.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { type ContentEditorTextKey, contentEditorText as text } from './content-editor-messages.ts';

/**
 * The rules of content editing (issue 15 §1–2), pure so that they are unit-tested without a database: what
 * a version holds, how typed dates and lines are read, what must be true before a version is published,
 * who may review it, which version an edit goes to, the states a list shows, and what changed between two
 * versions.
 */

/** What a version says: its words, its Dublin Core fields, its classification codes and its schedule. */
export interface VersionFields {
  titleZh: string;
  titleEn: string | null;
  summaryZh: string;
  summaryEn: string | null;
  bodyZh: string;
  bodyEn: string | null;
  subjectsZh: string[];
  subjectsEn: string[];
  creators: string[];
  contributors: string[];
  sources: string[];
  relations: string[];
  rights: string | null;
  coverageStart: string | null;
  coverageEnd: string | null;
  themeCodes: string[];
  cakeCodes: string[];
  serviceCodes: string[];
  publishAt: Date | null;
  expireAt: Date | null;
}

/** The fields in the order the edit page shows them (the error summary lists problems in it). */
export const versionFieldOrder: readonly (keyof VersionFields)[] = [
  'titleZh',
  'titleEn',
  'summaryZh',
  'summaryEn',
  'bodyZh',
  'bodyEn',
  'subjectsZh',
  'subjectsEn',
  'creators',
  'contributors',
  'sources',
  'relations',
  'rights',
  'coverageStart',
  'coverageEnd',
  'themeCodes',
  'cakeCodes',
  'serviceCodes',
  'publishAt',
  'expireAt',
];

/** One value a line (DC fields the standard lets repeat): trimmed, blank lines and repeats dropped. */
export function linesOf(typed: string): string[] {
  const seen = new Set<string>();
  for (const line of typed.split(/\r?\n/)) {
    const value = line.trim();
    if (value !== '') seen.add(value);
  }
  return [...seen];
}

/** Taiwan is UTC+8 all year (no daylight saving). */
const taipeiOffsetMs = 8 * 3_600_000;

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A typed date 「2026-12-24」 (full-width digits and 「/」 accepted): 'YYYY-MM-DD', '' when empty, null when no date. */
export function isoDateOf(typed: string): string | null {
  const compact = typed.normalize('NFKC').trim().replaceAll('/', '-');
  if (compact === '') return '';
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(compact);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isRealDate(year, month, day)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A typed moment in Taiwan time, 「2026-12-24 09:30」 or a date alone (midnight): the instant; 'empty' when
 * nothing was typed; null when it is no date and time.
 */
export function taipeiMomentOf(typed: string): Date | 'empty' | null {
  const compact = typed.normalize('NFKC').trim().replaceAll('/', '-').replace('T', ' ');
  if (compact === '') return 'empty';
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(compact);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const [hour, minute] = [Number(match[4] ?? 0), Number(match[5] ?? 0)];
  if (!isRealDate(year, month, day) || hour > 23 || minute > 59) return null;
  return new Date(Date.UTC(year, month - 1, day, hour, minute) - taipeiOffsetMs);
}

/** A moment as the form shows it again: 「2026-12-24 09:30」 (Taiwan time). */
export function typedMomentOf(moment: Date | null): string {
  return moment === null ? '' : formatTaipeiDateTime(moment).slice(0, 16);
}

const problem = (lang: Lang, field: string, code: ContentEditorTextKey): FieldProblem => ({
  field,
  code,
  message: text(lang, code),
});

/**
 * The rules between a version's fields, beyond each field's own (every problem at once): dates that are
 * dates, a coverage that ends after it starts, an expiry after the publication, English words only under an
 * English title, and classification codes that the loaded tables have.
 */
export function versionProblems(
  typed: { coverageStart: string; coverageEnd: string; publishAt: string; expireAt: string },
  fields: VersionFields,
  options: {
    lang: Lang;
    known: { theme: ReadonlySet<string>; cake: ReadonlySet<string>; service: ReadonlySet<string> };
  },
): FieldProblem[] {
  const { lang } = options;
  const problems: FieldProblem[] = [];
  if (isoDateOf(typed.coverageStart) === null) problems.push(problem(lang, 'coverageStart', 'badDate'));
  if (isoDateOf(typed.coverageEnd) === null) problems.push(problem(lang, 'coverageEnd', 'badDate'));
  if (fields.coverageStart && fields.coverageEnd && fields.coverageEnd < fields.coverageStart)
    problems.push(problem(lang, 'coverageEnd', 'coverageEndsBeforeStart'));
  if (taipeiMomentOf(typed.publishAt) === null) problems.push(problem(lang, 'publishAt', 'badMoment'));
  if (taipeiMomentOf(typed.expireAt) === null) problems.push(problem(lang, 'expireAt', 'badMoment'));
  if (fields.publishAt && fields.expireAt && fields.expireAt <= fields.publishAt)
    problems.push(problem(lang, 'expireAt', 'expiresBeforePublished'));
  const hasEnglishWords = Boolean(fields.summaryEn) || Boolean(fields.bodyEn) || fields.subjectsEn.length > 0;
  if (hasEnglishWords && !fields.titleEn) problems.push(problem(lang, 'titleEn', 'englishNeedsTitle'));
  const unknownIn = (codes: readonly string[], known: ReadonlySet<string>) =>
    codes.some((code) => !known.has(code));
  if (unknownIn(fields.themeCodes, options.known.theme))
    problems.push(problem(lang, 'themeCodes', 'unknownCode'));
  if (unknownIn(fields.cakeCodes, options.known.cake))
    problems.push(problem(lang, 'cakeCodes', 'unknownCode'));
  if (unknownIn(fields.serviceCodes, options.known.service))
    problems.push(problem(lang, 'serviceCodes', 'unknownCode'));
  return problems;
}

/**
 * What must be true before a version is published (every problem at once): a theme classification (issue
 * 15 §2: an item without one cannot be published), an expiry still ahead, after the publication time.
 */
export function publicationProblems(
  version: Pick<VersionFields, 'titleZh' | 'themeCodes' | 'publishAt' | 'expireAt'>,
  options: { lang: Lang; now: Date },
): FieldProblem[] {
  const { lang } = options;
  const problems: FieldProblem[] = [];
  if (version.titleZh.trim() === '') problems.push(problem(lang, 'titleZh', 'titleRequired'));
  if (version.themeCodes.length === 0) problems.push(problem(lang, 'themeCodes', 'themeRequired'));
  if (version.expireAt && version.expireAt <= options.now)
    problems.push(problem(lang, 'expireAt', 'expiryPassed'));
  else if (version.publishAt && version.expireAt && version.expireAt <= version.publishAt)
    problems.push(problem(lang, 'expireAt', 'expiresBeforePublished'));
  return problems;
}

/** When an approved version shows: at its publication time if that is still ahead, otherwise now. */
export function visibleFromOf(publishAt: Date | null, now: Date): Date {
  return publishAt !== null && publishAt > now ? publishAt : now;
}

/**
 * Why this reviewer may not approve this version, or null when they may: the second pair of eyes is never
 * the one who submitted the version or last edited it.
 */
export function reviewRefusal(
  version: { submittedByStaffId: string | null; editedByStaffId: string | null },
  reviewerId: string,
): 'ownSubmission' | 'ownEdit' | null {
  if (version.submittedByStaffId === reviewerId) return 'ownSubmission';
  if (version.editedByStaffId === reviewerId) return 'ownEdit';
  return null;
}

/** The item's working state: 'draft', 'in_review', 'approved' or 'withdrawn'. */
export type ItemState = 'draft' | 'in_review' | 'approved' | 'withdrawn';

/**
 * Where an edit goes: the working version itself while it is a draft (or in review: the edit takes it back
 * to draft), a new version (current + 1) once it is approved, withdrawn or returned — the public keeps the
 * published one until the new is approved, and a returned version stays as the reviewer saw it.
 */
export function editTargetOf(
  item: { state: string; currentVersion: number },
  currentDecision: string | null,
): { version: number; isNew: boolean } {
  const isClosed = item.state === 'approved' || item.state === 'withdrawn' || currentDecision === 'returned';
  return isClosed
    ? { version: item.currentVersion + 1, isNew: true }
    : { version: item.currentVersion, isNew: false };
}

/** The states the editors' list filters by: the working state, and the public one (scheduled …). */
export const listStates = ['draft', 'in_review', 'scheduled', 'published', 'expired', 'withdrawn'] as const;
export type ListState = (typeof listStates)[number];

export function isListState(value: string): value is ListState {
  return (listStates as readonly string[]).includes(value);
}

/** What the public sees of an item now: nothing (null), or its published version scheduled, shown or expired. */
export function publicStateOf(
  item: {
    state: string;
    publishedVersion: number | null;
    visibleFrom: Date | null;
    visibleUntil: Date | null;
  },
  now: Date,
): 'scheduled' | 'published' | 'expired' | null {
  if (item.state === 'withdrawn' || item.publishedVersion === null || item.visibleFrom === null) return null;
  if (item.visibleFrom > now) return 'scheduled';
  if (item.visibleUntil !== null && item.visibleUntil <= now) return 'expired';
  return 'published';
}

/** A field's value as the versions page shows it: lines for lists, Taiwan time for moments. */
export function shownValueOf(value: VersionFields[keyof VersionFields]): string {
  if (value === null) return '';
  if (value instanceof Date) return typedMomentOf(value);
  if (Array.isArray(value)) return value.join('\n');
  return value;
}

export interface FieldChange {
  field: keyof VersionFields;
  before: string;
  after: string;
}

/** What changed from one version to the next, field by field in page order (all of them for the first). */
export function changedFields(before: VersionFields | null, after: VersionFields): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of versionFieldOrder) {
    const was = before === null ? '' : shownValueOf(before[field]);
    const is = shownValueOf(after[field]);
    if (was !== is) changes.push({ field, before: was, after: is });
  }
  return changes;
}
