import { Button, Select } from '../../../../platform/web/components/form-controls.tsx';
import { TableHead } from '../../../../platform/web/components/table.tsx';
import { formatPageDate } from '../../../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../../../platform/web/i18n.ts';
import { withNote } from '../../shared/control-format.ts';
import { ListPagination } from '../../shared/page-parts.tsx';
import { type UnitNames, unitLabelIn, unitNameIn } from '../../shared/unit-names.ts';
import type { CheckView } from '../check-rules.ts';
import { checksText as text } from '../checks-messages.ts';
import { checksPaths } from '../checks-paths.ts';
import { kindChoices, unitChoices } from './check-parts.tsx';

/** The lists of checks: the secretariat's (filtered), and a unit's own; a page at a time. */

function actionsSummary(lang: Lang, check: CheckView): string {
  if (check.actions.length === 0) return text(lang, 'noActions');
  return text(lang, 'actionsSummary', {
    total: check.actions.length,
    open: check.actions.filter((action) => action.state !== 'done').length,
    overdue: check.actions.filter((action) => action.state === 'overdue').length,
  });
}

/** A page of checks, and the links to the pages before and after it. */
export interface ChecksPage {
  checks: readonly CheckView[];
  page: number;
  hasNextPage: boolean;
  /** The list's address, bare, with the filter it was asked with (the page is added to it). */
  path: string;
}

/** The table of checks, shared by the secretariat's list and a unit's page. */
function ChecksTable({ lang, list, unitNames }: { lang: Lang; list: ChecksPage; unitNames: UnitNames }) {
  if (list.checks.length === 0 && list.page === 1) return <p class="govuk-body">{text(lang, 'listEmpty')}</p>;
  return (
    <>
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--m">{text(lang, 'listCaption')}</caption>
        <TableHead
          columns={(
            ['colDate', 'colUnit', 'colOrigin', 'colKind', 'colSubject', 'colScore', 'colActions'] as const
          ).map((key) => text(lang, key))}
        />
        <tbody class="govuk-table__body">
          {list.checks.map((check) => (
            <tr key={check.id} class="govuk-table__row">
              <td class="govuk-table__cell">
                <a class="govuk-link" href={localePath(lang, checksPaths.check(check.id))}>
                  {formatPageDate(lang, check.checkDate)}
                </a>
              </td>
              <td class="govuk-table__cell">{unitLabelIn(unitNames, check.unitCode, lang)}</td>
              <td class="govuk-table__cell">
                {text(lang, `origin_${check.origin}`)}
                {check.status === 'draft' ? withNote(lang, '', text(lang, 'status_draft')) : ''}
              </td>
              <td class="govuk-table__cell">{text(lang, `kind_${check.kind}`)}</td>
              <td class="govuk-table__cell">{check.subject}</td>
              <td class="govuk-table__cell">{check.score === null ? text(lang, 'noScore') : check.score}</td>
              <td class="govuk-table__cell">{actionsSummary(lang, check)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ListPagination lang={lang} path={list.path} page={list.page} hasNextPage={list.hasNextPage} />
    </>
  );
}

export interface ListFilterForm {
  year: string;
  unitCode: string;
  kind: string;
  actions: string;
}

export function ChecksListPage(props: {
  lang: Lang;
  list: ChecksPage;
  unitNames: UnitNames;
  filter: ListFilterForm;
  years: number[];
  mayRecord: boolean;
}) {
  const { lang, filter } = props;
  const all = text(lang, 'filterAll');
  const select = (
    name: string,
    label: string,
    value: string,
    choices: { value: string; label: string }[],
  ) => <Select lang={lang} name={name} label={label} value={value} blank={all} choices={choices} />;
  return (
    <>
      <h1 class="govuk-heading-l">{text(lang, 'listTitle')}</h1>
      <p class="govuk-body">{text(lang, 'listLead')}</p>
      {props.mayRecord ? (
        <p class="govuk-body">
          <a class="govuk-button" href={localePath(lang, checksPaths.newCheck)}>
            {text(lang, 'newCheckLink')}
          </a>
        </p>
      ) : null}
      <form method="get" action={localePath(lang, checksPaths.list)} class="ow-checks-filter">
        <h2 class="govuk-heading-m">{text(lang, 'filterHeading')}</h2>
        {select(
          'year',
          text(lang, 'filterYear'),
          filter.year,
          props.years.map((year) => ({ value: String(year), label: String(year) })),
        )}
        {select('unit', text(lang, 'filterUnit'), filter.unitCode, unitChoices(props.unitNames, lang))}
        {select('kind', text(lang, 'filterKind'), filter.kind, kindChoices(lang))}
        {select('actions', text(lang, 'filterActions'), filter.actions, [
          { value: 'open', label: text(lang, 'filterOpen') },
          { value: 'overdue', label: text(lang, 'filterOverdue') },
        ])}
        <Button isSecondary>{text(lang, 'filterSubmit')}</Button>
      </form>
      <ChecksTable lang={lang} list={props.list} unitNames={props.unitNames} />
    </>
  );
}

export function UnitChecksPage(props: {
  lang: Lang;
  unitCode: string;
  list: ChecksPage;
  unitNames: UnitNames;
}) {
  const { lang } = props;
  return (
    <>
      <h1 class="govuk-heading-l">
        {text(lang, 'unitTitle', { unit: unitNameIn(props.unitNames, props.unitCode, lang) })}
      </h1>
      <p class="govuk-body">{text(lang, 'unitLead')}</p>
      <p class="govuk-body">
        <a class="govuk-button" href={localePath(lang, checksPaths.newSelfAssessment)}>
          {text(lang, 'newSelfLink')}
        </a>
      </p>
      <ChecksTable lang={lang} list={props.list} unitNames={props.unitNames} />
    </>
  );
}
