import { inArray } from 'drizzle-orm';
import { staffRoles } from '../../../platform/auth/principal.ts';
import { requireStaff } from '../../../platform/auth/require-staff.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { DomainError } from '../../../platform/http/errors.ts';
import { deadlineStatus } from '../core/case-deadline.ts';
import { caseText } from '../core/case-messages.ts';
import { type CaseState, finishedStates } from '../core/case-workflow.ts';
import { casesContext, staffCaseActor } from '../core/cases-http.ts';
import { cases } from '../core/cases-schema.ts';
import {
  assignCases,
  availableTransitions,
  type CaseDetail,
  type CaseRow,
  decideExtension,
  findCaseIdByNumber,
  getCaseDetail,
  listQueue,
  openCase,
  queuePageSize,
  recordCaseView,
  requestExtension,
  staffLookup,
  transitionCase,
} from '../core/cases-service.ts';
import { trackUrlOf } from '../core/track-url.ts';
import {
  AssignBody,
  CaseDetailResponse,
  CaseNumberParams,
  ExtensionBody,
  ExtensionDecisionBody,
  ExtensionDecisionParams,
  LookupQuery,
  LookupResponse,
  OpenCaseBody,
  OpenCaseResponse,
  QueueQuery,
  QueueResponse,
  TransitionBody,
  TransitionResponse,
} from './cases-schemas.ts';

/** Who may take requests in (every channel): the counter, the secretariat's dispatch, the units. */
export const intakeRoles = ['counter_clerk', 'secretariat', 'supervisor', 'handler'] as const;
/** Who may read cases: everyone who works them, and admins (support). Web editors see no personal data. */
export const caseReaderRoles = ['counter_clerk', 'secretariat', 'supervisor', 'handler', 'admin'] as const;
/** Actions go through the workflow table, which answers 403 for roles it does not list. */
const actingRoles = staffRoles;

function caseSummary(row: CaseRow, now: Date) {
  return {
    id: row.id,
    caseNumber: row.caseNumber,
    state: row.state as CaseState,
    version: row.version,
    serviceCode: row.serviceCode,
    serviceVersion: row.serviceVersion,
    unitCode: row.unitCode,
    handlerId: row.handlerId,
    receivedAt: row.receivedAt.toISOString(),
    dueAt: row.dueAt?.toISOString() ?? null,
    expectedCompletionDate: row.expectedCompletionDate,
    deadlineStatus: deadlineStatus(
      { dueAt: row.dueAt, atRiskAt: row.atRiskAt, isFinished: finishedStates.has(row.state as CaseState) },
      now,
    ),
  };
}

