import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { requireStaff } from '../../platform/auth/require-staff.ts';
import {
  keepStaffPagesOutOfCaches,
  postStaffForm,
  sendStaffPage,
  staffHomeCrumb,
} from '../../platform/auth/staff-pages.ts';
import type { AppDeps, AppInstance } from '../../platform/http/app-types.ts';
import { FormProblems, problemsOnPage } from '../../platform/web/components/form-problems.ts';
import { forEachLanguage, localePath } from '../../platform/web/i18n.ts';
import { skeletonForm } from './skeleton-form.ts';
import { skeletonText as text } from './skeleton-messages.ts';
import { skeletonPaths } from './skeleton-paths.ts';
import { receiveSkeleton } from './skeleton-service.ts';
import { SkeletonPage, type SkeletonPageProps } from './views/skeleton-page.tsx';

const PageQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 10 })) });

/** Who may use the page: authorisation is declared on the route, never written in its body. */
const mayUse = requireStaff({ roles: ['admin'] });

export async function skeletonRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  // Staff pages hold CSRF tokens (and usually personal data): no cache may keep them.
  keepStaffPagesOutOfCaches(app);

  forEachLanguage(skeletonPaths.page, (url, lang) => {
    const show = (
      request: FastifyRequest,
      reply: FastifyReply,
      props: Omit<SkeletonPageProps, 'lang' | 'csrfToken'>,
      status = 200,
    ) =>
      sendStaffPage(request, reply, {
        title: text(lang, 'title'),
        status,
        hasError: props.problems.hasAny,
        breadcrumbs: [staffHomeCrumb(lang)],
        body: <SkeletonPage lang={lang} csrfToken={request.csrfToken} {...props} />,
      });

    app.get(
      url,
      { preHandler: mayUse, schema: { hide: true, querystring: PageQuery } },
      async (request, reply) =>
        show(request, reply, {
          values: { name: '', days: '', note: '' },
          problems: FormProblems.none,
          successMessage: request.query.done === '1' ? text(lang, 'saved') : null,
        }),
    );

    postStaffForm(app, deps, {
      url,
      lang,
      preHandler: mayUse,
      form: skeletonForm,
      run: (values, actor) =>
        receiveSkeleton(deps.db, {
          values,
          actor: actor.auditActor,
          origin: actor.origin,
          now: actor.now,
          lang,
        }),
      done: (_request, reply) => reply.redirect(`${localePath(lang, skeletonPaths.page)}?done=1`, 303),
      showAgain: (request, reply, values, outcome) =>
        show(
          request,
          reply,
          { values, problems: problemsOnPage(outcome.problems, { lang }), successMessage: null },
          outcome.status,
        ),
    });
  });
}
