import type { StaffRole } from '../../../../platform/auth/principal.ts';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { casePaths } from '../../core/case-paths.ts';
import type { CaseState } from '../../core/case-workflow.ts';
import type { StaffLookupResult } from '../../core/cases-service.ts';
import { consoleText as text } from '../console-messages.ts';
import { ConsoleNav, ErrorSummary, type ShownProblem, stateName, TextInput } from './console-components.tsx';
import { formatDate } from './console-format.ts';

export interface LookupPageProps {
  lang: Lang;
  role: StaffRole;
  values: { caseNumber: string; phone: string; name: string };
  problems: readonly ShownProblem[];
  /** Null before the first search. */
  results: readonly StaffLookupResult[] | null;
  unitNames: ReadonlyMap<string, string>;
}

const lookupLimit = 50;

/** Phone enquiries: find a case by number, the applicant's phone or name (each search is audited). */
export function LookupPage(props: LookupPageProps) {
  const { lang, values, results } = props;
  const error = props.problems.length > 0 ? props.problems[0]?.message : undefined;
  return (
    <>
      <ConsoleNav lang={lang} role={props.role} current={casePaths.lookup} />
      <ErrorSummary lang={lang} problems={props.problems} />
      <h1 class="govuk-heading-l">{text(lang, 'lookupTitle')}</h1>
      <p class="govuk-body">{text(lang, 'lookupLead')}</p>
      <form method="get" action={localePath(lang, casePaths.lookup)} novalidate>
        <TextInput
          lang={lang}
          id="caseNumber"
          name="caseNumber"
          label={text(lang, 'lookupCaseNumber')}
          hint={text(lang, 'lookupCaseNumberHint')}
          value={values.caseNumber}
          error={error}
          widthClass="govuk-input--width-20"
        />
        <TextInput
          lang={lang}
          id="phone"
          name="phone"
          type="tel"
          label={text(lang, 'lookupPhone')}
          hint={text(lang, 'lookupPhoneHint')}
          value={values.phone}
          widthClass="govuk-input--width-20"
        />
        <TextInput
          lang={lang}
          id="name"
          name="name"
          label={text(lang, 'lookupName')}
          hint={text(lang, 'lookupNameHint')}
          value={values.name}
          widthClass="govuk-input--width-20"
        />
        <button type="submit" class="govuk-button" data-module="govuk-button">
          {text(lang, 'lookupButton')}
        </button>
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
            <thead class="govuk-table__head">
              <tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">
                  {text(lang, 'columnCaseNumber')}
                </th>
                <th scope="col" class="govuk-table__header">
                  {text(lang, 'columnSubject')}
                </th>
                <th scope="col" class="govuk-table__header">
                  {text(lang, 'lookupColumnApplicant')}
                </th>
                <th scope="col" class="govuk-table__header">
                  {text(lang, 'lookupColumnPhone')}
                </th>
                <th scope="col" class="govuk-table__header">
                  {text(lang, 'columnUnit')}
                </th>
                <th scope="col" class="govuk-table__header">
                  {text(lang, 'columnState')}
                </th>
                <th scope="col" class="govuk-table__header">
                  {text(lang, 'columnReceived')}
                </th>
              </tr>
            </thead>
            <tbody class="govuk-table__body">
              {results.map((result) => (
                <tr key={result.id} class="govuk-table__row" data-case-number={result.caseNumber}>
                  <td class="govuk-table__cell">
                    <a class="govuk-link" href={localePath(lang, casePaths.casePage(result.caseNumber))}>
                      {result.caseNumber}
                    </a>
                  </td>
                  <td class="govuk-table__cell">{result.subject}</td>
                  <td class="govuk-table__cell">{result.applicantName}</td>
                  <td class="govuk-table__cell">{result.applicantPhone ?? ''}</td>
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
