import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ODT_MEDIA_TYPE, writeOdt } from './odt.ts';
import { handWrittenPdf } from './pdf-test-support.ts';
import {
  extractionLimits,
  extractText,
  hasReadableText,
  odfXmlText,
  readZipEntry,
  unifyRadicals,
} from './text-extraction.ts';
import { writeZip } from './zip.ts';

describe('extractText', () => {
  it('reads the words of a PDF, page after page', async () => {
    const pdf = handWrittenPdf(['Excavation permit (road) notice', 'Second page: Kaohsiung drainage']);
    const text = await extractText(pdf, 'application/pdf');
    assert.match(text, /Excavation permit \(road\) notice/);
    assert.match(text, /Second page: Kaohsiung drainage/);
    assert.ok(text.indexOf('Excavation') < text.indexOf('Second page'));
  });

  it('stops at the page and character limits of a long PDF', async () => {
    const pdf = handWrittenPdf(Array.from({ length: 12 }, (_value, index) => `Page number ${index + 1} end`));
    const limited = await extractText(pdf, 'application/pdf', { ...extractionLimits, maxPages: 3 });
    assert.match(limited, /Page number 3 end/);
    assert.doesNotMatch(limited, /Page number 4 end/);
    const short = await extractText(pdf, 'application/pdf', { ...extractionLimits, maxCharacters: 10 });
    assert.equal(short, 'Page numbe');
  });

  it('gives up on time rather than reading on', async () => {
    const pdf = handWrittenPdf(Array.from({ length: 30 }, (_value, index) => `Slow page ${index}`));
    const started = Date.now();
    const text = await extractText(pdf, 'application/pdf', { ...extractionLimits, timeoutMs: 0 });
    assert.equal(text, '');
    assert.ok(Date.now() - started < 5000);
  });

  it('reads the Chinese text of an ODT, paragraphs, lists and tables on their own lines', async () => {
    const odt = writeOdt({
      title: '道路挖掘申請須知',
      lang: 'zh-TW',
      created: new Date('2026-12-01T00:00:00Z'),
      blocks: [
        { type: 'heading', level: 1, text: '道路挖掘許可' },
        { type: 'paragraph', text: '申請人應於施工前十日提出申請 & 繳納規費。' },
        { type: 'list', items: ['路燈故障', '人行道破損'] },
        { type: 'table', caption: '表一', header: ['項目', '費用'], rows: [['審查費', 500]] },
      ],
    });
    const text = await extractText(odt, ODT_MEDIA_TYPE);
    assert.match(text, /道路挖掘許可/);
    assert.match(text, /申請人應於施工前十日提出申請 & 繳納規費。/);
    assert.match(text, /路燈故障\n人行道破損/);
    assert.match(text, /審查費\n500/);
    assert.doesNotMatch(text, /<|office:/);
  });

  it('never throws: a broken file, a lying type or an image gives no text', async () => {
    assert.equal(await extractText(Buffer.from('%PDF-1.4\nnot really a pdf'), 'application/pdf'), '');
    assert.equal(await extractText(Buffer.from('PK\u0003\u0004 broken zip'), ODT_MEDIA_TYPE), '');
    assert.equal(await extractText(handWrittenPdf(['x']), 'image/png'), '');
    assert.equal(await extractText(Buffer.alloc(0), 'application/pdf'), '');
    assert.equal(hasReadableText('image/jpeg'), false);
    assert.equal(hasReadableText('application/pdf'), true);
  });

  it('refuses to inflate an entry past its limit: a zip bomb throws there, and extractText gives no text', async () => {
    const bomb = writeZip([{ name: 'content.xml', data: Buffer.alloc(4 * 1024 * 1024, 0x41) }]);
    assert.ok(bomb.length < 100_000, 'the bomb is small');
    assert.throws(() => readZipEntry(bomb, 'content.xml', 1024 * 1024));
    const text = await extractText(bomb, ODT_MEDIA_TYPE, { ...extractionLimits, maxXmlBytes: 1024 * 1024 });
    assert.equal(text, '');
    assert.equal(readZipEntry(bomb, 'missing.xml', 1024), null);
  });

  it('a reading that runs out of its memory gives no text, and the caller goes on', async () => {
    // 16.5 MB of content.xml (48 kB zipped): its text as strings needs more than a 48 MB heap.
    const xml = `<office:document-content>${'<text:p>道路挖掘 abc</text:p>'.repeat(500_000)}</office:document-content>`;
    const odt = writeZip([{ name: 'content.xml', data: xml }]);
    assert.equal(await extractText(odt, ODT_MEDIA_TYPE, { ...extractionLimits, maxHeapMb: 48 }), '');
    const text = await extractText(odt, ODT_MEDIA_TYPE);
    assert.equal(text.length, extractionLimits.maxCharacters);
    assert.match(text, /^道路挖掘 abc\n道路挖掘 abc/);
  });

  it('odfXmlText keeps spaces, tabs and line breaks, and decodes entities', () => {
    assert.equal(
      odfXmlText(
        '<text:p>A<text:s text:c="2"/>B<text:tab/>C<text:line-break/>D &amp; &#x4E2D;&#25991;</text:p>',
      ),
      'A B\tC\nD & 中文\n',
    );
  });
});

describe('unifyRadicals', () => {
  it('turns the Kangxi radicals CJK fonts put in PDFs into the ideographs, and leaves the rest as it is', () => {
    // What Chromium's PDF of 「擋土牆排水孔」 gives back through its ToUnicode map (seen in the portal journey).
    assert.equal(unifyRadicals('擋\u2f1f牆排\u2f54孔'), '擋土牆排水孔');
    assert.equal(unifyRadicals('ＡＢＣ１２３ 全形'), 'ＡＢＣ１２３ 全形');
  });
});
