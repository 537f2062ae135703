import type { UnitsByCode } from '../../../../platform/reference/unit-names.ts';
import {
  Checkboxes,
  Radios,
  Select,
  TextArea,
  TextInput,
} from '../../../../platform/web/components/form-controls.tsx';
import { FormPage, PostForm, textControls } from '../../../../platform/web/components/form-page.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { LinkParagraph } from '../../../../platform/web/components/link-paragraph.tsx';
import { OnceField } from '../../../../platform/web/components/once-field.tsx';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { mediaTones } from '../../petitions-schema.ts';
import { type MediaItemValues, mediaItemForm } from '../media-form.ts';
import { mediaText as text } from '../media-messages.ts';
import { mediaPaths } from '../media-paths.ts';
import { activeUnits } from '../media-rules.ts';
import { toneName, unitName } from './media-parts.tsx';

export interface MediaNewPageProps {
  lang: Lang;
  csrfToken: string;
  values: MediaItemValues;
  /** The form's one-time token: kept when the form comes back with problems. */
  onceToken: string;
  problems: FormProblems;
  /** The units as the table has them (units-now.ts): the choices' names. */
  units: UnitsByCode;
}

/** Record a news or social-media item, with the unit asked to fact-check it and the hours it has. */
export function MediaNewPage({ lang, csrfToken, values, onceToken, problems, units }: MediaNewPageProps) {
  const control = textControls(mediaItemForm, { lang, values, problems });
  const label = (name: keyof MediaItemValues) => mediaItemForm.labels[name][lang];
  // The codes an item may name are the rules' (media-form.ts checks them); their names are the table's.
  const unitChoices = activeUnits.map((unit) => ({
    value: unit.code,
    label: unitName(lang, unit.code, units),
  }));
  return (
    <FormPage lang={lang} problems={problems} title={text(lang, 'newTitle')} lead={text(lang, 'newLead')}>
      <PostForm
        action={localePath(lang, mediaPaths.newItem)}
        csrfToken={csrfToken}
        submit={text(lang, 'recordSubmit')}
        preventsDoubleClick
      >
        <OnceField token={onceToken} />
        <TextInput {...control('title')} />
        <TextInput {...control('outlet')} hint={text(lang, 'outletHint')} />
        <TextInput {...control('url')} hint={text(lang, 'urlHint')} isOptional />
        <TextInput
          {...control('publishedOn')}
          hint={text(lang, 'publishedOnHint')}
          widthClass="govuk-input--width-10"
        />
        <TextArea {...control('summary')} rows={5} />
        <Radios
          lang={lang}
          name="tone"
          legend={label('tone')}
          choices={mediaTones.map((tone) => ({ value: tone, label: toneName(lang, tone) }))}
          value={values.tone}
          problems={problems}
          isInline
        />
        <Checkboxes
          lang={lang}
          name="unitCodes"
          legend={label('unitCodes')}
          hint={text(lang, 'unitCodesHint')}
          choices={unitChoices}
          checked={values.unitCodes}
          problems={problems}
          isOptional
        />
        <Select
          lang={lang}
          name="factCheckUnit"
          label={label('factCheckUnit')}
          hint={text(lang, 'factCheckUnitHint')}
          blank={text(lang, 'factCheckUnitNone')}
          choices={unitChoices}
          value={values.factCheckUnit}
          problems={problems}
          isOptional
        />
        <TextInput
          {...control('factCheckHours')}
          hint={text(lang, 'factCheckHoursHint')}
          inputMode="numeric"
          widthClass="govuk-input--width-3"
          isOptional
        />
      </PostForm>
      <LinkParagraph href={localePath(lang, mediaPaths.list)}>{text(lang, 'backToList')}</LinkParagraph>
    </FormPage>
  );
}
