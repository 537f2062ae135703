/**
 * An OpenDocument text file (.odt) from a small block structure: headings, paragraphs, lists, tables with a
 * caption and a repeated header row, page breaks. A4 portrait, one CJK-capable font, page numbers in the
 * footer. See README.md in this folder for the subset written and the references.
 */
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

export const ODT_MEDIA_TYPE = 'application/vnd.oasis.opendocument.text';

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;
export type TableCellValue = OdfCellValue;

export type OdtBlock =
  | { type: 'heading'; level: HeadingLevel; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; items: string[]; ordered?: boolean }
  | { type: 'table'; caption: string; header: string[]; rows: TableCellValue[][] }
  | { type: 'pageBreak' };

export interface OdtDocument {
  /** The document's title (meta.xml dc:title; shown by office suites and used as the PDF title on export). */
  title: string;
  lang: DocumentLanguage;
  blocks: OdtBlock[];
  /** meta:creation-date and the zip entries' time (default: now). Pass the clock's time for stable output. */
  created?: Date;
}

const headingSizes: Record<HeadingLevel, string> = {
  1: '18pt',
  2: '15pt',
  3: '13pt',
  4: '12pt',
  5: '11pt',
  6: '11pt',
};

function sizes(size: string): string {
  return `fo:font-size="${size}" style:font-size-asian="${size}" style:font-size-complex="${size}"`;
}
const bold = 'fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"';

function stylesXml(lang: DocumentLanguage): string {
  const headings = ([1, 2, 3, 4, 5, 6] as const)
    .map(
      (level) =>
        `<style:style style:name="Heading_20_${level}" style:display-name="Heading ${level}" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="${level}" style:class="text">` +
        `<style:text-properties ${sizes(headingSizes[level])} ${bold}/>` +
        '</style:style>',
    )
    .join('');
  const listLevel = (kind: 'bullet' | 'number', level: number) => {
    const indent = `<style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="${(0.635 * level).toFixed(3)}cm" fo:text-indent="-0.635cm" fo:margin-left="${(0.635 * level).toFixed(3)}cm"/></style:list-level-properties>`;
    return kind === 'bullet'
      ? `<text:list-level-style-bullet text:level="${level}" text:bullet-char="${level % 2 === 1 ? '•' : '◦'}">${indent}</text:list-level-style-bullet>`
      : `<text:list-level-style-number text:level="${level}" style:num-format="1" style:num-suffix="." text:display-levels="1">${indent}</text:list-level-style-number>`;
  };
  const listStyle = (name: string, kind: 'bullet' | 'number') =>
    `<text:list-style style:name="${name}">${[1, 2, 3].map((level) => listLevel(kind, level)).join('')}</text:list-style>`;

  return officeDocumentXml(
    'document-styles',
    '<office:styles>' +
      '<style:default-style style:family="paragraph">' +
      '<style:paragraph-properties fo:hyphenation-ladder-count="no-limit" style:writing-mode="lr-tb" style:line-break="strict"/>' +
      `<style:text-properties ${fontProperties()} ${sizes('12pt')} ${languageProperties(lang)} fo:hyphenate="false"/>` +
      '</style:default-style>' +
      '<style:style style:name="Standard" style:family="paragraph" style:class="text"/>' +
      '<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text">' +
      '<style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.25cm" fo:line-height="140%"/>' +
      '</style:style>' +
      '<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text">' +
      '<style:paragraph-properties fo:margin-top="0.42cm" fo:margin-bottom="0.21cm" fo:keep-with-next="always"/>' +
      '</style:style>' +
      headings +
      '<style:style style:name="List" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="list">' +
      '<style:paragraph-properties fo:margin-bottom="0.1cm"/>' +
      '</style:style>' +
      '<style:style style:name="Caption" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">' +
      `<style:paragraph-properties fo:margin-top="0.21cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"/><style:text-properties ${sizes('11pt')} ${bold}/>` +
      '</style:style>' +
      '<style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">' +
      `<style:text-properties ${sizes('10.5pt')}/>` +
      '</style:style>' +
      '<style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra">' +
      `<style:paragraph-properties fo:text-align="center"/><style:text-properties ${bold}/>` +
      '</style:style>' +
      '<style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">' +
      `<style:paragraph-properties fo:text-align="center"/><style:text-properties ${sizes('9pt')}/>` +
      '</style:style>' +
      listStyle('L_Bullet', 'bullet') +
      listStyle('L_Number', 'number') +
      '</office:styles>' +
      '<office:automatic-styles>' +
      '<style:page-layout style:name="pm1">' +
      '<style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="2cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm" style:writing-mode="lr-tb"/>' +
      '<style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.3cm"/></style:footer-style>' +
      '</style:page-layout>' +
      '</office:automatic-styles>' +
      '<office:master-styles>' +
      '<style:master-page style:name="Standard" style:page-layout-name="pm1">' +
      '<style:footer><text:p text:style-name="Footer"><text:page-number text:select-page="current"/></text:p></style:footer>' +
      '</style:master-page>' +
      '</office:master-styles>',
  );
}

