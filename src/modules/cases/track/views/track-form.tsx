import {
  CsrfField,
  ErrorSummary,
  SuccessBanner,
  TextInput,
} from '../../../../platform/web/components/form-controls.tsx';
import { PostForm, textControls } from '../../../../platform/web/components/form-page.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { LinkParagraph } from '../../../../platform/web/components/link-paragraph.tsx';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { findSitePage } from '../../../../platform/web/site-pages.ts';
import { trackForm } from '../track-forms.ts';
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
  /** After a guarded number's refusal: offer to e-mail the case's link to the address given with it. */
  offersLink?: boolean;
  /** What was done (the link was asked for), shown above the heading. */
  notice?: string | null;
}

/** "E-mail me the link": one button, the number as a hidden field. */
function TrackLinkForm(view: TrackFormView) {
  const { lang } = view;
  return (
    <>
      <h2 class="govuk-heading-m">{trackText(lang, 'linkHeading')}</h2>
      <p class="govuk-body">{trackText(lang, 'linkText')}</p>
      <PostForm
        action={localePath(lang, trackPaths.link)}
        csrfToken={view.csrfToken}
        submit={trackText(lang, 'linkSubmit')}
        isSecondary={true}
      >
        <input type="hidden" name="caseNumber" value={view.caseNumber} />
      </PostForm>
    </>
  );
}

export function TrackForm(view: TrackFormView) {
  const { lang, problems } = view;
  const control = textControls(trackForm, { lang, values: view, problems });
  const look = { labelClass: 'govuk-label--s', widthClass: 'govuk-input--width-10' };
  return (
    <PostForm
      action={localePath(lang, trackPaths.track)}
      csrfToken={view.csrfToken}
      submit={trackText(lang, 'submit')}
    >
      <TextInput
        {...control('caseNumber')}
        {...look}
        hint={trackText(lang, 'caseNumberHint')}
        inputMode="numeric"
      />
      <TextInput
        {...control('lookupCode')}
        {...look}
        hint={trackText(lang, 'lookupCodeHint')}
        autocapitalize="characters"
      />
    </PostForm>
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
        <SuccessBanner lang={lang} message={view.notice} />
        <h1 class="govuk-heading-xl">{page.title[lang]}</h1>
        <p class="govuk-body-l">{trackText(lang, 'lead')}</p>
        <TrackForm {...view} />
        {view.offersLink === true ? <TrackLinkForm {...view} /> : null}
        <p class="govuk-body">{trackText(lang, 'privacyNote')}</p>
        <h2 class="govuk-heading-m">{trackText(lang, 'noCodeHeading')}</h2>
        <p class="govuk-body">{trackText(lang, 'noCodeText')}</p>
        {/* The optional citizen account (src/modules/citizens): every case of one e-mail address. */}
        <p class="govuk-body">{trackText(lang, 'accountText')}</p>
        <LinkParagraph href={localePath(lang, '/account/sign-in')}>
          {trackText(lang, 'accountLink')}
        </LinkParagraph>
      </div>
    </div>
  );
}
