import type { UnitCode } from '../../../platform/reference/units.ts';

/**
 * The service-quality execution plan (提升服務品質執行計畫) as data: the shape of the transcribed 101 (2012)
 * plan in data/plan-101.ts, of a copy made for a later year, and of every published version's snapshot.
 *
 * Numbers are kept twice: `ordinal` is the normalised position (一 → 1, （三）/(三) → 3, 9. → 9) that the
 * software sorts and validates by; `label` is the number as printed (「一、」, 「（一）」 or 「(三)」, 「1.」,
 * or '' where the seed prints none), so a page can show the plan as it was issued.
 */

/** 完成期限: a month of a 民國 year (101年4月), 「每日」 (every day), or none where the seed gives none. */
export type PracticeDeadline =
  | { readonly kind: 'month'; readonly rocYear: number; readonly month: number }
  | { readonly kind: 'daily' }
  | { readonly kind: 'none' };

export type DeadlineKind = PracticeDeadline['kind'];
export const deadlineKinds: readonly DeadlineKind[] = ['month', 'daily', 'none'];

/** A numbered sub-item of a practice, e.g. 五(一)2's 「(1) 服務流程便捷：…」. */
export interface PracticePart {
  readonly ordinal: number;
  /** As printed: '(1)'. */
  readonly label: string;
  readonly text: string;
}

/** 推動作法 */
export interface PlanPracticeContent {
  readonly ordinal: number;
  /** '1.' … ; '' for a strategy's single unnumbered practice (一(一), 三(四)). */
  readonly label: string;
  readonly text: string;
  readonly parts: readonly PracticePart[];
  readonly deadline: PracticeDeadline;
  /** 承辦單位 「本局各單位暨所屬機關」: every unit of the bureau and its agencies (then `unitCodes` is empty). */
  readonly everyUnit: boolean;
  readonly unitCodes: readonly UnitCode[];
  /** The 承辦單位 cell as printed (「建管處」), null where the seed prints none or an editor changed the units. */
  readonly unitsAsPrinted: string | null;
}

/** 執行策略 */
export interface PlanStrategyContent {
  readonly ordinal: number;
  /** '（一）' or '(三)': the seed mixes full-width and half-width brackets; kept as printed. */
  readonly label: string;
  readonly text: string;
  /** A faithful English translation of the strategy (the English summary page). */
  readonly textEn: string | null;
  /** Its practices summarised in English. */
  readonly practicesSummaryEn: string | null;
  readonly practices: readonly PlanPracticeContent[];
}

/** 實施要項 */
export interface PlanItemContent {
  readonly ordinal: number;
  /** '一、' */
  readonly label: string;
  /** The title as 肆's list of the five items gives it. */
  readonly title: string;
  /** The title the table prints, when it differs from the list's (五: 「提供創新（意）服務情形」). */
  readonly tableTitle: string | null;
  readonly titleEn: string | null;
  readonly strategies: readonly PlanStrategyContent[];
}

/** The English summary of the plan's sections, for /en/plans/:year. */
export interface PlanSummaryEn {
  readonly basis: string;
  readonly goals: string;
  readonly scope: string;
  readonly steps: string;
  readonly control: string;
  readonly closing: string;
}

/** The work-plan template at the end of the seed (工作計畫(參考格式)), for the units' work plans. */
export interface WorkPlanTemplate {
  /** 「工作計畫(參考格式)」 */
  readonly heading: string;
  /** 「適用機關:…」 as printed. */
  readonly appliesTo: string;
  /** 「參考範例」 */
  readonly exampleLabel: string;
  /** 「○○○○○○(機關全銜)101 年度提昇服務品質工作計畫」 */
  readonly exampleTitle: string;
  /** 壹 … 伍 of a work plan. */
  readonly sections: readonly {
    readonly label: string;
    readonly title: string;
    readonly subtitle?: string;
  }[];
  /** The table under 肆: its column headings and the example rows as printed ('' for an empty cell). */
  readonly table: {
    readonly columns: readonly string[];
    readonly exampleRows: readonly (readonly string[])[];
  };
  /** 「備註：上揭案例僅供參照，…」 */
  readonly note: string;
}

