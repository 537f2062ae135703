import { TableHead } from '../../../../platform/web/components/table.tsx';
import type { Lang } from '../../../../platform/web/i18n.ts';
import { formatNumber } from '../work-plan-format.ts';
import { workPlanText as text } from '../work-plan-messages.ts';
import type { WorkPlanRow } from '../work-plan-reads.ts';

/** A work plan's methods as the template's table: item, focus, method, practices, targets, remarks. */

/** The practices a method carries out, as the plan cites them: 「一(一)、五(一)1」. */
export function practiceRefsOf(row: WorkPlanRow, practiceRefs: ReadonlyMap<string, string>): string {
  return row.practiceIds.map((id) => practiceRefs.get(id) ?? '?').join('、');
}

function TargetList({ lang, row }: { lang: Lang; row: WorkPlanRow }) {
  return (
    <ul class="govuk-list">
      {row.targets.map((target, index) => (
        <li key={String(index)} class="ow-workplan-target">
          {text(lang, 'targetLine', {
            indicator: target.indicator,
            baseline: formatNumber(target.baseline),
            target: formatNumber(target.target),
            measure: target.unitOfMeasure,
            measurement: target.measurement,
          })}
        </li>
      ))}
    </ul>
  );
}

export function RowsTable(props: {
  lang: Lang;
  rows: readonly WorkPlanRow[];
  practiceRefs: ReadonlyMap<string, string>;
  /** The link to edit a method, for its unit's editor while the work plan may change. */
  editLink: ((row: WorkPlanRow) => string) | null;
}) {
  const { lang } = props;
  if (props.rows.length === 0) return <p class="govuk-body">{text(lang, 'noRowsYet')}</p>;
  return (
    <table class="govuk-table ow-workplan-table">
      <caption class="govuk-table__caption govuk-table__caption--s">{text(lang, 'tableCaption')}</caption>
      <TableHead
        columns={(
          ['colItem', 'colFocus', 'colMethod', 'colPractices', 'colTargets', 'colRemarks'] as const
        ).map((key) => text(lang, key))}
      />
      <tbody class="govuk-table__body">
        {props.rows.map((row) => (
          <tr key={row.id} class="govuk-table__row ow-workplan-row" id={`row-${row.id}`}>
            <td class="govuk-table__cell">{row.itemText}</td>
            <td class="govuk-table__cell">{row.focusText}</td>
            <th scope="row" class="govuk-table__header">
              {row.methodText}
              {props.editLink ? (
                <>
                  {' '}
                  <a class="govuk-link" href={props.editLink(row)}>
                    {text(lang, 'editRow')}
                    <span class="govuk-visually-hidden">
                      {lang === 'en' ? ': ' : '：'}
                      {row.methodText}
                    </span>
                  </a>
                </>
              ) : null}
            </th>
            <td class="govuk-table__cell">{practiceRefsOf(row, props.practiceRefs)}</td>
            <td class="govuk-table__cell">
              <TargetList lang={lang} row={row} />
            </td>
            <td class="govuk-table__cell">{row.remarks}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
