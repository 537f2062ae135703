import type { FieldProblem } from '../../../../platform/http/errors.ts';
import { formatByteSize } from '../../../../platform/uploads/multipart.ts';
import { extensionsByMediaType } from '../../../../platform/uploads/sniff.ts';
import { telephoneHref } from '../../../../platform/web/contact-details.tsx';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import type { FormField, ServiceDetail } from '../../../catalogue/index.ts';
import { deadlineText } from '../../../catalogue/index.ts';
import { casePaths } from '../../core/case-paths.ts';
import {
  answerInputId,
  answerInputName,
  askedFields,
  type CounterFormValues,
  checklistInput,
  counterChannels,
  documentsInput,
  fileInputId,
  fileInputName,
  inputIdFor,
  messagesByInput,
} from '../counter-form.ts';
import { privacyNotice, counterText as text } from '../counter-messages.ts';
import {
  Checkboxes,
  ErrorSummary,
  FileInput,
  Radios,
  Select,
  TextArea,
  TextInput,
} from './counter-controls.tsx';

export interface DistrictChoice {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface CounterFormView {
  lang: Lang;
  service: ServiceDetail;
  values: CounterFormValues;
  problems: readonly FieldProblem[];
  districts: readonly DistrictChoice[];
  /** The form's action, with the CSRF token in the query (a multipart body is read after the check). */
  action: string;
  uploadLimits: { maxFileBytes: number; maxFiles: number };
  /** The refused form had files: say they must be chosen again (a browser never keeps them). */
  hadFiles: boolean;
}

/** What the file inputs offer to pick; the server still reads each file's type from its bytes. */
const acceptedFiles = [...new Set(Object.values(extensionsByMediaType).flat())]
  .map((ext) => `.${ext}`)
  .join(',');

function formatAmount(amountTwd: number, lang: Lang): string {
  if (amountTwd === 0) return text(lang, 'free');
  return text(lang, 'amount', { amount: amountTwd.toLocaleString('en-US') });
}

/** Step 2 of counter intake: one form for the applicant, the request, the documents and the consent. */
export function CounterFormPage(view: CounterFormView) {
  const { lang, service, values } = view;
  const pick = (zh: string, en: string) => (lang === 'en' ? en : zh);
  const byInput = messagesByInput(view.problems);
  const messagesOf = (id: string) => byInput.get(id);
  const serviceName = pick(service.nameZh, service.nameEn);
  const optional = text(lang, 'optional');
  const verified = new Set(
    service.checklist.filter((item) => item.isElectronicallyVerifiable).map((item) => item.id),
  );
  const ticked = new Set(values.checklist);
  const districtChoices = view.districts.map((district) => ({
    value: district.code,
    label: pick(district.nameZh, district.nameEn),
  }));

  const serviceField = (field: FormField) => {
    const label = pick(field.labelZh, field.labelEn);
    const hint = pick(field.hintZh ?? '', field.hintEn ?? '') || undefined;
    const common = {
      lang,
      id: answerInputId(field.id),
      name: answerInputName(field.id),
      label,
      optionalText: field.isRequired ? undefined : optional,
      messages: messagesOf(answerInputId(field.id)),
    };
    const value = values.answers[field.id] ?? '';
    switch (field.type) {
      case 'text':
        return field.isMultiline === true ? (
          <TextArea key={field.id} {...common} hint={hint} value={value} rows={4} />
        ) : (
          <TextInput key={field.id} {...common} hint={hint} value={value} />
        );
      case 'number':
        return (
          <TextInput
            key={field.id}
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
            key={field.id}
            {...common}
            hint={hint ?? text(lang, 'dateHint')}
            value={value}
            widthClass="govuk-input--width-10"
          />
        );
      case 'choice': {
        const choices = field.options.map((option) => ({
          value: option.value,
          label: pick(option.labelZh, option.labelEn),
        }));
        return choices.length <= 6 ? (
          <Radios key={field.id} {...common} legend={label} hint={hint} value={value} choices={choices} />
        ) : (
          <Select
            key={field.id}
            {...common}
            hint={hint}
            value={value}
            blank={text(lang, 'pickBlank')}
            choices={choices}
          />
        );
      }
      case 'location':
        return (
          <fieldset key={field.id} class="govuk-fieldset govuk-!-margin-bottom-6">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
              {label}
              {field.isRequired ? null : ` ${optional}`}
            </legend>
            {hint ? <div class="govuk-hint">{hint}</div> : null}
            <Select
              lang={lang}
              id="districtCode"
              name="districtCode"
              label={text(lang, 'districtLabel')}
              optionalText={optional}
              value={values.districtCode}
              blank={text(lang, 'districtBlank')}
              choices={districtChoices}
              messages={messagesOf('districtCode')}
            />
            <TextInput
              lang={lang}
              id="address"
              name="address"
              label={text(lang, 'addressLabel')}
              optionalText={field.isRequired ? undefined : optional}
              value={values.address}
              messages={messagesOf('address')}
              autocomplete="off"
            />
          </fieldset>
        );
      case 'file':
        return (
          <FileInput
            key={field.id}
            lang={lang}
            id={fileInputId(field.id)}
            name={fileInputName(field.id)}
            label={label}
            optionalText={optional}
            hint={hint ?? text(lang, 'fileFieldHint')}
            isMultiple
            accept={acceptedFiles}
            messages={messagesOf(fileInputId(field.id))}
          />
        );
    }
  };

  return (
    <>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-full">
          <ErrorSummary
            lang={lang}
            problems={view.problems.map((problem) => ({
              inputId: inputIdFor(problem.field),
              message: problem.message,
            }))}
          />
          {view.hadFiles && view.problems.length > 0 ? (
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
            <Radios
              lang={lang}
              id="channel"
              name="channel"
              legend={text(lang, 'channelLegend')}
              value={values.channel}
              isInline
              choices={counterChannels.map((channel) => ({
                value: channel,
                label: text(lang, `channel_${channel}`),
              }))}
              messages={messagesOf('channel')}
            />

            <h2 class="govuk-heading-m">{text(lang, 'applicantHeading')}</h2>
            <Radios
              lang={lang}
              id="applicantType"
              name="applicantType"
              legend={text(lang, 'applicantTypeLegend')}
              value={values.applicantType}
              isInline
              choices={[
                { value: 'person', label: text(lang, 'applicantType_person') },
                { value: 'company', label: text(lang, 'applicantType_company') },
              ]}
              messages={messagesOf('applicantType')}
            />
            <TextInput
              lang={lang}
              id="applicantName"
              name="applicantName"
              label={text(lang, 'applicantName')}
              hint={text(lang, 'applicantNameHint')}
              value={values.applicantName}
              autocomplete="off"
              widthClass="govuk-!-width-two-thirds"
              messages={messagesOf('applicantName')}
            />
            <TextInput
              lang={lang}
              id="applicantCompany"
              name="applicantCompany"
              label={text(lang, 'applicantCompany')}
              hint={text(lang, 'applicantCompanyHint')}
              optionalText={optional}
              value={values.applicantCompany}
              messages={messagesOf('applicantCompany')}
            />
            <TextInput
              lang={lang}
              id="applicantPhone"
              name="applicantPhone"
              type="tel"
              label={text(lang, 'applicantPhone')}
              hint={text(lang, 'applicantPhoneHint')}
              value={values.applicantPhone}
              inputMode="tel"
              widthClass="govuk-input--width-20"
              messages={messagesOf('applicantPhone')}
            />
            <TextInput
              lang={lang}
              id="applicantEmail"
              name="applicantEmail"
              type="email"
              label={text(lang, 'applicantEmail')}
              hint={text(lang, 'applicantEmailHint')}
              value={values.applicantEmail}
              inputMode="email"
              messages={messagesOf('applicantEmail')}
            />
            <TextInput
              lang={lang}
              id="applicantAddress"
              name="applicantAddress"
              label={text(lang, 'applicantAddress')}
              optionalText={optional}
              value={values.applicantAddress}
              messages={messagesOf('applicantAddress')}
            />
            <Radios
              lang={lang}
              id="applicantLang"
              name="applicantLang"
              legend={text(lang, 'applicantLangLegend')}
              value={values.applicantLang}
              isInline
              choices={[
                { value: 'zh-TW', label: text(lang, 'applicantLang_zh') },
                { value: 'en', label: text(lang, 'applicantLang_en') },
              ]}
              messages={messagesOf('applicantLang')}
            />

            <h2 class="govuk-heading-m">{text(lang, 'requestHeading')}</h2>
            <TextInput
              lang={lang}
              id="subject"
              name="subject"
              label={text(lang, 'subject')}
              hint={text(lang, 'subjectHint', { service: serviceName })}
              optionalText={optional}
              value={values.subject}
              messages={messagesOf('subject')}
            />
            <TextArea
              lang={lang}
              id="description"
              name="description"
              label={text(lang, 'description')}
              hint={text(lang, 'descriptionHint')}
              value={values.description}
              rows={5}
              messages={messagesOf('description')}
            />
            {askedFields(service.formFields).map(serviceField)}

            <h2 class="govuk-heading-m">{text(lang, 'checklistHeading')}</h2>
            {service.checklist.length === 0 ? (
              <p class="govuk-body">{text(lang, 'noChecklist')}</p>
            ) : (
              <Checkboxes
                lang={lang}
                id={checklistInput}
                name={checklistInput}
                legend={text(lang, 'checklistLegend')}
                hint={text(lang, 'checklistHint')}
                messages={messagesOf(checklistInput)}
                choices={service.checklist.map((item) => ({
                  value: item.id,
                  label: `${pick(item.nameZh, item.nameEn)}${item.isRequired ? '' : ` ${text(lang, 'checklistOptional')}`}`,
                  hint: verified.has(item.id)
                    ? text(lang, 'checklistVerified')
                    : pick(item.explanationZh, item.explanationEn),
                  isChecked: verified.has(item.id) || ticked.has(item.id),
                  // The case records electronically checked items by itself (openCase): nothing to tick.
                  isDisabled: verified.has(item.id),
                }))}
              />
            )}
            <FileInput
              lang={lang}
              id={documentsInput}
              name={documentsInput}
              label={text(lang, 'documentsLabel')}
              optionalText={optional}
              hint={text(lang, 'documentsHint', {
                size: formatByteSize(view.uploadLimits.maxFileBytes),
                count: view.uploadLimits.maxFiles,
              })}
              isMultiple
              accept={acceptedFiles}
              messages={messagesOf(documentsInput)}
            />

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
              id="consent"
              name="consent"
              legend={text(lang, 'consentLegend')}
              messages={messagesOf('consent')}
              choices={[{ value: 'yes', label: text(lang, 'consentLabel'), isChecked: values.consent }]}
            />

            <button
              type="submit"
              class="govuk-button"
              data-module="govuk-button"
              data-prevent-double-click="true"
            >
              {text(lang, 'submitButton')}
            </button>
          </form>
          <p class="govuk-body">
            <a class="govuk-link" href={localePath(lang, casePaths.counter)}>
              {text(lang, 'changeService')}
            </a>
          </p>
        </div>

        <aside class="govuk-grid-column-one-third" aria-labelledby="service-aside-heading">
          <div class="ow-counter-aside">
            <h2 class="govuk-heading-s" id="service-aside-heading">
              {text(lang, 'aboutService')}
            </h2>
            <dl
              class="govuk-summary-list govuk-summary-list--no-border ow-counter-aside__list"
              id="service-facts"
            >
              <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">{text(lang, 'aboutService')}</dt>
                <dd class="govuk-summary-list__value">
                  {text(lang, 'serviceVersion', { name: serviceName, version: service.version })}
                </dd>
              </div>
              <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">{text(lang, 'unitLabel')}</dt>
                <dd class="govuk-summary-list__value">
                  {pick(service.unit.nameZh, service.unit.nameEn)}
                  <br />
                  <a class="govuk-link" href={telephoneHref(service.unit.phone)}>
                    {service.unit.phone}
                  </a>
                </dd>
              </div>
              <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">{text(lang, 'deadlineLabel')}</dt>
                <dd class="govuk-summary-list__value" id="service-deadline">
                  {deadlineText(service.deadline, lang)}
                </dd>
              </div>
              <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">{text(lang, 'feesLabel')}</dt>
                <dd class="govuk-summary-list__value" id="service-fees">
                  <ul class="govuk-list">
                    {service.fees.map((fee) => (
                      <li key={fee.labelEn}>
                        {pick(fee.labelZh, fee.labelEn)}
                        {pick('：', ': ')}
                        {formatAmount(fee.amountTwd, lang)}
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            </dl>
            <p class="govuk-body-s">
              <a
                class="govuk-link"
                href={localePath(lang, `/services/${service.code}`)}
                target="_blank"
                rel="noopener"
              >
                {text(lang, 'startPageLink')}
              </a>
            </p>
          </div>
        </aside>
      </div>
    </>
  );
}