/** JSON endpoints for cases (staff). The public look-up is in track-routes.tsx. */
export async function casesApiRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  const { db, clock, config } = deps;

  async function caseIdOr404(caseNumber: string, lang: 'zh-TW' | 'en'): Promise<string> {
    const id = await findCaseIdByNumber(db, caseNumber);
    if (id === null) throw new DomainError('NOT_FOUND', caseText(lang, 'caseNotFound'));
    return id;
  }

  app.post(
    '/api/staff/cases',
    {
      preHandler: requireStaff({ roles: intakeRoles }),
      schema: {
        tags: ['cases'],
        summary: 'Open a case for any service of any unit (counter, phone, e-mail, 1999 or API intake).',
        body: OpenCaseBody,
        response: { 201: OpenCaseResponse },
      },
    },
    async (request, reply) => {
      const context = casesContext(request, deps);
      const row = await openCase(context, request.body, staffCaseActor(request));
      reply.code(201);
      return {
        ...caseSummary(row, context.now),
        lookupCode: row.lookupCode,
        trackUrl: trackUrlOf(config.publicBaseUrl, row),
      };
    },
  );

  app.get(
    '/api/staff/cases',
    {
      preHandler: requireStaff({ roles: caseReaderRoles }),
      schema: {
        tags: ['cases'],
        summary:
          'A queue, nearest deadline first: `scope=mine` (assigned to me) or the unit’s (supervisors and handlers: their own unit; others choose `unit`).',
        querystring: QueueQuery,
        response: { 200: QueueResponse },
      },
    },
    async (request) => {
      const actor = staffCaseActor(request);
      const query = request.query;
      const isUnitRole = actor.role === 'handler' || actor.role === 'supervisor';
      const unitCode = isUnitRole ? (actor.unitCode ?? undefined) : query.unit;
      const page = query.page ?? 1;
      const now = clock.now();
      const result = await listQueue(
        db,
        {
          ...(query.scope === 'mine' ? { handlerId: actor.id } : { unitCode }),
          state: query.state,
          serviceCode: query.service,
          districtCode: query.district,
          due: query.due,
        },
        now,
        page,
      );
      return {
        total: result.total,
        page,
        pageSize: queuePageSize,
        items: result.items.map((item) => ({
          ...item,
          receivedAt: item.receivedAt.toISOString(),
          dueAt: item.dueAt?.toISOString() ?? null,
          deadlineStatus: item.status,
        })),
      };
    },
  );

  function detailJson(detail: CaseDetail, request: Parameters<typeof staffCaseActor>[0]) {
    const context = casesContext(request, deps);
    const { row } = detail;
    return {
      ...caseSummary(row, context.now),
      lookupCode: row.lookupCode,
      kind: row.kind,
      channel: row.channel,
      serviceNameZh: detail.serviceNameZh,
      serviceNameEn: detail.serviceNameEn,
      unit: detail.unit,
      handler: detail.handler,
      applicant: {
        type: row.applicantType,
        name: row.applicantName,
        company: row.applicantCompany,
        phone: row.applicantPhone,
        email: row.applicantEmail,
        address: row.applicantAddress,
        lang: row.applicantLang,
        consentAt: row.consentAt.toISOString(),
      },
      subject: row.subject,
      description: row.description,
      formData: row.formData,
      checklistReceived: row.checklistReceived,
      districtCode: row.districtCode,
      address: row.address,
      resolution: row.resolution,
      forwardedTo: row.forwardedTo,
      extensionAmount: row.extensionAmount,
      pauses: row.pauses,
      closedAt: row.closedAt?.toISOString() ?? null,
      availableEvents: availableTransitions(row, staffCaseActor(request), context).map((t) => t.event),
      timeline: detail.timeline.map((event) => ({
        id: event.id,
        occurredAt: event.occurredAt.toISOString(),
        kind: event.kind,
        fromState: event.fromState,
        toState: event.toState,
        actorLabel: event.actorLabel,
        publicNote: event.publicNote,
        internalNote: event.internalNote,
        data: event.data,
      })),
      extensions: detail.extensions.map((extension) => ({
        id: extension.id,
        amount: extension.amount,
        reason: extension.reason,
        state: extension.state,
        requestedAt: extension.requestedAt.toISOString(),
        decidedAt: extension.decidedAt?.toISOString() ?? null,
      })),
    };
  }

  app.get(
    '/api/staff/cases/:caseNumber',
    {
      preHandler: requireStaff({ roles: caseReaderRoles }),
      schema: {
        tags: ['cases'],
        summary: 'One case with its timeline and the actions available to you now. Each read is audited.',
        params: CaseNumberParams,
        response: { 200: CaseDetailResponse },
      },
    },
    async (request) => {
      const id = await caseIdOr404(request.params.caseNumber, request.lang);
      const detail = await getCaseDetail(db, id, clock.now());
      if (detail === null) throw new DomainError('NOT_FOUND', caseText(request.lang, 'caseNotFound'));
      await recordCaseView(casesContext(request, deps), detail.row, staffCaseActor(request));
      return detailJson(detail, request);
    },
  );

  app.post(
    '/api/staff/cases/:caseNumber/events',
    {
      preHandler: requireStaff({ roles: actingRoles }),
      schema: {
        tags: ['cases'],
        summary:
          'Move a case through the workflow (docs/case-workflow.md). 409 INVALID_TRANSITION when the state does not allow it, 409 CONFLICT when someone acted first (stale expectedVersion), 403 when your role or unit may not, 400 listing every missing input.',
        params: CaseNumberParams,
        body: TransitionBody,
        response: { 200: TransitionResponse },
      },
    },
    async (request) => {
      const context = casesContext(request, deps);
      const id = await caseIdOr404(request.params.caseNumber, request.lang);
      const { event, expectedVersion, ...input } = request.body;
      const row = await transitionCase(
        context,
        { caseId: id, expectedVersion, event, input },
        staffCaseActor(request),
      );
      return {
        ...caseSummary(row, context.now),
        availableEvents: availableTransitions(row, staffCaseActor(request), context).map((t) => t.event),
      };
    },
  );

  app.post(
    '/api/staff/case-assignments',
    {
      preHandler: requireStaff({ roles: ['supervisor'] }),
      schema: {
        tags: ['cases'],
        summary: 'Assign one or more of your unit’s open cases to a handler of the unit.',
        body: AssignBody,
      },
    },
    async (request) => {
      const context = casesContext(request, deps);
      const numbers = request.body.caseNumbers;
      const rows = await db.select({ id: cases.id }).from(cases).where(inArray(cases.caseNumber, numbers));
      if (rows.length !== new Set(numbers).size)
        throw new DomainError('VALIDATION_FAILED', caseText(request.lang, 'caseNotFound'), {
          problems: [
            { field: 'caseNumbers', code: 'unknown', message: caseText(request.lang, 'caseNotFound') },
          ],
        });
      const assigned = await assignCases(
        context,
        { caseIds: rows.map((row) => row.id), handlerId: request.body.handlerId },
        staffCaseActor(request),
      );
      return { assigned };
    },
  );

  app.post(
    '/api/staff/cases/:caseNumber/extensions',
    {
      preHandler: requireStaff({ roles: ['handler', 'supervisor'] }),
      schema: {
        tags: ['cases'],
        summary:
          'Ask for more time, with a reason. A handler’s request waits for a supervisor; a supervisor’s is approved at once.',
        params: CaseNumberParams,
        body: ExtensionBody,
      },
    },
    async (request, reply) => {
      const context = casesContext(request, deps);
      const id = await caseIdOr404(request.params.caseNumber, request.lang);
      const result = await requestExtension(
        context,
        { caseId: id, ...request.body },
        staffCaseActor(request),
      );
      reply.code(201);
      return result;
    },
  );

  app.post(
    '/api/staff/cases/:caseNumber/extensions/:extensionId/decision',
    {
      preHandler: requireStaff({ roles: ['supervisor'] }),
      schema: {
        tags: ['cases'],
        summary:
          'Approve or refuse an extension; on approval the applicant is told the new date and the reason.',
        params: ExtensionDecisionParams,
        body: ExtensionDecisionBody,
      },
    },
    async (request) => {
      const context = casesContext(request, deps);
      const id = await caseIdOr404(request.params.caseNumber, request.lang);
      const row = await decideExtension(
        context,
        {
          caseId: id,
          extensionId: request.params.extensionId,
          approve: request.body.approve,
          note: request.body.note ?? '',
          expectedVersion: request.body.expectedVersion,
        },
        staffCaseActor(request),
      );
      return caseSummary(row, context.now);
    },
  );

  app.get(
    '/api/staff/case-lookup',
    {
      preHandler: requireStaff({ roles: ['counter_clerk', 'secretariat', 'supervisor', 'handler'] }),
      schema: {
        tags: ['cases'],
        summary:
          'Phone enquiries: find cases by number, applicant phone or exact name. Every look-up is audited.',
        querystring: LookupQuery,
        response: { 200: LookupResponse },
      },
    },
    async (request) => {
      const items = await staffLookup(casesContext(request, deps), request.query, staffCaseActor(request));
      return { items: items.map((item) => ({ ...item, receivedAt: item.receivedAt.toISOString() })) };
    },
  );
}
