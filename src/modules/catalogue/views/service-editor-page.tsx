import type { ComponentChildren } from 'preact';
import { csrfFieldName } from '../../../platform/http/csrf.ts';
import type { ServiceClassification } from '../../../platform/reference/service-classification.ts';
import type { BureauUnit } from '../../../platform/reference/units.ts';
import { formatPageDateTime } from '../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../platform/web/i18n.ts';
import {
  blankChecklistRow,
  blankFeeRow,
  blankFieldRow,
  blankStepRow,
  type ServiceForm,
  type ShownProblem,
} from '../catalogue-admin-form.ts';
import { type CatalogueAdminTextKey, catalogueAdminText as text } from '../catalogue-admin-messages.ts';
import { type FormFieldType, formFieldTypes, type ServiceKind, serviceKinds } from '../catalogue-schemas.ts';
import type { ServiceVersionRow } from '../catalogue-service.ts';
import {
  Checkbox,
  CheckboxGroup,
  type Choice,
  ErrorSummary,
  problemsByInput,
  Radios,
  Select,
  SuccessBanner,
  TextArea,
  TextInput,
  wholeFormAnchor,
} from './admin-form-controls.tsx';

/** The editors' URLs (bare: `localePath` gives the English ones). */
export const catalogueAdminPaths = {
  list: '/staff/catalogue',
  create: '/staff/catalogue/new',
  edit: (code: string) => `/staff/catalogue/${encodeURIComponent(code)}/edit`,
  api: '/api/staff/services',
} as const;

/** 「民國115年3月2日 10:00」 / "2 March 2026 10:00", in Taipei time (ADR 0006). */
export function formatPublishedAt(lang: Lang, date: Date): string {
  return formatPageDateTime(lang, date);
}

export const kindLabels: Record<ServiceKind, CatalogueAdminTextKey> = {
  application: 'kindApplication',
  field_report: 'kindFieldReport',
  petition: 'kindPetition',
  inquiry: 'kindInquiry',
};

export const fieldTypeLabels: Record<FormFieldType, CatalogueAdminTextKey> = {
  text: 'typeText',
  number: 'typeNumber',
  date: 'typeDate',
  choice: 'typeChoice',
  file: 'typeFile',
  location: 'typeLocation',
};

export interface CurrentVersionInfo {
  code: string;
  nameZh: string;
  nameEn: string;
  version: number;
  publishedAt: Date;
  publishedBy: string;
}

export interface ServiceEditorPageProps {
  lang: Lang;
  csrfToken: string;
  /** Editing: the current version and every version; creating: null. */
  current: CurrentVersionInfo | null;
  history: readonly ServiceVersionRow[];
  form: ServiceForm;
  /** The version the editor is working from (0 when creating): a newer one is reported, not replaced. */
  baseVersion: number;
  blankRows: number;
  problems: readonly ShownProblem[];
  notice: string | null;
  units: readonly BureauUnit[];
  classifications: readonly ServiceClassification[];
}

/** The texts that come as a pair, `${label}Zh` and `${label}En`: the labels of a text in both languages. */
type BilingualLabel = {
  [Key in CatalogueAdminTextKey]: Key extends `${infer Label}Zh`
    ? `${Label}En` extends CatalogueAdminTextKey
      ? Label
      : never
    : never;
}[CatalogueAdminTextKey];

/** Inputs whose value is in the other language than the page get a `lang`, so screen readers say them right. */
function valueLangs(lang: Lang) {
  return { zh: lang === 'en' ? 'zh-Hant-TW' : undefined, en: lang === 'en' ? undefined : 'en' };
}

