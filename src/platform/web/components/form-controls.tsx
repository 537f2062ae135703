import type { ComponentChildren } from 'preact';
import { csrfFieldName } from '../../http/csrf.ts';
import type { Lang } from '../i18n.ts';
import { type FormProblems, inputIdOf } from './form-problems.ts';
import { formText } from './form-text.ts';

/**
 * The one set of GOV.UK Frontend form controls: a label (or a fieldset's legend), the hint, the messages of
 * the problems on this input, and the control, tied together with ids and aria-describedby. Every form of
 * every module uses these; they show what they are given and decide nothing.
 *
 * An input's id is its `name` (dots as hyphens: `inputIdOf`) unless `id` says otherwise (a form repeated on
 * a page scopes its ids); the error summary links to it, and `problems.messagesFor(id)` are shown beside it.
 */

export interface ControlProps {
  lang: Lang;
  name: string;
  /** Default: `inputIdOf(name)`, the target `problemsOnPage` gives a field's problems. */
  id?: string | undefined;
  label: ComponentChildren;
  /** e.g. 'govuk-label--s', or 'govuk-visually-hidden' where a heading already names the input. */
  labelClass?: string | undefined;
  hint?: string | undefined;
  /** Adds 「（選填）」 / "(optional)" after the label: never an asterisk (UX.md). */
  isOptional?: boolean | undefined;
  problems?: FormProblems | undefined;
  /** The language of the value when it is not the page's (an English name on a Chinese page). */
  valueLang?: string | undefined;
  /**
   * A text's limit (field-limits.ts; `textControls` gives the form definition's): the control's `maxlength`
   * and a hint saying it, 「最多 4000 個字」 / "Up to 4000 characters". The form's own check still says so.
   */
  maxLength?: number | undefined;
}

/** The hint shown: the page's own, then the limit when there is one. */
export function hintOf(props: Pick<ControlProps, 'lang' | 'hint' | 'maxLength'>): string | undefined {
  const hint = props.hint === '' ? undefined : props.hint;
  if (props.maxLength === undefined) return hint;
  const limit = { limit: props.maxLength };
  return hint === undefined
    ? formText(props.lang, 'limitHint', limit)
    : `${hint}${formText(props.lang, 'limitHintAfter', limit)}`;
}

function idOf(props: { name: string; id?: string | undefined }): string {
  return props.id ?? inputIdOf(props.name);
}

function messagesOf(props: ControlProps): readonly string[] {
  return props.problems?.messagesFor(idOf(props)) ?? [];
}

/** aria-describedby: the hint and the error message, when there are any. */
export function describedBy(id: string, hint: string | undefined, hasError: boolean): string | undefined {
  const ids = [hint ? `${id}-hint` : null, hasError ? `${id}-error` : null].filter((part) => part !== null);
  return ids.length === 0 ? undefined : ids.join(' ');
}

/** The form group around a control: red bar and spacing when it has a problem. */
export function FormGroup({ hasError, children }: { hasError: boolean; children: ComponentChildren }) {
  return <div class={`govuk-form-group${hasError ? ' govuk-form-group--error' : ''}`}>{children}</div>;
}

/** An input's hint, tied to it by `${id}-hint`; nothing when there is none. */
export function Hint({ id, hint }: { id: string; hint: string | undefined }) {
  if (!hint) return null;
  return (
    <div id={`${id}-hint`} class="govuk-hint">
      {hint}
    </div>
  );
}

/** The message of the one problem on an input, tied to it by `${id}-error`; nothing when there is none. */
export function ErrorMessage({
  id,
  prefix,
  message,
}: {
  id: string;
  prefix: string;
  message: string | undefined;
}) {
  if (!message) return null;
  return (
    <p id={`${id}-error`} class="govuk-error-message">
      <span class="govuk-visually-hidden">{prefix}</span>
      {message}
    </p>
  );
}

/** The problems of one input, one line each, each announced as an error. */
export function ErrorMessages({
  lang,
  id,
  messages,
}: {
  lang: Lang;
  id: string;
  messages: readonly string[];
}) {
  if (messages.length === 0) return null;
  if (messages.length === 1)
    return <ErrorMessage id={id} prefix={formText(lang, 'errorPrefix')} message={messages[0]} />;
  return (
    <p id={`${id}-error`} class="govuk-error-message">
      {messages.map((message, index) => (
        <span key={index} class="ow-error-line">
          <span class="govuk-visually-hidden">{formText(lang, 'errorPrefix')}</span>
          {message}
        </span>
      ))}
    </p>
  );
}

