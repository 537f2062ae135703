/**
 * The filters of a list's query string that name something (a state, a service, a district …). A list's
 * filters are links and bookmarks, so a value that names nothing known (an old bookmark, a mistyped link)
 * is never refused: it is ignored, and the reader is told which filter did not apply.
 */

/** One filter, read from the query parameter `name`. */
export interface NamedFilter<Name extends string, Notice> {
  name: Name;
  /** False where this reader cannot use the filter (it is then not read, and nothing is said). Default true. */
  applies?: boolean;
  /** The value as it is compared (default: trimmed; a case-blind filter also lowercases it). */
  normalise?: (value: string) => string;
  isKnown: (value: string) => boolean;
  /** Sets the query's filter from a known value. */
  apply: (value: string) => void;
  /** What the reader is told of an unknown value (a message key of the module). */
  notice: Notice;
}

/**
 * Reads each filter in the order given (the order of the form): a known value is applied and kept in
 * `selection` (the form shows it again); an unknown one goes to `ignore` with the filter's notice.
 */
export function applyNamedFilters<Name extends string, Notice>(
  query: Partial<Record<Name, string | undefined>>,
  namedFilters: readonly NamedFilter<Name, Notice>[],
  selection: Record<Name, string>,
  ignore: (name: Name, notice: Notice, value: string) => void,
): void {
  for (const filter of namedFilters) {
    if (filter.applies === false) continue;
    const trimmed = query[filter.name]?.trim() ?? '';
    const value = filter.normalise === undefined ? trimmed : filter.normalise(trimmed);
    if (value === '') continue;
    if (!filter.isKnown(value)) {
      ignore(filter.name, filter.notice, value);
      continue;
    }
    filter.apply(value);
    selection[filter.name] = value;
  }
}
