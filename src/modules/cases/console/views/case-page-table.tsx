import type { ComponentChildren } from 'preact';
import type { Lang } from '../../../../platform/web/i18n.ts';
import { type CasePageTextKey, casePageText as text, casePageTexts as texts } from '../case-page-messages.ts';
import { Table } from './console-parts.tsx';

/** A column of a case-page table: its heading (a message key) and what its cell holds for a row. */
export interface CasePageColumn<Row> {
  head: CasePageTextKey;
  cell: (row: Row) => ComponentChildren;
}

/**
 * A table of the case page (attachments, deadline extensions, timeline, notices sent), written as a list of
 * columns: each section says what its columns are called and what each cell holds, and the rows, cells and the
 * "nothing yet" sentence are drawn here once.
 */
export function CasePageTable<Row extends { id: string | number }>(props: {
  lang: Lang;
  id?: string;
  rows: readonly Row[];
  emptyKey: CasePageTextKey;
  columns: readonly CasePageColumn<Row>[];
  /** The row's data-* attributes, which tests and scripts find rows by. */
  rowData?: (row: Row) => Readonly<Record<`data-${string}`, string>>;
}) {
  const { lang, columns } = props;
  return (
    <Table
      id={props.id}
      isEmpty={props.rows.length === 0}
      emptyText={text(lang, props.emptyKey)}
      columns={texts(
        lang,
        columns.map((column) => column.head),
      )}
    >
      {props.rows.map((row) => (
        <tr key={row.id} class="govuk-table__row" {...props.rowData?.(row)}>
          {columns.map((column) => (
            <td key={column.head} class="govuk-table__cell">
              {column.cell(row)}
            </td>
          ))}
        </tr>
      ))}
    </Table>
  );
}
