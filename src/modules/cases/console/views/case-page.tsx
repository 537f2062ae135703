import type { ComponentChildren } from 'preact';
import { Banner, ErrorSummary } from '../../../../platform/web/components/form-controls.tsx';
import { LinkParagraph } from '../../../../platform/web/components/link-paragraph.tsx';
import { SummaryRow } from '../../../../platform/web/components/summary-list.tsx';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { subjectIn } from '../../core/case-subject.ts';
import type { CaseState } from '../../core/workflows.ts';
import { CaseNoticesSectionView } from '../../deficiency/views/case-notices-section.tsx';
import { faqProposalText } from '../../faq-proposals/faq-proposal-messages.ts';
import { faqProposalPaths } from '../../faq-proposals/faq-proposal-paths.ts';
import { feeFactsOf } from '../../payment/payment-presenters.ts';
import { CaseFeeSummary } from '../../payment/views/fee-parts.tsx';
import { eventInputLabelKeys } from '../case-forms.ts';
import { type CasePageTextKey, casePageText as text } from '../case-page-messages.ts';
import type { CasePageModel } from '../case-page-model.ts';
import { consoleText } from '../console-messages.ts';
import { Deadline, ExpectedDateRow } from './case-deadline.tsx';
import { Applicant, Attachments, Checklist, Details, Request } from './case-details.tsx';
import { Deliveries, Timeline } from './case-history.tsx';
import { CaseActions } from './case-page-actions.tsx';
import { ConsoleNav } from './console-nav.tsx';
import { Paragraphs, StatusTag, stateName } from './console-parts.tsx';

/**
 * The case page: everything staff need to answer the applicant or act — details with the applicant's
 * full data (the view is audited), form answers, checklist, attachments, the deadline, the actions this
 * person may take now, the whole timeline (internal notes marked) and the notices sent.
 */

function ConflictBanner({ model }: { model: CasePageModel }) {
  const { lang, conflict, active } = model;
  if (conflict === null) return null;
  const typed =
    active === null ? [] : Object.entries(active.values).filter(([, value]) => value.trim() !== '');
  return (
    <Banner lang={lang} id="conflict" kind="important" isAlert title={text(lang, 'conflictTitle')}>
      <p class="govuk-notification-banner__heading" data-conflict="true">
        {conflict.message}
      </p>
      {conflict.isStillAvailable ? (
        <p class="govuk-body">{text(lang, 'conflictKept')}</p>
      ) : (
        <>
          <p class="govuk-body">{text(lang, 'conflictGone')}</p>
          {typed.length > 0 ? (
            <dl class="govuk-summary-list" aria-label={text(lang, 'conflictTyped')}>
              {typed.map(([name, value]) => (
                <SummaryRow key={name} label={typedLabel(lang, name)}>
                  <Paragraphs value={value} />
                </SummaryRow>
              ))}
            </dl>
          ) : null}
        </>
      )}
    </Banner>
  );
}

/** What a sent form's inputs are called, for the conflict banner's copy of them. */
const typedLabelKeys: Readonly<Record<string, CasePageTextKey>> = {
  ...eventInputLabelKeys,
  amount: 'extensionAmountDays',
  note: 'decideNote',
  handlerId: 'assignHandler',
};

function typedLabel(lang: Lang, name: string): string {
  const key = typedLabelKeys[name];
  return key === undefined ? name : text(lang, key);
}

export function CasePage({
  model,
  sections = [],
}: {
  model: CasePageModel;
  /** What other modules add about this case (AppModule.pageSections, page 'staff-case'). */
  sections?: readonly ComponentChildren[];
}) {
  const { lang, detail } = model;
  const row = detail.row;
  const contents: [string, CasePageTextKey][] = [
    ['details', 'sectionDetails'],
    ['applicant', 'sectionApplicant'],
    ['request', 'sectionRequest'],
    ['checklist', 'sectionChecklist'],
    ['attachments', 'sectionAttachments'],
    ['deadline', 'sectionDeadline'],
    ['actions', 'sectionActions'],
    ['timeline', 'sectionTimeline'],
    ['deliveries', 'sectionDeliveries'],
  ];
  return (
    <>
      <ConsoleNav lang={lang} role={model.role} current="" />
      <ErrorSummary lang={lang} problems={model.problems} />
      <ConflictBanner model={model} />
      {model.successMessage === null ? null : (
        <Banner lang={lang} id="case-success" kind="success">
          <p class="govuk-notification-banner__heading">{model.successMessage}</p>
        </Banner>
      )}
      <span class="govuk-caption-l">{lang === 'en' ? detail.serviceNameEn : detail.serviceNameZh}</span>
      <h1 class="govuk-heading-l">{text(lang, 'caseTitle', { caseNumber: row.caseNumber })}</h1>
      <p class="govuk-body-l">{subjectIn(lang, { subject: row.subject, ...detail })}</p>
      <dl class="govuk-summary-list govuk-summary-list--no-border" id="summary">
        <SummaryRow label={text(lang, 'rowState')}>
          <span data-case-state={row.state}>{stateName(lang, row.state as CaseState)}</span>
        </SummaryRow>
        <SummaryRow label={text(lang, 'deadlineStatus')}>
          <StatusTag lang={lang} status={detail.status} />
        </SummaryRow>
        <ExpectedDateRow model={model} />
        <SummaryRow label={text(lang, 'rowHandler')}>
          {detail.handler?.displayName ?? consoleText(lang, 'unassigned')}
        </SummaryRow>
      </dl>
      <nav aria-label={text(lang, 'contentsLabel')} class="govuk-!-margin-bottom-8">
        <h2 class="govuk-heading-s">{text(lang, 'contentsLabel')}</h2>
        <ul class="govuk-list">
          {contents.map(([id, key]) => (
            <li key={id} class="govuk-!-display-inline-block govuk-!-margin-right-4">
              <a class="govuk-link" href={`#${id}`}>
                {text(lang, key)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <Details model={model} />
      <Applicant model={model} />
      <Request model={model} />
      <Checklist model={model} />
      <Attachments model={model} />
      <CaseNoticesSectionView lang={lang} section={model.deficiency} />
      {row.kind === 'field_report' ? (
        <LinkParagraph href={localePath(lang, `/staff/crew/${row.caseNumber}/photos`)}>
          {text(lang, 'fieldReportPhotos')}
        </LinkParagraph>
      ) : null}
      {row.kind === 'petition' ? (
        <LinkParagraph href={localePath(lang, `/staff/petitions/${row.caseNumber}`)}>
          {text(lang, 'petitionPage')}
        </LinkParagraph>
      ) : null}
      {sections}
      <CaseFeeSummary lang={lang} fee={feeFactsOf(row)} />
      <Deadline model={model} />
      <div class="govuk-!-margin-bottom-8">
        <CaseActions model={model} />
      </div>
      {model.role === 'handler' || model.role === 'supervisor' ? (
        <LinkParagraph href={localePath(lang, faqProposalPaths.form(row.caseNumber))}>
          {faqProposalText(lang, 'proposeLink')}
        </LinkParagraph>
      ) : null}
      <Timeline model={model} />
      <Deliveries model={model} />
    </>
  );
}
