import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { Type } from 'typebox';
import { type StaffActorContext, staffActorContext } from '../../../platform/auth/actor-context.ts';
import { requireStaff } from '../../../platform/auth/require-staff.ts';
import {
  keepStaffPagesOutOfCaches,
  sendStaffPage,
  staffHomeCrumb,
} from '../../../platform/auth/staff-pages.ts';
import { pageCountOf } from '../../../platform/db/paging.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { isUuid } from '../../../platform/http/ids.ts';
import { FormProblems, inputIdOf, problemsOnPage } from '../../../platform/web/components/form-problems.ts';
import { pageNumberOf } from '../../../platform/web/components/pagination.tsx';
import { postedForm } from '../../../platform/web/components/read-form.ts';
import { submitForm } from '../../../platform/web/components/submit-form.ts';
import { forEachLanguage, type Lang, localePath } from '../../../platform/web/i18n.ts';
import { getFaqProposal, listFaqProposals } from '../../cases/index.ts';
import { faqStaffPaths } from '../shared/portal-paths.ts';
import { type EntryFormValues, emptyEntryValues, entryForm } from './faq-form.ts';
import type { FaqEntryRow } from './faq-index.ts';
import { type FaqTextKey, faqText as text } from './faq-messages.ts';
import { faqActionPaths } from './faq-paths.ts';
import {
  editorChoices,
  entryByNumber,
  feedbackCounts,
  latestComments,
  listEntriesForStaff,
} from './faq-queries.ts';
import { faqLimits } from './faq-rules.ts';
import { changeEntryState, dismissProposal, type EditorActor, saveEntry } from './faq-service.ts';
import { FaqEditorPage, type FaqEditorPageProps } from './views/faq-editor-page.tsx';
import { FaqProposalsPage } from './views/faq-proposals-page.tsx';
import { FaqStaffListPage } from './views/faq-staff-list-page.tsx';

/** The FAQ's editors: web editors and administrators (issue 15 §5). */
const mayEdit = requireStaff({ roles: ['web_editor', 'admin'] });

const ListQuery = Type.Object({
  page: Type.Optional(Type.String({ maxLength: 20 })),
  done: Type.Optional(Type.String({ maxLength: 20 })),
});
const NewQuery = Type.Object({ proposal: Type.Optional(Type.String({ maxLength: 100 })) });
const NumberParams = Type.Object({ number: Type.String({ maxLength: 20 }) });
const EditQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) });
const IdParams = Type.Object({ id: Type.String({ maxLength: 100 }) });

const doneMessages: Readonly<Record<string, FaqTextKey>> = {
  saved: 'saved',
  published: 'published',
  withdrawn: 'withdrawn',
  dismissed: 'dismissed',
};

function doneMessage(lang: Lang, done: string | undefined): string | null {
  const key = done === undefined ? undefined : doneMessages[done];
  return key === undefined ? null : text(lang, key);
}

function editorActor(actor: StaffActorContext): EditorActor {
  return {
    staffId: actor.staff.id,
    auditActor: actor.auditActor,
    origin: actor.origin,
    now: actor.now,
    lang: actor.lang,
  };
}

function numberOf(raw: string, lang: Lang): number {
  if (!/^\d{1,9}$/.test(raw)) throw notFound(text(lang, 'entryNotFound'));
  return Number(raw);
}

/** An entry as the form shows it. */
function valuesOf(entry: FaqEntryRow): EntryFormValues {
  return {
    questionZh: entry.questionZh,
    questionEn: entry.questionEn ?? '',
    variantsZh: entry.variantsZh.join('\n'),
    variantsEn: entry.variantsEn.join('\n'),
    answerZh: entry.answerZh,
    answerEn: entry.answerEn ?? '',
    unitCode: entry.unitCode,
    relatedServiceCodes: [...entry.relatedServiceCodes],
    themeCodes: [...entry.themeCodes],
    cakeCodes: [...entry.cakeCodes],
    serviceCodes: [...entry.serviceCodes],
    proposalId: '',
  };
}

