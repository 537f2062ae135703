import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { staffActorContext } from '../../../platform/auth/actor-context.ts';
import { recordStaffAudit } from '../../../platform/auth/audit-log.ts';
import { requireStaff } from '../../../platform/auth/require-staff.ts';
import {
  keepStaffPagesOutOfCaches,
  type StaffPageOptions,
  sendStaffPage,
  staffHomeCrumb,
} from '../../../platform/auth/staff-pages.ts';
import { listDistricts } from '../../../platform/geo/geo-repo.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { DomainError, type FieldProblem, notFound } from '../../../platform/http/errors.ts';
import { answerOnce, formClaim, newOnceToken, onceTokenOf } from '../../../platform/http/idempotency.ts';
import { readMultipartForm } from '../../../platform/uploads/multipart.ts';
import { FormProblems } from '../../../platform/web/components/form-problems.ts';
import { forEachLanguage, type Lang, localePath } from '../../../platform/web/i18n.ts';
import { getService, listServices, type ServiceDetail } from '../../catalogue/index.ts';
import { rolesFor } from '../core/case-actions.ts';
import { storeAttachments } from '../core/case-attachments.ts';
import { casePaths } from '../core/case-paths.ts';
import { ensureMayReadCase } from '../core/case-reading.ts';
import { casesContext, staffCaseActor } from '../core/case-request-context.ts';
import { openCase } from '../core/open-case.ts';
import {
  attachmentsOf,
  type CounterFormValues,
  counterFormProblems,
  emptyCounterForm,
  problemsOnCounterForm,
  readCounterForm,
  toOpenCaseInput,
} from './counter-form.ts';
import { counterText } from './counter-messages.ts';
import { counterPaths } from './counter-paths.ts';
import { loadCounterReceipt, qrCodeSvg, trackingUrl } from './counter-receipt.ts';
import { CounterFormPage } from './views/counter-form-page.tsx';
import { CounterPickerPage, intakeFormHref } from './views/counter-picker-page.tsx';
import { CounterReceiptPage } from './views/counter-receipt-page.tsx';

const PickerQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: 200 })) });
const IntakeQuery = Type.Object({ service: Type.Optional(Type.String({ maxLength: 100 })) });
const ReceiptParams = Type.Object({ caseNumber: Type.String({ maxLength: 30 }) });

/**
 * Counter intake (walk-in, phone, e-mail, 1999) and the printed receipt:
 * - GET  /staff/counter                         pick the service (keyword search, or a list grouped by unit)
 * - GET  /staff/counter/new?service=code        the intake form
 * - POST /staff/counter/new?service=code        multipart (scanned documents): the case and its files in one
 *                                               transaction, or the form again listing every problem (400)
 * - GET  /staff/counter/receipt/:caseNumber     the printable receipt (收件憑證)
 * and the same under /en. Whoever may open a case (the actions table's `open`) may use them.
 */
