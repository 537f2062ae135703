/**
 * An OpenDocument spreadsheet (.ods): one sheet per table, a bold header row (repeated when printed),
 * numbers as float cells (office:value-type="float" with office:value, so they sum and sort), text as
 * string cells, empty cells for null. See README.md in this folder.
 */

import { dropInvalidXmlCharacters } from '../web/xml-text.ts';
import {
  checkNumber,
  type DocumentLanguage,
  escapeXml,
  fontProperties,
  languageProperties,
  type OdfCellValue,
  odfTableRows,
  officeDocumentXml,
  paragraphText,
  writeOdfDocument,
} from './odf-common.ts';

export const ODS_MEDIA_TYPE = 'application/vnd.oasis.opendocument.spreadsheet';

export type SheetCellValue = OdfCellValue;

export interface Sheet {
  name: string;
  header: string[];
  rows: SheetCellValue[][];
}

export interface OdsDocument {
  sheets: Sheet[];
  /** dc:title in meta.xml (optional). */
  title?: string;
  /** The language of the text (default zh-TW). */
  lang?: DocumentLanguage;
  /** meta:creation-date and the zip entries' time (default: now). */
  created?: Date;
}

export const MAX_SHEET_NAME_LENGTH = 31;

/**
 * A sheet name spreadsheet programs accept: without []*?:/\ (forbidden by Excel and LibreOffice), without
 * control characters or a leading/trailing apostrophe, at most 31 characters (Excel's limit), never empty.
 */
export function sanitiseSheetName(name: string, fallback: string): string {
  const cleaned = dropInvalidXmlCharacters(name)
    .replace(/[[\]*?:/\\\p{Cc}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '')
    .trim();
  const short = Array.from(cleaned).slice(0, MAX_SHEET_NAME_LENGTH).join('').trim();
  return short === '' ? fallback : short;
}

/** Sanitised and unique (case-insensitively, as both LibreOffice and Excel compare them) sheet names. */
export function sheetNames(names: string[]): string[] {
  const taken = new Set<string>();
  return names.map((name, index) => {
    const base = sanitiseSheetName(name, `Sheet${index + 1}`);
    let candidate = base;
    for (let n = 2; taken.has(candidate.toLocaleLowerCase()); n++) {
      const suffix = ` (${n})`;
      candidate = `${Array.from(base)
        .slice(0, MAX_SHEET_NAME_LENGTH - suffix.length)
        .join('')
        .trimEnd()}${suffix}`;
    }
    taken.add(candidate.toLocaleLowerCase());
    return candidate;
  });
}

/** Rough display width of a cell in cm: CJK and other wide characters count double. */
function textWidth(text: string): number {
  let units = 0;
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    units += code >= 0x1100 && (code <= 0x115f || code >= 0x2e80) ? 2 : 1;
  }
  return units;
}

function cellText(value: string): string {
  // A cell's lines are separate paragraphs, as LibreOffice writes them.
  return dropInvalidXmlCharacters(value)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => `<text:p>${paragraphText(line)}</text:p>`)
    .join('');
}

