import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import type { Database } from '../../../platform/db/database.ts';
import { listDistricts } from '../../../platform/geo/geo-repo.ts';
import { listUnits } from '../../../platform/reference/reference-repo.ts';
import { FormProblems } from '../../../platform/web/components/form-problems.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { listServices } from '../../catalogue/index.ts';
import { listScope, rolesFor } from '../core/case-actions.ts';
import { hasPendingExtensionSql, listQueue, openStatesSql, queuePageSize } from '../core/case-queries.ts';
import { readableCasesCondition } from '../core/case-reading.ts';
import { listUnitHandlers } from '../core/case-staff-repo.ts';
import { cases } from '../core/cases-schema.ts';
import { type QueueQuery, resolveQueueFilters } from './console-filters.ts';
import { consoleText as text } from './console-messages.ts';
import { consolePaths } from './console-paths.ts';
import type { QueuePageProps } from './views/queue-page.tsx';

/**
 * A queue page for one person: which cases it holds (the actions table's `work_queue`: a handler's or
 * supervisor's unit, every unit for the secretariat, who may choose one), the filters from the URL, its
 * words, and whether the person may assign from it. The view only lays it out.
 */

export interface QueueExtras {
  problems?: FormProblems;
  tickedIds?: readonly string[];
  chosenHandlerId?: string;
}

function nameIn(lang: Lang, item: { nameZh: string; nameEn: string }): string {
  return lang === 'en' ? item.nameEn : item.nameZh;
}

/**
 * How many open cases the person may read (readableCasesCondition: least privilege, as every list of
 * cases) match the conditions: the unit's unassigned cases under "my cases", the cases with an extension
 * to approve above the unit queue.
 */
async function countReadableOpen(db: Database, staff: StaffPrincipal, conditions: SQL[]): Promise<number> {
  const readable = readableCasesCondition(staff);
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(cases)
    .where(
      and(sql`${cases.state} in ${openStatesSql}`, ...(readable === null ? [] : [readable]), ...conditions),
    );
  return row?.count ?? 0;
}

export async function loadQueuePage(
  db: Database,
  options: {
    staff: StaffPrincipal;
    lang: Lang;
    now: Date;
    csrfToken: string;
    /** 'mine': the cases assigned to the person; 'unit': the queue the table gives their role. */
    kind: 'mine' | 'unit';
    query: QueueQuery;
    extras?: QueueExtras;
  },
): Promise<QueuePageProps> {
  const { staff, lang, kind, query } = options;
  const extras = options.extras ?? {};
  const mayChooseUnit = listScope(staff.role, 'work_queue') === 'any';
  const [allUnits, districts, services] = await Promise.all([
    listUnits(db),
    listDistricts(db),
    listServices(db, { lang }),
  ]);
  const unitCodes = new Set(allUnits.map((unit) => unit.code as string));
  const scope =
    kind === 'mine'
      ? { handlerId: staff.id }
      : mayChooseUnit || staff.unitCode === null
        ? {}
        : { unitCode: staff.unitCode };
  // The unit shown: the person's own, or the one the secretariat chose; its officers fill the filter.
  const requestedUnit = query.unit?.trim() ?? '';
  const shownUnit =
    kind === 'mine'
      ? null
      : mayChooseUnit
        ? unitCodes.has(requestedUnit)
          ? requestedUnit
          : null
        : staff.unitCode;
  const handlers = shownUnit === null ? [] : await listUnitHandlers(db, shownUnit);
  const resolved = resolveQueueFilters(
    query,
    lang,
    {
      serviceCodes: new Set(services.map((service) => service.code)),
      districtCodes: new Set(districts.map((district) => district.code)),
      handlerIds: shownUnit === null ? null : new Set(handlers.map((handler) => handler.id)),
      unitCodes: mayChooseUnit && kind === 'unit' ? unitCodes : null,
    },
    scope,
  );
  const [{ items, total }, unitWaiting, pendingExtensions] = await Promise.all([
    listQueue(db, resolved.filters, options.now, resolved.page),
    // A new handler's own list is empty while new cases wait in the unit queue: say so, with a link.
    kind === 'mine' && staff.unitCode !== null
      ? countReadableOpen(db, staff, [eq(cases.unitCode, staff.unitCode), isNull(cases.handlerId)])
      : Promise.resolve(null),
    // 展延核定: the unit queue says how many cases wait for a supervisor's decision on an extension.
    kind === 'unit'
      ? countReadableOpen(db, staff, [
          hasPendingExtensionSql,
          ...(resolved.filters.unitCode === undefined ? [] : [eq(cases.unitCode, resolved.filters.unitCode)]),
        ])
      : Promise.resolve(null),
  ]);
  const unitName = (code: string | null) => {
    const unit = allUnits.find((candidate) => candidate.code === code);
    return unit === undefined ? (code ?? '') : nameIn(lang, unit);
  };
  const pageKind = kind === 'mine' ? 'mine' : mayChooseUnit ? 'all' : 'unit';
  const title = text(
    lang,
    pageKind === 'mine' ? 'myQueueTitle' : pageKind === 'all' ? 'allUnitsQueueTitle' : 'unitQueueTitle',
  );
  const lead =
    pageKind === 'mine'
      ? text(lang, 'myQueueLead')
      : pageKind === 'all' && shownUnit === null
        ? text(lang, 'allUnitsQueueLead')
        : text(lang, 'unitQueueLead', { unit: unitName(shownUnit) });
  const problems = extras.problems ?? FormProblems.none;
  const assignedCount = Number(query.assigned ?? '');
  return {
    lang,
    role: staff.role,
    csrfToken: options.csrfToken,
    kind: pageKind,
    title,
    lead,
    path: kind === 'mine' ? consolePaths.myQueue : consolePaths.unitQueue,
    selection: resolved.selection,
    notices: resolved.notices,
    items,
    total,
    page: resolved.page,
    pageSize: queuePageSize,
    services: services.map((service) => ({ code: service.code, name: nameIn(lang, service) })),
    districts: districts.map((district) => ({ code: district.code, name: nameIn(lang, district) })),
    units: mayChooseUnit ? allUnits.map((unit) => ({ code: unit.code, name: nameIn(lang, unit) })) : [],
    handlers,
    canBulkAssign: rolesFor('bulk_assign').includes(staff.role) && kind === 'unit',
    problems,
    unitWaiting:
      unitWaiting === null || staff.unitCode === null
        ? null
        : { count: unitWaiting, unitName: unitName(staff.unitCode) },
    pendingExtensions,
    tickedIds: extras.tickedIds ?? [],
    chosenHandlerId: extras.chosenHandlerId ?? '',
    successMessage:
      Number.isInteger(assignedCount) && assignedCount > 0 && !problems.hasAny
        ? text(lang, 'bulkAssigned', {
            count: assignedCount,
            handler: handlers.find((handler) => handler.id === query.assignedTo)?.displayName ?? '—',
          })
        : null,
  };
}
