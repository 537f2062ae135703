import { type UnitsByCode, unitNameIn } from '../../../platform/reference/unit-names.ts';
import { SummaryRow } from '../../../platform/web/components/summary-list.tsx';
import { formatPageDate, formatPageDateTime } from '../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../platform/web/i18n.ts';
import { publicReportText as text } from '../public-report-messages.ts';
import type {
  PublicPhoto,
  PublicReportDetail,
  PublicTimelineEntry,
  PublicVocabulary,
} from '../public-report-queries.ts';
import { wordsOf } from '../report-feeds.ts';
import { reportPaths } from '../report-paths.ts';
import { ReportMap, ReportMapScript, StateGroupTag } from './public-report-parts.tsx';

export interface PublicReportPageProps {
  lang: Lang;
  report: PublicReportDetail;
  vocabulary: PublicVocabulary;
  /** The units as the table has them (units-now.ts): the timeline names the unit a report moved to. */
  units: UnitsByCode;
  tileUrl: string | null;
  tileAttribution: string;
}

/**
 * `/reports/:number`: one report as the public sees it. What it shows is what findPublicReport selected:
 * the category, the state in plain words, the district and village, the rounded point, the photos not
 * hidden (the after-photos once fixed), and the timeline of state changes with the notes meant for the
 * public. Never the description, the address as typed, or anything of the reporter's but the name they
 * chose to show.
 */
export function PublicReportPage(props: PublicReportPageProps) {
  const { lang, report } = props;
  const words = wordsOf(report, props.vocabulary, lang);
  const isFixed = words.stateGroup === 'fixed' || report.state === 'closed';
  const photosOf = (role: PublicPhoto['role']) => report.photos.filter((photo) => photo.role === role);
  const reportPhotos = photosOf('report');
  const fixPhotos = isFixed ? photosOf('fix') : [];
  const notFixedPhotos = photosOf('not_fixed');
  return (
    <>
      <span class="govuk-caption-l">{words.category}</span>
      <h1 class="govuk-heading-xl">{text(lang, 'reportTitle', { caseNumber: report.caseNumber })}</h1>
      <p class="govuk-body-l" id="report-state">
        <StateGroupTag lang={lang} group={words.stateGroup} /> {words.stateLabel}
      </p>
      {report.mergedIntoCaseNumber === null ? null : (
        <div class="govuk-inset-text">
          <a class="govuk-link" href={localePath(lang, reportPaths.one(report.mergedIntoCaseNumber))}>
            {text(lang, 'mergedInto', { caseNumber: report.mergedIntoCaseNumber })}
          </a>
        </div>
      )}

      <dl class="govuk-summary-list" id="report-facts">
        <SummaryRow label={text(lang, 'category')}>{words.category}</SummaryRow>
        <SummaryRow label={text(lang, 'stateNow')}>
          {words.stateGroupLabel}
          {inParentheses(lang, words.stateLabel)}
        </SummaryRow>
        {words.district === '' ? null : (
          <SummaryRow label={text(lang, 'district')}>{words.district}</SummaryRow>
        )}
        {words.village === '' ? null : <SummaryRow label={text(lang, 'village')}>{words.village}</SummaryRow>}
        <SummaryRow label={text(lang, 'place')}>
          {report.point === null ? (
            text(lang, 'placeNone')
          ) : (
            <>
              <span data-point={`${report.point.lat},${report.point.lon}`}>
                {text(lang, 'placeRounded', {
                  lat: report.point.lat.toFixed(4),
                  lon: report.point.lon.toFixed(4),
                })}
              </span>
              <br />
              <a
                class="govuk-link"
                href={`https://www.openstreetmap.org/?mlat=${report.point.lat}&mlon=${report.point.lon}#map=18/${report.point.lat}/${report.point.lon}`}
              >
                {text(lang, 'mapLinkText')}
              </a>
            </>
          )}
        </SummaryRow>
        <SummaryRow label={text(lang, 'receivedAt')}>
          {formatPageDateTime(lang, report.receivedAt)}
        </SummaryRow>
        {report.expectedCompletionDate === null ? null : (
          <SummaryRow label={text(lang, 'expectedBy')}>
            {formatPageDate(lang, report.expectedCompletionDate)}
          </SummaryRow>
        )}
        {report.resolvedAt === null || !isFixed ? null : (
          <SummaryRow label={text(lang, 'fixedAt')}>{formatPageDateTime(lang, report.resolvedAt)}</SummaryRow>
        )}
        {report.closedAt === null || words.stateGroup !== 'closed' ? null : (
          <SummaryRow label={text(lang, 'closedAt')}>{formatPageDateTime(lang, report.closedAt)}</SummaryRow>
        )}
        {report.reporterName === null ? null : (
          <SummaryRow label={text(lang, 'reportedBy')}>{report.reporterName}</SummaryRow>
        )}
      </dl>

      {report.point === null ? null : (
        <ReportMap
          lang={lang}
          id="report-place-map"
          data={{ point: report.point }}
          label={text(lang, 'staticMapAlt')}
          tileUrl={props.tileUrl}
          tileAttribution={props.tileAttribution}
          isSmall
        />
      )}

      <h2 class="govuk-heading-l">{text(lang, 'photosHeading')}</h2>
      {reportPhotos.length === 0 ? (
        <p class="govuk-body">{text(lang, 'photosNone')}</p>
      ) : (
        <PhotoList lang={lang} caseNumber={report.caseNumber} photos={reportPhotos} id="report-photos" />
      )}
      {report.hiddenPhotoCount === 0 ? null : (
        <p class="govuk-body-s">{text(lang, 'photosHiddenNote', { count: report.hiddenPhotoCount })}</p>
      )}

      {fixPhotos.length === 0 && report.resolution === null ? null : (
        <>
          <h2 class="govuk-heading-l">{text(lang, 'fixPhotosHeading')}</h2>
          {fixPhotos.length === 0 ? null : (
            <PhotoList lang={lang} caseNumber={report.caseNumber} photos={fixPhotos} id="fix-photos" />
          )}
          {report.resolution === null ? null : (
            <>
              <h3 class="govuk-heading-s">{text(lang, 'resolutionHeading')}</h3>
              <p class="govuk-body" id="report-resolution">
                {report.resolution}
              </p>
            </>
          )}
        </>
      )}
      {notFixedPhotos.length === 0 ? null : (
        <>
          <h2 class="govuk-heading-l">{text(lang, 'notFixedPhotosHeading')}</h2>
          <PhotoList
            lang={lang}
            caseNumber={report.caseNumber}
            photos={notFixedPhotos}
            id="not-fixed-photos"
          />
        </>
      )}

      <h2 class="govuk-heading-l">{text(lang, 'timelineHeading')}</h2>
      <ol class="govuk-list ow-report-timeline" id="report-timeline">
        {report.timeline.map((entry, index) => (
          <li key={index} class="ow-report-timeline__item" data-kind={entry.kind}>
            <p class="govuk-body govuk-!-margin-bottom-1">
              <strong>{timelineWords(lang, entry, props.units)}</strong>
            </p>
            <p class="govuk-body-s govuk-!-margin-bottom-1">
              <time dateTime={entry.occurredAt.toISOString()}>
                {formatPageDateTime(lang, entry.occurredAt)}
              </time>
            </p>
            {entry.note === null ? null : (
              <p class="govuk-body govuk-!-margin-bottom-0">
                {text(lang, 'timelineNote', { note: entry.note })}
              </p>
            )}
          </li>
        ))}
      </ol>

      <p class="govuk-body">
        <a class="govuk-link" href={localePath(lang, reportPaths.reports)}>
          {text(lang, 'backToList')}
        </a>
      </p>
      {report.point === null ? null : <ReportMapScript />}
    </>
  );
}

