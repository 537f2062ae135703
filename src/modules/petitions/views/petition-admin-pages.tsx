import { Radios, SuccessBanner, TextInput } from '../../../platform/web/components/form-controls.tsx';
import { FormPage, PostForm, textControls } from '../../../platform/web/components/form-page.tsx';
import type { FormProblems } from '../../../platform/web/components/form-problems.ts';
import { LinkParagraph } from '../../../platform/web/components/link-paragraph.tsx';
import { TableHead } from '../../../platform/web/components/table.tsx';
import { formatPageDate, taipeiIsoDate } from '../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../platform/web/i18n.ts';
import {
  officerForm,
  type PetitionRules,
  type PetitionTypeFormValues,
  petitionTypeForm,
} from '../petition-admin-form.ts';
import { petitionAdminText as text } from '../petition-admin-messages.ts';
import type { PetitionOfficer, PetitionService } from '../petition-admin-service.ts';
import { petitionPaths } from '../petition-paths.ts';

const nameOf = (lang: Lang, service: Pick<PetitionService, 'nameZh' | 'nameEn'>) =>
  lang === 'en' ? service.nameEn : service.nameZh;

/** A type's rules in words, one per line. */
function RulesText({ lang, rules }: { lang: Lang; rules: PetitionRules | null }) {
  if (rules === null) return <>{text(lang, 'notAType')}</>;
  const lines = [
    text(lang, 'outerLimitShown', { days: rules.outerLimitWorkingDays }),
    text(lang, rules.needsAnswerApproval ? 'approvalShown' : 'noApprovalShown'),
    ...(rules.isConfidential ? [text(lang, 'confidentialShown')] : []),
    text(lang, rules.isOnMailbox ? 'mailboxShown' : 'notOnMailboxShown'),
  ];
  return (
    <ul class="govuk-list">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

/** Every catalogue service of kind petition, whether it is a petition type and its rules (a handful: one page). */
export function PetitionTypesPage({
  lang,
  services,
  saved,
}: {
  lang: Lang;
  services: PetitionService[];
  saved: string | null;
}) {
  return (
    <>
      <SuccessBanner lang={lang} message={saved} />
      <h1 class="govuk-heading-l">{text(lang, 'typesTitle')}</h1>
      <p class="govuk-body">{text(lang, 'typesLead')}</p>
      {services.length === 0 ? (
        <p class="govuk-body">{text(lang, 'noPetitionServices')}</p>
      ) : (
        <table class="govuk-table">
          <TableHead
            columns={[text(lang, 'columnService'), text(lang, 'columnUnit'), text(lang, 'columnRules')]}
          />
          <tbody class="govuk-table__body">
            {services.map((service) => (
              <tr
                class="govuk-table__row"
                key={service.serviceCode}
                data-service={service.serviceCode}
                data-type={service.rules === null ? 'no' : 'yes'}
              >
                <td class="govuk-table__cell">
                  {nameOf(lang, service)}
                  <br />
                  <code>{service.serviceCode}</code>
                  <br />
                  <a class="govuk-link" href={localePath(lang, petitionPaths.type(service.serviceCode))}>
                    {text(lang, service.rules === null ? 'makeType' : 'editRules')}
                    <span class="govuk-visually-hidden">
                      {lang === 'en' ? ': ' : '：'}
                      {nameOf(lang, service)}
                    </span>
                  </a>
                </td>
                <td class="govuk-table__cell">{lang === 'en' ? service.unitNameEn : service.unitNameZh}</td>
                <td class="govuk-table__cell">
                  <RulesText lang={lang} rules={service.rules} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export interface PetitionTypeEditView {
  lang: Lang;
  csrfToken: string;
  service: PetitionService;
  values: PetitionTypeFormValues;
  problems: FormProblems;
}

/** One type's rules: the outer limit and three yes/no questions. */
export function PetitionTypeEditPage({ lang, csrfToken, service, values, problems }: PetitionTypeEditView) {
  const control = textControls(petitionTypeForm, { lang, values, problems });
  const yesNo = [
    { value: 'yes', label: text(lang, 'yes') },
    { value: 'no', label: text(lang, 'no') },
  ];
  const question = (name: 'needsAnswerApproval' | 'isConfidential' | 'isOnMailbox', hint: string) => (
    <Radios
      lang={lang}
      name={name}
      legend={text(lang, `${name}Question`)}
      legendClass="govuk-fieldset__legend--s"
      hint={hint}
      choices={yesNo}
      value={values[name]}
      isInline
      problems={problems}
    />
  );
  return (
    <FormPage
      lang={lang}
      problems={problems}
      title={text(lang, 'typeTitle', { name: nameOf(lang, service) })}
      lead={text(lang, 'typeLead', {
        code: service.serviceCode,
        unit: lang === 'en' ? service.unitNameEn : service.unitNameZh,
      })}
    >
      <PostForm
        action={localePath(lang, petitionPaths.type(service.serviceCode))}
        csrfToken={csrfToken}
        submit={text(lang, 'save')}
      >
        <TextInput
          {...control('outerLimit')}
          hint={text(lang, 'outerLimitHint')}
          inputMode="numeric"
          widthClass="govuk-input--width-3"
        />
        {question('needsAnswerApproval', text(lang, 'needsAnswerApprovalHint'))}
        {question('isConfidential', text(lang, 'isConfidentialHint'))}
        {question('isOnMailbox', text(lang, 'isOnMailboxHint'))}
      </PostForm>
      <LinkParagraph href={localePath(lang, petitionPaths.types)}>{text(lang, 'backToTypes')}</LinkParagraph>
    </FormPage>
  );
}

export interface PetitionOfficersView {
  lang: Lang;
  csrfToken: string;
  officers: PetitionOfficer[];
  values: { email: string };
  problems: FormProblems;
  notice: string | null;
}

/** The designated officers, each with a button to end the designation, and the form to designate one. */
export function PetitionOfficersPage({
  lang,
  csrfToken,
  officers,
  values,
  problems,
  notice,
}: PetitionOfficersView) {
  const control = textControls(officerForm, { lang, values, problems });
  return (
    <FormPage
      lang={lang}
      problems={problems}
      title={text(lang, 'officersTitle')}
      lead={text(lang, 'officersLead')}
      notice={<SuccessBanner lang={lang} message={notice} />}
    >
      {officers.length === 0 ? (
        <p class="govuk-body" id="no-officers">
          {text(lang, 'noOfficers')}
        </p>
      ) : (
        <table class="govuk-table">
          <TableHead
            columns={[
              text(lang, 'columnName'),
              text(lang, 'columnEmail'),
              text(lang, 'columnOfficerUnit'),
              text(lang, 'columnSince'),
              text(lang, 'columnAction'),
            ]}
          />
          <tbody class="govuk-table__body">
            {officers.map((officer) => (
              <tr class="govuk-table__row" key={officer.staffId} data-officer={officer.staffId}>
                <td class="govuk-table__cell">{officer.displayName}</td>
                <td class="govuk-table__cell">{officer.email}</td>
                <td class="govuk-table__cell">
                  {(lang === 'en' ? officer.unitNameEn : officer.unitNameZh) ?? text(lang, 'noUnit')}
                </td>
                <td class="govuk-table__cell">{formatPageDate(lang, taipeiIsoDate(officer.designatedAt))}</td>
                <td class="govuk-table__cell">
                  <PostForm
                    action={localePath(lang, petitionPaths.officerEnd(officer.staffId))}
                    csrfToken={csrfToken}
                    submit={text(lang, 'endDesignationOf', { name: officer.displayName })}
                    isWarning
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 class="govuk-heading-m">{text(lang, 'designateTitle')}</h2>
      <PostForm
        action={localePath(lang, petitionPaths.officers)}
        csrfToken={csrfToken}
        submit={text(lang, 'designate')}
      >
        <TextInput {...control('email')} hint={text(lang, 'emailHint')} type="email" spellcheck={false} />
      </PostForm>
    </FormPage>
  );
}
