import { type Static, Type } from 'typebox';
import type { FieldProblem } from '../../platform/http/errors.ts';
import { applyNamedFilters } from '../../platform/web/components/query-filters.ts';
import type { Lang } from '../../platform/web/i18n.ts';
import { publicReportText } from './public-report-messages.ts';

/**
 * The public map's and list's filters, as pure rules: the query string checked for form only (a value that
 * names nothing known is ignored with a notice on the page, never a 400), the three states in plain words,
 * dates typed as people type them, and the map's bounding box snapped to the public grid.
 */

const optionalText = (maxLength: number) => Type.Optional(Type.String({ maxLength }));

/** `/reports`: the filters form is a plain GET form, so every view of the list is a link. */
export const PublicReportQuery = Type.Object({
  category: optionalText(100),
  state: optionalText(20),
  district: optionalText(20),
  from: optionalText(40),
  to: optionalText(40),
  page: optionalText(20),
});
export type PublicReportQuery = Static<typeof PublicReportQuery>;

/** The three states the public is shown. */
export const publicStateGroups = ['open', 'fixed', 'closed'] as const;
export type PublicStateGroup = (typeof publicStateGroups)[number];

/**
 * The field-report workflow's states (cases/core/field-report-workflow.ts) in the three groups: still to
 * fix, fixed (the reporter may still say "not fixed"), and done with. A DB test checks that every state of
 * the workflow is in exactly one group and that "open" is the workflow's open states.
 */
export const statesByGroup: Readonly<Record<PublicStateGroup, readonly string[]>> = {
  open: ['received', 'dispatched', 'reopened'],
  fixed: ['fixed'],
  closed: ['closed', 'forwarded', 'rejected', 'withdrawn', 'merged'],
};

export function stateGroupOf(state: string): PublicStateGroup {
  if (statesByGroup.open.includes(state)) return 'open';
  if (statesByGroup.fixed.includes(state)) return 'fixed';
  return 'closed';
}

export function isPublicStateGroup(value: string): value is PublicStateGroup {
  return (publicStateGroups as readonly string[]).includes(value);
}

/**
 * A date as people type it: 2026-03-02, 2026/3/2, 2026.3.2, 民國 years (115/3/2, 115-03-02,
 * 民國115年3月2日, 115年3月2日), full-width digits. YYYY-MM-DD, or null when it is no real date.
 */
