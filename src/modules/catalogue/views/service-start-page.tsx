import type { ComponentChildren } from 'preact';
import { telephoneHref } from '../../../platform/web/contact-details.tsx';
import { type Lang, localePath } from '../../../platform/web/i18n.ts';
import { catalogueText as text } from '../catalogue-messages.ts';
import { onlineServicePaths } from '../catalogue-paths.ts';
import type { FormField } from '../catalogue-schemas.ts';
import type { ServiceDetail } from '../catalogue-service.ts';
import { deadlineExplanation, deadlineText } from '../deadline-text.ts';

const hasChinese = (value: string) => /[\u3400-\u9fff\uf900-\ufaff]/u.test(value);

/**
 * A sample answer as a reader would see it: a choice by its label, not its stored value. A service keeps one
 * sample, written in Chinese; on an English page a place is shown as an English reader would write it (issue
 * 14 §16: the example address was left in Chinese), and any other Chinese answer (a name) is marked as
 * Chinese, so it is read and drawn as Chinese.
 */
function sampleAnswer(field: FormField, value: string, lang: Lang) {
  if (field.type === 'choice') {
    const option = field.options.find((candidate) => candidate.value === value);
    if (!option) return value;
    return lang === 'en' ? option.labelEn : option.labelZh;
  }
  if (lang !== 'en' || !hasChinese(value)) return value;
  if (field.type === 'location') return text(lang, 'sampleLocation');
  return <span lang="zh-TW">{value}</span>;
}

function formatAmount(amountTwd: number, lang: Lang): string {
  if (amountTwd === 0) return text(lang, 'free');
  return text(lang, 'amount', { amount: amountTwd.toLocaleString('en-US') });
}

/**
 * Where the service is done online and the button's words: a field report on the report form, any other
 * online service in the online application (the applications module's list: not a field report), none
 * when it is not online.
 */
function onlineStart(service: Pick<ServiceDetail, 'code' | 'kind' | 'isOnline'>, lang: Lang) {
  if (!service.isOnline) return null;
  return service.kind === 'field_report'
    ? { href: localePath(lang, onlineServicePaths.report(service.code)), label: text(lang, 'startReport') }
    : { href: localePath(lang, onlineServicePaths.apply(service.code)), label: text(lang, 'startApply') };
}

/**
 * GOV.UK's start button: a link that looks like a button. It stays a link to assistive technology (it goes
 * to a page and sends nothing), so no role="button".
 */
function StartLink({ href, label }: { href: string; label: string }) {
  return (
    <a href={href} class="govuk-button govuk-button--start" id="start">
      {label}
      <svg
        class="govuk-button__start-icon"
        xmlns="http://www.w3.org/2000/svg"
        width="17.5"
        height="19"
        viewBox="0 0 33 40"
        aria-hidden="true"
        focusable="false"
      >
        <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
      </svg>
    </a>
  );
}

