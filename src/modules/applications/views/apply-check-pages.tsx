import { ErrorSummary } from '../../../platform/web/components/form-controls.tsx';
import { PostForm } from '../../../platform/web/components/form-page.tsx';
import type { FormProblems } from '../../../platform/web/components/form-problems.ts';
import { LinkParagraph } from '../../../platform/web/components/link-paragraph.tsx';
import { SummaryList } from '../../../platform/web/components/summary-list.tsx';
import { formatPageDate } from '../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../platform/web/i18n.ts';
import { applicationText as text } from '../applications-messages.ts';
import { applicationPaths } from '../applications-paths.ts';
import { twd } from './apply-start-pages.tsx';

/** A section of check-your-answers: its rows and the link back to the page that asked them. */
export interface CheckSection {
  /** The page it came from (its id is the section's anchor: `check-<step>`). */
  step: string;
  title: string;
  rows: readonly { key: string; value: string }[];
  changeHref: string;
}

export interface FeeLineView {
  label: string;
  amountTwd: number;
  /** "NT$1,600 × 12" when per unit. */
  detail: string | null;
}

/** (e) Check your answers: each section with its change link, the fee, and the button that sends it all. */
export function CheckPage(props: {
  lang: Lang;
  csrfToken: string;
  serviceName: string;
  action: string;
  backHref: string;
  sections: readonly CheckSection[];
  fee: { lines: readonly FeeLineView[]; totalTwd: number };
  problems: FormProblems;
}) {
  const { lang } = props;
  return (
    <>
      <a href={props.backHref} class="govuk-back-link">
        {text(lang, 'back')}
      </a>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary lang={lang} problems={props.problems} />
          <span class="govuk-caption-l">{props.serviceName}</span>
          <h1 class="govuk-heading-l">{text(lang, 'checkTitle')}</h1>
          <p class="govuk-body">{text(lang, 'checkLead')}</p>
          {props.sections.map((section) => (
            <section
              key={section.step}
              id={`check-${section.step}`}
              aria-labelledby={`check-${section.step}-title`}
            >
              <h2 class="govuk-heading-m" id={`check-${section.step}-title`}>
                {section.title}
              </h2>
              <SummaryList rows={section.rows.map((row) => ({ key: row.key, value: row.value }))} />
              <p class="govuk-body">
                <a class="govuk-link" href={section.changeHref}>
                  {text(lang, 'checkChange', { section: section.title })}
                </a>
              </p>
            </section>
          ))}
          <section id="check-fee" aria-labelledby="check-fee-title">
            <h2 class="govuk-heading-m" id="check-fee-title">
              {text(lang, 'checkFee')}
            </h2>
            {props.fee.totalTwd === 0 ? (
              <p class="govuk-body" id="fee-total">
                {text(lang, 'checkFeeFree')}
              </p>
            ) : (
              <>
                <SummaryList
                  rows={[
                    ...props.fee.lines.map((line) => ({
                      key: line.label,
                      value:
                        line.detail === null
                          ? twd(line.amountTwd)
                          : `${line.detail} = ${twd(line.amountTwd)}`,
                    })),
                    {
                      key: text(lang, 'checkFeeTotal'),
                      value: <strong>{twd(props.fee.totalTwd)}</strong>,
                      id: 'fee-total',
                    },
                  ]}
                />
                <p class="govuk-body">{text(lang, 'checkFeeLater')}</p>
              </>
            )}
          </section>
          <p class="govuk-body">{text(lang, 'checkDeclaration')}</p>
          <PostForm
            action={props.action}
            csrfToken={props.csrfToken}
            submit={text(lang, 'submit')}
            preventsDoubleClick
          />
        </div>
      </div>
    </>
  );
}

/** (f) Sent: the case number and lookup code, by when, what happens next, and where to follow it. */
export function DonePage(props: {
  lang: Lang;
  caseNumber: string;
  lookupCode: string;
  unitName: string;
  deadlineWords: string;
  expectedCompletionDate: string | null;
  contact: string | null;
  owesFee: boolean;
  trackHref: string;
}) {
  const { lang } = props;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <div class="govuk-panel govuk-panel--confirmation">
          <h1 class="govuk-panel__title">{text(lang, 'doneTitle')}</h1>
          <div class="govuk-panel__body">
            <p>
              {text(lang, 'doneCaseNumber')}
              <br />
              <strong id="case-number">{props.caseNumber}</strong>
            </p>
            <p>
              {text(lang, 'doneLookupCode')}
              <br />
              <strong id="lookup-code">{props.lookupCode}</strong>
            </p>
          </div>
        </div>
        <p class="govuk-body">{text(lang, 'doneKeep')}</p>
        <h2 class="govuk-heading-m">{text(lang, 'doneNext')}</h2>
        <p class="govuk-body" id="expected-date">
          {text(lang, 'doneUnit', {
            unit: props.unitName,
            date:
              props.expectedCompletionDate === null
                ? props.deadlineWords
                : formatPageDate(lang, props.expectedCompletionDate),
            deadline: props.deadlineWords,
          })}
        </p>
        {props.contact === null ? null : (
          <p class="govuk-body" id="receipt-sent">
            {text(lang, 'doneEmail', { contact: props.contact })}
          </p>
        )}
        <p class="govuk-body">{text(lang, 'doneSupplement')}</p>
        {props.owesFee ? <p class="govuk-body">{text(lang, 'doneFee')}</p> : null}
        <LinkParagraph href={props.trackHref}>{text(lang, 'doneTrack')}</LinkParagraph>
        <LinkParagraph href={localePath(lang, applicationPaths.list)}>
          {text(lang, 'doneAnother')}
        </LinkParagraph>
      </div>
    </div>
  );
}

/** An unknown or expired link (404): what happened and how to start again. */
export function DraftGonePage({ lang, title, body }: { lang: Lang; title: string; body: string }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">{title}</h1>
        <p class="govuk-body">{body}</p>
        <p class="govuk-body">{text(lang, 'goneStart')}</p>
        <LinkParagraph href={localePath(lang, applicationPaths.list)}>
          {text(lang, 'listTitle')}
        </LinkParagraph>
      </div>
    </div>
  );
}
