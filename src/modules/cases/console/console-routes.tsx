import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StaffRole } from '../../../platform/auth/principal.ts';
import { requireStaff, signedInStaff } from '../../../platform/auth/require-staff.ts';
import {
  keepStaffPagesOutOfCaches,
  type StaffPageOptions,
  sendStaffPage,
  staffHomeCrumb,
} from '../../../platform/auth/staff-pages.ts';
import { listDistricts } from '../../../platform/geo/geo-repo.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { DomainError, type FieldProblem } from '../../../platform/http/errors.ts';
import { listUnits } from '../../../platform/reference/reference-repo.ts';
import { attachmentResponseHeaders } from '../../../platform/uploads/download-headers.ts';
import { forEachLanguage, type Lang, localePath } from '../../../platform/web/i18n.ts';
import { getService, listServices } from '../../catalogue/index.ts';
import { listDeliveries } from '../../notifications/index.ts';
import { listAttachments, readAttachment } from '../core/case-attachments.ts';
import { caseText } from '../core/case-messages.ts';
import { casePaths } from '../core/case-paths.ts';
import { listUnitHandlers, staffNamesById } from '../core/case-staff-repo.ts';
import {
  type CaseEvent,
  type CaseState,
  finishedStates,
  isCaseEvent,
  workflow,
} from '../core/case-workflow.ts';
import { casesContext, staffCaseActor } from '../core/cases-http.ts';
import {
  assignCases,
  availableTransitions,
  decideExtension,
  failedGuards,
  findCaseIdByNumber,
  getCaseDetail,
  listQueue,
  queuePageSize,
  recordCaseView,
  requestExtension,
  staffLookup,
  supervisionSummary,
  transitionCase,
} from '../core/cases-service.ts';
import { resolveQueueFilters, safeReturnQuery } from './console-filters.ts';
import { type ConsoleTextKey, consoleText as text } from './console-messages.ts';
import { consolePaths } from './console-paths.ts';
import {
  AssignBody,
  BulkAssignBody,
  CaseActionBody,
  CaseAttachmentParams,
  CaseEventParams,
  CaseExtensionParams,
  CaseNumberParams,
  CasePageQuery,
  ExtensionDecisionBody,
  ExtensionRequestBody,
  LookupQuery,
  QueueQuery,
} from './console-schemas.ts';
import { CasePage } from './views/case-page.tsx';
import type { ActiveForm, CasePageModel } from './views/case-page-types.ts';
import type { ShownProblem } from './views/console-components.tsx';
import { LookupPage } from './views/console-lookup-page.tsx';
import { QueuePage } from './views/console-queue-page.tsx';
import { SupervisionPage, type SupervisionUnit } from './views/console-supervision-page.tsx';

/**
 * The staff console: the queues (mine, the unit's, every unit's for the secretariat), the case page with
 * the actions the workflow allows this person now, supervision, and the look-up for phone enquiries.
 * Plain forms: everything works without JavaScript. Handlers stay thin; the rules are in cases-service.
 */

const queueRoles: readonly StaffRole[] = ['handler', 'supervisor', 'secretariat'];
const caseReaderRoles: readonly StaffRole[] = [
  'handler',
  'supervisor',
  'counter_clerk',
  'secretariat',
  'admin',
];
const caseActorRoles: readonly StaffRole[] = ['handler', 'supervisor', 'counter_clerk', 'secretariat'];
const lookupRoles: readonly StaffRole[] = ['counter_clerk', 'handler', 'supervisor', 'secretariat'];

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The success banner after each kind of change (the `done` query parameter of the case page). */
type DoneKind = CaseEvent | 'assigned' | 'extension_requested' | 'extension_approved' | 'extension_refused';
const doneMessages: Readonly<Record<DoneKind, ConsoleTextKey>> = {
  accept: 'actionDone_accept',
  start: 'actionDone_start',
  request_supplement: 'actionDone_request_supplement',
  supplement_received: 'actionDone_supplement_received',
  resolve: 'actionDone_resolve',
  close: 'actionDone_close',
  reopen: 'actionDone_reopen',
  transfer: 'actionDone_transfer',
  forward: 'actionDone_forward',
  reject: 'actionDone_reject',
  withdraw: 'actionDone_withdraw',
  merge: 'actionDone_merge',
  assigned: 'actionDone_assigned',
  extension_requested: 'actionDone_extension_requested',
  extension_approved: 'actionDone_extension_approved',
  extension_refused: 'actionDone_extension_refused',
};