/** `/services/:code`: the start page (申辦須知) of UX.md — what it is, what you need, cost, time, other ways. */
export function ServiceStartPage({
  lang,
  service,
  sections = [],
}: {
  lang: Lang;
  service: ServiceDetail;
  /** What other modules add to the page (the service's FAQ entries): AppModule.pageSections. */
  sections?: readonly ComponentChildren[];
}) {
  const isEnglish = lang === 'en';
  const pick = (zh: string, en: string) => (isEnglish ? en : zh);
  const unit = service.unit;
  const address = pick(unit.addressZh, unit.addressEn);
  const hours = pick(unit.serviceHoursZh, unit.serviceHoursEn);
  const start = onlineStart(service, lang);
  const sampleRows = service.formFields.flatMap((field) => {
    const value = service.sample[field.id];
    return value === undefined ? [] : [{ field, value }];
  });
  return (
    <>
      {service.isDemo ? (
        <div class="govuk-warning-text">
          <span class="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong class="govuk-warning-text__text">{text(lang, 'demoNotice')}</strong>
        </div>
      ) : null}
      <h1 class="govuk-heading-xl">{pick(service.nameZh, service.nameEn)}</h1>
      <p class="govuk-body-l">{pick(service.summaryZh, service.summaryEn)}</p>
      {start === null ? null : <StartLink {...start} />}

      <h2 class="govuk-heading-m">{text(lang, 'whatFor')}</h2>
      <p class="govuk-body">{pick(service.descriptionZh, service.descriptionEn)}</p>

      <h2 class="govuk-heading-m">{text(lang, 'whoHandles')}</h2>
      <dl class="govuk-summary-list" id="unit">
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{text(lang, 'whoHandles')}</dt>
          <dd class="govuk-summary-list__value">{pick(unit.nameZh, unit.nameEn)}</dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{text(lang, 'phone')}</dt>
          <dd class="govuk-summary-list__value">
            <a class="govuk-link" href={telephoneHref(unit.phone)}>
              {unit.phone}
            </a>
          </dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{text(lang, 'address')}</dt>
          <dd class="govuk-summary-list__value">{address}</dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{text(lang, 'hours')}</dt>
          <dd class="govuk-summary-list__value">{hours}</dd>
        </div>
      </dl>

      <h2 class="govuk-heading-m">{text(lang, 'whatYouNeed')}</h2>
      {service.checklist.length === 0 ? (
        <p class="govuk-body">{text(lang, 'noChecklist')}</p>
      ) : (
        <ul class="govuk-list govuk-list--bullet" id="checklist">
          {service.checklist.map((item) => (
            <li key={item.id} data-checklist-item={item.id}>
              <strong>{pick(item.nameZh, item.nameEn)}</strong>
              {item.isRequired ? null : ` ${text(lang, 'optional')}`}
              <br />
              {pick(item.explanationZh, item.explanationEn)}
              {item.isElectronicallyVerifiable ? (
                <>
                  <br />
                  <strong class="govuk-tag govuk-tag--blue">{text(lang, 'verifiable')}</strong>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      <h2 class="govuk-heading-m">{text(lang, 'fees')}</h2>
      <dl class="govuk-summary-list" id="fees">
        {service.fees.map((fee) => (
          <div key={fee.labelEn} class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{pick(fee.labelZh, fee.labelEn)}</dt>
            <dd class="govuk-summary-list__value">
              {formatAmount(fee.amountTwd, lang)}
              {fee.noteZh || fee.noteEn ? (
                <p class="govuk-body-s govuk-!-margin-bottom-0">{pick(fee.noteZh ?? '', fee.noteEn ?? '')}</p>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>

      <h2 class="govuk-heading-m">{text(lang, 'howLong')}</h2>
      <p class="govuk-body" id="deadline">
        <strong>{deadlineText(service.deadline, lang)}</strong>
        <br />
        {deadlineExplanation(service.deadline, lang)}
      </p>

      <h2 class="govuk-heading-m">{text(lang, 'steps')}</h2>
      <ol class="govuk-list govuk-list--number" id="steps">
        {service.sopSteps.map((step) => (
          <li key={step.titleEn}>
            <strong>{pick(step.titleZh, step.titleEn)}</strong>：{pick(step.detailZh, step.detailEn)}
          </li>
        ))}
      </ol>

      {sampleRows.length > 0 ? (
        <>
          <h2 class="govuk-heading-m">{text(lang, 'sample')}</h2>
          <p class="govuk-body">{text(lang, 'sampleLead')}</p>
          <dl class="govuk-summary-list" id="sample">
            {sampleRows.map(({ field, value }) => (
              <div key={field.id} class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">{pick(field.labelZh, field.labelEn)}</dt>
                <dd class="govuk-summary-list__value">{sampleAnswer(field, value, lang)}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}

      <h2 class="govuk-heading-m">{text(lang, 'online')}</h2>
      <p class="govuk-body" id="online">
        {start === null
          ? text(lang, 'onlineNo')
          : text(lang, service.kind === 'field_report' ? 'onlineReport' : 'onlineYes')}
      </p>
      {start === null ? null : (
        <p class="govuk-body">
          <a class="govuk-link" href={start.href}>
            {start.label}
          </a>
        </p>
      )}

      {sections}

      <h2 class="govuk-heading-m">{text(lang, 'otherWays')}</h2>
      <ul class="govuk-list govuk-list--bullet">
        <li>{text(lang, 'counter', { address, hours })}</li>
        <li>
          {text(lang, 'byPhone')}
          <a class="govuk-link" href={telephoneHref(unit.phone)}>
            {unit.phone}
          </a>
        </li>
        <li>
          <a class="govuk-link" href={telephoneHref('1999')}>
            {text(lang, 'hotline')}
          </a>
        </li>
      </ul>
      <p class="govuk-body-s">
        {text(lang, 'version', { version: service.version })}
        {' · '}
        <a class="govuk-link" href={localePath(lang, '/services')}>
          {text(lang, 'allServices')}
        </a>
      </p>
    </>
  );
}
