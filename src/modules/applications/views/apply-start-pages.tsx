import { PostForm } from '../../../platform/web/components/form-page.tsx';
import { LinkParagraph } from '../../../platform/web/components/link-paragraph.tsx';
import { type Lang, localePath } from '../../../platform/web/i18n.ts';
import { citizenAccountPath } from '../../../platform/web/site-pages.ts';
import {
  deadlineExplanation,
  deadlineText,
  type ServiceDetail,
  type ServiceSummary,
} from '../../catalogue/index.ts';
import type { UploadItem } from '../application-rules.ts';
import { applicationText as text } from '../applications-messages.ts';
import { applicationPaths } from '../applications-paths.ts';

/** NT$ with thousands separators. */
export function twd(amount: number): string {
  return `NT$${amount.toLocaleString('en-US')}`;
}

const pick = (lang: Lang, zh: string, en: string) => (lang === 'en' ? en : zh);

function ServiceLinks({ lang, services }: { lang: Lang; services: readonly ServiceSummary[] }) {
  return (
    <ul class="govuk-list ow-apply-list">
      {services.map((service) => (
        <li key={service.code} data-service={service.code}>
          <h3 class="govuk-heading-s govuk-!-margin-bottom-1">
            <a class="govuk-link" href={localePath(lang, applicationPaths.start(service.code))}>
              {pick(lang, service.nameZh, service.nameEn)}
            </a>
          </h3>
          <p class="govuk-body govuk-!-margin-bottom-1">{pick(lang, service.summaryZh, service.summaryEn)}</p>
          <p class="govuk-body-s">
            {text(lang, 'serviceUnit', { unit: pick(lang, service.unit.nameZh, service.unit.nameEn) })}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** /apply: what can be applied for online (applications, then petitions), and where the rest is done. */
export function ApplyListPage(props: {
  lang: Lang;
  title: string;
  applications: readonly ServiceSummary[];
  petitions: readonly ServiceSummary[];
}) {
  const { lang } = props;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">{props.title}</h1>
        <p class="govuk-body-l">{text(lang, 'listLead')}</p>
        <h2 class="govuk-heading-m">{text(lang, 'listApplications')}</h2>
        {props.applications.length === 0 ? (
          <p class="govuk-body">{text(lang, 'listNone')}</p>
        ) : (
          <ServiceLinks lang={lang} services={props.applications} />
        )}
        {props.petitions.length === 0 ? null : (
          <>
            <h2 class="govuk-heading-m">{text(lang, 'listPetitions')}</h2>
            <ServiceLinks lang={lang} services={props.petitions} />
          </>
        )}
        <p class="govuk-body">{text(lang, 'listReport')}</p>
        <LinkParagraph href={localePath(lang, '/report')}>{text(lang, 'listReportLink')}</LinkParagraph>
        <p class="govuk-body">{text(lang, 'listOther')}</p>
        <LinkParagraph href={localePath(lang, '/services')}>{text(lang, 'listOtherLink')}</LinkParagraph>
        <h2 class="govuk-heading-m">{text(lang, 'listAccountHeading')}</h2>
        <p class="govuk-body">{text(lang, 'listAccount')}</p>
        <LinkParagraph href={localePath(lang, citizenAccountPath)}>
          {text(lang, 'listAccountLink')}
        </LinkParagraph>
      </div>
    </div>
  );
}

/** The fee lines of the start page: a fixed amount, or an amount per unit of one of the answers. */
export function feeLines(service: Pick<ServiceDetail, 'fees' | 'formFields'>, lang: Lang): string[] {
  return service.fees
    .filter((fee) => fee.amountTwd > 0)
    .map((fee) => {
      const label = pick(lang, fee.labelZh, fee.labelEn);
      const perField =
        fee.perFieldId === undefined
          ? undefined
          : service.formFields.find((field) => field.id === fee.perFieldId);
      return perField === undefined
        ? text(lang, 'costFixed', { label, amount: twd(fee.amountTwd) })
        : text(lang, 'costPerUnit', {
            label,
            amount: twd(fee.amountTwd),
            field: pick(lang, perField.labelZh, perField.labelEn),
          });
    });
}

/** /apply/:code: what you need, how long it takes, what it costs, and the button that starts a draft. */
export function ApplyStartPage(props: {
  lang: Lang;
  csrfToken: string;
  service: ServiceDetail;
  uploads: readonly UploadItem[];
}) {
  const { lang, service } = props;
  const name = pick(lang, service.nameZh, service.nameEn);
  const verified = service.checklist.filter((item) => item.isElectronicallyVerifiable);
  const fees = feeLines(service, lang);
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">{text(lang, 'startTitle', { service: name })}</h1>
        <p class="govuk-body">{pick(lang, service.summaryZh, service.summaryEn)}</p>
        <p class="govuk-body">{text(lang, 'startLead')}</p>
        <h2 class="govuk-heading-m">{text(lang, 'needHeading')}</h2>
        {props.uploads.length === 0 ? <p class="govuk-body">{text(lang, 'needNothing')}</p> : null}
        <ul class="govuk-list govuk-list--bullet" id="what-you-need">
          {props.uploads.map((item) => (
            <li key={item.id} data-item={item.id}>
              {pick(lang, item.labelZh, item.labelEn)}
              {item.isRequired ? null : ` ${text(lang, 'needOptional')}`}
              {item.hintZh === undefined ? null : (
                <span class="govuk-hint govuk-!-margin-bottom-0">
                  {pick(lang, item.hintZh, item.hintEn ?? '')}
                </span>
              )}
            </li>
          ))}
          <li>{text(lang, 'needContact')}</li>
        </ul>
        {verified.length === 0 ? null : (
          <>
            <p class="govuk-body">{text(lang, 'needVerified')}</p>
            <ul class="govuk-list govuk-list--bullet" id="checked-online">
              {verified.map((item) => (
                <li key={item.id}>{pick(lang, item.nameZh, item.nameEn)}</li>
              ))}
            </ul>
          </>
        )}
        <h2 class="govuk-heading-m">{text(lang, 'howLongHeading')}</h2>
        <p class="govuk-body" id="how-long">
          <strong>{deadlineText(service.deadline, lang)}</strong>
          {lang === 'en' ? '. ' : '。'}
          {deadlineExplanation(service.deadline, lang)}
        </p>
        <h2 class="govuk-heading-m">{text(lang, 'costHeading')}</h2>
        <div id="what-it-costs">
          {fees.length === 0 ? (
            <p class="govuk-body">{text(lang, 'costFree')}</p>
          ) : (
            <>
              <ul class="govuk-list govuk-list--bullet">
                {fees.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
              <p class="govuk-body">{text(lang, 'costLater')}</p>
            </>
          )}
        </div>
        <p class="govuk-body">{text(lang, 'startHint')}</p>
        <PostForm
          action={localePath(lang, applicationPaths.start(service.code))}
          csrfToken={props.csrfToken}
          submit={text(lang, 'startButton')}
          preventsDoubleClick
        />
      </div>
    </div>
  );
}
