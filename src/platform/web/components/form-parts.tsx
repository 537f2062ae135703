import type { ComponentChildren } from 'preact';

/**
 * GOV.UK Frontend pieces every form uses: the error summary, an input's error message and hint, its form group
 * and aria-describedby, the problems by input, and the success banner.
 */

/** A problem in the error summary: its message, and the id of the input it links to (null: no link). */
export interface SummaryProblem {
  target: string | null;
  message: string;
}

/**
 * The GOV.UK error summary at the top of `main`: announced (role=alert), focused without any script
 * (tabindex=-1 and autofocus), every problem listed, each linked to its input when it has one.
 */
export function ErrorSummary({ title, problems }: { title: string; problems: readonly SummaryProblem[] }) {
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

/** An input's hint, tied to it by `${id}-hint`; nothing when there is none. */
export function Hint({ id, hint }: { id: string; hint: string | undefined }) {
  if (!hint) return null;
  return (
    <div id={`${id}-hint`} class="govuk-hint">
      {hint}
    </div>
  );
}

/** Problems by input name, for the messages beside each input. */
export type ProblemsByInput = ReadonlyMap<string, readonly string[]>;

export function problemsByInput(problems: readonly { input: string; message: string }[]): ProblemsByInput {
  const byInput = new Map<string, string[]>();
  for (const problem of problems) {
    const messages = byInput.get(problem.input) ?? [];
    messages.push(problem.message);
    byInput.set(problem.input, messages);
  }
  return byInput;
}

/** An input's aria-describedby: its hint and its error message, when it has them. */
export function describedBy(id: string, hint: string | undefined, hasError: boolean): string | undefined {
  const ids = [hint ? `${id}-hint` : null, hasError ? `${id}-error` : null].filter((part) => part !== null);
  return ids.length === 0 ? undefined : ids.join(' ');
}

export function FormGroup({ hasError, children }: { hasError: boolean; children: ComponentChildren }) {
  return <div class={`govuk-form-group${hasError ? ' govuk-form-group--error' : ''}`}>{children}</div>;
}

/** The green banner a saved form comes back with (GOV.UK notification banner, success). */
export function SuccessBanner({ title, message }: { title: string; message: string }) {
  return (
    <div
      class="govuk-notification-banner govuk-notification-banner--success"
      role="alert"
      aria-labelledby="success-banner-title"
      data-module="govuk-notification-banner"
    >
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id="success-banner-title">
          {title}
        </h2>
      </div>
      <div class="govuk-notification-banner__content">
        <p class="govuk-notification-banner__heading">{message}</p>
      </div>
    </div>
  );
}
