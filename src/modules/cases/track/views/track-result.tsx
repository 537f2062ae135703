import type { ComponentChildren } from 'preact';
import type { FieldProblem } from '../../../../platform/http/errors.ts';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { casePaths } from '../../core/case-paths.ts';
import type { PublicCaseView, PublicTimelineEvent } from '../case-public-view.ts';
import { trackText } from '../track-messages.ts';
import { reopenReasonMaxLength } from '../track-schemas.ts';
import {
  ApplicantKeyFields,
  describedBy,
  FieldErrorMessage,
  problemFor,
  TrackErrorSummary,
} from './track-form.tsx';

/**
 * The result of a look-up: the state in plain words, the dates, the unit to call, the applicant's details
 * masked, the public timeline (newest first), the answer, the attachments and the applicant's own actions.
 * Everything shown comes from the public view (case-public-view.ts); nothing here reads the case itself.
 */

export const trackActionPaths = {
  withdraw: `${casePaths.track}/withdraw`,
  reopen: `${casePaths.track}/reopen`,
  attachment: `${casePaths.track}/attachment`,
} as const;

export interface ApplicantActions {
  canWithdraw: boolean;
  /** The last day (YYYY-MM-DD, Taipei) the applicant may ask for a reopening, when they may now. */
  reopenUntil: string | null;
  reopenDays: number;
}

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
  problems: readonly FieldProblem[];
  /** A success message after an action. */
  done: string | null;
  /** What the reopen form had, when it is shown again with a problem. */
  reopenReason: string;
  formatDate: (isoDate: string) => string;
}

function SummaryRow({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">{label}</dt>
      <dd class="govuk-summary-list__value">{children}</dd>
    </div>
  );
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

export function TrackResultPage(props: TrackResultView) {
  const { lang, view, problems } = props;
  const reasonError = problemFor(problems, 'reason');
  const confirmError = problemFor(problems, 'confirm');
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
        <TrackErrorSummary lang={lang} problems={problems} />
        {props.done === null ? null : (
          <div
            class="govuk-notification-banner govuk-notification-banner--success"
            role="alert"
            aria-labelledby="track-done-title"
            data-module="govuk-notification-banner"
          >
            <div class="govuk-notification-banner__header">
              <h2 class="govuk-notification-banner__title" id="track-done-title">
                {trackText(lang, 'successTitle')}
              </h2>
            </div>
            <div class="govuk-notification-banner__content">
              <p class="govuk-notification-banner__heading">{props.done}</p>
            </div>
          </div>
        )}
        <h1 class="govuk-heading-l">{trackText(lang, 'resultTitle', { caseNumber: view.caseNumber })}</h1>

        <h2 class="govuk-heading-m">{trackText(lang, 'currentState')}</h2>
        <p class="govuk-body">
          <strong class="govuk-tag" data-state={view.state}>
            {view.stateLabel}
          </strong>
        </p>
        <p class="govuk-body-l">{view.stateExplanation}</p>

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
                  <form method="post" action={localePath(lang, trackActionPaths.attachment)}>
                    {keyFields}
                    <input type="hidden" name="attachmentId" value={attachment.id} />
                    <span class="govuk-body">
                      {attachment.fileName}
                      {fileSize(lang, attachment.sizeBytes)}{' '}
                    </span>
                    <button
                      type="submit"
                      class="govuk-button govuk-button--secondary govuk-!-margin-bottom-2"
                    >
                      {trackText(lang, 'download')}
                      <span class="govuk-visually-hidden"> {attachment.fileName}</span>
                    </button>
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
          <form method="post" action={localePath(lang, trackActionPaths.reopen)} novalidate>
            {keyFields}
            <input type="hidden" name="version" value={String(props.version)} />
            <h3 class="govuk-heading-s">{trackText(lang, 'reopenHeading')}</h3>
            <p class="govuk-body">
              {trackText(lang, 'reopenText', {
                days: props.actions.reopenDays,
                date: props.formatDate(props.actions.reopenUntil),
              })}
            </p>
            <div class={`govuk-form-group${reasonError ? ' govuk-form-group--error' : ''}`}>
              <label class="govuk-label" for="reason">
                {trackText(lang, 'reopenReasonLabel')}
              </label>
              <div id="reason-hint" class="govuk-hint">
                {trackText(lang, 'reopenReasonHint')}
              </div>
              <FieldErrorMessage lang={lang} id="reason" message={reasonError} />
              <textarea
                class={`govuk-textarea${reasonError ? ' govuk-textarea--error' : ''}`}
                id="reason"
                name="reason"
                rows={4}
                maxLength={reopenReasonMaxLength}
                aria-describedby={describedBy('reason-hint', reasonError ? 'reason-error' : null)}
              >
                {props.reopenReason}
              </textarea>
            </div>
            <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
              {trackText(lang, 'reopenButton')}
            </button>
          </form>
        )}
        {props.actions.canWithdraw ? (
          <form method="post" action={localePath(lang, trackActionPaths.withdraw)} novalidate>
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
            <div class={`govuk-form-group${confirmError ? ' govuk-form-group--error' : ''}`}>
              <FieldErrorMessage lang={lang} id="confirm" message={confirmError} />
              <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                <div class="govuk-checkboxes__item">
                  <input
                    class="govuk-checkboxes__input"
                    id="confirm"
                    name="confirm"
                    type="checkbox"
                    value="yes"
                    aria-describedby={confirmError ? 'confirm-error' : undefined}
                  />
                  <label class="govuk-label govuk-checkboxes__label" for="confirm">
                    {trackText(lang, 'withdrawConfirm')}
                  </label>
                </div>
              </div>
            </div>
            <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">
              {trackText(lang, 'withdrawButton')}
            </button>
          </form>
        ) : null}

        <h2 class="govuk-heading-m">{trackText(lang, 'contactHeading')}</h2>
        <p class="govuk-body">
          {trackText(lang, 'contactText', { unit: view.unit.name, phone: view.unit.phone })}
        </p>
        <p class="govuk-body">
          <a class="govuk-link" href={localePath(lang, casePaths.track)}>
            {trackText(lang, 'anotherCase')}
          </a>
        </p>
      </div>
    </div>
  );
}
