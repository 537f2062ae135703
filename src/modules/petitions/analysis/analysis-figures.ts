import type { Lang } from '../../../platform/web/i18n.ts';
import { analysisText as text } from './analysis-messages.ts';
import type { AnalysisGroup, AnalysisTables } from './analysis-queries.ts';
import type { GroupFigures } from './analysis-rules.ts';

/** The names the page and the files show for codes, in the reader's language. */
export interface AnalysisNames {
  type: (code: string) => string;
  unit: (code: string) => string;
  district: (code: string) => string;
  source: (code: string) => string;
  month: (code: string) => string;
}

/**
 * The breakdowns the page and the files show, in order: each table's key (the message naming it), the names
 * its rows take, the heading of its name column.
 */
export interface Breakdown {
  key: 'byType' | 'byUnit' | 'byDistrict' | 'bySource' | 'byMonth';
  name: keyof AnalysisNames;
  heading: 'type' | 'unit' | 'district' | 'source' | 'monthLabel';
  groups: readonly AnalysisGroup[];
}

export function breakdownsOf(tables: AnalysisTables): Breakdown[] {
  return [
    { key: 'byType', name: 'type', heading: 'type', groups: tables.byType },
    { key: 'byUnit', name: 'unit', heading: 'unit', groups: tables.byUnit },
    { key: 'byDistrict', name: 'district', heading: 'district', groups: tables.byDistrict },
    { key: 'bySource', name: 'source', heading: 'source', groups: tables.bySource },
    { key: 'byMonth', name: 'month', heading: 'monthLabel', groups: tables.byMonth },
  ];
}

/** The figure columns every table shows (and the exports), in order, with how each is read. */
export const figureColumns = [
  { key: 'colReceived', value: (figures: GroupFigures) => figures.received },
  { key: 'colFinished', value: (figures: GroupFigures) => figures.finished },
  { key: 'colOpen', value: (figures: GroupFigures) => figures.open },
  { key: 'colOnTime', value: (figures: GroupFigures) => figures.onTimeRate },
  { key: 'colAverage', value: (figures: GroupFigures) => figures.averageDays },
  { key: 'colP90', value: (figures: GroupFigures) => figures.p90Days },
  { key: 'colDeclined', value: (figures: GroupFigures) => figures.declined },
  { key: 'colRepeats', value: (figures: GroupFigures) => figures.repeats },
] as const;

/** A figure as a cell shows it: one decimal where it has one, '—' when there is none. */
export function figureText(lang: Lang, value: number | null): string {
  if (value === null) return '—';
  if (value === Number.POSITIVE_INFINITY) return text(lang, 'overLastBucket');
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** A figure as a spreadsheet holds it: a number, or text for "365 or more", empty when there is none. */
export function figureCell(lang: Lang, value: number | null): number | string | null {
  if (value === null) return null;
  return value === Number.POSITIVE_INFINITY ? text(lang, 'overLastBucket') : value;
}
