import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps, AppInstance } from '../../platform/http/app-types.ts';
import { DomainError, type FieldProblem, notFound } from '../../platform/http/errors.ts';
import { enforceRateLimit } from '../../platform/http/rate-limit.ts';
import { keepPagesPrivate } from '../../platform/http/security-headers.ts';
import { postedForm, readForm } from '../../platform/web/components/read-form.ts';
import { forEachLanguage, localePath } from '../../platform/web/i18n.ts';
import { pageContext, renderPage, sendPage, sendPageOf } from '../../platform/web/layout.tsx';
import { findSitePage, sitePageOptions } from '../../platform/web/site-pages.ts';
import { casesContext, privacyNotice } from '../cases/index.ts';
import { currentServiceVersion, getService, listServices } from '../catalogue/index.ts';
import { showCheck, showDone, submitProblems } from './application-check-page.tsx';
import {
  type ApplicantValues,
  answerProblems,
  applicantProblems,
  contactProblems,
} from './application-checks.ts';
import {
  createDraft,
  listDraftFiles,
  saveDraftPage,
  sendDraftCode,
  verifyDraftCode,
} from './application-drafts.ts';
import { answersFormFor, applicantForm, codeForm, contactForm } from './application-forms.ts';
import { answerInput, answerOf, applicantInputs } from './application-input.ts';
import {
  afterSaving,
  type OpenDraft,
  openDraft,
  pageProblems,
  resumeOf,
  sendDraftGone,
  serviceNameOf,
  stepHref,
  stepViewOf,
} from './application-journey.tsx';
import {
  answerPageNumber,
  answerPages,
  isProofFresh,
  maxDraftsPerIpPerHour,
  resumeStep,
  type StepId,
  uploadItems,
} from './application-rules.ts';
import { submitDraft } from './application-submit.ts';
import { applicationText as text } from './applications-messages.ts';
import { applicationPaths, applicationRoutePatterns } from './applications-paths.ts';
import { AnswersPage } from './views/apply-answer-pages.tsx';
import { ApplicantPage, CodePage, ContactPage } from './views/apply-contact-pages.tsx';
import { ApplyListPage, ApplyStartPage } from './views/apply-start-pages.tsx';

const StartParams = Type.Object({ code: Type.String({ maxLength: 100 }) });
const DraftParams = Type.Object({ token: Type.String({ maxLength: 100 }) });
const StepParams = Type.Object({
  token: Type.String({ maxLength: 100 }),
  step: Type.String({ maxLength: 40 }),
});
const StepQuery = Type.Object({
  sent: Type.Optional(Type.String({ maxLength: 4 })),
  again: Type.Optional(Type.String({ maxLength: 4 })),
});

const applyPage = findSitePage('apply');

/** A service that has the online journey: marked online, and not a field report (those use /report). */
const hasJourney = (service: { isOnline: boolean; kind: string }) =>
  service.isOnline && service.kind !== 'field_report';

/**
 * The online application (issue 11 §1), in zh-TW and under /en:
 * - GET /apply: what can be applied for online. GET /apply/:code: the start page; POST makes a draft and
 *   goes to its first page (/apply/d/:token/applicant).
 * - GET /apply/d/:token: resumes at the first page not completed. GET/POST /apply/d/:token/:step for
 *   applicant, contact (sends the code), code (and POST code/send: a new one), answers-N and check (POST
 *   submits); done shows the case. The documents page is in application-upload-routes.tsx (multipart).
 */
