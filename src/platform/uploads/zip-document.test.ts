import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { writeZip } from '../documents/zip.ts';
import { type SniffedType, sniffMediaType, sniffMediaTypeOf } from './sniff.ts';
import {
  deflatedZeros,
  docxBomb,
  type RawZipEntry,
  rawZip,
  sampleDocx,
  sampleOdt,
  storedZip,
  zipEntry,
} from './upload-test-support.ts';
import { zipLimits } from './zip-document.ts';

/**
 * Office documents are checked for what they claim and inflated to see what they are (issue 13 §4): a
 * 1 MB zip that inflates to 1 GiB, shaped like a .docx, was accepted when its directory lied.
 */

const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const mebibyte = 1024 * 1024;
const wordParts = (document = '<w:document/>'): RawZipEntry[] => [
  zipEntry('[Content_Types].xml', '<Types/>'),
  zipEntry('_rels/.rels', '<Relationships/>'),
  zipEntry('word/document.xml', document),
];
const typeOf = async (bytes: Buffer) => (await sniffMediaType(bytes))?.mediaType ?? null;

/** sniffMediaTypeOf over the bytes, counting what it reads: proof that a refusal stops early. */
async function sniffCountingReads(bytes: Buffer): Promise<{ type: SniffedType | null; bytesRead: number }> {
  let bytesRead = 0;
  const type = await sniffMediaTypeOf({
    size: bytes.length,
    read: async (offset, length) => {
      const piece = bytes.subarray(offset, offset + length);
      bytesRead += piece.length;
      return piece;
    },
  });
  return { type, bytesRead };
}

describe('zip documents: bombs', () => {
  it('refuses the 1 MB .docx that inflates to 1 GiB, whether its headers tell the truth or lie; the lie is caught after reading a sliver of it', async () => {
    const honest = docxBomb();
    assert.ok(honest.length > 900_000 && honest.length < 1.2 * mebibyte, `${honest.length} bytes`);
    assert.equal(await typeOf(honest), null);

    // The headers (directory and local) say word/document.xml inflates to 64 KiB; it inflates to 1 GiB.
    const liar = docxBomb({ declaredBytes: 64 * 1024 });
    const { type, bytesRead } = await sniffCountingReads(liar);
    assert.equal(type, null);
    // The end record's read (up to 64 KiB + 22) and a window or two of the deflate stream, not the MB.
    assert.ok(bytesRead < 300 * 1024, `read ${bytesRead} of ${liar.length} bytes`);
  });

  it('refuses a lie in the other direction (declared larger than it inflates), a wrong CRC and bytes after the deflate stream', async () => {
    const content = '<w:document>OneWindow</w:document>';
    const good = zipEntry('word/document.xml', content);
    const withDocument = (entry: RawZipEntry) => rawZip([...wordParts().slice(0, 2), entry]);
    assert.equal(await typeOf(withDocument(good)), docx, 'the honest one passes');
    assert.equal(await typeOf(withDocument({ ...good, uncompressedSize: content.length + 1 })), null);
    assert.equal(await typeOf(withDocument({ ...good, crc: (good.crc + 1) >>> 0 })), null);
    assert.equal(
      await typeOf(withDocument({ ...good, data: Buffer.concat([good.data, Buffer.from('junk')]) })),
      null,
    );
    assert.equal(await typeOf(withDocument({ ...good, data: good.data.subarray(0, -2) })), null, 'cut short');
  });

  it('refuses an entry over the ratio limit even when told truthfully; one at the floor passes (the total: sniff.test.ts)', async () => {
    // 2 MiB of zeros in ~2 KiB: over the ratio for an entry above the 1 MiB floor.
    const zeros = deflatedZeros(2);
    const ratioBomb = rawZip([
      ...wordParts(),
      { name: 'word/media/image1.png', method: 8, ...zeros, uncompressedSize: 2 * mebibyte },
    ]);
    assert.equal(await typeOf(ratioBomb), null);
    // A 1 MiB entry (at the floor, so no ratio) is fine, however much it compresses.
    const one = deflatedZeros(1);
    const atFloor = rawZip([
      ...wordParts(),
      { name: 'word/media/image1.png', method: 8, ...one, uncompressedSize: mebibyte },
    ]);
    assert.equal(await typeOf(atFloor), docx);
    assert.equal(zipLimits.inflatedBytes, 512 * mebibyte);
  });
});

