import type { ComponentChildren } from 'preact';
import { csrfFieldName } from '../../../platform/http/csrf.ts';
import {
  describedBy,
  ErrorMessage,
  FormGroup,
  Hint,
  type ProblemsByInput,
  ErrorSummary as SharedErrorSummary,
  SuccessBanner as SharedSuccessBanner,
} from '../../../platform/web/components/form-parts.tsx';
import type { Lang } from '../../../platform/web/i18n.ts';
import { controlText as text } from '../plans/plan-messages.ts';

/**
 * GOV.UK Frontend form controls for the plan editors' pages: label (or legend), hint, the messages of the
 * problems on this input, and the control, tied together with ids and aria-describedby (the summary, hint
 * and error message are the shared components).
 */

/** A problem as a page shows it: the input it is about (its id), the summary line, the message beside it. */
export interface ShownProblem {
  /** The id of the input (or of the part of the page) the problem is about. */
  input: string;
  summary: string;
  message: string;
}

export { type ProblemsByInput, problemsByInput } from '../../../platform/web/components/form-parts.tsx';

/** The error summary at the top of `main`: every problem listed, each linked to its input. */
export function ErrorSummary({ lang, problems }: { lang: Lang; problems: readonly ShownProblem[] }) {
  return (
    <SharedErrorSummary
      title={text(lang, 'errorSummaryTitle')}
      problems={problems.map((problem) => ({ target: problem.input, message: problem.summary }))}
    />
  );
}

export function SuccessBanner({ lang, message }: { lang: Lang; message: string | null }) {
  return message === null ? null : (
    <SharedSuccessBanner title={text(lang, 'successTitle')} message={message} />
  );
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name={csrfFieldName} value={token} />;
}

interface ControlProps {
  lang: Lang;
  name: string;
  label: string;
  hint?: string | undefined;
  problems: ProblemsByInput;
  /** The language of the value, when it is not the page's (an English text on a Chinese page). */
  valueLang?: string | undefined;
}

/** The messages of the problems on one input, as one error message (one line each is rarely needed). */
function ErrorMessages({ lang, id, messages }: { lang: Lang; id: string; messages: readonly string[] }) {
  return (
    <ErrorMessage
      id={id}
      prefix={text(lang, 'errorPrefix')}
      message={messages.length === 0 ? undefined : messages.join(' ')}
    />
  );
}

export function TextInput(
  props: ControlProps & { value: string; widthClass?: string; inputMode?: 'numeric' },
) {
  const id = props.name;
  const messages = props.problems.get(id) ?? [];
  const hasError = messages.length > 0;
  return (
    <FormGroup hasError={hasError}>
      <label class="govuk-label" for={id}>
        {props.label}
      </label>
      <Hint id={id} hint={props.hint} />
      <ErrorMessages lang={props.lang} id={id} messages={messages} />
      <input
        class={`govuk-input${props.widthClass ? ` ${props.widthClass}` : ''}${hasError ? ' govuk-input--error' : ''}`}
        id={id}
        name={props.name}
        type="text"
        value={props.value}
        lang={props.valueLang}
        inputMode={props.inputMode}
        autocomplete="off"
        aria-describedby={describedBy(id, props.hint, hasError)}
      />
    </FormGroup>
  );
}

export function TextArea(props: ControlProps & { value: string; rows: number }) {
  const id = props.name;
  const messages = props.problems.get(id) ?? [];
  const hasError = messages.length > 0;
  return (
    <FormGroup hasError={hasError}>
      <label class="govuk-label" for={id}>
        {props.label}
      </label>
      <Hint id={id} hint={props.hint} />
      <ErrorMessages lang={props.lang} id={id} messages={messages} />
      <textarea
        class={`govuk-textarea${hasError ? ' govuk-textarea--error' : ''}`}
        id={id}
        name={props.name}
        rows={props.rows}
        lang={props.valueLang}
        aria-describedby={describedBy(id, props.hint, hasError)}
      >
        {props.value}
      </textarea>
    </FormGroup>
  );
}

export interface Choice {
  value: string;
  label: string;
}

/** Radios or checkboxes in a fieldset; the first input's id is `name`, so the summary can link to it. */
export function Choices(
  props: ControlProps & {
    type: 'radio' | 'checkbox';
    choices: readonly Choice[];
    checked: ReadonlySet<string>;
    /** Extra inputs inside the fieldset, after the choices (a radio's follow-up fields). */
    children?: ComponentChildren;
    /** Problems on other inputs of the fieldset (e.g. a checkbox above), shown with this one's. */
    extraErrorInputs?: readonly string[];
  },
) {
  const id = props.name;
  const messages = [id, ...(props.extraErrorInputs ?? [])].flatMap((name) => props.problems.get(name) ?? []);
  const hasError = messages.length > 0;
  const small = props.type === 'checkbox' ? 'govuk-checkboxes' : 'govuk-radios';
  return (
    <FormGroup hasError={hasError}>
      <fieldset class="govuk-fieldset" aria-describedby={describedBy(id, props.hint, hasError)}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{props.label}</legend>
        <Hint id={id} hint={props.hint} />
        <ErrorMessages lang={props.lang} id={id} messages={messages} />
        <div class={`${small} ${small}--small`} data-module={small}>
          {props.choices.map((choice, index) => {
            const inputId = index === 0 ? id : `${id}-${choice.value}`;
            return (
              <div key={choice.value} class={`${small}__item`}>
                <input
                  class={`${small}__input`}
                  id={inputId}
                  name={props.name}
                  type={props.type}
                  value={choice.value}
                  checked={props.checked.has(choice.value)}
                />
                <label class={`govuk-label ${small}__label`} for={inputId}>
                  {choice.label}
                </label>
              </div>
            );
          })}
        </div>
        {props.children}
      </fieldset>
    </FormGroup>
  );
}

