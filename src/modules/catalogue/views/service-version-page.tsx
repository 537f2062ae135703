import { type ComponentChildren, Fragment } from 'preact';
import { LinkParagraph } from '../../../platform/web/components/link-paragraph.tsx';
import { SummaryRow } from '../../../platform/web/components/summary-list.tsx';
import { TableHead } from '../../../platform/web/components/table.tsx';
import { formatPageDateTime } from '../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../platform/web/i18n.ts';
import { type CatalogueAdminTextKey, catalogueAdminText as text } from '../catalogue-admin-messages.ts';
import { catalogueAdminPaths } from '../catalogue-paths.ts';
import type { ServiceDetail } from '../catalogue-service.ts';
import { deadlineText } from '../deadline-text.ts';
import { fieldTypeLabels, kindLabels } from './service-editor-page.tsx';

/**
 * `/staff/catalogue/:code/edit?version=N` for an earlier version: everything it said, read-only (a version
 * never changes once published; cases opened under it still follow it).
 */
export function ServiceVersionPage({ lang, service }: { lang: Lang; service: ServiceDetail }) {
  const zhLang = lang === 'en' ? 'zh-Hant-TW' : undefined;
  const enLang = lang === 'en' ? undefined : 'en';
  const yesNo = (value: boolean) => text(lang, value ? 'yes' : 'no');
  const orNone = (value: string | null | undefined) => (value ? value : text(lang, 'none'));
  return (
    <>
      <h1 class="govuk-heading-l">
        {text(lang, 'oldVersionTitle', {
          name: lang === 'en' ? service.nameEn : service.nameZh,
          version: service.version,
        })}
      </h1>
      <div class="govuk-inset-text">
        {text(lang, 'oldVersionNotice', { version: service.version, current: service.currentVersion })}
      </div>
      <LinkParagraph href={localePath(lang, catalogueAdminPaths.edit(service.code))}>
        {text(lang, 'backToEdit')}
      </LinkParagraph>

      <h2 class="govuk-heading-m">{text(lang, 'sectionBasics')}</h2>
      <dl class="govuk-summary-list" id="version-content">
        <SummaryRow label={text(lang, 'code')}>
          <code lang="en">{service.code}</code>
        </SummaryRow>
        <SummaryRow label={text(lang, 'historyPublishedAt')}>
          {formatPageDateTime(lang, service.publishedAt)}
        </SummaryRow>
        <SummaryRow label={text(lang, 'historyPublishedBy')}>{service.publishedBy}</SummaryRow>
        {(['name', 'summary', 'description'] as const).map((part) => (
          <Fragment key={part}>
            <SummaryRow label={text(lang, `${part}Zh`)} valueLang={zhLang}>
              {service[`${part}Zh`]}
            </SummaryRow>
            <SummaryRow label={text(lang, `${part}En`)} valueLang={enLang}>
              {service[`${part}En`]}
            </SummaryRow>
          </Fragment>
        ))}
        <SummaryRow label={text(lang, 'kind')}>{text(lang, kindLabels[service.kind])}</SummaryRow>
        <SummaryRow label={text(lang, 'demoLegend')}>{yesNo(service.isDemo)}</SummaryRow>
        <SummaryRow label={text(lang, 'unitCode')}>
          {lang === 'en' ? service.unit.nameEn : service.unit.nameZh}
        </SummaryRow>
        <SummaryRow label={text(lang, 'serviceClassification')}>
          {service.serviceClassificationCode}
        </SummaryRow>
        <SummaryRow label={text(lang, 'themeClassification')}>
          {orNone(service.themeClassificationCode)}
        </SummaryRow>
        <SummaryRow label={text(lang, 'administrativeClassification')}>
          {orNone(service.administrativeClassificationCode)}
        </SummaryRow>
        <SummaryRow label={text(lang, 'isOnline')}>{yesNo(service.isOnline)}</SummaryRow>
        <SummaryRow label={text(lang, 'sectionDeadline')}>{deadlineText(service.deadline, lang)}</SummaryRow>
      </dl>

      <ItemTable
        lang={lang}
        title="sectionChecklist"
        columns={['itemId', 'itemNameZh', 'itemNameEn', 'isRequired', 'isElectronicallyVerifiable']}
        items={service.checklist}
        row={(item) => (
          <tr class="govuk-table__row" key={item.id}>
            <td class="govuk-table__cell">
              <code lang="en">{item.id}</code>
            </td>
            <td class="govuk-table__cell" lang={zhLang}>
              {item.nameZh}
              <br />
              <span class="govuk-hint">{item.explanationZh}</span>
            </td>
            <td class="govuk-table__cell" lang={enLang}>
              {item.nameEn}
              <br />
              <span class="govuk-hint">{item.explanationEn}</span>
            </td>
            <td class="govuk-table__cell">{yesNo(item.isRequired)}</td>
            <td class="govuk-table__cell">{yesNo(item.isElectronicallyVerifiable)}</td>
          </tr>
        )}
      />

      <ItemTable
        lang={lang}
        title="sectionFees"
        columns={['feeLabelZh', 'feeLabelEn', 'amountTwd']}
        items={service.fees}
        row={(fee, index) => (
          <tr class="govuk-table__row" key={index}>
            <td class="govuk-table__cell" lang={zhLang}>
              {fee.labelZh}
              {fee.noteZh ? <span class="govuk-hint">{fee.noteZh}</span> : null}
            </td>
            <td class="govuk-table__cell" lang={enLang}>
              {fee.labelEn}
              {fee.noteEn ? <span class="govuk-hint">{fee.noteEn}</span> : null}
            </td>
            <td class="govuk-table__cell govuk-table__cell--numeric">
              {fee.amountTwd.toLocaleString('en-US')}
            </td>
          </tr>
        )}
      />

      <h2 class="govuk-heading-m">{text(lang, 'sectionSteps')}</h2>
      <ol class="govuk-list govuk-list--number">
        {service.sopSteps.map((step, index) => (
          <li key={index}>
            <strong lang={zhLang}>{step.titleZh}</strong> <span lang={enLang}>({step.titleEn})</span>
            <br />
            <span lang={zhLang}>{step.detailZh}</span>
            <br />
            <span lang={enLang}>{step.detailEn}</span>
          </li>
        ))}
      </ol>

      <ItemTable
        lang={lang}
        title="sectionFields"
        columns={['itemId', 'fieldType', 'labelZh', 'labelEn', 'fieldRequired']}
        items={service.formFields}
        row={(field) => (
          <tr class="govuk-table__row" key={field.id}>
            <td class="govuk-table__cell">
              <code lang="en">{field.id}</code>
            </td>
            <td class="govuk-table__cell">
              {text(lang, fieldTypeLabels[field.type])}
              {field.type === 'choice' ? (
                <ul class="govuk-list govuk-!-font-size-16">
                  {field.options.map((option) => (
                    <li key={option.value}>
                      <code lang="en">{option.value}</code> {option.labelZh} /{' '}
                      <span lang="en">{option.labelEn}</span>
                    </li>
                  ))}
                </ul>
              ) : null}
            </td>
            <td class="govuk-table__cell" lang={zhLang}>
              {field.labelZh}
            </td>
            <td class="govuk-table__cell" lang={enLang}>
              {field.labelEn}
            </td>
            <td class="govuk-table__cell">{yesNo(field.isRequired)}</td>
          </tr>
        )}
      />

      <h2 class="govuk-heading-m">{text(lang, 'sectionSample')}</h2>
      {Object.keys(service.sample).length === 0 ? (
        <p class="govuk-body">{text(lang, 'none')}</p>
      ) : (
        <dl class="govuk-summary-list">
          {Object.entries(service.sample).map(([id, value]) => (
            <SummaryRow key={id} label={id} labelLang="en">
              {value}
            </SummaryRow>
          ))}
        </dl>
      )}
    </>
  );
}

/** A part of the definition as a table under its heading, or 「（無）」 when it has no item. */
function ItemTable<Item>(props: {
  lang: Lang;
  title: CatalogueAdminTextKey;
  columns: readonly CatalogueAdminTextKey[];
  items: readonly Item[];
  row: (item: Item, index: number) => ComponentChildren;
}) {
  const { lang } = props;
  return (
    <>
      <h2 class="govuk-heading-m">{text(lang, props.title)}</h2>
      {props.items.length === 0 ? (
        <p class="govuk-body">{text(lang, 'none')}</p>
      ) : (
        <table class="govuk-table">
          <TableHead columns={props.columns.map((column) => text(lang, column))} />
          <tbody class="govuk-table__body">{props.items.map(props.row)}</tbody>
        </table>
      )}
    </>
  );
}