// One formatter per language: Number#toLocaleString builds a new one on every call (~70 µs each).
const numberFormats: Record<DocumentLanguage, Intl.NumberFormat> = {
  'zh-TW': new Intl.NumberFormat('zh-TW', { maximumFractionDigits: 10 }),
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 10 }),
};

function formatNumber(value: number, lang: DocumentLanguage): string {
  return numberFormats[lang].format(Object.is(value, -0) ? 0 : value);
}

function tableXml(
  block: Extract<OdtBlock, { type: 'table' }>,
  index: number,
  lang: DocumentLanguage,
): string {
  const columns = Math.max(block.header.length, ...block.rows.map((row) => row.length));
  if (columns === 0) throw new RangeError(`odt: table "${block.caption}" has no columns`);
  const cell = (value: TableCellValue, where: string): string => {
    if (value === null) return '<table:table-cell table:style-name="TblCell" office:value-type="string"/>';
    if (typeof value === 'number') {
      return `<table:table-cell table:style-name="TblCell" office:value-type="float" office:value="${checkNumber(value, where)}"><text:p text:style-name="P_Number">${escapeXml(formatNumber(value, lang))}</text:p></table:table-cell>`;
    }
    return `<table:table-cell table:style-name="TblCell" office:value-type="string"><text:p text:style-name="Table_20_Contents">${paragraphText(value)}</text:p></table:table-cell>`;
  };
  const { header, rows } = odfTableRows(block, {
    columns,
    rowStart: '<table:table-row>',
    headerCell: (text) =>
      `<table:table-cell table:style-name="TblCell" office:value-type="string"><text:p text:style-name="Table_20_Heading">${paragraphText(text)}</text:p></table:table-cell>`,
    cell,
    where: (row, column) => `odt: table "${block.caption}" row ${row} column ${column}`,
  });
  return (
    `<text:p text:style-name="Caption">${paragraphText(block.caption)}</text:p>` +
    `<table:table table:name="Table${index}" table:style-name="Tbl">` +
    `<table:table-column table:number-columns-repeated="${columns}"/>` +
    header +
    rows +
    '</table:table>'
  );
}

function bodyXml(document: OdtDocument): string {
  let tables = 0;
  const parts = document.blocks.map((block): string => {
    switch (block.type) {
      case 'heading': {
        const level = block.level;
        if (!Number.isInteger(level) || level < 1 || level > 6) {
          throw new RangeError(`odt: heading level ${level} is not 1–6`);
        }
        return `<text:h text:style-name="Heading_20_${level}" text:outline-level="${level}">${paragraphText(block.text)}</text:h>`;
      }
      case 'paragraph':
        return `<text:p text:style-name="Text_20_body">${paragraphText(block.text)}</text:p>`;
      case 'list':
        if (block.items.length === 0) return '';
        return (
          `<text:list text:style-name="${block.ordered ? 'L_Number' : 'L_Bullet'}">` +
          block.items
            .map(
              (item) =>
                `<text:list-item><text:p text:style-name="List">${paragraphText(item)}</text:p></text:list-item>`,
            )
            .join('') +
          '</text:list>'
        );
      case 'table':
        tables++;
        return tableXml(block, tables, document.lang);
      case 'pageBreak':
        return '<text:p text:style-name="P_PageBreak"/>';
      default:
        throw new TypeError(`odt: unknown block ${JSON.stringify(block satisfies never)}`);
    }
  });
  const body = parts.join('');
  return body === '' ? '<text:p text:style-name="Standard"/>' : body;
}

export function odtContentXml(document: OdtDocument): string {
  return officeDocumentXml(
    'document-content',
    '<office:automatic-styles>' +
      '<style:style style:name="P_PageBreak" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:break-before="page"/></style:style>' +
      '<style:style style:name="P_Number" style:family="paragraph" style:parent-style-name="Table_20_Contents"><style:paragraph-properties fo:text-align="end"/></style:style>' +
      '<style:style style:name="Tbl" style:family="table"><style:table-properties style:width="17cm" table:align="margins" fo:margin-top="0cm" fo:margin-bottom="0.3cm"/></style:style>' +
      '<style:style style:name="TblCell" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.1cm"/></style:style>' +
      '</office:automatic-styles>' +
      `<office:body><office:text>${bodyXml(document)}</office:text></office:body>`,
  );
}

/** The .odt file's bytes. Throws RangeError on a programming mistake (heading level, empty table, NaN). */
export function writeOdt(document: OdtDocument): Buffer {
  const created = document.created ?? new Date();
  return writeOdfDocument(ODT_MEDIA_TYPE, {
    content: odtContentXml(document),
    styles: stylesXml(document.lang),
    title: document.title,
    lang: document.lang,
    created,
  });
}
