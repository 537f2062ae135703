import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Static, type TObject, Type } from 'typebox';
import { staffActorContext } from '../../../platform/auth/actor-context.ts';
import { requireStaff } from '../../../platform/auth/require-staff.ts';
import { keepStaffPagesOutOfCaches, sendStaffPage } from '../../../platform/auth/staff-pages.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { FormProblems, problemsOnPage } from '../../../platform/web/components/form-problems.ts';
import { type FormDefinition, postedForm } from '../../../platform/web/components/read-form.ts';
import { submitForm } from '../../../platform/web/components/submit-form.ts';
import { forEachLanguage, type Lang, localePath } from '../../../platform/web/i18n.ts';
import { rolesFor } from '../core/case-actions.ts';
import { caseText } from '../core/case-messages.ts';
import { caseIdOrNotFound, getCaseDetail } from '../core/case-queries.ts';
import { ensureMayReadCase } from '../core/case-reading.ts';
import {
  casesContext,
  casesContextOf,
  staffCaseActor,
  staffCaseActorOf,
} from '../core/case-request-context.ts';
import { expectedVersionOf } from '../core/form-version.ts';
import { availableTransitions } from '../core/transition-guards.ts';
import { counterPaymentForm, refundForm } from './payment-forms.ts';
import { paymentText } from './payment-messages.ts';
import { paymentPaths } from './payment-paths.ts';
import { feeFactsOf, paymentLinesOf, receiptViewOf } from './payment-presenters.ts';
import {
  isRefundDue,
  listPayments,
  mayRecordRefund,
  receiptPaymentOf,
  recordCounterPayment,
  recordRefund,
} from './payment-service.ts';
import { ReceiptPage, StaffPaymentPage, type StaffPaymentView } from './views/payment-pages.tsx';

/**
 * Staff: the case's fee and payments (/staff/cases/:caseNumber/payment), the counter payment (a counter
 * clerk, while the case waits for its fee: the case page's "Fee paid" action leads here), the refund of a
 * rejected or withdrawn case (a counter clerk, or a supervisor of its unit) and the receipt. Plain forms.
 */

const CaseNumberParams = Type.Object({ caseNumber: Type.String({ maxLength: 40 }) });
const PaymentPageQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) });