/** `/staff/catalogue/new` and `/staff/catalogue/:code/edit`: one plain form for the whole definition. */
export function ServiceEditorPage(props: ServiceEditorPageProps) {
  const { lang, form, current } = props;
  const problems = problemsByInput(props.problems);
  const action = localePath(
    lang,
    current === null ? catalogueAdminPaths.create : catalogueAdminPaths.edit(current.code),
  );
  const title =
    current === null
      ? text(lang, 'createTitle')
      : text(lang, 'editTitle', { name: lang === 'en' ? current.nameEn : current.nameZh });
  const name = (item: { nameZh: string; nameEn: string | null }) =>
    lang === 'en' ? (item.nameEn ?? item.nameZh) : item.nameZh;
  const unitChoices: Choice[] = props.units.map((unit) => ({ value: unit.code, text: name(unit) }));
  if (form.unitCode !== '' && !unitChoices.some((choice) => choice.value === form.unitCode)) {
    // A version naming a unit that no longer exists keeps it visible (the validator explains the problem).
    unitChoices.push({ value: form.unitCode, text: text(lang, 'inactiveUnit', { name: form.unitCode }) });
  }
  const classificationChoices: Choice[] = props.classifications.map((classification) => ({
    value: classification.code,
    text: `${classification.code} ${name(classification)}`,
  }));
  const section = (id: string, key: CatalogueAdminTextKey) => (
    <h2 class="govuk-heading-m" id={`section-${id}`}>
      {text(lang, key)}
    </h2>
  );
  const common = { lang, problems };
  const langs = valueLangs(lang);
  /**
   * One text in both languages, side by side: the inputs `${name}Zh` and `${name}En`, labelled by the
   * texts `${label}Zh` and `${label}En`; text areas when `rows` is given.
   */
  const bilingual = (
    name: string,
    label: BilingualLabel,
    [zh, en]: readonly [string, string],
    { rows, ...options }: { hint?: string; isOptional?: boolean; rows?: number } = {},
  ) => {
    const input = (suffix: 'Zh' | 'En', value: string, valueLang: string | undefined) => {
      const props = {
        ...common,
        ...options,
        name: `${name}${suffix}`,
        label: text(lang, `${label}${suffix}`),
      };
      return rows === undefined ? (
        <TextInput {...props} value={value} valueLang={valueLang} />
      ) : (
        <TextArea {...props} value={value} rows={rows} valueLang={valueLang} />
      );
    };
    return <Pair zh={input('Zh', zh, langs.zh)} en={input('En', en, langs.en)} />;
  };
  return (
    <>
      <ErrorSummary lang={lang} problems={props.problems} />
      {props.notice !== null && props.problems.length === 0 ? (
        <SuccessBanner lang={lang} message={props.notice} />
      ) : null}
      <h1 class="govuk-heading-l">{title}</h1>
      {current === null ? (
        <p class="govuk-body">{text(lang, 'createLead')}</p>
      ) : (
        <>
          <p class="govuk-body">
            {text(lang, 'editLead', {
              version: current.version,
              date: formatPublishedAt(lang, current.publishedAt),
              by: current.publishedBy,
              next: current.version + 1,
            })}
          </p>
          <p class="govuk-body">
            <a class="govuk-link" href={localePath(lang, `/services/${encodeURIComponent(current.code)}`)}>
              {text(lang, 'viewPublic')}
            </a>
          </p>
        </>
      )}

      <form method="post" action={action} novalidate>
        <input type="hidden" name={csrfFieldName} value={props.csrfToken} />
        <input type="hidden" name="baseVersion" value={String(props.baseVersion)} />
        <input type="hidden" name="blankRows" value={String(props.blankRows)} />

        {section('basics', 'sectionBasics')}
        {current === null ? (
          <TextInput
            {...common}
            name="code"
            label={text(lang, 'code')}
            hint={text(lang, 'codeHint')}
            value={form.code}
            widthClass="govuk-input--width-20"
            spellcheck={false}
            valueLang="en"
          />
        ) : (
          <dl class="govuk-summary-list govuk-summary-list--no-border">
            <div class="govuk-summary-list__row">
              <dt class="govuk-summary-list__key">{text(lang, 'code')}</dt>
              <dd class="govuk-summary-list__value">
                <code lang="en">{current.code}</code>
              </dd>
            </div>
          </dl>
        )}
        {bilingual('name', 'name', [form.nameZh, form.nameEn])}
        {bilingual('summary', 'summary', [form.summaryZh, form.summaryEn], {
          hint: text(lang, 'summaryHint'),
          rows: 2,
        })}
        {bilingual('description', 'description', [form.descriptionZh, form.descriptionEn], { rows: 5 })}
        <Radios
          {...common}
          name="kind"
          label={text(lang, 'kind')}
          value={form.kind}
          isInline
          choices={serviceKinds.map((kind) => ({ value: kind, text: text(lang, kindLabels[kind]) }))}
        />
        <CheckboxGroup legend={text(lang, 'demoLegend')}>
          <Checkbox name="isDemo" label={text(lang, 'isDemo')} isChecked={form.isDemo} />
        </CheckboxGroup>

        {section('unit', 'sectionUnit')}
        <Select
          {...common}
          name="unitCode"
          label={text(lang, 'unitCode')}
          value={form.unitCode}
          choices={unitChoices}
          blank={text(lang, 'chooseOption')}
        />
        <Select
          {...common}
          name="serviceClassificationCode"
          label={text(lang, 'serviceClassification')}
          value={form.serviceClassificationCode}
          choices={classificationChoices}
          blank={text(lang, 'chooseOption')}
        />
        <Pair
          zh={
            <TextInput
              {...common}
              name="themeClassificationCode"
              label={text(lang, 'themeClassification')}
              isOptional
              value={form.themeClassificationCode}
              widthClass="govuk-input--width-10"
              spellcheck={false}
            />
          }
          en={
            <TextInput
              {...common}
              name="administrativeClassificationCode"
              label={text(lang, 'administrativeClassification')}
              isOptional
              value={form.administrativeClassificationCode}
              widthClass="govuk-input--width-10"
              spellcheck={false}
            />
          }
        />
        <CheckboxGroup legend={text(lang, 'onlineLegend')}>
          <Checkbox name="isOnline" label={text(lang, 'isOnline')} isChecked={form.isOnline} />
        </CheckboxGroup>

        {section('deadline', 'sectionDeadline')}
        <Radios
          {...common}
          name="deadline.kind"
          label={text(lang, 'deadlineKind')}
          value={form.deadlineKind}
          choices={[
            { value: 'working_days', text: text(lang, 'deadlineWorkingDays') },
            { value: 'hours', text: text(lang, 'deadlineHours') },
          ]}
        />
        <TextInput
          {...common}
          name="deadline.amount"
          label={text(lang, 'deadlineAmount')}
          value={form.deadlineAmount}
          widthClass="govuk-input--width-4"
          inputMode="numeric"
          spellcheck={false}
        />

        {section('checklist', 'sectionChecklist')}
        <p class="govuk-hint">{text(lang, 'blankRowsHint')}</p>
        {[...form.checklist, ...blanks(props.blankRows, blankChecklistRow)].map((row, index) => {
          const at = (field: string) => `checklist.${index}.${field}`;
          return (
            <Row key={at('')} legend={text(lang, 'checklistItem', { n: index + 1 })}>
              <TextInput
                {...common}
                name={at('id')}
                label={text(lang, 'itemId')}
                hint={text(lang, 'itemIdHint')}
                value={row.id}
                widthClass="govuk-input--width-20"
                spellcheck={false}
                valueLang="en"
              />
              {bilingual(at('name'), 'itemName', [row.nameZh, row.nameEn])}
              {bilingual(at('explanation'), 'explanation', [row.explanationZh, row.explanationEn], {
                rows: 2,
              })}
              <div class="govuk-form-group">
                <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                  <Checkbox
                    name={at('isRequired')}
                    label={text(lang, 'isRequired')}
                    isChecked={row.isRequired}
                  />
                  <Checkbox
                    name={at('isElectronicallyVerifiable')}
                    label={text(lang, 'isElectronicallyVerifiable')}
                    isChecked={row.isElectronicallyVerifiable}
                  />
                </div>
              </div>
            </Row>
          );
        })}

        {section('fees', 'sectionFees')}
        <p class="govuk-hint">{text(lang, 'blankRowsHint')}</p>
        {[...form.fees, ...blanks(props.blankRows, blankFeeRow)].map((row, index) => {
          const at = (field: string) => `fees.${index}.${field}`;
          return (
            <Row key={at('')} legend={text(lang, 'feeItem', { n: index + 1 })}>
              {bilingual(at('label'), 'feeLabel', [row.labelZh, row.labelEn])}
              <TextInput
                {...common}
                name={at('amountTwd')}
                label={text(lang, 'amountTwd')}
                hint={text(lang, 'amountHint')}
                value={row.amountTwd}
                widthClass="govuk-input--width-10"
                inputMode="numeric"
                spellcheck={false}
              />
              {bilingual(at('note'), 'note', [row.noteZh, row.noteEn], { isOptional: true })}
            </Row>
          );
        })}

        {section('steps', 'sectionSteps')}
        <p class="govuk-hint">{text(lang, 'blankRowsHint')}</p>
        {[...form.sopSteps, ...blanks(props.blankRows, blankStepRow)].map((row, index) => {
          const at = (field: string) => `sopSteps.${index}.${field}`;
          return (
            <Row key={at('')} legend={text(lang, 'stepItem', { n: index + 1 })}>
              {bilingual(at('title'), 'title', [row.titleZh, row.titleEn])}
              {bilingual(at('detail'), 'detail', [row.detailZh, row.detailEn], { rows: 2 })}
            </Row>
          );
        })}

        {section('fields', 'sectionFields')}
        <p class="govuk-hint">{text(lang, 'blankRowsHint')}</p>
        {[...form.formFields, ...blanks(props.blankRows, blankFieldRow)].map((row, index) => {
          const at = (field: string) => `formFields.${index}.${field}`;
          return (
            <Row key={at('')} legend={text(lang, 'fieldItem', { n: index + 1 })}>
              <Pair
                zh={
                  <Select
                    {...common}
                    name={at('type')}
                    label={text(lang, 'fieldType')}
                    value={row.type}
                    choices={formFieldTypes.map((type) => ({
                      value: type,
                      text: text(lang, fieldTypeLabels[type]),
                    }))}
                  />
                }
                en={
                  <TextInput
                    {...common}
                    name={at('id')}
                    label={text(lang, 'itemId')}
                    hint={text(lang, 'itemIdHint')}
                    value={row.id}
                    spellcheck={false}
                    valueLang="en"
                  />
                }
              />
              {bilingual(at('label'), 'label', [row.labelZh, row.labelEn])}
              {bilingual(at('hint'), 'hint', [row.hintZh, row.hintEn], { isOptional: true })}
              <div class="govuk-form-group">
                <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                  <Checkbox
                    name={at('isRequired')}
                    label={text(lang, 'fieldRequired')}
                    isChecked={row.isRequired}
                  />
                  <Checkbox
                    name={at('isMultiline')}
                    label={text(lang, 'isMultiline')}
                    isChecked={row.isMultiline}
                  />
                </div>
              </div>
              <TextInput
                {...common}
                name={at('unitZh')}
                label={text(lang, 'unitZh')}
                isOptional
                value={row.unitZh}
                widthClass="govuk-input--width-10"
                valueLang={langs.zh}
              />
              <TextArea
                {...common}
                name={at('options')}
                label={text(lang, 'options')}
                hint={text(lang, 'optionsHint')}
                isOptional
                value={row.options}
                rows={3}
              />
            </Row>
          );
        })}

        {section('sample', 'sectionSample')}
        <TextArea
          {...common}
          name="sample"
          label={text(lang, 'sample')}
          hint={text(lang, 'sampleHint')}
          isOptional
          value={form.sample}
          rows={6}
        />

        {/* The publish button comes first: pressing Enter in a field sends the form, not "add rows". */}
        <div class="govuk-button-group">
          <button type="submit" name="action" value="publish" class="govuk-button" data-module="govuk-button">
            {text(lang, current === null ? 'create' : 'publish')}
          </button>
          <button
            type="submit"
            name="action"
            value="add-rows"
            class="govuk-button govuk-button--secondary"
            data-module="govuk-button"
          >
            {text(lang, 'addRows')}
          </button>
          <a class="govuk-link" href={localePath(lang, catalogueAdminPaths.list)}>
            {text(lang, 'cancel')}
          </a>
        </div>
      </form>

      {current === null ? null : (
        <VersionHistory lang={lang} code={current.code} current={current.version} history={props.history} />
      )}
    </>
  );
}

