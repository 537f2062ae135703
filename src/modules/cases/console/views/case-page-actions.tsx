import type { ComponentChildren } from 'preact';
import {
  Button,
  CsrfField,
  Select,
  TextArea,
  TextInput,
} from '../../../../platform/web/components/form-controls.tsx';
import { textLimitOf } from '../../../../platform/web/components/form-page.tsx';
import { LinkParagraph } from '../../../../platform/web/components/link-paragraph.tsx';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { rolesFor } from '../../core/case-actions.ts';
import { inputFieldOf, type Transition, type TransitionInput } from '../../core/workflow-definition.ts';
import { type CaseEvent, type CaseState, eventLabel } from '../../core/workflows.ts';
import { deficiencyText } from '../../deficiency/deficiency-messages.ts';
import { deficiencyPaths } from '../../deficiency/deficiency-paths.ts';
import { paymentText } from '../../payment/payment-messages.ts';
import { paymentPaths } from '../../payment/payment-paths.ts';
import { eventForm, extensionDecisionForm, extensionRequestForm } from '../case-forms.ts';
import { type CasePageTextKey, casePageText as text } from '../case-page-messages.ts';
import type { CasePageModel } from '../case-page-model.ts';
import { consoleText } from '../console-messages.ts';
import { consolePaths } from '../console-paths.ts';
import { resolvePath, supplementReceivedPath } from '../resolve-paths.ts';
import { DecisionFilesInput } from './decision-files-input.tsx';

/**
 * The case page's actions: one small form per workflow action this person may take now, then the
 * extension, its decision and the assignment. Each form says what will happen and to whom before its
 * button, and carries the case version it was shown with (a stale one is refused with 409). Controls are
 * the forms kit's; each form scopes its inputs' ids (`reject-reason`), so several forms share a page.
 */

export function eventName(lang: Lang, event: CaseEvent): string {
  const label = eventLabel(event);
  return lang === 'en' ? label.en : label.zh;
}

/** Events whose button warns: they end the case here or refuse it. */
const endingEvents: ReadonlySet<CaseEvent> = new Set(['reject', 'forward', 'withdraw', 'merge']);

const reasonLabelKeys: Partial<Readonly<Record<CaseEvent, CasePageTextKey>>> = {
  request_supplement: 'inputReason_request_supplement',
  reject: 'inputReason_reject',
  transfer: 'inputReason_transfer',
  reopen: 'inputReason_reopen',
};

/** A crew's note on a fix is not an answer sent at closing (the field-report workflow sends none then). */
const resolutionWordsOf: Partial<
  Readonly<Record<CaseEvent, { label: CasePageTextKey; hint: CasePageTextKey }>>
> = { mark_fixed: { label: 'inputResolution_mark_fixed', hint: 'inputResolutionHint_mark_fixed' } };

/**
 * What an event does, in words. Two events of the field-report workflow do something else than their
 * namesakes: reopening goes to "reopened" (a crew again), and closing a fixed report sends no notice.
 */
function effectKey(event: CaseEvent, row: CasePageModel['detail']['row']): CasePageTextKey {
  if (event === 'reopen' && row.kind === 'field_report') return 'actionEffect_reopen_field_report';
  if (event === 'close' && row.state === 'fixed') return 'actionEffect_close_fixed';
  return `actionEffect_${event}`;
}

function contactOf(model: CasePageModel): string {
  const row = model.detail.row;
  return row.applicantEmail ?? row.applicantPhone ?? text(model.lang, 'notGiven');
}

/** A form of the case page: posted with the CSRF token and the version the page was made from. */
function CaseForm({
  model,
  action,
  isUpload,
  children,
}: {
  model: CasePageModel;
  action: string;
  /** Sent as multipart (a file): the CSRF token is its first field, never in the address (ADR 0004). */
  isUpload?: boolean;
  children: ComponentChildren;
}) {
  const target = localePath(model.lang, action);
  return (
    <form method="post" action={target} enctype={isUpload ? 'multipart/form-data' : undefined} novalidate>
      <CsrfField token={model.csrfToken} />
      <input type="hidden" name="version" value={String(model.detail.row.version)} />
      {children}
    </form>
  );
}

