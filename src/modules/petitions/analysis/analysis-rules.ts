/**
 * The case-type analysis's rules, without the database: the handling-time histogram's buckets and the p90 read
 * from it, the roll-up's grains (which dimensions a row keeps), months as typed, and the figures of a group.
 */

/** The dimensions a roll-up row may keep, each with its bit in the row's grain. */
export const analysisDimensions = ['type', 'unit', 'district', 'source'] as const;
export type AnalysisDimension = (typeof analysisDimensions)[number];
/** A breakdown of the page: one of the dimensions, or the month. */
export type AnalysisBreakdown = AnalysisDimension | 'month';

/** The value a roll-up row holds for a dimension it does not keep (no code is '*'). */
export const allValues = '*';
/** The value a petition without a district holds in the roll-up. */
export const noDistrict = '';

/** Bit of each dimension in a grain: SQL's grouping(service_code, unit_code, district_code, source) order. */
export const dimensionBit: Readonly<Record<AnalysisDimension, number>> = {
  type: 8,
  unit: 4,
  district: 2,
  source: 1,
};

/** The grain of rows keeping exactly these dimensions. */
export function grainOf(dimensions: Iterable<AnalysisDimension>): number {
  let grain = 0;
  for (const dimension of new Set(dimensions)) grain |= dimensionBit[dimension];
  return grain;
}

/**
 * Lower bounds (days) of the handling-time buckets: one a day up to 45 days (a petition's outer limit is 30
 * working days, about 42 calendar days), five days up to 90, then 90–120, 120–180, 180–365 and 365 or more.
 * The p90 is exact to the day below 45 days.
 */
export const handlingBucketBounds: readonly number[] = [
  ...Array.from({ length: 45 }, (_, day) => day),
  ...Array.from({ length: 9 }, (_, step) => 45 + step * 5),
  90,
  120,
  180,
  365,
];

export const handlingBucketCount = handlingBucketBounds.length;

/** The bucket of a handling time in days (SQL: width_bucket(days, bounds[1..])). */
export function handlingBucketOf(days: number): number {
  let bucket = 0;
  for (let index = 1; index < handlingBucketBounds.length; index += 1)
    if (days >= (handlingBucketBounds[index] as number)) bucket = index;
  return bucket;
}

/**
 * The p90 from the histogram, as "90 % were finished within N days": the upper bound of the bucket that holds
 * the nearest-rank 90th percentile (⌈0.9·n⌉-th fastest). Null without finished petitions; Infinity when it is
 * in the last bucket (365 days or more).
 */
export function p90Days(histogram: readonly number[]): number | null {
  const total = histogram.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const rank = Math.ceil(0.9 * total);
  let seen = 0;
  for (let bucket = 0; bucket < histogram.length; bucket += 1) {
    seen += histogram[bucket] ?? 0;
    if (seen >= rank) return handlingBucketBounds[bucket + 1] ?? Number.POSITIVE_INFINITY;
  }
  return Number.POSITIVE_INFINITY;
}

/** What the roll-up sums for a group of petitions. */
export interface GroupSums {
  received: number;
  finished: number;
  /** Finished with a deadline in force when first answered or finished (due_at_answer): judged on time or late. */
  judged: number;
  onTime: number;
  declined: number;
  repeats: number;
  handlingSeconds: number;
  histogram: number[];
}

/** What the page, the exports and the monthly report show of a group. */
export interface GroupFigures {
  received: number;
  finished: number;
  open: number;
  /** On time over judged, 0–100 with one decimal; null when none was judged. */
  onTimeRate: number | null;
  /** Calendar days from receipt to the answer (or the end), one decimal; null when none finished. */
  averageDays: number | null;
  /** 90 % were finished within this many days (p90Days). */
  p90Days: number | null;
  declined: number;
  repeats: number;
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

export function figuresOf(sums: GroupSums): GroupFigures {
  return {
    received: sums.received,
    finished: sums.finished,
    open: sums.received - sums.finished,
    onTimeRate: sums.judged === 0 ? null : oneDecimal((sums.onTime / sums.judged) * 100),
    averageDays: sums.finished === 0 ? null : oneDecimal(sums.handlingSeconds / sums.finished / 86_400),
    p90Days: p90Days(sums.histogram),
    declined: sums.declined,
    repeats: sums.repeats,
  };
}

export const emptySums = (): GroupSums => ({
  received: 0,
  finished: 0,
  judged: 0,
  onTime: 0,
  declined: 0,
  repeats: 0,
  handlingSeconds: 0,
  histogram: Array.from({ length: handlingBucketCount }, () => 0),
});

/** A month as typed (2026-03, 2026/3, 115-03 is not read): 'YYYY-MM', or null. */
export function monthOf(typed: string): string | null {
  const match = /^(\d{4})\s*[-/年.]\s*(\d{1,2})\s*月?$/.exec(typed.normalize('NFKC').trim());
  if (match === null) return null;
  const month = Number(match[2]);
  const year = Number(match[1]);
  if (month < 1 || month > 12 || year < 2000 || year > 2100) return null;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** 'YYYY-MM' moved by `count` months. */
export function addMonths(month: string, count: number): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (number - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, both included ('YYYY-MM'). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from; month <= to && months.length < 1200; month = addMonths(month, 1)) months.push(month);
  return months;
}

/** The Taipei month of a moment ('YYYY-MM'). */
export function taipeiMonthOf(moment: Date): string {
  const taipei = new Date(moment.getTime() + 8 * 3_600_000);
  return `${taipei.getUTCFullYear()}-${String(taipei.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The first moment of a Taipei month (UTC+8 all year). */
export function monthStart(month: string): Date {
  return new Date(`${month}-01T00:00:00+08:00`);
}

/** The place of a place key ('64000080|新興區中正三路40號' → '新興區中正三路40號'). */
export function placeOfKey(placeKey: string): string {
  const bar = placeKey.indexOf('|');
  return bar >= 0 ? placeKey.slice(bar + 1) : placeKey;
}

/** A hotspot is a place with at least this many petitions in the period (fewer could point at one person). */
export const hotspotMinimum = 3;