const fieldOrder = Object.keys(entryForm.schema.properties);

export async function faqStaffRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  const { db } = deps;
  keepStaffPagesOutOfCaches(app);

  const send = (
    request: FastifyRequest,
    reply: FastifyReply,
    options: { title: string; body: ComponentChildren; status?: number; hasError?: boolean },
  ) =>
    sendStaffPage(request, reply, {
      ...options,
      breadcrumbs: [
        staffHomeCrumb(request.lang),
        ...(request.url.endsWith(faqStaffPaths.list)
          ? []
          : [{ text: text(request.lang, 'staffListTitle'), href: faqStaffPaths.list }]),
      ],
    });

  forEachLanguage(faqStaffPaths.list, (url, lang) => {
    app.get(
      url,
      { preHandler: mayEdit, schema: { hide: true, querystring: ListQuery } },
      async (request, reply) => {
        const page = pageNumberOf(request.query.page);
        const [{ entries, total }, comments, proposals] = await Promise.all([
          listEntriesForStaff(db, { page }),
          latestComments(db, { limit: 10 }),
          listFaqProposals(db, { state: 'open', page: 1, pageSize: 1 }),
        ]);
        return send(request, reply, {
          title: text(lang, 'staffListTitle'),
          body: (
            <FaqStaffListPage
              lang={lang}
              entries={entries}
              comments={comments}
              openProposals={proposals.total}
              page={page}
              pageCount={pageCountOf(total, faqLimits.pageSize)}
              successMessage={doneMessage(lang, request.query.done)}
            />
          ),
        });
      },
    );
  });

  /** The editor's page: a new entry (`number` null) or an existing one, with its usefulness. */
  async function showEditor(
    request: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    options: {
      entry: FaqEntryRow | null;
      values: EntryFormValues;
      problems: FormProblems;
      successMessage: string | null;
      status?: number;
    },
  ) {
    const { entry } = options;
    const [choices, counts, comments] = await Promise.all([
      editorChoices(db, lang),
      entry === null ? Promise.resolve(new Map()) : feedbackCounts(db, [entry.id]),
      entry === null ? Promise.resolve([]) : latestComments(db, { faqId: entry.id, limit: 20 }),
    ]);
    const props: Omit<FaqEditorPageProps, 'lang' | 'csrfToken'> = {
      entry:
        entry === null
          ? null
          : {
              number: entry.number,
              state: entry.state,
              ...(counts.get(entry.id) ?? { yes: 0, no: 0 }),
              comments,
            },
      choices,
      values: options.values,
      problems: options.problems,
      successMessage: options.successMessage,
    };
    return send(request, reply, {
      title: entry === null ? text(lang, 'createTitle') : text(lang, 'editTitle', { number: entry.number }),
      status: options.status ?? 200,
      hasError: options.problems.hasAny,
      body: <FaqEditorPage lang={lang} csrfToken={request.csrfToken} {...props} />,
    });
  }

  const problemsOf = (lang: Lang, problems: Parameters<typeof problemsOnPage>[0]) =>
    problemsOnPage(problems, {
      lang,
      order: fieldOrder,
      labels: (field) =>
        field in entryForm.labels ? entryForm.labels[field as keyof typeof entryForm.labels][lang] : null,
      targetOf: (field) => (field === 'proposalId' ? '' : inputIdOf(field)),
    });

  /** The POST of the editor's form: a new entry, or the one numbered. */
  function postEntry(request: FastifyRequest, reply: FastifyReply, lang: Lang, entry: FaqEntryRow | null) {
    const actor = staffActorContext(request, deps);
    return submitForm({
      form: entryForm,
      body: request.body,
      lang,
      run: (values) => saveEntry(db, { number: entry?.number ?? null, values, actor: editorActor(actor) }),
      done: (saved) =>
        reply.redirect(`${localePath(lang, faqStaffPaths.edit(saved.number))}?done=saved`, 303),
      showAgain: (values, outcome) =>
        showEditor(request, reply, lang, {
          entry,
          values,
          problems: problemsOf(lang, outcome.problems),
          successMessage: null,
          status: outcome.status,
        }),
    });
  }

  forEachLanguage(faqStaffPaths.create, (url, lang) => {
    app.get(
      url,
      { preHandler: mayEdit, schema: { hide: true, querystring: NewQuery } },
      async (request, reply) => {
        const asked = request.query.proposal ?? '';
        // "Turn into an entry": the form starts with the proposal's question and answer, its id carried.
        const proposal = asked !== '' && isUuid(asked) ? await getFaqProposal(db, asked) : null;
        const values =
          proposal === null || proposal.state !== 'open'
            ? emptyEntryValues
            : {
                ...emptyEntryValues,
                questionZh: proposal.question,
                answerZh: proposal.answer,
                proposalId: proposal.id,
              };
        return showEditor(request, reply, lang, {
          entry: null,
          values,
          problems: FormProblems.none,
          successMessage: null,
        });
      },
    );
    app.post(url, { preHandler: mayEdit, schema: { hide: true, body: postedForm } }, (request, reply) =>
      postEntry(request, reply, lang, null),
    );
  });

  const entryOrNotFound = async (raw: string, lang: Lang) => {
    const entry = await entryByNumber(db, numberOf(raw, lang));
    if (entry === null) throw notFound(text(lang, 'entryNotFound'));
    return entry;
  };

  forEachLanguage(faqStaffPaths.edit(':number' as unknown as number), (url, lang) => {
    app.get(
      url,
      { preHandler: mayEdit, schema: { hide: true, params: NumberParams, querystring: EditQuery } },
      async (request, reply) => {
        const entry = await entryOrNotFound(request.params.number, lang);
        return showEditor(request, reply, lang, {
          entry,
          values: valuesOf(entry),
          problems: FormProblems.none,
          successMessage: doneMessage(lang, request.query.done),
        });
      },
    );
    app.post(
      url,
      { preHandler: mayEdit, schema: { hide: true, params: NumberParams, body: postedForm } },
      async (request, reply) =>
        postEntry(request, reply, lang, await entryOrNotFound(request.params.number, lang)),
    );
  });

  for (const to of ['published', 'withdrawn'] as const) {
    const path = to === 'published' ? faqActionPaths.publish : faqActionPaths.withdraw;
    forEachLanguage(path(':number' as unknown as number), (url, lang) => {
      app.post(
        url,
        { preHandler: mayEdit, schema: { hide: true, params: NumberParams, body: postedForm } },
        async (request, reply) => {
          const number = numberOf(request.params.number, lang);
          await changeEntryState(db, {
            number,
            to,
            actor: editorActor(staffActorContext(request, deps)),
          });
          return reply.redirect(`${localePath(lang, faqStaffPaths.edit(number))}?done=${to}`, 303);
        },
      );
    });
  }

  forEachLanguage(faqStaffPaths.proposals, (url, lang) => {
    app.get(
      url,
      { preHandler: mayEdit, schema: { hide: true, querystring: ListQuery } },
      async (request, reply) => {
        const page = pageNumberOf(request.query.page);
        const { proposals, total } = await listFaqProposals(db, {
          state: 'open',
          page,
          pageSize: faqLimits.pageSize,
        });
        return send(request, reply, {
          title: text(lang, 'proposalsTitle'),
          body: (
            <FaqProposalsPage
              lang={lang}
              csrfToken={request.csrfToken}
              proposals={proposals}
              page={page}
              pageCount={pageCountOf(total, faqLimits.pageSize)}
              successMessage={doneMessage(lang, request.query.done)}
            />
          ),
        });
      },
    );
  });

  forEachLanguage(faqActionPaths.dismissProposal(':id'), (url, lang) => {
    app.post(
      url,
      { preHandler: mayEdit, schema: { hide: true, params: IdParams, body: postedForm } },
      async (request, reply) => {
        await dismissProposal(db, {
          id: request.params.id,
          actor: editorActor(staffActorContext(request, deps)),
        });
        return reply.redirect(`${localePath(lang, faqStaffPaths.proposals)}?done=dismissed`, 303);
      },
    );
  });
}
