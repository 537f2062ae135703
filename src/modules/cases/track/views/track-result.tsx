import type { ComponentChildren } from 'preact';
import {
  Button,
  ErrorSummary,
  SingleCheckbox,
  SuccessBanner,
  TextArea,
} from '../../../../platform/web/components/form-controls.tsx';
import { textControls } from '../../../../platform/web/components/form-page.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { LinkParagraph } from '../../../../platform/web/components/link-paragraph.tsx';
import { SummaryRow } from '../../../../platform/web/components/summary-list.tsx';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import type { ApplicantActions } from '../applicant-actions.ts';
import type { PublicCaseView, PublicTimelineEvent } from '../case-public-view.ts';
import { reopenForm } from '../track-forms.ts';
import { trackText } from '../track-messages.ts';
import { trackPaths } from '../track-paths.ts';
import { ApplicantKeyFields } from './track-form.tsx';

/**
 * The result of a look-up: the state in plain words, the dates, the unit to call, the applicant's details
 * masked, the public timeline (newest first), the answer, the attachments and the applicant's own actions.
 * Everything shown comes from the public view (case-public-view.ts); nothing here reads the case itself.
 */

export interface TrackResultView {
  lang: Lang;
  csrfToken: string;
  view: PublicCaseView;
  /** What the applicant typed (normalised): the forms send it again. */
  caseNumber: string;
  lookupCode: string;
  /** The case version shown: an action on an older one is refused (someone acted in between). */
  version: number;
  actions: ApplicantActions;
  problems: FormProblems;
  /** A success message after an action. */
  done: string | null;
  /** What the reopen form had, when it is shown again with a problem. */
  reopenReason: string;
  formatDate: (isoDate: string) => string;
  /** A case waiting for a supplement: the deficiency notice's items and the way to answer (deficiency/). */
  deficiency?: ComponentChildren;
  /** The fee: owed (to the Pay page) or paid (to the receipt) (payment/). */
  payment?: ComponentChildren;
  /** The satisfaction question of a closed case, or thanks once answered (satisfaction/). */
  satisfaction?: ComponentChildren;
}

/** Keeps the writer's paragraphs without inline styles (the CSP allows none). */
function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n{2,}/)
        .map((paragraph) => paragraph.trim())
        .filter((paragraph) => paragraph !== '')
        .map((paragraph, index) => (
          <p key={index} class="govuk-body">
            {paragraph.split('\n').map((line, lineIndex) => (
              <span key={lineIndex}>
                {lineIndex > 0 ? <br /> : null}
                {line}
              </span>
            ))}
          </p>
        ))}
    </>
  );
}

function fileSize(lang: Lang, bytes: number): string {
  const size =
    bytes < 1024 * 1024
      ? `${Math.max(1, Math.round(bytes / 1024))} KB`
      : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return lang === 'en' ? ` (${size})` : `（${size}）`;
}

function TimelineItem({ lang, event }: { lang: Lang; event: PublicTimelineEvent }) {
  return (
    <li class="govuk-!-margin-bottom-4">
      <h3 class="govuk-heading-s govuk-!-margin-bottom-1">{event.label}</h3>
      <p class="govuk-body-s govuk-!-margin-bottom-1">
        <time datetime={event.occurredAt}>{event.occurredAtText}</time>
        {' · '}
        {trackText(lang, 'timelineBy', { who: event.by })}
      </p>
      {event.note === null ? null : <Paragraphs text={event.note} />}
    </li>
  );
}

/**
 * Waiting for a supplement: what is needed (unless the deficiency notice's own section lists it, with its
 * online form) and exactly how to deliver it — the unit's counter and hours, the post, its e-mail, each
 * quoting the case number — with a caution while the unit's contacts are unconfirmed (issue 14).
 */
function SupplementWays({ lang, view }: { lang: Lang; view: PublicCaseView }) {
  const supplement = view.supplement;
  if (supplement === null) return null;
  return (
    <section aria-labelledby="supplement-ways-heading" data-supplement-ways>
      <h2 class="govuk-heading-m" id="supplement-ways-heading">
        {trackText(lang, supplement.isOnline ? 'supplementOtherWaysHeading' : 'supplementHeading')}
      </h2>
      {supplement.isOnline ? null : supplement.items.length === 0 ? (
        <p class="govuk-body">{trackText(lang, 'supplementNoItems')}</p>
      ) : (
        <>
          <p class="govuk-body">{trackText(lang, 'supplementItemsLead')}</p>
          <ol class="govuk-list govuk-list--number" data-supplement-items>
            {supplement.items.map((item, index) => (
              <li key={index}>{item}</li>
            ))}
          </ol>
        </>
      )}
      <p class="govuk-body">{supplement.lead}</p>
      <ul class="govuk-list govuk-list--bullet">
        {supplement.ways.map((way) => (
          <li key={way}>{way}</li>
        ))}
      </ul>
      {supplement.caution === null ? null : (
        <div class="govuk-warning-text" data-contact-unconfirmed>
          <span class="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong class="govuk-warning-text__text">
            <span class="govuk-visually-hidden">{trackText(lang, 'warningPrefix')}</span>
            {supplement.caution}
          </strong>
        </div>
      )}
    </section>
  );
}

