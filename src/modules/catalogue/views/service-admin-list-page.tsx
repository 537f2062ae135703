import { TableHead } from '../../../platform/web/components/table.tsx';
import { formatPageDateTime } from '../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../platform/web/i18n.ts';
import { catalogueAdminText as text } from '../catalogue-admin-messages.ts';
import { catalogueAdminPaths } from '../catalogue-paths.ts';
import type { EditorServiceRow } from '../catalogue-service.ts';

/** `/staff/catalogue`: every service with its current version, a way to edit each, and a way to add one. */
export function ServiceAdminListPage({
  lang,
  services,
}: {
  lang: Lang;
  services: readonly EditorServiceRow[];
}) {
  return (
    <>
      <h1 class="govuk-heading-l">{text(lang, 'listTitle')}</h1>
      <p class="govuk-body">{text(lang, 'listLead')}</p>
      <a class="govuk-button" data-module="govuk-button" href={localePath(lang, catalogueAdminPaths.create)}>
        {text(lang, 'newService')}
      </a>
      <table class="govuk-table" id="services">
        <caption class="govuk-table__caption govuk-table__caption--s">
          {text(lang, 'listCaption', { count: services.length })}
        </caption>
        <TableHead
          columns={(
            [
              'columnCode',
              'columnName',
              'columnUnit',
              'columnVersion',
              'columnPublishedAt',
              'columnDemo',
            ] as const
          ).map((key) => text(lang, key))}
        />
        <tbody class="govuk-table__body">
          {services.map((service) => (
            <tr class="govuk-table__row" key={service.code} data-service-code={service.code}>
              <td class="govuk-table__cell">
                <a class="govuk-link" href={localePath(lang, catalogueAdminPaths.edit(service.code))}>
                  <code lang="en">{service.code}</code>
                  <span class="govuk-visually-hidden"> {text(lang, 'edit')}</span>
                </a>
              </td>
              <td class="govuk-table__cell" lang={lang === 'en' ? 'zh-Hant-TW' : undefined}>
                {service.nameZh}
              </td>
              <td class="govuk-table__cell">{lang === 'en' ? service.unitNameEn : service.unitNameZh}</td>
              <td class="govuk-table__cell">
                {text(lang, 'versionNumber', { version: service.currentVersion })}
              </td>
              <td class="govuk-table__cell">{formatPageDateTime(lang, service.publishedAt)}</td>
              <td class="govuk-table__cell">
                {service.isDemo ? (
                  <strong class="govuk-tag govuk-tag--yellow">{text(lang, 'demoTag')}</strong>
                ) : (
                  text(lang, 'no')
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