function sheetXml(sheet: Sheet, name: string, sheetIndex: number): { xml: string; columnStyles: string } {
  const columns = Math.max(1, sheet.header.length, ...sheet.rows.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, column) => {
    const texts = [sheet.header[column] ?? '', ...sheet.rows.map((row) => String(row[column] ?? ''))];
    const longest = Math.max(...texts.map((text) => Math.max(...text.split('\n').map(textWidth))));
    return Math.min(Math.max(longest * 0.2 + 0.4, 2), 12).toFixed(2);
  });
  const columnStyles = widths
    .map(
      (width, column) =>
        `<style:style style:name="co${sheetIndex}_${column + 1}" style:family="table-column"><style:table-column-properties fo:break-before="auto" style:column-width="${width}cm"/></style:style>`,
    )
    .join('');
  const columnElements = widths
    .map(
      (_, column) =>
        `<table:table-column table:style-name="co${sheetIndex}_${column + 1}" table:default-cell-style-name="Default"/>`,
    )
    .join('');
  const cell = (value: SheetCellValue, where: string): string => {
    if (value === null || value === '') return '<table:table-cell/>';
    if (typeof value === 'number') {
      const number = checkNumber(value, where);
      return `<table:table-cell office:value-type="float" office:value="${number}"><text:p>${number}</text:p></table:table-cell>`;
    }
    return `<table:table-cell office:value-type="string">${cellText(value)}</table:table-cell>`;
  };
  const { header, rows } = odfTableRows(sheet, {
    columns,
    rowStart: '<table:table-row table:style-name="ro1">',
    headerCell: (text) =>
      text === ''
        ? '<table:table-cell table:style-name="ce_head"/>'
        : `<table:table-cell table:style-name="ce_head" office:value-type="string">${cellText(text)}</table:table-cell>`,
    cell,
    where: (row, column) => `ods: sheet "${name}" row ${row} column ${column}`,
  });
  const body =
    header === '' && rows === '' ? '<table:table-row><table:table-cell/></table:table-row>' : header + rows;
  return {
    xml: `<table:table table:name="${escapeXml(name)}" table:style-name="ta1">${columnElements}${body}</table:table>`,
    columnStyles,
  };
}

export function odsContentXml(document: OdsDocument): string {
  if (document.sheets.length === 0) throw new RangeError('ods: a spreadsheet needs at least one sheet');
  const names = sheetNames(document.sheets.map((sheet) => sheet.name));
  const sheets = document.sheets.map((sheet, index) => sheetXml(sheet, names[index] as string, index + 1));
  return officeDocumentXml(
    'document-content',
    '<office:automatic-styles>' +
      '<style:style style:name="ta1" style:family="table" style:master-page-name="Default"><style:table-properties table:display="true" style:writing-mode="lr-tb"/></style:style>' +
      '<style:style style:name="ro1" style:family="table-row"><style:table-row-properties style:use-optimal-row-height="true"/></style:style>' +
      sheets.map((sheet) => sheet.columnStyles).join('') +
      '<style:style style:name="ce_head" style:family="table-cell" style:parent-style-name="Default">' +
      '<style:table-cell-properties fo:background-color="#e8e8e8" fo:border-bottom="0.75pt solid #000000"/>' +
      '<style:text-properties fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"/>' +
      '</style:style>' +
      '</office:automatic-styles>' +
      `<office:body><office:spreadsheet>${sheets.map((sheet) => sheet.xml).join('')}</office:spreadsheet></office:body>`,
  );
}

function stylesXml(lang: DocumentLanguage): string {
  return officeDocumentXml(
    'document-styles',
    '<office:styles>' +
      '<style:default-style style:family="table-cell">' +
      `<style:text-properties ${fontProperties()} fo:font-size="11pt" style:font-size-asian="11pt" style:font-size-complex="11pt" ${languageProperties(lang)}/>` +
      '</style:default-style>' +
      '<style:style style:name="Default" style:family="table-cell"/>' +
      '</office:styles>' +
      '<office:automatic-styles>' +
      '<style:page-layout style:name="pm1">' +
      '<style:page-layout-properties fo:page-width="29.7cm" fo:page-height="21cm" style:print-orientation="landscape" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="1.5cm" fo:margin-right="1.5cm" style:writing-mode="lr-tb"/>' +
      '</style:page-layout>' +
      '</office:automatic-styles>' +
      '<office:master-styles><style:master-page style:name="Default" style:page-layout-name="pm1"/></office:master-styles>',
  );
}

/** The .ods file's bytes. Throws RangeError for no sheets or a non-finite number. */
export function writeOds(document: OdsDocument): Buffer {
  const created = document.created ?? new Date();
  const lang = document.lang ?? 'zh-TW';
  return writeOdfDocument(ODS_MEDIA_TYPE, {
    content: odsContentXml(document),
    styles: stylesXml(lang),
    title: document.title,
    lang,
    created,
  });
}
