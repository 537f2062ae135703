import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import type { Static, TObject } from 'typebox';
import type { AppInstance } from '../http/app-types.ts';
import type { Clock } from '../http/clock.ts';
import type { DomainError, FieldProblem } from '../http/errors.ts';
import { type FormDefinition, postedForm } from '../web/components/read-form.ts';
import { submitForm } from '../web/components/submit-form.ts';
import type { Lang } from '../web/i18n.ts';
import { type Breadcrumb, sendPageOf } from '../web/layout.tsx';
import { type StaffActorContext, staffActorContext } from './actor-context.ts';
import { authText } from './auth-messages.ts';
import { staffPaths } from './auth-paths.ts';

/**
 * Staff pages carry CSRF tokens and personal data: no shared or browser cache may keep anything a route
 * in this scope sends. A route that sets its own Cache-Control (a download's) keeps it.
 */
export function keepStaffPagesOutOfCaches(app: AppInstance): void {
  app.addHook('onSend', async (_request, reply) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
}

export interface StaffPageOptions {
  title: string;
  body: ComponentChildren;
  status?: number;
  hasError?: boolean;
  breadcrumbs?: Breadcrumb[];
}

/** The first breadcrumb of the pages below the staff home. */
export function staffHomeCrumb(lang: Lang): Breadcrumb {
  return { text: authText(lang, 'staffHomeTitle'), href: staffPaths.home };
}

/** A page in the shell, marked as a staff page (kept out of search engines). */
export function sendStaffPage(
  request: FastifyRequest,
  reply: FastifyReply,
  options: StaffPageOptions,
): FastifyReply {
  return sendPageOf(request, reply, { ...options, isStaffPage: true });
}

/**
 * The POST route of a staff form page, the same everywhere: the form read with the forms kit (`postedForm`
 * body, so a person's mistake is answered by the page), the use case run as the signed-in staff member,
 * then `done` (usually a 303 back with a success banner) or the page again with what was typed and every
 * problem (`submitForm`). Who may post is the route's `preHandler`.
 */
export function postStaffForm<Schema extends TObject, Result>(
  app: AppInstance,
  deps: { clock: Clock },
  route: {
    url: string;
    lang: Lang;
    preHandler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
    form: FormDefinition<Schema>;
    run(values: Static<Schema>, actor: StaffActorContext): Promise<Result>;
    done(request: FastifyRequest, reply: FastifyReply, result: Result): FastifyReply | Promise<FastifyReply>;
    showAgain(
      request: FastifyRequest,
      reply: FastifyReply,
      values: Static<Schema>,
      outcome: { status: 400 | 409; problems: FieldProblem[]; conflict: DomainError | null },
    ): FastifyReply | Promise<FastifyReply>;
    /** Let a CONFLICT or INVALID_TRANSITION show the page again (409) instead of the error page. */
    isConflictShown?: boolean;
  },
): void {
  app.post(
    route.url,
    { preHandler: route.preHandler, schema: { hide: true, body: postedForm } },
    async (request, reply) => {
      const actor = staffActorContext(request, deps);
      return submitForm({
        form: route.form,
        body: request.body,
        lang: route.lang,
        run: (values) => route.run(values, actor),
        done: (result) => route.done(request, reply, result),
        showAgain: (values, outcome) => route.showAgain(request, reply, values, outcome),
        isConflictShown: route.isConflictShown ?? false,
      });
    },
  );
}
