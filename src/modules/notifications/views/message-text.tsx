import { Fragment } from 'preact';

/**
 * A plain-text message as the recipient reads it: blank lines are paragraphs, line breaks are kept.
 * (No <pre>: long lines would not wrap on a phone, and the page's CSS needs nothing new.)
 */
export function MessageText({
  text,
  lang,
  ...data
}: { text: string; lang: string } & Record<`data-${string}`, boolean>) {
  return (
    <div class="govuk-inset-text" lang={lang} {...data}>
      {text.split(/\n{2,}/).map((paragraph, index) => (
        <p class="govuk-body" key={index}>
          {paragraph.split('\n').map((line, lineIndex) => (
            <Fragment key={lineIndex}>
              {lineIndex > 0 ? <br /> : null}
              {line}
            </Fragment>
          ))}
        </p>
      ))}
    </div>
  );
}
