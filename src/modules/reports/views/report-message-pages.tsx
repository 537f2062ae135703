import type { ComponentChildren } from 'preact';
import { Button, CsrfField } from '../../../platform/web/components/form-controls.tsx';
import { LinkParagraph } from '../../../platform/web/components/link-paragraph.tsx';
import { formatPageDateTime } from '../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../platform/web/i18n.ts';
import { reportPhone, reportFormText as text } from '../report-form-messages.ts';
import { reportPaths } from '../report-paths.ts';

/** The short pages of the reporting journey: a heading, a sentence or two, where to go next. */

const trackPath = '/track';

/** The column every one of these pages stands in. */
function ShortPage({ children }: { children: ComponentChildren }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">{children}</div>
    </div>
  );
}

/** The green panel of a step that is done, its title the page's heading. */
function DonePanel({ title }: { title: string }) {
  return (
    <div class="govuk-panel govuk-panel--confirmation">
      <h1 class="govuk-panel__title">{title}</h1>
    </div>
  );
}

function AnotherReport({ lang }: { lang: Lang }) {
  return (
    <LinkParagraph href={localePath(lang, reportPaths.report)}>{text(lang, 'reportAnother')}</LinkParagraph>
  );
}

/** The e-mail's link opens this: one button, so a mail scanner that follows links confirms nothing. */
export function ReportConfirmPage(props: { lang: Lang; csrfToken: string; action: string }) {
  const { lang } = props;
  return (
    <ShortPage>
      <h1 class="govuk-heading-l">{text(lang, 'confirmTitle')}</h1>
      <p class="govuk-body">{text(lang, 'confirmLead')}</p>
      <form method="post" action={props.action} novalidate>
        <CsrfField token={props.csrfToken} />
        <Button preventsDoubleClick>{text(lang, 'confirmButton')}</Button>
      </form>
    </ShortPage>
  );
}

export function ReportConfirmedPage({ lang, caseNumber }: { lang: Lang; caseNumber: string }) {
  return (
    <ShortPage>
      <DonePanel title={text(lang, 'confirmedTitle')} />
      <p class="govuk-body">{text(lang, 'confirmedBody', { caseNumber })}</p>
      <LinkParagraph href={localePath(lang, reportPaths.one(caseNumber))}>
        {text(lang, 'confirmedLink', { caseNumber })}
      </LinkParagraph>
      <AnotherReport lang={lang} />
    </ShortPage>
  );
}

export function ReportConfirmUnknownPage({ lang }: { lang: Lang }) {
  return (
    <ShortPage>
      <h1 class="govuk-heading-l">{text(lang, 'confirmUnknownTitle')}</h1>
      <p class="govuk-body">{text(lang, 'confirmUnknownBody', { phone: reportPhone })}</p>
      <LinkParagraph href={localePath(lang, trackPath)}>{text(lang, 'trackLink')}</LinkParagraph>
    </ShortPage>
  );
}

export function ReportFollowedPage(props: {
  lang: Lang;
  caseNumber: string;
  email: string;
  isPublished: boolean;
}) {
  const { lang, caseNumber } = props;
  return (
    <ShortPage>
      <DonePanel title={text(lang, 'followedTitle')} />
      <p class="govuk-body">{text(lang, 'followedBody', { caseNumber, email: props.email })}</p>
      {props.isPublished ? (
        <LinkParagraph href={localePath(lang, reportPaths.one(caseNumber))}>
          {text(lang, 'followedLink', { caseNumber })}
        </LinkParagraph>
      ) : null}
      <AnotherReport lang={lang} />
    </ShortPage>
  );
}

/** Too many reports from one connection or contact: when to try again, and the phone for what cannot wait. */
export function ReportLimitedPage(props: { lang: Lang; retryAt: Date; retryAfterSeconds: number }) {
  const { lang } = props;
  const time = formatPageDateTime(lang, props.retryAt);
  const minutes = Math.max(1, Math.ceil(props.retryAfterSeconds / 60));
  return (
    <ShortPage>
      <h1 class="govuk-heading-l">{text(lang, 'limitedTitle')}</h1>
      <p class="govuk-body" id="retry-after">
        {text(lang, 'limitedBody', { time, minutes })}
      </p>
      <p class="govuk-body">{text(lang, 'limitedUrgent')}</p>
    </ShortPage>
  );
}

/** What a robot that filled in the honeypot sees: the look of success, with nothing behind it. */
export function ReportThanksPage({ lang }: { lang: Lang }) {
  return (
    <ShortPage>
      <DonePanel title={text(lang, 'sentTitle')} />
      <p class="govuk-body">{text(lang, 'thanksBody')}</p>
      <AnotherReport lang={lang} />
    </ShortPage>
  );
}

/** The confirmation page asked for by another browser, or after its hour: nothing about the report. */
export function ReportSentGonePage({ lang }: { lang: Lang }) {
  return (
    <ShortPage>
      <h1 class="govuk-heading-l">{text(lang, 'sentGoneTitle')}</h1>
      <p class="govuk-body">{text(lang, 'sentGoneBody')}</p>
      <LinkParagraph href={localePath(lang, trackPath)}>{text(lang, 'trackLink')}</LinkParagraph>
      <AnotherReport lang={lang} />
    </ShortPage>
  );
}
