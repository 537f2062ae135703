import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { Type } from 'typebox';
import { requestOrigin } from '../../platform/auth/actor-context.ts';
import { requireStaff } from '../../platform/auth/require-staff.ts';
import { keepStaffPagesOutOfCaches, sendStaffPage, staffHomeCrumb } from '../../platform/auth/staff-pages.ts';
import { listDistricts } from '../../platform/geo/geo-repo.ts';
import type { AppDeps, AppInstance } from '../../platform/http/app-types.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { readMultipartForm } from '../../platform/uploads/multipart.ts';
import { FormProblems, problemsOnPage } from '../../platform/web/components/form-problems.ts';
import { postedForm, readForm } from '../../platform/web/components/read-form.ts';
import { submitForm } from '../../platform/web/components/submit-form.ts';
import { forEachLanguage, type Lang, localePath } from '../../platform/web/i18n.ts';
import { casesContext, ensureMayReadCase, recordCaseView, staffCaseActor } from '../cases/index.ts';
import {
  answerPetition,
  declinePetition,
  draftsOf,
  loadPetition,
  readIdentity,
  transferPetition,
} from './petition-actions.ts';
import { answerForm, declineForm, staffPetitionForm, transferForm } from './petition-forms.ts';
import { registerPetition } from './petition-intake.ts';
import { petitionText as text } from './petition-messages.ts';
import { petitionPaths } from './petition-paths.ts';
import { listPetitionTypes } from './petition-types.ts';
import { hasReplyLetter, replyLetterOf } from './reply-letter.ts';
import {
  IdentityPage,
  NoReplyLetterPage,
  PetitionStaffPage,
  type PetitionStaffPageProps,
  ReplyLetterPage,
  StaffNewPage,
} from './views/petition-staff-pages.tsx';

const NumberParams = Type.Object({ caseNumber: Type.String({ maxLength: 40 }) });
const DoneQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) });

/** Who registers petitions from letters, the counter, 1999 and e-mail. */
const mayRegister = requireStaff({
  roles: ['secretariat', 'counter_clerk', 'supervisor', 'handler', 'admin'],
});
/** Who may open a petition's page: those who read cases (the case core then checks this case: its unit). */
const mayRead = requireStaff({
  roles: ['admin', 'secretariat', 'supervisor', 'handler', 'counter_clerk', 'unit_head'],
});
/** Who acts on it: the unit's staff (the case core's workflow checks role and unit for each action). */
const mayAct = requireStaff({ roles: ['supervisor', 'handler', 'secretariat'] });

/**
 * The petitions' staff pages (issue 16): registering a petition from any channel (the repeats found are shown
 * on its page at once), the petition's own page (repeats with their earlier answers, the answer from its
 * template, §173 declines, transfers) and a confidential reporter's identity for designated officers.
 */
