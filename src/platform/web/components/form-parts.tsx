/**
 * What remains of the older form pieces, kept only while the cases and control modules move their pages to
 * the forms kit (form-controls.tsx, form-problems.ts): nothing else may import this file, and it goes when
 * they have moved. The summary box, hint, error message, form group and aria-describedby are the kit's own.
 */
export {
  describedBy,
  ErrorMessage,
  ErrorSummaryBox as ErrorSummary,
  FormGroup,
  Hint,
  type SummaryLine as SummaryProblem,
} from './form-controls.tsx';

/** Problems by input name, for the messages beside each input (the kit's `FormProblems` replaces it). */
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

/** The green banner a saved form comes back with (the kit's `SuccessBanner` replaces it). */
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
