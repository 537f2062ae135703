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
import { ODT_MEDIA_TYPE, type OdtDocument, writeOdt } from './odt.ts';

const created = new Date('2027-01-15T02:30:00Z');
const tricky = 'A & B <tag> "quoted" \'apos\' > end\u0001\u0000\uFFFF\uD800!';
const trickyClean = 'A & B <tag> "quoted" \'apos\' > end!';

const report: OdtDocument = {
  title: '101年度為民服務績效報告 & <總表>',
  lang: 'zh-TW',
  created,
  blocks: [
    { type: 'heading', level: 1, text: '壹、計畫依據' },
    { type: 'paragraph', text: '行政院研究發展考核委員會「政府服務躍升方案」。' },
    { type: 'heading', level: 2, text: '(一) 電話禮貌測試' },
    { type: 'list', items: ['每月辦理一次', '受測人員 12 名'] },
    { type: 'list', items: ['第一步', '第二步'], ordered: true },
    {
      type: 'table',
      caption: '表一 量化指標達成情形',
      header: ['指標', '目標值', '實績值', '備註'],
      rows: [
        ['電話禮貌測試平均分數', 85, 91.5, null],
        ['臨櫃服務滿意度 (%)', 90, 1234567.25],
        [tricky, -0, 0.000001, '多行\n備註'],
      ],
    },
    { type: 'pageBreak' },
    { type: 'paragraph', text: tricky },
    { type: 'paragraph', text: '  前導空白\t定位  兩個空白\r\n換行 ' },
  ],
};

function openOdt(document: OdtDocument) {
  const pkg = readOdfPackage(writeOdt(document), ODT_MEDIA_TYPE);
  return { pkg, content: pkg.xml['content.xml'] as XmlElement, styles: pkg.xml['styles.xml'] as XmlElement };
}

describe('writeOdt: the package', () => {
  it('is a valid ODF package: mimetype first and stored, manifest complete, every part well-formed', () => {
    const { pkg } = openOdt(report);
    assert.deepEqual(
      pkg.entries.map((entry) => entry.name),
      ODF_PARTS,
    );
    const manifest = pkg.xml['META-INF/manifest.xml'] as XmlElement;
    assert.equal(manifest.attributes['manifest:version'], '1.2');
    const root = elements(manifest, 'manifest:file-entry').find(
      (entry) => entry.attributes['manifest:full-path'] === '/',
    );
    assert.equal(root?.attributes['manifest:version'], '1.2');
    for (const part of ['content.xml', 'styles.xml', 'meta.xml']) {
      assert.equal(pkg.xml[part]?.attributes['office:version'], '1.2', `${part} is ODF 1.2`);
    }
    assertStylesResolve(pkg);
  });

  it("is recognised as an OpenDocument text by the platform's upload sniffer", async () => {
    assert.equal((await sniffMediaType(writeOdt(report)))?.mediaType, ODT_MEDIA_TYPE);
  });

  it('is byte-for-byte the same for the same input and time', () => {
    assert.deepEqual(writeOdt(report), writeOdt(report));
  });
});

