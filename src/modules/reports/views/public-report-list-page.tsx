import { toTaipeiLocalDate } from '../../../platform/calendar/working-days.ts';
import type { FieldProblem } from '../../../platform/http/errors.ts';
import { Button, Radios, Select, TextInput } from '../../../platform/web/components/form-controls.tsx';
import { LinkParagraph } from '../../../platform/web/components/link-paragraph.tsx';
import { Pagination } from '../../../platform/web/components/pagination.tsx';
import { formatPageDate } from '../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../platform/web/i18n.ts';
import { type PublicReportSelection, publicStateGroups, selectionQuery } from '../public-report-filters.ts';
import { publicReportText as text } from '../public-report-messages.ts';
import type { PublicReportListItem, PublicVocabulary } from '../public-report-queries.ts';
import { wordsOf } from '../report-feeds.ts';
import { reportPaths } from '../report-paths.ts';
import { ReportMap, ReportMapScript, StateGroupTag } from './public-report-parts.tsx';

export interface PublicReportListPageProps {
  lang: Lang;
  /** The site page's title (platform/web/site-pages.ts). */
  title: string;
  selection: PublicReportSelection;
  notices: readonly FieldProblem[];
  reports: readonly PublicReportListItem[];
  page: number;
  pageSize: number;
  hasNextPage: boolean;
  vocabulary: PublicVocabulary;
  /** Where the map looks first: the chosen district, else the city's built-up area. */
  bounds: readonly [number, number, number, number];
  tileUrl: string | null;
  tileAttribution: string;
}

const byName = (lang: Lang) => (a: { label: string }, b: { label: string }) =>
  a.label.localeCompare(b.label, lang === 'en' ? 'en' : 'zh-Hant-TW');

/**
 * `/reports`: the filters (a plain GET form: every view is a link), the map of the reports in view, and the
 * same reports as a list of 20 a page, newest first. The list is the map's text alternative and works
 * without JavaScript or tiles (UX.md: maps never stand alone).
 */
