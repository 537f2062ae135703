import type { Choice } from '../../../platform/web/components/form-controls.tsx';
import {
  Radios,
  Select,
  SuccessBanner,
  TextArea,
  TextInput,
} from '../../../platform/web/components/form-controls.tsx';
import { FormPage, PostForm, textControls } from '../../../platform/web/components/form-page.tsx';
import type { FormProblems } from '../../../platform/web/components/form-problems.ts';
import { LinkParagraph } from '../../../platform/web/components/link-paragraph.tsx';
import type { Lang } from '../../../platform/web/i18n.ts';
import { codeForm, mailboxForm } from '../petition-forms.ts';
import { petitionText as text } from '../petition-messages.ts';

export interface MailboxPageProps {
  lang: Lang;
  csrfToken: string;
  action: string;
  title: string;
  lead: string;
  types: readonly Choice[];
  districts: readonly Choice[];
  values: Record<string, string>;
  problems: FormProblems;
  privacy: readonly string[];
}

/** The director's mailbox or the suggestion box: one page, every field, the §8 notice before the button. */
export function MailboxPage(props: MailboxPageProps) {
  const { lang } = props;
  const control = textControls(mailboxForm, props);
  return (
    <FormPage lang={lang} problems={props.problems} title={props.title} lead={props.lead}>
      <p class="govuk-inset-text" lang="en">
        {text('en', 'englishNote')}
      </p>
      <PostForm action={props.action} csrfToken={props.csrfToken} submit={text(lang, 'send')}>
        <Radios
          lang={lang}
          name="typeCode"
          legend={mailboxForm.labels.typeCode[lang]}
          choices={props.types}
          value={props.values.typeCode ?? ''}
          problems={props.problems}
        />
        <TextInput {...control('subject')} isOptional />
        <TextArea {...control('text')} rows={8} />
        <TextInput {...control('place')} hint={text(lang, 'placeHint')} isOptional />
        <Select
          lang={lang}
          name="districtCode"
          label={mailboxForm.labels.districtCode[lang]}
          choices={props.districts}
          blank={text(lang, 'districtNone')}
          value={props.values.districtCode ?? ''}
          problems={props.problems}
          isOptional
        />
        <TextInput {...control('name')} />
        <TextInput {...control('email')} hint={text(lang, 'contactHint')} isOptional />
        <TextInput {...control('phone')} isOptional />
        <TextInput {...control('address')} isOptional />
        <h2 class="govuk-heading-s">{text(lang, 'privacyTitle')}</h2>
        <ul class="govuk-list govuk-list--bullet govuk-body-s">
          {props.privacy.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </PostForm>
    </FormPage>
  );
}

/** The code's page: where it went (masked), one field. */
export function CodePage(props: {
  lang: Lang;
  csrfToken: string;
  action: string;
  contact: string;
  problems: FormProblems;
}) {
  const { lang } = props;
  const control = textControls(codeForm, { lang, values: {}, problems: props.problems });
  return (
    <FormPage
      lang={lang}
      problems={props.problems}
      title={text(lang, 'confirmTitle')}
      lead={text(lang, 'confirmLead', { contact: props.contact })}
    >
      <PostForm action={props.action} csrfToken={props.csrfToken} submit={text(lang, 'confirm')}>
        <TextInput {...control('code')} />
      </PostForm>
    </FormPage>
  );
}

/** Registered: the number and lookup code, the expected date, where to follow it. */
export function RegisteredPage(props: {
  lang: Lang;
  caseNumber: string;
  lookupCode: string;
  date: string;
  trackHref: string;
  isEmailed: boolean;
}) {
  const { lang } = props;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <div class="govuk-panel govuk-panel--confirmation">
          <h1 class="govuk-panel__title">{text(lang, 'registeredTitle')}</h1>
          <div class="govuk-panel__body">
            {text(lang, 'registeredLead', {
              caseNumber: props.caseNumber,
              lookupCode: props.lookupCode,
              date: props.date,
            })}
          </div>
        </div>
        {props.isEmailed ? <p class="govuk-body">{text(lang, 'registeredEmail')}</p> : null}
        <LinkParagraph href={props.trackHref}>{text(lang, 'registeredTrack')}</LinkParagraph>
      </div>
    </div>
  );
}

/** A submission that is gone (registered, expired, spent): say so and link back to the form. */
export function GonePage(props: { lang: Lang; message: string; formHref: string; title: string }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">{props.title}</h1>
        <SuccessBanner lang={props.lang} message={null} />
        <p class="govuk-body">{props.message}</p>
        <LinkParagraph href={props.formHref}>{props.title}</LinkParagraph>
      </div>
    </div>
  );
}
