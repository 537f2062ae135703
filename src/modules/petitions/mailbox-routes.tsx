import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { listDistricts } from '../../platform/geo/geo-repo.ts';
import type { AppDeps, AppInstance } from '../../platform/http/app-types.ts';
import { keepPagesPrivate } from '../../platform/http/security-headers.ts';
import { FormProblems, problemsOnPage } from '../../platform/web/components/form-problems.ts';
import { postedForm } from '../../platform/web/components/read-form.ts';
import { submitForm } from '../../platform/web/components/submit-form.ts';
import { formatPageDate } from '../../platform/web/format-date.ts';
import { forEachLanguage, type Lang, localePath } from '../../platform/web/i18n.ts';
import { sendPageOf } from '../../platform/web/layout.tsx';
import { sitePageAtPath, sitePageOptions } from '../../platform/web/site-pages.ts';
import { casesContext, privacyNotice, trackUrlOf } from '../cases/index.ts';
import { confirmSubmission, findSubmission, maskedContact, startSubmission } from './mailbox-service.ts';
import { codeForm, mailboxForm } from './petition-forms.ts';
import { petitionText as text } from './petition-messages.ts';
import { petitionPaths } from './petition-paths.ts';
import { listPetitionTypes } from './petition-types.ts';
import type { PetitionSource } from './petitions-schema.ts';
import { CodePage, GonePage, MailboxPage, RegisteredPage } from './views/mailbox-pages.tsx';

const TokenParams = Type.Object({ token: Type.String({ maxLength: 100 }) });

/**
 * The director's mailbox (/mailbox) and the suggestion box (/suggestions), zh-TW and English: write, get a
 * code, type it, registered. Every page is `no-store` and `no-referrer` (personal data; the code page's
 * address holds the submission's secret, which the request log never names: it logs the route pattern).
 */
