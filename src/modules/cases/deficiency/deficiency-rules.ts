import { addCalendarDays, localDate } from '../../../platform/calendar/working-days.ts';
import type { FieldProblem } from '../../../platform/http/errors.ts';
import { hasUnusableCharacter } from '../../../platform/web/components/read-form.ts';
import { isIsoDate, normaliseDateInput } from '../../../platform/web/date-input.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { deficiencyText } from './deficiency-messages.ts';
import type { DeficiencyItem, DeficiencySupplementItem } from './deficiency-schema.ts';

/**
 * The one-time deficiency notice's rules, without the database (unit-tested in deficiency-rules.test.ts):
 * what the handler may list and the date to supplement by, and whether a supplement answers every item.
 */

export const deficiencyLimits = {
  /** The date to supplement by is proposed this many calendar days after today. */
  defaultDays: 15,
  /** …and may be at most this many calendar days after today (and at least tomorrow). */
  maxDays: 60,
  /** Free-text items a notice may add to the checklist and the form's fields. */
  maxOtherItems: 5,
  noteMaxLength: 500,
  reasonMaxLength: 2000,
  answerMaxLength: 2000,
} as const;

/** Something the handler may tick: a checklist item of the service or one of its form's fields. */
export interface DeficiencyCandidate {
  key: string;
  kind: 'checklist' | 'field';
  refId: string;
  labelZh: string;
  labelEn: string;
  /** A field's answer as the applicant gave it (kind `field`), else null. */
  currentAnswer: string | null;
  /** A choice field's values, to check a corrected answer. */
  choices?: readonly string[];
  isNumber?: boolean;
  isDate?: boolean;
}

/** The names of a candidate's inputs on the issuing page (`tick.checklist.plan`, `note.checklist.plan`). */
export function inputNameOf(prefix: string, key: string): string {
  return `${prefix}.${key.replace(':', '.')}`;
}

export function otherInputName(index: number): string {
  return `other.${index}`;
}

/** A posted form's text by name ('' when absent). */
export type Posted = (name: string) => string;

function textProblem(
  field: string,
  text: string,
  maxLength: number,
  lang: Lang,
  requiredKey: Parameters<typeof deficiencyText>[1],
): FieldProblem | null {
  if (text === '') return { field, code: 'required', message: deficiencyText(lang, requiredKey) };
  if (hasUnusableCharacter(text))
    return { field, code: 'notAllowed', message: deficiencyText(lang, 'unusableCharacter') };
  if ([...text].length > maxLength)
    return { field, code: 'tooLong', message: deficiencyText(lang, 'tooLong', { limit: maxLength }) };
  return null;
}

/** One line of text: a note keeps no line breaks (each item is one line in the e-mail). */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The date the page proposes: today plus the default days. */
export function defaultSupplementBy(today: string): string {
  return addCalendarDays(localDate(today), deficiencyLimits.defaultDays);
}

/** The last date the handler may set. */
export function latestSupplementBy(today: string): string {
  return addCalendarDays(localDate(today), deficiencyLimits.maxDays);
}

/** The date to supplement by, as typed (2026-12-20, 115/12/20 …): after today, at most maxDays after it. */
export function supplementByProblems(
  typed: string,
  today: string,
  lang: Lang,
): { date: string; problems: FieldProblem[] } {
  const date = normaliseDateInput(typed);
  const field = 'supplementBy';
  if (date === '')
    return { date, problems: [{ field, code: 'required', message: deficiencyText(lang, 'dateRequired') }] };
  if (!isIsoDate(date))
    return { date, problems: [{ field, code: 'invalid', message: deficiencyText(lang, 'dateInvalid') }] };
  if (date <= today)
    return { date, problems: [{ field, code: 'past', message: deficiencyText(lang, 'dateNotAfterToday') }] };
  const latest = latestSupplementBy(today);
  if (date > latest)
    return {
      date,
      problems: [
        {
          field,
          code: 'too_late',
          message: deficiencyText(lang, 'dateTooLate', { days: deficiencyLimits.maxDays, latest }),
        },
      ],
    };
  return { date, problems: [] };
}

