import { formatByteSize } from '../../../../platform/uploads/multipart.ts';
import { extensionsByMediaType } from '../../../../platform/uploads/sniff.ts';
import { ChoiceQuestion } from '../../../../platform/web/components/choice-question.tsx';
import { answerLimitOf } from '../../../../platform/web/components/field-limits.ts';
import {
  Button,
  Checkboxes,
  CsrfField,
  ErrorSummary,
  Fieldset,
  FileInput,
  Radios,
  Select,
  TextArea,
  TextInput,
} from '../../../../platform/web/components/form-controls.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { LinkParagraph } from '../../../../platform/web/components/link-paragraph.tsx';
import { OnceField } from '../../../../platform/web/components/once-field.tsx';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { type FormField, formFieldWords, type ServiceDetail } from '../../../catalogue/index.ts';
import {
  answerInputId,
  answerInputName,
  askedFields,
  type CounterFormValues,
  checklistInput,
  counterChannels,
  counterFieldLimits,
  documentsInput,
  fileInputId,
  fileInputName,
} from '../counter-form.ts';
import { privacyNotice, counterText as text } from '../counter-messages.ts';
import { counterPaths } from '../counter-paths.ts';
import { ServiceAside } from './counter-service-aside.tsx';

export interface DistrictChoice {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface CounterFormView {
  lang: Lang;
  service: ServiceDetail;
  values: CounterFormValues;
  problems: FormProblems;
  districts: readonly DistrictChoice[];
  /** The form's action: no token in it (issue 14); the token is the form's first field. */
  action: string;
  csrfToken: string;
  uploadLimits: { maxFileBytes: number; maxFiles: number };
  /** The refused form had files: say they must be chosen again (a browser never keeps them). */
  hadFiles: boolean;
  /** The form's one-time token: a second post of this form shows the case the first one opened. */
  onceToken: string;
}

/** What the file inputs offer to pick; the server still reads each file's type from its bytes. */
const acceptedFiles = [...new Set(Object.values(extensionsByMediaType).flat())]
  .map((ext) => `.${ext}`)
  .join(',');

/** One of the service's own questions, as the kind of answer it wants. */
function ServiceField({ view, field }: { view: CounterFormView; field: FormField }) {
  const { lang, values, problems } = view;
  const { label, hint, choices } = formFieldWords(field, lang);
  const common = {
    lang,
    id: answerInputId(field.id),
    name: answerInputName(field.id),
    isOptional: !field.isRequired,
    problems,
  };
  const value = values.answers[field.id] ?? '';
  const maxLength = answerLimitOf(field);
  switch (field.type) {
    case 'text':
      return field.isMultiline === true ? (
        <TextArea {...common} label={label} hint={hint} value={value} rows={4} maxLength={maxLength} />
      ) : (
        <TextInput {...common} label={label} hint={hint} value={value} maxLength={maxLength} />
      );
    case 'number':
      return (
        <TextInput
          {...common}
          label={lang === 'zh-TW' && field.unitZh ? `${label}（${field.unitZh}）` : label}
          hint={hint ?? text(lang, 'numberHint')}
          value={value}
          inputMode="decimal"
          widthClass="govuk-input--width-10"
        />
      );
    case 'date':
      return (
        <TextInput
          {...common}
          label={label}
          hint={hint ?? text(lang, 'dateHint')}
          value={value}
          widthClass="govuk-input--width-10"
        />
      );
    case 'choice':
      return (
        <ChoiceQuestion
          {...common}
          label={label}
          hint={hint}
          value={value}
          blank={text(lang, 'pickBlank')}
          choices={choices}
        />
      );
    case 'location':
      return (
        <Fieldset
          lang={lang}
          name={`place-${field.id}`}
          legend={label}
          hint={hint}
          isOptional={!field.isRequired}
        >
          <Select
            lang={lang}
            name="districtCode"
            label={text(lang, 'districtLabel')}
            isOptional
            value={values.districtCode}
            blank={text(lang, 'districtBlank')}
            choices={view.districts.map((district) => ({
              value: district.code,
              label: lang === 'en' ? district.nameEn : district.nameZh,
            }))}
            problems={problems}
          />
          <TextInput
            lang={lang}
            name="address"
            label={text(lang, 'addressLabel')}
            isOptional={!field.isRequired}
            value={values.address}
            problems={problems}
            maxLength={counterFieldLimits.address}
          />
        </Fieldset>
      );
    case 'file':
      return (
        <FileInput
          {...common}
          id={fileInputId(field.id)}
          name={fileInputName(field.id)}
          label={label}
          isOptional
          hint={hint ?? text(lang, 'fileFieldHint')}
          isMultiple
          accept={acceptedFiles}
        />
      );
  }
}

/** A short choice on one line (how it came in, who applies, which language). */
function InlineRadios(props: {
  view: CounterFormView;
  name: 'channel' | 'applicantType' | 'applicantLang';
  legend: string;
  choices: { value: string; label: string }[];
}) {
  const { lang, values, problems } = props.view;
  return (
    <Radios
      lang={lang}
      name={props.name}
      legend={props.legend}
      value={values[props.name]}
      isInline
      choices={props.choices}
      problems={problems}
    />
  );
}

function ApplicantFields({ view }: { view: CounterFormView }) {
  const { lang, values, problems } = view;
  const input = (
    name: 'applicantName' | 'applicantCompany' | 'applicantPhone' | 'applicantEmail' | 'applicantAddress',
  ) => ({
    lang,
    name,
    label: text(lang, name),
    value: values[name],
    problems,
    maxLength: counterFieldLimits[name],
  });
  return (
    <>
      <h2 class="govuk-heading-m">{text(lang, 'applicantHeading')}</h2>
      <InlineRadios
        view={view}
        name="applicantType"
        legend={text(lang, 'applicantTypeLegend')}
        choices={[
          { value: 'person', label: text(lang, 'applicantType_person') },
          { value: 'company', label: text(lang, 'applicantType_company') },
        ]}
      />
      <TextInput
        {...input('applicantName')}
        hint={text(lang, 'applicantNameHint')}
        widthClass="govuk-!-width-two-thirds"
      />
      <TextInput {...input('applicantCompany')} hint={text(lang, 'applicantCompanyHint')} isOptional />
      <TextInput
        {...input('applicantPhone')}
        type="tel"
        hint={text(lang, 'applicantPhoneHint')}
        inputMode="tel"
        widthClass="govuk-input--width-20"
      />
      <TextInput
        {...input('applicantEmail')}
        type="email"
        hint={text(lang, 'applicantEmailHint')}
        inputMode="email"
      />
      <TextInput {...input('applicantAddress')} isOptional />
      <InlineRadios
        view={view}
        name="applicantLang"
        legend={text(lang, 'applicantLangLegend')}
        choices={[
          { value: 'zh-TW', label: text(lang, 'applicantLang_zh') },
          { value: 'en', label: text(lang, 'applicantLang_en') },
        ]}
      />
    </>
  );
}

function DocumentFields({ view }: { view: CounterFormView }) {
  const { lang, service, values, problems } = view;
  const pick = (zh: string, en: string) => (lang === 'en' ? en : zh);
  const verified = new Set(
    service.checklist.filter((item) => item.isElectronicallyVerifiable).map((item) => item.id),
  );
  return (
    <>
      <h2 class="govuk-heading-m">{text(lang, 'checklistHeading')}</h2>
      {service.checklist.length === 0 ? (
        <p class="govuk-body">{text(lang, 'noChecklist')}</p>
      ) : (
        <Checkboxes
          lang={lang}
          name={checklistInput}
          legend={text(lang, 'checklistLegend')}
          hint={text(lang, 'checklistHint')}
          problems={problems}
          // The case records electronically checked items by itself (openCase): nothing to tick.
          checked={[...verified, ...values.checklist]}
          choices={service.checklist.map((item) => ({
            value: item.id,
            label: `${pick(item.nameZh, item.nameEn)}${item.isRequired ? '' : ` ${text(lang, 'checklistOptional')}`}`,
            hint: verified.has(item.id)
              ? text(lang, 'checklistVerified')
              : pick(item.explanationZh, item.explanationEn),
            isDisabled: verified.has(item.id),
          }))}
        />
      )}
      <FileInput
        lang={lang}
        name={documentsInput}
        label={text(lang, 'documentsLabel')}
        isOptional
        hint={text(lang, 'documentsHint', {
          size: formatByteSize(view.uploadLimits.maxFileBytes),
          count: view.uploadLimits.maxFiles,
        })}
        isMultiple
        accept={acceptedFiles}
        problems={problems}
      />
    </>
  );
}

function ConsentFields({ view }: { view: CounterFormView }) {
  const { lang } = view;
  return (
    <>
      <h2 class="govuk-heading-m" id="consent-heading">
        {text(lang, 'consentHeading')}
      </h2>
      <p class="govuk-body">{text(lang, 'consentLead')}</p>
      <div class="govuk-inset-text" id="privacy-notice">
        <ul class="govuk-list govuk-list--bullet">
          {privacyNotice(lang).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </div>
      <Checkboxes
        lang={lang}
        name="consent"
        legend={text(lang, 'consentLegend')}
        problems={view.problems}
        checked={view.values.consent ? ['yes'] : []}
        choices={[{ value: 'yes', label: text(lang, 'consentLabel') }]}
      />
    </>
  );
}

/** Step 2 of counter intake: one form for the applicant, the request, the documents and the consent. */
export function CounterFormPage(view: CounterFormView) {
  const { lang, service, values, problems } = view;
  const serviceName = lang === 'en' ? service.nameEn : service.nameZh;
  return (
    <>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-full">
          <ErrorSummary lang={lang} problems={problems} />
          {view.hadFiles && problems.hasAny ? (
            <div class="govuk-warning-text">
              <span class="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong class="govuk-warning-text__text">{text(lang, 'filesNotKept')}</strong>
            </div>
          ) : null}
          <h1 class="govuk-heading-l">{text(lang, 'formTitle', { service: serviceName })}</h1>
        </div>
      </div>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <p class="govuk-body">{text(lang, 'formLead')}</p>
          <form method="post" action={view.action} enctype="multipart/form-data" novalidate>
            {/* First: the multipart reader checks the token before it reads any file (ADR 0004). */}
            <CsrfField token={view.csrfToken} />
            <OnceField token={view.onceToken} />
            <InlineRadios
              view={view}
              name="channel"
              legend={text(lang, 'channelLegend')}
              choices={counterChannels.map((channel) => ({
                value: channel,
                label: text(lang, `channel_${channel}`),
              }))}
            />
            <ApplicantFields view={view} />
            <h2 class="govuk-heading-m">{text(lang, 'requestHeading')}</h2>
            <TextInput
              lang={lang}
              name="subject"
              label={text(lang, 'subject')}
              hint={text(lang, 'subjectHint', { service: serviceName })}
              isOptional
              value={values.subject}
              problems={problems}
              maxLength={counterFieldLimits.subject}
            />
            <TextArea
              lang={lang}
              name="description"
              label={text(lang, 'description')}
              hint={text(lang, 'descriptionHint')}
              value={values.description}
              rows={5}
              problems={problems}
              maxLength={counterFieldLimits.description}
            />
            {askedFields(service.formFields).map((field) => (
              <ServiceField key={field.id} view={view} field={field} />
            ))}
            <DocumentFields view={view} />
            <ConsentFields view={view} />
            <Button preventsDoubleClick>{text(lang, 'submitButton')}</Button>
          </form>
          <LinkParagraph href={localePath(lang, counterPaths.counter)}>
            {text(lang, 'changeService')}
          </LinkParagraph>
        </div>
        <ServiceAside lang={lang} service={service} />
      </div>
    </>
  );
}