export async function mailboxRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  keepPagesPrivate(app);

  const mailboxPage = sitePageAtPath(petitionPaths.mailbox);

  const boxes: readonly {
    path: string;
    source: PetitionSource;
    title: 'mailboxTitle' | 'suggestionsTitle';
  }[] = [
    { path: petitionPaths.mailbox, source: 'director_mailbox', title: 'mailboxTitle' },
    { path: petitionPaths.suggestions, source: 'suggestion_box', title: 'suggestionsTitle' },
  ];

  for (const box of boxes) {
    forEachLanguage(box.path, (url, lang) => {
      const showForm = async (
        request: FastifyRequest,
        reply: FastifyReply,
        values: Record<string, string>,
        problems: FormProblems,
        status = 200,
      ) => {
        const [types, districts] = await Promise.all([listPetitionTypes(deps.db), listDistricts(deps.db)]);
        return sendPageOf(request, reply, {
          // The mailbox is one of the site's pages (its metadata, the footer's link); the other steps are not.
          ...(box.source === 'director_mailbox' && mailboxPage !== undefined
            ? sitePageOptions(mailboxPage, request.lang)
            : {}),
          title: text(lang, box.title),
          status,
          hasError: problems.hasAny,
          body: (
            <MailboxPage
              lang={lang}
              csrfToken={request.csrfToken}
              action={url}
              title={text(lang, box.title)}
              lead={text(lang, box.source === 'suggestion_box' ? 'suggestionsLead' : 'mailboxLead')}
              types={types
                .filter((type) => type.isOnMailbox)
                .map((type) => ({
                  value: type.serviceCode,
                  label: `${lang === 'en' ? type.nameEn : type.nameZh}${type.isConfidential ? text(lang, 'typeConfidentialHint') : ''}`,
                }))}
              districts={districts.map((district) => ({
                value: district.code,
                label: lang === 'en' ? district.nameEn : district.nameZh,
              }))}
              values={values}
              problems={problems}
              privacy={privacyNotice(lang)}
            />
          ),
        });
      };

      app.get(url, { schema: { hide: true } }, async (request, reply) =>
        showForm(request, reply, {}, FormProblems.none),
      );

      app.post(url, { schema: { hide: true, body: postedForm } }, async (request, reply) =>
        submitForm({
          form: mailboxForm,
          body: request.body,
          lang,
          run: (values) =>
            startSubmission(deps.db, {
              values,
              source: box.source,
              lang,
              ip: request.ip,
              now: deps.clock.now(),
              jobs: deps.jobs,
            }),
          done: ({ token }) => reply.redirect(localePath(lang, petitionPaths.confirm(token)), 303),
          showAgain: (values, outcome) =>
            showForm(request, reply, values, problemsOnPage(outcome.problems, { lang }), outcome.status),
        }),
      );
    });
  }

  forEachLanguage(petitionPaths.confirmPattern, (url, lang) => {
    const gone = (request: FastifyRequest, reply: FastifyReply, message: string) =>
      sendPageOf(request, reply, {
        title: text(lang, 'mailboxTitle'),
        status: 410,
        body: (
          <GonePage
            lang={lang}
            title={text(lang, 'mailboxTitle')}
            message={message}
            formHref={localePath(lang, petitionPaths.mailbox)}
          />
        ),
      });
    const showCode = (
      request: FastifyRequest<{ Params: { token: string } }>,
      reply: FastifyReply,
      contact: string,
      problems: FormProblems,
      status = 200,
    ) =>
      sendPageOf(request, reply, {
        title: text(lang, 'confirmTitle'),
        status,
        hasError: problems.hasAny,
        body: (
          <CodePage
            lang={lang}
            csrfToken={request.csrfToken}
            action={localePath(lang, petitionPaths.confirm(request.params.token))}
            contact={contact}
            problems={problems}
          />
        ),
      });

    app.get(url, { schema: { hide: true, params: TokenParams } }, async (request, reply) => {
      const submission = await findSubmission(deps.db, request.params.token, deps.clock.now());
      if (submission === null) return gone(request, reply, text(lang, 'submissionGone'));
      return showCode(request, reply, maskedContact(submission.values), FormProblems.none);
    });

    app.post(
      url,
      { schema: { hide: true, params: TokenParams, body: postedForm } },
      async (request, reply) => {
        const submission = await findSubmission(deps.db, request.params.token, deps.clock.now());
        if (submission === null) return gone(request, reply, text(lang, 'submissionGone'));
        const contact = maskedContact(submission.values);
        return submitForm({
          form: codeForm,
          body: request.body,
          lang,
          run: (values) => confirmSubmission(casesContext(request, deps), request.params.token, values.code),
          done: (outcome) => {
            if (outcome.kind === 'wrong')
              return showCode(
                request,
                reply,
                contact,
                problemsOnPage(
                  [
                    {
                      field: 'code',
                      code: 'wrong',
                      message: text(lang, 'codeWrong', { left: outcome.left }),
                    },
                  ],
                  { lang },
                ),
                400,
              );
            if (outcome.kind !== 'registered')
              return gone(
                request,
                reply,
                text(
                  lang,
                  outcome.kind === 'spent'
                    ? 'codeSpent'
                    : outcome.kind === 'expired'
                      ? 'codeExpired'
                      : 'submissionGone',
                ),
              );
            const { row } = outcome.registered;
            const pageLang: Lang = row.applicantLang === 'en' ? 'en' : 'zh-TW';
            return sendPageOf(request, reply, {
              title: text(pageLang, 'registeredTitle'),
              body: (
                <RegisteredPage
                  lang={pageLang}
                  caseNumber={row.caseNumber}
                  lookupCode={row.lookupCode}
                  date={
                    row.expectedCompletionDate === null
                      ? ''
                      : formatPageDate(pageLang, row.expectedCompletionDate)
                  }
                  trackHref={trackUrlOf('', row)}
                  isEmailed={(submission.values.email ?? '') !== ''}
                />
              ),
            });
          },
          showAgain: (_values, outcome) =>
            showCode(request, reply, contact, problemsOnPage(outcome.problems, { lang }), outcome.status),
        });
      },
    );
  });
}