describe('zip documents: entries and parts', () => {
  it(`allows ${zipLimits.entries} entries and refuses one more`, async () => {
    const withPictures = (count: number) =>
      storedZip([
        ['[Content_Types].xml', '<Types/>'],
        ['word/document.xml', '<w:document/>'],
        ...Array.from({ length: count - 2 }, (_, index): [string, string] => [
          `word/media/p${index}.png`,
          'x',
        ]),
      ]);
    assert.equal(await typeOf(withPictures(zipLimits.entries)), docx);
    assert.equal(await typeOf(withPictures(zipLimits.entries + 1)), null);
  });

  it('refuses a .docx without word/document.xml and an .xlsx without xl/workbook.xml, and one that is both', async () => {
    const parts = (...names: string[]) => storedZip(names.map((name): [string, string] => [name, '<x/>']));
    assert.equal(await typeOf(parts('[Content_Types].xml', 'word/styles.xml')), null);
    assert.equal(
      await typeOf(parts('[Content_Types].xml', 'xl/styles.xml', 'xl/worksheets/sheet1.xml')),
      null,
    );
    assert.equal(await typeOf(parts('[Content_Types].xml', 'xl/workbook.xml')), xlsx);
    assert.equal(await typeOf(parts('[Content_Types].xml', 'word/document.xml', 'xl/workbook.xml')), null);
    assert.equal(await typeOf(parts('word/document.xml')), null, 'no [Content_Types].xml');
  });

  it('refuses an ODT without its manifest or content, with a compressed mimetype, or encrypted with a password', async () => {
    const mimetype = 'application/vnd.oasis.opendocument.text';
    const manifest = (extra = '') =>
      `<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml">${extra}</manifest:file-entry></manifest:manifest>`;
    const odt = (entries: RawZipEntry[]) => rawZip([zipEntry('mimetype', mimetype, 'store'), ...entries]);
    const content = zipEntry('content.xml', '<office:document-content/>');
    assert.equal(await typeOf(odt([content, zipEntry('META-INF/manifest.xml', manifest())])), mimetype);
    assert.equal(await typeOf(odt([content])), null, 'no manifest');
    assert.equal(await typeOf(odt([zipEntry('META-INF/manifest.xml', manifest())])), null, 'no content');
    const deflatedMimetype = rawZip([
      zipEntry('mimetype', mimetype),
      content,
      zipEntry('META-INF/manifest.xml', manifest()),
    ]);
    assert.equal(await typeOf(deflatedMimetype), null, 'mimetype compressed');
    const encrypted = manifest('<manifest:encryption-data manifest:checksum-type="SHA1/1K"/>');
    assert.equal(await typeOf(odt([content, zipEntry('META-INF/manifest.xml', encrypted)])), null);
    assert.equal(await typeOf(odt([content, zipEntry('META-INF/manifest.xml', encrypted, 'store')])), null);
    assert.equal((await sniffMediaType(sampleOdt()))?.mediaType, mimetype);
  });

  it('refuses names that leave the package, a name twice, encrypted entries, other methods and zip64', async () => {
    for (const name of [
      '../evil.xml',
      'word/../../evil.xml',
      '/etc/passwd',
      'C:/evil.xml',
      'word\\evil.xml',
    ]) {
      assert.equal(await typeOf(rawZip([...wordParts(), zipEntry(name, 'x')])), null, name);
    }
    assert.equal(await typeOf(rawZip([...wordParts(), zipEntry('WORD/document.xml', 'x')])), null, 'twice');
    const encrypted = { ...zipEntry('word/media/a.bin', 'x', 'store'), flags: 0x0801 };
    assert.equal(await typeOf(rawZip([...wordParts(), encrypted])), null, 'encrypted');
    const bzip2 = { ...zipEntry('word/media/a.bin', 'x', 'store'), method: 12 };
    assert.equal(await typeOf(rawZip([...wordParts(), bzip2])), null, 'bzip2');
    const huge = { ...zipEntry('word/media/a.bin', 'x', 'store'), uncompressedSize: 0xffffffff };
    assert.equal(await typeOf(rawZip([...wordParts(), huge])), null, 'a zip64 size');
    // A zip64 end-of-central-directory locator (20 bytes) just before the end record.
    const plain = rawZip(wordParts());
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    const endAt = plain.length - 22;
    const zip64 = Buffer.concat([plain.subarray(0, endAt), locator, plain.subarray(endAt)]);
    zip64.writeUInt32LE(zip64.readUInt32LE(zip64.length - 6), zip64.length - 6);
    assert.equal(await typeOf(zip64), null);
    assert.equal(await typeOf(plain), docx, 'the same parts without it pass');
  });

  it('refuses a local header that disagrees with the directory, entries that overlap, and bytes before the first entry', async () => {
    const zip = rawZip(wordParts());
    const lying = Buffer.from(zip);
    const local = lying.indexOf('word/document.xml', 0, 'latin1') - 30;
    lying.writeUInt32LE(lying.readUInt32LE(local + 22) + 1, local + 22);
    assert.equal(await typeOf(lying), null, 'local size differs');
    // Two directory entries pointing at the same local entry.
    const overlap = Buffer.from(zip);
    const lastCentral = overlap.lastIndexOf('PK\x01\x02', overlap.length - 1, 'latin1');
    const firstCentral = overlap.indexOf('PK\x01\x02', 0, 'latin1');
    overlap.writeUInt32LE(overlap.readUInt32LE(firstCentral + 42), lastCentral + 42);
    assert.equal(await typeOf(overlap), null, 'overlapping entries');
    const prefixed = Buffer.concat([Buffer.from('MZ'), zip]);
    assert.equal(await typeOf(prefixed), null, 'bytes before the first entry');
  });
});