export function parseDateInput(raw: string): string | null {
  const value = raw.normalize('NFKC').trim().replace(/^民國/, '').replace(/\s+/g, '');
  const match = /^(\d{2,4})(?:[-/.年])(\d{1,2})(?:[-/.月])(\d{1,2})日?$/.exec(value);
  if (match === null) return null;
  const written = Number(match[1]);
  // Two or three digits are a 民國 year (1–199); four are 西元.
  const year = (match[1] ?? '').length <= 3 ? written + 1911 : written;
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1912 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** The start of a Taipei day (UTC+8 all year: Taiwan has no summer time). */
export function startOfTaipeiDay(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00+08:00`);
}

/** The start of the Taipei day after `isoDate`: the end of a date range, exclusive. */
export function startOfNextTaipeiDay(isoDate: string): Date {
  return new Date(startOfTaipeiDay(isoDate).getTime() + 24 * 60 * 60 * 1000);
}

export interface PublicReportFilters {
  serviceCode?: string;
  stateGroup?: PublicStateGroup;
  districtCode?: string;
  /** Received at or after (inclusive). */
  receivedFrom?: Date;
  /** Received before (exclusive): the day after the "to" date. */
  receivedBefore?: Date;
}

/** The filters as the form shows them again ('' for none). */
export interface PublicReportSelection {
  category: string;
  state: string;
  district: string;
  from: string;
  to: string;
}

export interface ResolvedPublicReportFilters {
  filters: PublicReportFilters;
  selection: PublicReportSelection;
  /** Filters that named nothing known, or a date that is none: ignored, and the reader is told. */
  notices: FieldProblem[];
}

export interface KnownReportValues {
  serviceCodes: ReadonlySet<string>;
  districtCodes: ReadonlySet<string>;
}

/**
 * The query string as filters. An unknown category or district (an old bookmark, a mistyped link), a state
 * that is not one of the three, or a date that is no date is ignored with a notice saying so: the reader
 * still gets a useful list. Dates are shown again as typed, so the reader can correct them.
 */
export function resolvePublicReportFilters(
  query: Omit<PublicReportQuery, 'page'>,
  lang: Lang,
  known: KnownReportValues,
): ResolvedPublicReportFilters {
  const notices: FieldProblem[] = [];
  const filters: PublicReportFilters = {};
  const selection: PublicReportSelection = { category: '', state: '', district: '', from: '', to: '' };
  const ignore = (
    field: string,
    key: 'ignoredCategory' | 'ignoredState' | 'ignoredDistrict',
    value: string,
  ) => notices.push({ field, code: 'ignored', message: publicReportText(lang, key, { value }) });
  applyNamedFilters(
    query,
    [
      {
        name: 'category',
        isKnown: (value) => known.serviceCodes.has(value),
        apply: (value) => {
          filters.serviceCode = value;
        },
        notice: 'ignoredCategory',
      },
      {
        name: 'state',
        normalise: (value) => value.toLowerCase(),
        isKnown: isPublicStateGroup,
        apply: (value) => {
          filters.stateGroup = value as PublicStateGroup;
        },
        notice: 'ignoredState',
      },
      {
        name: 'district',
        isKnown: (value) => known.districtCodes.has(value),
        apply: (value) => {
          filters.districtCode = value;
        },
        notice: 'ignoredDistrict',
      },
    ],
    selection,
    ignore,
  );

  const from = query.from?.trim() ?? '';
  const to = query.to?.trim() ?? '';
  selection.from = from;
  selection.to = to;
  const fromDate = from === '' ? null : parseDateInput(from);
  const toDate = to === '' ? null : parseDateInput(to);
  if (from !== '' && fromDate === null)
    notices.push({ field: 'from', code: 'invalid_date', message: publicReportText(lang, 'ignoredFrom') });
  if (to !== '' && toDate === null)
    notices.push({ field: 'to', code: 'invalid_date', message: publicReportText(lang, 'ignoredTo') });
  if (fromDate !== null && toDate !== null && fromDate > toDate) {
    notices.push({ field: 'to', code: 'before_from', message: publicReportText(lang, 'ignoredRange') });
  } else {
    if (fromDate !== null) filters.receivedFrom = startOfTaipeiDay(fromDate);
    if (toDate !== null) filters.receivedBefore = startOfNextTaipeiDay(toDate);
  }
  return { filters, selection, notices };
}

/** The query string of a selection (for links to pages, feeds and the map's data), without empty values. */
export function selectionQuery(
  selection: Partial<PublicReportSelection>,
  extra: Record<string, string> = {},
) {
  const parameters = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...selection, ...extra }))
    if (value !== undefined && value !== '') parameters.set(name, value);
  const query = parameters.toString();
  return query === '' ? '' : `?${query}`;
}

/** The public grid: coordinates are shown to 4 decimals (report-place.ts, publicPoint), about 11 m. */
export const publicGridStep = 1e-4;

export interface BoundingBox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

/** A `bbox=minLon,minLat,maxLon,maxLat` (WGS 84 degrees, as GeoJSON and Open311 write it), or why not. */
export function parseBoundingBox(raw: string): BoundingBox | 'malformed' | 'out_of_range' {
  const parts = raw.split(',').map((part) => part.trim());
  if (parts.length !== 4 || parts.some((part) => !/^-?\d+(\.\d+)?$/.test(part))) return 'malformed';
  const [minLon, minLat, maxLon, maxLat] = parts.map(Number) as [number, number, number, number];
  if (minLon < -180 || maxLon > 180 || minLat < -90 || maxLat > 90 || minLon > maxLon || minLat > maxLat)
    return 'out_of_range';
  return { minLon, minLat, maxLon, maxLat };
}

/**
 * The raw-coordinate ranges that select exactly the reports whose PUBLIC point lies in the box. The box is
 * widened to the public grid, and a raw coordinate x rounds into [m, M] exactly when m − ½ step ≤ x <
 * M + ½ step (half-up rounding, as publicPoint's Math.round). So whether a report is in the answer depends
 * only on its rounded point: a tiny box cannot narrow a report down below the public ~11 m. Plain ranges
 * on the raw columns keep the (latitude, longitude) index usable.
 */
export function rawRangesForPublicBox(box: BoundingBox): {
  latFrom: number;
  latBelow: number;
  lonFrom: number;
  lonBelow: number;
} {
  const steps = (value: number, round: (x: number) => number) =>
    round(Number((value / publicGridStep).toFixed(6))) * publicGridStep;
  const half = publicGridStep / 2;
  return {
    latFrom: steps(box.minLat, Math.ceil) - half,
    latBelow: steps(box.maxLat, Math.floor) + half,
    lonFrom: steps(box.minLon, Math.ceil) - half,
    lonBelow: steps(box.maxLon, Math.floor) + half,
  };
}
