import type { FieldProblem } from '../../../platform/http/errors.ts';
import type { UnitCode } from '../../../platform/reference/units.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { plansText as text } from './plan-messages.ts';
import {
  chineseNumeral,
  type DeadlineKind,
  deadlineKinds,
  defaultLabel,
  type PlanSnapshot,
  type PlanSummaryEn,
  type PracticeDeadline,
  type PracticePart,
  rocYearOf,
  strategyRef,
} from './plan-types.ts';

/**
 * The rules an editor's input must meet, checked without a database (the caller passes the plan, the
 * sibling entries and the units), so every problem is listed at once and the rules are unit-testable: the
 * entries' forms, removal, copying (and a copy's title) and what publishing needs.
 * Each function takes what a form sends (strings) and returns the value read from it, or every problem;
 * `field` is the form input's name, so a page can link each problem to its input.
 */

export type Validation<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

/** The plan an entry belongs to. */
export interface PlanContext {
  year: number;
  rocYear: number;
  isPublished: boolean;
}

/** Another entry at the same level (the entry being edited is not among them). */
export interface Sibling {
  ordinal: number;
  label: string;
}

/** The entry being edited, when it exists: its label is kept while its number does not change. */
export interface Current {
  ordinal: number;
  label: string;
}

export interface ItemForm {
  number: string;
  title: string;
  tableTitle: string;
  titleEn: string;
  reason: string;
}

export interface StrategyForm {
  number: string;
  text: string;
  textEn: string;
  practicesSummaryEn: string;
  reason: string;
}

export interface PracticeForm {
  /** Blank: the strategy's single unnumbered practice (as 一(一) and 三(四) are printed). */
  number: string;
  text: string;
  /** One sub-item a line; a leading 「(1)」 is the label and may be left out. */
  parts: string;
  deadlineKind: string;
  deadlineRocYear: string;
  deadlineMonth: string;
  everyUnit: boolean;
  unitCodes: readonly string[];
  reason: string;
}

export interface HeaderForm {
  title: string;
  titleEn: string;
  /** Clauses one a line, without their 一、 labels. */
  basis: string;
  goals: string;
  scope: string;
  contentIntro: string;
  steps: string;
  control: string;
  closing: string;
  summaryEnBasis: string;
  summaryEnGoals: string;
  summaryEnScope: string;
  summaryEnSteps: string;
  summaryEnControl: string;
  summaryEnClosing: string;
  reason: string;
}

export interface RemoveForm {
  confirm: boolean;
  reason: string;
}

export interface CopyForm {
  fromYear: string;
  toYear: string;
}

export interface ItemInput {
  ordinal: number;
  label: string;
  title: string;
  tableTitle: string | null;
  titleEn: string | null;
}

export interface StrategyInput {
  ordinal: number;
  label: string;
  text: string;
  textEn: string | null;
  practicesSummaryEn: string | null;
}

export interface PracticeInput {
  ordinal: number;
  label: string;
  text: string;
  parts: PracticePart[];
  deadline: PracticeDeadline;
  everyUnit: boolean;
  unitCodes: UnitCode[];
}

export interface HeaderInput {
  title: string;
  titleEn: string | null;
  basis: string[];
  goals: string[];
  scope: string;
  contentIntro: string;
  steps: string[];
  control: string[];
  closing: string[];
  summaryEn: PlanSummaryEn | null;
}

export const limits = {
  title: 200,
  shortText: 500,
  text: 4000,
  clause: 2000,
  english: 6000,
  reason: 1000,
  /** A list section of the plan's texts (壹, 貳, 伍, 陸, 柒): its clauses together. */
  section: 20000,
  parts: 20,
  ordinal: 99,
} as const;

/**
 * The last year whose plan may name a unit that has since been reorganised (養護工程處): the 2012 plan
 * names it, and the sources at hand do not say when it was split (units.ts), so later plans may not.
 */
export const lastYearOfFormerUnits = 2012;