export interface ReadDraft {
  items: DeficiencyItem[];
  supplementBy: string;
  approvalReason: string;
  problems: FieldProblem[];
  /** What was typed, to show again. */
  values: Record<string, string>;
}

/**
 * The issuing form read: every ticked item with its note (a note is required for each), the free-text
 * items, the date, and the reason for a second notice. Every problem at once.
 */
export function readDraft(
  posted: Posted,
  options: { candidates: readonly DeficiencyCandidate[]; today: string; isSecond: boolean; lang: Lang },
): ReadDraft {
  const { lang } = options;
  const problems: FieldProblem[] = [];
  const items: DeficiencyItem[] = [];
  const values: Record<string, string> = {};
  for (const candidate of options.candidates) {
    const tickName = inputNameOf('tick', candidate.key);
    const noteName = inputNameOf('note', candidate.key);
    const isTicked = posted(tickName).trim() !== '';
    const note = oneLine(posted(noteName));
    if (isTicked) values[tickName] = 'yes';
    values[noteName] = note;
    if (!isTicked) {
      if (note !== '')
        problems.push({
          field: tickName,
          code: 'not_ticked',
          message: deficiencyText(lang, 'noteNotTicked'),
        });
      continue;
    }
    const problem = textProblem(noteName, note, deficiencyLimits.noteMaxLength, lang, 'noteRequired');
    if (problem !== null) problems.push(problem);
    items.push({
      key: candidate.key,
      kind: candidate.kind,
      refId: candidate.refId,
      labelZh: candidate.labelZh,
      labelEn: candidate.labelEn,
      note,
    });
  }
  for (let index = 1; index <= deficiencyLimits.maxOtherItems; index++) {
    const name = otherInputName(index);
    const text = oneLine(posted(name));
    values[name] = text;
    if (text === '') continue;
    const problem = textProblem(name, text, deficiencyLimits.noteMaxLength, lang, 'noteRequired');
    if (problem !== null) problems.push(problem);
    items.push({
      key: `other:${index}`,
      kind: 'other',
      refId: null,
      labelZh: `其他事項 ${index}`,
      labelEn: `Other item ${index}`,
      note: text,
    });
  }
  if (items.length === 0 && problems.length === 0)
    problems.unshift({ field: 'items', code: 'required', message: deficiencyText(lang, 'itemsRequired') });
  const typedDate = posted('supplementBy').trim();
  values.supplementBy = typedDate;
  const date = supplementByProblems(typedDate, options.today, lang);
  problems.push(...date.problems);
  const approvalReason = posted('approvalReason').trim();
  values.approvalReason = approvalReason;
  if (options.isSecond) {
    const problem = textProblem(
      'approvalReason',
      approvalReason,
      deficiencyLimits.reasonMaxLength,
      lang,
      'approvalReasonRequired',
    );
    if (problem !== null) problems.push(problem);
  }
  return { items, supplementBy: date.date, approvalReason, problems, values };
}

/** The notice's items as the case's reason and the e-mail read them: one line each, label and note. */
export function itemsAsText(items: readonly DeficiencyItem[], lang: Lang): string {
  return items
    .map((item) => {
      const label = lang === 'en' ? item.labelEn : item.labelZh;
      if (item.kind === 'other') return item.note;
      return lang === 'en' ? `${label}: ${item.note}` : `${label}：${item.note}`;
    })
    .join('\n');
}

/** What the applicant (or the clerk) sent for one item. */
export interface SupplementAnswer {
  answer: string;
  reply: string;
  fileCount: number;
  /** The clerk's tick: brought in on paper. */
  isBroughtIn: boolean;
}

/** The input names of the supplement form for an item. */
export function supplementInputName(kind: 'file' | 'answer' | 'reply' | 'brought', key: string): string {
  return inputNameOf(kind, key);
}