export async function counterRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  const { db, config } = deps;
  const mayOpen = requireStaff({ roles: rolesFor('open') });

  // Forms with tokens, and applicants' personal data: no shared or browser cache may keep these pages.
  keepStaffPagesOutOfCaches(app);

  const send = (
    request: FastifyRequest,
    reply: FastifyReply,
    { breadcrumbs = [], ...options }: StaffPageOptions,
  ) =>
    sendStaffPage(request, reply, {
      ...options,
      breadcrumbs: [staffHomeCrumb(request.lang), ...breadcrumbs],
    });
  const pickerCrumb = (lang: Lang) => ({
    text: counterText(lang, 'pickerTitle'),
    href: counterPaths.counter,
  });

  const showPicker = async (
    request: FastifyRequest,
    reply: FastifyReply,
    options: { q: string; problem: string | null },
  ) => {
    const lang = request.lang;
    const services = await listServices(db, { lang });
    const search =
      options.q === '' ? null : { q: options.q, results: await listServices(db, { lang, query: options.q }) };
    const problems = FormProblems.of(
      options.problem === null ? [] : [{ target: 'service', message: options.problem }],
    );
    return send(request, reply, {
      title: counterText(lang, 'pickerTitle'),
      hasError: problems.hasAny,
      status: problems.hasAny ? 400 : 200,
      body: <CounterPickerPage lang={lang} services={services} search={search} problems={problems} />,
    });
  };

  const showForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    options: {
      service: ServiceDetail;
      values: CounterFormValues;
      problems: readonly FieldProblem[];
      hadFiles: boolean;
      /** The refused form's own token, so that its corrected post is still the one submission. */
      onceToken?: string | null;
    },
  ) => {
    const lang = request.lang;
    const { service } = options;
    const problems = problemsOnCounterForm(options.problems, service, lang);
    return send(request, reply, {
      title: counterText(lang, 'formTitle', { service: lang === 'en' ? service.nameEn : service.nameZh }),
      hasError: problems.hasAny,
      status: problems.hasAny ? 400 : 200,
      breadcrumbs: [pickerCrumb(lang)],
      body: (
        <CounterFormPage
          lang={lang}
          service={service}
          values={options.values}
          problems={problems}
          districts={await listDistricts(db)}
          action={intakeFormHref(lang, service.code)}
          csrfToken={request.csrfToken}
          uploadLimits={request.server.uploadLimits}
          hadFiles={options.hadFiles}
          onceToken={options.onceToken ?? newOnceToken()}
        />
      ),
    });
  };

  forEachLanguage(counterPaths.counter, (url) => {
    app.get(
      url,
      { schema: { hide: true, querystring: PickerQuery }, preHandler: mayOpen },
      async (request, reply) =>
        showPicker(request, reply, { q: request.query.q?.trim() ?? '', problem: null }),
    );
  });

  forEachLanguage(counterPaths.newIntake, (url, lang) => {
    app.get(
      url,
      { schema: { hide: true, querystring: IntakeQuery }, preHandler: mayOpen },
      async (request, reply) => {
        const code = request.query.service?.trim() ?? '';
        const service = code === '' ? null : await getService(db, { code });
        if (service === null)
          return showPicker(request, reply, {
            q: '',
            problem: counterText(lang, code === '' ? 'pickRequired' : 'pickUnknown'),
          });
        return showForm(request, reply, {
          service,
          values: emptyCounterForm(lang),
          problems: [],
          hadFiles: false,
        });
      },
    );

    app.post(
      url,
      { schema: { hide: true, querystring: IntakeQuery }, preHandler: mayOpen },
      async (request, reply) => {
        const service = await getService(db, { code: request.query.service?.trim() ?? '' });
        if (service === null) throw notFound(counterText(lang, 'pickUnknown'));
        const form = await readMultipartForm(request, lang);
        const { values, problems } = readCounterForm(form.fields, service, lang);
        const context = casesContext(request, deps);
        const actor = staffCaseActor(request);
        // The form's one-time token: a double click or a browser's retry shows the receipt of the case the
        // first post opened, and opens no second one.
        const claim = formClaim(form.fields, `counter:staff:${actor.id}`);
        try {
          const answer = await answerOnce(db, claim, context, async (record) => {
            let location = '';
            await openCase(context, toOpenCaseInput(values, service, form.files), actor, {
              knownProblems: [...form.problems, ...problems, ...counterFormProblems(values, service, lang)],
              inTransaction: async (tx, row) => {
                await storeAttachments(
                  tx,
                  row.id,
                  attachmentsOf(form.files, service),
                  { staffId: actor.id },
                  context.now,
                );
                // The clerk's page in the clerk's language; the receipt on it is in the applicant's (the case's
                // applicantLang), so serving an English speaker never switches the counter to English.
                location = localePath(lang, counterPaths.receipt(row.caseNumber));
                await record(tx, { status: 303, answer: { location } });
              },
            });
            return { status: 303, answer: { location } };
          });
          return reply.redirect(String(answer.answer.location), 303);
        } catch (error) {
          if (!(error instanceof DomainError) || error.code !== 'VALIDATION_FAILED') throw error;
          const hadFiles =
            form.files.length > 0 || form.problems.some((problem) => problem.code.startsWith('file_'));
          return showForm(request, reply, {
            service,
            values,
            problems: error.problems,
            hadFiles,
            onceToken: onceTokenOf(form.fields._once),
          });
        }
      },
    );
  });

  forEachLanguage(counterPaths.receipt(':caseNumber'), (url, lang) => {
    app.get(
      url,
      { schema: { hide: true, params: ReceiptParams }, preHandler: mayOpen },
      async (request, reply) => {
        const receipt = await loadCounterReceipt(db, request.params.caseNumber);
        if (receipt === null) throw notFound(counterText(lang, 'receiptNotFound'));
        await ensureMayReadCase(casesContext(request, deps), staffCaseActor(request), {
          caseId: receipt.caseId,
        });
        const actor = staffActorContext(request, deps);
        // Who printed whose receipt (it carries the applicant's name).
        await recordStaffAudit(db, actor, {
          action: 'case.receipt_view',
          target: { type: 'case', id: receipt.caseId },
          details: { caseNumber: receipt.caseNumber },
        });
        const qrCode = await qrCodeSvg(
          trackingUrl(config.publicBaseUrl, receipt),
          counterText(receipt.applicantLang, 'qrLabel', { caseNumber: receipt.caseNumber }),
        );
        return send(request, reply, {
          title: `${counterText(lang, 'receiptTitle')} ${receipt.caseNumber}`,
          breadcrumbs: [pickerCrumb(lang)],
          body: (
            <CounterReceiptPage
              lang={lang}
              receipt={receipt}
              trackPageUrl={`${config.publicBaseUrl}${localePath(receipt.applicantLang, casePaths.track)}`}
              qrCodeSvg={qrCode}
            />
          ),
        });
      },
    );
  });
}
