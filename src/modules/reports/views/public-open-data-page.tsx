import { TableHead } from '../../../platform/web/components/table.tsx';
import { type Lang, localePath } from '../../../platform/web/i18n.ts';
import { publicReportText as text } from '../public-report-messages.ts';
import { csvColumns, openDataLicence } from '../report-feeds.ts';

/** The open-data files of the photo reports and their addresses (the routes serve them at these paths). */
export const reportOpenDataPaths = {
  page: '/open-data/reports',
  csv: '/open-data/reports.csv',
  geojson: '/open-data/reports.geojson',
  bbox: '/api/reports.geojson',
  atom: '/reports/feed.atom',
} as const;

/** Newest entries per Atom feed. */
export const atomEntryCount = 50;

/**
 * `/open-data/reports`: the datasets of the photo reports — what each is, its format, licence and how
 * often it changes, and what every field means — as data.gov.tw asks a dataset to be described.
 */
export function PublicOpenDataPage(props: { lang: Lang; publicBaseUrl: string; boxLimit: number }) {
  const { lang, publicBaseUrl } = props;
  const absolute = (path: string) => `${publicBaseUrl}${path}`;
  const datasets = [
    {
      name: text(lang, 'csvName'),
      format: 'CSV (UTF-8)',
      path: localePath(lang, reportOpenDataPaths.csv),
      note: null,
    },
    {
      name: text(lang, 'geojsonName'),
      format: 'GeoJSON (RFC 7946)',
      path: localePath(lang, reportOpenDataPaths.geojson),
      note: null,
    },
    {
      name: text(lang, 'bboxName'),
      format: 'GeoJSON',
      path: `${reportOpenDataPaths.bbox}?bbox=120.25,22.55,120.40,22.70${lang === 'en' ? '&lang=en' : ''}`,
      // An API, not a page or a file: its address is shown, not linked (English pages link only under /en).
      isApi: true,
      note: text(lang, 'bboxNote', { limit: props.boxLimit.toLocaleString('en') }),
    },
    {
      name: text(lang, 'atomName'),
      format: 'Atom 1.0',
      path: localePath(lang, reportOpenDataPaths.atom),
      note: text(lang, 'atomNote', {
        count: atomEntryCount,
        example: `${localePath(lang, reportOpenDataPaths.atom)}?district=64000020`,
      }),
    },
  ];
  return (
    <>
      <h1 class="govuk-heading-xl">{text(lang, 'openDataTitle')}</h1>
      <p class="govuk-body-l">{text(lang, 'openDataLead')}</p>

      <h2 class="govuk-heading-l">{text(lang, 'datasetsHeading')}</h2>
      <table class="govuk-table" id="report-datasets">
        <TableHead
          columns={[text(lang, 'datasetName'), text(lang, 'datasetFormat'), text(lang, 'datasetUpdate')]}
        />
        <tbody class="govuk-table__body">
          {datasets.map((dataset) => (
            <tr key={dataset.path} class="govuk-table__row">
              <td class="govuk-table__cell">
                {'isApi' in dataset ? (
                  <strong id="box-api">{dataset.name}</strong>
                ) : (
                  <a class="govuk-link" href={dataset.path}>
                    {dataset.name}
                  </a>
                )}
                <br />
                <code class="ow-code">{absolute(dataset.path)}</code>
                {dataset.note === null ? null : (
                  <p class="govuk-body-s govuk-!-margin-bottom-0">{dataset.note}</p>
                )}
              </td>
              <td class="govuk-table__cell">{dataset.format}</td>
              <td class="govuk-table__cell">{text(lang, 'updateRealtime')}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 class="govuk-heading-l">{text(lang, 'licenceHeading')}</h2>
      <p class="govuk-body" id="report-licence">
        {text(lang, 'licenceText')}{' '}
        <a class="govuk-link" href={openDataLicence.url} rel="license">
          {openDataLicence.url}
        </a>
      </p>

      <h2 class="govuk-heading-l">{text(lang, 'fieldsHeading')}</h2>
      <table class="govuk-table" id="report-fields">
        <TableHead columns={[text(lang, 'fieldName'), text(lang, 'fieldMeaning')]} />
        <tbody class="govuk-table__body">
          {csvColumns.map((column) => (
            <tr key={column} class="govuk-table__row">
              <td class="govuk-table__cell">
                <code class="ow-code" lang="en">
                  {column}
                </code>
              </td>
              <td class="govuk-table__cell">{text(lang, `field_${column}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="govuk-body">{text(lang, 'geojsonFieldsNote')}</p>
    </>
  );
}
