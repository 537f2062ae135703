import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import {
  type CaseEvent,
  eventLabels,
  type Transition,
  type TransitionInput,
} from '../../core/case-workflow.ts';
import { type ConsoleTextKey, consoleText as text } from '../console-messages.ts';
import { consolePaths } from '../console-paths.ts';
import type { CasePageModel } from './case-page-types.ts';
import { CsrfField, Select, TextArea, TextInput } from './console-components.tsx';

/**
 * The case page's actions: one small form per workflow action this person may take now, then the
 * extension, its decision and the assignment. Each form says what will happen and to whom before
 * its button, and carries the case version it was shown with (a stale one is refused with 409).
 */

export function eventName(lang: Lang, event: CaseEvent): string {
  return lang === 'en' ? eventLabels[event].en : eventLabels[event].zh;
}

/** The form field each required input is sent as (the names TransitionInputValues uses). */
const inputFieldName: Readonly<Record<TransitionInput, string>> = {
  public_note: 'publicNote',
  resolution: 'resolution',
  reason: 'reason',
  target_unit: 'targetUnit',
  target_agency: 'targetAgency',
  target_case: 'targetCase',
};

/** Events whose button warns: they end the case here or refuse it. */
const endingEvents: ReadonlySet<CaseEvent> = new Set(['reject', 'forward', 'withdraw', 'merge']);

const reasonLabelKeys: Partial<Readonly<Record<CaseEvent, ConsoleTextKey>>> = {
  request_supplement: 'inputReason_request_supplement',
  reject: 'inputReason_reject',
  transfer: 'inputReason_transfer',
  reopen: 'inputReason_reopen',
};

function reasonLabel(lang: Lang, event: CaseEvent): string {
  return text(lang, reasonLabelKeys[event] ?? 'inputReason');
}

function contactOf(model: CasePageModel): string {
  const row = model.detail.row;
  return row.applicantEmail ?? row.applicantPhone ?? text(model.lang, 'notGiven');
}

function RequiredInput({
  model,
  event,
  input,
  value,
}: {
  model: CasePageModel;
  event: CaseEvent;
  input: TransitionInput;
  value: (name: string) => string;
}) {
  const { lang } = model;
  const name = inputFieldName[input];
  const id = `${event}-${name}`;
  const error = model.fieldErrors.get(id);
  switch (input) {
    case 'public_note':
      return (
        <TextArea
          lang={lang}
          id={id}
          name={name}
          label={text(lang, 'inputPublicNote')}
          hint={text(lang, 'inputPublicNoteHint')}
          value={value(name)}
          error={error}
        />
      );
    case 'resolution':
      return (
        <TextArea
          lang={lang}
          id={id}
          name={name}
          label={text(lang, 'inputResolution')}
          hint={text(lang, 'inputResolutionHint')}
          value={value(name)}
          error={error}
          rows={6}
        />
      );
    case 'reason':
      return (
        <TextArea
          lang={lang}
          id={id}
          name={name}
          label={reasonLabel(lang, event)}
          hint={text(lang, 'inputReasonHint')}
          value={value(name)}
          error={error}
        />
      );
    case 'target_unit':
      return (
        <Select
          lang={lang}
          id={id}
          name={name}
          label={text(lang, 'inputTargetUnit')}
          value={value(name)}
          error={error}
          blank={text(lang, 'chooseUnit')}
          choices={model.transferUnits.map((unit) => ({ value: unit.code, text: unit.name }))}
        />
      );
    case 'target_agency':
      return (
        <TextInput
          lang={lang}
          id={id}
          name={name}
          label={text(lang, 'inputTargetAgency')}
          hint={text(lang, 'inputTargetAgencyHint')}
          value={value(name)}
          error={error}
        />
      );
    case 'target_case':
      return (
        <TextInput
          lang={lang}
          id={id}
          name={name}
          label={text(lang, 'inputTargetCase')}
          hint={text(lang, 'inputTargetCaseHint')}
          value={value(name)}
          error={error}
          widthClass="govuk-input--width-20"
        />
      );
  }
}

function EventForm({ model, transition }: { model: CasePageModel; transition: Transition }) {
  const { lang, detail } = model;
  const event = transition.event;
  const active = model.active?.kind === 'event' && model.active.event === event ? model.active : null;
  const value = (name: string) => active?.values[name] ?? '';
  const id = (name: string) => `${event}-${name}`;
  const error = (name: string) => model.fieldErrors.get(id(name));
  const label = eventName(lang, event);
  return (
    <details class="govuk-details" id={`action-${event}`} open={active !== null} data-event={event}>
      <summary class="govuk-details__summary">
        <span class="govuk-details__summary-text">{label}</span>
      </summary>
      <div class="govuk-details__text">
        <p class="govuk-body">
          {text(lang, `actionEffect_${event}`, {
            applicant: detail.row.applicantName,
            contact: contactOf(model),
          })}
        </p>
        <form
          method="post"
          action={localePath(lang, consolePaths.caseEvent(detail.row.caseNumber, event))}
          novalidate
        >
          <CsrfField token={model.csrfToken} />
          <input type="hidden" name="version" value={String(detail.row.version)} />
          {transition.requires.map((input) => (
            <RequiredInput key={input} model={model} event={event} input={input} value={value} />
          ))}
          <TextArea
            lang={lang}
            id={id('internalNote')}
            name="internalNote"
            label={text(lang, 'inputInternalNote')}
            hint={text(lang, 'inputInternalNoteHint')}
            isOptional
            value={value('internalNote')}
            error={error('internalNote')}
            rows={2}
          />
          <button
            type="submit"
            class={`govuk-button${endingEvents.has(event) ? ' govuk-button--warning' : ''}`}
            data-module="govuk-button"
          >
            {label}
          </button>
        </form>
      </div>
    </details>
  );
}

