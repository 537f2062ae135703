import type { ComponentChildren } from 'preact';
import { authText } from '../../../../platform/auth/auth-messages.ts';
import { Hint, ErrorSummary as SharedErrorSummary } from '../../../../platform/web/components/form-parts.tsx';
import type { Lang } from '../../../../platform/web/i18n.ts';

/**
 * GOV.UK Frontend form controls for the counter pages: label or legend, hint, the messages of the
 * problems on this input, the control — tied together with ids and aria-describedby. No logic beyond
 * showing what they are given.
 */

export interface ShownProblem {
  /** The element id the summary links to. */
  inputId: string;
  message: string;
}

export function ErrorSummary({ lang, problems }: { lang: Lang; problems: readonly ShownProblem[] }) {
  return (
    <SharedErrorSummary
      title={authText(lang, 'errorSummaryTitle')}
      problems={problems.map((problem) => ({ target: problem.inputId, message: problem.message }))}
    />
  );
}

interface ControlProps {
  lang: Lang;
  id: string;
  name: string;
  label: ComponentChildren;
  hint?: string | undefined;
  /** Shown after the label: 「（選填）」 / "(optional)" (UX.md: never asterisks). */
  optionalText?: string | undefined;
  messages?: readonly string[] | undefined;
}

function describedBy(id: string, hint: string | undefined, messages: readonly string[] | undefined) {
  const ids = [hint ? `${id}-hint` : null, messages && messages.length > 0 ? `${id}-error` : null].filter(
    (part) => part !== null,
  );
  return ids.length === 0 ? undefined : ids.join(' ');
}

function Messages({
  lang,
  id,
  messages,
}: {
  lang: Lang;
  id: string;
  messages: readonly string[] | undefined;
}) {
  if (!messages || messages.length === 0) return null;
  return (
    <p id={`${id}-error`} class="govuk-error-message">
      {messages.map((message, index) => (
        <span key={index} class="ow-error-line">
          <span class="govuk-visually-hidden">{authText(lang, 'errorPrefix')}</span>
          {message}
        </span>
      ))}
    </p>
  );
}

function groupClass(messages: readonly string[] | undefined): string {
  return `govuk-form-group${messages && messages.length > 0 ? ' govuk-form-group--error' : ''}`;
}

function LabelText({ label, optionalText }: { label: ComponentChildren; optionalText: string | undefined }) {
  return (
    <>
      {label}
      {optionalText ? ` ${optionalText}` : null}
    </>
  );
}

/** A labelled control's form group: the label, its hint and messages, then the control. */
function Field(props: ControlProps & { children: ComponentChildren }) {
  return (
    <div class={groupClass(props.messages)}>
      <label class="govuk-label" for={props.id}>
        <LabelText label={props.label} optionalText={props.optionalText} />
      </label>
      <Hint id={props.id} hint={props.hint} />
      <Messages lang={props.lang} id={props.id} messages={props.messages} />
      {props.children}
    </div>
  );
}

/** A group of radios or checkboxes: a fieldset with a legend, its hint and messages, then the items. */
function Fieldset(props: Omit<ControlProps, 'label'> & { legend: string; children: ComponentChildren }) {
  return (
    <div class={groupClass(props.messages)}>
      <fieldset class="govuk-fieldset" aria-describedby={describedBy(props.id, props.hint, props.messages)}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
          <LabelText label={props.legend} optionalText={props.optionalText} />
        </legend>
        <Hint id={props.id} hint={props.hint} />
        <Messages lang={props.lang} id={props.id} messages={props.messages} />
        {props.children}
      </fieldset>
    </div>
  );
}

