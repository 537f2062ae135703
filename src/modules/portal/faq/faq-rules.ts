import type { FieldProblem } from '../../../platform/http/errors.ts';
import { fieldLimits } from '../../../platform/web/components/field-limits.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { faqText as text } from './faq-messages.ts';

/**
 * The FAQ's pure rules: question variants from the editor's lines, what an entry must hold beyond its form's
 * fields, which state allows what, the share of people who found an entry useful, and the feedback limit.
 */

export const faqStates = ['draft', 'published', 'withdrawn'] as const;
export type FaqState = (typeof faqStates)[number];

export const faqLimits = {
  /** Other ways to ask, per language. */
  variants: 20,
  /** Votes ("was this useful?") one client may send an hour: it limits votes, nothing else. */
  feedbackPerClientPerHour: 20,
  /** Entries per page of the public list and the staff list. */
  pageSize: 20,
} as const;

/** The editor's lines as variants: trimmed, blank lines dropped, each once (in the order typed). */
export function variantsOf(typed: string): string[] {
  const seen = new Set<string>();
  const variants: string[] = [];
  for (const line of typed.split('\n')) {
    const variant = line.trim().replace(/\s+/g, ' ');
    if (variant === '' || seen.has(variant)) continue;
    seen.add(variant);
    variants.push(variant);
  }
  return variants;
}

/** What the editor's form holds, as typed (the form's fields). */
export interface EntryValues {
  questionZh: string;
  questionEn: string;
  variantsZh: string;
  variantsEn: string;
  answerZh: string;
  answerEn: string;
  unitCode: string;
  relatedServiceCodes: readonly string[];
  themeCodes: readonly string[];
  cakeCodes: readonly string[];
  serviceCodes: readonly string[];
}

/** The codes the editor may pick from: active units, current services, the loaded classification tables. */
export interface KnownCodes {
  units: ReadonlySet<string>;
  services: ReadonlySet<string>;
  theme: ReadonlySet<string>;
  cake: ReadonlySet<string>;
  service: ReadonlySet<string>;
}

/** Every problem of an entry beyond its fields' own (lengths, required), at once, in the form's order. */
export function entryProblems(values: EntryValues, known: KnownCodes, lang: Lang): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, code: string, message: string) => problems.push({ field, code, message });
  for (const name of ['variantsZh', 'variantsEn'] as const) {
    const variants = variantsOf(values[name]);
    const long = variants.findIndex((variant) => variant.length > fieldLimits.shortText);
    if (variants.length > faqLimits.variants)
      add(name, 'too_many', text(lang, 'tooManyVariants', { limit: faqLimits.variants }));
    else if (long >= 0)
      add(name, 'too_long', text(lang, 'variantTooLong', { line: long + 1, limit: fieldLimits.shortText }));
  }
  const hasEnglishQuestion = values.questionEn.trim() !== '';
  const hasEnglishAnswer = values.answerEn.trim() !== '';
  if (hasEnglishQuestion !== hasEnglishAnswer)
    add(hasEnglishQuestion ? 'answerEn' : 'questionEn', 'english_pair', text(lang, 'englishPair'));
  if (values.unitCode !== '' && !known.units.has(values.unitCode))
    add('unitCode', 'unknown', text(lang, 'unknownUnit'));
  const unknownService = values.relatedServiceCodes.find((code) => !known.services.has(code));
  if (unknownService !== undefined)
    add('relatedServiceCodes', 'unknown', text(lang, 'unknownService', { code: unknownService }));
  const schemes = [
    ['themeCodes', known.theme, 'themeScheme'],
    ['cakeCodes', known.cake, 'cakeScheme'],
    ['serviceCodes', known.service, 'serviceScheme'],
  ] as const;
  for (const [name, codes, scheme] of schemes) {
    const unknown = values[name].find((code) => !codes.has(code));
    if (unknown !== undefined)
      add(name, 'unknown', text(lang, 'unknownCode', { code: unknown, scheme: text(lang, scheme) }));
  }
  return problems;
}

/** Whether an entry in `state` may be published (a draft, or one withdrawn before) or withdrawn. */
export function mayPublish(state: string): boolean {
  return state === 'draft' || state === 'withdrawn';
}

export function mayWithdraw(state: string): boolean {
  return state === 'published';
}

/** The share of "useful" answers, in whole per cent; null while nobody has answered. */
export function usefulShare(yes: number, no: number): number | null {
  const total = yes + no;
  return total === 0 ? null : Math.round((yes / total) * 100);
}

/** The public list's order from its query: 'useful' (most found useful first) or 'newest' (the default). */
export type FaqOrder = 'newest' | 'useful';

export function faqOrderOf(raw: string | undefined): FaqOrder {
  return raw === 'useful' ? 'useful' : 'newest';
}

/** Whether a page in `lang` shows the entry's own words, or the Chinese with the notice that says so. */
export function hasEnglish(entry: { questionEn: string | null; answerEn: string | null }): boolean {
  return (entry.questionEn ?? '').trim() !== '' && (entry.answerEn ?? '').trim() !== '';
}

/** The words of an entry shown in `lang`: its English when it has it, else its Chinese. */
export function wordsIn(
  lang: Lang,
  entry: { questionZh: string; questionEn: string | null; answerZh: string; answerEn: string | null },
): { question: string; answer: string; isChineseShown: boolean } {
  if (lang === 'en' && hasEnglish(entry))
    return { question: entry.questionEn ?? '', answer: entry.answerEn ?? '', isChineseShown: false };
  return { question: entry.questionZh, answer: entry.answerZh, isChineseShown: lang === 'en' };
}
