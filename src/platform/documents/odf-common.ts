/**
 * What the ODF text and spreadsheet writers share: XML escaping, the namespaces, the package layout
 * (mimetype first and stored, manifest, meta.xml) and the fonts.
 */
import { dropInvalidXmlCharacters } from '../web/xml-text.ts';
import { writeZip } from './zip.ts';

/**
 * The version written. Everything we write is in ODF 1.2 (ISO/IEC 26300:2015), which every office suite in
 * use reads without a "newer format" warning; the package rules are the same in 1.2 part 3 and 1.3 part 2.
 */
export const ODF_VERSION = '1.2';

export const namespaces = {
  office: 'urn:oasis:names:tc:opendocument:xmlns:office:1.0',
  style: 'urn:oasis:names:tc:opendocument:xmlns:style:1.0',
  text: 'urn:oasis:names:tc:opendocument:xmlns:text:1.0',
  table: 'urn:oasis:names:tc:opendocument:xmlns:table:1.0',
  fo: 'urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0',
  svg: 'urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0',
  meta: 'urn:oasis:names:tc:opendocument:xmlns:meta:1.0',
  dc: 'http://purl.org/dc/elements/1.1/',
  number: 'urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0',
  manifest: 'urn:oasis:names:tc:opendocument:xmlns:manifest:1.0',
} as const;

export function xmlns(...prefixes: (keyof typeof namespaces)[]): string {
  return prefixes.map((prefix) => `xmlns:${prefix}="${namespaces[prefix]}"`).join(' ');
}

/** Escapes for element content and for double-quoted attribute values. */
export function escapeXml(value: string): string {
  return dropInvalidXmlCharacters(value)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll('\t', '&#9;')
    .replaceAll('\n', '&#10;')
    .replaceAll('\r', '&#13;');
}

/**
 * Text for inside a <text:p>/<text:h>: ODF collapses white space in paragraphs (ODF 1.2 part 1 / 1.3 part 3, §6.1.2),
 * so line breaks, tabs and repeated spaces become <text:line-break/>, <text:tab/> and <text:s text:c="n"/>.
 */
export function paragraphText(value: string): string {
  const text = dropInvalidXmlCharacters(value).replace(/\r\n?/g, '\n');
  let out = '';
  let spaces = 0;
  const flushSpaces = (atStart: boolean) => {
    if (spaces === 0) return;
    // The first of a run of spaces is kept as a character, except at the start of the paragraph or
    // after a break/tab, where it would be collapsed away.
    const kept = atStart ? 0 : 1;
    if (kept) out += ' ';
    const rest = spaces - kept;
    if (rest === 1) out += '<text:s/>';
    else if (rest > 1) out += `<text:s text:c="${rest}"/>`;
    spaces = 0;
  };
  let atStart = true;
  for (const character of text) {
    if (character === ' ') {
      spaces++;
      continue;
    }
    flushSpaces(atStart);
    if (character === '\n') {
      out += '<text:line-break/>';
      atStart = true;
    } else if (character === '\t') {
      out += '<text:tab/>';
      atStart = true;
    } else {
      out +=
        character === '&' ? '&amp;' : character === '<' ? '&lt;' : character === '>' ? '&gt;' : character;
      atStart = false;
    }
  }
  flushSpaces(true); // trailing spaces would be dropped too, so all of them become <text:s/>
  return out;
}

/** office:value for a float cell (xsd:double). NaN and ±Infinity are programming mistakes: refused. */
export function checkNumber(value: number, where: string): string {
  if (!Number.isFinite(value)) throw new RangeError(`${where}: ${value} is not a finite number`);
  return String(Object.is(value, -0) ? 0 : value);
}

export type OdfCellValue = string | number | null;

/**
 * A table's header rows (none when the header is empty) and body rows, each row padded to `columns` cells
 * (the header with '', the body with null). `where` names a body cell for checkNumber's message.
 */
export function odfTableRows(
  table: { header: string[]; rows: OdfCellValue[][] },
  options: {
    columns: number;
    rowStart: string;
    headerCell: (text: string) => string;
    cell: (value: OdfCellValue, where: string) => string;
    where: (row: number, column: number) => string;
  },
): { header: string; rows: string } {
  const pad = <T>(cells: T[], filler: T): T[] => [
    ...cells,
    ...Array.from({ length: options.columns - cells.length }, () => filler),
  ];
  const header =
    table.header.length === 0
      ? ''
      : `<table:table-header-rows>${options.rowStart}${pad(table.header, '').map(options.headerCell).join('')}</table:table-row></table:table-header-rows>`;
  const rows = table.rows
    .map(
      (row, rowIndex) =>
        options.rowStart +
        pad(row, null)
          .map((value, column) => options.cell(value, options.where(rowIndex + 1, column + 1)))
          .join('') +
        '</table:table-row>',
    )
    .join('');
  return { header, rows };
}

