import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { faqPaths } from '../../shared/portal-paths.ts';
import { faqText as text } from '../faq-messages.ts';
import { QuestionText } from './faq-parts.tsx';

/** The FAQ section of a service's page (the catalogue's /services/:code): its published entries, linked. */
export function FaqServiceSection(props: {
  lang: Lang;
  entries: readonly {
    number: number;
    questionZh: string;
    questionEn: string | null;
    answerEn: string | null;
  }[];
}) {
  const { lang } = props;
  return (
    <section id="service-faq" aria-labelledby="service-faq-heading">
      <h2 class="govuk-heading-m" id="service-faq-heading">
        {text(lang, 'serviceSectionHeading')}
      </h2>
      <ul class="govuk-list govuk-list--bullet">
        {props.entries.map((entry) => (
          <li key={entry.number} data-faq={entry.number}>
            <a class="govuk-link" href={localePath(lang, faqPaths.entry(entry.number))}>
              <QuestionText lang={lang} entry={entry} />
            </a>
          </li>
        ))}
      </ul>
      <p class="govuk-body">
        <a class="govuk-link" href={localePath(lang, faqPaths.list)}>
          {text(lang, 'serviceSectionMore')}
        </a>
      </p>
    </section>
  );
}
