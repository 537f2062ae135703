import { type Static, Type } from 'typebox';
import type { FieldProblem } from '../../../platform/http/errors.ts';
import { applyNamedFilters, type NamedFilter } from '../../../platform/web/components/query-filters.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import type { QueueFilters } from '../core/case-queries.ts';
import { type CaseState, isCaseState } from '../core/workflows.ts';
import { consoleText } from './console-messages.ts';

const optionalText = (maxLength: number) => Type.Optional(Type.String({ maxLength }));

/**
 * The queue's query string. It checks form only (strings, lengths): a value that names nothing known is
 * ignored with a notice (resolveQueueFilters), never a 400.
 */
export const QueueQuery = Type.Object({
  state: optionalText(100),
  service: optionalText(100),
  district: optionalText(100),
  due: optionalText(100),
  unassigned: optionalText(20),
  /** Only cases with an extension request waiting for a supervisor (issue 14). */
  extension: optionalText(20),
  handler: optionalText(100),
  unit: optionalText(100),
  page: optionalText(20),
  /** After a bulk assignment: how many, and to whom (the success banner). */
  assigned: optionalText(20),
  assignedTo: optionalText(100),
});
export type QueueQuery = Static<typeof QueueQuery>;

/** The queue's filters as the form shows them again (what applied; '' for none). */
export interface QueueSelection {
  state: string;
  service: string;
  district: string;
  due: '' | 'soon' | 'overdue';
  unassigned: boolean;
  /** 'pending': only cases with an extension waiting for a decision. */
  extension: '' | 'pending';
  handler: string;
  unit: string;
}

export interface ResolvedQueue {
  filters: QueueFilters;
  selection: QueueSelection;
  page: number;
  /** Filters that named nothing known: ignored, and the reader is told (never a 400 or a 500). */
  notices: FieldProblem[];
}

export interface KnownValues {
  serviceCodes: ReadonlySet<string>;
  districtCodes: ReadonlySet<string>;
  /** The unit's case officers, when one unit is shown; null: the handler filter does not apply. */
  handlerIds: ReadonlySet<string> | null;
  /** The units one may choose (the secretariat); null: the unit is fixed by the scope. */
  unitCodes: ReadonlySet<string> | null;
}

/** Fixed by who is looking: a handler's own queue, a unit's, or (secretariat) any unit. */
export interface QueueScope {
  handlerId?: string;
  unitCode?: string;
}

const truthy = new Set(['yes', 'true', '1', 'on']);

/**
 * Turns the queue's query string into listQueue filters. A value that names no state, service, district,
 * officer or unit (an old bookmark, a mistyped link) is ignored with a notice: the reader still gets a
 * useful list and is told which filter did not apply.
 */
export function resolveQueueFilters(
  query: QueueQuery,
  lang: Lang,
  known: KnownValues,
  scope: QueueScope,
): ResolvedQueue {
  const notices: FieldProblem[] = [];
  const ignore = (field: string, key: Parameters<typeof consoleText>[1], value: string) =>
    notices.push({ field, code: 'ignored', message: consoleText(lang, key, { value }) });
  const filters: QueueFilters = { ...scope };
  const selection: QueueSelection = {
    state: '',
    service: '',
    district: '',
    due: '',
    unassigned: false,
    extension: '',
    handler: '',
    unit: '',
  };

  // Each filter in the order of the form: applied when it names something known, else ignored with a notice.
  const namedFilters: NamedFilter<
    'state' | 'service' | 'district' | 'due' | 'unit' | 'handler',
    Parameters<typeof consoleText>[1]
  >[] = [
    {
      name: 'state',
      isKnown: isCaseState,
      apply: (value) => {
        filters.state = value as CaseState;
      },
      notice: 'ignoredState',
    },
    {
      name: 'service',
      isKnown: (value) => known.serviceCodes.has(value),
      apply: (value) => {
        filters.serviceCode = value;
      },
      notice: 'ignoredService',
    },
    {
      name: 'district',
      isKnown: (value) => known.districtCodes.has(value),
      apply: (value) => {
        filters.districtCode = value;
      },
      notice: 'ignoredDistrict',
    },
    {
      name: 'due',
      isKnown: (value) => value === 'soon' || value === 'overdue',
      apply: (value) => {
        filters.due = value as 'soon' | 'overdue';
      },
      notice: 'ignoredDue',
    },
    {
      name: 'unit',
      applies: known.unitCodes !== null,
      isKnown: (value) => known.unitCodes?.has(value) === true,
      apply: (value) => {
        filters.unitCode = value;
      },
      notice: 'ignoredUnit',
    },
    {
      name: 'handler',
      applies: scope.handlerId === undefined,
      isKnown: (value) => known.handlerIds?.has(value) === true,
      apply: (value) => {
        filters.handlerId = value;
      },
      notice: 'ignoredHandler',
    },
  ];
  applyNamedFilters(query, namedFilters, selection, ignore);
  if (truthy.has(query.unassigned?.trim().toLowerCase() ?? '')) {
    filters.unassigned = true;
    selection.unassigned = true;
  }
  if ((query.extension?.trim().toLowerCase() ?? '') === 'pending') {
    filters.pendingExtension = true;
    selection.extension = 'pending';
  }
  let page = 1;
  const pageText = query.page?.trim() ?? '';
  if (pageText !== '') {
    const parsed = /^\d{1,6}$/.test(pageText) ? Number(pageText) : Number.NaN;
    if (Number.isInteger(parsed) && parsed >= 1) page = parsed;
    else ignore('page', 'ignoredPage', pageText);
  }
  return { filters, selection, page, notices };
}

/** The query string of a selection (for pagination links and coming back after an assignment). */
export function selectionQuery(selection: QueueSelection, page = 1): URLSearchParams {
  const query = new URLSearchParams();
  if (selection.unit !== '') query.set('unit', selection.unit);
  if (selection.state !== '') query.set('state', selection.state);
  if (selection.service !== '') query.set('service', selection.service);
  if (selection.district !== '') query.set('district', selection.district);
  if (selection.due !== '') query.set('due', selection.due);
  if (selection.handler !== '') query.set('handler', selection.handler);
  if (selection.unassigned) query.set('unassigned', 'yes');
  if (selection.extension !== '') query.set('extension', selection.extension);
  if (page > 1) query.set('page', String(page));
  return query;
}

const returnKeys = [
  'unit',
  'state',
  'service',
  'district',
  'due',
  'handler',
  'unassigned',
  'extension',
  'page',
] as const;

/** The filters a bulk-assignment form carried back, keeping only the queue's own keys. */
export function safeReturnQuery(raw: string): URLSearchParams {
  const given = new URLSearchParams(raw);
  const kept = new URLSearchParams();
  for (const key of returnKeys) {
    const value = given.get(key);
    if (value !== null && value.length <= 100) kept.set(key, value);
  }
  return kept;
}
