import { formatByteSize } from '../../../platform/uploads/multipart.ts';
import { ChoiceQuestion } from '../../../platform/web/components/choice-question.tsx';
import { answerLimitOf, fieldLimits } from '../../../platform/web/components/field-limits.ts';
import {
  Button,
  CsrfField,
  choiceId,
  ErrorSummary,
  Fieldset,
  Radios,
  Select,
  TextArea,
  TextInput,
} from '../../../platform/web/components/form-controls.tsx';
import type { FormProblems } from '../../../platform/web/components/form-problems.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { findSitePage } from '../../../platform/web/site-pages.ts';
import { type FormField, formFieldWords } from '../../catalogue/index.ts';
import {
  answerInputId,
  answerInputName,
  honeypotInput,
  isOtherCategory,
  photosInput,
  type ReportCategory,
  type ReportFormValues,
} from '../report-form.ts';
import {
  type ReportFormTextKey,
  reportPhone,
  reportPrivacyNotice,
  reportFormText as text,
} from '../report-form-messages.ts';
import { maxReportPhotos } from '../report-intake.ts';
import { PhotoInput } from './photo-input.tsx';
import { CategoryIcon } from './report-category-icons.tsx';

/** What the page's map script needs, as data attributes (the CSP allows no inline script). */
export interface ReportMapSettings {
  tileUrl: string;
  tileAttribution: string;
  /** GET endpoint of the nearby open reports (JSON), in the page's language. */
  nearbyUrl: string;
  radiusMetres: number;
}

