import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { requireStaff } from '../../../platform/auth/require-staff.ts';
import {
  keepStaffPagesOutOfCaches,
  sendStaffPage,
  staffHomeCrumb,
} from '../../../platform/auth/staff-pages.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { FormProblems, problemsOnPage } from '../../../platform/web/components/form-problems.ts';
import { postedForm } from '../../../platform/web/components/read-form.ts';
import { submitForm } from '../../../platform/web/components/submit-form.ts';
import { forEachLanguage, localePath } from '../../../platform/web/i18n.ts';
import { caseIdOrNotFound } from '../core/case-queries.ts';
import { ensureMayReadCase } from '../core/case-reading.ts';
import { casesContext, staffCaseActor } from '../core/case-request-context.ts';
import { faqProposalForm, proposalDraftOf } from './faq-proposal-form.ts';
import { faqProposalText as text } from './faq-proposal-messages.ts';
import { faqProposalPaths } from './faq-proposal-paths.ts';
import { faqProposalFacts, proposeFaqFromCase } from './faq-proposal-service.ts';
import type { FaqProposalPageProps } from './views/faq-proposal-page.tsx';
import { FaqProposalPage } from './views/faq-proposal-page.tsx';

const Params = Type.Object({ caseNumber: Type.String({ maxLength: 40 }) });
const Query = Type.Object({ sent: Type.Optional(Type.String({ maxLength: 10 })) });

/** Handlers and supervisors who may read the case (ensureMayReadCase in the use case: 403 otherwise). */
const mayPropose = requireStaff({ roles: ['handler', 'supervisor'] });

/** "Propose as FAQ" from the case page: the prefilled form, and the proposal it sends (issue 15). */
export async function faqProposalRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  keepStaffPagesOutOfCaches(app);

  forEachLanguage(faqProposalPaths.form(':caseNumber'), (url, lang) => {
    const show = (
      request: FastifyRequest,
      reply: FastifyReply,
      props: Omit<FaqProposalPageProps, 'lang' | 'csrfToken'>,
      status = 200,
    ) =>
      sendStaffPage(request, reply, {
        title: text(lang, 'title', { caseNumber: props.caseNumber }),
        status,
        hasError: props.problems.hasAny,
        breadcrumbs: [staffHomeCrumb(lang)],
        body: <FaqProposalPage lang={lang} csrfToken={request.csrfToken} {...props} />,
      });

    app.get(
      url,
      { preHandler: mayPropose, schema: { hide: true, params: Params, querystring: Query } },
      async (request, reply) => {
        const caseId = await caseIdOrNotFound(deps.db, request.params.caseNumber, lang);
        const facts = await faqProposalFacts(casesContext(request, deps), staffCaseActor(request), caseId);
        const isSent = request.query.sent === '1';
        return show(request, reply, {
          caseNumber: facts.caseNumber,
          values: { ...proposalDraftOf(facts), confirm: false },
          problems: FormProblems.none,
          isSent,
        });
      },
    );

    app.post(
      url,
      { preHandler: mayPropose, schema: { hide: true, params: Params, body: postedForm } },
      async (request, reply) => {
        const caseNumber = request.params.caseNumber;
        const caseId = await caseIdOrNotFound(deps.db, caseNumber, lang);
        // Refused before the form is read: nobody learns anything of a case they may not read.
        await ensureMayReadCase(casesContext(request, deps), staffCaseActor(request), { caseId });
        return submitForm({
          form: faqProposalForm,
          body: request.body,
          lang,
          run: (values) =>
            proposeFaqFromCase(casesContext(request, deps), staffCaseActor(request), {
              caseId,
              question: values.question,
              answer: values.answer,
            }),
          done: () => reply.redirect(`${localePath(lang, faqProposalPaths.form(caseNumber))}?sent=1`, 303),
          showAgain: (values, outcome) =>
            show(
              request,
              reply,
              {
                caseNumber,
                values,
                problems: problemsOnPage(outcome.problems, { lang }),
                isSent: false,
              },
              outcome.status,
            ),
        });
      },
    );
  });
}
