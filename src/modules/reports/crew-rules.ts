/**
 * The crews' pure rules: when a reporter may still say "not fixed", "my position" from the query string,
 * and distances as a crew reads them. No database here (crew-rules.test.ts runs without one).
 */

const dayMs = 86_400_000;

export type NotFixedWindow =
  /** It is fixed (or closed after the fix) and the reporter may say "not fixed" until `until`. */
  | { kind: 'open'; until: Date }
  /** Fixed, but the days allowed have passed (since `until`). */
  | { kind: 'past'; until: Date }
  /** Not fixed at all (still being worked on, merged, rejected …): there is nothing to reopen. */
  | { kind: 'not_fixed' };

/**
 * The case core's own rule (the `within_reopen_window` guard: CASE_REOPEN_DAYS counted from `closedAt`,
 * which the fix sets), said beforehand so the page can tell the reporter the last day or why not.
 */
export function notFixedWindow(
  row: { kind: string; state: string; closedAt: Date | null },
  now: Date,
  reopenDays: number,
): NotFixedWindow {
  if (
    row.kind !== 'field_report' ||
    (row.state !== 'fixed' && row.state !== 'closed') ||
    row.closedAt === null
  )
    return { kind: 'not_fixed' };
  const until = new Date(row.closedAt.getTime() + reopenDays * dayMs);
  return now.getTime() - row.closedAt.getTime() > reopenDays * dayMs
    ? { kind: 'past', until }
    : { kind: 'open', until };
}

export interface Point {
  lat: number;
  lon: number;
}

/** "my position" from the query string: both numbers, on Earth; anything else is no position. */
export function positionOf(lat: string | undefined, lon: string | undefined): Point | null {
  if (lat === undefined || lon === undefined || lat.trim() === '' || lon.trim() === '') return null;
  const point = { lat: Number(lat), lon: Number(lon) };
  if (!Number.isFinite(point.lat) || !Number.isFinite(point.lon)) return null;
  if (Math.abs(point.lat) > 90 || Math.abs(point.lon) > 180) return null;
  return point;
}

/** 35 m, 1.2 km: how far a report is, as a crew reads it. */
export function distanceText(metres: number): string {
  if (metres < 1000) return `${Math.round(metres)} m`;
  return `${(metres / 1000).toFixed(metres < 10_000 ? 1 : 0)} km`;
}
