import { TableHead } from '../../../../platform/web/components/table.tsx';
import type { Lang } from '../../../../platform/web/i18n.ts';
import { figureColumns, figureText } from '../analysis-figures.ts';
import { analysisText as text } from '../analysis-messages.ts';
import type { AnalysisGroup } from '../analysis-queries.ts';

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
