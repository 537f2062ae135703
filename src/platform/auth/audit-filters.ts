import { Type } from 'typebox';
import type { AuditAction } from '../composition/app-module.ts';
import type { FieldProblem } from '../http/errors.ts';
import { hasUnusableCharacter } from '../web/components/read-form.ts';
import { isIsoDate, normaliseDateInput } from '../web/date-input.ts';
import type { Lang } from '../web/i18n.ts';
import { authText } from './auth-messages.ts';
import { staffPaths } from './auth-paths.ts';

/** The audit log's CSV export: the same filters as the page. */
export const auditCsvPath = `${staffPaths.audit}.csv`;

/**
 * The audit log's filters (issue 17), pure: the area (an action's part before its first dot: `staff`,
 * `unit`, `case` …), the exact action, the actor's label, and a range of Taipei dates, from and to both
 * included. The page and its CSV export read the same query the same way.
 */

/** The query string of the audit page and of its CSV: bounded for transport, checked by `readAuditFilters`. */
export const AuditLogQuery = Type.Object({
  page: Type.Optional(Type.String({ maxLength: 10 })),
  area: Type.Optional(Type.String({ maxLength: 100 })),
  action: Type.Optional(Type.String({ maxLength: 100 })),
  actor: Type.Optional(Type.String({ maxLength: 320 })),
  from: Type.Optional(Type.String({ maxLength: 40 })),
  to: Type.Optional(Type.String({ maxLength: 40 })),
});

export interface AuditFilterValues {
  area: string;
  action: string;
  actor: string;
  from: string;
  to: string;
}

export interface AuditFilters {
  area: string;
  action: string;
  actorLabel: string;
  /** The first instant kept (Taipei midnight of `from`), or null. */
  since: Date | null;
  /** The first instant no longer kept (Taipei midnight after `to`), or null. */
  before: Date | null;
}

/** The areas the registry's actions fall in, in order of first appearance. */
export function auditAreas(actions: readonly AuditAction[]): string[] {
  return [...new Set(actions.map((entry) => areaOf(entry.action)))];
}

/** An action's area: what comes before its first dot. */
export function areaOf(action: string): string {
  const dot = action.indexOf('.');
  return dot < 0 ? action : action.slice(0, dot);
}

const dayMs = 24 * 60 * 60 * 1000;

/** Taipei's midnight at the start of an ISO date (Taipei keeps UTC+8 all year). */
export function taipeiMidnight(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00+08:00`);
}

/** Reads the query: the values as typed (for the form) and the filters, or every problem at once. */
export function readAuditFilters(
  query: {
    area?: string | undefined;
    action?: string | undefined;
    actor?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
  },
  lang: Lang,
): { values: AuditFilterValues; filters: AuditFilters; problems: FieldProblem[] } {
  const values: AuditFilterValues = {
    area: (query.area ?? '').trim(),
    action: (query.action ?? '').trim(),
    actor: (query.actor ?? '').trim(),
    from: (query.from ?? '').trim(),
    to: (query.to ?? '').trim(),
  };
  const problems: FieldProblem[] = [];
  for (const name of ['area', 'action', 'actor', 'from', 'to'] as const)
    if (hasUnusableCharacter(values[name]))
      problems.push({ field: name, code: 'notAllowed', message: authText(lang, 'auditBadText') });
  if (values.area !== '' && !/^[a-z0-9_]{1,60}$/.test(values.area))
    problems.push({ field: 'area', code: 'badFormat', message: authText(lang, 'auditBadArea') });
  const dateOf = (name: 'from' | 'to'): string | null => {
    if (values[name] === '') return null;
    const iso = normaliseDateInput(values[name]);
    if (isIsoDate(iso)) return iso;
    problems.push({ field: name, code: 'badFormat', message: authText(lang, 'auditBadDate') });
    return null;
  };
  const from = dateOf('from');
  const to = dateOf('to');
  if (from !== null && to !== null && from > to)
    problems.push({ field: 'to', code: 'range', message: authText(lang, 'auditDatesReversed') });
  const isFine = problems.length === 0;
  return {
    values,
    problems,
    filters: {
      area: isFine ? values.area : '',
      action: isFine ? values.action : '',
      actorLabel: isFine ? values.actor : '',
      since: isFine && from !== null ? taipeiMidnight(from) : null,
      before: isFine && to !== null ? new Date(taipeiMidnight(to).getTime() + dayMs) : null,
    },
  };
}

/** The query string of the same filters (for the pages' links and the CSV link). */
export function auditFilterQuery(values: AuditFilterValues): URLSearchParams {
  const query = new URLSearchParams();
  for (const name of ['area', 'action', 'actor', 'from', 'to'] as const)
    if (values[name] !== '') query.set(name, values[name]);
  return query;
}

/**
 * A row's details as a person reads them: a change's fields, each before and after (`{ before, after }`,
 * which admin changes carry), and the rest as compact JSON ('' when there is none).
 */
export function detailParts(details: Record<string, unknown>): {
  changes: { key: string; before: string; after: string }[];
  rest: string;
} {
  const shown = (value: unknown) =>
    value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  const isRecord = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  const { before, after, ...others } = details;
  if (!isRecord(before) && !isRecord(after))
    return { changes: [], rest: Object.keys(details).length > 0 ? JSON.stringify(details) : '' };
  const was = isRecord(before) ? before : {};
  const now = isRecord(after) ? after : {};
  const changes = [...new Set([...Object.keys(was), ...Object.keys(now)])].map((key) => ({
    key,
    before: shown(was[key]),
    after: shown(now[key]),
  }));
  return { changes, rest: Object.keys(others).length > 0 ? JSON.stringify(others) : '' };
}
