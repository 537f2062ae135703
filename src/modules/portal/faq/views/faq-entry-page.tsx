import type { BureauUnit } from '../../../../platform/reference/units.ts';
import {
  Banner,
  ErrorSummary,
  Radios,
  TextArea,
} from '../../../../platform/web/components/form-controls.tsx';
import { PostForm, textControls } from '../../../../platform/web/components/form-page.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { LinkParagraph } from '../../../../platform/web/components/link-paragraph.tsx';
import { SummaryRow } from '../../../../platform/web/components/summary-list.tsx';
import { telephoneHref } from '../../../../platform/web/contact-details.tsx';
import { formatPageDate } from '../../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { faqPaths } from '../../shared/portal-paths.ts';
import { feedbackForm } from '../faq-form.ts';
import type { FaqEntryRow } from '../faq-index.ts';
import { faqText as text } from '../faq-messages.ts';
import type { NamedCode } from '../faq-queries.ts';
import { wordsIn } from '../faq-rules.ts';
import { DemoNotice, Paragraphs } from './faq-parts.tsx';

export interface FaqEntryPageProps {
  lang: Lang;
  csrfToken: string;
  entry: FaqEntryRow;
  unit: BureauUnit | null;
  services: readonly { code: string; nameZh: string; nameEn: string }[];
  classifications: { theme: readonly NamedCode[]; cake: readonly NamedCode[]; service: readonly NamedCode[] };
  /** The page's ISO date (the entry's publication, in Taipei). */
  updatedOn: string | null;
  feedback: {
    values: { useful: string; comment: string };
    problems: FormProblems;
    isThanked: boolean;
  };
}

function FeedbackSection({ lang, csrfToken, entry, feedback }: FaqEntryPageProps) {
  if (feedback.isThanked)
    return (
      <Banner lang={lang} id="faq-thanks" kind="success">
        <p class="govuk-notification-banner__heading">{text(lang, 'feedbackThanks')}</p>
        <p class="govuk-body">{text(lang, 'feedbackThanksBody')}</p>
      </Banner>
    );
  const control = textControls(feedbackForm, { lang, values: feedback.values, problems: feedback.problems });
  return (
    <section id="faq-feedback" aria-labelledby="faq-feedback-heading">
      <h2 class="govuk-heading-m" id="faq-feedback-heading">
        {text(lang, 'feedbackHeading')}
      </h2>
      <PostForm
        action={localePath(lang, faqPaths.feedback(entry.number))}
        csrfToken={csrfToken}
        submit={text(lang, 'feedbackSend')}
        isSecondary
      >
        <Radios
          lang={lang}
          name="useful"
          legend={text(lang, 'feedbackLegend')}
          legendClass="govuk-visually-hidden"
          value={feedback.values.useful}
          problems={feedback.problems}
          isInline
          choices={[
            { value: 'yes', label: text(lang, 'feedbackYes') },
            { value: 'no', label: text(lang, 'feedbackNo') },
          ]}
        />
        <TextArea {...control('comment')} hint={text(lang, 'feedbackCommentHint')} rows={3} isOptional />
      </PostForm>
    </section>
  );
}

function CodeList({ lang, codes }: { lang: Lang; codes: readonly NamedCode[] }) {
  return (
    <>
      {codes.map((code, index) => (
        <>
          {index > 0 ? (lang === 'en' ? ', ' : '、') : null}
          <span data-code={code.code}>
            {lang === 'en' && code.nameEn ? code.nameEn : code.nameZh} ({code.code})
          </span>
        </>
      ))}
    </>
  );
}

/** `/faq/:number`: the question, the answer, who answers it, related services and classifications, feedback. */
export function FaqEntryPage(props: FaqEntryPageProps) {
  const { lang, entry, unit, services, classifications } = props;
  const words = wordsIn(lang, entry);
  const wordsLang = words.isChineseShown ? 'zh-TW' : undefined;
  const pick = (zh: string, en: string) => (lang === 'en' ? en : zh);
  const schemes = [
    ['themeScheme', classifications.theme],
    ['cakeScheme', classifications.cake],
    ['serviceScheme', classifications.service],
  ] as const;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary lang={lang} problems={props.feedback.problems} />
        {entry.isDemo ? <DemoNotice lang={lang} /> : null}
        {words.isChineseShown ? (
          <div class="govuk-inset-text" id="faq-no-english">
            {text(lang, 'noEnglish')}
          </div>
        ) : null}
        <span class="govuk-caption-l">{text(lang, 'listTitle')}</span>
        <h1 class="govuk-heading-l" lang={wordsLang} id="faq-question">
          {words.question}
        </h1>
        <h2 class="govuk-heading-m">{text(lang, 'answerHeading')}</h2>
        <div id="faq-answer">
          <Paragraphs value={words.answer} lang={wordsLang} />
        </div>
        {props.updatedOn === null ? null : (
          <p class="govuk-body-s">
            {text(lang, 'updatedOn', { date: formatPageDate(lang, props.updatedOn) })}
          </p>
        )}
        {unit === null ? null : (
          <>
            <h2 class="govuk-heading-m">{text(lang, 'unitHeading')}</h2>
            <dl class="govuk-summary-list" id="faq-unit">
              <SummaryRow label={text(lang, 'unitName')}>{pick(unit.nameZh, unit.nameEn)}</SummaryRow>
              <SummaryRow label={text(lang, 'unitPhone')}>
                <a class="govuk-link" href={telephoneHref(unit.contact.phone)}>
                  {unit.contact.phone}
                </a>
              </SummaryRow>
              <SummaryRow label={text(lang, 'unitEmail')}>
                <a class="govuk-link" href={`mailto:${unit.contact.email}`}>
                  {unit.contact.email}
                </a>
              </SummaryRow>
              <SummaryRow label={text(lang, 'unitAddress')}>
                {pick(unit.contact.addressZh, unit.contact.addressEn)}
              </SummaryRow>
              <SummaryRow label={text(lang, 'unitHours')}>
                {pick(unit.contact.serviceHoursZh, unit.contact.serviceHoursEn)}
              </SummaryRow>
            </dl>
          </>
        )}
        {services.length === 0 ? null : (
          <>
            <h2 class="govuk-heading-m">{text(lang, 'relatedServicesHeading')}</h2>
            <ul class="govuk-list govuk-list--bullet" id="faq-services">
              {services.map((service) => (
                <li key={service.code}>
                  <a
                    class="govuk-link"
                    href={localePath(lang, `/services/${encodeURIComponent(service.code)}`)}
                  >
                    {pick(service.nameZh, service.nameEn)}
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
        {schemes.every(([, codes]) => codes.length === 0) ? null : (
          <>
            <h2 class="govuk-heading-m">{text(lang, 'classificationsHeading')}</h2>
            <dl class="govuk-summary-list" id="faq-classifications">
              {schemes.map(([scheme, codes]) =>
                codes.length === 0 ? null : (
                  <SummaryRow key={scheme} label={text(lang, scheme)}>
                    <CodeList lang={lang} codes={codes} />
                  </SummaryRow>
                ),
              )}
            </dl>
          </>
        )}
        <FeedbackSection {...props} />
        <LinkParagraph href={localePath(lang, faqPaths.list)}>{text(lang, 'allEntries')}</LinkParagraph>
      </div>
    </div>
  );
}