describe('writeOdt: content', () => {
  const { content, styles, pkg } = openOdt(report);
  const body = element(content, 'office:text');

  it('holds the headings with their outline levels and the paragraphs, in order', () => {
    const blocks = body.children.filter((child): child is XmlElement => typeof child !== 'string');
    assert.deepEqual(
      blocks.map((block) => block.name),
      [
        'text:h',
        'text:p',
        'text:h',
        'text:list',
        'text:list',
        'text:p',
        'table:table',
        'text:p',
        'text:p',
        'text:p',
      ],
    );
    const headings = elements(body, 'text:h');
    assert.deepEqual(
      headings.map((heading) => [
        odfText(heading),
        heading.attributes['text:outline-level'],
        heading.attributes['text:style-name'],
      ]),
      [
        ['壹、計畫依據', '1', 'Heading_20_1'],
        ['(一) 電話禮貌測試', '2', 'Heading_20_2'],
      ],
    );
    assert.equal(odfText(blocks[1] as XmlElement), '行政院研究發展考核委員會「政府服務躍升方案」。');
  });

  it('writes bulleted and numbered lists with their items', () => {
    const lists = elements(body, 'text:list');
    assert.deepEqual(
      lists.map((list) => [
        list.attributes['text:style-name'],
        elements(list, 'text:list-item').map(odfText),
      ]),
      [
        ['L_Bullet', ['每月辦理一次', '受測人員 12 名']],
        ['L_Number', ['第一步', '第二步']],
      ],
    );
    const numbered = elements(styles, 'text:list-style').find(
      (style) => style.attributes['style:name'] === 'L_Number',
    );
    assert.equal(
      elements(numbered as XmlElement, 'text:list-level-style-number')[0]?.attributes['style:num-format'],
      '1',
    );
  });

  it('writes the table with its caption, a repeated header row, bordered cells, numbers as floats', () => {
    const caption = body.children.filter(
      (child): child is XmlElement => typeof child !== 'string',
    )[5] as XmlElement;
    assert.equal(caption.attributes['text:style-name'], 'Caption');
    assert.equal(odfText(caption), '表一 量化指標達成情形');
    const table = element(body, 'table:table');
    assert.equal(element(table, 'table:table-column').attributes['table:number-columns-repeated'], '4');
    const header = element(table, 'table:table-header-rows');
    assert.deepEqual(elements(header, 'table:table-cell').map(odfText), ['指標', '目標值', '實績值', '備註']);
    const rows = table.children.filter(
      (child): child is XmlElement => typeof child !== 'string' && child.name === 'table:table-row',
    );
    const cells = rows.map(cellsOf);
    assert.deepEqual(cells, [
      [
        ['string', null, '電話禮貌測試平均分數'],
        ['float', '85', '85'],
        ['float', '91.5', '91.5'],
        ['string', null, ''],
      ],
      [
        ['string', null, '臨櫃服務滿意度 (%)'],
        ['float', '90', '90'],
        ['float', '1234567.25', '1,234,567.25'],
        ['string', null, ''], // the short row is padded to the header's width
      ],
      [
        ['string', null, trickyClean],
        ['float', '0', '0'],
        ['float', '0.000001', '0.000001'],
        ['string', null, '多行\n備註'],
      ],
    ]);
    for (const cell of elements(table, 'table:table-cell'))
      assert.equal(cell.attributes['table:style-name'], 'TblCell');
    const cellStyle = elements(content, 'style:style').find(
      (style) => style.attributes['style:name'] === 'TblCell',
    );
    assert.equal(
      element(cellStyle as XmlElement, 'style:table-cell-properties').attributes['fo:border'],
      '0.5pt solid #000000',
    );
  });

  it('breaks the page with a paragraph whose style breaks before', () => {
    const breaker = elements(body, 'text:p').find((p) => p.attributes['text:style-name'] === 'P_PageBreak');
    assert.ok(breaker);
    const style = elements(content, 'style:style').find((s) => s.attributes['style:name'] === 'P_PageBreak');
    assert.equal(
      element(style as XmlElement, 'style:paragraph-properties').attributes['fo:break-before'],
      'page',
    );
  });

  it('escapes & < > " and drops characters XML 1.0 cannot hold', () => {
    const paragraphs = elements(body, 'text:p').map(odfText);
    assert.ok(paragraphs.includes(trickyClean));
    const raw = pkg.entries.find((entry) => entry.name === 'content.xml')?.data.toString('utf8') ?? '';
    assert.ok(raw.includes('A &amp; B &lt;tag&gt;'));
    for (const dropped of ['\u0000', '\u0001', '\uFFFF']) assert.ok(!raw.includes(dropped));
  });

  it('keeps spaces, tabs and line breaks as ODF white-space elements', () => {
    assert.ok(elements(body, 'text:p').map(odfText).includes('  前導空白\t定位  兩個空白\n換行 '));
  });
});

