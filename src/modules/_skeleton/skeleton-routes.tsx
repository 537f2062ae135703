import { Type } from 'typebox';
import { staffActorContext } from '../../platform/auth/actor-context.ts';
import { requireStaff } from '../../platform/auth/require-staff.ts';
import { keepStaffPagesOutOfCaches, sendStaffPage, staffHomeCrumb } from '../../platform/auth/staff-pages.ts';
import type { AppDeps, AppInstance } from '../../platform/http/app-types.ts';
import { FormProblems, problemsOnPage } from '../../platform/web/components/form-problems.ts';
import { postedForm } from '../../platform/web/components/read-form.ts';
import { submitForm } from '../../platform/web/components/submit-form.ts';
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
      request: Parameters<typeof sendStaffPage>[0],
      reply: Parameters<typeof sendStaffPage>[1],
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

    app.post(
      url,
      { preHandler: mayUse, schema: { hide: true, body: postedForm } },
      async (request, reply) => {
        const actor = staffActorContext(request, deps);
        return submitForm({
          form: skeletonForm,
          body: request.body,
          lang,
          run: (values) =>
            receiveSkeleton(deps.db, {
              values,
              actor: actor.auditActor,
              origin: actor.origin,
              now: actor.now,
              lang,
            }),
          done: () => reply.redirect(`${localePath(lang, skeletonPaths.page)}?done=1`, 303),
          showAgain: (values, outcome) =>
            show(
              request,
              reply,
              { values, problems: problemsOnPage(outcome.problems, { lang }), successMessage: null },
              outcome.status,
            ),
        });
      },
    );
  });
}