function LabelText(props: ControlProps) {
  return (
    <>
      {props.label}
      {props.isOptional ? formText(props.lang, 'optional') : null}
    </>
  );
}

/** A labelled control's form group: the label, its hint and messages, then the control. */
function Field(props: ControlProps & { children: ComponentChildren }) {
  const id = idOf(props);
  const messages = messagesOf(props);
  return (
    <FormGroup hasError={messages.length > 0}>
      <label class={`govuk-label${props.labelClass ? ` ${props.labelClass}` : ''}`} for={id}>
        <LabelText {...props} />
      </label>
      <Hint id={id} hint={hintOf(props)} />
      <ErrorMessages lang={props.lang} id={id} messages={messages} />
      {props.children}
    </FormGroup>
  );
}

export function TextInput(
  props: ControlProps & {
    value: string;
    type?: 'text' | 'email' | 'tel' | 'search' | 'password';
    autocomplete?: string;
    inputMode?: 'numeric' | 'decimal' | 'email' | 'tel' | 'text';
    /** A code typed in capitals (a lookup code): mobile keyboards start in upper case. */
    autocapitalize?: 'characters';
    widthClass?: string;
    spellcheck?: boolean;
  },
) {
  const id = idOf(props);
  const hasError = messagesOf(props).length > 0;
  // A password's limit matters when one is set, not at sign-in: its `maxlength` alone, no hint.
  const shown = props.type === 'password' ? { ...props, maxLength: undefined } : props;
  return (
    <Field {...shown}>
      <input
        class={`govuk-input${props.widthClass ? ` ${props.widthClass}` : ''}${hasError ? ' govuk-input--error' : ''}`}
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        lang={props.valueLang}
        autocomplete={props.autocomplete ?? 'off'}
        inputMode={props.inputMode}
        autocapitalize={props.autocapitalize}
        spellcheck={props.spellcheck ?? false}
        maxLength={props.maxLength}
        aria-describedby={describedBy(id, hintOf(shown), hasError)}
      />
    </Field>
  );
}

