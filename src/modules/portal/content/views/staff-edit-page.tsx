import type { Classification } from '../../../../platform/reference/service-classification.ts';
import {
  Checkboxes,
  Fieldset,
  Radios,
  Select,
  SuccessBanner,
  TextArea,
  TextInput,
} from '../../../../platform/web/components/form-controls.tsx';
import { FormPage, PostForm, textControls } from '../../../../platform/web/components/form-page.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { SummaryList } from '../../../../platform/web/components/summary-list.tsx';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { contentPaths, contentStaffPaths } from '../../shared/portal-paths.ts';
import { contentEditorText as text } from '../content-editor-messages.ts';
import { type EditVersionValues, editVersionForm } from '../content-form.ts';
import type { ItemRow } from '../content-records.ts';
import type { ClassificationChoices } from '../content-service.ts';
import { foiChoices, kindChoices, unitChoices } from './staff-create-page.tsx';
import { kindNameOf, type UnitName, unitNameOf } from './staff-parts.tsx';

type CodeField = 'themeCodes' | 'cakeCodes' | 'serviceCodes';

function nameOf(row: Classification, lang: Lang): string {
  return `${row.code} ${lang === 'en' ? (row.nameEn ?? row.nameZh) : row.nameZh}`;
}

/**
 * A classification scheme's codes as checkboxes, grouped under their top level (a top level with children
 * is a group of its own, itself first); the problems and the hint on the whole scheme.
 */
function ClassificationChoicesField(props: {
  lang: Lang;
  name: CodeField;
  rows: readonly Classification[];
  checked: readonly string[];
  problems: FormProblems;
  hint?: string;
}) {
  const { lang, name, rows } = props;
  const tops = rows.filter(
    (row) => row.parentCode === null || !rows.some((other) => other.code === row.parentCode),
  );
  const childrenOf = (code: string) => rows.filter((row) => row.parentCode === code);
  const loners = tops.filter((top) => childrenOf(top.code).length === 0);
  const groups = [
    ...(loners.length > 0 ? [{ key: 'top', legend: null as string | null, members: loners }] : []),
    ...tops
      .filter((top) => childrenOf(top.code).length > 0)
      .map((top) => ({ key: top.code, legend: nameOf(top, lang), members: [top, ...childrenOf(top.code)] })),
  ];
  return (
    <Fieldset
      lang={lang}
      name={name}
      id={`${name}-field`}
      extraTargets={[name]}
      legend={editVersionForm.labels[name][lang]}
      legendClass="govuk-fieldset__legend--m"
      hint={props.hint}
      problems={props.problems}
      isOptional={name !== 'themeCodes'}
    >
      {groups.length === 0 ? (
        <p class="govuk-body" id={name}>
          {text(lang, 'noCodesLoaded')}
        </p>
      ) : null}
      {groups.map((group, index) => (
        <Checkboxes
          key={group.key}
          lang={lang}
          name={name}
          id={index === 0 ? name : `${name}-${group.key}`}
          legend={group.legend ?? editVersionForm.labels[name][lang]}
          legendClass={group.legend === null ? 'govuk-visually-hidden' : 'govuk-fieldset__legend--s'}
          choices={group.members.map((row) => ({ value: row.code, label: nameOf(row, lang) }))}
          checked={props.checked}
        />
      ))}
    </Fieldset>
  );
}

