import type { ComponentChildren } from 'preact';
import { Banner, Button, CsrfField, ErrorSummary } from '../../../platform/web/components/form-controls.tsx';
import type { FormProblems } from '../../../platform/web/components/form-problems.ts';
import { Pagination } from '../../../platform/web/components/pagination.tsx';
import { formatPageDateTime } from '../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../platform/web/i18n.ts';
import { crewText as text } from '../crew-messages.ts';
import { crewPaths } from '../crew-paths.ts';
import type { CrewReport } from '../crew-queries.ts';
import { distanceText, type Point } from '../crew-rules.ts';

/**
 * The crews' page, phone first: a map of the reports (drawn by crew-map.js when it and the tiles load) and the
 * same reports as a list — the list is the page, the map only helps (UX.md: maps never stand alone). Each
 * report: its photo, category, place, distance, due time and what this person may do with it now.
 */

export type CrewAction = 'fix' | 'take' | 'go_again';

export interface CrewReportView extends CrewReport {
  serviceName: string;
  districtName: string | null;
  stateName: string;
  /** Mine, free to take, or a colleague's (a supervisor sees them all). */
  relation: 'yours' | 'to_take' | 'other';
  actions: readonly CrewAction[];
  isOverdue: boolean;
}

export interface CrewPageProps {
  lang: Lang;
  csrfToken: string;
  isSupervisor: boolean;
  reports: readonly CrewReportView[];
  page: number;
  hasNextPage: boolean;
  position: Point | null;
  done: string | null;
  problems: FormProblems;
  /** The tile server for the map; null: no map (the list alone). */
  map: { tileUrl: string; attribution: string } | null;
}

const relationTags = {
  yours: 'govuk-tag--blue',
  to_take: 'govuk-tag--yellow',
  other: 'govuk-tag--grey',
} as const;

const relationWords = { yours: 'yours', to_take: 'toTake', other: 'takenByOther' } as const;

function pageHref(lang: Lang, position: Point | null, page: number): string {
  const query = new URLSearchParams();
  if (position !== null) {
    query.set('lat', String(position.lat));
    query.set('lon', String(position.lon));
  }
  if (page > 1) query.set('page', String(page));
  const search = query.toString();
  return `${localePath(lang, crewPaths.crew)}${search === '' ? '' : `?${search}`}`;
}

function Actions({ lang, csrfToken, report }: { lang: Lang; csrfToken: string; report: CrewReportView }) {
  const hidden = (
    <span class="govuk-visually-hidden">{text(lang, 'actionFor', { caseNumber: report.caseNumber })}</span>
  );
  return (
    <div class="govuk-button-group">
      {report.actions.includes('fix') ? (
        <a
          class="govuk-button"
          data-module="govuk-button"
          href={localePath(lang, crewPaths.fix(report.caseNumber))}
        >
          {text(lang, 'actionFix')}
          {hidden}
        </a>
      ) : null}
      {report.actions.includes('take') || report.actions.includes('go_again') ? (
        <form method="post" action={localePath(lang, crewPaths.take(report.caseNumber))}>
          <CsrfField token={csrfToken} />
          <input type="hidden" name="version" value={String(report.version)} />
          <Button isSecondary>
            {text(lang, report.actions.includes('take') ? 'actionTake' : 'actionGoAgain')}
            {hidden}
          </Button>
        </form>
      ) : null}
      <a class="govuk-link" href={localePath(lang, crewPaths.photos(report.caseNumber))}>
        {text(lang, 'actionPhotos')}
        {hidden}
      </a>
      <a class="govuk-link" href={localePath(lang, `/staff/cases/${encodeURIComponent(report.caseNumber)}`)}>
        {text(lang, 'actionCasePage')}
        {hidden}
      </a>
    </div>
  );
}

function ReportItem({ lang, csrfToken, report }: { lang: Lang; csrfToken: string; report: CrewReportView }) {
  const place = [report.districtName, report.address]
    .filter((part) => part !== null && part !== '')
    .join(' ');
  return (
    <li
      class="govuk-!-margin-bottom-6"
      id={`report-${report.caseNumber}`}
      data-case-number={report.caseNumber}
    >
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-quarter">
          {report.photoId === null ? (
            <p class="govuk-body-s">{text(lang, 'noPhoto')}</p>
          ) : (
            <img
              src={localePath(lang, crewPaths.staffPhoto(report.caseNumber, report.photoId, 'thumb'))}
              alt={text(lang, 'photoOf', { caseNumber: report.caseNumber })}
              width={120}
              loading="lazy"
            />
          )}
        </div>
        <div class="govuk-grid-column-three-quarters">
          <h3 class="govuk-heading-s govuk-!-margin-bottom-1">
            {report.serviceName} <span class="govuk-caption-s">{report.caseNumber}</span>
          </h3>
          <p class="govuk-body govuk-!-margin-bottom-1" data-field="place">
            {place === '' ? text(lang, 'noAddress') : place}
            {report.distanceMetres === null ? null : (
              <>
                {' · '}
                <span data-field="distance">
                  {text(lang, 'distanceAway', { distance: distanceText(report.distanceMetres) })}
                </span>
              </>
            )}
          </p>
          <p class="govuk-body govuk-!-margin-bottom-2">
            <strong class={`govuk-tag ${relationTags[report.relation]}`}>
              {text(lang, relationWords[report.relation])}
            </strong>{' '}
            <strong class="govuk-tag govuk-tag--grey" data-state={report.state}>
              {report.stateName}
            </strong>{' '}
            <span data-field="due">
              {report.dueAt === null
                ? text(lang, 'noDue')
                : text(lang, 'dueAt', { date: formatPageDateTime(lang, report.dueAt) })}
            </span>
            {report.isOverdue ? (
              <>
                {' '}
                <strong class="govuk-tag govuk-tag--red">{text(lang, 'overdue')}</strong>
              </>
            ) : null}
          </p>
          <Actions lang={lang} csrfToken={csrfToken} report={report} />
        </div>
      </div>
    </li>
  );
}

