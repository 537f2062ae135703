import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';

/**
 * JSON written by PostgreSQL, to the byte as JSON.stringify writes it: for a large public answer (a page of
 * 1000 Open311 requests, 2000 map features) reading the rows into objects and stringifying them costs more
 * than the query (docs/benchmarks.md). The query then returns the answer's text in one column instead.
 *
 * - Every value goes through `to_json(…)::text`, which escapes strings as JSON.stringify does (" and \, the
 *   control characters as \b \f \n \r \t or \u00xx, nothing else) and writes a double in its shortest exact
 *   form, as JavaScript does; SQL null becomes `null`.
 * - Objects are written member by member in the order given (jsonb would sort the keys; json_build_object
 *   adds spaces), so the bytes are JSON.stringify's.
 * - Words (names, labels) stay in TypeScript: they are handed to the query as a JSON object to look up
 *   (jsonLookup), or as a template the TypeScript function wrote itself around a marker (splitAround), so the
 *   text cannot drift from the function that writes it elsewhere.
 *
 * Each use has a test that compares its bytes with the TypeScript writer's on every kind of row.
 */

/** A value as JSON text; SQL null as `null`. */
export function jsonValue(value: SQLWrapper): SQL {
  return sql`coalesce(to_json(${value})::text, 'null')`;
}

/** An object of JSON texts (each already a JSON value: jsonValue, a nested jsonObject, a literal). */
export function jsonObject(members: readonly (readonly [name: string, value: SQL])[]): SQL {
  const parts = members.map(
    ([name, value], index) => sql`${`${index === 0 ? '{' : ','}${JSON.stringify(name)}:`}::text || ${value}`,
  );
  return sql`(${sql.join(parts, sql` || `)} || '}')`;
}

/** A JSON text literal (a constant of the answer: `"Feature"`, `null`). */
export function jsonLiteral(value: unknown): SQL {
  return sql`${JSON.stringify(value)}::text`;
}

/**
 * A word looked up by key in a table of words handed to the query (SQL null when the key is not there or
 * null). The table is one parameter: cast once when the statement is planned.
 */
export function jsonLookup(words: Readonly<Record<string, string>>, key: SQLWrapper): SQL {
  return sql`(${JSON.stringify(words)}::jsonb ->> (${key})::text)`;
}

/**
 * The rows' JSON texts as a JSON array in the order given (of the rows `where` admits, when given); `[]`
 * when there are none.
 */
export function jsonArrayAgg(entry: SQL, orderBy: SQL, where?: SQL): SQL<string> {
  const filter = where === undefined ? sql`` : sql` filter (where ${where})`;
  return sql<string>`coalesce('[' || string_agg(${entry}, ',' order by ${orderBy})${filter} || ']', '[]')`;
}

/**
 * A moment as `2026-03-02T10:00:00+08:00` (Taipei time to the second, the fraction cut off): what
 * open311DateTime and taipeiDateTime write. `at time zone interval '08:00'` is the fixed offset (Taiwan has
 * no summer time), not a zone's rules.
 */
export function taipeiMomentText(moment: SQLWrapper): SQL<string> {
  return sql<string>`to_char(${moment} at time zone interval '08:00', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"')`;
}

/**
 * A text template split around a marker that the function writing it was given as a value: the parts
 * before and after. Refused unless the marker stands in it exactly once (a function that encoded or
 * repeated it would give a wrong answer otherwise).
 */
export function splitAround(text: string, marker: string): [before: string, after: string] {
  const parts = text.split(marker);
  if (parts.length !== 2) throw new Error(`template without exactly one ${marker}: ${text}`);
  return [parts[0] as string, parts[1] as string];
}

/**
 * A template with values put in where a function wrote markers: `fill(render, ['CASE', 'PHOTO'])` gives SQL
 * that writes render('CASE', 'PHOTO') with each marker replaced by the SQL value given for it. Markers must
 * be plain words the function does not change (no characters it would encode).
 */
export function textTemplate<Markers extends readonly string[]>(
  written: string,
  markers: Markers,
): (...values: { [Index in keyof Markers]: SQLWrapper }) => SQL<string> {
  const pieces: string[] = [];
  let rest = written;
  for (const marker of markers) {
    const [before, after] = splitAround(rest, marker);
    pieces.push(before);
    rest = after;
  }
  pieces.push(rest);
  return (...values) => {
    const parts: SQL[] = [sql`${pieces[0]}::text`];
    values.forEach((value, index) => {
      parts.push(sql`(${value})::text`, sql`${pieces[index + 1]}::text`);
    });
    return sql<string>`(${sql.join(parts, sql` || `)})`;
  };
}
