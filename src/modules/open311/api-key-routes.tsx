import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { staffActorContext } from '../../platform/auth/actor-context.ts';
import { requireStaff } from '../../platform/auth/require-staff.ts';
import {
  keepStaffPagesOutOfCaches,
  postStaffForm,
  sendStaffPage,
  staffHomeCrumb,
} from '../../platform/auth/staff-pages.ts';
import type { AppDeps, AppInstance } from '../../platform/http/app-types.ts';
import { DomainError, notFound } from '../../platform/http/errors.ts';
import { isUuid } from '../../platform/http/ids.ts';
import { FormProblems, problemsOnPage } from '../../platform/web/components/form-problems.ts';
import { postedForm } from '../../platform/web/components/read-form.ts';
import { forEachLanguage, type Lang, localePath } from '../../platform/web/i18n.ts';
import { apiKeyForm } from './api-key-form.ts';
import { apiKeyText as text } from './api-key-messages.ts';
import { apiKeyPaths } from './api-key-paths.ts';
import { apiKeyNameProblem } from './api-key-rules.ts';
import { createApiKey, getApiKey, listApiKeys, revokeApiKey } from './api-keys.ts';
import { ApiKeysPage, type ApiKeysPageProps, RevokeApiKeyPage } from './views/api-keys-page.tsx';

const ListQuery = Type.Object({ revoked: Type.Optional(Type.String({ maxLength: 64 })) });
const KeyParams = Type.Object({ id: Type.String({ maxLength: 36 }) });

/** Admins only: a key lets another system file reports in the bureau's name. */
const mayManage = requireStaff({ roles: ['admin'] });

/**
 * `/staff/api-keys`: the keys, a form that creates one (the new key is shown on the answer to that post,
 * once, never in a URL), and a confirmation page before a key is revoked. Both languages.
 */
export async function apiKeyRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  keepStaffPagesOutOfCaches(app);

  forEachLanguage(apiKeyPaths.list, (url, lang) => {
    const show = async (
      request: FastifyRequest,
      reply: FastifyReply,
      props: Omit<ApiKeysPageProps, 'lang' | 'csrfToken' | 'keys'>,
      status = 200,
    ) =>
      sendStaffPage(request, reply, {
        title: text(lang, 'title'),
        status,
        hasError: props.problems.hasAny,
        breadcrumbs: [staffHomeCrumb(lang)],
        body: (
          <ApiKeysPage
            lang={lang}
            csrfToken={request.csrfToken}
            keys={await listApiKeys(deps.db)}
            {...props}
          />
        ),
      });

    app.get(
      url,
      { preHandler: mayManage, schema: { hide: true, querystring: ListQuery } },
      async (request, reply) => {
        const revoked = request.query.revoked ?? '';
        return show(request, reply, {
          values: { name: '', rate: '' },
          problems: FormProblems.none,
          created: null,
          successMessage:
            revoked !== '' && apiKeyNameProblem(revoked, lang) === null
              ? text(lang, 'revokedBanner', { name: revoked })
              : null,
        });
      },
    );

    postStaffForm(app, deps, {
      url,
      lang,
      preHandler: mayManage,
      form: apiKeyForm,
      run: (values, actor) =>
        createApiKey(deps.db, {
          name: values.name,
          rate: values.rate,
          createdByStaffId: actor.staff.id,
          actor: actor.auditActor,
          origin: actor.origin,
          now: actor.now,
          lang,
        }),
      // Shown on this answer, not after a redirect: the key must never sit in a URL or a later page.
      done: (request, reply, { key, row }) =>
        show(request, reply, {
          values: { name: '', rate: '' },
          problems: FormProblems.none,
          created: { name: row.name, key },
          successMessage: null,
        }),
      showAgain: (request, reply, values, outcome) =>
        show(
          request,
          reply,
          {
            values,
            problems: problemsOnPage(outcome.problems, { lang }),
            created: null,
            successMessage: null,
          },
          outcome.status,
        ),
    });
  });

  forEachLanguage(apiKeyPaths.revoke(':id'), (url, lang) => {
    const keyOf = async (id: string, lang: Lang) => {
      const key = isUuid(id) ? await getApiKey(deps.db, id) : null;
      if (key === null) throw notFound(text(lang, 'keyNotFound', { name: id.slice(0, 36) }));
      return key;
    };
    const backToList = (reply: FastifyReply, revokedName: string | null) =>
      reply.redirect(
        `${localePath(lang, apiKeyPaths.list)}${revokedName === null ? '' : `?revoked=${encodeURIComponent(revokedName)}`}`,
        303,
      );

    app.get(
      url,
      { preHandler: mayManage, schema: { hide: true, params: KeyParams } },
      async (request, reply) => {
        const key = await keyOf(request.params.id, lang);
        if (key.revokedAt !== null) return backToList(reply, null);
        return sendStaffPage(request, reply, {
          title: text(lang, 'revokeTitle', { name: key.name }),
          breadcrumbs: [
            staffHomeCrumb(lang),
            { text: text(lang, 'title'), href: localePath(lang, apiKeyPaths.list) },
          ],
          body: <RevokeApiKeyPage lang={lang} csrfToken={request.csrfToken} apiKey={key} />,
        });
      },
    );

    app.post(
      url,
      { preHandler: mayManage, schema: { hide: true, params: KeyParams, body: postedForm } },
      async (request, reply) => {
        const key = await keyOf(request.params.id, lang);
        const actor = staffActorContext(request, deps);
        try {
          const revoked = await revokeApiKey(deps.db, {
            name: key.name,
            actor: actor.auditActor,
            origin: actor.origin,
            now: actor.now,
            lang,
          });
          return backToList(reply, revoked.name);
        } catch (error) {
          // Revoked meanwhile (another admin, the command line): the list shows it as revoked.
          if (error instanceof DomainError && error.code === 'CONFLICT') return backToList(reply, null);
          throw error;
        }
      },
    );
  });
}
