import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';

/**
 * publicPoint's rounding of one coordinate, in SQL (for answers PostgreSQL writes itself: json-text.ts):
 * Math.round(x * 1e4) / 1e4 is floor(x * 1e4 + 0.5) / 1e4 in the same IEEE doubles for these degrees
 * (PostgreSQL's round() of a double rounds halves to even, Math.round up). The tests of those answers compare
 * them with publicPoint's, a half included.
 */
export function publicDegrees(degrees: SQLWrapper): SQL<number> {
  return sql<number>`(floor(${degrees} * 1e4::float8 + 0.5::float8) / 1e4::float8)`;
}