/**
 * A whole plan. The list sections (壹 basis, 貳 goals, 伍 steps, 陸 control, 柒 closing) are their clauses
 * without the 「一、」「二、」 labels, which are always 一、二、三… in order and are printed from the position.
 */
export interface PlanContent {
  /** 西元 */
  readonly year: number;
  readonly title: string;
  readonly titleEn: string | null;
  /** 壹、計畫依據 */
  readonly basis: readonly string[];
  /** 貳、計畫目標 */
  readonly goals: readonly string[];
  /** 參、實施對象 */
  readonly scope: string;
  /** 肆、計畫內容: the sentence before the five items. */
  readonly contentIntro: string;
  readonly items: readonly PlanItemContent[];
  /** 伍、實施步驟 */
  readonly steps: readonly string[];
  /** 陸、管制查考 */
  readonly control: readonly string[];
  /** 柒: printed without a heading, a closing clause (amendments and supplements). */
  readonly closing: readonly string[];
  readonly summaryEn: PlanSummaryEn | null;
  readonly workPlanTemplate: WorkPlanTemplate;
}

/** 民國 year of a 西元 year. */
export function rocYearOf(year: number): number {
  return year - 1911;
}

export const chineseDigits = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'] as const;

/** 1 → 一, 12 → 十二, 20 → 二十, up to 99. */
export function chineseNumeral(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 99) return String(value);
  if (value <= 10) return chineseDigits[value - 1] ?? String(value);
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  return `${tens === 1 ? '' : chineseDigits[tens - 1]}十${ones === 0 ? '' : chineseDigits[ones - 1]}`;
}

/** The label a new (or renumbered) entry gets: 一、 / (一) / 1. — the forms the seed uses most. */
export function defaultLabel(level: 'item' | 'strategy' | 'practice', ordinal: number): string {
  if (level === 'item') return `${chineseNumeral(ordinal)}、`;
  if (level === 'strategy') return `(${chineseNumeral(ordinal)})`;
  return `${ordinal}.`;
}

/**
 * How the seed and REQUIREMENTS.md cite a practice: 「二(四)3」 (item 二, strategy (四), practice 3), or
 * 「一(一)」 for a strategy's single unnumbered practice.
 */
export function practiceRef(
  item: number,
  strategy: number,
  practice: { ordinal: number; label: string },
): string {
  const base = strategyRef(item, strategy);
  return practice.label === '' ? base : `${base}${practice.ordinal}`;
}

/** 「二(四)」 */
export function strategyRef(item: number, strategy: number): string {
  return `${itemRef(item)}(${chineseNumeral(strategy)})`;
}

/** 「二」 */
export function itemRef(item: number): string {
  return chineseNumeral(item);
}

/** The same plan as stored: every entry with its stable id. A published version's snapshot is one. */
export interface PlanPractice extends PlanPracticeContent {
  readonly id: string;
}
export interface PlanStrategy extends Omit<PlanStrategyContent, 'practices'> {
  readonly id: string;
  readonly practices: readonly PlanPractice[];
}
export interface PlanItem extends Omit<PlanItemContent, 'strategies'> {
  readonly id: string;
  readonly strategies: readonly PlanStrategy[];
}
export interface PlanSnapshot extends Omit<PlanContent, 'items'> {
  readonly items: readonly PlanItem[];
}

/**
 * What a change to a plan did: the change log's (shown in the reader's language) and the audit log's
 * (`control.<action>`).
 */
export const planChangeActions = [
  'header_saved',
  'item_added',
  'item_saved',
  'item_removed',
  'strategy_added',
  'strategy_saved',
  'strategy_removed',
  'practice_added',
  'practice_saved',
  'practice_removed',
] as const;
export type PlanChangeAction = (typeof planChangeActions)[number];

/** Ids of a plan's entries in order, for pages that link to them. */
export function practicesOf(
  plan: Pick<PlanSnapshot, 'items'>,
): { item: PlanItem; strategy: PlanStrategy; practice: PlanPractice }[] {
  return plan.items.flatMap((item) =>
    item.strategies.flatMap((strategy) =>
      strategy.practices.map((practice) => ({ item, strategy, practice })),
    ),
  );
}
