import { LinkParagraph } from '../../../platform/web/components/link-paragraph.tsx';
import { formatPageDate, formatPageDateTime } from '../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../platform/web/i18n.ts';
import { type Deadline, deadlineText } from '../../catalogue/index.ts';
import { reportFormText as text } from '../report-form-messages.ts';
import { reportPaths } from '../report-paths.ts';

export interface ReportSentView {
  lang: Lang;
  caseNumber: string;
  lookupCode: string;
  categoryName: string;
  unitName: string;
  deadline: Deadline;
  /** When it is due (an hours rule shows the time), and the date promised (a working-days rule). */
  dueAt: Date | null;
  expectedCompletionDate: string | null;
  /** The address the notices went to, or null when none was given. */
  email: string | null;
  /** A confirmation link was sent: the report goes on the public map once it is used. */
  awaitsConfirmation: boolean;
  /** On the public map already (its public page exists). */
  isPublished: boolean;
  /** /track with the number and code filled in, in the reporter's language. */
  trackUrl: string;
}

/** By when, in words: 「4 小時內處理，最晚 …」 for a danger, the promised date for the rest. */
export function expectedFixText(
  view: Pick<ReportSentView, 'lang' | 'deadline' | 'dueAt' | 'expectedCompletionDate'>,
) {
  const { lang, deadline } = view;
  const words = deadlineText(deadline, lang);
  if (deadline.kind === 'hours' && view.dueAt !== null)
    return text(lang, 'expectedHours', { deadline: words, due: formatPageDateTime(lang, view.dueAt) });
  if (view.expectedCompletionDate !== null)
    return text(lang, 'expectedDate', {
      date: formatPageDate(lang, view.expectedCompletionDate),
      deadline: words,
    });
  return words;
}

/**
 * After sending: the case number and lookup code in a panel, by when, whether an e-mail went and what to
 * do with it, and where to follow the report. Shown only to the browser that sent it (report-carry.ts).
 */
export function ReportSentPage(view: ReportSentView) {
  const { lang } = view;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <div class="govuk-panel govuk-panel--confirmation">
          <h1 class="govuk-panel__title">{text(lang, 'sentTitle')}</h1>
          <div class="govuk-panel__body">
            <p class="ow-report-sent__line">
              {text(lang, 'caseNumberPanel')}
              <br />
              <strong id="case-number">{view.caseNumber}</strong>
            </p>
            <p class="ow-report-sent__line">
              {text(lang, 'lookupCodePanel')}
              <br />
              <strong id="lookup-code">{view.lookupCode}</strong>
            </p>
          </div>
        </div>
        <p class="govuk-body">{text(lang, 'keepCodes')}</p>
        <h2 class="govuk-heading-m">{text(lang, 'whatNext')}</h2>
        <p class="govuk-body">
          {text(lang, 'routedTo', { category: view.categoryName, unit: view.unitName })}
        </p>
        <p class="govuk-body" id="expected-fix">
          {expectedFixText(view)}
        </p>
        {view.email === null ? (
          <p class="govuk-body" id="email-sent">
            {text(lang, 'noEmail')}
          </p>
        ) : (
          <>
            <p class="govuk-body" id="email-sent">
              {text(lang, 'emailSent', { email: view.email })}
            </p>
            <p class="govuk-body">
              {text(lang, view.awaitsConfirmation ? 'emailConfirm' : 'emailConfirmed')}
            </p>
          </>
        )}
        <LinkParagraph href={view.trackUrl}>{text(lang, 'trackLink')}</LinkParagraph>
        {!view.isPublished ? null : (
          <LinkParagraph href={localePath(lang, reportPaths.one(view.caseNumber))}>
            {text(lang, 'publicLink')}
          </LinkParagraph>
        )}
        <LinkParagraph href={localePath(lang, reportPaths.report)}>
          {text(lang, 'reportAnother')}
        </LinkParagraph>
      </div>
    </div>
  );
}
