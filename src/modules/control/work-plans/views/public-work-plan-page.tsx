import { SummaryList } from '../../../../platform/web/components/summary-list.tsx';
import { TableHead } from '../../../../platform/web/components/table.tsx';
import type { Lang } from '../../../../platform/web/i18n.ts';
import { formatDate } from '../../shared/control-format.ts';
import { formatNumber, workPlanTitle } from '../work-plan-format.ts';
import { workPlanText as text } from '../work-plan-messages.ts';
import type { WorkPlanView } from '../work-plan-reads.ts';
import { practiceRefsOf } from './rows-table.tsx';

/** A published work plan on the website: each method and its quantified targets; never comments or names. */
export function PublicWorkPlanPage(props: {
  lang: Lang;
  plan: WorkPlanView;
  practiceRefs: ReadonlyMap<string, string>;
  planHref: string;
}) {
  const { lang, plan } = props;
  return (
    <>
      <h1 class="govuk-heading-l">{workPlanTitle(lang, plan)}</h1>
      <p class="govuk-body">
        {plan.publishedAt ? text(lang, 'publishedOn', { date: formatDate(lang, plan.publishedAt) }) : null}
      </p>
      <p class="govuk-body">
        {text(lang, 'basisLine', { year: plan.year, rocYear: plan.rocYear })}{' '}
        <a class="govuk-link" href={props.planHref}>
          {text(lang, 'planLink')}
        </a>
      </p>
      <h2 class="govuk-heading-m">{text(lang, 'rowsHeading')}</h2>
      {plan.rows.map((row) => (
        <section key={row.id} class="ow-workplan-method">
          <h3 class="govuk-heading-s">{row.methodText}</h3>
          <SummaryList
            rows={[
              { key: text(lang, 'colItem'), value: row.itemText },
              { key: text(lang, 'colFocus'), value: row.focusText },
              { key: text(lang, 'colPractices'), value: practiceRefsOf(row, props.practiceRefs) },
              row.remarks === '' ? null : { key: text(lang, 'colRemarks'), value: row.remarks },
            ]}
          />
          <table class="govuk-table">
            <caption class="govuk-table__caption govuk-table__caption--s">
              {text(lang, 'targetsCaption', { method: row.methodText })}
            </caption>
            <TableHead
              columns={[
                text(lang, 'colIndicator'),
                { label: text(lang, 'colBaseline'), isNumeric: true },
                { label: text(lang, 'colTarget'), isNumeric: true },
                text(lang, 'colMeasurement'),
              ]}
            />
            <tbody class="govuk-table__body">
              {row.targets.map((target, index) => (
                <tr key={String(index)} class="govuk-table__row">
                  <th scope="row" class="govuk-table__header">
                    {target.indicator}
                  </th>
                  <td class="govuk-table__cell govuk-table__cell--numeric">
                    {formatNumber(target.baseline)} {target.unitOfMeasure}
                  </td>
                  <td class="govuk-table__cell govuk-table__cell--numeric">
                    {formatNumber(target.target)} {target.unitOfMeasure}
                  </td>
                  <td class="govuk-table__cell">{target.measurement}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
