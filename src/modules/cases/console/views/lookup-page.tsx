import type { StaffRole } from '../../../../platform/auth/principal.ts';
import { formatPhone } from '../../../../platform/reference/phone-numbers.ts';
import { Button, ErrorSummary, TextInput } from '../../../../platform/web/components/form-controls.tsx';
import { textLimitOf } from '../../../../platform/web/components/form-page.tsx';
import type { FormProblems } from '../../../../platform/web/components/form-problems.ts';
import { TableHead } from '../../../../platform/web/components/table.tsx';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import type { StaffLookupResult } from '../../core/case-reading.ts';
import { subjectIn } from '../../core/case-subject.ts';
import type { CaseState } from '../../core/workflows.ts';
import { lookupForm } from '../case-forms.ts';
import { consoleText as text } from '../console-messages.ts';
import { consolePaths } from '../console-paths.ts';
import { formatDate } from './console-format.ts';
import { ConsoleNav } from './console-nav.tsx';
import { CaseLink, stateName } from './console-parts.tsx';

export interface LookupPageProps {
  lang: Lang;
  role: StaffRole;
  values: { caseNumber: string; phone: string; name: string };
  problems: FormProblems;
  /** Null before the first search. */
  results: readonly StaffLookupResult[] | null;
  unitNames: ReadonlyMap<string, string>;
}

const lookupLimit = 50;

/** Any one of the three finds cases. */
const lookupFields = [
  { name: 'caseNumber', label: 'lookupCaseNumber', hint: 'lookupCaseNumberHint' },
  { name: 'phone', label: 'lookupPhone', hint: 'lookupPhoneHint' },
  { name: 'name', label: 'lookupName', hint: 'lookupNameHint' },
] as const;

/** Phone enquiries: find a case by number, the applicant's phone or name (each search is audited). */
export function LookupPage(props: LookupPageProps) {
  const { lang, values, results } = props;
  return (
    <>
      <ConsoleNav lang={lang} role={props.role} current={consolePaths.lookup} />
      <ErrorSummary lang={lang} problems={props.problems} />
      <h1 class="govuk-heading-l">{text(lang, 'lookupTitle')}</h1>
      <p class="govuk-body">{text(lang, 'lookupLead')}</p>
      <form method="get" action={localePath(lang, consolePaths.lookup)} novalidate>
        {lookupFields.map((field) => (
          <TextInput
            key={field.name}
            lang={lang}
            name={field.name}
            type={field.name === 'phone' ? 'tel' : 'text'}
            label={text(lang, field.label)}
            hint={text(lang, field.hint)}
            value={values[field.name]}
            problems={props.problems}
            maxLength={textLimitOf(lookupForm, field.name)}
            widthClass="govuk-input--width-20"
          />
        ))}
        <Button>{text(lang, 'lookupButton')}</Button>
      </form>
      {results === null ? null : results.length === 0 ? (
        <p class="govuk-body" data-lookup-count="0">
          {text(lang, 'lookupNone')}
        </p>
      ) : (
        <>
          <table class="govuk-table" data-lookup-count={results.length}>
            <caption class="govuk-table__caption govuk-table__caption--m">
              {text(lang, 'lookupResults', { count: results.length })}
            </caption>
            <TableHead
              columns={[
                text(lang, 'columnCaseNumber'),
                text(lang, 'columnSubject'),
                text(lang, 'lookupColumnApplicant'),
                text(lang, 'lookupColumnPhone'),
                text(lang, 'columnUnit'),
                text(lang, 'columnState'),
                text(lang, 'columnReceived'),
              ]}
            />
            <tbody class="govuk-table__body">
              {results.map((result) => (
                <tr key={result.id} class="govuk-table__row" data-case-number={result.caseNumber}>
                  <td class="govuk-table__cell">
                    <CaseLink lang={lang} caseNumber={result.caseNumber} />
                  </td>
                  <td class="govuk-table__cell">{subjectIn(lang, result)}</td>
                  <td class="govuk-table__cell">{result.applicantName}</td>
                  <td class="govuk-table__cell">
                    {result.applicantPhone === null ? '' : formatPhone(result.applicantPhone)}
                  </td>
                  <td class="govuk-table__cell">{props.unitNames.get(result.unitCode) ?? result.unitCode}</td>
                  <td class="govuk-table__cell">{stateName(lang, result.state as CaseState)}</td>
                  <td class="govuk-table__cell">{formatDate(lang, result.receivedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {results.length >= lookupLimit ? <p class="govuk-body">{text(lang, 'lookupMore')}</p> : null}
        </>
      )}
    </>
  );
}
