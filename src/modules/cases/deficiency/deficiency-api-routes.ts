import type { FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { requireStaff } from '../../../platform/auth/require-staff.ts';
import { toTaipeiLocalDate } from '../../../platform/calendar/working-days.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { DomainError, type FieldProblem, notFound } from '../../../platform/http/errors.ts';
import { fieldLimits } from '../../../platform/web/components/field-limits.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { rolesFor } from '../core/case-actions.ts';
import { caseText } from '../core/case-messages.ts';
import { recordCaseView } from '../core/case-reading.ts';
import { casesContext, staffCaseActor } from '../core/case-request-context.ts';
import { workflowStaffRoles } from '../core/workflows.ts';
import { deficiencyText as text } from './deficiency-messages.ts';
import { type DeficiencyNotice, getNotice, listNoticesOfCase } from './deficiency-queries.ts';
import {
  type DeficiencyCandidate,
  defaultSupplementBy,
  deficiencyLimits,
  inputNameOf,
  latestSupplementBy,
  otherInputName,
} from './deficiency-rules.ts';
import {
  candidatesOf,
  decideNotice,
  issueNotice,
  loadCase,
  mayApprove,
  mayIssue,
  serviceOf,
} from './deficiency-service.ts';
import { CaseParams, NoticeParams, readableCaseOf } from './notice-answers.ts';

/**
 * The one-time deficiency notice through the staff JSON API (issue 11 §2), for a unit's own system: what the
 * case's notice may list (GET), issuing it (POST: the same rules as the page, every problem at once, named by
 * the JSON path), and a supervisor's decision on a second one. An application's `request_supplement` is taken
 * only here or on the page: `/events` refuses it as a bare reason (Transition.through).
 */

const IssueNoticeBody = Type.Object(
  {
    expectedVersion: Type.Integer({
      minimum: 1,
      description: 'the case version you saw; a newer one gives 409',
    }),
    items: Type.Optional(
      Type.Array(
        Type.Object(
          {
            key: Type.String({ maxLength: 200, description: 'a candidate’s key, e.g. checklist:site-plan' }),
            note: Type.String({
              maxLength: fieldLimits.longText,
              description: `what is missing or wrong (at most ${deficiencyLimits.noteMaxLength} characters)`,
            }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 100 },
      ),
    ),
    otherItems: Type.Optional(
      Type.Array(Type.String({ maxLength: fieldLimits.longText }), {
        maxItems: deficiencyLimits.maxOtherItems,
        description: 'items that are neither on the checklist nor a field of the form',
      }),
    ),
    supplementBy: Type.String({
      maxLength: 40,
      description: `the date to supplement by: after today, at most ${deficiencyLimits.maxDays} days after it (2026-12-20 or 115/12/20)`,
    }),
    approvalReason: Type.Optional(
      Type.String({
        maxLength: fieldLimits.longText,
        description: 'required for a second notice (it waits for a supervisor unless you are one)',
      }),
    ),
  },
  { additionalProperties: false },
);
type IssueNoticeBody = Static<typeof IssueNoticeBody>;

const DecisionBody = Type.Object(
  {
    expectedVersion: Type.Integer({ minimum: 1 }),
    approve: Type.Boolean(),
    note: Type.Optional(Type.String({ maxLength: fieldLimits.longText, description: 'required to refuse' })),
  },
  { additionalProperties: false },
);

const NoticeItem = Type.Object({
  key: Type.String(),
  kind: Type.String(),
  labelZh: Type.String(),
  labelEn: Type.String(),
  note: Type.String(),
});
const NoticeJson = Type.Object({
  id: Type.String(),
  sequence: Type.Integer(),
  state: Type.String({
    description: 'pending_approval, issued, supplemented, lapsed, refused or withdrawn',
  }),
  items: Type.Array(NoticeItem),
  supplementBy: Type.String(),
  draftedAt: Type.String(),
  approvalReason: Type.Union([Type.String(), Type.Null()]),
  decidedAt: Type.Union([Type.String(), Type.Null()]),
  decisionNote: Type.Union([Type.String(), Type.Null()]),
  issuedAt: Type.Union([Type.String(), Type.Null()]),
  supplementedAt: Type.Union([Type.String(), Type.Null()]),
  supplementedVia: Type.Union([Type.String(), Type.Null()]),
  closedAt: Type.Union([Type.String(), Type.Null()]),
});
const NoticesResponse = Type.Object({
  caseNumber: Type.String(),
  version: Type.Integer(),
  mayIssue: Type.Boolean({ description: 'whether you may issue a notice on the case now' }),
  isSecond: Type.Boolean({ description: 'a notice was issued before: approvalReason is required' }),
  needsApproval: Type.Boolean({ description: 'a second notice of yours waits for a supervisor' }),
  defaultSupplementBy: Type.String(),
  latestSupplementBy: Type.String(),
  candidates: Type.Array(
    Type.Object({
      key: Type.String(),
      kind: Type.String({ description: 'checklist or field' }),
      labelZh: Type.String(),
      labelEn: Type.String(),
      currentAnswer: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  notices: Type.Array(NoticeJson),
});
const IssueResponse = Type.Object({
  outcome: Type.String({
    description: 'issued (the case waits for the supplement) or drafted (for approval)',
  }),
  caseNumber: Type.String(),
  state: Type.String(),
  version: Type.Integer(),
  notice: NoticeJson,
});

const iso = (at: Date | null) => at?.toISOString() ?? null;

function noticeJson(notice: DeficiencyNotice) {
  return {
    id: notice.id,
    sequence: notice.sequence,
    state: notice.state,
    items: notice.items.map(({ key, kind, labelZh, labelEn, note }) => ({
      key,
      kind,
      labelZh,
      labelEn,
      note,
    })),
    supplementBy: notice.supplementBy,
    draftedAt: notice.draftedAt.toISOString(),
    approvalReason: notice.approvalReason,
    decidedAt: iso(notice.decidedAt),
    decisionNote: notice.decisionNote,
    issuedAt: iso(notice.issuedAt),
    supplementedAt: iso(notice.supplementedAt),
    supplementedVia: notice.supplementedVia,
    closedAt: iso(notice.closedAt),
  };
}

/**
 * The JSON body as the issuing form's fields (the page's names: `tick.checklist.x`, `note.checklist.x`,
 * `other.1`), the body's own problems (a repeated item, a blank other item), and the way back from a form name
 * to the JSON path, so every problem names what was sent.
 */
export function postedOfJson(
  body: Pick<IssueNoticeBody, 'items' | 'otherItems' | 'supplementBy' | 'approvalReason'>,
  lang: Lang,
): { fields: Map<string, string>; pathOf: Map<string, string>; problems: FieldProblem[] } {
  const fields = new Map<string, string>();
  const pathOf = new Map<string, string>();
  const problems: FieldProblem[] = [];
  (body.items ?? []).forEach((item, index) => {
    const path = `items[${index}]`;
    const tick = inputNameOf('tick', item.key);
    if (fields.has(tick)) {
      problems.push({
        field: `${path}.key`,
        code: 'duplicate',
        message: text(lang, 'duplicateItem', { key: item.key }),
      });
      return;
    }
    fields.set(tick, 'yes');
    fields.set(inputNameOf('note', item.key), item.note);
    pathOf.set(tick, `${path}.key`);
    pathOf.set(inputNameOf('note', item.key), `${path}.note`);
  });
  (body.otherItems ?? []).forEach((item, index) => {
    const path = `otherItems[${index}]`;
    if (item.trim() === '') {
      problems.push({ field: path, code: 'required', message: text(lang, 'noteRequired') });
      return;
    }
    fields.set(otherInputName(index + 1), item);
    pathOf.set(otherInputName(index + 1), path);
  });
  fields.set('supplementBy', body.supplementBy);
  fields.set('approvalReason', body.approvalReason ?? '');
  return { fields, pathOf, problems };
}

/** Items that are not among what the case's notice may list. */
function unknownItemProblems(
  body: Pick<IssueNoticeBody, 'items'>,
  candidates: readonly DeficiencyCandidate[],
  lang: Lang,
): FieldProblem[] {
  const keys = new Set(candidates.map((candidate) => candidate.key));
  return (body.items ?? []).flatMap((item, index) =>
    keys.has(item.key)
      ? []
      : [
          {
            field: `items[${index}].key`,
            code: 'unknown',
            message: text(lang, 'unknownItem', { key: item.key }),
          },
        ],
  );
}

export async function deficiencyApiRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  const { db } = deps;

  const readableCase = (request: FastifyRequest<{ Params: { caseNumber: string } }>) =>
    readableCaseOf(request, deps);

  async function issuedResponse(caseId: string, noticeId: string, outcome: string, lang: Lang) {
    const row = await loadCase(db, caseId, lang);
    const notice = await getNotice(db, caseId, noticeId);
    if (notice === null) throw new Error('the notice just written is missing');
    return {
      outcome,
      caseNumber: row.caseNumber,
      state: row.state,
      version: row.version,
      notice: noticeJson(notice),
    };
  }

  app.get(
    '/api/staff/cases/:caseNumber/deficiency-notices',
    {
      preHandler: requireStaff({ roles: rolesFor('read') }),
      schema: {
        tags: ['cases'],
        summary:
          'The case’s deficiency notices, and what a notice may list now (the service’s checklist and form fields, with the answers given). The read is audited.',
        params: CaseParams,
        response: { 200: NoticesResponse },
      },
    },
    async (request) => {
      const row = await readableCase(request);
      const context = casesContext(request, deps);
      const actor = staffCaseActor(request);
      // The candidates carry the applicant's answers: recorded as the case page's read is.
      await recordCaseView(context, row, actor);
      const service = await serviceOf(db, row);
      const notices = await listNoticesOfCase(db, row.id);
      const today = toTaipeiLocalDate(context.now);
      return {
        caseNumber: row.caseNumber,
        version: row.version,
        mayIssue: mayIssue(row, actor, context),
        isSecond: notices.length > 0,
        needsApproval: notices.length > 0 && !mayApprove(row, actor, request.lang),
        defaultSupplementBy: defaultSupplementBy(today),
        latestSupplementBy: latestSupplementBy(today),
        candidates: candidatesOf(service, row.formData).map(
          ({ key, kind, labelZh, labelEn, currentAnswer }) => ({
            key,
            kind,
            labelZh,
            labelEn,
            currentAnswer,
          }),
        ),
        notices: notices.map(noticeJson),
      };
    },
  );

  app.post(
    '/api/staff/cases/:caseNumber/deficiency-notices',
    {
      preHandler: requireStaff({ roles: workflowStaffRoles }),
      schema: {
        tags: ['cases'],
        summary:
          'Issue the one-time deficiency notice (退件一次告知單): every missing or wrong item with a note, the date to supplement by. The applicant is told and the deadline pauses. A second notice needs approvalReason and waits for a supervisor (201 outcome drafted). 400 lists every problem by JSON path; 409 when the case changed (expectedVersion) or a notice is already open.',
        params: CaseParams,
        body: IssueNoticeBody,
        response: { 201: IssueResponse },
      },
    },
    async (request, reply) => {
      const lang = request.lang;
      const row = await readableCase(request);
      const posted = postedOfJson(request.body, lang);
      const byJsonPath = (problems: readonly FieldProblem[]) =>
        problems.map((problem) => ({ ...problem, field: posted.pathOf.get(problem.field) ?? problem.field }));
      let outcome: Awaited<ReturnType<typeof issueNotice>>;
      try {
        outcome = await issueNotice(
          casesContext(request, deps),
          {
            caseId: row.id,
            expectedVersion: request.body.expectedVersion,
            posted: (name) => posted.fields.get(name) ?? '',
            // Nothing is issued with an item left out: the body's own problems with the notice's, at once.
            problemsOf: (candidates) => [
              ...unknownItemProblems(request.body, candidates, lang),
              ...posted.problems,
            ],
          },
          staffCaseActor(request),
        );
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'VALIDATION_FAILED') throw error;
        if (error.problems.some((problem) => problem.code === 'already_open'))
          throw new DomainError('CONFLICT', text(lang, 'alreadyOpen'));
        throw new DomainError('VALIDATION_FAILED', caseText(lang, 'invalidCase'), {
          problems: byJsonPath(error.problems),
        });
      }
      reply.code(201);
      return issuedResponse(row.id, outcome.noticeId, outcome.kind, lang);
    },
  );

  app.post(
    '/api/staff/cases/:caseNumber/deficiency-notices/:noticeId/decision',
    {
      preHandler: requireStaff({ roles: rolesFor('decide_extension') }),
      schema: {
        tags: ['cases'],
        summary:
          'A supervisor of the case’s unit approves a second deficiency notice (it is issued) or refuses it (note required).',
        params: NoticeParams,
        body: DecisionBody,
        response: { 200: IssueResponse },
      },
    },
    async (request) => {
      const lang = request.lang;
      const row = await readableCase(request);
      const notice = await getNotice(db, row.id, request.params.noticeId);
      if (notice === null) throw notFound(text(lang, 'noticeNotFound'));
      const decided = await decideNotice(
        casesContext(request, deps),
        {
          caseId: row.id,
          noticeId: notice.id,
          expectedVersion: request.body.expectedVersion,
          approve: request.body.approve,
          note: request.body.note ?? '',
        },
        staffCaseActor(request),
      );
      return issuedResponse(row.id, notice.id, decided, lang);
    },
  );
}
