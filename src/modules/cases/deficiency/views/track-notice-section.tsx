import { toTaipeiLocalDate } from '../../../../platform/calendar/working-days.ts';
import { formatPageDate } from '../../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { deficiencyText as text } from '../deficiency-messages.ts';
import { applicantHref, deficiencyPaths, supplementHref } from '../deficiency-paths.ts';
import type { DeficiencyNotice } from '../deficiency-queries.ts';

/** On /track, a case waiting for a supplement: every item with its note, the date, and the way to answer. */
export function TrackNoticeSection(props: {
  lang: Lang;
  notice: DeficiencyNotice | null;
  caseNumber: string;
  lookupCode: string;
}) {
  const { lang, notice } = props;
  if (notice === null) return null;
  return (
    <section class="govuk-inset-text" aria-labelledby="deficiency-heading" data-deficiency-notice={notice.id}>
      <h2 class="govuk-heading-m" id="deficiency-heading">
        {text(lang, 'trackSectionHeading')}
      </h2>
      <p class="govuk-body">
        {text(lang, 'trackSectionLead', { date: formatPageDate(lang, notice.supplementBy) })}
      </p>
      <ol class="govuk-list govuk-list--number">
        {notice.items.map((item) => (
          <li key={item.key}>
            <strong>{lang === 'en' ? item.labelEn : item.labelZh}</strong>
            {lang === 'en' ? ': ' : '：'}
            {item.note}
          </li>
        ))}
      </ol>
      <p class="govuk-body">
        <a
          class="govuk-button govuk-!-margin-bottom-0"
          href={localePath(lang, supplementHref(props.caseNumber, props.lookupCode))}
        >
          {text(lang, 'trackSupplementLink')}
        </a>
      </p>
    </section>
  );
}

/**
 * On /track, the notices the applicant was sent before (supplemented, lapsed, or ended with the case): each
 * with its date and outcome and their own copy of it (the A4 page and the .odt), so what was asked stays
 * readable after it was answered. The open notice has its own section above.
 */
export function TrackPastNoticesSection(props: {
  lang: Lang;
  notices: readonly DeficiencyNotice[];
  caseNumber: string;
  lookupCode: string;
}) {
  const { lang } = props;
  const past = props.notices.filter((notice) => notice.issuedAt !== null && notice.state !== 'issued');
  if (past.length === 0) return null;
  const dateOf = (at: Date) => formatPageDate(lang, toTaipeiLocalDate(at));
  const outcome = (notice: DeficiencyNotice) =>
    notice.state === 'supplemented' && notice.supplementedAt !== null
      ? text(lang, 'pastNoticeSupplemented', { date: dateOf(notice.supplementedAt) })
      : notice.state === 'lapsed'
        ? text(lang, 'pastNoticeLapsed')
        : text(lang, 'pastNoticeEnded');
  const href = (path: string, noticeId: string) =>
    applicantHref(localePath(lang, path), props.caseNumber, props.lookupCode, noticeId);
  return (
    <section aria-labelledby="past-notices-heading" data-past-notices>
      <h2 class="govuk-heading-m" id="past-notices-heading">
        {text(lang, 'pastNoticesHeading')}
      </h2>
      <ul class="govuk-list govuk-list--spaced">
        {past.map((notice) => (
          <li key={notice.id} data-past-notice={notice.id} data-notice-state={notice.state}>
            {text(lang, 'pastNoticeLine', {
              sequence: String(notice.sequence),
              date: dateOf(notice.issuedAt as Date),
              outcome: outcome(notice),
            })}
            <br />
            <a class="govuk-link" href={href(deficiencyPaths.applicantPrint, notice.id)}>
              {text(lang, 'applicantPrintLink')}
            </a>
            {' · '}
            <a class="govuk-link" href={href(deficiencyPaths.applicantOdt, notice.id)} download>
              {text(lang, 'odtLink')}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * /track's notices from one read of the case's sent notices: the open one (issued, while the case waits for
 * it) with its items and the way to answer, then the earlier ones.
 */
export function TrackNotices(props: {
  lang: Lang;
  isWaiting: boolean;
  notices: readonly DeficiencyNotice[];
  caseNumber: string;
  lookupCode: string;
}) {
  const open = props.isWaiting
    ? (props.notices.findLast((notice) => notice.state === 'issued') ?? null)
    : null;
  return (
    <>
      <TrackNoticeSection
        lang={props.lang}
        notice={open}
        caseNumber={props.caseNumber}
        lookupCode={props.lookupCode}
      />
      <TrackPastNoticesSection
        lang={props.lang}
        notices={props.notices}
        caseNumber={props.caseNumber}
        lookupCode={props.lookupCode}
      />
    </>
  );
}
