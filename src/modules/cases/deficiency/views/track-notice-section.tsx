import { formatPageDate } from '../../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { deficiencyText as text } from '../deficiency-messages.ts';
import { supplementHref } from '../deficiency-paths.ts';
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
