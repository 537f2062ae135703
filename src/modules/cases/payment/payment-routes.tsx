import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { Type } from 'typebox';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import type { FieldProblem } from '../../../platform/http/errors.ts';
import { keepPagesPrivate } from '../../../platform/http/security-headers.ts';
import { paymentProviderOf } from '../../../platform/payments/payment-providers.ts';
import { registerPaymentSimulator } from '../../../platform/payments/simulator-routes.tsx';
import { FormProblems, problemsOnPage } from '../../../platform/web/components/form-problems.ts';
import { postedForm, readForm } from '../../../platform/web/components/read-form.ts';
import { forEachLanguage, type Lang, localePath } from '../../../platform/web/i18n.ts';
import { pageContext, renderPage, sendPage } from '../../../platform/web/layout.tsx';
import { getCaseDetail } from '../core/case-queries.ts';
import { casesContext } from '../core/case-request-context.ts';
import { checkRequestAccess } from '../track/track-access.ts';
import { type ApplicantKey, showRefusal } from '../track/track-pages.tsx';
import { applicantKeyForm } from './payment-forms.ts';
import { paymentText } from './payment-messages.ts';
import { paymentPaths } from './payment-paths.ts';
import { receiptViewOf } from './payment-presenters.ts';
import {
  listPayments,
  type PaymentsContext,
  receiptPaymentOf,
  receiveProviderNotice,
  startOnlinePayment,
} from './payment-service.ts';
import type { CallbackOutcome } from './payment-vocabulary.ts';
import { PayPage, ReceiptPage, ReturnPage } from './views/payment-pages.tsx';

/**
 * The applicant's side of the fee and the provider's: the Pay page and the receipt on /track (posted with
 * the case number and lookup code, checked like a look-up: same limits and lockout), the provider's return
 * (GET, the browser) and callback (POST, server to server: no cookie or CSRF token — the signature is the
 * credential), and the simulated provider's page when PAYMENT_PROVIDER=simulated. Answers are never cached
 * and send no Referer (they carry the lookup code in their forms).
 */

/** How each outcome is answered: applied and duplicate are fine; a refusal is the sender's mistake (4xx). */
const statusOf: Readonly<Record<CallbackOutcome, number>> = {
  applied: 200,
  duplicate: 200,
  failed: 200,
  bad_signature: 400,
  wrong_amount: 400,
  wrong_currency: 400,
  unknown_payment: 404,
  already_paid: 409,
  not_awaiting: 409,
};

const ProviderFields = Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 2000 }));

/** Only string fields (a form or JSON body may hold anything). */
function stringFields(source: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (typeof source !== 'object' || source === null) return fields;
  for (const [name, value] of Object.entries(source)) if (typeof value === 'string') fields[name] = value;
  return fields;
}

