import type { FastifyReply, FastifyRequest } from 'fastify';
import { requireStaff, signedInStaff } from '../../../platform/auth/require-staff.ts';
import { postStaffForm } from '../../../platform/auth/staff-pages.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { problemsOnPage } from '../../../platform/web/components/form-problems.ts';
import { forEachLanguage, localePath } from '../../../platform/web/i18n.ts';
import { assignCases } from '../core/assignment.ts';
import { rolesFor } from '../core/case-actions.ts';
import { casesContextOf, staffCaseActorOf } from '../core/case-request-context.ts';
import { bulkAssignForm } from './case-forms.ts';
import { QueueQuery, safeReturnQuery } from './console-filters.ts';
import { sendConsolePage } from './console-page.tsx';
import { consolePaths } from './console-paths.ts';
import { loadQueuePage, type QueueExtras } from './queue-page-model.ts';
import { QueuePage } from './views/queue-page.tsx';

/** The queues (a handler's own, the unit's, every unit's for the secretariat) and assigning from them. */
export async function queueRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  const mayWorkQueue = requireStaff({ roles: rolesFor('work_queue') });

  async function showQueue(
    request: FastifyRequest,
    reply: FastifyReply,
    kind: 'mine' | 'unit',
    query: QueueQuery,
    options: { status?: number; extras?: QueueExtras } = {},
  ) {
    const props = await loadQueuePage(deps.db, {
      staff: signedInStaff(request),
      lang: request.lang,
      now: deps.clock.now(),
      csrfToken: request.csrfToken,
      kind,
      query,
      ...(options.extras === undefined ? {} : { extras: options.extras }),
    });
    return sendConsolePage(request, reply, {
      title: props.title,
      status: options.status ?? 200,
      hasError: props.problems.hasAny,
      body: <QueuePage {...props} />,
    });
  }

  forEachLanguage(consolePaths.myQueue, (url, lang) => {
    app.get(
      url,
      { preHandler: mayWorkQueue, schema: { hide: true, querystring: QueueQuery } },
      async (request, reply) => {
        // "My cases" is a handler's; the others work from the unit queue (their own: its officer filter).
        if (signedInStaff(request).role !== 'handler') {
          const search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
          return reply.redirect(`${localePath(lang, consolePaths.unitQueue)}${search}`, 303);
        }
        return showQueue(request, reply, 'mine', request.query);
      },
    );
  });

  forEachLanguage(consolePaths.unitQueue, (url) => {
    app.get(
      url,
      { preHandler: mayWorkQueue, schema: { hide: true, querystring: QueueQuery } },
      async (request, reply) => showQueue(request, reply, 'unit', request.query),
    );
  });

  forEachLanguage(consolePaths.bulkAssign, (url, lang) => {
    postStaffForm(app, deps, {
      url,
      lang,
      preHandler: requireStaff({ roles: rolesFor('bulk_assign') }),
      form: bulkAssignForm,
      run: async (values, actor) => {
        const { caseIds, handlerId } = values;
        const count = await assignCases(
          casesContextOf(actor, deps),
          { caseIds, handlerId, action: 'bulk_assign' },
          staffCaseActorOf(actor.staff),
        );
        return { count, values };
      },
      done: (_request, reply, { count, values }) => {
        // Back to the same view of the queue, saying how many went to whom.
        const back = safeReturnQuery(values.returnQuery);
        back.set('assigned', String(count));
        back.set('assignedTo', values.handlerId);
        return reply.redirect(`${localePath(lang, consolePaths.unitQueue)}?${back.toString()}`, 303);
      },
      showAgain: (request, reply, values, outcome) =>
        showQueue(request, reply, 'unit', Object.fromEntries(safeReturnQuery(values.returnQuery)), {
          status: outcome.status,
          extras: {
            problems: problemsOnPage(outcome.problems, { lang }),
            tickedIds: values.caseIds,
            chosenHandlerId: values.handlerId,
          },
        }),
    });
  });
}
