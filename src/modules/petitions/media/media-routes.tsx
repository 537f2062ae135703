import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Static, type TObject, Type } from 'typebox';
import { type StaffActorContext, staffActorContext } from '../../../platform/auth/actor-context.ts';
import { requireStaff, signedInStaff } from '../../../platform/auth/require-staff.ts';
import {
  keepStaffPagesOutOfCaches,
  postStaffForm,
  sendStaffPage,
  staffHomeCrumb,
} from '../../../platform/auth/staff-pages.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import {
  answerOnce,
  formClaim,
  newOnceToken,
  onceFieldName,
  onceTokenOf,
} from '../../../platform/http/idempotency.ts';
import { UuidParam } from '../../../platform/http/ids.ts';
import { unitsNow } from '../../../platform/reference/units-now.ts';
import { FormProblems, problemsOnPage } from '../../../platform/web/components/form-problems.ts';
import { pageNumberOf } from '../../../platform/web/components/pagination.tsx';
import { type FormDefinition, postedForm } from '../../../platform/web/components/read-form.ts';
import { submitForm } from '../../../platform/web/components/submit-form.ts';
import { forEachLanguage, type Lang, localePath } from '../../../platform/web/i18n.ts';
import type { Breadcrumb } from '../../../platform/web/layout.tsx';
import {
  blankMediaItem,
  type ClarificationValues,
  clarificationForm,
  type FactCheckValues,
  factCheckForm,
  mediaItemForm,
} from './media-form.ts';
import { type MediaTextKey, mediaText as text } from './media-messages.ts';
import { mediaPaths } from './media-paths.ts';
import {
  listScopeOf,
  mayRecordClarification,
  mayRecordFactCheck,
  mediaFilterOf,
  mediaReaderRoles,
  mediaRecorderRoles,
} from './media-rules.ts';
import {
  getMediaItem,
  listMediaItems,
  recordClarification,
  recordFactCheckNote,
  recordMediaItem,
} from './media-service.ts';
import { MediaItemPage } from './views/media-item-page.tsx';
import { MediaListPage } from './views/media-list-page.tsx';
import { MediaNewPage } from './views/media-new-page.tsx';

/** The list and an item's page: the secretariat and admins (every item), a unit's supervisors and handlers (their unit's). */
const mayRead = requireStaff({ roles: mediaReaderRoles });
/** Recording an item: the secretariat and admins. */
const mayRecord = requireStaff({ roles: mediaRecorderRoles });

const ListQuery = Type.Object({
  show: Type.Optional(Type.String({ maxLength: 20 })),
  page: Type.Optional(Type.String({ maxLength: 12 })),
});
const ItemParams = Type.Object({ id: UuidParam });
const ItemQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) });

/** What the item page's banner says after each form (`?done=`). */
const doneMessages: Record<string, MediaTextKey> = {
  recorded: 'doneRecorded',
  note: 'doneNote',
  clarified: 'doneClarified',
};

function itemLocation(lang: Lang, id: string, done: keyof typeof doneMessages): string {
  return `${localePath(lang, mediaPaths.item(id))}?done=${done}`;
}

function crumbs(lang: Lang): Breadcrumb[] {
  return [staffHomeCrumb(lang), { text: text(lang, 'listTitle'), href: mediaPaths.list }];
}

