/**
 * How GeoReport v2 writes its answers (https://wiki.open311.org/GeoReport_v2): the same document as JSON
 * (bare top-level arrays, as the specification shows them) or as XML (a root element named for the list,
 * one child element a row), dates in ISO 8601 with the Taipei offset, and errors as a list of code and
 * description. Pure: no database, no request.
 */
import { joinEntries } from '../../platform/http/entry-cache.ts';
import { xmlText } from '../../platform/web/xml-text.ts';

/** The two formats an Open311 address ends in. */
export type Open311Format = 'json' | 'xml';

/** A value of an Open311 document: text, a number, a flag, nothing, a row, or a list of them. */
export type Open311Value = string | number | boolean | null | Open311Row | readonly Open311Value[];
export interface Open311Row {
  readonly [field: string]: Open311Value;
}

/**
 * How a list is written in XML: the root element (`services`) and the element of each entry (`service`).
 * Lists inside a row name their entry element in `listEntries` (`attributes` → `attribute`).
 */
export interface XmlShape {
  readonly root: string;
  readonly entry?: string;
  readonly listEntries?: Readonly<Record<string, string>>;
}

/** The shape of the error list: `<errors><error><code/><description/></error></errors>`. */
export const errorShape: XmlShape = { root: 'errors', entry: 'error' };

/** Splits `services.json` into its name and format; null when the ending is neither. */
export function splitFormat(file: string): { name: string; format: Open311Format } | null {
  const match = /^(.+)\.(json|xml)$/.exec(file);
  if (!match?.[1] || !match[2]) return null;
  return { name: match[1], format: match[2] as Open311Format };
}

export const contentTypes: Record<Open311Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

function xmlElement(name: string, value: Open311Value, shape: XmlShape): string {
  if (value === null) return `<${name}/>`;
  if (Array.isArray(value)) {
    const entry = shape.listEntries?.[name] ?? 'value';
    return `<${name}>${value.map((item) => xmlElement(entry, item, shape)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    const children = Object.entries(value as Open311Row)
      .map(([field, child]) => xmlElement(field, child, shape))
      .join('');
    return `<${name}>${children}</${name}>`;
  }
  return `<${name}>${xmlText(String(value))}</${name}>`;
}

const xmlDeclaration = '<?xml version="1.0" encoding="utf-8"?>\n';

/** The document as XML: a list under its root element, or one row as the root element's children. */
export function toXml(document: Open311Row | readonly Open311Row[], shape: XmlShape): string {
  const body = Array.isArray(document)
    ? `<${shape.root}>${document.map((row) => xmlElement(shape.entry ?? 'item', row, shape)).join('')}</${shape.root}>`
    : xmlElement(shape.root, document as Open311Row, shape);
  return `${xmlDeclaration}${body}\n`;
}

/** One entry of a list as the list's document writes it (JSON: the object; XML: the entry element). */
export function serialiseEntry(row: Open311Row, format: Open311Format, shape: XmlShape): string {
  return format === 'json' ? JSON.stringify(row) : xmlElement(shape.entry ?? 'item', row, shape);
}

/**
 * A list from its written entries (serialiseEntry; kept as bytes by the entry cache): the same bytes as
 * `serialise` writes for the rows.
 */
export function listOfEntries(entries: readonly Buffer[], format: Open311Format, shape: XmlShape): Buffer {
  return format === 'json'
    ? joinEntries('[', entries, ',', ']')
    : joinEntries(`${xmlDeclaration}<${shape.root}>`, entries, '', `</${shape.root}>\n`);
}

/** The document in the asked format. */
export function serialise(
  document: Open311Row | readonly Open311Row[],
  format: Open311Format,
  shape: XmlShape,
): string {
  return format === 'json' ? JSON.stringify(document) : toXml(document, shape);
}

/**
 * One Open311 error: its HTTP status (400, 403, 404; 429 when a key passed its rate; 500 for a failure of
 * ours) and the code the list carries (the same number).
 */
export interface Open311Error {
  readonly code: 400 | 403 | 404 | 409 | 429 | 500 | 503;
  readonly description: string;
  /** With 429 or 503: when to try again (the Retry-After header). */
  readonly retryAfterSeconds?: number;
}

/** A moment as GeoReport v2 dates it: ISO 8601 in Taipei time with its offset (2026-03-02T10:00:00+08:00). */
export function open311DateTime(moment: Date): string {
  const taipei = new Date(moment.getTime() + 8 * 60 * 60 * 1000);
  return `${taipei.toISOString().slice(0, 19)}+08:00`;
}
