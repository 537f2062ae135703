import {
  Button,
  type Choice,
  ErrorSummary,
  Select,
  TextInput,
} from '../../../../platform/web/components/form-controls.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { TableHead } from '../../../../platform/web/components/table.tsx';
import { formatPageDateTime } from '../../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import type { AnalysisNames } from '../analysis-figures.ts';
import { analysisText as text } from '../analysis-messages.ts';
import { analysisPaths } from '../analysis-paths.ts';
import type { AnalysisFilter, AnalysisTables, Hotspot } from '../analysis-queries.ts';
import { hotspotMinimum, placeOfKey } from '../analysis-rules.ts';
import { AnalysisMap } from './analysis-map.tsx';
import { BreakdownTables, FiguresTable } from './analysis-tables.tsx';

export interface AnalysisChoices {
  types: readonly Choice[];
  /** Null for a viewer limited to a unit: no unit to choose. */
  units: readonly Choice[] | null;
  districts: readonly Choice[];
  sources: readonly Choice[];
}

export interface AnalysisPageProps {
  lang: Lang;
  lead: string;
  refreshedAt: Date | null;
  /** The filters as typed. */
  values: { from: string; to: string; type: string; unit: string; district: string; source: string };
  problems: FormProblems;
  choices: AnalysisChoices;
  names: AnalysisNames;
  /** What the page shows: null while the typed filters have a problem. */
  shown: { filter: AnalysisFilter; tables: AnalysisTables; hotspots: Hotspot[]; hotspotLimit: number } | null;
  /** Where the secretariat writes the annual report, when the viewer may open it. */
  annualReportsPath: string | null;
}

/** The filter as a query string: the exports and the links carry the same view. */
export function filterQuery(filter: AnalysisFilter, options: { withUnit: boolean }): string {
  const query = new URLSearchParams({ from: filter.from, to: filter.to });
  if (filter.type !== null) query.set('type', filter.type);
  if (filter.unit !== null && options.withUnit) query.set('unit', filter.unit);
  if (filter.district !== null) query.set('district', filter.district);
  if (filter.source !== null) query.set('source', filter.source);
  return query.toString();
}

export function RefreshedLine({ lang, refreshedAt }: { lang: Lang; refreshedAt: Date | null }) {
  return (
    <p class="govuk-body-s" data-refreshed={refreshedAt === null ? 'never' : 'yes'}>
      {refreshedAt === null
        ? text(lang, 'notRefreshed')
        : text(lang, 'refreshed', { time: formatPageDateTime(lang, refreshedAt) })}
    </p>
  );
}

function FilterForm(props: AnalysisPageProps) {
  const { lang, values, problems, choices } = props;
  const select = (name: 'type' | 'unit' | 'district' | 'source', list: readonly Choice[]) => (
    <Select
      lang={lang}
      name={name}
      label={text(lang, name)}
      value={values[name]}
      blank={text(lang, 'any')}
      choices={list}
      problems={problems}
    />
  );
  return (
    <form method="get" action={localePath(lang, analysisPaths.page)} novalidate>
      <h2 class="govuk-heading-m">{text(lang, 'filterHeading')}</h2>
      {(['from', 'to'] as const).map((name) => (
        <TextInput
          key={name}
          lang={lang}
          name={name}
          label={text(lang, name)}
          hint={text(lang, 'monthHint')}
          isOptional
          value={values[name]}
          problems={problems}
          inputMode="numeric"
          widthClass="govuk-input--width-5"
          maxLength={12}
        />
      ))}
      {select('type', choices.types)}
      {choices.units === null ? null : select('unit', choices.units)}
      {select('district', choices.districts)}
      {select('source', choices.sources)}
      <Button isSecondary>{text(lang, 'filterButton')}</Button>
    </form>
  );
}

