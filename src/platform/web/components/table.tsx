/** A column of a GOV.UK table: its heading, or its heading and whether it holds numbers. */
export type TableColumn = string | { label: string; isNumeric: boolean };

/** A GOV.UK table's header row; a numeric column's heading is right-aligned like its cells. */
export function TableHead({ columns }: { columns: readonly TableColumn[] }) {
  return (
    <thead class="govuk-table__head">
      <tr class="govuk-table__row">
        {columns.map((column) => {
          const { label, isNumeric } =
            typeof column === 'string' ? { label: column, isNumeric: false } : column;
          return (
            <th
              key={label}
              scope="col"
              class={`govuk-table__header${isNumeric ? ' govuk-table__header--numeric' : ''}`}
            >
              {label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
