import { formatPageDate } from '../../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import type { CaseNoticesSection } from '../case-section.ts';
import { deficiencyText as text } from '../deficiency-messages.ts';
import { deficiencyPaths } from '../deficiency-paths.ts';
import { SupplementRecord } from './notice-page.tsx';

/** The case page's section on deficiency notices: each notice, its state and date, and its supplement. */
export function CaseNoticesSectionView({
  lang,
  section,
}: {
  lang: Lang;
  section: CaseNoticesSection | null;
}) {
  if (section === null || section.notices.length === 0) return null;
  return (
    <section aria-labelledby="deficiency-heading" id="deficiency">
      <h2 class="govuk-heading-m" id="deficiency-heading">
        {text(lang, 'casesSectionHeading')}
      </h2>
      {section.notices.map(({ notice, supplement }) => (
        <div key={notice.id} class="govuk-!-margin-bottom-6" data-notice={notice.id}>
          <h3 class="govuk-heading-s">
            <a
              class="govuk-link"
              href={localePath(lang, deficiencyPaths.notice(section.caseNumber, notice.id))}
            >
              {text(lang, 'noticeSequence', { sequence: notice.sequence })}
            </a>
          </h3>
          <p class="govuk-body">
            <strong class="govuk-tag" data-notice-state={notice.state}>
              {text(lang, `state_${notice.state}` as Parameters<typeof text>[1])}
            </strong>{' '}
            {text(lang, 'supplementBy')}
            {lang === 'en' ? ': ' : '：'}
            {formatPageDate(lang, notice.supplementBy)}
          </p>
          <ul class="govuk-list govuk-list--bullet">
            {notice.items.map((item) => (
              <li key={item.key}>
                {lang === 'en' ? item.labelEn : item.labelZh}
                {lang === 'en' ? ': ' : '：'}
                {item.note}
              </li>
            ))}
          </ul>
          {supplement.length === 0 ? null : (
            <SupplementRecord
              lang={lang}
              caseNumber={section.caseNumber}
              notice={notice}
              items={supplement}
            />
          )}
        </div>
      ))}
    </section>
  );
}