/** `/staff/content/:number/edit`: every field of the working version (a new version of a published item). */
export function StaffEditPage(props: {
  lang: Lang;
  csrfToken: string;
  item: ItemRow;
  /** The version the save goes to, and whether it will be a new one. */
  target: { version: number; isNew: boolean };
  values: EditVersionValues;
  problems: FormProblems;
  units: readonly UnitName[];
  choices: ClassificationChoices;
  notice?: string | null;
}) {
  const { lang, item, values, problems } = props;
  const control = textControls(editVersionForm, { lang, values, problems });
  const mayChangeItem = item.publishedVersion === null;
  const lead = props.target.isNew
    ? text(lang, 'editLeadNew', { version: props.target.version, published: item.publishedVersion ?? '' })
    : text(lang, 'editLead', { version: props.target.version });
  return (
    <FormPage
      lang={lang}
      problems={problems}
      title={text(lang, 'editTitle', { number: item.number })}
      lead={lead}
      notice={<SuccessBanner lang={lang} message={props.notice} />}
    >
      <PostForm
        action={localePath(lang, contentStaffPaths.edit(item.number))}
        csrfToken={props.csrfToken}
        submit={text(lang, 'editSubmit')}
      >
        <input type="hidden" name="baseStamp" value={values.baseStamp} />
        {mayChangeItem ? (
          <>
            <Radios
              lang={lang}
              name="kind"
              legend={editVersionForm.labels.kind[lang]}
              choices={kindChoices(lang)}
              value={values.kind}
              problems={problems}
              isInline
            />
            <Select
              lang={lang}
              name="unitCode"
              label={editVersionForm.labels.unitCode[lang]}
              value={values.unitCode}
              choices={unitChoices(lang, props.units)}
              problems={problems}
            />
            <Checkboxes
              lang={lang}
              name="foiKinds"
              legend={editVersionForm.labels.foiKinds[lang]}
              hint={text(lang, 'foiKindsHint')}
              choices={foiChoices(lang)}
              checked={values.foiKinds}
              problems={problems}
              isOptional
            />
          </>
        ) : (
          <>
            <SummaryList
              rows={[
                { key: text(lang, 'kindLabel'), value: kindNameOf(item.kind, lang) },
                { key: text(lang, 'unitLabel'), value: unitNameOf(props.units, item.unitCode, lang) },
                {
                  key: text(lang, 'foiKindsLabel'),
                  value: item.foiKinds.join(lang === 'en' ? ', ' : '、') || '—',
                },
              ]}
            />
            <p class="govuk-inset-text">{text(lang, 'itemFieldsFixed')}</p>
          </>
        )}
        <TextInput {...control('titleZh')} />
        <TextInput {...control('titleEn')} isOptional valueLang="en" />
        <TextArea {...control('summaryZh')} isOptional rows={3} />
        <TextArea {...control('summaryEn')} isOptional rows={3} valueLang="en" />
        <TextArea {...control('bodyZh')} isOptional rows={12} hint={text(lang, 'bodyHint')} />
        <TextArea {...control('bodyEn')} isOptional rows={12} hint={text(lang, 'bodyHint')} valueLang="en" />
        <TextArea {...control('subjectsZh')} isOptional rows={3} hint={text(lang, 'linesHint')} />
        <TextArea
          {...control('subjectsEn')}
          isOptional
          rows={3}
          hint={text(lang, 'linesHint')}
          valueLang="en"
        />
        <TextArea {...control('creators')} isOptional rows={2} hint={text(lang, 'creatorsHint')} />
        <TextArea {...control('contributors')} isOptional rows={2} hint={text(lang, 'linesHint')} />
        <TextArea {...control('sources')} isOptional rows={2} hint={text(lang, 'linesHint')} />
        <TextArea {...control('relations')} isOptional rows={2} hint={text(lang, 'linesHint')} />
        <TextInput {...control('rights')} isOptional />
        <TextInput
          {...control('coverageStart')}
          isOptional
          hint={text(lang, 'dateHint')}
          widthClass="govuk-input--width-10"
        />
        <TextInput
          {...control('coverageEnd')}
          isOptional
          hint={text(lang, 'dateHint')}
          widthClass="govuk-input--width-10"
        />
        <ClassificationChoicesField
          lang={lang}
          name="themeCodes"
          rows={props.choices.theme}
          checked={values.themeCodes}
          problems={problems}
          hint={text(lang, 'themeCodesHint')}
        />
        <ClassificationChoicesField
          lang={lang}
          name="cakeCodes"
          rows={props.choices.cake}
          checked={values.cakeCodes}
          problems={problems}
        />
        <ClassificationChoicesField
          lang={lang}
          name="serviceCodes"
          rows={props.choices.service}
          checked={values.serviceCodes}
          problems={problems}
        />
        <TextInput
          {...control('publishAt')}
          isOptional
          hint={text(lang, 'momentHint')}
          widthClass="govuk-input--width-20"
        />
        <TextInput
          {...control('expireAt')}
          isOptional
          hint={text(lang, 'momentHint')}
          widthClass="govuk-input--width-20"
        />
        <TextArea {...control('changeNote')} isOptional rows={3} hint={text(lang, 'changeNoteHint')} />
        <h2 class="govuk-heading-s">{text(lang, 'systemFieldsTitle')}</h2>
        <SummaryList
          rows={[
            { key: text(lang, 'dcPublisher'), value: text(lang, 'dcPublisherValue') },
            { key: text(lang, 'dcDate'), value: text(lang, 'dcDateValue') },
            { key: text(lang, 'dcType'), value: kindNameOf(item.kind, lang) },
            { key: text(lang, 'dcFormat'), value: 'text/html' },
            { key: text(lang, 'dcIdentifier'), value: contentPaths.item(item.number) },
            { key: text(lang, 'dcLanguage'), value: text(lang, 'dcLanguageValue') },
          ]}
        />
      </PostForm>
    </FormPage>
  );
}
