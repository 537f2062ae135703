import { telephoneHref } from '../../../../platform/web/contact-details.tsx';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { deadlineText, type ServiceDetail } from '../../../catalogue/index.ts';
import { counterText as text } from '../counter-messages.ts';

function formatAmount(amountTwd: number, lang: Lang): string {
  if (amountTwd === 0) return text(lang, 'free');
  return text(lang, 'amount', { amount: amountTwd.toLocaleString('en-US') });
}

/** Beside the intake form: the service's version, unit, deadline and fees, and its guide for the applicant. */
export function ServiceAside({ lang, service }: { lang: Lang; service: ServiceDetail }) {
  const pick = (zh: string, en: string) => (lang === 'en' ? en : zh);
  const serviceName = pick(service.nameZh, service.nameEn);
  return (
    <aside class="govuk-grid-column-one-third" aria-labelledby="service-aside-heading">
      <div class="ow-counter-aside">
        <h2 class="govuk-heading-s" id="service-aside-heading">
          {text(lang, 'aboutService')}
        </h2>
        <dl
          class="govuk-summary-list govuk-summary-list--no-border ow-counter-aside__list"
          id="service-facts"
        >
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{text(lang, 'aboutService')}</dt>
            <dd class="govuk-summary-list__value">
              {text(lang, 'serviceVersion', { name: serviceName, version: service.version })}
            </dd>
          </div>
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{text(lang, 'unitLabel')}</dt>
            <dd class="govuk-summary-list__value">
              {pick(service.unit.nameZh, service.unit.nameEn)}
              <br />
              <a class="govuk-link" href={telephoneHref(service.unit.phone)}>
                {service.unit.phone}
              </a>
            </dd>
          </div>
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{text(lang, 'deadlineLabel')}</dt>
            <dd class="govuk-summary-list__value" id="service-deadline">
              {deadlineText(service.deadline, lang)}
            </dd>
          </div>
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{text(lang, 'feesLabel')}</dt>
            <dd class="govuk-summary-list__value" id="service-fees">
              <ul class="govuk-list">
                {service.fees.map((fee) => (
                  <li key={fee.labelEn}>
                    {pick(fee.labelZh, fee.labelEn)}
                    {pick('：', ': ')}
                    {formatAmount(fee.amountTwd, lang)}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        </dl>
        <p class="govuk-body-s">
          <a
            class="govuk-link"
            href={localePath(lang, `/services/${service.code}`)}
            target="_blank"
            rel="noopener"
          >
            {text(lang, 'startPageLink')}
          </a>
        </p>
      </div>
    </aside>
  );
}