/** A single checkbox (everyUnit, confirm), its own group. */
export function SingleCheckbox(props: ControlProps & { value: string; checked: boolean }) {
  const id = props.name;
  const messages = props.problems.get(id) ?? [];
  const hasError = messages.length > 0;
  return (
    <FormGroup hasError={hasError}>
      <ErrorMessages lang={props.lang} id={id} messages={messages} />
      <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
        <div class="govuk-checkboxes__item">
          <input
            class="govuk-checkboxes__input"
            id={id}
            name={props.name}
            type="checkbox"
            value={props.value}
            checked={props.checked}
            aria-describedby={describedBy(id, props.hint, hasError)}
          />
          <label class="govuk-label govuk-checkboxes__label" for={id}>
            {props.label}
          </label>
          <Hint id={id} hint={props.hint} />
        </div>
      </div>
    </FormGroup>
  );
}

/** Asks before removing an evidence file or link (a plain form: works without JavaScript). */
export function EvidenceRemovalPage(props: {
  lang: Lang;
  /** The file's name or the link. */
  name: string;
  action: string;
  back: string;
  cancel: string;
  csrfToken: string;
  problems: readonly ShownProblem[];
}) {
  const { lang } = props;
  return (
    <>
      {props.problems.length > 0 ? <ErrorSummary lang={lang} problems={props.problems} /> : null}
      <h1 class="govuk-heading-l">{text(lang, 'evidenceRemoveQuestion', { name: props.name })}</h1>
      <div class="govuk-warning-text">
        <span class="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong class="govuk-warning-text__text">
          <span class="govuk-visually-hidden">{lang === 'en' ? 'Warning' : '注意'}</span>
          {text(lang, 'evidenceRemoveWarning')}
        </strong>
      </div>
      <form method="post" action={props.action} novalidate>
        <CsrfField token={props.csrfToken} />
        <div class="govuk-button-group">
          <button type="submit" class="govuk-button govuk-button--warning">
            {text(lang, 'evidenceRemoveButton')}
          </button>
          <a class="govuk-link" href={props.back}>
            {props.cancel}
          </a>
        </div>
      </form>
    </>
  );
}

/** The link beside an evidence item to its removal question (the item named for screen readers). */
export function EvidenceRemovalLink(props: { lang: Lang; href: string; name: string }) {
  return (
    <a class="govuk-link govuk-!-font-size-16" href={props.href}>
      {text(props.lang, 'evidenceRemoveLink')}
      <span class="govuk-visually-hidden"> {props.name}</span>
    </a>
  );
}

/**
 * An input in one of several forms on a page (one per action, one per practice): its id carries the form's
 * scope, its name does not. Label, hint, the messages of the problems on that id, and the control.
 */
export function ScopedField(props: {
  lang: Lang;
  kind: 'input' | 'textarea' | 'file';
  name: string;
  id: string;
  label: string;
  hint?: string;
  value: string;
  problems: ProblemsByInput;
  rows?: number;
  inputMode?: 'decimal';
}) {
  const { id } = props;
  const messages = props.problems.get(id) ?? [];
  const hasError = messages.length > 0;
  const described = describedBy(id, props.hint, hasError);
  return (
    <FormGroup hasError={hasError}>
      <label class="govuk-label" for={id}>
        {props.label}
      </label>
      <Hint id={id} hint={props.hint} />
      <ErrorMessage id={id} prefix={text(props.lang, 'errorPrefix')} message={messages.join(' ')} />
      {props.kind === 'file' ? (
        <input
          class={`govuk-file-upload${hasError ? ' govuk-file-upload--error' : ''}`}
          id={id}
          name={props.name}
          type="file"
          multiple
          aria-describedby={described}
        />
      ) : props.kind === 'input' ? (
        <input
          class={`govuk-input govuk-input--width-10${hasError ? ' govuk-input--error' : ''}`}
          id={id}
          name={props.name}
          type="text"
          inputMode={props.inputMode}
          value={props.value}
          autocomplete="off"
          aria-describedby={described}
        />
      ) : (
        <textarea
          class={`govuk-textarea${hasError ? ' govuk-textarea--error' : ''}`}
          id={id}
          name={props.name}
          rows={props.rows ?? 3}
          aria-describedby={described}
        >
          {props.value}
        </textarea>
      )}
    </FormGroup>
  );
}
