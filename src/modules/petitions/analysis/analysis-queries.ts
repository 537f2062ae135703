import { type SQL, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../../platform/db/database.ts';
import {
  type AnalysisBreakdown,
  type AnalysisDimension,
  allValues,
  analysisDimensions,
  emptySums,
  figuresOf,
  type GroupFigures,
  type GroupSums,
  grainOf,
  handlingBucketCount,
  hotspotMinimum,
} from './analysis-rules.ts';

/**
 * Reading the analysis from its roll-ups (analysis-refresh.ts keeps them). Each breakdown reads the rows of
 * one grain — the filtered dimensions and the breakdown's own — where every dimension is its filter's value,
 * '*', or the breakdown's: a few thousand rows at most whatever the period, all in one statement.
 */

/** What the page is filtered by: months 'YYYY-MM' (both included) and, for each dimension, a code or null. */
export interface AnalysisFilter {
  from: string;
  to: string;
  type: string | null;
  unit: string | null;
  district: string | null;
  source: string | null;
}

export interface AnalysisGroup {
  /** The dimension's code ('' for no district), or the month 'YYYY-MM'. */
  code: string;
  figures: GroupFigures;
}

export interface AnalysisTables {
  total: GroupFigures;
  byType: AnalysisGroup[];
  byUnit: AnalysisGroup[];
  byDistrict: AnalysisGroup[];
  bySource: AnalysisGroup[];
  byMonth: AnalysisGroup[];
}

export interface Hotspot {
  placeKey: string;
  districtCode: string;
  petitions: number;
  /** The mean of the petitions' points, when any had one. */
  point: { latitude: number; longitude: number } | null;
}

const columnOf: Readonly<Record<AnalysisDimension, string>> = {
  type: 'service_code',
  unit: 'unit_code',
  district: 'district_code',
  source: 'source',
};

const histogramNames = Array.from({ length: handlingBucketCount }, (_, bucket) => `h${bucket}`);
const sums = sql.raw(
  ['received', 'finished', 'judged', 'on_time', 'declined', 'repeats', 'handling_seconds', ...histogramNames]
    .map((name) => `sum(${name})::float8 as ${name}`)
    .join(', '),
);

const filterValue = (filter: AnalysisFilter, dimension: AnalysisDimension) => filter[dimension];

/** One breakdown's statement: the rows of its grain in the period, summed per code. */
function breakdownQuery(filter: AnalysisFilter, breakdown: AnalysisBreakdown | 'total'): SQL {
  const kept = analysisDimensions.filter(
    (dimension) => filterValue(filter, dimension) !== null || dimension === breakdown,
  );
  const conditions = analysisDimensions.map((dimension) => {
    const value = filterValue(filter, dimension);
    if (value !== null) return sql`and ${sql.raw(columnOf[dimension])} = ${value}`;
    if (dimension === breakdown) return sql``;
    return sql`and ${sql.raw(columnOf[dimension])} = ${allValues}`;
  });
  const code =
    breakdown === 'total'
      ? sql.raw(`''`)
      : breakdown === 'month'
        ? sql.raw(`to_char(month, 'YYYY-MM')`)
        : sql.raw(columnOf[breakdown]);
  return sql`
    select ${breakdown} as breakdown, ${code} as code, ${sums}
      from petition_month_stats
     where grain = ${grainOf(kept)} ${sql.join(conditions, sql` `)}
       and month >= ${`${filter.from}-01`}::date and month <= ${`${filter.to}-01`}::date
     group by 2`;
}

type SumsRow = Record<string, string | number | null> & { breakdown: string; code: string };

function sumsOf(row: SumsRow): GroupSums {
  const number = (name: string) => Number(row[name] ?? 0);
  return {
    received: number('received'),
    finished: number('finished'),
    judged: number('judged'),
    onTime: number('on_time'),
    declined: number('declined'),
    repeats: number('repeats'),
    handlingSeconds: number('handling_seconds'),
    histogram: histogramNames.map(number),
  };
}

/** The total and the five breakdowns of the period, under the filter. */
export async function readAnalysis(
  db: DatabaseOrTransaction,
  filter: AnalysisFilter,
  breakdowns: readonly AnalysisBreakdown[] = ['type', 'unit', 'district', 'source', 'month'],
): Promise<AnalysisTables> {
  const statements = (['total', ...breakdowns] as const).map((breakdown) =>
    breakdownQuery(filter, breakdown),
  );
  const rows = await db.execute<SumsRow>(sql.join(statements, sql` union all `));
  const groups = (breakdown: AnalysisBreakdown): AnalysisGroup[] =>
    rows.rows
      .filter((row) => row.breakdown === breakdown)
      .map((row) => ({ code: row.code, figures: figuresOf(sumsOf(row)) }))
      .sort((left, right) =>
        breakdown === 'month'
          ? left.code.localeCompare(right.code)
          : right.figures.received - left.figures.received || left.code.localeCompare(right.code),
      );
  const total = rows.rows.find((row) => row.breakdown === 'total');
  return {
    total: figuresOf(total === undefined ? emptySums() : sumsOf(total)),
    byType: groups('type'),
    byUnit: groups('unit'),
    byDistrict: groups('district'),
    bySource: groups('source'),
    byMonth: groups('month'),
  };
}

/** The places with at least `hotspotMinimum` petitions in the period under the filter, most first. */
export async function readHotspots(
  db: DatabaseOrTransaction,
  filter: AnalysisFilter,
  limit: number,
): Promise<Hotspot[]> {
  const isDetailed = filter.type !== null || filter.unit !== null || filter.source !== null;
  const equalsOrAny = (column: string, value: string | null) =>
    value === null ? sql`` : sql`and ${sql.raw(column)} = ${value}`;
  const rows = await db.execute<{
    place_key: string;
    district_code: string;
    petitions: number;
    located: number;
    latitude_sum: number;
    longitude_sum: number;
  }>(sql`
    select place_key, district_code, sum(petitions)::int as petitions, sum(located)::int as located,
           sum(latitude_sum)::float8 as latitude_sum, sum(longitude_sum)::float8 as longitude_sum
      from petition_place_stats
     where grain = ${isDetailed ? 13 : 0} and unit_code = ${isDetailed ? (filter.unit ?? allValues) : allValues}
       and month >= ${`${filter.from}-01`}::date and month <= ${`${filter.to}-01`}::date
       ${isDetailed ? equalsOrAny('service_code', filter.type) : sql``}
       ${isDetailed ? equalsOrAny('source', filter.source) : sql``}
       ${equalsOrAny('district_code', filter.district)}
     group by place_key, district_code
    having sum(petitions) >= ${hotspotMinimum}
     order by sum(petitions) desc, place_key
     limit ${limit}`);
  return rows.rows.map((row) => ({
    placeKey: row.place_key,
    districtCode: row.district_code,
    petitions: row.petitions,
    point:
      row.located > 0
        ? { latitude: row.latitude_sum / row.located, longitude: row.longitude_sum / row.located }
        : null,
  }));
}

/** When the roll-ups were last brought up to date (null: never). */
export async function readRefreshedAt(db: DatabaseOrTransaction): Promise<Date | null> {
  const rows = await db.execute<{ refreshed_at: Date }>(
    sql`select refreshed_at from petition_stats_refresh where id = 1 and last_event_id >= 0`,
  );
  const at = rows.rows[0]?.refreshed_at;
  return at === undefined ? null : new Date(at);
}

/**
 * The figures of a period for one unit or the bureau (null): what the monthly report shows and what the
 * petitions module offers management control (index.ts, `petitionFigures`).
 */
export async function readPeriodFigures(
  db: DatabaseOrTransaction,
  options: { from: string; to: string; unitCode: string | null },
): Promise<GroupFigures> {
  const tables = await readAnalysis(
    db,
    { from: options.from, to: options.to, type: null, unit: options.unitCode, district: null, source: null },
    [],
  );
  return tables.total;
}