export async function paymentRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  keepPagesPrivate(app);
  const { provider, simulator } = paymentProviderOf(deps.config);
  if (simulator !== null) registerPaymentSimulator(app, deps, simulator);
  const paymentsContext = (request: FastifyRequest): PaymentsContext => ({
    ...casesContext(request, deps),
    provider,
  });

  function send(
    request: FastifyRequest,
    reply: FastifyReply,
    title: string,
    body: ComponentChildren,
    status = 200,
    hasError = false,
  ) {
    return sendPage(reply, renderPage(pageContext(request), { title, hasError, body }), status);
  }

  /** The number and code checked like a look-up; the case's id, or the look-up form saying why. */
  async function access(request: FastifyRequest, reply: FastifyReply, lang: Lang) {
    const { values } = readForm(applicantKeyForm, request.body as Record<string, unknown>, lang);
    const key: ApplicantKey = values;
    const found = await checkRequestAccess(request, deps, key, { lang });
    if (found.kind !== 'found') return { refused: showRefusal(request, reply, key, found) } as const;
    return { caseId: found.caseId, key } as const;
  }

  async function showPay(
    request: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    options: { caseId: string; key: ApplicantKey; problems?: readonly FieldProblem[]; status?: number },
  ) {
    const detail = await getCaseDetail(deps.db, options.caseId, deps.clock.now());
    if (detail === null) return showRefusal(request, reply, options.key, { kind: 'not-found' });
    const row = detail.row;
    const owes = row.state === 'awaiting_payment' && row.feeAmountTwd > 0 && row.feePaidAt === null;
    const problems =
      options.problems === undefined ? FormProblems.none : problemsOnPage(options.problems, { lang });
    return send(
      request,
      reply,
      paymentText(lang, 'payTitle', { caseNumber: row.caseNumber }),
      <PayPage
        lang={lang}
        csrfToken={request.csrfToken}
        caseNumber={row.caseNumber}
        lookupCode={options.key.lookupCode.trim().toUpperCase()}
        serviceName={lang === 'en' ? detail.serviceNameEn : detail.serviceNameZh}
        unitName={lang === 'en' ? detail.unit.nameEn : detail.unit.nameZh}
        fee={owes ? { lines: row.feeLines, amountTwd: row.feeAmountTwd } : null}
        problems={problems}
      />,
      options.status ?? 200,
      problems.hasAny,
    );
  }

  forEachLanguage(paymentPaths.trackPayment, (url, lang) => {
    app.post(url, { schema: { hide: true, body: postedForm } }, async (request, reply) => {
      const checked = await access(request, reply, lang);
      if ('refused' in checked) return checked.refused;
      return showPay(request, reply, lang, checked);
    });
  });

  forEachLanguage(paymentPaths.trackPay, (url, lang) => {
    app.post(url, { schema: { hide: true, body: postedForm } }, async (request, reply) => {
      const checked = await access(request, reply, lang);
      if ('refused' in checked) return checked.refused;
      const started = await startOnlinePayment(paymentsContext(request), { caseId: checked.caseId });
      if ('problem' in started)
        return showPay(request, reply, lang, { ...checked, problems: [started.problem], status: 409 });
      return reply.redirect(started.redirectUrl, 303);
    });
  });

  forEachLanguage(paymentPaths.trackReceipt, (url, lang) => {
    app.post(url, { schema: { hide: true, body: postedForm } }, async (request, reply) => {
      const checked = await access(request, reply, lang);
      if ('refused' in checked) return checked.refused;
      const detail = await getCaseDetail(deps.db, checked.caseId, deps.clock.now());
      const payment = detail === null ? null : receiptPaymentOf(await listPayments(deps.db, checked.caseId));
      if (detail === null || payment === null)
        return showPay(request, reply, lang, {
          ...checked,
          problems: [{ field: '', code: 'no_receipt', message: paymentText(lang, 'receiptNone') }],
          status: 404,
        });
      const view = receiptViewOf(lang, detail, payment, {
        href: `${localePath(lang, '/track')}?${new URLSearchParams({ case: detail.row.caseNumber }).toString()}`,
        text: paymentText(lang, 'backToTrack'),
      });
      return send(
        request,
        reply,
        paymentText(lang, 'receiptTitle', { caseNumber: detail.row.caseNumber }),
        <ReceiptPage {...view} />,
      );
    });
  });

  forEachLanguage(paymentPaths.providerReturn, (url, lang) => {
    app.get(url, { schema: { hide: true, querystring: ProviderFields } }, async (request, reply) => {
      const result = await receiveProviderNotice(paymentsContext(request), {
        fields: stringFields(request.query),
        via: 'return',
      });
      const kind =
        result.outcome === 'applied' || result.outcome === 'duplicate'
          ? 'paid'
          : result.outcome === 'failed'
            ? 'failed'
            : 'refused';
      const title = paymentText(
        lang,
        kind === 'paid' ? 'returnPaidTitle' : kind === 'failed' ? 'returnFailedTitle' : 'returnRefusedTitle',
      );
      return send(
        request,
        reply,
        title,
        <ReturnPage
          lang={lang}
          kind={kind}
          caseNumber={result.caseNumber}
          receiptNumber={result.receiptNumber}
        />,
        statusOf[result.outcome],
        kind === 'refused',
      );
    });
  });

  app.post(
    paymentPaths.providerCallback,
    {
      // Server to server: the provider has no session or CSRF token; the signature is checked instead
      // (ADR 0004 allows `csrf: false` for routes that protect themselves).
      config: { csrf: false },
      schema: { hide: true, body: ProviderFields },
    },
    async (request, reply) => {
      const result = await receiveProviderNotice(paymentsContext(request), {
        fields: stringFields(request.body),
        via: 'callback',
      });
      return reply.code(statusOf[result.outcome]).send({ outcome: result.outcome });
    },
  );
}
