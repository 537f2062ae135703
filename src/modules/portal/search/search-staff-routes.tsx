import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { staffActorContext } from '../../../platform/auth/actor-context.ts';
import { requireStaff } from '../../../platform/auth/require-staff.ts';
import {
  keepStaffPagesOutOfCaches,
  postStaffForm,
  sendStaffPage,
  staffHomeCrumb,
} from '../../../platform/auth/staff-pages.ts';
import { pageCountOf, pageWindow } from '../../../platform/db/paging.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { UuidParam } from '../../../platform/http/ids.ts';
import { FormProblems, problemsOnPage } from '../../../platform/web/components/form-problems.ts';
import { pageNumberOf } from '../../../platform/web/components/pagination.tsx';
import { defineForm, postedForm } from '../../../platform/web/components/read-form.ts';
import { submitForm } from '../../../platform/web/components/submit-form.ts';
import { forEachLanguage, type Lang, localePath } from '../../../platform/web/i18n.ts';
import { searchStaffPaths } from '../shared/portal-paths.ts';
import { searchText as text } from './search-messages.ts';
import {
  addSynonym,
  changeSynonym,
  getSynonym,
  listMisses,
  listSynonyms,
  removeSynonym,
} from './search-staff-service.ts';
import { synonymForm } from './synonym-rules.ts';
import {
  MissesPage,
  SynonymPage,
  SynonymsPage,
  type SynonymValues,
  synonymPaths,
} from './views/search-staff-pages.tsx';

/** The web editors' search pages: searches that found nothing, and the synonym table (issue 15 §4). */

const mayUse = requireStaff({ roles: ['web_editor', 'admin'] });
const pageSize = 50;

const MissesQuery = Type.Object({
  lang: Type.Optional(Type.String({ maxLength: 10 })),
  page: Type.Optional(Type.String({ maxLength: 10 })),
});
const ListQuery = Type.Object({
  page: Type.Optional(Type.String({ maxLength: 10 })),
  done: Type.Optional(Type.String({ maxLength: 10 })),
});
const IdParams = Type.Object({ id: UuidParam });
const removeForm = defineForm(Type.Object({}), {});

const emptySynonym: SynonymValues = { phrase: '', expansion: '' };

