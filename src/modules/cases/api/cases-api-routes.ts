import type { Static } from 'typebox';
import { requireStaff } from '../../../platform/auth/require-staff.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { answerOnce, headerClaim, sendAnswer } from '../../../platform/http/idempotency.ts';
import { assignCases } from '../core/assignment.ts';
import { listScope, rolesFor, unitsBeforeTransfers } from '../core/case-actions.ts';
import type { CaseRow } from '../core/case-actor.ts';
import { deadlineStatus } from '../core/case-deadline.ts';
import { caseText } from '../core/case-messages.ts';
import {
  type CaseDetail,
  caseIdOrNotFound,
  caseIdsByNumbers,
  getCaseDetail,
  listQueue,
  queuePageSize,
} from '../core/case-queries.ts';
import { ensureMayReadCase, recordCaseView, staffLookup } from '../core/case-reading.ts';
import { casesContext, staffCaseActor } from '../core/case-request-context.ts';
import { decideExtension, requestExtension } from '../core/extensions.ts';
import { openCase } from '../core/open-case.ts';
import { trackUrlOf } from '../core/track-url.ts';
import { transitionCase } from '../core/transition-case.ts';
import { availableTransitions } from '../core/transition-guards.ts';
import { type CaseState, workflowStaffRoles } from '../core/workflows.ts';
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
  OpenCaseHeaders,
  OpenCaseResponse,
  QueueQuery,
  QueueResponse,
  TransitionBody,
  TransitionResponse,
} from './cases-schemas.ts';

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
    deadlineStatus: deadlineStatus(row, now),
  };
}

/** JSON endpoints for cases (staff). The public look-up is in track-routes.tsx. */
export async function casesApiRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  const { db, clock, config } = deps;

  app.post(
    '/api/staff/cases',
    {
      preHandler: requireStaff({ roles: rolesFor('open') }),
      schema: {
        tags: ['cases'],
        summary:
          'Open a case for any service of any unit (counter, phone, e-mail, 1999 or API intake). Send an `Idempotency-Key` to retry safely: the same key with the same body within 24 hours answers with the first case (header `Idempotent-Replayed: true`) instead of opening another; the same key with another body is 409 CONFLICT.',
        headers: OpenCaseHeaders,
        body: OpenCaseBody,
        response: { 201: OpenCaseResponse },
      },
    },
    async (request, reply) => {
      const context = casesContext(request, deps);
      const actor = staffCaseActor(request);
      const claim = headerClaim(request, `api.cases:staff:${actor.id}`);
      const answer = await answerOnce(db, claim, context, async (record) => {
        let body: Record<string, unknown> = {};
        await openCase(context, request.body, actor, {
          inTransaction: async (tx, row) => {
            body = {
              ...caseSummary(row, context.now),
              lookupCode: row.lookupCode,
              trackUrl: trackUrlOf(config.publicBaseUrl, row),
            };
            await record(tx, { status: 201, answer: body });
          },
        });
        return { status: 201, answer: body };
      });
      return sendAnswer<Static<typeof OpenCaseResponse>>(reply, answer);
    },
  );

  app.get(
    '/api/staff/cases',
    {
      preHandler: requireStaff({ roles: rolesFor('work_queue') }),
      schema: {
        tags: ['cases'],
        summary:
          'A queue, nearest deadline first: `scope=mine` (assigned to me) or the unit’s (supervisors and handlers: their own unit; the secretariat chooses `unit`, or every unit). Who may: the actions table’s `work_queue` (docs/case-workflow.md).',
        querystring: QueueQuery,
        response: { 200: QueueResponse },
      },
    },
    async (request) => {
      const actor = staffCaseActor(request);
      const query = request.query;
      // The queue the table gives the role: its own unit's, or (secretariat) the unit asked for, or all.
      const unitCode =
        listScope(actor.role, 'work_queue') === 'own_unit' ? (actor.unitCode ?? undefined) : query.unit;
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
      preHandler: requireStaff({ roles: rolesFor('read') }),
      schema: {
        tags: ['cases'],
        summary: 'One case with its timeline and the actions available to you now. Each read is audited.',
        params: CaseNumberParams,
        response: { 200: CaseDetailResponse },
      },
    },
    async (request) => {
      const id = await caseIdOrNotFound(db, request.params.caseNumber, request.lang);
      const detail = await getCaseDetail(db, id, clock.now());
      if (detail === null) throw notFound(caseText(request.lang, 'caseNotFound'));
      await ensureMayReadCase(casesContext(request, deps), staffCaseActor(request), {
        caseId: id,
        facts: { ...detail.row, unitsBefore: unitsBeforeTransfers(detail.timeline) },
      });
      await recordCaseView(casesContext(request, deps), detail.row, staffCaseActor(request));
      return detailJson(detail, request);
    },
  );

  app.post(
    '/api/staff/cases/:caseNumber/events',
    {
      preHandler: requireStaff({ roles: workflowStaffRoles }),
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
      const id = await caseIdOrNotFound(db, request.params.caseNumber, request.lang);
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
      preHandler: requireStaff({ roles: rolesFor('bulk_assign') }),
      schema: {
        tags: ['cases'],
        summary: 'Assign one or more of your unit’s open cases to a handler of the unit.',
        body: AssignBody,
      },
    },
    async (request) => {
      const context = casesContext(request, deps);
      const caseIds = await caseIdsByNumbers(db, request.body.caseNumbers, request.lang);
      const assigned = await assignCases(
        context,
        { caseIds, handlerId: request.body.handlerId, action: 'bulk_assign' },
        staffCaseActor(request),
      );
      return { assigned };
    },
  );

  app.post(
    '/api/staff/cases/:caseNumber/extensions',
    {
      preHandler: requireStaff({ roles: rolesFor('request_extension') }),
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
      const id = await caseIdOrNotFound(db, request.params.caseNumber, request.lang);
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
      preHandler: requireStaff({ roles: rolesFor('decide_extension') }),
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
      const id = await caseIdOrNotFound(db, request.params.caseNumber, request.lang);
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
      preHandler: requireStaff({ roles: rolesFor('look_up') }),
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