/** Form text: trimmed, Windows line ends made plain. */
function clean(value: string): string {
  return value.replace(/\r\n?/g, '\n').trim();
}

/** One-line Chinese text: line breaks a textarea added are dropped (as the seed's table breaks were). */
function oneLine(value: string, joiner = ''): string {
  return clean(value).replace(/\s*\n\s*/g, joiner);
}

/** A textarea of clauses, one a line; blank lines are not clauses. */
export function clausesOf(value: string): string[] {
  return clean(value)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** `3`, `３`, `三`, `十二`, `(三)`, `（三）`, `三、`, `3.` → the number; null when it is not one. */
export function parseOrdinal(value: string): number | null {
  const bare = value
    .normalize('NFKC')
    .trim()
    .replace(/^[(（]\s*/, '')
    .replace(/\s*[)）]$/, '')
    .replace(/[、.]$/, '')
    .trim();
  if (/^\d{1,3}$/.test(bare)) return Number(bare);
  for (let candidate = 1; candidate <= limits.ordinal; candidate += 1) {
    if (chineseNumeral(candidate) === bare) return candidate;
  }
  return null;
}

/** A whole number from a form (full-width digits allowed), or null. */
function wholeNumber(value: string): number | null {
  const bare = value.normalize('NFKC').trim();
  return /^\d{1,4}$/.test(bare) ? Number(bare) : null;
}

/** An optional text as stored: null when left empty. */
const orNull = (value: string): string | null => (value === '' ? null : value);

class Problems {
  readonly list: FieldProblem[] = [];
  constructor(readonly lang: Lang) {}
  /** Every problem found, or the value read from the form when there is none. */
  outcome<T>(value: () => T): Validation<T> {
    return this.list.length > 0 ? { ok: false, problems: this.list } : { ok: true, value: value() };
  }
  add(field: string, code: string, message: string): void {
    this.list.push({ field, code, message });
  }
  requireText(field: string, value: string, max: number): void {
    if (value === '') this.add(field, 'required', text(this.lang, 'required'));
    else if (value.length > max) this.add(field, 'too_long', text(this.lang, 'tooLong', { max }));
  }
  optionalText(field: string, value: string, max: number): void {
    if (value.length > max) this.add(field, 'too_long', text(this.lang, 'tooLong', { max }));
  }
  reason(plan: PlanContext, reason: string): void {
    const value = clean(reason);
    if (!plan.isPublished) return;
    if (value === '') this.add('reason', 'reason_required', text(this.lang, 'reasonRequired'));
    else if (value.length > limits.reason)
      this.add('reason', 'too_long', text(this.lang, 'tooLong', { max: limits.reason }));
  }
}

/**
 * The number of an item or strategy: required, 1–99, not used by a sibling. Returns the ordinal and the
 * label (kept as printed while the number stays the same).
 */
function readNumber(
  problems: Problems,
  level: 'item' | 'strategy',
  raw: string,
  siblings: readonly Sibling[],
  current: Current | null,
): { ordinal: number; label: string } {
  const lang = problems.lang;
  const value = raw.trim();
  if (value === '') {
    problems.add('number', 'required', text(lang, 'numberRequired'));
    return { ordinal: 1, label: '' };
  }
  const ordinal = parseOrdinal(value);
  if (ordinal === null || ordinal < 1 || ordinal > limits.ordinal) {
    problems.add('number', 'invalid_number', text(lang, 'invalidNumber', { max: limits.ordinal }));
    return { ordinal: 1, label: '' };
  }
  const taken = siblings.find((sibling) => sibling.ordinal === ordinal);
  if (taken)
    problems.add(
      'number',
      'duplicate_number',
      text(lang, level === 'item' ? 'duplicateItemNumber' : 'duplicateStrategyNumber', {
        number: chineseNumeral(ordinal),
      }),
    );
  const label =
    current?.ordinal === ordinal && current.label !== '' ? current.label : defaultLabel(level, ordinal);
  return { ordinal, label };
}

export function validateItem(
  form: ItemForm,
  context: { plan: PlanContext; siblings: readonly Sibling[]; current: Current | null },
  lang: Lang,
): Validation<ItemInput> {
  const problems = new Problems(lang);
  const number = readNumber(problems, 'item', form.number, context.siblings, context.current);
  const title = oneLine(form.title);
  const tableTitle = oneLine(form.tableTitle);
  const titleEn = oneLine(form.titleEn, ' ');
  problems.requireText('title', title, limits.title);
  problems.optionalText('tableTitle', tableTitle, limits.title);
  problems.optionalText('titleEn', titleEn, limits.shortText);
  problems.reason(context.plan, form.reason);
  return problems.outcome(() => ({
    ...number,
    title,
    tableTitle: tableTitle === title ? null : orNull(tableTitle),
    titleEn: orNull(titleEn),
  }));
}

export function validateStrategy(
  form: StrategyForm,
  context: { plan: PlanContext; siblings: readonly Sibling[]; current: Current | null },
  lang: Lang,
): Validation<StrategyInput> {
  const problems = new Problems(lang);
  const number = readNumber(problems, 'strategy', form.number, context.siblings, context.current);
  const strategyText = oneLine(form.text);
  const textEn = oneLine(form.textEn, ' ');
  const practicesSummaryEn = oneLine(form.practicesSummaryEn, ' ');
  problems.requireText('text', strategyText, limits.text);
  problems.optionalText('textEn', textEn, limits.english);
  problems.optionalText('practicesSummaryEn', practicesSummaryEn, limits.english);
  problems.reason(context.plan, form.reason);
  return problems.outcome(() => ({
    ...number,
    text: strategyText,
    textEn: orNull(textEn),
    practicesSummaryEn: orNull(practicesSummaryEn),
  }));
}

/** 「(1) 服務流程便捷：…」 or 「服務流程便捷：…」 → the text; labels are (1), (2)… in order. */
export function partsOf(value: string): PracticePart[] {
  return clausesOf(value).map((line, index) => ({
    ordinal: index + 1,
    label: `(${index + 1})`,
    text: line.replace(/^[(（]\s*[0-9０-９]{1,2}\s*[)）]\s*/, ''),
  }));
}

/** The units a practice may name: code → whether the unit is still active. */
export type KnownUnits = ReadonlyMap<string, boolean>;

export function validatePractice(
  form: PracticeForm,
  context: {
    plan: PlanContext;
    siblings: readonly Sibling[];
    current: Current | null;
    units: KnownUnits;
  },
  lang: Lang,
): Validation<PracticeInput> {
  const problems = new Problems(lang);
  const { plan, siblings, current } = context;

  // The number: blank only for a strategy's single practice, as the seed prints 一(一) and 三(四).
  let ordinal = 1;
  let label = '';
  const rawNumber = form.number.trim();
  if (rawNumber === '') {
    if (siblings.length > 0) problems.add('number', 'number_required', text(lang, 'practiceNumberRequired'));
  } else {
    const parsed = wholeNumber(rawNumber.replace(/\.$/, ''));
    if (parsed === null || parsed < 1 || parsed > limits.ordinal) {
      problems.add('number', 'invalid_number', text(lang, 'invalidPracticeNumber', { max: limits.ordinal }));
    } else {
      ordinal = parsed;
      label =
        current?.ordinal === parsed && current.label !== ''
          ? current.label
          : defaultLabel('practice', parsed);
      if (siblings.some((sibling) => sibling.ordinal === parsed))
        problems.add('number', 'duplicate_number', text(lang, 'duplicatePracticeNumber', { number: parsed }));
      else if (siblings.some((sibling) => sibling.label === ''))
        problems.add('number', 'unnumbered_sibling', text(lang, 'unnumberedSibling'));
    }
  }

  const practiceText = oneLine(form.text);
  problems.requireText('text', practiceText, limits.text);

  const parts = partsOf(form.parts);
  if (parts.length > limits.parts)
    problems.add('parts', 'too_many', text(lang, 'tooManyParts', { max: limits.parts }));
  if (parts.some((part) => part.text === '' || part.text.length > limits.clause))
    problems.add('parts', 'invalid_part', text(lang, 'invalidPart', { max: limits.clause }));

  let deadline: PracticeDeadline = { kind: 'none' };
  const kind = form.deadlineKind as DeadlineKind;
  if (!deadlineKinds.includes(kind)) {
    problems.add('deadlineKind', 'invalid_deadline_kind', text(lang, 'deadlineKindRequired'));
  } else if (kind === 'month') {
    const rocYear = wholeNumber(form.deadlineRocYear);
    const month = wholeNumber(form.deadlineMonth);
    const earliest = plan.rocYear - 1;
    const latest = plan.rocYear + 5;
    if (form.deadlineRocYear.trim() === '')
      problems.add('deadlineRocYear', 'required', text(lang, 'deadlineYearRequired'));
    else if (rocYear === null || rocYear < earliest || rocYear > latest)
      problems.add(
        'deadlineRocYear',
        'invalid_year',
        text(lang, 'deadlineYearRange', { earliest, latest, planRocYear: plan.rocYear }),
      );
    if (form.deadlineMonth.trim() === '')
      problems.add('deadlineMonth', 'required', text(lang, 'deadlineMonthRequired'));
    else if (month === null || month < 1 || month > 12)
      problems.add('deadlineMonth', 'invalid_month', text(lang, 'deadlineMonthRange'));
    if (rocYear !== null && month !== null) deadline = { kind: 'month', rocYear, month };
  } else {
    deadline = { kind };
  }

  const unitCodes: UnitCode[] = [];
  for (const code of new Set(form.unitCodes.map((value) => value.trim()).filter((value) => value !== ''))) {
    const isActive = context.units.get(code);
    if (isActive === undefined)
      problems.add('unitCodes', 'unknown_unit', text(lang, 'unknownUnit', { code }));
    else if (!isActive && plan.year > lastYearOfFormerUnits)
      problems.add('unitCodes', 'inactive_unit', text(lang, 'inactiveUnit', { code }));
    else unitCodes.push(code as UnitCode);
  }
  if (form.everyUnit && form.unitCodes.some((value) => value.trim() !== ''))
    problems.add('everyUnit', 'every_unit_and_units', text(lang, 'everyUnitAndUnits'));

  problems.reason(plan, form.reason);
  return problems.outcome(() => ({
    ordinal,
    label,
    text: practiceText,
    parts,
    deadline,
    everyUnit: form.everyUnit,
    unitCodes: form.everyUnit ? [] : unitCodes,
  }));
}

export function validateHeader(form: HeaderForm, plan: PlanContext, lang: Lang): Validation<HeaderInput> {
  const problems = new Problems(lang);
  const title = oneLine(form.title);
  const titleEn = oneLine(form.titleEn, ' ');
  problems.requireText('title', title, limits.title);
  problems.optionalText('titleEn', titleEn, limits.shortText);
  const lists = {
    basis: clausesOf(form.basis),
    goals: clausesOf(form.goals),
    steps: clausesOf(form.steps),
    control: clausesOf(form.control),
    closing: clausesOf(form.closing),
  };
  for (const name of ['basis', 'goals', 'steps', 'control'] as const) {
    if (lists[name].length === 0) problems.add(name, 'required', text(lang, 'clausesRequired'));
  }
  for (const [name, clauses] of Object.entries(lists)) {
    if (clauses.some((clause) => clause.length > limits.clause))
      problems.add(name, 'too_long', text(lang, 'clauseTooLong', { max: limits.clause }));
  }
  const scope = oneLine(form.scope);
  const contentIntro = oneLine(form.contentIntro);
  problems.requireText('scope', scope, limits.shortText);
  problems.requireText('contentIntro', contentIntro, limits.shortText);
  const english = {
    basis: clean(form.summaryEnBasis),
    goals: clean(form.summaryEnGoals),
    scope: clean(form.summaryEnScope),
    steps: clean(form.summaryEnSteps),
    control: clean(form.summaryEnControl),
    closing: clean(form.summaryEnClosing),
  };
  for (const [name, value] of Object.entries(english)) {
    problems.optionalText(`summaryEn${name[0]?.toUpperCase()}${name.slice(1)}`, value, limits.english);
  }
  problems.reason(plan, form.reason);
  const hasEnglish = Object.values(english).some((value) => value !== '');
  return problems.outcome(() => ({
    title,
    titleEn: orNull(titleEn),
    ...lists,
    scope,
    contentIntro,
    summaryEn: hasEnglish ? english : null,
  }));
}

export function validateRemoval(form: RemoveForm, plan: PlanContext, lang: Lang): Validation<true> {
  const problems = new Problems(lang);
  if (!form.confirm) problems.add('confirm', 'confirm_required', text(lang, 'confirmRequired'));
  problems.reason(plan, form.reason);
  return problems.outcome(() => true as const);
}

export const yearRange = { earliest: 1912, latest: 2200 } as const;

/** The copy form: a published plan to copy from and a year that has no plan yet (checked by the caller). */
export function validateCopy(
  form: CopyForm,
  known: { publishedYears: ReadonlySet<number>; takenYears: ReadonlySet<number> },
  lang: Lang,
): Validation<{ fromYear: number; toYear: number }> {
  const problems = new Problems(lang);
  const fromYear = wholeNumber(form.fromYear);
  if (form.fromYear.trim() === '') problems.add('fromYear', 'required', text(lang, 'fromYearRequired'));
  else if (fromYear === null || !known.publishedYears.has(fromYear))
    problems.add('fromYear', 'not_published', text(lang, 'fromYearUnknown', { year: form.fromYear.trim() }));
  const toYear = wholeNumber(form.toYear);
  if (form.toYear.trim() === '') problems.add('toYear', 'required', text(lang, 'toYearRequired'));
  else if (toYear === null || toYear < yearRange.earliest || toYear > yearRange.latest)
    problems.add('toYear', 'invalid_year', text(lang, 'toYearRange', yearRange));
  else if (known.takenYears.has(toYear))
    problems.add('toYear', 'year_taken', text(lang, 'toYearTaken', { year: toYear, rocYear: toYear - 1911 }));
  if (problems.list.length > 0 || fromYear === null || toYear === null)
    return { ok: false, problems: problems.list };
  return { ok: true, value: { fromYear, toYear } };
}

/** 「高雄市政府工務局 101 年度…」 → 「… 116 年度…」: the title's 民國 year follows the copy. */
export function retitle(title: string, fromRocYear: number, toRocYear: number): string {
  return title.replace(new RegExp(`(^|[^0-9])${fromRocYear}(\\s*年度)`), `$1${toRocYear}$2`);
}

/** The English title's years follow the copy too (2012 → 2027, ROC year 101 → 116). */
export function retitleEn(title: string, fromYear: number, toYear: number): string {
  return title
    .replace(new RegExp(`\\b${fromYear}\\b`, 'g'), String(toYear))
    .replace(new RegExp(`ROC year ${rocYearOf(fromYear)}\\b`, 'g'), `ROC year ${rocYearOf(toYear)}`);
}

/** What a plan needs before it can be published: every problem, each naming the entry it is about. */
export function publicationProblems(plan: PlanSnapshot, lang: Lang): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (plan.items.length === 0)
    problems.push({ field: 'items', code: 'no_items', message: text(lang, 'noItems') });
  for (const item of plan.items) {
    if (item.strategies.length === 0)
      problems.push({
        field: `item-${item.id}`,
        code: 'no_strategies',
        message: text(lang, 'noStrategies', { item: `${item.label}${item.title}` }),
      });
    for (const strategy of item.strategies) {
      if (strategy.practices.length === 0)
        problems.push({
          field: `strategy-${strategy.id}`,
          code: 'no_practices',
          message: text(lang, 'noPractices', {
            strategy: strategyRef(item.ordinal, strategy.ordinal),
          }),
        });
    }
  }
  return problems;
}