export type DocumentLanguage = 'zh-TW' | 'en';

/** fo:language/fo:country (western text) and style:language-asian/style:country-asian (CJK text). */
export function languageProperties(lang: DocumentLanguage): string {
  const western = lang === 'en' ? 'fo:language="en" fo:country="US"' : 'fo:language="zh" fo:country="TW"';
  return `${western} style:language-asian="zh" style:country-asian="TW"`;
}

/**
 * One font for Latin, CJK and complex scripts. svg:font-family is a CSS-style list; LibreOffice reads it
 * as a fallback list (it keeps the names ';'-separated internally); other readers take the first name and
 * substitute by the generic family (sans) when it is missing.
 */
export const FONT_NAME = 'Noto Sans CJK TC';
const fontFamilies = `'Noto Sans CJK TC', 'Noto Sans TC', 'Microsoft JhengHei', 'PingFang TC', 'PMingLiU'`;

export function fontFaceDeclarations(): string {
  return (
    '<office:font-face-decls>' +
    `<style:font-face style:name="${FONT_NAME}" svg:font-family="${escapeXml(fontFamilies)}" style:font-family-generic="swiss" style:font-pitch="variable"/>` +
    '</office:font-face-decls>'
  );
}

export function fontProperties(): string {
  return `style:font-name="${FONT_NAME}" style:font-name-asian="${FONT_NAME}" style:font-name-complex="${FONT_NAME}"`;
}

/** xsd:dateTime in UTC without fractions, e.g. 2026-11-26T03:04:05Z. */
export function odfDateTime(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

export function metaXml(options: { title?: string; lang: DocumentLanguage; created: Date }): string {
  const created = odfDateTime(options.created);
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<office:document-meta ${xmlns('office', 'meta', 'dc')} office:version="${ODF_VERSION}">` +
    '<office:meta>' +
    '<meta:generator>OneWindow</meta:generator>' +
    (options.title ? `<dc:title>${escapeXml(options.title)}</dc:title>` : '') +
    `<dc:language>${options.lang}</dc:language>` +
    `<meta:creation-date>${created}</meta:creation-date>` +
    `<dc:date>${created}</dc:date>` +
    '</office:meta>' +
    '</office:document-meta>'
  );
}

/**
 * content.xml or styles.xml of a document: the XML declaration, the root element with the namespaces both
 * kinds of document use, the one font face, then what the document puts inside.
 */
export function officeDocumentXml(root: 'document-content' | 'document-styles', inner: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<office:${root} ${xmlns('office', 'style', 'text', 'table', 'fo', 'svg')} office:version="${ODF_VERSION}">` +
    fontFaceDeclarations() +
    inner +
    `</office:${root}>`
  );
}

/** A text or spreadsheet document's package: its content, its styles and the metadata. */
export function writeOdfDocument(
  mediaType: string,
  document: { content: string; styles: string; title?: string; lang: DocumentLanguage; created: Date },
): Buffer {
  const { title, lang, created } = document;
  return writeOdfPackage(
    mediaType,
    [
      { path: 'content.xml', mediaType: 'text/xml', xml: document.content },
      { path: 'styles.xml', mediaType: 'text/xml', xml: document.styles },
      { path: 'meta.xml', mediaType: 'text/xml', xml: metaXml({ title, lang, created }) },
    ],
    created,
  );
}

/** An ODF package: `mimetype` first and stored, then the XML parts, then META-INF/manifest.xml. */
export function writeOdfPackage(
  mediaType: string,
  parts: { path: string; mediaType: string; xml: string }[],
  created: Date,
): Buffer {
  const manifest =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<manifest:manifest ${xmlns('manifest')} manifest:version="${ODF_VERSION}">` +
    `<manifest:file-entry manifest:full-path="/" manifest:version="${ODF_VERSION}" manifest:media-type="${mediaType}"/>` +
    parts
      .map(
        (part) =>
          `<manifest:file-entry manifest:full-path="${escapeXml(part.path)}" manifest:media-type="${part.mediaType}"/>`,
      )
      .join('') +
    '</manifest:manifest>';
  return writeZip(
    [
      { name: 'mimetype', data: mediaType, method: 'store' },
      ...parts.map((part) => ({ name: part.path, data: part.xml })),
      { name: 'META-INF/manifest.xml', data: manifest },
    ],
    { modified: created },
  );
}
