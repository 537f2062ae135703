import type { StaffPrincipal, StaffRole } from '../../../platform/auth/principal.ts';
import { UNITS } from '../../../platform/reference/units.ts';

/**
 * The media log's rules (輿情, issue 16 §7) as pure functions: who sees and answers which item, the state
 * an item is in, and how the typed fact-check time and links are read. The routes, the pages and the use
 * cases ask the same functions.
 */

/** Record items and see every one: the secretariat (the press office) and admins. */
export const mediaRecorderRoles = ['secretariat', 'admin'] as const satisfies readonly StaffRole[];
/** See and answer the items their own unit is asked to fact-check, nothing else. */
export const mediaUnitRoles = ['supervisor', 'handler'] as const satisfies readonly StaffRole[];
export const mediaReaderRoles = [...mediaRecorderRoles, ...mediaUnitRoles] as const;

export type MediaViewer = Pick<StaffPrincipal, 'role' | 'unitCode'>;

function isRecorder(viewer: MediaViewer): boolean {
  return (mediaRecorderRoles as readonly StaffRole[]).includes(viewer.role);
}

function isOfUnitAsked(viewer: MediaViewer, item: { factCheckUnit: string | null }): boolean {
  return (
    (mediaUnitRoles as readonly StaffRole[]).includes(viewer.role) &&
    viewer.unitCode !== null &&
    item.factCheckUnit === viewer.unitCode
  );
}

/**
 * Which items a viewer's lists hold: every item (null), those asked of one unit (its code), or none (a role
 * outside the log; the routes refuse it before asking).
 */
export function listScopeOf(viewer: MediaViewer): { unitCode: string | null } | 'none' {
  if (isRecorder(viewer)) return { unitCode: null };
  if ((mediaUnitRoles as readonly StaffRole[]).includes(viewer.role) && viewer.unitCode !== null)
    return { unitCode: viewer.unitCode };
  return 'none';
}

export function maySeeMediaItem(viewer: MediaViewer, item: { factCheckUnit: string | null }): boolean {
  return isRecorder(viewer) || isOfUnitAsked(viewer, item);
}

/** The fact-check note is the asked unit's answer: its supervisors and handlers write it. */
export function mayRecordFactCheck(viewer: MediaViewer, item: { factCheckUnit: string | null }): boolean {
  return isOfUnitAsked(viewer, item);
}

/** The clarification: the press office (a press release) or the asked unit (its reply). */
export function mayRecordClarification(viewer: MediaViewer, item: { factCheckUnit: string | null }): boolean {
  return isRecorder(viewer) || isOfUnitAsked(viewer, item);
}

/** The lists a reader picks from; `open` is the default. */
export const mediaFilters = ['open', 'overdue', 'clarified', 'all'] as const;
export type MediaFilter = (typeof mediaFilters)[number];

export function mediaFilterOf(raw: string | undefined): MediaFilter {
  const value = raw?.trim() ?? '';
  return (mediaFilters as readonly string[]).includes(value) ? (value as MediaFilter) : 'open';
}

export const clarificationKinds = ['press_release', 'reply'] as const;
export type ClarificationKind = (typeof clarificationKinds)[number];

export type MediaState = 'clarified' | 'overdue' | 'checked' | 'checking' | 'open';

/**
 * Where an item stands: clarified (done), its fact-check overdue (past the deadline, not clarified), its
 * note in (checked), the unit still checking, or neither asked nor clarified (open).
 */
export function mediaStateOf(
  item: {
    factCheckUnit: string | null;
    factCheckDueAt: Date | null;
    factCheckNote: string | null;
    clarifiedAt: Date | null;
  },
  now: Date,
): MediaState {
  if (item.clarifiedAt !== null) return 'clarified';
  if (item.factCheckDueAt !== null && item.factCheckDueAt.getTime() < now.getTime()) return 'overdue';
  if (item.factCheckUnit === null) return 'open';
  return item.factCheckNote === null ? 'checking' : 'checked';
}

/** A fact-check takes 1 to 168 hours (a week). */
export const maxFactCheckHours = 168;

/** The hours as typed (full-width digits and spaces accepted), or NaN when it is not a whole number. */
export function hoursOf(typed: string): number {
  const compact = typed.normalize('NFKC').trim();
  return /^\d{1,4}$/.test(compact) ? Number(compact) : Number.NaN;
}

export function isFactCheckHours(hours: number): boolean {
  return Number.isInteger(hours) && hours >= 1 && hours <= maxFactCheckHours;
}

/** When the fact-check is due: the hours from now. */
export function factCheckDueAtOf(now: Date, hours: number): Date {
  return new Date(now.getTime() + hours * 3_600_000);
}

/** An absolute http or https address with a host: the only links the pages show as links. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** The bureau's units that exist today: what an item may name. */
export const activeUnits = UNITS.filter((unit) => unit.isActive);

export function isActiveUnit(code: string): boolean {
  return activeUnits.some((unit) => unit.code === code);
}