describe('zip documents: real ones pass', () => {
  it('a 20 MB .docx of deflated XML and pictures, and an .xlsx whose sheets inflate as Excel’s do, are accepted', async (t) => {
    const paragraph = (index: number) =>
      `<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>第 ${index} 段：高雄市政府工務局施工計畫書 OneWindow ${index * 7919}</w:t></w:r></w:p>`;
    const document = Array.from({ length: 60_000 }, (_, index) => paragraph(index)).join('');
    const word = writeZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: document },
      ...Array.from({ length: 17 }, (_, index) => ({
        name: `word/media/image${index}.jpeg`,
        data: randomBytes(1.1 * mebibyte),
      })),
    ]);
    assert.ok(word.length > 18 * mebibyte && word.length < 22 * mebibyte, `${word.length} bytes`);
    const started = process.cpuUsage();
    assert.equal(await typeOf(word), docx);
    const { user, system } = process.cpuUsage(started);
    // Not asserted (machines differ): shown for the record, issue 13 asks what the check costs.
    t.diagnostic(
      `a ${(word.length / mebibyte).toFixed(1)} MB .docx checked in ${((user + system) / 1000).toFixed(0)} ms of CPU`,
    );

    const row = (index: number) =>
      `<row r="${index}"><c r="A${index}" t="n"><v>${index}</v></c><c r="B${index}" s="1"><v>${(index * 31) % 997}</v></c><c r="C${index}"><f>A${index}*B${index}</f></c></row>`;
    const sheet = (from: number) => Array.from({ length: 60_000 }, (_, index) => row(from + index)).join('');
    const excel = writeZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/workbook.xml', data: '<workbook/>' },
      ...Array.from({ length: 3 }, (_, index) => ({
        name: `xl/worksheets/sheet${index + 1}.xml`,
        data: sheet(index * 60_000),
      })),
    ]);
    assert.equal(await typeOf(excel), xlsx);
    t.diagnostic(`an .xlsx of ${(excel.length / mebibyte).toFixed(1)} MB passes`);
    assert.equal(await typeOf(sampleDocx()), docx);
  });
});
