import type { ComponentChildren } from 'preact';
import {
  Banner,
  Radios,
  SingleCheckbox,
  SuccessBanner,
  TextInput,
} from '../../../platform/web/components/form-controls.tsx';
import { FormPage, PostForm, textControls } from '../../../platform/web/components/form-page.tsx';
import type { FormProblems } from '../../../platform/web/components/form-problems.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { applicantForm, codeForm, contactForm } from '../application-forms.ts';
import { applicationText as text } from '../applications-messages.ts';

/** What every page of a draft shows around its form: the way back, which step of how many, the service. */
export interface StepView {
  lang: Lang;
  csrfToken: string;
  serviceName: string;
  /** 1-based, and the number of pages. */
  step: number;
  steps: number;
  action: string;
  /** The previous page (the start page for the first). */
  backHref: string;
  problems: FormProblems;
  /** A banner under the error summary: "the code was sent", "saved". */
  notice?: string | null;
}

/** The frame of a step: back link, the step's caption, then FormPage (error summary first) around the form. */
export function StepPage(props: {
  view: StepView;
  title: string;
  lead?: string;
  important?: string | null;
  children: ComponentChildren;
}) {
  const { view } = props;
  const { lang } = view;
  return (
    <>
      <a href={view.backHref} class="govuk-back-link">
        {text(lang, 'back')}
      </a>
      <FormPage
        lang={lang}
        problems={view.problems}
        title={props.title}
        lead={props.lead}
        notice={
          <>
            <SuccessBanner lang={lang} message={view.notice} />
            {props.important ? (
              <Banner lang={lang} kind="important" id="again-banner">
                <p class="govuk-notification-banner__heading">{props.important}</p>
              </Banner>
            ) : null}
            <span class="govuk-caption-l" id="step-caption">
              {view.serviceName} · {text(lang, 'stepOf', { step: view.step, total: view.steps })}
            </span>
          </>
        }
      >
        {props.children}
      </FormPage>
    </>
  );
}

export interface ApplicantPageValues {
  applicantType: string;
  applicantName: string;
  applicantCompany: string;
  applicantAddress: string;
  applicantPhone: string;
  consent: boolean;
}

/** (a) Who you are, and the 個資法 §8 notice with the consent. */
export function ApplicantPage(props: {
  view: StepView;
  values: ApplicantPageValues;
  privacyNotice: readonly string[];
  asksPhone: boolean;
}) {
  const { view, values } = props;
  const { lang } = view;
  const control = textControls(applicantForm, {
    lang,
    values: { ...values, consent: undefined },
    problems: view.problems,
  });
  return (
    <StepPage view={view} title={text(lang, 'applicantTitle')}>
      <PostForm action={view.action} csrfToken={view.csrfToken} submit={text(lang, 'continue')}>
        <Radios
          lang={lang}
          name="applicantType"
          legend={text(lang, 'applicantTypeLegend')}
          value={values.applicantType}
          problems={view.problems}
          choices={[
            { value: 'person', label: text(lang, 'applicantTypePerson') },
            { value: 'company', label: text(lang, 'applicantTypeCompany') },
          ]}
        />
        <TextInput
          {...control('applicantName')}
          hint={text(lang, 'applicantNameCompanyHint')}
          autocomplete="name"
        />
        <TextInput
          {...control('applicantCompany')}
          hint={text(lang, 'applicantCompanyHint')}
          autocomplete="organization"
          isOptional
        />
        <TextInput {...control('applicantAddress')} autocomplete="street-address" isOptional />
        <TextInput
          {...control('applicantPhone')}
          type="tel"
          autocomplete="tel"
          hint={text(lang, 'applicantPhoneHint')}
          isOptional={!props.asksPhone}
          widthClass="govuk-input--width-20"
        />
        <h2 class="govuk-heading-m" id="consent-heading">
          {text(lang, 'consentHeading')}
        </h2>
        <div class="govuk-inset-text" id="privacy-notice">
          <ul class="govuk-list govuk-list--bullet">
            {props.privacyNotice.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
        <SingleCheckbox
          lang={lang}
          name="consent"
          value="yes"
          label={text(lang, 'consentLabel')}
          isChecked={values.consent}
          problems={view.problems}
        />
      </PostForm>
    </StepPage>
  );
}

/** (b) How to reach the applicant: e-mail or a mobile for text messages; posting it sends the code. */
export function ContactPage(props: {
  view: StepView;
  values: { contactKind: string; email: string; mobile: string };
  important: string | null;
}) {
  const { view, values } = props;
  const { lang } = view;
  const control = textControls(contactForm, { lang, values, problems: view.problems });
  return (
    <StepPage
      view={view}
      title={text(lang, 'contactTitle')}
      lead={text(lang, 'contactLead')}
      important={props.important}
    >
      <PostForm action={view.action} csrfToken={view.csrfToken} submit={text(lang, 'sendCode')}>
        <Radios
          lang={lang}
          name="contactKind"
          legend={text(lang, 'contactKindLegend')}
          value={values.contactKind}
          problems={view.problems}
          choices={[
            { value: 'email', label: text(lang, 'contactKindEmail') },
            { value: 'mobile', label: text(lang, 'contactKindMobile') },
          ]}
        />
        <TextInput {...control('email')} type="email" autocomplete="email" spellcheck={false} />
        <TextInput
          {...control('mobile')}
          type="tel"
          autocomplete="tel"
          hint={text(lang, 'contactMobileHint')}
          widthClass="govuk-input--width-20"
        />
      </PostForm>
    </StepPage>
  );
}

/** (b) The code sent: enter it, or send a new one, or change the contact. */
export function CodePage(props: {
  view: StepView;
  /** The masked contact the code went to, and whether a code can be entered now. */
  contact: string;
  contactKind: string;
  hasCode: boolean;
  value: string;
  important: string | null;
  resendAction: string;
  contactHref: string;
}) {
  const { view } = props;
  const { lang } = view;
  const control = textControls(codeForm, { lang, values: { code: props.value }, problems: view.problems });
  const lead = !props.hasCode
    ? text(lang, 'codeLeadNone', { contact: props.contact })
    : text(lang, props.contactKind === 'mobile' ? 'codeLeadMobile' : 'codeLeadEmail', {
        contact: props.contact,
      });
  return (
    <StepPage view={view} title={text(lang, 'codeTitle')} lead={lead} important={props.important}>
      <PostForm action={view.action} csrfToken={view.csrfToken} submit={text(lang, 'codeButton')}>
        <TextInput
          {...control('code')}
          hint={text(lang, 'codeHint')}
          inputMode="numeric"
          autocomplete="one-time-code"
          spellcheck={false}
          widthClass="govuk-input--width-10"
        />
      </PostForm>
      <h2 class="govuk-heading-m">{text(lang, 'resendHeading')}</h2>
      <p class="govuk-body">{text(lang, 'resendLead')}</p>
      <PostForm
        action={props.resendAction}
        csrfToken={view.csrfToken}
        submit={text(lang, 'resendButton')}
        isSecondary
      />
      <p class="govuk-body">
        <a class="govuk-link" href={props.contactHref}>
          {text(lang, 'changeContact')}
        </a>
      </p>
    </StepPage>
  );
}
