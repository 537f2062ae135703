import type { UnitRow } from '../../../../platform/reference/unit-admin-service.ts';
import {
  SingleCheckbox,
  SuccessBanner,
  TextInput,
} from '../../../../platform/web/components/form-controls.tsx';
import { FormPage, PostForm, textControls } from '../../../../platform/web/components/form-page.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { LinkParagraph } from '../../../../platform/web/components/link-paragraph.tsx';
import { TableHead } from '../../../../platform/web/components/table.tsx';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { administrationPaths } from '../../administration-paths.ts';
import { type UnitFormValues, unitForm } from '../unit-form.ts';
import { unitsText as text } from '../units-messages.ts';

/** The units, each with its contacts, status and a link to change it (a handful: one page). */
export function UnitListPage({ lang, rows, saved }: { lang: Lang; rows: UnitRow[]; saved: string | null }) {
  return (
    <>
      <SuccessBanner lang={lang} message={saved} />
      <h1 class="govuk-heading-l">{text(lang, 'listTitle')}</h1>
      <p class="govuk-body">{text(lang, 'listLead')}</p>
      <table class="govuk-table">
        <TableHead
          columns={[
            text(lang, 'columnUnit'),
            text(lang, 'columnPhone'),
            text(lang, 'columnEmail'),
            text(lang, 'columnStatus'),
          ]}
        />
        <tbody class="govuk-table__body">
          {rows.map((row) => (
            <tr class="govuk-table__row" key={row.code} data-unit={row.code}>
              <td class="govuk-table__cell">
                <a class="govuk-link" href={localePath(lang, administrationPaths.unit(row.code))}>
                  {lang === 'en' ? row.nameEn : row.nameZh}
                </a>
                <br />
                <code>{row.code}</code>
              </td>
              <td class="govuk-table__cell">{row.phone}</td>
              <td class="govuk-table__cell">{row.email}</td>
              <td class="govuk-table__cell">
                {text(lang, row.isActive ? 'active' : 'inactive')}
                <br />
                {text(lang, row.isContactVerified ? 'verified' : 'unverified')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export interface UnitEditView {
  lang: Lang;
  csrfToken: string;
  unit: UnitRow;
  values: UnitFormValues;
  problems: FormProblems;
}

/** One unit's form: names, contacts, hours, active, and the check of the contacts (ticked anew each time). */
export function UnitEditPage({ lang, csrfToken, unit, values, problems }: UnitEditView) {
  const control = textControls(unitForm, { lang, values, problems });
  return (
    <FormPage
      lang={lang}
      problems={problems}
      title={text(lang, 'editTitle', { name: lang === 'en' ? unit.nameEn : unit.nameZh })}
      lead={text(lang, 'editLead', { code: unit.code })}
    >
      <PostForm
        action={localePath(lang, administrationPaths.unit(unit.code))}
        csrfToken={csrfToken}
        submit={text(lang, 'save')}
      >
        <TextInput {...control('nameZh')} />
        <TextInput {...control('nameEn')} valueLang="en" />
        <TextInput {...control('addressZh')} />
        <TextInput {...control('addressEn')} valueLang="en" />
        <TextInput
          {...control('phone')}
          hint={text(lang, 'phoneHint')}
          type="tel"
          widthClass="govuk-input--width-20"
        />
        <TextInput {...control('fax')} type="tel" isOptional widthClass="govuk-input--width-20" />
        <TextInput {...control('email')} type="email" spellcheck={false} />
        <TextInput {...control('serviceHoursZh')} />
        <TextInput {...control('serviceHoursEn')} valueLang="en" />
        <SingleCheckbox
          lang={lang}
          name="isActive"
          value="yes"
          label={unitForm.labels.isActive[lang]}
          hint={text(lang, 'isActiveHint')}
          isChecked={values.isActive}
          problems={problems}
        />
        <SingleCheckbox
          lang={lang}
          name="isContactVerified"
          value="yes"
          label={unitForm.labels.isContactVerified[lang]}
          hint={text(lang, unit.isContactVerified ? 'verifiedNowHint' : 'unverifiedNowHint')}
          isChecked={values.isContactVerified}
          problems={problems}
        />
      </PostForm>
      <LinkParagraph href={localePath(lang, administrationPaths.units)}>
        {text(lang, 'backToList')}
      </LinkParagraph>
    </FormPage>
  );
}