/** The values typed in the sent form, when it is this one. */
function typedIn(model: CasePageModel, isThisForm: boolean): (name: string) => string {
  const values = isThisForm && model.active !== null ? model.active.values : {};
  return (name) => values[name] ?? '';
}

/** A text input a transition may require: its words, and its size (a one-line input or a text area). */
interface TextInputSpec {
  label: CasePageTextKey;
  hint: CasePageTextKey;
  isOneLine?: boolean;
  rows?: number;
  widthClass?: string;
}

const textInputs: Readonly<Record<Exclude<TransitionInput, 'target_unit'>, TextInputSpec>> = {
  public_note: { label: 'inputPublicNote', hint: 'inputPublicNoteHint' },
  resolution: { label: 'inputResolution', hint: 'inputResolutionHint', rows: 6 },
  reason: { label: 'inputReason', hint: 'inputReasonHint' },
  target_agency: { label: 'inputTargetAgency', hint: 'inputTargetAgencyHint', isOneLine: true },
  target_case: {
    label: 'inputTargetCase',
    hint: 'inputTargetCaseHint',
    isOneLine: true,
    widthClass: 'govuk-input--width-20',
  },
};

function RequiredInput(props: {
  model: CasePageModel;
  event: CaseEvent;
  input: TransitionInput;
  value: (name: string) => string;
}) {
  const { model, event, input } = props;
  const lang = model.lang;
  const name = inputFieldOf[input];
  const common = {
    lang,
    id: `${event}-${name}`,
    name,
    value: props.value(name),
    problems: model.problems,
    maxLength: textLimitOf(eventForm, name),
  };
  if (input === 'target_unit')
    return (
      <Select
        {...common}
        label={text(lang, 'inputTargetUnit')}
        blank={text(lang, 'chooseUnit')}
        choices={model.transferUnits.map((unit) => ({ value: unit.code, label: unit.name }))}
      />
    );
  const spec = textInputs[input];
  const resolutionWords = input === 'resolution' ? resolutionWordsOf[event] : undefined;
  const label = text(
    lang,
    (input === 'reason' ? reasonLabelKeys[event] : undefined) ?? resolutionWords?.label ?? spec.label,
  );
  const hint = text(lang, resolutionWords?.hint ?? spec.hint);
  return spec.isOneLine ? (
    <TextInput {...common} label={label} hint={hint} widthClass={spec.widthClass} />
  ) : (
    <TextArea {...common} label={label} hint={hint} rows={spec.rows} />
  );
}

/** An action behind a <details>: it opens by itself when its form comes back with problems. */
function ActionDetails(props: {
  id: string;
  summary: string;
  isOpen: boolean;
  event?: CaseEvent;
  children: ComponentChildren;
}) {
  return (
    <details class="govuk-details" id={props.id} open={props.isOpen} data-event={props.event}>
      <summary class="govuk-details__summary">
        <span class="govuk-details__summary-text">{props.summary}</span>
      </summary>
      <div class="govuk-details__text">{props.children}</div>
    </details>
  );
}