function ExtensionForm({ model }: { model: CasePageModel }) {
  const { lang, detail } = model;
  const active = model.active?.kind === 'extension' ? model.active : null;
  const value = (name: string) => active?.values[name] ?? '';
  const isHours = detail.row.deadlineRule.kind === 'hours';
  return (
    <details class="govuk-details" id="extension-form" open={active !== null}>
      <summary class="govuk-details__summary">
        <span class="govuk-details__summary-text">{text(lang, 'extensionHeading')}</span>
      </summary>
      <div class="govuk-details__text">
        <p class="govuk-body">
          {text(lang, model.role === 'supervisor' ? 'extensionLeadSupervisor' : 'extensionLead')}
        </p>
        <form
          method="post"
          action={localePath(lang, consolePaths.caseExtensions(detail.row.caseNumber))}
          novalidate
        >
          <CsrfField token={model.csrfToken} />
          <input type="hidden" name="version" value={String(detail.row.version)} />
          <TextInput
            lang={lang}
            id="extension-amount"
            name="amount"
            label={text(lang, isHours ? 'extensionAmountHours' : 'extensionAmountDays')}
            hint={text(lang, 'extensionAmountHint')}
            value={value('amount')}
            error={model.fieldErrors.get('extension-amount')}
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
            error={model.fieldErrors.get('extension-reason')}
          />
          <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
            {text(lang, 'extensionButton')}
          </button>
        </form>
      </div>
    </details>
  );
}

function DecisionForms({ model }: { model: CasePageModel }) {
  const { lang, detail } = model;
  const pending = detail.extensions.filter((extension) => extension.state === 'pending');
  if (pending.length === 0) return null;
  const isHours = detail.row.deadlineRule.kind === 'hours';
  return (
    <>
      {pending.map((extension) => {
        const active =
          model.active?.kind === 'decision' && model.active.extensionId === extension.id
            ? model.active
            : null;
        const noteId = `decision-${extension.id}-note`;
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
            <form
              method="post"
              action={localePath(
                lang,
                consolePaths.caseExtensionDecision(detail.row.caseNumber, extension.id),
              )}
              novalidate
            >
              <CsrfField token={model.csrfToken} />
              <input type="hidden" name="version" value={String(detail.row.version)} />
              <TextArea
                lang={lang}
                id={noteId}
                name="note"
                label={text(lang, 'decideNote')}
                hint={text(lang, 'decideNoteHint')}
                isOptional
                value={active?.values.note ?? ''}
                error={model.fieldErrors.get(noteId)}
                rows={2}
              />
              <div class="govuk-button-group">
                <button
                  type="submit"
                  name="decision"
                  value="approve"
                  class="govuk-button"
                  data-module="govuk-button"
                >
                  {text(lang, 'decideApprove')}
                </button>
                <button
                  type="submit"
                  name="decision"
                  value="refuse"
                  class="govuk-button govuk-button--warning"
                  data-module="govuk-button"
                >
                  {text(lang, 'decideRefuse')}
                </button>
              </div>
            </form>
          </div>
        );
      })}
    </>
  );
}

function AssignForm({ model }: { model: CasePageModel }) {
  const { lang, detail } = model;
  if (model.assignableHandlers === null) return null;
  const active = model.active?.kind === 'assign' ? model.active : null;
  return (
    <form method="post" action={localePath(lang, consolePaths.caseAssign(detail.row.caseNumber))} novalidate>
      <CsrfField token={model.csrfToken} />
      <h3 class="govuk-heading-s">{text(lang, 'assignHeading')}</h3>
      <Select
        lang={lang}
        id="assign-handlerId"
        name="handlerId"
        label={text(lang, 'assignHandler')}
        value={active?.values.handlerId ?? detail.handler?.id ?? ''}
        error={model.fieldErrors.get('assign-handlerId')}
        blank={text(lang, 'chooseHandler')}
        choices={model.assignableHandlers.map((handler) => ({
          value: handler.id,
          text: handler.displayName,
        }))}
      />
      <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
        {text(lang, 'assignButton')}
      </button>
    </form>
  );
}

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
          {text(
            lang,
            model.readOnly === 'admin'
              ? 'actionsAdminReadOnly'
              : model.readOnly === 'other_unit_or_handler'
                ? 'actionsReadOnly'
                : 'actionsNone',
          )}
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