function PhotoList(props: { lang: Lang; caseNumber: string; photos: readonly PublicPhoto[]; id: string }) {
  const { lang, caseNumber } = props;
  return (
    <ul class="govuk-list ow-report-photos" id={props.id}>
      {props.photos.map((photo, index) => {
        // The thumbnail keeps the public copy's proportions, at most 320 px on its longer side.
        const scale = Math.min(1, 320 / Math.max(photo.width, photo.height));
        return (
          <li key={photo.id} class="ow-report-photos__item">
            <a class="govuk-link" href={reportPaths.photo(caseNumber, photo.id, 'public')}>
              <img
                src={reportPaths.photo(caseNumber, photo.id, 'thumb')}
                alt={`${text(lang, 'photoOf', { caseNumber })}${inParentheses(lang, String(index + 1))}`}
                width={Math.round(photo.width * scale)}
                height={Math.round(photo.height * scale)}
                loading="lazy"
              />
            </a>
          </li>
        );
      })}
    </ul>
  );
}

/** 「（2）」 in Chinese, " (2)" in English. */
function inParentheses(lang: Lang, value: string): string {
  return lang === 'en' ? ` (${value})` : `（${value}）`;
}

function unitName(code: unknown, lang: Lang, units: UnitsByCode): string {
  return typeof code === 'string' ? unitNameIn(units, code, lang) : '';
}

/** The words of a timeline entry: each state change as the public reads it. */
function timelineWords(lang: Lang, entry: PublicTimelineEntry, units: UnitsByCode): string {
  const fact = (name: string) => (typeof entry.data[name] === 'string' ? (entry.data[name] as string) : '—');
  switch (entry.kind) {
    case 'created':
    case 'dispatch':
    case 'mark_fixed':
    case 'close':
    case 'reopen':
    case 'reject':
    case 'withdraw':
      return text(lang, `publicEvent_${entry.kind}`);
    case 'transfer':
      return text(lang, 'publicEvent_transfer', { unit: unitName(entry.data.toUnit, lang, units) });
    case 'forward':
      return text(lang, 'publicEvent_forward', { agency: fact('agency') });
    case 'merge':
      return text(lang, 'publicEvent_merge', { caseNumber: fact('mergedInto') });
    default:
      return entry.kind;
  }
}