function EventForm({
  model,
  transition,
}: {
  model: CasePageModel;
  transition: Transition<CaseState, CaseEvent>;
}) {
  const { lang, detail } = model;
  const event = transition.event;
  const isActive = model.active?.kind === 'event' && model.active.event === event;
  const value = typedIn(model, isActive);
  const label = eventName(lang, event);
  if (event === 'request_supplement' && detail.row.kind === 'application') {
    // An application's supplement is asked for with the one-time deficiency notice (cases/deficiency).
    return (
      <ActionDetails id={`action-${event}`} summary={label} isOpen={isActive} event={event}>
        <p class="govuk-body">{deficiencyText(lang, 'issueOnNoticePage')}</p>
        <LinkParagraph href={localePath(lang, deficiencyPaths.issue(detail.row.caseNumber))}>
          {deficiencyText(lang, 'issueLinkText')}
        </LinkParagraph>
      </ActionDetails>
    );
  }
  const openNotice = model.deficiency.notices.find(({ notice }) => notice.state === 'issued')?.notice;
  if (event === 'supplement_received' && openNotice !== undefined) {
    // The supplement answers the notice item by item: recorded on the notice's counter page.
    return (
      <ActionDetails id={`action-${event}`} summary={label} isOpen={isActive} event={event}>
        <p class="govuk-body">{deficiencyText(lang, 'counterLead')}</p>
        <LinkParagraph href={localePath(lang, deficiencyPaths.counter(detail.row.caseNumber, openNotice.id))}>
          {deficiencyText(lang, 'counterLink')}
        </LinkParagraph>
      </ActionDetails>
    );
  }
  if (event === 'payment_received') {
    // The fee is recorded with its method and receipt number on the payment page (cases/payment).
    return (
      <ActionDetails id={`action-${event}`} summary={label} isOpen={isActive} event={event}>
        <LinkParagraph href={localePath(lang, paymentPaths.staffPayment(detail.row.caseNumber))}>
          {paymentText(lang, 'counterHeading')}
        </LinkParagraph>
      </ActionDetails>
    );
  }
  if (event === 'mark_fixed') {
    // A fix needs an after-photo, which the crew page takes (and the e-mail to the reporter carries it).
    return (
      <ActionDetails id={`action-${event}`} summary={label} isOpen={isActive} event={event}>
        <LinkParagraph href={localePath(lang, `/staff/crew/${detail.row.caseNumber}/fixed`)}>
          {text(lang, 'markFixedOnCrewPage')}
        </LinkParagraph>
      </ActionDetails>
    );
  }
  return (
    <ActionDetails id={`action-${event}`} summary={label} isOpen={isActive} event={event}>
      <p class="govuk-body">
        {text(lang, effectKey(event, detail.row), {
          applicant: detail.row.applicantName,
          contact: contactOf(model),
        })}
      </p>
      <CaseForm
        model={model}
        // The decision may carry the document it issues, a supplement the documents delivered (issue 14):
        // resolve-routes.tsx takes files.
        action={
          event === 'resolve'
            ? resolvePath(detail.row.caseNumber)
            : event === 'supplement_received'
              ? supplementReceivedPath(detail.row.caseNumber)
              : consolePaths.caseEvent(detail.row.caseNumber, event)
        }
        isUpload={event === 'resolve' || event === 'supplement_received'}
      >
        {transition.requires.map((input) => (
          <RequiredInput key={input} model={model} event={event} input={input} value={value} />
        ))}
        {event === 'resolve' || event === 'supplement_received' ? (
          <DecisionFilesInput lang={lang} event={event} problems={model.problems} />
        ) : null}
        <TextArea
          lang={lang}
          id={`${event}-internalNote`}
          name="internalNote"
          label={text(lang, 'inputInternalNote')}
          hint={text(lang, 'inputInternalNoteHint')}
          isOptional
          value={value('internalNote')}
          problems={model.problems}
          maxLength={textLimitOf(eventForm, 'internalNote')}
          rows={2}
        />
        <Button isWarning={endingEvents.has(event)}>{label}</Button>
      </CaseForm>
    </ActionDetails>
  );
}

function ExtensionForm({ model }: { model: CasePageModel }) {
  const { lang, detail } = model;
  const isActive = model.active?.kind === 'extension';
  const value = typedIn(model, isActive);
  const isHours = detail.row.deadlineRule.kind === 'hours';
  return (
    <ActionDetails id="extension-form" summary={text(lang, 'extensionHeading')} isOpen={isActive}>
      <p class="govuk-body">
        {/* Whoever decides extensions has their own approved at once. */}
        {text(
          lang,
          rolesFor('decide_extension').includes(model.role) ? 'extensionLeadSupervisor' : 'extensionLead',
        )}
      </p>
      <CaseForm model={model} action={consolePaths.caseExtensions(detail.row.caseNumber)}>
        <TextInput
          lang={lang}
          id="extension-amount"
          name="amount"
          label={text(lang, isHours ? 'extensionAmountHours' : 'extensionAmountDays')}
          hint={text(lang, 'extensionAmountHint')}
          value={value('amount')}
          problems={model.problems}
          inputMode="numeric"
          widthClass="govuk-input--width-3"
        />
        <TextArea
          lang={lang}
          id="extension-reason"
          name="reason"
          label={text(lang, 'extensionReason')}
          hint={text(lang, 'extensionReasonHint')}
          value={value('reason')}
          problems={model.problems}
          maxLength={textLimitOf(extensionRequestForm, 'reason')}
        />
        <Button isSecondary>{text(lang, 'extensionButton')}</Button>
      </CaseForm>
    </ActionDetails>
  );
}