function Hotspots(props: { lang: Lang; hotspots: readonly Hotspot[]; limit: number; names: AnalysisNames }) {
  const { lang } = props;
  return (
    <section aria-labelledby="analysis-hotspots-heading" data-section="hotspots">
      <h2 class="govuk-heading-m" id="analysis-hotspots-heading">
        {text(lang, 'hotspotsHeading')}
      </h2>
      {props.hotspots.length === 0 ? (
        <p class="govuk-body">{text(lang, 'hotspotsNone', { minimum: hotspotMinimum })}</p>
      ) : (
        <>
          <p class="govuk-body">
            {text(lang, 'hotspotsLead', { minimum: hotspotMinimum, limit: props.limit })}
          </p>
          <div class="ow-table-scroll">
            <table class="govuk-table" data-table="hotspots">
              <TableHead
                columns={[
                  text(lang, 'colPlace'),
                  text(lang, 'district'),
                  { label: text(lang, 'colPetitions'), isNumeric: true },
                ]}
              />
              <tbody class="govuk-table__body">
                {props.hotspots.map((hotspot) => (
                  <tr key={hotspot.placeKey} class="govuk-table__row" data-place={hotspot.placeKey}>
                    <th scope="row" class="govuk-table__header" lang="zh-TW">
                      {placeOfKey(hotspot.placeKey)}
                    </th>
                    <td class="govuk-table__cell">{props.names.district(hotspot.districtCode)}</td>
                    <td class="govuk-table__cell govuk-table__cell--numeric" data-figure="petitions">
                      {hotspot.petitions}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

export function Definitions({ lang }: { lang: Lang }) {
  return (
    <details class="govuk-details">
      <summary class="govuk-details__summary">
        <span class="govuk-details__summary-text">{text(lang, 'definitionsSummary')}</span>
      </summary>
      <div class="govuk-details__text">
        {(
          [
            'definitionCohort',
            'definitionOnTime',
            'definitionDays',
            'definitionDeclined',
            'definitionConfidential',
          ] as const
        ).map((key) => (
          <p key={key} class="govuk-body-s">
            {text(lang, key)}
          </p>
        ))}
      </div>
    </details>
  );
}

/**
 * `/staff/petitions/analysis`: the filters (a GET form: every view is a link), the period's total, a table for
 * each breakdown, the hotspots and their map, the exports of the same tables, and the monthly report.
 */
export function AnalysisPage(props: AnalysisPageProps) {
  const { lang, shown, names } = props;
  const query = shown === null ? '' : filterQuery(shown.filter, { withUnit: props.choices.units !== null });
  return (
    <>
      <ErrorSummary lang={lang} problems={props.problems} />
      <h1 class="govuk-heading-l">{text(lang, 'title')}</h1>
      <p class="govuk-body">{props.lead}</p>
      <RefreshedLine lang={lang} refreshedAt={props.refreshedAt} />
      <p class="govuk-body">
        <a class="govuk-link" href={localePath(lang, analysisPaths.monthly)}>
          {text(lang, 'monthlyLink')}
        </a>
      </p>
      <FilterForm {...props} />
      {shown === null ? null : (
        <>
          <p class="govuk-body govuk-!-font-weight-bold" data-period>
            {text(lang, 'periodLine', {
              from: names.month(shown.filter.from),
              to: names.month(shown.filter.to),
            })}
          </p>
          {shown.tables.total.received === 0 ? (
            <p class="govuk-body" data-table="none">
              {text(lang, 'none')}
            </p>
          ) : (
            <>
              <FiguresTable
                lang={lang}
                id="total"
                caption={text(lang, 'totalHeading')}
                nameHeading={text(lang, 'colName')}
                groups={[{ code: 'all', figures: shown.tables.total }]}
                nameOf={() => text(lang, 'allPetitions')}
              />
              <BreakdownTables lang={lang} tables={shown.tables} names={names} />
            </>
          )}
          <Definitions lang={lang} />
          <Hotspots lang={lang} hotspots={shown.hotspots} limit={shown.hotspotLimit} names={names} />
          <AnalysisMap
            lang={lang}
            districtCounts={
              new Map(shown.tables.byDistrict.map((group) => [group.code, group.figures.received]))
            }
            hotspots={shown.hotspots}
            districtName={names.district}
          />
          <h2 class="govuk-heading-m">{text(lang, 'downloadsHeading')}</h2>
          <ul class="govuk-list">
            <li>
              <a class="govuk-link" href={`${localePath(lang, analysisPaths.csv)}?${query}`} download>
                {text(lang, 'csv')}
              </a>
            </li>
            <li>
              <a class="govuk-link" href={`${localePath(lang, analysisPaths.ods)}?${query}`} download>
                {text(lang, 'ods')}
              </a>
            </li>
          </ul>
          {props.annualReportsPath === null ? null : (
            <p class="govuk-body">
              <a class="govuk-link" href={localePath(lang, props.annualReportsPath)}>
                {text(lang, 'annualLink')}
              </a>
            </p>
          )}
        </>
      )}
    </>
  );
}