/** The media log's staff pages (輿情, issue 16 §7). */
export async function mediaRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  keepStaffPagesOutOfCaches(app);

  forEachLanguage(mediaPaths.list, (url, lang) => {
    app.get(
      url,
      { preHandler: mayRead, schema: { hide: true, querystring: ListQuery } },
      async (request, reply) => {
        const staff = signedInStaff(request);
        const filter = mediaFilterOf(request.query.show);
        const page = pageNumberOf(request.query.page);
        const now = deps.clock.now();
        const list = await listMediaItems(deps.db, { viewer: staff, filter, page, now });
        const scope = listScopeOf(staff);
        return sendStaffPage(request, reply, {
          title: text(lang, 'listTitle'),
          breadcrumbs: [staffHomeCrumb(lang)],
          body: (
            <MediaListPage
              lang={lang}
              filter={filter}
              page={page}
              rows={list.rows}
              hasNextPage={list.hasNextPage}
              now={now}
              mayRecord={(mediaRecorderRoles as readonly string[]).includes(staff.role)}
              unitCode={scope === 'none' ? null : scope.unitCode}
              units={await unitsNow(deps.db)}
            />
          ),
        });
      },
    );
  });

  forEachLanguage(mediaPaths.newItem, (url, lang) => {
    const show = async (
      request: FastifyRequest,
      reply: FastifyReply,
      props: { values: typeof blankMediaItem; problems: FormProblems },
      status = 200,
    ) =>
      sendStaffPage(request, reply, {
        title: text(lang, 'newTitle'),
        status,
        hasError: props.problems.hasAny,
        breadcrumbs: crumbs(lang),
        body: (
          <MediaNewPage
            lang={lang}
            csrfToken={request.csrfToken}
            values={props.values}
            // The same token while the form comes back with problems: it stays one submission.
            onceToken={onceTokenOf(props.values._once) ?? newOnceToken()}
            problems={props.problems}
            units={await unitsNow(deps.db)}
          />
        ),
      });

    app.get(url, { preHandler: mayRecord, schema: { hide: true } }, async (request, reply) =>
      show(request, reply, { values: blankMediaItem, problems: FormProblems.none }),
    );

    postStaffForm(app, deps, {
      url,
      lang,
      preHandler: mayRecord,
      form: mediaItemForm,
      run: async (values, actor) => {
        // A double click or a browser's retry goes to the item the first post recorded.
        const claim = formClaim({ [onceFieldName]: values._once }, `media:staff:${actor.staff.id}`);
        const answer = await answerOnce(deps.db, claim, actor, async (record) => {
          let location = '';
          await recordMediaItem(deps.db, {
            values,
            actor,
            inTransaction: async (tx, id) => {
              location = itemLocation(lang, id, 'recorded');
              await record(tx, { status: 303, answer: { location } });
            },
          });
          return { status: 303, answer: { location } };
        });
        return String(answer.answer.location);
      },
      done: (_request, reply, location) => reply.redirect(location, 303),
      showAgain: (request, reply, values, outcome) =>
        show(
          request,
          reply,
          {
            values,
            problems: problemsOnPage(outcome.problems, {
              lang,
              order: Object.keys(mediaItemForm.schema.properties),
            }),
          },
          outcome.status,
        ),
    });
  });

  /** The item's page, with what each of its forms holds (as typed, after a problem). */
  const showItem = async (
    request: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    id: string,
    forms: {
      successMessage?: string | null;
      factCheck?: { values: FactCheckValues; problems: FormProblems };
      clarification?: { values: ClarificationValues; problems: FormProblems };
    },
    status = 200,
  ) => {
    const staff = signedInStaff(request);
    const item = await getMediaItem(deps.db, { id, viewer: staff, lang });
    const factCheck = forms.factCheck ?? {
      values: { note: item.factCheckNote ?? '' },
      problems: FormProblems.none,
    };
    const clarification = forms.clarification ?? {
      values: {
        clarificationKind: item.clarificationKind ?? '',
        clarificationUrl: item.clarificationUrl ?? '',
      },
      problems: FormProblems.none,
    };
    return sendStaffPage(request, reply, {
      title: item.title,
      status,
      hasError: factCheck.problems.hasAny || clarification.problems.hasAny,
      breadcrumbs: crumbs(lang),
      body: (
        <MediaItemPage
          lang={lang}
          csrfToken={request.csrfToken}
          item={item}
          now={deps.clock.now()}
          successMessage={forms.successMessage ?? null}
          mayRecordFactCheck={mayRecordFactCheck(staff, item)}
          mayRecordClarification={mayRecordClarification(staff, item)}
          factCheck={factCheck}
          clarification={clarification}
          units={await unitsNow(deps.db)}
        />
      ),
    });
  };

  forEachLanguage(mediaPaths.itemPattern, (url, lang) => {
    app.get(
      url,
      { preHandler: mayRead, schema: { hide: true, params: ItemParams, querystring: ItemQuery } },
      async (request, reply) => {
        const done = doneMessages[request.query.done ?? ''];
        return showItem(request, reply, lang, request.params.id, {
          successMessage: done === undefined ? null : text(lang, done),
        });
      },
    );
  });

  /**
   * A form of the item's page, posted to its own address: postStaffForm's life (the forms kit's submitForm
   * as the signed-in member, the CSRF check being the site's) with the item's id from the route. Who may
   * answer which item is the use case's check (media-rules.ts); a refused member's form is never shown again.
   */
  const postItemForm = <Schema extends TObject>(route: {
    pattern: string;
    form: FormDefinition<Schema>;
    run(id: string, values: Static<Schema>, actor: StaffActorContext): Promise<void>;
    done: keyof typeof doneMessages;
    showAgain(values: Static<Schema>, problems: FormProblems): Parameters<typeof showItem>[4];
  }) =>
    forEachLanguage(route.pattern, (url, lang) => {
      app.post(
        url,
        { preHandler: mayRead, schema: { hide: true, params: ItemParams, body: postedForm } },
        async (request, reply) => {
          const id = request.params.id;
          const actor = staffActorContext(request, deps);
          return submitForm({
            form: route.form,
            body: request.body,
            lang,
            run: (values) => route.run(id, values, actor),
            done: () => reply.redirect(itemLocation(lang, id, route.done), 303),
            showAgain: (values, outcome) =>
              showItem(
                request,
                reply,
                lang,
                id,
                route.showAgain(values, problemsOnPage(outcome.problems, { lang })),
                outcome.status,
              ),
          });
        },
      );
    });

  postItemForm({
    pattern: mediaPaths.factCheckPattern,
    form: factCheckForm,
    run: (id, values, actor) => recordFactCheckNote(deps.db, { id, values, actor }),
    done: 'note',
    showAgain: (values, problems) => ({ factCheck: { values, problems } }),
  });

  postItemForm({
    pattern: mediaPaths.clarificationPattern,
    form: clarificationForm,
    run: (id, values, actor) => recordClarification(deps.db, { id, values, actor }),
    done: 'clarified',
    showAgain: (values, problems) => ({ clarification: { values, problems } }),
  });
}