export function TrackResultPage(props: TrackResultView) {
  const { lang, view, problems } = props;
  const hasActions = props.actions.canWithdraw || props.actions.reopenUntil !== null;
  const keyFields = (
    <ApplicantKeyFields
      csrfToken={props.csrfToken}
      caseNumber={props.caseNumber}
      lookupCode={props.lookupCode}
    />
  );
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary lang={lang} problems={problems} />
        <SuccessBanner lang={lang} message={props.done} />
        <h1 class="govuk-heading-l">{trackText(lang, 'resultTitle', { caseNumber: view.caseNumber })}</h1>

        <h2 class="govuk-heading-m">{trackText(lang, 'currentState')}</h2>
        <p class="govuk-body">
          <strong class="govuk-tag" data-state={view.state}>
            {view.stateLabel}
          </strong>
        </p>
        <p class="govuk-body-l">{view.stateExplanation}</p>
        {props.deficiency ?? null}
        <SupplementWays lang={lang} view={view} />
        {props.payment ?? null}

        <h2 class="govuk-heading-m">{trackText(lang, 'detailsHeading')}</h2>
        <dl class="govuk-summary-list">
          <SummaryRow label={trackText(lang, 'caseNumber')}>{view.caseNumber}</SummaryRow>
          <SummaryRow label={trackText(lang, 'service')}>{view.serviceName}</SummaryRow>
          <SummaryRow label={trackText(lang, 'receivedOn')}>{view.receivedOnText}</SummaryRow>
          <SummaryRow label={trackText(lang, 'unit')}>{view.unit.name}</SummaryRow>
          <SummaryRow label={trackText(lang, 'unitPhone')}>
            <a class="govuk-link" href={`tel:${view.unit.phone.replace(/[^\d+]/g, '')}`}>
              {view.unit.phone}
            </a>
          </SummaryRow>
          {view.expectedCompletionDateText === null ? null : (
            <SummaryRow label={trackText(lang, 'expectedCompletion')}>
              {view.expectedCompletionDateText}
            </SummaryRow>
          )}
          <SummaryRow label={trackText(lang, 'deadline')}>
            <span data-deadline-status={view.deadlineStatus}>{view.deadlineStatusText}</span>
          </SummaryRow>
          {view.closedOnText === null ? null : (
            <SummaryRow label={trackText(lang, 'closedOn')}>{view.closedOnText}</SummaryRow>
          )}
          {view.forwardedTo === null ? null : (
            <SummaryRow label={trackText(lang, 'forwardedTo')}>{view.forwardedTo}</SummaryRow>
          )}
          {view.mergedInto === null ? null : (
            <SummaryRow label={trackText(lang, 'mergedInto')}>
              <span data-merged-into={view.mergedInto.caseNumber}>
                {trackText(lang, 'mergedIntoText', {
                  caseNumber: view.mergedInto.caseNumber,
                  state: view.mergedInto.stateLabel,
                })}
              </span>
            </SummaryRow>
          )}
        </dl>

        {view.resolution === null ? null : (
          <>
            <h2 class="govuk-heading-m">{trackText(lang, 'resolutionHeading')}</h2>
            <div class="govuk-inset-text" data-resolution>
              <Paragraphs text={view.resolution} />
            </div>
          </>
        )}

        <h2 class="govuk-heading-m">{trackText(lang, 'timelineHeading')}</h2>
        <ol class="govuk-list" data-timeline>
          {view.timeline.toReversed().map((event, index) => (
            <TimelineItem key={index} lang={lang} event={event} />
          ))}
        </ol>

        {view.attachments.length === 0 ? null : (
          <>
            <h2 class="govuk-heading-m">{trackText(lang, 'attachmentsHeading')}</h2>
            <p class="govuk-hint">{trackText(lang, 'attachmentsHint')}</p>
            <ul class="govuk-list">
              {view.attachments.map((attachment) => (
                <li key={attachment.id}>
                  <form method="post" action={localePath(lang, trackPaths.attachment)}>
                    {keyFields}
                    <input type="hidden" name="attachmentId" value={attachment.id} />
                    <span class="govuk-body">
                      {attachment.fileName}
                      {fileSize(lang, attachment.sizeBytes)}{' '}
                    </span>
                    {attachment.isIssued ? (
                      <strong class="govuk-tag govuk-tag--green" data-issued>
                        {trackText(lang, 'issuedTag')}
                      </strong>
                    ) : null}{' '}
                    <Button isSecondary>
                      {trackText(lang, 'download')}
                      <span class="govuk-visually-hidden"> {attachment.fileName}</span>
                    </Button>
                  </form>
                </li>
              ))}
            </ul>
          </>
        )}

        <h2 class="govuk-heading-m">{trackText(lang, 'applicantHeading')}</h2>
        <p class="govuk-hint">{trackText(lang, 'maskNote')}</p>
        <dl class="govuk-summary-list">
          <SummaryRow label={trackText(lang, 'applicantName')}>{view.applicant.name}</SummaryRow>
          {view.applicant.company === null ? null : (
            <SummaryRow label={trackText(lang, 'applicantCompany')}>{view.applicant.company}</SummaryRow>
          )}
          {view.applicant.phone === null ? null : (
            <SummaryRow label={trackText(lang, 'applicantPhone')}>{view.applicant.phone}</SummaryRow>
          )}
          {view.applicant.email === null ? null : (
            <SummaryRow label={trackText(lang, 'applicantEmail')}>{view.applicant.email}</SummaryRow>
          )}
          {view.applicant.address === null ? null : (
            <SummaryRow label={trackText(lang, 'applicantAddress')}>{view.applicant.address}</SummaryRow>
          )}
        </dl>

        {hasActions ? <h2 class="govuk-heading-m">{trackText(lang, 'actionsHeading')}</h2> : null}
        {props.actions.reopenUntil === null ? null : (
          <form method="post" action={localePath(lang, trackPaths.reopen)} novalidate>
            {keyFields}
            <input type="hidden" name="version" value={String(props.version)} />
            <h3 class="govuk-heading-s">{trackText(lang, 'reopenHeading')}</h3>
            <p class="govuk-body">
              {trackText(lang, props.actions.reopenCountsFrom === 'fix' ? 'reopenTextFixed' : 'reopenText', {
                days: props.actions.reopenDays,
                date: props.formatDate(props.actions.reopenUntil),
              })}
            </p>
            {props.actions.reopenCountsFrom === 'fix' ? (
              <LinkParagraph
                href={`${localePath(lang, `/reports/${props.caseNumber}/not-fixed`)}?code=${encodeURIComponent(props.lookupCode)}`}
              >
                {trackText(lang, 'notFixedWithPhoto')}
              </LinkParagraph>
            ) : null}
            <TextArea
              {...textControls(reopenForm, { lang, values: { reason: props.reopenReason }, problems })(
                'reason',
              )}
              hint={trackText(lang, 'reopenReasonHint')}
              rows={4}
            />
            <Button isSecondary>{trackText(lang, 'reopenButton')}</Button>
          </form>
        )}
        {props.actions.canWithdraw ? (
          <form method="post" action={localePath(lang, trackPaths.withdraw)} novalidate>
            {keyFields}
            <input type="hidden" name="version" value={String(props.version)} />
            <h3 class="govuk-heading-s">{trackText(lang, 'withdrawHeading')}</h3>
            <div class="govuk-warning-text">
              <span class="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong class="govuk-warning-text__text">
                <span class="govuk-visually-hidden">{trackText(lang, 'warningPrefix')}</span>
                {trackText(lang, 'withdrawText')}
              </strong>
            </div>
            <SingleCheckbox
              lang={lang}
              name="confirm"
              label={trackText(lang, 'withdrawConfirm')}
              value="yes"
              isChecked={false}
              problems={problems}
            />
            <Button isWarning>{trackText(lang, 'withdrawButton')}</Button>
          </form>
        ) : null}

        {props.satisfaction ?? null}

        <h2 class="govuk-heading-m">{trackText(lang, 'contactHeading')}</h2>
        <p class="govuk-body">
          {trackText(lang, 'contactText', { unit: view.unit.name, phone: view.unit.phone })}
        </p>
        <LinkParagraph href={localePath(lang, trackPaths.track)}>
          {trackText(lang, 'anotherCase')}
        </LinkParagraph>
      </div>
    </div>
  );
}