function doneMessage(lang: Lang, done: string | undefined): string | null {
  if (done === undefined || !Object.hasOwn(doneMessages, done)) return null;
  return text(lang, doneMessages[done as DoneKind]);
}

function notFound(lang: Lang): DomainError {
  return new DomainError('NOT_FOUND', caseText(lang, 'caseNotFound'));
}

function nameIn(lang: Lang, item: { nameZh: string; nameEn: string }): string {
  return lang === 'en' ? item.nameEn : item.nameZh;
}

/** A form's values to show again: everything typed, without the CSRF token and the version. */
function typedValues(body: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === '_csrf' || key === 'version' || typeof value !== 'string') continue;
    values[key] = value;
  }
  return values;
}

function parseVersion(value: string): number {
  return /^\d{1,9}$/.test(value.trim()) ? Number(value.trim()) : 0;
}

/** Full-width digits and spaces accepted (UX.md); anything else is NaN, which the use case names. */
function parseAmount(value: string): number {
  const compact = value.normalize('NFKC').trim();
  return /^\d{1,4}$/.test(compact) ? Number(compact) : Number.NaN;
}

export async function consoleRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  const { db } = deps;

  // Every console page holds personal data and CSRF tokens: no cache may keep it.
  keepStaffPagesOutOfCaches(app);

  const sendConsolePage = (request: FastifyRequest, reply: FastifyReply, options: StaffPageOptions) =>
    sendStaffPage(request, reply, { ...options, breadcrumbs: [staffHomeCrumb(request.lang)] });

  // -------------------------------------------------------------------------------------------------
  // Queues

  interface QueueExtras {
    status?: number;
    problems?: ShownProblem[];
    tickedIds?: string[];
    chosenHandlerId?: string;
  }

  async function showQueue(
    request: FastifyRequest,
    reply: FastifyReply,
    kind: 'mine' | 'unit',
    query: QueueQuery,
    extras: QueueExtras = {},
  ) {
    const lang = request.lang;
    const staff = signedInStaff(request);
    const now = deps.clock.now();
    const isSecretariat = staff.role === 'secretariat';
    const [allUnits, districts, services] = await Promise.all([
      listUnits(db),
      listDistricts(db),
      listServices(db, { lang }),
    ]);
    const unitCodes = new Set(allUnits.map((unit) => unit.code as string));
    const scope =
      kind === 'mine'
        ? { handlerId: staff.id }
        : isSecretariat || staff.unitCode === null
          ? {}
          : { unitCode: staff.unitCode };
    // The unit shown: the person's own, or the one the secretariat chose; its officers fill the filter.
    const requestedUnit = query.unit?.trim() ?? '';
    const shownUnit =
      kind === 'mine'
        ? null
        : isSecretariat
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
        unitCodes: isSecretariat && kind === 'unit' ? unitCodes : null,
      },
      scope,
    );
    const { items, total } = await listQueue(db, resolved.filters, now, resolved.page);
    const unitName = (code: string | null) => {
      const unit = allUnits.find((candidate) => candidate.code === code);
      return unit === undefined ? (code ?? '') : nameIn(lang, unit);
    };
    const pageKind = kind === 'mine' ? 'mine' : isSecretariat ? 'all' : 'unit';
    const title =
      pageKind === 'mine'
        ? text(lang, 'myQueueTitle')
        : pageKind === 'all'
          ? text(lang, 'allUnitsQueueTitle')
          : text(lang, 'unitQueueTitle');
    const lead =
      pageKind === 'mine'
        ? text(lang, 'myQueueLead')
        : pageKind === 'all' && shownUnit === null
          ? text(lang, 'allUnitsQueueLead')
          : text(lang, 'unitQueueLead', { unit: unitName(shownUnit) });
    const assignedCount = Number(query.assigned ?? '');
    const successMessage =
      Number.isInteger(assignedCount) && assignedCount > 0 && extras.problems === undefined
        ? text(lang, 'bulkAssigned', {
            count: assignedCount,
            handler: handlers.find((handler) => handler.id === query.assignedTo)?.displayName ?? '—',
          })
        : null;
    return sendConsolePage(request, reply, {
      title,
      status: extras.status ?? 200,
      hasError: (extras.problems?.length ?? 0) > 0,
      body: (
        <QueuePage
          lang={lang}
          role={staff.role}
          csrfToken={request.csrfToken}
          kind={pageKind}
          title={title}
          lead={lead}
          path={kind === 'mine' ? casePaths.myQueue : casePaths.unitQueue}
          selection={resolved.selection}
          notices={resolved.notices}
          items={items}
          total={total}
          page={resolved.page}
          pageSize={queuePageSize}
          services={services.map((service) => ({ code: service.code, name: nameIn(lang, service) }))}
          districts={districts.map((district) => ({ code: district.code, name: nameIn(lang, district) }))}
          units={isSecretariat ? allUnits.map((unit) => ({ code: unit.code, name: nameIn(lang, unit) })) : []}
          handlers={handlers}
          canBulkAssign={staff.role === 'supervisor' && kind === 'unit'}
          problems={extras.problems ?? []}
          tickedIds={extras.tickedIds ?? []}
          chosenHandlerId={extras.chosenHandlerId ?? ''}
          successMessage={successMessage}
        />
      ),
    });
  }

  forEachLanguage(casePaths.myQueue, (url) => {
    app.get(
      url,
      { preHandler: requireStaff({ roles: queueRoles }), schema: { hide: true, querystring: QueueQuery } },
      async (request, reply) => {
        const staff = signedInStaff(request);
        // Supervisors and the secretariat work from the unit queue (their own cases: its officer filter).
        if (staff.role !== 'handler') {
          const search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
          return reply.redirect(`${localePath(request.lang, casePaths.unitQueue)}${search}`, 303);
        }
        return showQueue(request, reply, 'mine', request.query);
      },
    );
  });

  forEachLanguage(casePaths.unitQueue, (url) => {
    app.get(
      url,
      { preHandler: requireStaff({ roles: queueRoles }), schema: { hide: true, querystring: QueueQuery } },
      async (request, reply) => showQueue(request, reply, 'unit', request.query),
    );
  });

  forEachLanguage(consolePaths.bulkAssign, (url) => {
    app.post(
      url,
      { preHandler: requireStaff({ roles: ['supervisor'] }), schema: { hide: true, body: BulkAssignBody } },
      async (request, reply) => {
        const lang = request.lang;
        const { handlerId, caseIds, returnQuery } = request.body;
        const back = safeReturnQuery(returnQuery);
        const query = Object.fromEntries(back) as QueueQuery;
        const problems: ShownProblem[] = [];
        const chosen = handlerId.trim();
        if (chosen === '') problems.push({ target: 'handlerId', message: text(lang, 'handlerRequired') });
        else if (!uuidPattern.test(chosen))
          problems.push({ target: 'handlerId', message: caseText(lang, 'assignHandlerUnknown') });
        const ids = [...new Set(caseIds.map((id) => id.trim()))];
        if (ids.length === 0) problems.push({ target: 'caseIds', message: caseText(lang, 'assignNothing') });
        else if (ids.some((id) => !uuidPattern.test(id)))
          problems.push({ target: 'caseIds', message: caseText(lang, 'caseNotFound') });
        let count = 0;
        if (problems.length === 0) {
          try {
            count = await assignCases(
              casesContext(request, deps),
              { caseIds: ids, handlerId: chosen },
              staffCaseActor(request),
            );
          } catch (error) {
            if (!(error instanceof DomainError) || error.code !== 'VALIDATION_FAILED') throw error;
            for (const problem of error.problems)
              problems.push({
                target: problem.field === 'handlerId' ? 'handlerId' : 'caseIds',
                message: problem.message,
              });
          }
        }
        if (problems.length > 0) {
          return showQueue(request, reply, 'unit', query, {
            status: 400,
            problems,
            tickedIds: ids,
            chosenHandlerId: chosen,
          });
        }
        back.delete('assigned');
        back.set('assigned', String(count));
        back.set('assignedTo', chosen);
        return reply.redirect(`${localePath(lang, casePaths.unitQueue)}?${back.toString()}`, 303);
      },
    );
  });

  // -------------------------------------------------------------------------------------------------
  // The case page

  interface CasePageExtras {
    successMessage?: string | null;
    conflict?: { message: string } | null;
    problems?: FieldProblem[];
    active?: ActiveForm | null;
  }

  /** Where the error summary sends the reader for a problem of the form the person sent. */
  function problemTarget(active: ActiveForm, field: string): string {
    switch (active.kind) {
      case 'event':
        return field === '' ? `action-${active.event}` : `${active.event}-${field}`;
      case 'extension':
        return field === '' ? 'extension-form' : `extension-${field}`;
      case 'decision':
        return field === 'note' ? `decision-${active.extensionId}-note` : `decision-${active.extensionId}`;
      case 'assign':
        return 'assign-handlerId';
    }
  }

  async function caseModel(
    request: FastifyRequest,
    caseId: string,
    extras: CasePageExtras,
  ): Promise<CasePageModel> {
    const lang = request.lang;
    const context = casesContext(request, deps);
    const actor = staffCaseActor(request);
    const detail = await getCaseDetail(db, caseId, context.now);
    if (detail === null) throw notFound(lang);
    const row = detail.row;
    const state = row.state as CaseState;
    const isFinished = finishedStates.has(state);
    const isSupervisorOfUnit =
      actor.role === 'supervisor' && failedGuards(['own_unit'], row, actor, context).length === 0;
    const hasPending = detail.extensions.some((extension) => extension.state === 'pending');
    const [service, attachments, deliveries, units, districts, handlers, staffNames] = await Promise.all([
      getService(db, { code: row.serviceCode, version: row.serviceVersion }),
      listAttachments(db, row.id),
      listDeliveries(db, { type: 'case', id: row.id }),
      listUnits(db),
      row.districtCode === null ? Promise.resolve([]) : listDistricts(db),
      isSupervisorOfUnit && !isFinished ? listUnitHandlers(db, row.unitCode) : Promise.resolve(null),
      staffNamesById(
        db,
        detail.extensions.flatMap((extension) =>
          extension.decidedBy === null
            ? [extension.requestedBy]
            : [extension.requestedBy, extension.decidedBy],
        ),
      ),
    ]);
    const transitions = availableTransitions(row, actor, context);
    const roleEvents = workflow[state].filter((transition) => transition.roles.includes(actor.role));
    const readOnly =
      transitions.length > 0
        ? null
        : actor.role === 'admin'
          ? 'admin'
          : roleEvents.length > 0
            ? 'other_unit_or_handler'
            : 'nothing_now';
    const canRequestExtension =
      (actor.role === 'handler' || actor.role === 'supervisor') &&
      failedGuards(['own_unit', 'assigned_or_unassigned'], row, actor, context).length === 0 &&
      !isFinished &&
      state !== 'resolved' &&
      !hasPending;
    const active = extras.active ?? null;
    const problems = extras.problems ?? [];
    const fieldErrors = new Map<string, string>();
    const shown: ShownProblem[] = [];
    for (const problem of problems) {
      const target = active === null ? 'actions' : problemTarget(active, problem.field);
      shown.push({ target, message: problem.message });
      if (!fieldErrors.has(target)) fieldErrors.set(target, problem.message);
    }
    let isStillAvailable = false;
    if (active?.kind === 'event')
      isStillAvailable = transitions.some((transition) => transition.event === active.event);
    if (active?.kind === 'extension') isStillAvailable = canRequestExtension;
    if (active?.kind === 'decision')
      isStillAvailable =
        isSupervisorOfUnit &&
        detail.extensions.some(
          (extension) => extension.id === active.extensionId && extension.state === 'pending',
        );
    if (active?.kind === 'assign') isStillAvailable = handlers !== null;
    return {
      lang,
      role: actor.role,
      csrfToken: request.csrfToken,
      detail,
      service,
      districtName: (() => {
        const district = districts.find((candidate) => candidate.code === row.districtCode);
        return district === undefined ? row.districtCode : nameIn(lang, district);
      })(),
      attachments,
      deliveries,
      transitions,
      readOnly,
      transferUnits: units
        .filter((unit) => unit.isActive && unit.code !== row.unitCode)
        .map((unit) => ({ code: unit.code, name: nameIn(lang, unit) })),
      unitNames: new Map(units.map((unit) => [unit.code as string, nameIn(lang, unit)])),
      staffNames,
      canRequestExtension,
      canDecideExtensions: isSupervisorOfUnit && hasPending && !isFinished,
      assignableHandlers: handlers,
      successMessage: extras.successMessage ?? null,
      conflict: extras.conflict ? { message: extras.conflict.message, isStillAvailable } : null,
      problems: shown,
      fieldErrors,
      // A form is only shown again with what was typed while it can still be sent; otherwise the
      // conflict banner lists what was typed.
      active,
    };
  }

  function sendCaseModel(request: FastifyRequest, reply: FastifyReply, model: CasePageModel, status: number) {
    return sendConsolePage(request, reply, {
      title: text(request.lang, 'caseTitle', { caseNumber: model.detail.row.caseNumber }),
      status,
      hasError: status >= 400,
      body: <CasePage model={model} />,
    });
  }

  async function showCase(
    request: FastifyRequest,
    reply: FastifyReply,
    caseId: string,
    extras: CasePageExtras,
    status: number,
  ) {
    return sendCaseModel(request, reply, await caseModel(request, caseId, extras), status);
  }

  async function caseIdOf(lang: Lang, caseNumber: string): Promise<string> {
    const id = await findCaseIdByNumber(db, caseNumber);
    if (id === null) throw notFound(lang);
    return id;
  }

  /** Runs a change; a 400 or a 409 shows the case page again with the form as typed, anything else propagates. */
  async function changeCase(
    request: FastifyRequest,
    reply: FastifyReply,
    caseId: string,
    caseNumber: string,
    active: ActiveForm,
    change: () => Promise<string>,
  ) {
    try {
      const done = await change();
      return reply.redirect(
        `${localePath(request.lang, casePaths.casePage(caseNumber))}?done=${encodeURIComponent(done)}`,
        303,
      );
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'VALIDATION_FAILED')
        return showCase(request, reply, caseId, { problems: error.problems, active }, 400);
      if (error.code === 'CONFLICT')
        return showCase(request, reply, caseId, { conflict: error, active }, 409);
      throw error;
    }
  }

  forEachLanguage(casePaths.casePage(':caseNumber'), (url) => {
    app.get(
      url,
      {
        preHandler: requireStaff({ roles: caseReaderRoles }),
        schema: { hide: true, params: CaseNumberParams, querystring: CasePageQuery },
      },
      async (request, reply) => {
        const lang = request.lang;
        const caseId = await caseIdOf(lang, request.params.caseNumber);
        const model = await caseModel(request, caseId, {
          successMessage: doneMessage(lang, request.query.done),
        });
        // Who read whose personal data (the applicant's details are on the page).
        await recordCaseView(casesContext(request, deps), model.detail.row, staffCaseActor(request));
        return sendCaseModel(request, reply, model, 200);
      },
    );
  });

  forEachLanguage(`${casePaths.casePage(':caseNumber')}/events/:event`, (url) => {
    app.post(
      url,
      {
        preHandler: requireStaff({ roles: caseActorRoles }),
        schema: { hide: true, params: CaseEventParams, body: CaseActionBody },
      },
      async (request, reply) => {
        const lang = request.lang;
        const { caseNumber, event } = request.params;
        if (!isCaseEvent(event)) throw notFound(lang);
        const caseId = await caseIdOf(lang, caseNumber);
        const body = request.body;
        const active: ActiveForm = { kind: 'event', event, values: typedValues(body) };
        return changeCase(request, reply, caseId, caseNumber, active, async () => {
          await transitionCase(
            casesContext(request, deps),
            {
              caseId,
              expectedVersion: parseVersion(body.version),
              event,
              input: {
                publicNote: body.publicNote,
                internalNote: body.internalNote,
                resolution: body.resolution,
                reason: body.reason,
                targetUnit: body.targetUnit,
                targetAgency: body.targetAgency,
                targetCase: body.targetCase,
              },
            },
            staffCaseActor(request),
          );
          return event;
        });
      },
    );
  });

  forEachLanguage(consolePaths.caseAssign(':caseNumber'), (url) => {
    app.post(
      url,
      {
        preHandler: requireStaff({ roles: ['supervisor'] }),
        schema: { hide: true, params: CaseNumberParams, body: AssignBody },
      },
      async (request, reply) => {
        const lang = request.lang;
        const { caseNumber } = request.params;
        const caseId = await caseIdOf(lang, caseNumber);
        const handlerId = request.body.handlerId.trim();
        const active: ActiveForm = { kind: 'assign', values: { handlerId } };
        return changeCase(request, reply, caseId, caseNumber, active, async () => {
          if (!uuidPattern.test(handlerId))
            throw new DomainError('VALIDATION_FAILED', caseText(lang, 'invalidCase'), {
              problems: [{ field: 'handlerId', code: 'required', message: text(lang, 'handlerRequired') }],
            });
          await assignCases(
            casesContext(request, deps),
            { caseIds: [caseId], handlerId },
            staffCaseActor(request),
          );
          return 'assigned';
        });
      },
    );
  });

  forEachLanguage(consolePaths.caseExtensions(':caseNumber'), (url) => {
    app.post(
      url,
      {
        preHandler: requireStaff({ roles: ['handler', 'supervisor'] }),
        schema: { hide: true, params: CaseNumberParams, body: ExtensionRequestBody },
      },
      async (request, reply) => {
        const lang = request.lang;
        const { caseNumber } = request.params;
        const caseId = await caseIdOf(lang, caseNumber);
        const body = request.body;
        const active: ActiveForm = { kind: 'extension', values: typedValues(body) };
        return changeCase(request, reply, caseId, caseNumber, active, async () => {
          const result = await requestExtension(
            casesContext(request, deps),
            {
              caseId,
              expectedVersion: parseVersion(body.version),
              amount: parseAmount(body.amount),
              reason: body.reason,
            },
            staffCaseActor(request),
          );
          return result.approved ? 'extension_approved' : 'extension_requested';
        });
      },
    );
  });

  forEachLanguage(consolePaths.caseExtensionDecision(':caseNumber', ':extensionId'), (url) => {
    app.post(
      url,
      {
        preHandler: requireStaff({ roles: ['supervisor'] }),
        schema: { hide: true, params: CaseExtensionParams, body: ExtensionDecisionBody },
      },
      async (request, reply) => {
        const lang = request.lang;
        const { caseNumber, extensionId } = request.params;
        const caseId = await caseIdOf(lang, caseNumber);
        if (!uuidPattern.test(extensionId))
          throw new DomainError('NOT_FOUND', caseText(lang, 'extensionNotFound'));
        const body = request.body;
        const active: ActiveForm = { kind: 'decision', extensionId, values: { note: body.note } };
        return changeCase(request, reply, caseId, caseNumber, active, async () => {
          const decision = body.decision.trim();
          if (decision !== 'approve' && decision !== 'refuse')
            throw new DomainError('VALIDATION_FAILED', caseText(lang, 'invalidCase'), {
              problems: [{ field: 'decision', code: 'required', message: text(lang, 'decisionRequired') }],
            });
          await decideExtension(
            casesContext(request, deps),
            {
              caseId,
              extensionId,
              approve: decision === 'approve',
              note: body.note,
              expectedVersion: parseVersion(body.version),
            },
            staffCaseActor(request),
          );
          return decision === 'approve' ? 'extension_approved' : 'extension_refused';
        });
      },
    );
  });

  forEachLanguage(consolePaths.attachment(':caseNumber', ':id'), (url) => {
    app.get(
      url,
      {
        preHandler: requireStaff({ roles: caseReaderRoles }),
        schema: { hide: true, params: CaseAttachmentParams },
      },
      async (request, reply) => {
        const lang = request.lang;
        const caseId = await caseIdOf(lang, request.params.caseNumber);
        const attachment = await readAttachment(db, caseId, request.params.id);
        if (attachment === null) throw notFound(lang);
        return reply.code(200).headers(attachmentResponseHeaders(attachment)).send(attachment.content);
      },
    );
  });

  // -------------------------------------------------------------------------------------------------
  // Supervision

  forEachLanguage(casePaths.supervision, (url) => {
    app.get(
      url,
      { preHandler: requireStaff({ roles: ['supervisor', 'secretariat'] }), schema: { hide: true } },
      async (request, reply) => {
        const lang = request.lang;
        const staff = signedInStaff(request);
        const ownUnit = staff.role === 'supervisor' ? staff.unitCode : null;
        const [rows, units] = await Promise.all([
          supervisionSummary(db, { unitCode: ownUnit ?? undefined }, deps.clock.now()),
          listUnits(db),
        ]);
        const unitName = (code: string) => {
          const unit = units.find((candidate) => candidate.code === code);
          return unit === undefined ? code : nameIn(lang, unit);
        };
        const grouped: SupervisionUnit[] = [];
        for (const row of rows) {
          let unit = grouped.at(-1);
          const isTotal = row.isUnitTotal;
          if (unit === undefined || unit.unitCode !== row.unitCode) {
            unit = { unitCode: row.unitCode, unitName: unitName(row.unitCode), lines: [] };
            grouped.push(unit);
          }
          unit.lines.push({
            kind: isTotal ? 'total' : row.handlerId === null ? 'unassigned' : 'handler',
            handlerId: isTotal ? null : row.handlerId,
            name: isTotal
              ? text(lang, 'supervisionUnitTotal')
              : row.handlerId === null
                ? text(lang, 'unassigned')
                : (row.handlerName ?? '—'),
            open: row.open,
            atRisk: row.atRisk,
            overdue: row.overdue,
          });
        }
        return sendConsolePage(request, reply, {
          title: text(lang, 'supervisionTitle'),
          body: (
            <SupervisionPage
              lang={lang}
              role={staff.role}
              lead={
                ownUnit === null
                  ? text(lang, 'supervisionLeadAll')
                  : text(lang, 'supervisionLeadUnit', { unit: unitName(ownUnit) })
              }
              units={grouped}
              linksNameUnit={ownUnit === null}
            />
          ),
        });
      },
    );
  });

  // -------------------------------------------------------------------------------------------------
  // Look-up for phone enquiries

  forEachLanguage(casePaths.lookup, (url) => {
    app.get(
      url,
      { preHandler: requireStaff({ roles: lookupRoles }), schema: { hide: true, querystring: LookupQuery } },
      async (request, reply) => {
        const lang = request.lang;
        const staff = signedInStaff(request);
        const { caseNumber, phone, name } = request.query;
        const values = { caseNumber: caseNumber ?? '', phone: phone ?? '', name: name ?? '' };
        const isSearch = caseNumber !== undefined || phone !== undefined || name !== undefined;
        let results = null;
        let problems: ShownProblem[] = [];
        if (isSearch) {
          try {
            results = await staffLookup(casesContext(request, deps), values, staffCaseActor(request));
          } catch (error) {
            if (!(error instanceof DomainError) || error.code !== 'VALIDATION_FAILED') throw error;
            problems = error.problems.map((problem) => ({
              target: problem.field || 'caseNumber',
              message: problem.message,
            }));
          }
        }
        const units = results === null ? [] : await listUnits(db);
        return sendConsolePage(request, reply, {
          title: text(lang, 'lookupTitle'),
          status: problems.length > 0 ? 400 : 200,
          hasError: problems.length > 0,
          body: (
            <LookupPage
              lang={lang}
              role={staff.role}
              values={values}
              problems={problems}
              results={results}
              unitNames={new Map(units.map((unit) => [unit.code as string, nameIn(lang, unit)]))}
            />
          ),
        });
      },
    );
  });
}