function blanks<Row>(count: number, blank: () => Row): Row[] {
  return Array.from({ length: count }, blank);
}

/** A Chinese and an English input side by side (stacked on a phone). */
function Pair({ zh, en }: { zh: ComponentChildren; en: ComponentChildren }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-one-half">{zh}</div>
      <div class="govuk-grid-column-one-half">{en}</div>
    </div>
  );
}

/** One item of a repeating part, in its own fieldset so its inputs are read with its number. */
function Row({ legend, children }: { legend: string; children: ComponentChildren }) {
  return (
    <>
      <fieldset class="govuk-fieldset">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {children}
      </fieldset>
      <hr class="govuk-section-break govuk-section-break--m govuk-section-break--visible" />
    </>
  );
}

function VersionHistory(props: {
  lang: Lang;
  code: string;
  current: number;
  history: readonly ServiceVersionRow[];
}) {
  const { lang } = props;
  const editPath = localePath(lang, catalogueAdminPaths.edit(props.code));
  return (
    <>
      <h2 class="govuk-heading-m" id={wholeFormAnchor} tabindex={-1}>
        {text(lang, 'historyHeading')}
      </h2>
      <p class="govuk-body">{text(lang, 'historyLead')}</p>
      <table class="govuk-table">
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">
              {text(lang, 'historyVersion')}
            </th>
            <th scope="col" class="govuk-table__header">
              {text(lang, 'historyPublishedAt')}
            </th>
            <th scope="col" class="govuk-table__header">
              {text(lang, 'historyPublishedBy')}
            </th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {props.history.map((row) => (
            <tr class="govuk-table__row" key={row.version} data-version={row.version}>
              <td class="govuk-table__cell">
                {row.version === props.current ? (
                  <>
                    {text(lang, 'versionNumber', { version: row.version })}{' '}
                    <strong class="govuk-tag govuk-tag--green">{text(lang, 'historyCurrent')}</strong>
                  </>
                ) : (
                  <a class="govuk-link" href={`${editPath}?version=${row.version}`}>
                    {text(lang, 'historyView')} {text(lang, 'versionNumber', { version: row.version })}
                  </a>
                )}
              </td>
              <td class="govuk-table__cell">{formatPublishedAt(lang, row.publishedAt)}</td>
              <td class="govuk-table__cell">{row.publishedBy}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