/**
 * Whether the supplement answers every listed item, and how: online, a checklist item needs a file, a field
 * a corrected answer (of the field's kind), a free-text item a reply; at the counter each item is ticked as
 * brought in (files and answers optional). Every item missing is one problem naming it.
 */
export function supplementProblems(
  items: readonly DeficiencyItem[],
  answers: ReadonlyMap<string, SupplementAnswer>,
  options: {
    via: 'online' | 'counter';
    lang: Lang;
    fieldRules: ReadonlyMap<string, Pick<DeficiencyCandidate, 'choices' | 'isNumber' | 'isDate'>>;
  },
): FieldProblem[] {
  const { lang } = options;
  const problems: FieldProblem[] = [];
  for (const item of items) {
    const given = answers.get(item.key) ?? { answer: '', reply: '', fileCount: 0, isBroughtIn: false };
    const label = lang === 'en' ? item.labelEn : item.labelZh;
    if (options.via === 'counter') {
      if (!given.isBroughtIn)
        problems.push({
          field: supplementInputName('brought', item.key),
          code: 'missing',
          message: deficiencyText(lang, 'itemNotBroughtIn', { item: label }),
        });
    } else if (item.kind === 'checklist' && given.fileCount === 0) {
      problems.push({
        field: supplementInputName('file', item.key),
        code: 'missing',
        message: deficiencyText(lang, 'itemFileMissing', { item: label }),
      });
    } else if (item.kind === 'other') {
      const problem = textProblem(
        supplementInputName('reply', item.key),
        given.reply,
        deficiencyLimits.answerMaxLength,
        lang,
        'replyRequired',
      );
      if (problem !== null)
        problems.push({
          ...problem,
          message: lang === 'en' ? `${label}: ${problem.message}` : `${label}：${problem.message}`,
        });
    }
    if (item.kind === 'field' && (options.via === 'online' || given.answer !== '')) {
      const field = supplementInputName('answer', item.key);
      const rules = options.fieldRules.get(item.refId ?? '') ?? {};
      const problem = textProblem(
        field,
        given.answer,
        deficiencyLimits.answerMaxLength,
        lang,
        'answerRequired',
      );
      const withLabel = (message: string) =>
        lang === 'en' ? `${label}: ${message}` : `${label}：${message}`;
      if (problem !== null) problems.push({ ...problem, message: withLabel(problem.message) });
      else if (rules.choices !== undefined && !rules.choices.includes(given.answer))
        problems.push({ field, code: 'choose', message: withLabel(deficiencyText(lang, 'answerChoose')) });
      else if (rules.isNumber && !/^\d+(\.\d+)?$/.test(given.answer))
        problems.push({ field, code: 'number', message: withLabel(deficiencyText(lang, 'answerNumber')) });
      else if (rules.isDate && !isIsoDate(normaliseDateInput(given.answer)))
        problems.push({ field, code: 'date', message: withLabel(deficiencyText(lang, 'dateInvalid')) });
    }
  }
  return problems;
}

/** The supplement as kept on the notice, item by item (the previous answers of fields as they were). */
export function supplementRecord(
  items: readonly DeficiencyItem[],
  answers: ReadonlyMap<string, SupplementAnswer>,
  previous: Readonly<Record<string, string>>,
  attachmentIds: ReadonlyMap<string, string[]>,
): DeficiencySupplementItem[] {
  return items.map((item) => {
    const given = answers.get(item.key);
    const record: DeficiencySupplementItem = {
      key: item.key,
      attachmentIds: attachmentIds.get(item.key) ?? [],
    };
    if (item.kind === 'field' && given !== undefined && given.answer !== '') {
      record.previousAnswer = previous[item.refId ?? ''] ?? null;
      record.answer = given.answer;
    }
    if (item.kind === 'other' && given !== undefined && given.reply !== '') record.reply = given.reply;
    return record;
  });
}

/** The date has passed (Taipei): the day after `supplementBy` or later. */
export function hasLapsed(supplementBy: string, today: string): boolean {
  return today > supplementBy;
}
