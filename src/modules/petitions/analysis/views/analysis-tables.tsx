import { TableHead } from '../../../../platform/web/components/table.tsx';
import type { Lang } from '../../../../platform/web/i18n.ts';
import {
  type AnalysisNames,
  type Breakdown,
  breakdownsOf,
  figureColumns,
  figureText,
} from '../analysis-figures.ts';
import { analysisText as text } from '../analysis-messages.ts';
import type { AnalysisGroup, AnalysisTables } from '../analysis-queries.ts';

/** One breakdown as a GOV.UK table: a row per group, the figures in numeric columns. */
export function FiguresTable(props: {
  lang: Lang;
  id: string;
  caption: string;
  nameHeading: string;
  groups: readonly AnalysisGroup[];
  nameOf: (code: string) => string;
}) {
  const { lang } = props;
  if (props.groups.length === 0) return null;
  return (
    <div class="ow-table-scroll">
      <table class="govuk-table govuk-table--small-text-until-tablet" data-table={props.id}>
        <caption class="govuk-table__caption govuk-table__caption--m">{props.caption}</caption>
        <TableHead
          columns={[
            props.nameHeading,
            ...figureColumns.map((column) => ({ label: text(lang, column.key), isNumeric: true })),
          ]}
        />
        <tbody class="govuk-table__body">
          {props.groups.map((group) => (
            <tr key={group.code} class="govuk-table__row" data-code={group.code}>
              <th scope="row" class="govuk-table__header">
                {props.nameOf(group.code)}
              </th>
              {figureColumns.map((column) => (
                <td
                  key={column.key}
                  class="govuk-table__cell govuk-table__cell--numeric"
                  data-figure={column.key}
                >
                  {figureText(lang, column.value(group.figures))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The breakdowns (`breakdownsOf`) as tables, all or those named in `only`, in their order. */
export function BreakdownTables(props: {
  lang: Lang;
  tables: AnalysisTables;
  names: AnalysisNames;
  only?: readonly Breakdown['name'][];
}) {
  const { lang, only } = props;
  return (
    <>
      {breakdownsOf(props.tables)
        .filter((breakdown) => only === undefined || only.includes(breakdown.name))
        .map((breakdown) => (
          <FiguresTable
            key={breakdown.key}
            lang={lang}
            id={breakdown.name}
            caption={text(lang, breakdown.key)}
            nameHeading={text(lang, breakdown.heading)}
            groups={breakdown.groups}
            nameOf={props.names[breakdown.name]}
          />
        ))}
    </>
  );
}