export async function searchStaffRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  const { db } = deps;
  keepStaffPagesOutOfCaches(app);

  forEachLanguage(searchStaffPaths.misses, (url, lang) => {
    app.get(
      url,
      { preHandler: mayUse, schema: { hide: true, querystring: MissesQuery } },
      async (request, reply) => {
        const missLang: Lang = request.query.lang === 'en' ? 'en' : 'zh-TW';
        const page = pageNumberOf(request.query.page);
        const found = await listMisses(db, {
          lang: missLang,
          now: deps.clock.now(),
          window: pageWindow(page, pageSize),
        });
        return sendStaffPage(request, reply, {
          title: text(lang, 'missesTitle'),
          breadcrumbs: [staffHomeCrumb(lang)],
          body: (
            <MissesPage
              lang={lang}
              missLang={missLang}
              rows={found.rows}
              total={found.total}
              page={page}
              pageCount={pageCountOf(found.total, pageSize)}
            />
          ),
        });
      },
    );
  });

  forEachLanguage(searchStaffPaths.synonyms, (url, lang) => {
    const crumbs = [
      staffHomeCrumb(lang),
      { text: text(lang, 'missesTitle'), href: localePath(lang, searchStaffPaths.misses) },
    ];
    const show = async (
      request: FastifyRequest,
      reply: FastifyReply,
      props: { page: number; values: SynonymValues; problems: FormProblems; successMessage: string | null },
      status = 200,
    ) => {
      const found = await listSynonyms(db, pageWindow(props.page, pageSize));
      return sendStaffPage(request, reply, {
        title: text(lang, 'synonymsTitle'),
        status,
        hasError: props.problems.hasAny,
        breadcrumbs: crumbs,
        body: (
          <SynonymsPage
            lang={lang}
            csrfToken={request.csrfToken}
            rows={found.rows}
            total={found.total}
            pageCount={pageCountOf(found.total, pageSize)}
            {...props}
          />
        ),
      });
    };
    app.get(
      url,
      { preHandler: mayUse, schema: { hide: true, querystring: ListQuery } },
      async (request, reply) => {
        const done = request.query.done;
        return show(request, reply, {
          page: pageNumberOf(request.query.page),
          values: emptySynonym,
          problems: FormProblems.none,
          successMessage:
            done === 'added'
              ? text(lang, 'added')
              : done === 'changed'
                ? text(lang, 'changed')
                : done === 'removed'
                  ? text(lang, 'removed')
                  : null,
        });
      },
    );
    postStaffForm(app, deps, {
      url,
      lang,
      preHandler: mayUse,
      form: synonymForm,
      run: (values, actor) =>
        addSynonym(db, { values, actor: actor.auditActor, origin: actor.origin, now: actor.now, lang }),
      done: (_request, reply) =>
        reply.redirect(`${localePath(lang, searchStaffPaths.synonyms)}?done=added`, 303),
      showAgain: (request, reply, values, outcome) =>
        show(
          request,
          reply,
          { page: 1, values, problems: problemsOnPage(outcome.problems, { lang }), successMessage: null },
          outcome.status,
        ),
    });
  });

  forEachLanguage(`${searchStaffPaths.synonyms}/:id`, (url, lang) => {
    const crumbs = [
      staffHomeCrumb(lang),
      { text: text(lang, 'synonymsTitle'), href: localePath(lang, searchStaffPaths.synonyms) },
    ];
    const show = (
      request: FastifyRequest,
      reply: FastifyReply,
      id: string,
      values: SynonymValues,
      problems: FormProblems,
      status = 200,
    ) =>
      sendStaffPage(request, reply, {
        title: text(lang, 'changeTitle'),
        status,
        hasError: problems.hasAny,
        breadcrumbs: crumbs,
        body: (
          <SynonymPage
            lang={lang}
            csrfToken={request.csrfToken}
            id={id}
            values={values}
            problems={problems}
          />
        ),
      });
    app.get(url, { preHandler: mayUse, schema: { hide: true, params: IdParams } }, async (request, reply) => {
      const synonym = await getSynonym(db, request.params.id);
      if (!synonym) throw notFound(text(lang, 'synonymNotFound'));
      return show(
        request,
        reply,
        synonym.id,
        { phrase: synonym.phrase, expansion: synonym.expansion },
        FormProblems.none,
      );
    });
    app.post(
      url,
      { preHandler: mayUse, schema: { hide: true, params: IdParams, body: postedForm } },
      async (request, reply) => {
        const actor = staffActorContext(request, deps);
        const id = request.params.id;
        return submitForm({
          form: synonymForm,
          body: request.body,
          lang,
          run: (values) =>
            changeSynonym(db, id, {
              values,
              actor: actor.auditActor,
              origin: actor.origin,
              now: actor.now,
              lang,
            }),
          done: () => reply.redirect(`${localePath(lang, searchStaffPaths.synonyms)}?done=changed`, 303),
          showAgain: (values, outcome) =>
            show(request, reply, id, values, problemsOnPage(outcome.problems, { lang }), outcome.status),
        });
      },
    );
    app.post(
      `${url}/remove`,
      { preHandler: mayUse, schema: { hide: true, params: IdParams, body: postedForm } },
      async (request, reply) => {
        const actor = staffActorContext(request, deps);
        return submitForm({
          form: removeForm,
          body: request.body,
          lang,
          run: () =>
            removeSynonym(db, request.params.id, {
              actor: actor.auditActor,
              origin: actor.origin,
              now: actor.now,
              lang,
            }),
          done: () => reply.redirect(`${localePath(lang, searchStaffPaths.synonyms)}?done=removed`, 303),
          showAgain: () => reply.redirect(localePath(lang, synonymPaths.item(request.params.id)), 303),
        });
      },
    );
  });
}
