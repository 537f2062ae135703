import type { ComponentChildren } from 'preact';
import {
  describedBy,
  FormGroup,
  Hint,
  type ProblemsByInput,
  ErrorSummary as SharedErrorSummary,
  SuccessBanner as SharedSuccessBanner,
} from '../../../platform/web/components/form-parts.tsx';
import type { Lang } from '../../../platform/web/i18n.ts';
import { inputIdOf, type ShownProblem } from '../catalogue-admin-form.ts';
import { catalogueAdminText as text } from '../catalogue-admin-messages.ts';

/**
 * GOV.UK Frontend form controls for the editors' pages: a label (or legend), an optional hint, the
 * messages of the problems on this input, and the control, tied together with ids and aria-describedby.
 */

export { type ProblemsByInput, problemsByInput } from '../../../platform/web/components/form-parts.tsx';

/** Where the summary sends the reader for a problem about the form as a whole (a newer version). */
export const wholeFormAnchor = 'version-history';

export function ErrorSummary({ lang, problems }: { lang: Lang; problems: readonly ShownProblem[] }) {
  return (
    <SharedErrorSummary
      title={text(lang, 'errorSummaryTitle')}
      problems={problems.map((problem) => ({
        target: problem.input === '' ? wholeFormAnchor : inputIdOf(problem.input),
        message: problem.summary,
      }))}
    />
  );
}

export function SuccessBanner({ lang, message }: { lang: Lang; message: string }) {
  return <SharedSuccessBanner title={text(lang, 'successTitle')} message={message} />;
}

interface ControlProps {
  lang: Lang;
  name: string;
  label: string;
  hint?: string | undefined;
  isOptional?: boolean;
  problems: ProblemsByInput;
  /** The language of the value, when it is not the page's (an English name on a Chinese page). */
  valueLang?: string | undefined;
}

function ErrorMessages({ lang, id, messages }: { lang: Lang; id: string; messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <p id={`${id}-error`} class="govuk-error-message">
      {messages.map((message, index) => (
        <span key={index} class="app-error-line">
          <span class="govuk-visually-hidden">{text(lang, 'errorPrefix')}</span>
          {message}
          {index < messages.length - 1 ? <br /> : null}
        </span>
      ))}
    </p>
  );
}

function labelText(props: ControlProps): string {
  return props.isOptional ? `${props.label}${text(props.lang, 'optional')}` : props.label;
}

/** The id, the messages and the aria-describedby of the input named `props.name`. */
function controlOf(props: ControlProps) {
  const id = inputIdOf(props.name);
  const messages = props.problems.get(props.name) ?? [];
  const hasError = messages.length > 0;
  return { id, messages, hasError, ariaDescribedBy: describedBy(id, props.hint, hasError) };
}

/** A labelled control's form group: the label, its hint and messages, then the control. */
function Field(props: ControlProps & { children: ComponentChildren }) {
  const { id, messages, hasError } = controlOf(props);
  return (
    <FormGroup hasError={hasError}>
      <label class="govuk-label" for={id}>
        {labelText(props)}
      </label>
      <Hint id={id} hint={props.hint} />
      <ErrorMessages lang={props.lang} id={id} messages={messages} />
      {props.children}
    </FormGroup>
  );
}

export function TextInput(
  props: ControlProps & { value: string; widthClass?: string; inputMode?: 'numeric'; spellcheck?: boolean },
) {
  const { id, hasError, ariaDescribedBy } = controlOf(props);
  return (
    <Field {...props}>
      <input
        class={`govuk-input${props.widthClass ? ` ${props.widthClass}` : ''}${hasError ? ' govuk-input--error' : ''}`}
        id={id}
        name={props.name}
        type="text"
        value={props.value}
        lang={props.valueLang}
        inputMode={props.inputMode}
        spellcheck={props.spellcheck}
        autocomplete="off"
        aria-describedby={ariaDescribedBy}
      />
    </Field>
  );
}

export function TextArea(props: ControlProps & { value: string; rows: number }) {
  const { id, hasError, ariaDescribedBy } = controlOf(props);
  return (
    <Field {...props}>
      <textarea
        class={`govuk-textarea${hasError ? ' govuk-textarea--error' : ''}`}
        id={id}
        name={props.name}
        rows={props.rows}
        lang={props.valueLang}
        aria-describedby={ariaDescribedBy}
      >
        {props.value}
      </textarea>
    </Field>
  );
}

export interface Choice {
  value: string;
  text: string;
}

export function Select(props: ControlProps & { value: string; choices: readonly Choice[]; blank?: string }) {
  const { id, hasError, ariaDescribedBy } = controlOf(props);
  return (
    <Field {...props}>
      <select
        class={`govuk-select${hasError ? ' govuk-select--error' : ''}`}
        id={id}
        name={props.name}
        aria-describedby={ariaDescribedBy}
      >
        {props.blank === undefined ? null : (
          <option value="" selected={props.value === ''}>
            {props.blank}
          </option>
        )}
        {props.choices.map((choice) => (
          <option key={choice.value} value={choice.value} selected={choice.value === props.value}>
            {choice.text}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** Radios in a fieldset; the first radio has the input's id, so the error summary can link to it. */
export function Radios(
  props: ControlProps & { value: string; choices: readonly Choice[]; isInline?: boolean },
) {
  const { id, messages, hasError, ariaDescribedBy } = controlOf(props);
  return (
    <FormGroup hasError={hasError}>
      <fieldset class="govuk-fieldset" aria-describedby={ariaDescribedBy}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{labelText(props)}</legend>
        <Hint id={id} hint={props.hint} />
        <ErrorMessages lang={props.lang} id={id} messages={messages} />
        <div
          class={`govuk-radios${props.isInline ? ' govuk-radios--inline' : ''}`}
          data-module="govuk-radios"
        >
          {props.choices.map((choice, index) => {
            const choiceId = index === 0 ? id : `${id}-${index + 1}`;
            return (
              <div class="govuk-radios__item" key={choice.value}>
                <input
                  class="govuk-radios__input"
                  id={choiceId}
                  name={props.name}
                  type="radio"
                  value={choice.value}
                  checked={choice.value === props.value}
                />
                <label class="govuk-label govuk-radios__label" for={choiceId}>
                  {choice.text}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </FormGroup>
  );
}

/** One tick box with its own label (no fieldset: the label says everything). */
export function Checkbox({ name, label, isChecked }: { name: string; label: string; isChecked: boolean }) {
  const id = inputIdOf(name);
  return (
    <div class="govuk-checkboxes__item">
      <input
        class="govuk-checkboxes__input"
        id={id}
        name={name}
        type="checkbox"
        value="yes"
        checked={isChecked}
      />
      <label class="govuk-label govuk-checkboxes__label" for={id}>
        {label}
      </label>
    </div>
  );
}

/** Tick boxes that belong together, under a legend. */
export function CheckboxGroup({ legend, children }: { legend: string; children: ComponentChildren }) {
  return (
    <div class="govuk-form-group">
      <fieldset class="govuk-fieldset">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
          {children}
        </div>
      </fieldset>
    </div>
  );
}
