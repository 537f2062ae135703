import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sniffMediaType } from '../uploads/sniff.ts';
import {
  assertStylesResolve,
  cellsOf,
  element,
  elements,
  ODF_PARTS,
  odfText,
  readOdfPackage,
  type XmlElement,
} from './documents-test-support.ts';
import {
  MAX_SHEET_NAME_LENGTH,
  ODS_MEDIA_TYPE,
  type OdsDocument,
  sanitiseSheetName,
  sheetNames,
  writeOds,
} from './ods.ts';

const created = new Date('2027-01-15T02:30:00Z');
const tricky = 'A & B <tag> "quoted" > end\u0001\u0008!';
const trickyClean = 'A & B <tag> "quoted" > end!';

const workbook: OdsDocument = {
  title: '101年度績效指標',
  created,
  sheets: [
    {
      name: '指標/達成:2012',
      header: ['單位', '指標', '目標值', '實績值'],
      rows: [
        ['養護工程處', '電話禮貌測試平均分數', 85, 91.5],
        ['新建工程處', tricky, -12, 1234567.125],
        ['建築管理處', '尚未填報', null],
        ['多行', '第一行\n第二行', 0, 1e-7],
      ],
    },
    { name: '指標/達成:2012', header: ['說明'], rows: [['同名工作表']] },
    { name: '  []*?:/\\  ', header: [], rows: [] },
  ],
};

function openOds(document: OdsDocument) {
  const pkg = readOdfPackage(writeOds(document), ODS_MEDIA_TYPE);
  return { pkg, content: pkg.xml['content.xml'] as XmlElement };
}

function rowsOf(table: XmlElement): XmlElement[] {
  return elements(table, 'table:table-row');
}

describe('writeOds: the package', () => {
  it('is a valid ODF package: mimetype first and stored, manifest complete, every part well-formed', () => {
    const { pkg } = openOds(workbook);
    assert.deepEqual(
      pkg.entries.map((entry) => entry.name),
      ODF_PARTS,
    );
    assert.ok(element(pkg.xml['content.xml'] as XmlElement, 'office:spreadsheet'));
    assert.equal(odfText(element(pkg.xml['meta.xml'] as XmlElement, 'dc:title')), '101年度績效指標');
    assert.equal(odfText(element(pkg.xml['meta.xml'] as XmlElement, 'meta:generator')), 'OneWindow');
    assertStylesResolve(pkg);
  });

  it("is recognised as an OpenDocument spreadsheet by the platform's upload sniffer", async () => {
    assert.equal((await sniffMediaType(writeOds(workbook)))?.mediaType, ODS_MEDIA_TYPE);
  });
});