describe('writeOdt: styles and metadata', () => {
  const { styles, pkg } = openOdt(report);

  it('sets A4 portrait pages with page numbers in the footer', () => {
    const layout = element(styles, 'style:page-layout-properties').attributes;
    assert.equal(layout['fo:page-width'], '21cm');
    assert.equal(layout['fo:page-height'], '29.7cm');
    assert.equal(layout['style:print-orientation'], 'portrait');
    const master = element(styles, 'style:master-page');
    assert.equal(master.attributes['style:name'], 'Standard');
    assert.ok(element(master, 'text:page-number'));
  });

  it('uses a CJK-capable default font with fallbacks and the document language', () => {
    const face = element(styles, 'style:font-face').attributes;
    assert.equal(face['style:name'], 'Noto Sans CJK TC');
    assert.match(face['svg:font-family'] ?? '', /^'Noto Sans CJK TC', .*'Microsoft JhengHei'/);
    assert.equal(face['style:font-family-generic'], 'swiss');
    const defaults = element(element(styles, 'style:default-style'), 'style:text-properties').attributes;
    assert.equal(defaults['style:font-name'], 'Noto Sans CJK TC');
    assert.equal(defaults['style:font-name-asian'], 'Noto Sans CJK TC');
    assert.equal(defaults['fo:language'], 'zh');
    assert.equal(defaults['fo:country'], 'TW');
    assert.equal(defaults['style:language-asian'], 'zh');
  });

  it('defines bold headings of decreasing size', () => {
    const heading = (level: number) =>
      element(
        elements(styles, 'style:style').find(
          (s) => s.attributes['style:name'] === `Heading_20_${level}`,
        ) as XmlElement,
        'style:text-properties',
      ).attributes;
    assert.equal(heading(1)['fo:font-weight'], 'bold');
    assert.ok(
      Number.parseFloat(heading(1)['fo:font-size'] ?? '') >
        Number.parseFloat(heading(2)['fo:font-size'] ?? ''),
    );
  });

  it('records title, language, generator and creation date in meta.xml', () => {
    const meta = pkg.xml['meta.xml'] as XmlElement;
    assert.equal(odfText(element(meta, 'dc:title')), '101年度為民服務績效報告 & <總表>');
    assert.equal(odfText(element(meta, 'dc:language')), 'zh-TW');
    assert.equal(odfText(element(meta, 'meta:generator')), 'OneWindow');
    assert.equal(odfText(element(meta, 'meta:creation-date')), '2027-01-15T02:30:00Z');
  });

  it('writes English documents with an English default language', () => {
    const { styles: englishStyles, pkg: english } = openOdt({
      title: 'Report',
      lang: 'en',
      created,
      blocks: [],
    });
    const defaults = element(
      element(englishStyles, 'style:default-style'),
      'style:text-properties',
    ).attributes;
    assert.equal(defaults['fo:language'], 'en');
    assert.equal(odfText(element(english.xml['meta.xml'] as XmlElement, 'dc:language')), 'en');
    // An empty document still has one (empty) paragraph.
    assert.equal(element(english.xml['content.xml'] as XmlElement, 'office:text').children.length, 1);
  });
});

describe('writeOdt: programming mistakes', () => {
  const base = { title: 't', lang: 'en' as const, created };
  it('refuses a heading level outside 1–6, a table without columns and a non-finite number', () => {
    assert.throws(
      () => writeOdt({ ...base, blocks: [{ type: 'heading', level: 7 as 1, text: 'x' }] }),
      /heading level 7/,
    );
    assert.throws(
      () => writeOdt({ ...base, blocks: [{ type: 'table', caption: 'Empty', header: [], rows: [] }] }),
      /"Empty" has no columns/,
    );
    assert.throws(
      () =>
        writeOdt({ ...base, blocks: [{ type: 'table', caption: 'T', header: ['a'], rows: [[Number.NaN]] }] }),
      /row 1 column 1: NaN is not a finite number/,
    );
  });
});
