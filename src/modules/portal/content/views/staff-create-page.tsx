import { Checkboxes, Radios, Select, TextInput } from '../../../../platform/web/components/form-controls.tsx';
import { FormPage, PostForm, textControls } from '../../../../platform/web/components/form-page.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { contentStaffPaths } from '../../shared/portal-paths.ts';
import { contentEditorText as text } from '../content-editor-messages.ts';
import { type CreateItemValues, createItemForm } from '../content-form.ts';
import { contentKinds, openGovernmentKindNames, openGovernmentKinds } from '../content-kinds.ts';
import { kindNameOf, type UnitName } from './staff-parts.tsx';

export function kindChoices(lang: Lang) {
  return contentKinds.map((kind) => ({ value: kind, label: kindNameOf(kind, lang) }));
}

export function unitChoices(lang: Lang, units: readonly UnitName[]) {
  return units.map((unit) => ({ value: unit.code, label: lang === 'en' ? unit.nameEn : unit.nameZh }));
}

export function foiChoices(lang: Lang) {
  return openGovernmentKinds.map((kind) => ({
    value: kind,
    label: `${kind}. ${openGovernmentKindNames[kind][lang]}`,
  }));
}

/** `/staff/content/new`: the type, the unit, the §7 kinds and the title of a new item. */
export function StaffCreatePage(props: {
  lang: Lang;
  csrfToken: string;
  values: CreateItemValues;
  problems: FormProblems;
  units: readonly UnitName[];
}) {
  const { lang, values, problems } = props;
  const control = textControls(createItemForm, { lang, values, problems });
  return (
    <FormPage
      lang={lang}
      problems={problems}
      title={text(lang, 'createTitle')}
      lead={text(lang, 'createLead')}
    >
      <PostForm
        action={localePath(lang, contentStaffPaths.create)}
        csrfToken={props.csrfToken}
        submit={text(lang, 'createSubmit')}
        preventsDoubleClick
      >
        <Radios
          lang={lang}
          name="kind"
          legend={createItemForm.labels.kind[lang]}
          choices={kindChoices(lang)}
          value={values.kind}
          problems={problems}
        />
        <Select
          lang={lang}
          name="unitCode"
          label={createItemForm.labels.unitCode[lang]}
          value={values.unitCode}
          blank=""
          choices={unitChoices(lang, props.units)}
          problems={problems}
        />
        <Checkboxes
          lang={lang}
          name="foiKinds"
          legend={createItemForm.labels.foiKinds[lang]}
          hint={text(lang, 'foiKindsHint')}
          choices={foiChoices(lang)}
          checked={values.foiKinds}
          problems={problems}
          isOptional
        />
        <TextInput {...control('titleZh')} />
      </PostForm>
    </FormPage>
  );
}
