import type { Lang } from '../../../../platform/web/i18n.ts';
import { faqText as text } from '../faq-messages.ts';

/** Text as paragraphs: a blank line starts a new one, a single line break stays a break. */
export function Paragraphs({ value, lang }: { value: string; lang?: string | undefined }) {
  const paragraphs = value.split(/\n\s*\n/).filter((paragraph) => paragraph.trim() !== '');
  return (
    <>
      {paragraphs.map((paragraph, index) => (
        <p key={index} class="govuk-body" lang={lang}>
          {paragraph.split('\n').map((line, lineIndex) => (
            <>
              {lineIndex > 0 ? <br /> : null}
              {line}
            </>
          ))}
        </p>
      ))}
    </>
  );
}

/** The warning on a demo entry (like the catalogue's demo services). */
export function DemoNotice({ lang }: { lang: Lang }) {
  return (
    <div class="govuk-warning-text">
      <span class="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong class="govuk-warning-text__text" data-demo="true">
        {text(lang, 'demoNotice')}
      </strong>
    </div>
  );
}

/** An entry's question as a list shows it: in English when it has English, else in Chinese, marked so. */
export function QuestionText(props: {
  lang: Lang;
  entry: { questionZh: string; questionEn: string | null; answerEn: string | null };
}) {
  const { lang, entry } = props;
  const isEnglish =
    lang === 'en' && (entry.questionEn ?? '').trim() !== '' && (entry.answerEn ?? '').trim() !== '';
  if (isEnglish) return <>{entry.questionEn}</>;
  return lang === 'en' ? <span lang="zh-TW">{entry.questionZh}</span> : entry.questionZh;
}