/** The reports the map shows: the same as the list, as data for crew-map.js (the CSP allows no inline script). */
function mapData(reports: readonly CrewReportView[]) {
  return reports
    .filter((report) => report.latitude !== null && report.longitude !== null)
    .map((report) => ({
      lat: report.latitude,
      lon: report.longitude,
      label: `${report.caseNumber} ${report.serviceName}`,
      href: `#report-${report.caseNumber}`,
      isMine: report.relation === 'yours',
    }));
}

/** A part of the page named by its heading (`<id>-heading`), so a screen reader lists it as a region. */
function HeadedSection(props: { id: string; heading: string; class?: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={`${props.id}-heading`} class={props.class}>
      <h2 class="govuk-heading-m" id={`${props.id}-heading`}>
        {props.heading}
      </h2>
      {props.children}
    </section>
  );
}

export function CrewPage(props: CrewPageProps) {
  const { lang, reports, position } = props;
  const order = position === null ? 'orderDeadline' : 'orderDistance';
  return (
    <>
      <ErrorSummary lang={lang} problems={props.problems} />
      {props.done === null ? null : (
        <Banner lang={lang} id="crew-done" kind="success">
          <p class="govuk-notification-banner__heading">{props.done}</p>
        </Banner>
      )}
      <h1 class="govuk-heading-l">{text(lang, 'crewTitle')}</h1>
      <p class="govuk-body">{text(lang, props.isSupervisor ? 'crewIntroSupervisor' : 'crewIntro')}</p>

      <p class="govuk-body" id="crew-order">
        {text(lang, position === null ? 'sortedByDeadline' : 'sortedByDistance')}
      </p>
      <p class="govuk-body" id="crew-position-refused" hidden>
        {text(lang, 'positionRefused')}
      </p>
      <div class="govuk-button-group">
        {/* Shown by crew-map.js: finding the position needs the browser's geolocation. */}
        <button
          type="button"
          class="govuk-button govuk-button--secondary"
          data-module="ow-crew-locate"
          data-href={localePath(lang, crewPaths.crew)}
          hidden
        >
          {text(lang, 'sortByDistance')}
        </button>
        {position === null ? null : (
          <a class="govuk-link" href={localePath(lang, crewPaths.crew)}>
            {text(lang, 'sortByDeadline')}
          </a>
        )}
      </div>

      {props.map === null || reports.length === 0 ? null : (
        <HeadedSection id="crew-map" heading={text(lang, 'mapHeading')} class="govuk-!-margin-bottom-6">
          <div
            class="ow-report-map ow-crew-map"
            id="crew-map"
            data-module="ow-crew-map"
            data-tile-url={props.map.tileUrl}
            data-tile-attribution={props.map.attribution}
            data-reports={JSON.stringify(mapData(reports))}
            data-position={position === null ? undefined : `${position.lat},${position.lon}`}
          >
            <p class="govuk-body">{text(lang, 'mapFallback')}</p>
          </div>
        </HeadedSection>
      )}

      <HeadedSection id="crew-list" heading={text(lang, 'listHeading')}>
        {reports.length === 0 ? (
          <p class="govuk-body" id="crew-none">
            {text(lang, 'none')}
          </p>
        ) : (
          <ol
            class="govuk-list"
            id="crew-reports"
            aria-label={text(lang, 'listCaption', { order: text(lang, order) })}
          >
            {reports.map((report) => (
              <ReportItem key={report.caseId} lang={lang} csrfToken={props.csrfToken} report={report} />
            ))}
          </ol>
        )}
        <Pagination
          lang={lang}
          page={props.page}
          hasNextPage={props.hasNextPage}
          href={(page) => pageHref(lang, position, page)}
        />
      </HeadedSection>
      <script type="module" src="/assets/build/crew-map.js" />
    </>
  );
}
