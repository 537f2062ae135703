import type { ComponentChildren } from 'preact';
import { csrfFieldName } from '../../../../platform/http/csrf.ts';
import type { FieldProblem } from '../../../../platform/http/errors.ts';
import { ErrorMessage, ErrorSummary } from '../../../../platform/web/components/form-parts.tsx';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { findSitePage } from '../../../../platform/web/site-pages.ts';
import { casePaths } from '../../core/case-paths.ts';
import { trackText } from '../track-messages.ts';

/**
 * The look-up form (/track): GOV.UK Frontend markup, works without JavaScript, posts to /track with the
 * anonymous double-submit CSRF token. Also the shared pieces of the result page: the error summary,
 * inline error messages and the hidden fields that carry the number and code.
 */

export function TrackErrorSummary({ lang, problems }: { lang: Lang; problems: readonly FieldProblem[] }) {
  return (
    <ErrorSummary
      title={trackText(lang, 'errorSummaryTitle')}
      problems={problems.map((problem) => ({
        target: problem.field === '' ? null : problem.field,
        message: problem.message,
      }))}
    />
  );
}

export function FieldErrorMessage({
  lang,
  id,
  message,
}: {
  lang: Lang;
  id: string;
  message: string | undefined;
}) {
  return <ErrorMessage id={id} prefix={trackText(lang, 'errorPrefix')} message={message} />;
}

export function problemFor(problems: readonly FieldProblem[], field: string): string | undefined {
  return problems.find((problem) => problem.field === field)?.message;
}

export function describedBy(...ids: (string | null)[]): string | undefined {
  const present = ids.filter((id) => id !== null);
  return present.length === 0 ? undefined : present.join(' ');
}

function FormGroup({ hasError, children }: { hasError: boolean; children: ComponentChildren }) {
  return <div class={`govuk-form-group${hasError ? ' govuk-form-group--error' : ''}`}>{children}</div>;
}

/** The number and code again, for the forms on the result page (each re-checks them). */
export function ApplicantKeyFields({
  csrfToken,
  caseNumber,
  lookupCode,
}: {
  csrfToken: string;
  caseNumber: string;
  lookupCode: string;
}) {
  return (
    <>
      <input type="hidden" name={csrfFieldName} value={csrfToken} />
      <input type="hidden" name="caseNumber" value={caseNumber} />
      <input type="hidden" name="lookupCode" value={lookupCode} />
    </>
  );
}

export interface TrackFormView {
  lang: Lang;
  csrfToken: string;
  caseNumber: string;
  lookupCode: string;
  problems: readonly FieldProblem[];
}

export function TrackForm(view: TrackFormView) {
  const { lang, problems } = view;
  const numberError = problemFor(problems, 'caseNumber');
  const codeError = problemFor(problems, 'lookupCode');
  return (
    <form method="post" action={localePath(lang, casePaths.track)} novalidate>
      <input type="hidden" name={csrfFieldName} value={view.csrfToken} />
      <FormGroup hasError={numberError !== undefined}>
        <label class="govuk-label govuk-label--s" for="caseNumber">
          {trackText(lang, 'caseNumberLabel')}
        </label>
        <div id="caseNumber-hint" class="govuk-hint">
          {trackText(lang, 'caseNumberHint')}
        </div>
        <FieldErrorMessage lang={lang} id="caseNumber" message={numberError} />
        <input
          class={`govuk-input govuk-input--width-10${numberError ? ' govuk-input--error' : ''}`}
          id="caseNumber"
          name="caseNumber"
          type="text"
          inputMode="numeric"
          spellcheck={false}
          value={view.caseNumber}
          aria-describedby={describedBy('caseNumber-hint', numberError ? 'caseNumber-error' : null)}
        />
      </FormGroup>
      <FormGroup hasError={codeError !== undefined}>
        <label class="govuk-label govuk-label--s" for="lookupCode">
          {trackText(lang, 'lookupCodeLabel')}
        </label>
        <div id="lookupCode-hint" class="govuk-hint">
          {trackText(lang, 'lookupCodeHint')}
        </div>
        <FieldErrorMessage lang={lang} id="lookupCode" message={codeError} />
        <input
          class={`govuk-input govuk-input--width-10${codeError ? ' govuk-input--error' : ''}`}
          id="lookupCode"
          name="lookupCode"
          type="text"
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          value={view.lookupCode}
          aria-describedby={describedBy('lookupCode-hint', codeError ? 'lookupCode-error' : null)}
        />
      </FormGroup>
      <button type="submit" class="govuk-button" data-module="govuk-button">
        {trackText(lang, 'submit')}
      </button>
    </form>
  );
}

/** /track: the lead, the form (with every problem of the last try), and what to do without a code. */
export function TrackFormPage(view: TrackFormView) {
  const { lang } = view;
  const page = findSitePage('track');
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <TrackErrorSummary lang={lang} problems={view.problems} />
        <h1 class="govuk-heading-xl">{page.title[lang]}</h1>
        <p class="govuk-body-l">{trackText(lang, 'lead')}</p>
        <TrackForm {...view} />
        <p class="govuk-body">{trackText(lang, 'privacyNote')}</p>
        <h2 class="govuk-heading-m">{trackText(lang, 'noCodeHeading')}</h2>
        <p class="govuk-body">{trackText(lang, 'noCodeText')}</p>
      </div>
    </div>
  );
}