export async function paymentStaffRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  keepStaffPagesOutOfCaches(app);
  const mayRead = requireStaff({ roles: rolesFor('read') });
  const mayRecordPayment = requireStaff({ roles: ['counter_clerk'] });
  const mayRefund = requireStaff({ roles: ['counter_clerk', 'supervisor'] });

  async function show(
    request: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    options: {
      caseNumber: string;
      done?: string | null;
      sent?: StaffPaymentView['sent'];
      problems?: readonly { field: string; code: string; message: string }[];
      status?: number;
    },
  ) {
    const caseId = await caseIdOrNotFound(deps.db, options.caseNumber, lang);
    await ensureMayReadCase(casesContext(request, deps), staffCaseActor(request), { caseId });
    const now = deps.clock.now();
    const detail = await getCaseDetail(deps.db, caseId, now);
    if (detail === null) throw notFound(caseText(lang, 'caseNotFound'));
    const actor = staffCaseActor(request);
    const row = detail.row;
    const payments = await listPayments(deps.db, caseId);
    const canRecordPayment = availableTransitions(row, actor, {
      now,
      reopenDays: deps.config.caseReopenDays,
      lang,
    }).some((transition) => transition.event === 'payment_received');
    const problems =
      options.problems === undefined || options.sent === undefined
        ? FormProblems.none
        : problemsOnPage(options.problems, { lang });
    return sendStaffPage(request, reply, {
      title: paymentText(lang, 'staffTitle', { caseNumber: row.caseNumber }),
      hasError: problems.hasAny,
      status: options.status ?? 200,
      body: (
        <StaffPaymentPage
          lang={lang}
          csrfToken={request.csrfToken}
          fee={feeFactsOf(row)}
          version={row.version}
          payments={paymentLinesOf(payments)}
          canRecordPayment={canRecordPayment}
          canRecordRefund={isRefundDue(row) && mayRecordRefund(actor, row)}
          hasReceipt={receiptPaymentOf(payments) !== null}
          problems={problems}
          sent={options.sent ?? null}
          done={options.done ?? null}
        />
      ),
    });
  }

  forEachLanguage(paymentPaths.staffPayment(':caseNumber'), (url, lang) => {
    app.get(
      url,
      {
        preHandler: mayRead,
        schema: { hide: true, params: CaseNumberParams, querystring: PaymentPageQuery },
      },
      async (request, reply) => {
        const done = request.query.done;
        return show(request, reply, lang, {
          caseNumber: request.params.caseNumber,
          done:
            done === 'paid'
              ? paymentText(lang, 'counterDone')
              : done === 'refunded'
                ? paymentText(lang, 'refundDone')
                : null,
        });
      },
    );
  });

  /** A form of the payment page: read, run as the signed-in staff member, then back with a banner or again with every problem. */
  function staffForm<Schema extends TObject>(
    path: (caseNumber: string) => string,
    options: {
      preHandler: ReturnType<typeof requireStaff>;
      form: FormDefinition<Schema>;
      sent: 'counter' | 'refund';
      done: 'paid' | 'refunded';
      run: (
        context: ReturnType<typeof casesContextOf>,
        actor: ReturnType<typeof staffCaseActorOf>,
        caseId: string,
        values: Static<Schema>,
      ) => Promise<unknown>;
    },
  ) {
    forEachLanguage(path(':caseNumber'), (url, lang) => {
      app.post(
        url,
        {
          preHandler: options.preHandler,
          schema: { hide: true, params: CaseNumberParams, body: postedForm },
        },
        async (request, reply) => {
          const caseNumber = request.params.caseNumber;
          const caseId = await caseIdOrNotFound(deps.db, caseNumber, lang);
          const actorContext = staffActorContext(request, deps);
          return submitForm({
            form: options.form,
            body: request.body,
            lang,
            run: (values) =>
              options.run(
                casesContextOf(actorContext, deps),
                staffCaseActorOf(actorContext.staff),
                caseId,
                values,
              ),
            done: () =>
              reply.redirect(
                `${localePath(lang, paymentPaths.staffPayment(caseNumber))}?done=${options.done}`,
                303,
              ),
            showAgain: (values, outcome) =>
              show(request, reply, lang, {
                caseNumber,
                sent: { form: options.sent, values: stringValues(values) },
                problems:
                  outcome.conflict === null
                    ? outcome.problems
                    : [{ field: '', code: 'conflict', message: outcome.conflict.message }],
                status: outcome.status,
              }),
            isConflictShown: true,
          });
        },
      );
    });
  }

  staffForm(paymentPaths.staffPayment, {
    preHandler: mayRecordPayment,
    form: counterPaymentForm,
    sent: 'counter',
    done: 'paid',
    run: (context, actor, caseId, values) =>
      recordCounterPayment(context, actor, {
        caseId,
        version: expectedVersionOf(values.version),
        method: values.method,
        receiptNumber: values.receiptNumber,
      }),
  });

  staffForm(paymentPaths.staffRefund, {
    preHandler: mayRefund,
    form: refundForm,
    sent: 'refund',
    done: 'refunded',
    run: (context, actor, caseId, values) =>
      recordRefund(context, actor, {
        caseId,
        version: expectedVersionOf(values.version),
        reason: values.reason,
      }),
  });

  forEachLanguage(paymentPaths.staffReceipt(':caseNumber'), (url, lang) => {
    app.get(
      url,
      { preHandler: mayRead, schema: { hide: true, params: CaseNumberParams } },
      async (request, reply) => {
        const caseId = await caseIdOrNotFound(deps.db, request.params.caseNumber, lang);
        await ensureMayReadCase(casesContext(request, deps), staffCaseActor(request), { caseId });
        const detail = await getCaseDetail(deps.db, caseId, deps.clock.now());
        const payment = receiptPaymentOf(await listPayments(deps.db, caseId));
        if (detail === null || payment === null) throw notFound(paymentText(lang, 'receiptNone'));
        const view = receiptViewOf(lang, detail, payment, {
          href: localePath(lang, paymentPaths.staffPayment(detail.row.caseNumber)),
          text: paymentText(lang, 'paymentPageLink'),
        });
        return sendStaffPage(request, reply, {
          title: paymentText(lang, 'receiptTitle', { caseNumber: detail.row.caseNumber }),
          body: <ReceiptPage {...view} />,
        });
      },
    );
  });
}

function stringValues(values: object): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}