describe('writeOds: cells', () => {
  const { content } = openOds(workbook);
  const tables = elements(content, 'table:table');
  const first = tables[0] as XmlElement;

  it('writes one table per sheet, with sanitised, unique names', () => {
    assert.deepEqual(
      tables.map((table) => table.attributes['table:name']),
      ['指標 達成 2012', '指標 達成 2012 (2)', 'Sheet3'],
    );
  });

  it('puts the header in a bold header row that repeats when printed', () => {
    const header = element(first, 'table:table-header-rows');
    const cells = elements(header, 'table:table-cell');
    assert.deepEqual(cells.map(odfText), ['單位', '指標', '目標值', '實績值']);
    for (const cell of cells) assert.equal(cell.attributes['table:style-name'], 'ce_head');
    const style = elements(content, 'style:style').find((s) => s.attributes['style:name'] === 'ce_head');
    assert.equal(element(style as XmlElement, 'style:text-properties').attributes['fo:font-weight'], 'bold');
  });

  it('writes numbers as float cells with office:value, text as string cells, null as empty cells', () => {
    const body = rowsOf(first).slice(1);
    const cells = body.map(cellsOf);
    assert.deepEqual(cells, [
      [
        ['string', null, '養護工程處'],
        ['string', null, '電話禮貌測試平均分數'],
        ['float', '85', '85'],
        ['float', '91.5', '91.5'],
      ],
      [
        ['string', null, '新建工程處'],
        ['string', null, trickyClean],
        ['float', '-12', '-12'],
        ['float', '1234567.125', '1234567.125'],
      ],
      [
        ['string', null, '建築管理處'],
        ['string', null, '尚未填報'],
        [null, null, ''],
        [null, null, ''], // padded to the header's width
      ],
      [
        ['string', null, '多行'],
        ['string', null, '第一行第二行'],
        ['float', '0', '0'],
        ['float', '1e-7', '1e-7'],
      ],
    ]);
    // Each line of a multi-line cell is its own paragraph, as LibreOffice writes it.
    const multiLine = elements(body[3] as XmlElement, 'table:table-cell')[1] as XmlElement;
    assert.deepEqual(elements(multiLine, 'text:p').map(odfText), ['第一行', '第二行']);
    // xsd:double values that parse back to the same numbers.
    for (const cell of elements(first, 'table:table-cell')) {
      const value = cell.attributes['office:value'];
      if (value !== undefined) assert.ok(Number.isFinite(Number(value)), value);
    }
  });

  it('declares one column per field with a width', () => {
    const columns = elements(first, 'table:table-column');
    assert.equal(columns.length, 4);
    const widths = columns.map((column) => {
      const style = elements(content, 'style:style').find(
        (s) => s.attributes['style:name'] === column.attributes['table:style-name'],
      );
      return Number.parseFloat(
        element(style as XmlElement, 'style:table-column-properties').attributes['style:column-width'] ?? '',
      );
    });
    for (const width of widths) assert.ok(width >= 2 && width <= 12, String(width));
  });

  it('writes an empty sheet as one empty cell (a table needs a row and a column)', () => {
    const empty = tables[2] as XmlElement;
    assert.equal(rowsOf(empty).length, 1);
    assert.equal(elements(empty, 'table:table-column').length, 1);
  });
});

describe('sheet names', () => {
  it('drops the characters spreadsheets forbid and keeps names at most 31 characters', () => {
    assert.equal(sanitiseSheetName("'[績效]*成果?'", 'S'), '績效 成果');
    assert.equal(sanitiseSheetName('a\u0001b\tc', 'S'), 'ab c'); // invalid in XML: dropped, as in cells
    const long = sanitiseSheetName('高雄市政府工務局'.repeat(10), 'S');
    assert.equal(Array.from(long).length, MAX_SHEET_NAME_LENGTH);
    assert.equal(sanitiseSheetName('::', 'Sheet9'), 'Sheet9');
    assert.equal(sanitiseSheetName('A & <B>', 'S'), 'A & <B>'); // allowed; escaped in the XML
  });

  it('makes names unique case-insensitively without exceeding the limit', () => {
    const names = sheetNames(['Data', 'data', 'DATA', 'x'.repeat(40), 'x'.repeat(40)]);
    assert.deepEqual(names.slice(0, 3), ['Data', 'data (2)', 'DATA (3)']);
    assert.equal(names[4], `${'x'.repeat(27)} (2)`);
    for (const name of names) assert.ok(Array.from(name).length <= MAX_SHEET_NAME_LENGTH);
  });

  it('escapes a sheet name holding & < >', () => {
    const { content } = openOds({ created, sheets: [{ name: 'A & <B>', header: ['h'], rows: [] }] });
    assert.equal(element(content, 'table:table').attributes['table:name'], 'A & <B>');
  });
});

describe('writeOds: programming mistakes', () => {
  it('refuses a workbook without sheets and non-finite numbers', () => {
    assert.throws(() => writeOds({ sheets: [] }), /at least one sheet/);
    assert.throws(
      () => writeOds({ sheets: [{ name: 'S', header: ['a', 'b'], rows: [[1, Number.POSITIVE_INFINITY]] }] }),
      /sheet "S" row 1 column 2: Infinity is not a finite number/,
    );
  });
});