export function TextArea(props: ControlProps & { value: string; rows?: number }) {
  const id = idOf(props);
  const hasError = messagesOf(props).length > 0;
  return (
    <Field {...props}>
      <textarea
        class={`govuk-textarea${hasError ? ' govuk-textarea--error' : ''}`}
        id={id}
        name={props.name}
        rows={props.rows ?? 3}
        lang={props.valueLang}
        maxLength={props.maxLength}
        aria-describedby={describedBy(id, hintOf(props), hasError)}
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
  isDisabled?: boolean | undefined;
}

export interface ChoiceGroup {
  label: string;
  choices: readonly Choice[];
}

/** A select; `groups` puts the options in optgroups; `blank` is a first empty option's text (none if absent). */
export function Select(
  props: ControlProps & {
    value: string;
    blank?: string | null;
    choices?: readonly Choice[];
    groups?: readonly ChoiceGroup[];
  },
) {
  const id = idOf(props);
  const hasError = messagesOf(props).length > 0;
  const option = (choice: Choice) => (
    <option key={choice.value} value={choice.value} selected={choice.value === props.value}>
      {choice.label}
    </option>
  );
  return (
    <Field {...props}>
      <select
        class={`govuk-select${hasError ? ' govuk-select--error' : ''}`}
        id={id}
        name={props.name}
        aria-describedby={describedBy(id, props.hint, hasError)}
      >
        {props.blank === undefined || props.blank === null ? null : (
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

/**
 * A fieldset with its legend, hint and messages: radios, checkboxes or any group of inputs. `extraTargets`
 * shows the problems of other ids of the group here too (a follow-up input's, say).
 */
export function Fieldset(
  props: Omit<ControlProps, 'label'> & {
    legend: ComponentChildren;
    /** Default 'govuk-fieldset__legend--s'. */
    legendClass?: string;
    extraTargets?: readonly string[];
    children: ComponentChildren;
  },
) {
  const id = idOf(props);
  const messages = [id, ...(props.extraTargets ?? [])].flatMap(
    (target) => props.problems?.messagesFor(target) ?? [],
  );
  const hasError = messages.length > 0;
  return (
    <FormGroup hasError={hasError}>
      <fieldset class="govuk-fieldset" aria-describedby={describedBy(id, props.hint, hasError)}>
        <legend class={`govuk-fieldset__legend ${props.legendClass ?? 'govuk-fieldset__legend--s'}`}>
          {props.legend}
          {props.isOptional ? formText(props.lang, 'optional') : null}
        </legend>
        <Hint id={id} hint={props.hint} />
        <ErrorMessages lang={props.lang} id={id} messages={messages} />
        {props.children}
      </fieldset>
    </FormGroup>
  );
}

/** The id of a choice's input: the first is the group's id (the summary links there), then `id-2`, `id-3` … */
export function choiceId(groupId: string, index: number): string {
  return index === 0 ? groupId : `${groupId}-${index + 1}`;
}

type ChoicesProps = Omit<ControlProps, 'label'> & {
  legend: ComponentChildren;
  legendClass?: string;
  choices: readonly Choice[];
  isInline?: boolean;
  /** Follow-up inputs inside the fieldset, after the choices. */
  children?: ComponentChildren;
  extraTargets?: readonly string[];
};

function ChoiceItems(
  props: ChoicesProps & { type: 'radio' | 'checkbox'; isChecked: (value: string) => boolean },
) {
  const id = idOf(props);
  const kind = props.type === 'radio' ? 'govuk-radios' : 'govuk-checkboxes';
  return (
    <div class={`${kind} ${kind}--small${props.isInline ? ` ${kind}--inline` : ''}`} data-module={kind}>
      {props.choices.map((choice, index) => {
        const inputId = choiceId(id, index);
        return (
          <div key={choice.value} class={`${kind}__item`}>
            <input
              class={`${kind}__input`}
              id={inputId}
              name={props.name}
              type={props.type}
              value={choice.value}
              checked={props.isChecked(choice.value)}
              disabled={choice.isDisabled}
              aria-describedby={choice.hint ? `${inputId}-item-hint` : undefined}
            />
            <label class={`govuk-label ${kind}__label`} for={inputId}>
              {choice.label}
            </label>
            {choice.hint ? (
              <div id={`${inputId}-item-hint`} class={`govuk-hint ${kind}__hint`}>
                {choice.hint}
              </div>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}

export function Radios(props: ChoicesProps & { value: string }) {
  return (
    <Fieldset {...props}>
      <ChoiceItems {...props} type="radio" isChecked={(value) => value === props.value} />
      {props.children}
    </Fieldset>
  );
}

export function Checkboxes(props: ChoicesProps & { checked: ReadonlySet<string> | readonly string[] }) {
  const checked = new Set(props.checked);
  return (
    <Fieldset {...props}>
      <ChoiceItems {...props} type="checkbox" isChecked={(value) => checked.has(value)} />
      {props.children}
    </Fieldset>
  );
}

/** One checkbox of its own (a confirmation, "every unit"): its label beside it, its problems above. */
export function SingleCheckbox(props: ControlProps & { value: string; isChecked: boolean }) {
  const id = idOf(props);
  const messages = messagesOf(props);
  return (
    <FormGroup hasError={messages.length > 0}>
      <ErrorMessages lang={props.lang} id={id} messages={messages} />
      <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
        <div class="govuk-checkboxes__item">
          <input
            class="govuk-checkboxes__input"
            id={id}
            name={props.name}
            type="checkbox"
            value={props.value}
            checked={props.isChecked}
            aria-describedby={describedBy(id, props.hint, messages.length > 0)}
          />
          <label class="govuk-label govuk-checkboxes__label" for={id}>
            <LabelText {...props} />
          </label>
          <Hint id={id} hint={props.hint} />
        </div>
      </div>
    </FormGroup>
  );
}

export function FileInput(props: ControlProps & { isMultiple?: boolean; accept?: string }) {
  const id = idOf(props);
  const hasError = messagesOf(props).length > 0;
  return (
    <Field {...props}>
      <input
        class={`govuk-file-upload${hasError ? ' govuk-file-upload--error' : ''}`}
        id={id}
        name={props.name}
        type="file"
        multiple={props.isMultiple}
        accept={props.accept}
        aria-describedby={describedBy(id, props.hint, hasError)}
      />
    </Field>
  );
}

/**
 * A form's submit button. `name` and `value` say which button was pressed when a form has several (the
 * first in the page is the one Enter presses); secondary buttons are the lesser actions, warning buttons
 * the destructive ones.
 */
export function Button(props: {
  children: ComponentChildren;
  name?: string;
  value?: string;
  isSecondary?: boolean;
  /** An action that ends, removes or refuses something (GOV.UK's red warning button). */
  isWarning?: boolean;
  /** A second click while the first is sent does nothing (a form that creates something). */
  preventsDoubleClick?: boolean;
}) {
  const kind = props.isWarning
    ? ' govuk-button--warning'
    : props.isSecondary
      ? ' govuk-button--secondary'
      : '';
  return (
    <button
      type="submit"
      name={props.name}
      value={props.value}
      class={`govuk-button${kind}`}
      data-module="govuk-button"
      data-prevent-double-click={props.preventsDoubleClick ? 'true' : undefined}
    >
      {props.children}
    </button>
  );
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name={csrfFieldName} value={token} />;
}

/** A line of the error summary: its text, and the id of the input it links to (null: no link). */
export interface SummaryLine {
  target: string | null;
  message: string;
}

/**
 * The GOV.UK error summary box: announced (role=alert), focused without any script (tabindex=-1 and
 * autofocus), every line listed, each linked to its input when it has one. Nothing when there is none.
 */
export function ErrorSummaryBox({ title, problems }: { title: string; problems: readonly SummaryLine[] }) {
  if (problems.length === 0) return null;
  return (
    <div class="govuk-error-summary" data-module="govuk-error-summary" role="alert" tabindex={-1} autofocus>
      <h2 class="govuk-error-summary__title">{title}</h2>
      <div class="govuk-error-summary__body">
        <ul class="govuk-list govuk-error-summary__list">
          {problems.map((problem, index) => (
            <li key={index}>
              {problem.target === null ? (
                problem.message
              ) : (
                <a href={`#${problem.target}`}>{problem.message}</a>
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/**
 * The error summary at the top of `main`: announced, focused without any script, every problem listed and
 * linked to its input. Nothing when there is no problem.
 */
export function ErrorSummary({ lang, problems }: { lang: Lang; problems: FormProblems }) {
  return (
    <ErrorSummaryBox
      title={formText(lang, 'errorSummaryTitle')}
      problems={problems.list.map((problem) => ({
        target: problem.target === '' ? null : problem.target,
        message: problem.summary,
      }))}
    />
  );
}

/**
 * A GOV.UK notification banner: 'success' (green: what was just done) or 'important'. An alert is announced
 * at once (a result, a conflict); otherwise it is a labelled region.
 */
export function Banner(props: {
  id?: string;
  kind: 'success' | 'important';
  title?: string;
  lang: Lang;
  isAlert?: boolean;
  children: ComponentChildren;
}) {
  const id = props.id ?? (props.kind === 'success' ? 'success-banner' : 'important-banner');
  const title =
    props.title ?? formText(props.lang, props.kind === 'success' ? 'successTitle' : 'importantTitle');
  const className = `govuk-notification-banner${props.kind === 'success' ? ' govuk-notification-banner--success' : ''}`;
  const content = (
    <>
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id={`${id}-title`}>
          {title}
        </h2>
      </div>
      <div class="govuk-notification-banner__content">{props.children}</div>
    </>
  );
  return (props.isAlert ?? props.kind === 'success') ? (
    <div
      class={className}
      role="alert"
      aria-labelledby={`${id}-title`}
      data-module="govuk-notification-banner"
      id={id}
    >
      {content}
    </div>
  ) : (
    <section
      class={className}
      aria-labelledby={`${id}-title`}
      data-module="govuk-notification-banner"
      id={id}
    >
      {content}
    </section>
  );
}

/** The green banner a saved form comes back with; nothing when there is no message. */
export function SuccessBanner({ lang, message }: { lang: Lang; message: string | null | undefined }) {
  if (!message) return null;
  return (
    <Banner lang={lang} kind="success">
      <p class="govuk-notification-banner__heading">{message}</p>
    </Banner>
  );
}
