import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Static, TObject } from 'typebox';
import { Type } from 'typebox';
import { requireStaff } from '../../../platform/auth/require-staff.ts';
import type { ModuleRegistry } from '../../../platform/composition/app-module.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { DomainError, notFound } from '../../../platform/http/errors.ts';
import { isUuid } from '../../../platform/http/ids.ts';
import { type FormDefinition, postedForm } from '../../../platform/web/components/read-form.ts';
import { submitForm } from '../../../platform/web/components/submit-form.ts';
import { forEachLanguage, type Lang, localePath } from '../../../platform/web/i18n.ts';
import { assignCases } from '../core/assignment.ts';
import { rolesFor } from '../core/case-actions.ts';
import type { CasesContext, StaffCaseActor } from '../core/case-actor.ts';
import { caseText } from '../core/case-messages.ts';
import { caseIdOrNotFound } from '../core/case-queries.ts';
import { casesContext, staffCaseActor } from '../core/case-request-context.ts';
import { decideExtension, requestExtension } from '../core/extensions.ts';
import { expectedVersionOf } from '../core/form-version.ts';
import { transitionCase } from '../core/transition-case.ts';
import { type CaseEvent, isCaseEvent, workflowStaffRoles } from '../core/workflows.ts';
import {
  amountOf,
  assignForm,
  decisionProblems,
  eventForm,
  extensionDecisionForm,
  extensionRequestForm,
} from './case-forms.ts';
import { type CasePageTextKey, casePageText } from './case-page-messages.ts';
import type { ActiveForm } from './case-page-model.ts';
import { showCasePage } from './console-page.tsx';
import { consolePaths } from './console-paths.ts';

/**
 * The case page's forms: a workflow action, an assignment, an extension request and its decision. Each
 * reads its form with the kit, runs one use case, then goes back to the case page with a success banner
 * (303), or shows the page again with the form as typed: every problem (400), or who acted first (409).
 */