function DecisionForms({ model }: { model: CasePageModel }) {
  const { lang, detail } = model;
  const isHours = detail.row.deadlineRule.kind === 'hours';
  return (
    <>
      {detail.extensions
        .filter((extension) => extension.state === 'pending')
        .map((extension) => {
          const isActive = model.active?.kind === 'decision' && model.active.extensionId === extension.id;
          return (
            <div key={extension.id} class="govuk-inset-text" id={`decision-${extension.id}`}>
              <h3 class="govuk-heading-s">{text(lang, 'decideHeading')}</h3>
              <p class="govuk-body">
                {text(lang, 'decideLead', {
                  requester: model.staffNames.get(extension.requestedBy) ?? '—',
                  amount: text(lang, isHours ? 'deadlineExtendedHours' : 'deadlineExtendedDays', {
                    amount: extension.amount,
                  }),
                  reason: extension.reason,
                })}
              </p>
              <CaseForm
                model={model}
                action={consolePaths.caseExtensionDecision(detail.row.caseNumber, extension.id)}
              >
                <TextArea
                  lang={lang}
                  id={`decision-${extension.id}-note`}
                  name="note"
                  label={text(lang, 'decideNote')}
                  hint={text(lang, 'decideNoteHint')}
                  isOptional
                  value={typedIn(model, isActive)('note')}
                  problems={model.problems}
                  maxLength={textLimitOf(extensionDecisionForm, 'note')}
                  rows={2}
                />
                <div class="govuk-button-group">
                  <Button name="decision" value="approve">
                    {text(lang, 'decideApprove')}
                  </Button>
                  <Button name="decision" value="refuse" isWarning>
                    {text(lang, 'decideRefuse')}
                  </Button>
                </div>
              </CaseForm>
            </div>
          );
        })}
    </>
  );
}

function AssignForm({ model }: { model: CasePageModel }) {
  const { lang, detail } = model;
  if (model.assignableHandlers === null) return null;
  // The officer chosen in the sent form, else the case's own.
  const chosen =
    model.active?.kind === 'assign' ? (model.active.values.handlerId ?? '') : (detail.handler?.id ?? '');
  return (
    <form method="post" action={localePath(lang, consolePaths.caseAssign(detail.row.caseNumber))} novalidate>
      <CsrfField token={model.csrfToken} />
      <h3 class="govuk-heading-s">{text(lang, 'assignHeading')}</h3>
      <Select
        lang={lang}
        id="assign-handlerId"
        name="handlerId"
        label={text(lang, 'assignHandler')}
        value={chosen}
        problems={model.problems}
        blank={consoleText(lang, 'chooseHandler')}
        choices={model.assignableHandlers.map((handler) => ({
          value: handler.id,
          label: handler.displayName,
        }))}
      />
      <Button isSecondary>{text(lang, 'assignButton')}</Button>
    </form>
  );
}

const readOnlyKeys: Readonly<Record<NonNullable<CasePageModel['readOnly']>, CasePageTextKey>> = {
  admin: 'actionsAdminReadOnly',
  other_unit_or_handler: 'actionsReadOnly',
  nothing_now: 'actionsNone',
};

export function CaseActions({ model }: { model: CasePageModel }) {
  const { lang } = model;
  const hasOther =
    model.canRequestExtension || model.canDecideExtensions || model.assignableHandlers !== null;
  return (
    <section aria-labelledby="actions-heading" id="actions">
      <h2 class="govuk-heading-m" id="actions-heading">
        {text(lang, 'sectionActions')}
      </h2>
      {model.transitions.length === 0 && !hasOther ? (
        <p class="govuk-body" data-read-only={model.readOnly ?? 'nothing_now'}>
          {text(lang, readOnlyKeys[model.readOnly ?? 'nothing_now'])}
        </p>
      ) : null}
      {model.transitions.map((transition) => (
        <EventForm key={transition.event} model={model} transition={transition} />
      ))}
      {model.canDecideExtensions ? <DecisionForms model={model} /> : null}
      {model.canRequestExtension ? <ExtensionForm model={model} /> : null}
      <AssignForm model={model} />
    </section>
  );
}