export async function applicationRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  const { db, config } = deps;
  keepPagesPrivate(app);

  forEachLanguage(applicationPaths.list, (url, lang) => {
    app.get(url, { schema: { hide: true } }, async (request, reply) => {
      const online = (await listServices(db, { lang, isOnline: true })).filter(hasJourney);
      const html = renderPage(pageContext(request), {
        ...sitePageOptions(applyPage, lang),
        body: (
          <ApplyListPage
            lang={lang}
            title={sitePageOptions(applyPage, lang).title}
            applications={online.filter((service) => service.kind === 'application')}
            petitions={online.filter((service) => service.kind !== 'application')}
          />
        ),
      });
      return sendPage(reply, html);
    });
  });

  forEachLanguage(applicationRoutePatterns.start, (url, lang) => {
    const onlineService = async (code: string) => {
      const service = await getService(db, { code });
      if (service === null || !hasJourney(service)) throw notFound(text(lang, 'notOnlineTitle'));
      return service;
    };
    app.get(url, { schema: { hide: true, params: StartParams } }, async (request, reply) => {
      const service = await onlineService(request.params.code);
      return sendPageOf(request, reply, {
        title: text(lang, 'startTitle', { service: serviceNameOf(service, lang) }),
        body: (
          <ApplyStartPage
            lang={lang}
            csrfToken={request.csrfToken}
            service={service}
            uploads={uploadItems(service)}
          />
        ),
      });
    });
    app.post(
      url,
      { schema: { hide: true, params: StartParams, body: postedForm } },
      async (request, reply) => {
        const service = await onlineService(request.params.code);
        await enforceRateLimit(db, {
          key: `application:draft:ip:${request.ip}`,
          limit: maxDraftsPerIpPerHour,
          windowSeconds: 3600,
          now: deps.clock.now(),
          lang,
        });
        const { token } = await createDraft(db, {
          serviceCode: service.code,
          serviceVersion: service.version,
          lang,
          now: deps.clock.now(),
        });
        return reply.redirect(stepHref(lang, token, 'applicant'), 303);
      },
    );
  });

  forEachLanguage(applicationRoutePatterns.draft, (url, lang) => {
    app.get(url, { schema: { hide: true, params: DraftParams } }, async (request, reply) => {
      const open = await openDraft(deps, request.params.token);
      if (open === null) return sendDraftGone(request, reply);
      const step = open.draft.submittedAt === null ? resumeOf(open) : 'done';
      return reply.redirect(stepHref(lang, open.token, step), 303);
    });
  });

  /** The page again, or another: the draft's page as its step shows it. */
  const show = async (
    request: FastifyRequest,
    reply: FastifyReply,
    open: OpenDraft,
    step: string,
    options: { sent?: boolean; again?: boolean } = {},
  ): Promise<FastifyReply> => {
    const lang = request.lang;
    const { draft } = open;
    if (step === 'applicant') {
      const answers = draft.answers;
      return showApplicant(request, reply, open, {
        applicantType: answers.applicantType ?? '',
        applicantName: answers.applicantName ?? '',
        applicantCompany: answers.applicantCompany ?? '',
        applicantAddress: answers.applicantAddress ?? '',
        applicantPhone: answers.applicantPhone ?? '',
        consent: answers.consent === 'yes',
      });
    }
    if (step === 'contact')
      return showContact(request, reply, open, {
        contactKind: draft.contactKind ?? '',
        email: draft.contactKind === 'email' ? (draft.contact ?? '') : '',
        mobile: draft.contactKind === 'mobile' ? (draft.contact ?? '') : '',
      });
    if (step === 'code') {
      if (draft.contact === null) return reply.redirect(stepHref(lang, open.token, 'contact'), 303);
      return showCode(request, reply, open, { value: '', ...options });
    }
    const page = answerPageNumber(step);
    if (page !== null) return showAnswers(request, reply, open, page, draft.answers);
    if (step === 'check') return showCheck(request, reply, deps, open, []);
    return sendDraftGone(request, reply);
  };

  const showApplicant = (
    request: FastifyRequest,
    reply: FastifyReply,
    open: OpenDraft,
    values: ApplicantValues,
    problems: readonly FieldProblem[] = [],
  ) => {
    const lang = request.lang;
    const shown = pageProblems(problems, { lang, labels: applicantForm.labels, order: applicantInputs });
    return sendPageOf(request, reply, {
      title: text(lang, 'applicantTitle'),
      status: shown.hasAny ? 400 : 200,
      hasError: shown.hasAny,
      body: (
        <ApplicantPage
          view={stepViewOf(request, open, 'applicant', { problems: shown })}
          values={values}
          privacyNotice={privacyNotice(lang)}
          asksPhone={open.service.formFields.some(
            (field) => field.id === 'contact-phone' && field.isRequired,
          )}
        />
      ),
    });
  };

  const showContact = (
    request: FastifyRequest,
    reply: FastifyReply,
    open: OpenDraft,
    values: { contactKind: string; email: string; mobile: string },
    problems: readonly FieldProblem[] = [],
    status = 400,
  ) => {
    const lang = request.lang;
    const shown = pageProblems(problems, {
      lang,
      labels: contactForm.labels,
      order: ['contactKind', 'email', 'mobile'],
    });
    const needsAgain =
      open.draft.contactVerifiedAt !== null && !isProofFresh(open.draft.contactVerifiedAt, open.now);
    return sendPageOf(request, reply, {
      title: text(lang, 'contactTitle'),
      status: shown.hasAny ? status : 200,
      hasError: shown.hasAny,
      body: (
        <ContactPage
          view={stepViewOf(request, open, 'contact', { problems: shown })}
          values={values}
          important={needsAgain ? text(lang, 'codeAgainNotice') : null}
        />
      ),
    });
  };

  const showCode = (
    request: FastifyRequest,
    reply: FastifyReply,
    open: OpenDraft,
    options: {
      value: string;
      sent?: boolean;
      again?: boolean;
      problems?: readonly FieldProblem[];
      status?: number;
    },
  ) => {
    const lang = request.lang;
    const { draft } = open;
    const shown = pageProblems(options.problems ?? [], { lang, labels: codeForm.labels, order: ['code'] });
    const hasCode =
      draft.codeHash !== null &&
      draft.codeExpiresAt !== null &&
      draft.codeExpiresAt.getTime() > open.now.getTime();
    return sendPageOf(request, reply, {
      title: text(lang, 'codeTitle'),
      status: shown.hasAny ? (options.status ?? 400) : 200,
      hasError: shown.hasAny,
      body: (
        <CodePage
          view={stepViewOf(request, open, 'contact', {
            problems: shown,
            notice: options.sent ? text(lang, 'codeSent') : null,
            action: stepHref(lang, open.token, 'code'),
            backHref: stepHref(lang, open.token, 'contact'),
          })}
          contact={draft.contact ?? ''}
          contactKind={draft.contactKind ?? 'email'}
          hasCode={hasCode}
          value={options.value}
          important={options.again ? text(lang, 'codeAgainNotice') : null}
          resendAction={stepHref(lang, open.token, 'code/send')}
          contactHref={stepHref(lang, open.token, 'contact')}
        />
      ),
    });
  };

  const showAnswers = (
    request: FastifyRequest,
    reply: FastifyReply,
    open: OpenDraft,
    page: number,
    values: Readonly<Record<string, string>>,
    problems: readonly FieldProblem[] = [],
  ) => {
    const lang = request.lang;
    const pages = answerPages(open.service);
    const fields = pages[page - 1] ?? [];
    const isLast = page === pages.length;
    const form = answersFormFor(fields, { asksDescription: isLast, kind: open.service.kind });
    const order = [
      ...fields.map((field) => (field.type === 'location' ? 'address' : answerInput(field.id))),
      'description',
    ];
    const shown = pageProblems(problems, { lang, labels: form.labels, order });
    const title =
      pages.length === 1
        ? text(lang, 'answersTitle')
        : text(lang, 'answersPageTitle', { page, pages: pages.length });
    return sendPageOf(request, reply, {
      title,
      status: shown.hasAny ? 400 : 200,
      hasError: shown.hasAny,
      body: (
        <AnswersPage
          view={stepViewOf(request, open, `answers-${page}`, { problems: shown })}
          title={title}
          fields={fields}
          values={values}
          description={isLast ? { kind: open.service.kind } : null}
        />
      ),
    });
  };

  /** Opens the draft for a page: gone (404), sent already (its confirmation), or a page not reached yet. */
  const guard = async (
    request: FastifyRequest<{ Params: { token: string; step: string } }>,
    reply: FastifyReply,
  ): Promise<{ open: OpenDraft } | { reply: FastifyReply }> => {
    const lang = request.lang;
    const open = await openDraft(deps, request.params.token);
    if (open === null) return { reply: sendDraftGone(request, reply) };
    const step = request.params.step;
    if (open.draft.submittedAt !== null)
      return {
        reply:
          step === 'done'
            ? await showDone(request, reply, deps, open)
            : reply.redirect(stepHref(lang, open.token, 'done'), 303),
      };
    const first = resumeOf(open);
    if (step === 'done') return { reply: reply.redirect(stepHref(lang, open.token, first), 303) };
    const asked: StepId | null =
      step === 'code' ? 'contact' : (open.steps as string[]).includes(step) ? (step as StepId) : null;
    if (asked === null) return { reply: sendDraftGone(request, reply) };
    // Sending a draft whose proof has just expired is let through: its handler sends a new code at once.
    const reached =
      request.method === 'POST' && asked === 'check' && open.draft.contactVerifiedAt !== null
        ? resumeStep(open.steps, open.draft.completedSteps, open.now, open.now)
        : first;
    if (open.steps.indexOf(asked) > open.steps.indexOf(reached))
      return { reply: reply.redirect(stepHref(lang, open.token, first), 303) };
    return { open };
  };

  forEachLanguage(applicationRoutePatterns.step, (url, lang) => {
    app.get(
      url,
      { schema: { hide: true, params: StepParams, querystring: StepQuery } },
      async (request, reply) => {
        const opened = await guard(request, reply);
        if ('reply' in opened) return opened.reply;
        return show(request, reply, opened.open, request.params.step, {
          sent: request.query.sent === '1',
          again: request.query.again === '1',
        });
      },
    );

    app.post(
      url,
      { schema: { hide: true, params: StepParams, body: postedForm } },
      async (request, reply) => {
        const opened = await guard(request, reply);
        if ('reply' in opened) return opened.reply;
        const { open } = opened;
        const step = request.params.step;
        const now = open.now;
        const body = request.body as Record<string, unknown>;

        if (step === 'applicant') {
          const read = readForm(applicantForm, body, lang);
          const values: ApplicantValues = { ...read.values, consent: read.values.consent === true };
          const seen = new Set(read.problems.map((problem) => problem.field));
          const problems = [
            ...read.problems,
            ...applicantProblems(values, open.service, lang).filter((problem) => !seen.has(problem.field)),
          ];
          if (problems.length > 0) return showApplicant(request, reply, open, values, problems);
          const answers = {
            applicantType: values.applicantType,
            applicantName: values.applicantName,
            applicantCompany: values.applicantType === 'company' ? values.applicantCompany : '',
            applicantAddress: values.applicantAddress,
            applicantPhone: values.applicantPhone,
            consent: 'yes',
          };
          await saveDraftPage(db, { draft: open.draft, answers, step, now });
          return reply.redirect(
            stepHref(lang, open.token, afterSaving(open, 'applicant', [...open.draft.completedSteps, step])),
            303,
          );
        }

        if (step === 'contact') {
          const read = readForm(contactForm, body, lang);
          const seen = new Set(read.problems.map((problem) => problem.field));
          const problems = [
            ...read.problems,
            ...contactProblems(read.values, lang).filter((problem) => !seen.has(problem.field)),
          ];
          if (problems.length > 0) return showContact(request, reply, open, read.values, problems);
          const kind = read.values.contactKind === 'mobile' ? 'mobile' : 'email';
          const value =
            kind === 'email'
              ? read.values.email.trim().toLowerCase()
              : read.values.mobile.normalize('NFKC').replace(/[\s()+-]/g, '');
          const { draft } = open;
          const hasLiveCode =
            draft.contactKind === kind &&
            draft.contact === value &&
            draft.codeHash !== null &&
            draft.codeExpiresAt !== null &&
            draft.codeExpiresAt.getTime() > now.getTime();
          if (!hasLiveCode) {
            const refused = await sendDraftCode(db, {
              draftId: draft.id,
              contact: { kind, value },
              field: kind === 'email' ? 'email' : 'mobile',
              serviceName: serviceNameOf(open.service, lang),
              lang,
              jobs: deps.jobs,
              now,
              ip: request.ip,
            });
            if (refused.length > 0) return showContact(request, reply, open, read.values, refused, 429);
          }
          return reply.redirect(stepHref(lang, open.token, 'code'), 303);
        }

        if (step === 'code') {
          if (open.draft.contact === null) return reply.redirect(stepHref(lang, open.token, 'contact'), 303);
          const read = readForm(codeForm, body, lang);
          const typed = read.values.code;
          if (read.problems.length > 0 || typed === '')
            return showCode(request, reply, open, {
              value: typed,
              problems:
                read.problems.length > 0
                  ? read.problems
                  : [{ field: 'code', code: 'required', message: text(lang, 'codeRequired') }],
            });
          const verified = await verifyDraftCode(db, {
            draftId: open.draft.id,
            typed,
            serviceName: serviceNameOf(open.service, lang),
            lang,
            jobs: deps.jobs,
            now,
            resumeUrl: `${config.publicBaseUrl.replace(/\/$/, '')}${localePath(lang, applicationPaths.draft(open.token))}`,
          });
          if (verified.check === 'right') {
            const after = await openDraft(deps, open.token);
            const next = after === null ? 'applicant' : resumeOf(after);
            return reply.redirect(stepHref(lang, open.token, next), 303);
          }
          const message =
            verified.check === 'wrong'
              ? text(lang, 'codeWrong', { left: verified.triesLeft })
              : text(
                  lang,
                  verified.check === 'spent'
                    ? 'codeSpent'
                    : verified.check === 'expired'
                      ? 'codeExpired'
                      : 'codeNone',
                );
          const reopened = (await openDraft(deps, open.token)) ?? open;
          return showCode(request, reply, reopened, {
            value: '',
            problems: [{ field: 'code', code: `code_${verified.check}`, message }],
          });
        }

        const page = answerPageNumber(step);
        if (page !== null) {
          const pages = answerPages(open.service);
          const fields = pages[page - 1];
          if (fields === undefined) return sendDraftGone(request, reply);
          const isLast = page === pages.length;
          const form = answersFormFor(fields, { asksDescription: isLast, kind: open.service.kind });
          const read = readForm(form, body, lang);
          const values = read.values as Record<string, string>;
          const seen = new Set(read.problems.map((problem) => problem.field));
          const problems = [
            ...read.problems,
            ...answerProblems(values, { fields, asksDescription: isLast }, open.service, lang).filter(
              (problem) => !seen.has(problem.field),
            ),
          ];
          if (problems.length > 0) return showAnswers(request, reply, open, page, values, problems);
          // Dates are kept as ISO dates however they were typed (115/12/1 → 2026-12-01).
          const saved = { ...values };
          for (const field of fields)
            if (field.type === 'date')
              saved[answerInput(field.id)] = answerOf(field, values[answerInput(field.id)] ?? '');
          await saveDraftPage(db, { draft: open.draft, answers: saved, step, now });
          return reply.redirect(
            stepHref(
              lang,
              open.token,
              afterSaving(open, step as StepId, [...open.draft.completedSteps, step]),
            ),
            303,
          );
        }

        if (step === 'check') {
          if (!isProofFresh(open.draft.contactVerifiedAt, now)) {
            // The proof has expired: a new code goes out, and the code page says why it is asked again.
            await sendDraftCode(db, {
              draftId: open.draft.id,
              field: 'code',
              serviceName: serviceNameOf(open.service, lang),
              lang,
              jobs: deps.jobs,
              now,
              ip: request.ip,
            });
            return reply.redirect(`${stepHref(lang, open.token, 'code')}?again=1`, 303);
          }
          const service = await currentServiceVersion(db, open.draft.serviceCode);
          if (service === null || !hasJourney(service))
            return showCheck(request, reply, deps, open, [
              { field: '', code: 'service_gone', message: text(lang, 'serviceGone') },
            ]);
          try {
            const files = await listDraftFiles(db, open.draft.id);
            await submitDraft(casesContext(request, deps), {
              // The case is in the language the applicant sends it in.
              draft: { ...open.draft, lang },
              service,
              files,
              knownProblems: submitProblems(open, files, lang),
            });
            return reply.redirect(stepHref(lang, open.token, 'done'), 303);
          } catch (error) {
            if (!(error instanceof DomainError) || error.code !== 'VALIDATION_FAILED') throw error;
            return showCheck(request, reply, deps, open, error.problems ?? []);
          }
        }
        return sendDraftGone(request, reply);
      },
    );
  });

  forEachLanguage(applicationRoutePatterns.sendCode, (url, lang) => {
    app.post(
      url,
      { schema: { hide: true, params: DraftParams, body: postedForm } },
      async (request, reply) => {
        const open = await openDraft(deps, request.params.token);
        if (open === null) return sendDraftGone(request, reply);
        if (open.draft.submittedAt !== null) return reply.redirect(stepHref(lang, open.token, 'done'), 303);
        if (open.draft.contact === null) return reply.redirect(stepHref(lang, open.token, 'contact'), 303);
        const refused = await sendDraftCode(db, {
          draftId: open.draft.id,
          field: 'code',
          serviceName: serviceNameOf(open.service, lang),
          lang,
          jobs: deps.jobs,
          now: open.now,
          ip: request.ip,
        });
        if (refused.length > 0)
          return showCode(request, reply, open, { value: '', problems: refused, status: 429 });
        return reply.redirect(`${stepHref(lang, open.token, 'code')}?sent=1`, 303);
      },
    );
  });
}