/** The success banner after each kind of change (the `done` query parameter of the case page). */
type DoneKind = CaseEvent | 'assigned' | 'extension_requested' | 'extension_approved' | 'extension_refused';
const doneMessages: Readonly<Record<DoneKind, CasePageTextKey>> = {
  accept: 'actionDone_accept',
  start: 'actionDone_start',
  dispatch: 'actionDone_dispatch',
  mark_fixed: 'actionDone_mark_fixed',
  request_supplement: 'actionDone_request_supplement',
  supplement_received: 'actionDone_supplement_received',
  close_unsupplemented: 'actionDone_close_unsupplemented',
  request_payment: 'actionDone_request_payment',
  payment_received: 'actionDone_payment_received',
  resolve: 'actionDone_resolve',
  submit_answer: 'actionDone_submit_answer',
  approve_answer: 'actionDone_approve_answer',
  return_answer: 'actionDone_return_answer',
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

export function doneMessage(lang: Lang, done: string | undefined): string | null {
  if (done === undefined || !Object.hasOwn(doneMessages, done)) return null;
  return casePageText(lang, doneMessages[done as DoneKind]);
}

const CaseNumberParams = Type.Object({ caseNumber: Type.String({ maxLength: 40 }) });
const CaseEventParams = Type.Object({
  caseNumber: Type.String({ maxLength: 40 }),
  event: Type.String({ maxLength: 40 }),
});
const ExtensionParams = Type.Object({
  caseNumber: Type.String({ maxLength: 40 }),
  extensionId: Type.String({ maxLength: 60 }),
});

/** What the page shows again of a sent form: everything typed but the version. */
function typedOf(values: { version?: string } & Record<string, string>): Record<string, string> {
  const { version: _version, ...typed } = values;
  return typed;
}

export async function caseActionRoutes(
  app: AppInstance,
  deps: AppDeps,
  registry: Pick<ModuleRegistry, 'pageSections'>,
): Promise<void> {
  /** One case form's life: read it, run the change, go back to the case page or show it again. */
  async function submitCaseForm<Schema extends TObject>(
    request: FastifyRequest<{ Params: { caseNumber: string } }>,
    reply: FastifyReply,
    options: {
      form: FormDefinition<Schema>;
      active: (values: Static<Schema>) => ActiveForm;
      run: (
        values: Static<Schema>,
        context: CasesContext,
        actor: StaffCaseActor,
        caseId: string,
      ) => Promise<string>;
    },
  ) {
    const lang = request.lang;
    const { caseNumber } = request.params;
    const caseId = await caseIdOrNotFound(deps.db, caseNumber, lang);
    return submitForm({
      form: options.form,
      body: request.body,
      lang,
      isConflictShown: true,
      run: (values) => options.run(values, casesContext(request, deps), staffCaseActor(request), caseId),
      done: (done) =>
        reply.redirect(
          `${localePath(lang, consolePaths.casePage(caseNumber))}?done=${encodeURIComponent(done)}`,
          303,
        ),
      showAgain: (values, outcome) =>
        showCasePage(request, reply, deps, {
          caseId,
          status: outcome.status,
          extras: { active: options.active(values), problems: outcome.problems, conflict: outcome.conflict },
          registry,
        }),
    });
  }

  forEachLanguage(consolePaths.caseEvent(':caseNumber', ':event'), (url, lang) => {
    app.post(
      url,
      {
        // Whoever some workflow lets take an event; the case's own workflow decides the rest.
        preHandler: requireStaff({ roles: workflowStaffRoles }),
        schema: { hide: true, params: CaseEventParams, body: postedForm },
      },
      async (request, reply) => {
        const event = request.params.event;
        if (!isCaseEvent(event)) throw notFound(caseText(lang, 'caseNotFound'));
        return submitCaseForm(request, reply, {
          form: eventForm,
          active: (values) => ({ kind: 'event', event, values: typedOf(values) }),
          run: async ({ version, ...input }, context, actor, caseId) => {
            await transitionCase(
              context,
              { caseId, expectedVersion: expectedVersionOf(version), event, input },
              actor,
            );
            return event;
          },
        });
      },
    );
  });

  forEachLanguage(consolePaths.caseAssign(':caseNumber'), (url) => {
    app.post(
      url,
      {
        preHandler: requireStaff({ roles: rolesFor('assign') }),
        schema: { hide: true, params: CaseNumberParams, body: postedForm },
      },
      async (request, reply) =>
        submitCaseForm(request, reply, {
          form: assignForm,
          active: (values) => ({ kind: 'assign', values }),
          run: async ({ handlerId }, context, actor, caseId) => {
            await assignCases(context, { caseIds: [caseId], handlerId, action: 'assign' }, actor);
            return 'assigned';
          },
        }),
    );
  });

  forEachLanguage(consolePaths.caseExtensions(':caseNumber'), (url) => {
    app.post(
      url,
      {
        preHandler: requireStaff({ roles: rolesFor('request_extension') }),
        schema: { hide: true, params: CaseNumberParams, body: postedForm },
      },
      async (request, reply) =>
        submitCaseForm(request, reply, {
          form: extensionRequestForm,
          active: (values) => ({ kind: 'extension', values: typedOf(values) }),
          run: async (values, context, actor, caseId) => {
            const expectedVersion = expectedVersionOf(values.version);
            const amount = amountOf(values.amount);
            const result = await requestExtension(
              context,
              { caseId, expectedVersion, amount, reason: values.reason },
              actor,
            );
            return result.approved ? 'extension_approved' : 'extension_requested';
          },
        }),
    );
  });

  forEachLanguage(consolePaths.caseExtensionDecision(':caseNumber', ':extensionId'), (url, lang) => {
    app.post(
      url,
      {
        preHandler: requireStaff({ roles: rolesFor('decide_extension') }),
        schema: { hide: true, params: ExtensionParams, body: postedForm },
      },
      async (request, reply) => {
        const { extensionId } = request.params;
        if (!isUuid(extensionId)) throw notFound(caseText(lang, 'extensionNotFound'));
        return submitCaseForm(request, reply, {
          form: extensionDecisionForm,
          active: (values) => ({ kind: 'decision', extensionId, values: { note: values.note } }),
          run: async (values, context, actor, caseId) => {
            const problems = decisionProblems(values, lang);
            if (problems.length > 0)
              throw new DomainError('VALIDATION_FAILED', caseText(lang, 'invalidCase'), { problems });
            const approve = values.decision === 'approve';
            const expectedVersion = expectedVersionOf(values.version);
            await decideExtension(
              context,
              { caseId, extensionId, approve, note: values.note, expectedVersion },
              actor,
            );
            return approve ? 'extension_approved' : 'extension_refused';
          },
        });
      },
    );
  });
}