export interface DistrictChoice {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface ReportFormView {
  lang: Lang;
  categories: readonly ReportCategory[];
  districts: readonly DistrictChoice[];
  values: ReportFormValues;
  problems: FormProblems;
  /** The form's action; the CSRF token is the form's first field (read before any photo). */
  action: string;
  csrfToken: string;
  maxFileBytes: number;
  map: ReportMapSettings;
}

const pick = (lang: Lang, zh: string, en: string) => (lang === 'en' ? en : zh);

/** The form's fields typed as free text (the category's own questions are drawn by `Question`). */
type TextFieldName =
  | 'address'
  | 'latitude'
  | 'longitude'
  | 'applicantName'
  | 'applicantEmail'
  | 'applicantPhone';

/** Each free-text field's limit (field-limits.ts), as the form reads it: the control shows it. */
const reportTextLimits: Record<TextFieldName, number | undefined> = {
  address: fieldLimits.address,
  latitude: undefined,
  longitude: undefined,
  applicantName: fieldLimits.personName,
  applicantEmail: fieldLimits.email,
  applicantPhone: fieldLimits.phone,
};

/**
 * One of the form's free-text fields: value and problems from the view by the field's name, label and hint
 * from the page's texts, so each use says only what sets the field apart (type, autocomplete, width).
 */
function ReportTextInput(
  props: Omit<Parameters<typeof TextInput>[0], 'lang' | 'name' | 'label' | 'hint' | 'value' | 'problems'> & {
    view: ReportFormView;
    name: TextFieldName;
    label: ReportFormTextKey;
    hint?: ReportFormTextKey;
  },
) {
  const { view, name, label, hint, ...rest } = props;
  return (
    <TextInput
      {...rest}
      lang={view.lang}
      name={name}
      label={text(view.lang, label)}
      hint={hint === undefined ? undefined : text(view.lang, hint)}
      maxLength={reportTextLimits[name]}
      value={view.values[name]}
      problems={view.problems}
    />
  );
}

/** The kinds of problem as large choices, each with its icon, name and what it covers. */
function CategoryChoices({ view }: { view: ReportFormView }) {
  const { lang, categories, values, problems } = view;
  return (
    <Fieldset
      lang={lang}
      name="serviceCode"
      legend={<h2 class="govuk-fieldset__heading">{text(lang, 'categoryLegend')}</h2>}
      legendClass="govuk-fieldset__legend--m"
      hint={text(lang, 'categoryHint')}
      problems={problems}
    >
      <div class="govuk-radios ow-categories" data-module="govuk-radios">
        {categories.map((category, index) => {
          const id = choiceId('serviceCode', index);
          return (
            <div key={category.code} class="govuk-radios__item ow-category">
              <input
                class="govuk-radios__input"
                id={id}
                name="serviceCode"
                type="radio"
                value={category.code}
                checked={values.serviceCode === category.code}
                aria-describedby={`${id}-item-hint`}
              />
              <label class="govuk-label govuk-radios__label ow-category__label" for={id}>
                <CategoryIcon code={category.code} />
                <span class="ow-category__name">{pick(lang, category.nameZh, category.nameEn)}</span>
              </label>
              <div id={`${id}-item-hint`} class="govuk-hint govuk-radios__hint ow-category__hint">
                {pick(lang, category.summaryZh, category.summaryEn)}
              </div>
            </div>
          );
        })}
      </div>
      {/* Without a catch-all category in the catalogue, the page says where the rest goes. */}
      {categories.some(isOtherCategory) ? null : (
        <p class="govuk-body govuk-!-margin-top-4">{text(lang, 'notListed', { phone: reportPhone })}</p>
      )}
    </Fieldset>
  );
}

/** The map (shown by the page script), then the place without it: address, district, coordinates. */
function PlaceFields({ view }: { view: ReportFormView }) {
  const { lang, values, problems, map } = view;
  const say = (key: Parameters<typeof text>[1]) => text(lang, key);
  return (
    <>
      <h2 class="govuk-heading-m">{say('whereHeading')}</h2>
      <div
        class="ow-report-where"
        id="report-map-block"
        hidden
        data-tile-url={map.tileUrl}
        data-tile-attribution={map.tileAttribution}
        data-leaflet-base="/assets/build/leaflet/"
        data-nearby-url={map.nearbyUrl}
        data-radius={String(map.radiusMetres)}
        data-text-locating={say('locating')}
        data-text-location-failed={say('locationFailed')}
        data-text-pin-moved={say('pinMoved')}
        data-text-photo-place={say('photoPlace')}
        data-text-nearby-found={say('nearbyFound')}
        data-text-nearby-item={say('nearbyItem')}
        data-text-nearby-photo-alt={say('nearbyPhotoAlt')}
        data-text-pin-alt={say('pinAlt')}
        data-text-pin-nudged={say('pinNudged')}
        data-text-north={say('north')}
        data-text-south={say('south')}
        data-text-east={say('east')}
        data-text-west={say('west')}
      >
        <p class="govuk-hint" id="report-map-hint">
          {say('mapHint')}
        </p>
        <section
          class="ow-report-where__map"
          id="report-map"
          aria-label={say('mapLabel')}
          aria-describedby="report-map-hint"
        />
        <div class="ow-report-where__actions">
          <button
            type="button"
            class="govuk-button govuk-button--secondary"
            id="use-my-location"
            data-module="govuk-button"
            hidden
          >
            {say('useMyLocation')}
          </button>
          <button
            type="button"
            class="govuk-button govuk-button--secondary"
            id="use-photo-place"
            data-module="govuk-button"
            hidden
          >
            {say('usePhotoPlace')}
          </button>
        </div>
        <p class="govuk-body" id="report-map-status" role="status" aria-live="polite" />
        <div class="govuk-inset-text" id="report-nearby" role="status" hidden>
          <p class="govuk-body" id="report-nearby-text" />
          <ul class="govuk-list ow-report-nearby" id="report-nearby-list" />
        </div>
      </div>
      <p class="govuk-body">{say('placeAlternative')}</p>
      <ReportTextInput
        view={view}
        name="address"
        label="addressLabel"
        hint="addressHint"
        autocomplete="street-address"
      />
      <Select
        lang={lang}
        name="districtCode"
        label={say('districtLabel')}
        value={values.districtCode}
        blank={say('districtBlank')}
        choices={view.districts.map((district) => ({
          value: district.code,
          label: pick(lang, district.nameZh, district.nameEn),
        }))}
        problems={problems}
      />
      <Fieldset
        lang={lang}
        name="coordinates"
        legend={say('coordinatesLegend')}
        hint={say('coordinatesHint')}
        isOptional
      >
        <div class="ow-report-coordinates">
          {(['latitude', 'longitude'] as const).map((name) => (
            <ReportTextInput
              key={name}
              view={view}
              name={name}
              label={`${name}Label`}
              inputMode="decimal"
              widthClass="govuk-input--width-10"
            />
          ))}
        </div>
      </Fieldset>
    </>
  );
}

/** One of a category's own questions, as the kind of answer it wants. */
function Question(props: { view: ReportFormView; category: ReportCategory; question: FormField }) {
  const { view, category, question } = props;
  const { lang, problems } = view;
  const { label, hint, choices } = formFieldWords(question, lang);
  const common = {
    lang,
    id: answerInputId(category.code, question.id),
    name: answerInputName(category.code, question.id),
    isOptional: !question.isRequired,
    problems,
  };
  const value = view.values.answers[category.code]?.[question.id] ?? '';
  if (question.type === 'choice')
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
  if (question.type === 'text' && question.isMultiline === true)
    return (
      <TextArea
        {...common}
        label={label}
        hint={hint}
        maxLength={answerLimitOf(question)}
        value={value}
        rows={3}
      />
    );
  return (
    <TextInput
      {...common}
      label={label}
      hint={hint}
      maxLength={answerLimitOf(question)}
      value={value}
      inputMode={question.type === 'number' ? 'decimal' : undefined}
    />
  );
}

/**
 * Each category's questions in a group of its own: without JavaScript all are shown (each saying which
 * category it is for) and only the chosen category's answers are read; the page script shows the chosen
 * one's alone.
 */
function CategoryQuestions({ view }: { view: ReportFormView }) {
  const { lang } = view;
  return (
    <>
      {view.categories
        .filter((category) => category.questions.length > 0)
        .map((category) => (
          <div key={category.code} class="ow-report-questions" data-category={category.code}>
            <Fieldset
              lang={lang}
              name={`questions-${category.code}`}
              legend={text(lang, 'questionsLegend', {
                category: pick(lang, category.nameZh, category.nameEn),
              })}
              legendClass="govuk-fieldset__legend--s"
              hint={text(lang, 'questionsHint')}
            >
              {category.questions.map((question) => (
                <Question key={question.id} view={view} category={category} question={question} />
              ))}
            </Fieldset>
          </div>
        ))}
    </>
  );
}

function ContactFields({ view }: { view: ReportFormView }) {
  const { lang, values, problems } = view;
  const say = (key: Parameters<typeof text>[1]) => text(lang, key);
  return (
    <>
      <h2 class="govuk-heading-m">{say('contactHeading')}</h2>
      <p class="govuk-body">{say('contactLead')}</p>
      <ReportTextInput view={view} name="applicantName" label="nameLabel" isOptional autocomplete="name" />
      <ReportTextInput
        view={view}
        name="applicantEmail"
        type="email"
        label="emailLabel"
        isOptional
        autocomplete="email"
        inputMode="email"
      />
      <ReportTextInput
        view={view}
        name="applicantPhone"
        type="tel"
        label="phoneLabel"
        hint="phoneHint"
        isOptional
        autocomplete="tel"
        inputMode="tel"
        widthClass="govuk-input--width-20"
      />
      <Radios
        lang={lang}
        name="showName"
        legend={say('showNameLegend')}
        value={values.showName}
        choices={[
          { value: 'no', label: say('showNameNo') },
          { value: 'yes', label: say('showNameYes') },
        ]}
        problems={problems}
      />
      <details class="govuk-details">
        <summary class="govuk-details__summary">
          <span class="govuk-details__summary-text">{say('privacyHeading')}</span>
        </summary>
        <div class="govuk-details__text">
          <ul class="govuk-list govuk-list--bullet">
            {reportPrivacyNotice(lang).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      </details>
    </>
  );
}

/** Off-screen and hidden from assistive technology: a person never fills it in; a robot filling every field does. */
function Honeypot({ lang }: { lang: Lang }) {
  return (
    <div class="ow-report-honeypot" aria-hidden="true">
      <label for={honeypotInput}>{text(lang, 'honeypotLabel')}</label>
      <input type="text" id={honeypotInput} name={honeypotInput} value="" tabindex={-1} autocomplete="off" />
    </div>
  );
}

/** /report: category first, then where, photos, the category's questions, the description, who. */
export function ReportFormPage(view: ReportFormView) {
  const { lang, values, problems } = view;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary lang={lang} problems={problems} />
        <h1 class="govuk-heading-xl">{findSitePage('report').title[lang]}</h1>
        <p class="govuk-body-l">{text(lang, 'lead')}</p>
        <div class="govuk-warning-text">
          <span class="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong class="govuk-warning-text__text">{text(lang, 'urgent')}</strong>
        </div>
        <form
          method="post"
          action={view.action}
          enctype="multipart/form-data"
          novalidate
          class="ow-report-form"
          id="report-form"
        >
          <CsrfField token={view.csrfToken} />
          <CategoryChoices view={view} />
          <PlaceFields view={view} />
          <PhotoInput
            lang={lang}
            name={photosInput}
            label={text(lang, 'photosLabel')}
            isOptional
            hint={text(lang, 'photosHint', { max: maxReportPhotos, size: formatByteSize(view.maxFileBytes) })}
            problems={problems}
          />
          <CategoryQuestions view={view} />
          <TextArea
            lang={lang}
            name="description"
            label={text(lang, 'descriptionLabel')}
            labelClass="govuk-label--m"
            hint={text(lang, 'descriptionHint')}
            maxLength={fieldLimits.longText}
            value={values.description}
            rows={4}
            problems={problems}
          />
          <ContactFields view={view} />
          <Honeypot lang={lang} />
          <Button preventsDoubleClick>{text(lang, 'submit')}</Button>
        </form>
      </div>
      <script type="module" src="/assets/build/report-form.js" />
    </div>
  );
}
