import type { FieldProblem } from '../../../platform/http/errors.ts';
import type { ServiceClassification } from '../../../platform/reference/service-classification.ts';
import { BUREAU } from '../../../platform/reference/units.ts';
import { Button, Checkboxes, Select, TextInput } from '../../../platform/web/components/form-controls.tsx';
import { LinkParagraph } from '../../../platform/web/components/link-paragraph.tsx';
import { type Lang, localePath } from '../../../platform/web/i18n.ts';
import { catalogueText as text } from '../catalogue-messages.ts';
import type { ServiceFilters, ServiceSummary } from '../catalogue-service.ts';
import { deadlineText } from '../deadline-text.ts';

export interface ServiceListPageProps {
  lang: Lang;
  lead: string;
  filters: ServiceFilters;
  notices: FieldProblem[];
  services: ServiceSummary[];
  units: readonly { code: string; nameZh: string; nameEn: string }[];
  classifications: readonly ServiceClassification[];
}

/** `/services`: the filters are a plain GET form, so every view of the list is a link that works without JavaScript. */
export function ServiceListPage(props: ServiceListPageProps) {
  const { lang, filters, services } = props;
  const name = (item: { nameZh: string; nameEn: string | null }) =>
    lang === 'en' ? (item.nameEn ?? item.nameZh) : item.nameZh;
  const listPath = localePath(lang, '/services');
  const hasFilters =
    filters.unitCode !== undefined ||
    filters.classificationCode !== undefined ||
    filters.isOnline !== undefined ||
    filters.query !== undefined;
  return (
    <>
      <h1 class="govuk-heading-xl">{lang === 'en' ? 'Services' : '服務項目'}</h1>
      <p class="govuk-body-l">{props.lead}</p>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-third">
          <h2 class="govuk-heading-m">{text(lang, 'filtersHeading')}</h2>
          <form method="get" action={listPath} novalidate>
            <TextInput
              lang={lang}
              name="q"
              type="search"
              label={text(lang, 'keywordLabel')}
              hint={text(lang, 'keywordHint')}
              value={filters.query ?? ''}
              autocomplete="on"
              maxLength={200}
            />
            {[
              { name: 'unit', label: 'unitLabel' as const, value: filters.unitCode, items: props.units },
              {
                name: 'classification',
                label: 'classificationLabel' as const,
                value: filters.classificationCode,
                items: props.classifications,
              },
            ].map((filter) => (
              <Select
                key={filter.name}
                lang={lang}
                name={filter.name}
                label={text(lang, filter.label)}
                value={filter.value ?? ''}
                blank={text(lang, 'allOption')}
                choices={filter.items.map((item) => ({ value: item.code, label: name(item) }))}
              />
            ))}
            <Checkboxes
              lang={lang}
              name="online"
              legend={text(lang, 'onlineLegend')}
              choices={[{ value: 'yes', label: text(lang, 'onlineLabel') }]}
              checked={filters.isOnline === true ? ['yes'] : []}
            />
            <Button>{text(lang, 'applyFilters')}</Button>
          </form>
          {hasFilters ? <LinkParagraph href={listPath}>{text(lang, 'clearFilters')}</LinkParagraph> : null}
        </div>
        <div class="govuk-grid-column-two-thirds">
          {props.notices.map((notice) => (
            <div key={notice.field} class="govuk-inset-text" data-notice={notice.code}>
              {notice.message}
            </div>
          ))}
          <h2 class="govuk-heading-m" id="service-count">
            {text(lang, 'count', { count: services.length })}
          </h2>
          {services.length === 0 ? (
            <>
              <p class="govuk-body govuk-!-font-weight-bold">{text(lang, 'emptyHeading')}</p>
              <p class="govuk-body">{text(lang, 'emptyAdvice', { phone: BUREAU.contact.phone })}</p>
            </>
          ) : (
            <ul class="govuk-list ow-service-list" aria-labelledby="service-count">
              {services.map((service) => (
                <li key={service.code} class="ow-service-list__item" data-service-code={service.code}>
                  <h3 class="govuk-heading-s govuk-!-margin-bottom-1">
                    <a class="govuk-link" href={localePath(lang, `/services/${service.code}`)}>
                      {name(service)}
                    </a>
                  </h3>
                  <p class="govuk-body govuk-!-margin-bottom-1">
                    {lang === 'en' ? service.summaryEn : service.summaryZh}
                  </p>
                  <p class="govuk-body-s govuk-!-margin-bottom-4">
                    {text(lang, 'unitAndDeadline', {
                      unit: name(service.unit),
                      deadline: deadlineText(service.deadline, lang),
                    })}
                    {service.isOnline ? (
                      <>
                        {' '}
                        <strong class="govuk-tag govuk-tag--green">{text(lang, 'onlineTag')}</strong>
                      </>
                    ) : null}
                    {service.isDemo ? (
                      <>
                        {' '}
                        <strong class="govuk-tag govuk-tag--grey">{text(lang, 'demoTag')}</strong>
                      </>
                    ) : null}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </>
  );
}
