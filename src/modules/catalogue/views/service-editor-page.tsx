import { type ComponentChildren, Fragment } from 'preact';
import type { ServiceClassification } from '../../../platform/reference/service-classification.ts';
import type { BureauUnit } from '../../../platform/reference/units.ts';
import {
  Button,
  Checkboxes,
  type Choice,
  CsrfField,
  ErrorSummary,
  Fieldset,
  Radios,
  Select,
  SingleCheckbox,
  SuccessBanner,
  TextArea,
  TextInput,
} from '../../../platform/web/components/form-controls.tsx';
import type { FormProblems } from '../../../platform/web/components/form-problems.ts';
import { LinkParagraph } from '../../../platform/web/components/link-paragraph.tsx';
import { TableHead } from '../../../platform/web/components/table.tsx';
import { formatPageDateTime } from '../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../platform/web/i18n.ts';
import { blankRow, type RepeatingPart, type ServiceForm } from '../catalogue-admin-form.ts';
import { type CatalogueAdminTextKey, catalogueAdminText as text } from '../catalogue-admin-messages.ts';
import { catalogueAdminPaths, cataloguePaths } from '../catalogue-paths.ts';
import { type FormFieldType, formFieldTypes, type ServiceKind, serviceKinds } from '../catalogue-schemas.ts';
import type { ServiceDetail, ServiceVersionRow } from '../catalogue-service.ts';
import { wholeFormTarget } from '../service-form-problems.ts';

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

/** The version being edited, as the page introduces it. */
export type CurrentVersion = Pick<
  ServiceDetail,
  'code' | 'nameZh' | 'nameEn' | 'version' | 'publishedAt' | 'publishedBy'
>;

export interface ServiceEditorPageProps {
  lang: Lang;
  csrfToken: string;
  /** Editing: the current version and every version; creating: null. */
  current: CurrentVersion | null;
  history: readonly ServiceVersionRow[];
  form: ServiceForm;
  /** The version the editor is working from (0 when creating): a newer one is reported, not replaced. */
  baseVersion: number;
  blankRows: number;
  problems: FormProblems;
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

/** `/staff/catalogue/new` and `/staff/catalogue/:code/edit`: one plain form for the whole definition. */
export function ServiceEditorPage(props: ServiceEditorPageProps) {
  const { lang, form, current, problems } = props;
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
  const unitChoices: Choice[] = props.units.map((unit) => ({ value: unit.code, label: name(unit) }));
  if (form.unitCode !== '' && !unitChoices.some((choice) => choice.value === form.unitCode)) {
    // A version naming a unit that no longer exists keeps it visible (the validator explains the problem).
    unitChoices.push({ value: form.unitCode, label: text(lang, 'inactiveUnit', { name: form.unitCode }) });
  }
  const classificationChoices: Choice[] = props.classifications.map((classification) => ({
    value: classification.code,
    label: `${classification.code} ${name(classification)}`,
  }));
  const common = { lang, problems };
  // Inputs whose value is in the other language than the page get a `lang`, so screen readers say them right.
  const valueLangs = { Zh: lang === 'en' ? 'zh-Hant-TW' : undefined, En: lang === 'en' ? undefined : 'en' };
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
    const input = (suffix: 'Zh' | 'En', value: string) => {
      const props = {
        ...common,
        ...options,
        name: `${name}${suffix}`,
        label: text(lang, `${label}${suffix}`),
        value,
        valueLang: valueLangs[suffix],
      };
      return rows === undefined ? <TextInput {...props} spellcheck /> : <TextArea {...props} rows={rows} />;
    };
    return <Pair zh={input('Zh', zh)} en={input('En', en)} />;
  };
  /** One of the repeating parts: its heading, then each row (filled ones, then blank ones) in a fieldset. */
  const part = <Part extends RepeatingPart>(
    which: Part,
    heading: { id: string; title: CatalogueAdminTextKey; row: CatalogueAdminTextKey },
    row: (values: ServiceForm[Part][number], at: (input: string) => string) => ComponentChildren,
  ) => (
    <>
      <Section id={heading.id} title={text(lang, heading.title)} />
      <p class="govuk-hint">{text(lang, 'blankRowsHint')}</p>
      {[...form[which], ...Array.from({ length: props.blankRows }, () => blankRow(which))].map(
        (values, index) => {
          const at = (input: string) => `${which}.${index}.${input}`;
          return (
            <Fragment key={at('')}>
              <Fieldset
                lang={lang}
                name={`${which}.${index}`}
                legend={text(lang, heading.row, { n: index + 1 })}
              >
                {row(values, at)}
              </Fieldset>
              <hr class="govuk-section-break govuk-section-break--m govuk-section-break--visible" />
            </Fragment>
          );
        },
      )}
    </>
  );
  /** A yes-or-no setting of the service: one box under its legend, labelled by the text of its name. */
  const yesOrNo = (input: 'isDemo' | 'isOnline', legend: CatalogueAdminTextKey, isChecked: boolean) => (
    <Checkboxes
      {...common}
      name={input}
      legend={text(lang, legend)}
      choices={[{ value: 'yes', label: text(lang, input) }]}
      checked={isChecked ? ['yes'] : []}
    />
  );
  const chooseOne = (
    input: 'unitCode' | 'serviceClassificationCode',
    label: CatalogueAdminTextKey,
    choices: readonly Choice[],
  ) => (
    <Select
      {...common}
      name={input}
      label={text(lang, label)}
      value={form[input]}
      choices={choices}
      blank={text(lang, 'chooseOption')}
    />
  );
  const optionalCode = (
    input: 'themeClassificationCode' | 'administrativeClassificationCode',
    label: CatalogueAdminTextKey,
  ) => (
    <TextInput
      {...common}
      name={input}
      label={text(lang, label)}
      isOptional
      value={form[input]}
      widthClass="govuk-input--width-10"
    />
  );
  /** A row's id (a checklist item's, a form field's): URL-safe, in English. */
  const itemId = (input: string, value: string, widthClass?: string) => (
    <TextInput
      {...common}
      name={input}
      label={text(lang, 'itemId')}
      hint={text(lang, 'itemIdHint')}
      value={value}
      widthClass={widthClass}
      valueLang="en"
    />
  );
  const tick = (input: string, key: CatalogueAdminTextKey, isChecked: boolean) => (
    <SingleCheckbox {...common} name={input} label={text(lang, key)} value="yes" isChecked={isChecked} />
  );

