/**
 * Reading a tree from flat rows (a check's actions, their follow-ups, their files; a plan's strategies and
 * practices): the rows grouped by their parent's id, in the order they were read.
 */

/** The rows grouped by `keyOf`, each turned into what its group holds by `itemOf` (the row itself if none). */
export function groupedBy<Row, Value = Row>(
  rows: Iterable<Row>,
  keyOf: (row: Row) => string,
  itemOf: (row: Row) => Value = (row) => row as unknown as Value,
): Map<string, Value[]> {
  const groups = new Map<string, Value[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(itemOf(row));
    else groups.set(key, [itemOf(row)]);
  }
  return groups;
}
