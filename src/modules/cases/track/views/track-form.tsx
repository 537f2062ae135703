import {
  Button,
  CsrfField,
  ErrorSummary,
  TextInput,
} from '../../../../platform/web/components/form-controls.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { findSitePage } from '../../../../platform/web/site-pages.ts';
import { trackText } from '../track-messages.ts';
import { trackPaths } from '../track-paths.ts';

/**
 * The look-up form (/track): the forms kit's controls, works without JavaScript, posts to /track with the
 * anonymous double-submit CSRF token. Also the hidden fields that carry the number and code in the result
 * page's forms.
 */

/** The number and code again, for the forms on the result page (each re-checks them). */
export function ApplicantKeyFields(props: { csrfToken: string; caseNumber: string; lookupCode: string }) {
  return (
    <>
      <CsrfField token={props.csrfToken} />
      <input type="hidden" name="caseNumber" value={props.caseNumber} />
      <input type="hidden" name="lookupCode" value={props.lookupCode} />
    </>
  );
}

export interface TrackFormView {
  lang: Lang;
  csrfToken: string;
  caseNumber: string;
  lookupCode: string;
  problems: FormProblems;
}

export function TrackForm(view: TrackFormView) {
  const { lang, problems } = view;
  const common = { lang, labelClass: 'govuk-label--s', widthClass: 'govuk-input--width-10', problems };
  return (
    <form method="post" action={localePath(lang, trackPaths.track)} novalidate>
      <CsrfField token={view.csrfToken} />
      <TextInput
        {...common}
        name="caseNumber"
        label={trackText(lang, 'caseNumberLabel')}
        hint={trackText(lang, 'caseNumberHint')}
        value={view.caseNumber}
        inputMode="numeric"
      />
      <TextInput
        {...common}
        name="lookupCode"
        label={trackText(lang, 'lookupCodeLabel')}
        hint={trackText(lang, 'lookupCodeHint')}
        value={view.lookupCode}
        autocapitalize="characters"
      />
      <Button>{trackText(lang, 'submit')}</Button>
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
        <ErrorSummary lang={lang} problems={view.problems} />
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