export function PublicReportListPage(props: PublicReportListPageProps) {
  const { lang, selection, vocabulary } = props;
  const listPath = localePath(lang, reportPaths.reports);
  const hasFilters = Object.values(selection).some((value) => value !== '');
  const names = (entries: ReadonlyMap<string, { nameZh: string; nameEn: string }>) =>
    [...entries].map(([code, name]) => ({ value: code, label: lang === 'en' ? name.nameEn : name.nameZh }));
  const filterQuery = selectionQuery(selection);
  /** A filter picked from a list, "all" first. */
  const filterSelect = (name: 'category' | 'district', choices: { value: string; label: string }[]) => (
    <Select
      lang={lang}
      name={name}
      label={text(lang, `${name}Label`)}
      value={selection[name]}
      blank={text(lang, 'allOption')}
      choices={choices}
    />
  );
  return (
    <>
      <h1 class="govuk-heading-xl">{props.title}</h1>
      <p class="govuk-body-l">{text(lang, 'listLead')}</p>
      <p class="govuk-body">
        <a class="govuk-button govuk-!-margin-bottom-0" href={localePath(lang, reportPaths.report)}>
          {text(lang, 'reportLink')}
        </a>
      </p>

      <details class="govuk-details" open={hasFilters || props.notices.length > 0}>
        <summary class="govuk-details__summary">
          <span class="govuk-details__summary-text">{text(lang, 'filtersHeading')}</span>
        </summary>
        <div class="govuk-details__text">
          <form method="get" action={listPath} novalidate class="ow-report-filters">
            {filterSelect('category', names(vocabulary.categories))}
            <Radios
              lang={lang}
              name="state"
              legend={text(lang, 'stateLabel')}
              value={selection.state}
              choices={[
                { value: '', label: text(lang, 'allOption') },
                ...publicStateGroups.map((group) => ({
                  value: group,
                  label: text(lang, `group_${group}`),
                  hint: text(lang, `groupExplain_${group}`),
                })),
              ]}
            />
            {filterSelect('district', names(vocabulary.districts).sort(byName(lang)))}
            {(['from', 'to'] as const).map((name) => (
              <TextInput
                key={name}
                lang={lang}
                name={name}
                label={text(lang, name === 'from' ? 'fromLabel' : 'toLabel')}
                hint={text(lang, 'dateHint')}
                value={selection[name]}
                widthClass="govuk-input--width-10"
                maxLength={40}
              />
            ))}
            <Button>{text(lang, 'applyFilters')}</Button>
          </form>
          {hasFilters ? <LinkParagraph href={listPath}>{text(lang, 'clearFilters')}</LinkParagraph> : null}
        </div>
      </details>

      {props.notices.map((notice) => (
        <div key={`${notice.field}-${notice.code}`} class="govuk-inset-text" data-notice={notice.code}>
          {notice.message}
        </div>
      ))}

      <h2 class="govuk-heading-m">{text(lang, 'mapHeading')}</h2>
      <p class="govuk-body-s">{text(lang, 'mapHelp')}</p>
      <ReportMap
        lang={lang}
        id="report-map"
        data={{
          geojson: `/api/reports.geojson${selectionQuery(selection, lang === 'en' ? { lang: 'en' } : {})}`,
        }}
        bounds={props.bounds}
        label={text(lang, 'mapLabel')}
        tileUrl={props.tileUrl}
        tileAttribution={props.tileAttribution}
      />
      <p class="govuk-body-s ow-report-map__status" id="report-map-status" aria-live="polite" />

      <h2 class="govuk-heading-m" id="report-list-heading">
        {text(lang, 'listHeading')}
      </h2>
      {props.reports.length === 0 ? (
        <p class="govuk-body" data-empty-list>
          {text(lang, 'listCountNone')}
        </p>
      ) : (
        <>
          <p class="govuk-body-s">{text(lang, 'listPage', { page: props.page, size: props.pageSize })}</p>
          <ul class="govuk-list ow-report-list" aria-labelledby="report-list-heading">
            {props.reports.map((report) => (
              <ReportListItem key={report.caseId} lang={lang} report={report} vocabulary={vocabulary} />
            ))}
          </ul>
        </>
      )}
      <Pagination
        lang={lang}
        label={text(lang, 'listPagination')}
        page={props.page}
        hasNextPage={props.hasNextPage}
        href={(page) => `${listPath}${selectionQuery(selection, page > 1 ? { page: String(page) } : {})}`}
      />

      <h2 class="govuk-heading-m">{text(lang, 'feedsHeading')}</h2>
      <ul class="govuk-list">
        <li>
          <a class="govuk-link" href={`${localePath(lang, '/reports/feed.atom')}${filterQuery}`}>
            {text(lang, 'feedLink')}
          </a>
        </li>
        <li>
          <a class="govuk-link" href={localePath(lang, '/open-data/reports')}>
            {text(lang, 'openDataLink')}
          </a>
        </li>
      </ul>
      <ReportMapScript />
    </>
  );
}

function ReportListItem(props: { lang: Lang; report: PublicReportListItem; vocabulary: PublicVocabulary }) {
  const { lang, report } = props;
  const words = wordsOf(report, props.vocabulary, lang);
  const place = [words.district, words.village].filter((part) => part !== '').join(' ');
  return (
    <li class="ow-report-list__item" data-case-number={report.caseNumber} data-status={words.stateGroup}>
      {report.thumbPhotoId === null ? (
        <span class="ow-report-list__thumb ow-report-list__thumb--none" aria-hidden="true" />
      ) : (
        <img
          class="ow-report-list__thumb"
          src={reportPaths.photo(report.caseNumber, report.thumbPhotoId, 'thumb')}
          alt=""
          loading="lazy"
          width={96}
          height={72}
        />
      )}
      <div class="ow-report-list__text">
        <h3 class="govuk-heading-s govuk-!-margin-bottom-1">
          <a class="govuk-link" href={localePath(lang, reportPaths.one(report.caseNumber))}>
            {words.category}
            <span class="govuk-visually-hidden">
              {lang === 'en' ? `, report ${report.caseNumber}` : `，案件 ${report.caseNumber}`}
            </span>
          </a>
        </h3>
        <p class="govuk-body-s govuk-!-margin-bottom-1">
          <StateGroupTag lang={lang} group={words.stateGroup} /> {words.stateLabel}
        </p>
        <p class="govuk-body-s govuk-!-margin-bottom-0">
          {place === '' ? '' : `${place} · `}
          {text(lang, 'receivedOn')} {formatPageDate(lang, toTaipeiLocalDate(report.receivedAt))}
          {report.point === null ? ` · ${text(lang, 'noPlace')}` : ''}
        </p>
      </div>
    </li>
  );
}