  return (
    <>
      <ErrorSummary lang={lang} problems={problems} />
      {problems.hasAny ? null : <SuccessBanner lang={lang} message={props.notice} />}
      <h1 class="govuk-heading-l">{title}</h1>
      {current === null ? (
        <p class="govuk-body">{text(lang, 'createLead')}</p>
      ) : (
        <>
          <p class="govuk-body">
            {text(lang, 'editLead', {
              version: current.version,
              date: formatPageDateTime(lang, current.publishedAt),
              by: current.publishedBy,
              next: current.version + 1,
            })}
          </p>
          <LinkParagraph href={localePath(lang, cataloguePaths.service(current.code))}>
            {text(lang, 'viewPublic')}
          </LinkParagraph>
        </>
      )}

      <form method="post" action={action} novalidate>
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="baseVersion" value={String(props.baseVersion)} />
        <input type="hidden" name="blankRows" value={String(props.blankRows)} />

        <Section id="basics" title={text(lang, 'sectionBasics')} />
        {current === null ? (
          <TextInput
            {...common}
            name="code"
            label={text(lang, 'code')}
            hint={text(lang, 'codeHint')}
            value={form.code}
            widthClass="govuk-input--width-20"
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
          legend={text(lang, 'kind')}
          value={form.kind}
          isInline
          choices={serviceKinds.map((kind) => ({ value: kind, label: text(lang, kindLabels[kind]) }))}
        />
        {yesOrNo('isDemo', 'demoLegend', form.isDemo)}

        <Section id="unit" title={text(lang, 'sectionUnit')} />
        {chooseOne('unitCode', 'unitCode', unitChoices)}
        {chooseOne('serviceClassificationCode', 'serviceClassification', classificationChoices)}
        <Pair
          zh={optionalCode('themeClassificationCode', 'themeClassification')}
          en={optionalCode('administrativeClassificationCode', 'administrativeClassification')}
        />
        {yesOrNo('isOnline', 'onlineLegend', form.isOnline)}

        <Section id="deadline" title={text(lang, 'sectionDeadline')} />
        <Radios
          {...common}
          name="deadline.kind"
          legend={text(lang, 'deadlineKind')}
          value={form['deadline.kind']}
          choices={[
            { value: 'working_days', label: text(lang, 'deadlineWorkingDays') },
            { value: 'hours', label: text(lang, 'deadlineHours') },
          ]}
        />
        <TextInput
          {...common}
          name="deadline.amount"
          label={text(lang, 'deadlineAmount')}
          value={form['deadline.amount']}
          widthClass="govuk-input--width-4"
          inputMode="numeric"
        />

        {part(
          'checklist',
          { id: 'checklist', title: 'sectionChecklist', row: 'checklistItem' },
          (row, at) => (
            <>
              {itemId(at('id'), row.id, 'govuk-input--width-20')}
              {bilingual(at('name'), 'itemName', [row.nameZh, row.nameEn])}
              {bilingual(at('explanation'), 'explanation', [row.explanationZh, row.explanationEn], {
                rows: 2,
              })}
              {tick(at('isRequired'), 'isRequired', row.isRequired)}
              {tick(
                at('isElectronicallyVerifiable'),
                'isElectronicallyVerifiable',
                row.isElectronicallyVerifiable,
              )}
            </>
          ),
        )}

        {part('fees', { id: 'fees', title: 'sectionFees', row: 'feeItem' }, (row, at) => (
          <>
            {bilingual(at('label'), 'feeLabel', [row.labelZh, row.labelEn])}
            <TextInput
              {...common}
              name={at('amountTwd')}
              label={text(lang, 'amountTwd')}
              hint={text(lang, 'amountHint')}
              value={row.amountTwd}
              widthClass="govuk-input--width-10"
              inputMode="numeric"
            />
            <TextInput
              {...common}
              name={at('perFieldId')}
              label={text(lang, 'feePerFieldId')}
              hint={text(lang, 'feePerFieldIdHint')}
              isOptional
              value={row.perFieldId}
              widthClass="govuk-input--width-20"
            />
            {bilingual(at('note'), 'note', [row.noteZh, row.noteEn], { isOptional: true })}
          </>
        ))}

        {part('sopSteps', { id: 'steps', title: 'sectionSteps', row: 'stepItem' }, (row, at) => (
          <>
            {bilingual(at('title'), 'title', [row.titleZh, row.titleEn])}
            {bilingual(at('detail'), 'detail', [row.detailZh, row.detailEn], { rows: 2 })}
          </>
        ))}

        {part('formFields', { id: 'fields', title: 'sectionFields', row: 'fieldItem' }, (row, at) => (
          <>
            <Pair
              zh={
                <Select
                  {...common}
                  name={at('type')}
                  label={text(lang, 'fieldType')}
                  value={row.type}
                  choices={formFieldTypes.map((type) => ({
                    value: type,
                    label: text(lang, fieldTypeLabels[type]),
                  }))}
                />
              }
              en={itemId(at('id'), row.id)}
            />
            {bilingual(at('label'), 'label', [row.labelZh, row.labelEn])}
            {bilingual(at('hint'), 'hint', [row.hintZh, row.hintEn], { isOptional: true })}
            {tick(at('isRequired'), 'fieldRequired', row.isRequired)}
            {tick(at('isMultiline'), 'isMultiline', row.isMultiline)}
            <TextInput
              {...common}
              name={at('unitZh')}
              label={text(lang, 'unitZh')}
              isOptional
              value={row.unitZh}
              widthClass="govuk-input--width-10"
              valueLang={valueLangs.Zh}
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
          </>
        ))}

        <Section id="sample" title={text(lang, 'sectionSample')} />
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
          <Button name="action" value="publish">
            {text(lang, current === null ? 'create' : 'publish')}
          </Button>
          <Button name="action" value="add-rows" isSecondary>
            {text(lang, 'addRows')}
          </Button>
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

function Section({ id, title }: { id: string; title: string }) {
  return (
    <h2 class="govuk-heading-m" id={`section-${id}`}>
      {title}
    </h2>
  );
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
      <h2 class="govuk-heading-m" id={wholeFormTarget} tabindex={-1}>
        {text(lang, 'historyHeading')}
      </h2>
      <p class="govuk-body">{text(lang, 'historyLead')}</p>
      <table class="govuk-table">
        <TableHead
          columns={(['historyVersion', 'historyPublishedAt', 'historyPublishedBy'] as const).map((key) =>
            text(lang, key),
          )}
        />
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
              <td class="govuk-table__cell">{formatPageDateTime(lang, row.publishedAt)}</td>
              <td class="govuk-table__cell">{row.publishedBy}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
