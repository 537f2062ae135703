import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps, AppInstance } from '../http/app-types.ts';
import { Button, CsrfField } from '../web/components/form-controls.tsx';
import { postedForm } from '../web/components/read-form.ts';
import { SummaryRow } from '../web/components/summary-list.tsx';
import { forEachLanguage, type Lang, localePath } from '../web/i18n.ts';
import { pageContext, renderPage, sendPage } from '../web/layout.tsx';
import { type SimulatedProvider, type SimulatedStart, simulatorPath } from './simulated-provider.ts';
import { simulatorText } from './simulator-messages.ts';

/**
 * The simulated provider's own page (/payment-simulator, /en/payment-simulator): what a real provider's
 * checkout would be, clearly labelled 模擬付款. GET shows the signed start (amount, what for) with two
 * buttons; POST (CSRF, no JavaScript needed) settles it: the "provider" posts its signed server-to-server
 * callback to the app's callback route (through the app's own router: app.inject, as the provider's
 * server would over HTTP), then sends the browser to the return URL with signed fields. A module that takes
 * online payments registers it with its provider (cases/payment).
 */

const SimulatorQuery = Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 2000 }));

export function registerPaymentSimulator(app: AppInstance, deps: AppDeps, provider: SimulatedProvider): void {
  const origin = new URL(deps.config.publicBaseUrl).origin;
  /** A URL of this app, as a path to inject or redirect to; null for any other site. */
  const ownPath = (url: string): string | null => {
    if (!URL.canParse(url)) return null;
    const parsed = new URL(url);
    return parsed.origin === origin ? `${parsed.pathname}${parsed.search}` : null;
  };

  function show(request: FastifyRequest, reply: FastifyReply, lang: Lang, start: SimulatedStart | null) {
    const context = pageContext(request);
    const body =
      start === null ? (
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-two-thirds">
            <h1 class="govuk-heading-l">{simulatorText(lang, 'invalidTitle')}</h1>
            <p class="govuk-body">{simulatorText(lang, 'invalidText')}</p>
          </div>
        </div>
      ) : (
        <div class="govuk-grid-row" data-payment-simulator>
          <div class="govuk-grid-column-two-thirds">
            <span class="govuk-caption-l">{simulatorText(lang, 'caption')}</span>
            <h1 class="govuk-heading-l">{simulatorText(lang, 'title')}</h1>
            <div class="govuk-warning-text">
              <span class="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong class="govuk-warning-text__text">{simulatorText(lang, 'warning')}</strong>
            </div>
            <dl class="govuk-summary-list">
              <SummaryRow label={simulatorText(lang, 'description')}>{start.description}</SummaryRow>
              <SummaryRow label={simulatorText(lang, 'amount')}>
                <span data-amount={start.amount}>
                  {start.currency} {start.amount.toLocaleString('en-US')}
                </span>
              </SummaryRow>
              <SummaryRow label={simulatorText(lang, 'reference')}>{start.paymentId}</SummaryRow>
            </dl>
            <form method="post" action={localePath(lang, simulatorPath)} novalidate>
              <CsrfField token={request.csrfToken} />
              {Object.entries(startFieldsOf(request)).map(([name, value]) => (
                <input key={name} type="hidden" name={name} value={value} />
              ))}
              <div class="govuk-button-group">
                <Button name="outcome" value="paid">
                  {simulatorText(lang, 'payButton')}
                </Button>
                <Button name="outcome" value="cancelled" isSecondary>
                  {simulatorText(lang, 'cancelButton')}
                </Button>
              </div>
            </form>
          </div>
        </div>
      );
    const html = renderPage(context, {
      title: simulatorText(lang, start === null ? 'invalidTitle' : 'title'),
      hasError: start === null,
      body,
      metadata: {},
    });
    reply.header('cache-control', 'no-store');
    return sendPage(reply, html, start === null ? 400 : 200);
  }

  /** The signed start's fields, from the query (GET) or the form (POST). */
  function startFieldsOf(request: FastifyRequest): Record<string, string> {
    const source = (request.method === 'GET' ? request.query : request.body) as Record<string, unknown>;
    const fields: Record<string, string> = {};
    for (const name of ['payment', 'amount', 'currency', 'return', 'callback', 'description', 'signature']) {
      const value = source?.[name];
      if (typeof value === 'string') fields[name] = value;
    }
    return fields;
  }

  forEachLanguage(simulatorPath, (url, lang) => {
    app.get(url, { schema: { hide: true, querystring: SimulatorQuery } }, async (request, reply) =>
      show(request, reply, lang, provider.readStart(startFieldsOf(request))),
    );

    app.post(url, { schema: { hide: true, body: postedForm } }, async (request, reply) => {
      const start = provider.readStart(startFieldsOf(request));
      const outcome = (request.body as Record<string, unknown>).outcome;
      const returnPath = start === null ? null : ownPath(start.returnUrl);
      if (start === null || returnPath === null || (outcome !== 'paid' && outcome !== 'cancelled'))
        return show(request, reply, lang, null);
      const notice = provider.settle(start, outcome, deps.clock.now());
      // (a) The provider's server-to-server callback, through the app's own router.
      const callbackPath = ownPath(start.callbackUrl);
      if (callbackPath !== null) {
        const delivered = await app.inject({
          method: 'POST',
          url: callbackPath,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams(notice).toString(),
        });
        request.log.info({ status: delivered.statusCode }, 'simulated payment callback delivered');
      }
      // (b) The browser back to the app, with the same signed fields.
      const separator = returnPath.includes('?') ? '&' : '?';
      return reply.redirect(`${returnPath}${separator}${new URLSearchParams(notice).toString()}`, 303);
    });
  });
}