export function TextInput(
  props: ControlProps & {
    value: string;
    type?: 'text' | 'email' | 'tel';
    autocomplete?: string;
    inputMode?: 'numeric' | 'decimal' | 'email' | 'tel' | 'text';
    widthClass?: string;
    spellcheck?: boolean;
  },
) {
  const hasError = (props.messages?.length ?? 0) > 0;
  return (
    <Field {...props}>
      <input
        class={`govuk-input${props.widthClass ? ` ${props.widthClass}` : ''}${hasError ? ' govuk-input--error' : ''}`}
        id={props.id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        autocomplete={props.autocomplete ?? 'off'}
        inputMode={props.inputMode}
        spellcheck={props.spellcheck ?? false}
        aria-describedby={describedBy(props.id, props.hint, props.messages)}
      />
    </Field>
  );
}

export function TextArea(props: ControlProps & { value: string; rows: number }) {
  const hasError = (props.messages?.length ?? 0) > 0;
  return (
    <Field {...props}>
      <textarea
        class={`govuk-textarea${hasError ? ' govuk-textarea--error' : ''}`}
        id={props.id}
        name={props.name}
        rows={props.rows}
        aria-describedby={describedBy(props.id, props.hint, props.messages)}
      >
        {props.value}
      </textarea>
    </Field>
  );
}

export interface Choice {
  value: string;
  label: string;
  hint?: string | undefined;
}

export interface ChoiceGroup {
  label: string;
  choices: readonly Choice[];
}

/** A select; with `groups` the options are in optgroups (a blank first option unless `blank` is null). */
export function Select(
  props: ControlProps & {
    value: string;
    blank: string | null;
    choices?: readonly Choice[];
    groups?: readonly ChoiceGroup[];
  },
) {
  const hasError = (props.messages?.length ?? 0) > 0;
  const option = (choice: Choice) => (
    <option key={choice.value} value={choice.value} selected={choice.value === props.value}>
      {choice.label}
    </option>
  );
  return (
    <Field {...props}>
      <select
        class={`govuk-select${hasError ? ' govuk-select--error' : ''}`}
        id={props.id}
        name={props.name}
        aria-describedby={describedBy(props.id, props.hint, props.messages)}
      >
        {props.blank === null ? null : (
          <option value="" selected={props.value === ''}>
            {props.blank}
          </option>
        )}
        {(props.choices ?? []).map(option)}
        {(props.groups ?? []).map((group) => (
          <optgroup key={group.label} label={group.label}>
            {group.choices.map(option)}
          </optgroup>
        ))}
      </select>
    </Field>
  );
}

/** Radios in a fieldset; the first input carries `id` (the error summary's target), the others `id-n`. */
export function Radios(
  props: Omit<ControlProps, 'label'> & {
    legend: string;
    value: string;
    choices: readonly Choice[];
    isInline?: boolean;
  },
) {
  return (
    <Fieldset {...props}>
      <div class={`govuk-radios govuk-radios--small${props.isInline ? ' govuk-radios--inline' : ''}`}>
        {props.choices.map((choice, index) => {
          const inputId = index === 0 ? props.id : `${props.id}-${index + 1}`;
          return (
            <div key={choice.value} class="govuk-radios__item">
              <input
                class="govuk-radios__input"
                id={inputId}
                name={props.name}
                type="radio"
                value={choice.value}
                checked={choice.value === props.value}
              />
              <label class="govuk-label govuk-radios__label" for={inputId}>
                {choice.label}
              </label>
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}

export interface CheckboxChoice extends Choice {
  isChecked: boolean;
  isDisabled?: boolean;
}

/** Checkboxes in a fieldset; the first input carries `id`, the others `id-n`. */
export function Checkboxes(
  props: Omit<ControlProps, 'label'> & { legend: string; choices: readonly CheckboxChoice[] },
) {
  return (
    <Fieldset {...props}>
      <div class="govuk-checkboxes govuk-checkboxes--small">
        {props.choices.map((choice, index) => {
          const inputId = index === 0 ? props.id : `${props.id}-${index + 1}`;
          return (
            <div key={choice.value} class="govuk-checkboxes__item">
              <input
                class="govuk-checkboxes__input"
                id={inputId}
                name={props.name}
                type="checkbox"
                value={choice.value}
                checked={choice.isChecked}
                disabled={choice.isDisabled}
                aria-describedby={choice.hint ? `${inputId}-item-hint` : undefined}
              />
              <label class="govuk-label govuk-checkboxes__label" for={inputId}>
                {choice.label}
              </label>
              {choice.hint ? (
                <div id={`${inputId}-item-hint`} class="govuk-hint govuk-checkboxes__hint">
                  {choice.hint}
                </div>
              ) : null}
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}

export function FileInput(props: ControlProps & { isMultiple: boolean; accept: string }) {
  const hasError = (props.messages?.length ?? 0) > 0;
  return (
    <Field {...props}>
      <input
        class={`govuk-file-upload${hasError ? ' govuk-file-upload--error' : ''}`}
        id={props.id}
        name={props.name}
        type="file"
        multiple={props.isMultiple}
        accept={props.accept}
        aria-describedby={describedBy(props.id, props.hint, props.messages)}
      />
    </Field>
  );
}