export async function petitionStaffRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  keepStaffPagesOutOfCaches(app);

  const send = (
    request: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    options: { title: string; body: ComponentChildren; status?: number; hasError?: boolean },
  ) =>
    sendStaffPage(request, reply, {
      title: options.title,
      status: options.status ?? 200,
      hasError: options.hasError ?? false,
      breadcrumbs: [staffHomeCrumb(lang)],
      body: options.body,
    });

  forEachLanguage(petitionPaths.staffNew, (url, lang) => {
    const show = async (
      request: FastifyRequest,
      reply: FastifyReply,
      values: Record<string, unknown>,
      problems: FormProblems,
      status = 200,
    ) => {
      const [types, districts] = await Promise.all([listPetitionTypes(deps.db), listDistricts(deps.db)]);
      return send(request, reply, lang, {
        title: text(lang, 'staffNewTitle'),
        status,
        hasError: problems.hasAny,
        body: (
          <StaffNewPage
            lang={lang}
            csrfToken={request.csrfToken}
            types={types.map((type) => ({
              value: type.serviceCode,
              label: lang === 'en' ? type.nameEn : type.nameZh,
            }))}
            districts={districts.map((district) => ({
              value: district.code,
              label: lang === 'en' ? district.nameEn : district.nameZh,
            }))}
            values={values}
            problems={problems}
          />
        ),
      });
    };
    app.get(url, { preHandler: mayRegister, schema: { hide: true } }, async (request, reply) =>
      show(request, reply, {}, FormProblems.none),
    );
    // Multipart: the signed record of an oral petition (or a letter) is scanned onto the case as it is registered.
    app.post(url, { preHandler: mayRegister, schema: { hide: true } }, async (request, reply) => {
      const posted = await readMultipartForm(request, lang);
      const { values, problems } = readForm(staffPetitionForm, posted.fields, lang);
      try {
        const { row } = await registerPetition(
          casesContext(request, deps),
          { ...values, attachments: posted.files.map((file) => ({ ...file, purpose: 'document' as const })) },
          staffCaseActor(request),
          [...posted.problems, ...problems],
        );
        return reply.redirect(
          `${localePath(lang, petitionPaths.staffPetition(row.caseNumber))}?done=registered`,
          303,
        );
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'VALIDATION_FAILED') throw error;
        return show(request, reply, values, problemsOnPage(error.problems, { lang }), 400);
      }
    });
  });

  forEachLanguage(petitionPaths.staffPetitionPattern, (url, lang) => {
    const load = async (request: FastifyRequest<{ Params: { caseNumber: string } }>) => {
      const page = await loadPetition(deps.db, request.params.caseNumber, lang);
      await ensureMayReadCase(casesContext(request, deps), staffCaseActor(request), { caseId: page.row.id });
      return page;
    };
    const show = async (
      request: FastifyRequest<{ Params: { caseNumber: string } }>,
      reply: FastifyReply,
      extras: Pick<PetitionStaffPageProps, 'form' | 'values' | 'problems' | 'successMessage'>,
      status = 200,
    ) => {
      const page = await load(request);
      return send(request, reply, lang, {
        title: text(lang, 'petitionTitle', { caseNumber: page.row.caseNumber }),
        status,
        hasError: extras.problems.hasAny,
        body: (
          <PetitionStaffPage
            lang={lang}
            csrfToken={request.csrfToken}
            page={page}
            drafts={draftsOf(page)}
            letter={hasReplyLetter(page.row) ? { hasEmail: Boolean(page.row.applicantEmail?.trim()) } : null}
            {...extras}
          />
        ),
      });
    };
    const doneMessages: Record<string, string> = {
      answer: text(lang, 'done_answer'),
      decline: text(lang, 'done_decline'),
      transfer: text(lang, 'done_transfer'),
    };

    app.get(
      url,
      { preHandler: mayRead, schema: { hide: true, params: NumberParams, querystring: DoneQuery } },
      async (request, reply) =>
        show(request, reply, {
          form: null,
          values: {},
          problems: FormProblems.none,
          successMessage:
            request.query.done === 'registered'
              ? text(lang, 'registeredBanner', { caseNumber: request.params.caseNumber })
              : (doneMessages[request.query.done ?? ''] ?? null),
        }),
    );

    const actions = [
      { name: 'answer', form: answerForm, run: answerPetition },
      { name: 'decline', form: declineForm, run: declinePetition },
      { name: 'transfer', form: transferForm, run: transferPetition },
    ] as const;
    for (const action of actions) {
      app.post(
        `${url}/${action.name}`,
        { preHandler: mayAct, schema: { hide: true, params: NumberParams, body: postedForm } },
        async (request, reply) => {
          const page = await load(request);
          return submitForm({
            form: action.form as typeof answerForm,
            body: request.body,
            lang,
            run: (values) =>
              (action.run as (...args: unknown[]) => Promise<unknown>)(
                casesContext(request, deps),
                page,
                values,
                staffCaseActor(request),
              ),
            done: () =>
              reply.redirect(
                `${localePath(lang, petitionPaths.staffPetition(page.row.caseNumber))}?done=${action.name}`,
                303,
              ),
            showAgain: (values, outcome) =>
              show(
                request,
                reply,
                {
                  form: action.name,
                  values: values as unknown as Record<string, string>,
                  problems: problemsOnPage(outcome.problems, { lang }),
                  successMessage: null,
                },
                outcome.status,
              ),
            isConflictShown: true,
          });
        },
      );
    }
  });

  // The reply as a letter to print and post (a petitioner without e-mail); it holds their name and address,
  // so reading it is recorded as reading the case.
  forEachLanguage(petitionPaths.letterPattern, (url, lang) => {
    app.get(
      url,
      { preHandler: mayRead, schema: { hide: true, params: NumberParams } },
      async (request, reply) => {
        const page = await loadPetition(deps.db, request.params.caseNumber, lang);
        const context = casesContext(request, deps);
        const actor = staffCaseActor(request);
        await ensureMayReadCase(context, actor, { caseId: page.row.id });
        const letter = await replyLetterOf(deps.db, page);
        if (letter === null)
          // Not yet: a page that says so and leads back to the petition, not the site's "no such page".
          return send(request, reply, lang, {
            title: text(lang, 'letterTitle', { caseNumber: page.row.caseNumber }),
            status: 404,
            body: <NoReplyLetterPage lang={lang} caseNumber={page.row.caseNumber} />,
          });
        await recordCaseView(context, page.row, actor);
        return send(request, reply, lang, {
          title: text(lang, 'letterTitle', { caseNumber: page.row.caseNumber }),
          body: <ReplyLetterPage lang={lang} letter={letter} />,
        });
      },
    );
  });

  forEachLanguage(petitionPaths.identityPattern, (url, lang) => {
    app.get(
      url,
      { preHandler: mayRead, schema: { hide: true, params: NumberParams } },
      async (request, reply) => {
        const page = await loadPetition(deps.db, request.params.caseNumber, lang);
        const actor = staffCaseActor(request);
        const identity = await readIdentity(deps.db, page, {
          staffId: actor.id,
          actor: { staffId: actor.id, label: actor.email },
          origin: requestOrigin(request),
          now: deps.clock.now(),
          lang,
        });
        return send(request, reply, lang, {
          title: text(lang, 'identityTitle', { caseNumber: page.row.caseNumber }),
          body: <IdentityPage lang={lang} caseNumber={page.row.caseNumber} identity={identity} />,
        });
      },
    );
  });
}
