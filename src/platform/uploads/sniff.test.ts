import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { writeZip, type ZipEntry } from '../documents/zip.ts';
import { contentDisposition, safeUploadFileName } from './file-name.ts';
import { formatByteSize } from './multipart.ts';
import { hasAcceptedSignature, sniffMediaType, sniffMediaTypeOf } from './sniff.ts';
import {
  deflatedZeros,
  rawZip,
  sampleDocx,
  sampleExe,
  sampleHeic,
  sampleJpeg,
  sampleOds,
  sampleOdt,
  samplePdf,
  samplePng,
  sampleTiff,
  sampleWebp,
  sampleXlsx,
  storedZip,
  zipEntry,
} from './upload-test-support.ts';

describe('sniffMediaType: accepted types, read from the bytes', () => {
  const cases: [string, Buffer, string, string][] = [
    ['PDF', samplePdf(), 'application/pdf', 'pdf'],
    ['JPEG', sampleJpeg(), 'image/jpeg', 'jpg'],
    ['PNG', samplePng(), 'image/png', 'png'],
    ['WebP', sampleWebp(), 'image/webp', 'webp'],
    ['HEIC', sampleHeic(), 'image/heic', 'heic'],
    ['HEIF (mif1 only)', sampleHeic({ majorBrand: 'mif1', compatible: ['mif1'] }), 'image/heif', 'heif'],
    [
      'HEIC (mif1 + heic)',
      sampleHeic({ majorBrand: 'mif1', compatible: ['mif1', 'heic'] }),
      'image/heic',
      'heic',
    ],
    ['TIFF', sampleTiff(), 'image/tiff', 'tif'],
    ['ODT', sampleOdt(), 'application/vnd.oasis.opendocument.text', 'odt'],
    ['ODS', sampleOds(), 'application/vnd.oasis.opendocument.spreadsheet', 'ods'],
    ['DOCX', sampleDocx(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
    ['XLSX', sampleXlsx(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
  ];
  for (const [label, bytes, mediaType, extension] of cases) {
    it(`recognises ${label}`, async () => {
      assert.deepEqual(await sniffMediaType(bytes), { mediaType, extension });
    });
  }

  it('accepts a big-endian TIFF ("MM") too', async () => {
    const little = sampleTiff();
    const big = Buffer.alloc(little.length);
    big.write('MM\0*', 0, 'latin1');
    big.writeUInt32BE(8, 4);
    big.writeUInt16BE(little.readUInt16LE(8), 8);
    assert.equal((await sniffMediaType(big))?.mediaType, 'image/tiff');
  });

  it('accepts a JPEG with bytes after its end (phones append motion-photo video)', async () => {
    const withTrailer = Buffer.concat([sampleJpeg(), Buffer.from('ftypmp42 and some video')]);
    assert.equal((await sniffMediaType(withTrailer))?.mediaType, 'image/jpeg');
  });

  it('reads a Uint8Array as well as a Buffer', async () => {
    assert.equal((await sniffMediaType(new Uint8Array(samplePng())))?.mediaType, 'image/png');
  });
});

describe('sniffMediaType: refused', () => {
  it('a Windows executable (MZ), whatever it is called', async () => {
    assert.equal(await sniffMediaType(sampleExe()), null);
  });

  it('an HTML page', async () => {
    assert.equal(
      await sniffMediaType(Buffer.from('<!doctype html><html><body><script>alert(1)</script>')),
      null,
    );
  });

  it('an SVG image (it can carry scripts), with or without an XML declaration', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    assert.equal(await sniffMediaType(Buffer.from(svg)), null);
    assert.equal(await sniffMediaType(Buffer.from(`<?xml version="1.0"?>\n${svg}`)), null);
  });

  it('a text file renamed .pdf', async () => {
    assert.equal(await sniffMediaType(Buffer.from('This is not a PDF, only a name that says so.\n')), null);
  });

  it('a GIF, a BMP, an AVIF, a legacy Word .doc (OLE) and anything shorter than 8 bytes', async () => {
    assert.equal(await sniffMediaType(Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1')), null);
    assert.equal(await sniffMediaType(Buffer.concat([Buffer.from('BM'), Buffer.alloc(60)])), null);
    assert.equal(
      await sniffMediaType(sampleHeic({ majorBrand: 'avif', compatible: ['avif', 'mif1'] })),
      null,
    );
    assert.equal(
      await sniffMediaType(sampleHeic({ majorBrand: 'mif1', compatible: ['mif1', 'avif'] })),
      null,
    );
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
    ]);
    assert.equal(await sniffMediaType(ole), null);
    assert.equal(await sniffMediaType(Buffer.from('%PDF-')), null);
  });

  it('a plain zip, a pptx, a macro-enabled docm and an OpenDocument presentation', async () => {
    assert.equal(await sniffMediaType(storedZip([['readme.txt', 'hello']])), null);
    assert.equal(
      await sniffMediaType(
        storedZip([
          ['[Content_Types].xml', '<Types/>'],
          ['ppt/presentation.xml', '<p/>'],
        ]),
      ),
      null,
    );
    assert.equal(await sniffMediaType(sampleDocx([['word/vbaProject.bin', 'macro']])), null);
    const odp = storedZip([
      ['mimetype', 'application/vnd.oasis.opendocument.presentation'],
      ['content.xml', '<x/>'],
    ]);
    assert.equal(await sniffMediaType(odp), null);
  });

  it('a zip bomb shaped like a .docx (one entry, or many, expanding far beyond any document) is refused; a large picture is not', async () => {
    const docxWith = (entries: ZipEntry[]) =>
      writeZip([
        {
          name: '[Content_Types].xml',
          data: '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        },
        ...entries,
      ]);
    // 8 MiB of spaces deflate to ~8 KiB: a ratio of about 1000.
    const bomb = docxWith([{ name: 'word/document.xml', data: Buffer.alloc(8 * 1024 * 1024, 0x20) }]);
    assert.ok(bomb.length < 64 * 1024, `${bomb.length} bytes`);
    assert.equal(await sniffMediaType(bomb), null);
    // 513 entries of 1 MiB of zeros each (below the floor where the ratio counts): 513 MiB in all, one
    // more than the limit, declared truthfully — refused from the directory, before anything is inflated.
    const { data, crc } = deflatedZeros(1);
    const many = rawZip([
      zipEntry('[Content_Types].xml', '<Types/>'),
      zipEntry('word/document.xml', '<w:document/>'),
      ...Array.from({ length: 513 }, (_, index) => ({
        name: `word/media/part${index}.bin`,
        method: 8,
        data,
        crc,
        uncompressedSize: 1024 * 1024,
      })),
    ]);
    assert.ok(many.length < 1024 * 1024, `${many.length} bytes`);
    assert.equal(await sniffMediaType(many), null);
    assert.equal(await sniffMediaType(rawZip([])), null, 'an empty zip is no document');
    // A real document: XML that compresses a few times and a picture that does not compress.
    const real = docxWith([
      { name: 'word/document.xml', data: '<w:p>OneWindow</w:p>'.repeat(20_000) },
      { name: 'word/media/image1.png', data: randomBytes(3 * 1024 * 1024), method: 'store' },
    ]);
    assert.equal(
      (await sniffMediaType(real))?.mediaType,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
  });

  it('an ODT whose mimetype entry is not the first one', async () => {
    const reordered = storedZip([
      ['content.xml', '<x/>'],
      ['mimetype', 'application/vnd.oasis.opendocument.text'],
    ]);
    assert.equal(await sniffMediaType(reordered), null);
  });

  it('truncated uploads: PDF without %%EOF, JPEG without its end, PNG without IEND, cut WebP/HEIC/TIFF/zip', async () => {
    const cut = (bytes: Buffer, keep: number) => bytes.subarray(0, bytes.length - keep);
    assert.equal(await sniffMediaType(cut(samplePdf(), 7)), null);
    assert.equal(await sniffMediaType(cut(sampleJpeg(), 2)), null);
    assert.equal(await sniffMediaType(sampleJpeg().subarray(0, 40)), null);
    assert.equal(await sniffMediaType(cut(samplePng(), 12)), null);
    assert.equal(await sniffMediaType(cut(sampleWebp(), 4)), null);
    assert.equal(await sniffMediaType(cut(sampleHeic(), 3)), null);
    assert.equal(await sniffMediaType(sampleTiff().subarray(0, 20)), null);
    assert.equal(await sniffMediaType(cut(sampleDocx(), 30)), null);
    assert.equal(await sniffMediaType(cut(sampleOdt(), 30)), null);
  });

  it('a PNG signature followed by an HTML page', async () => {
    const fake = Buffer.concat([samplePng().subarray(0, 8), Buffer.from('<html><script>alert(1)</script>')]);
    assert.equal(await sniffMediaType(fake), null);
  });
});

describe('sniffMediaTypeOf: the same rules on a file read back in windows', () => {
  const cut = (bytes: Buffer, keep: number) => bytes.subarray(0, bytes.length - keep);
  const bigJpeg = () => {
    // A JPEG whose scan is long, so that its end lies windows away from its start.
    const jpeg = sampleJpeg();
    const scanEnd = jpeg.length - 2;
    return Buffer.concat([jpeg.subarray(0, scanEnd), Buffer.alloc(200_000, 0x3f), jpeg.subarray(scanEnd)]);
  };
  const samples: [string, Buffer][] = [
    ['PDF', samplePdf()],
    ['JPEG', sampleJpeg()],
    ['long JPEG', bigJpeg()],
    ['long JPEG, cut', cut(bigJpeg(), 2)],
    ['PNG', samplePng()],
    ['WebP', sampleWebp()],
    ['HEIC', sampleHeic()],
    ['TIFF', sampleTiff()],
    ['ODT', sampleOdt()],
    ['ODS', sampleOds()],
    ['DOCX', sampleDocx()],
    ['XLSX', sampleXlsx()],
    ['docm', sampleDocx([['word/vbaProject.bin', 'macro']])],
    ['exe', sampleExe()],
    ['cut PDF', cut(samplePdf(), 7)],
    ['cut PNG', cut(samplePng(), 12)],
    ['cut HEIC', cut(sampleHeic(), 3)],
    ['cut TIFF', sampleTiff().subarray(0, 20)],
    ['cut DOCX', cut(sampleDocx(), 30)],
    ['cut ODT', cut(sampleOdt(), 30)],
  ];
  it('reads the long samples as what they are (so that agreeing below means something)', async () => {
    assert.equal((await sniffMediaType(bigJpeg()))?.mediaType, 'image/jpeg');
    assert.equal(await sniffMediaType(cut(bigJpeg(), 2)), null);
  });

  for (const windowBytes of [7, 64, 64 * 1024]) {
    it(`agrees with sniffMediaType for every sample, in windows of ${windowBytes} bytes`, async () => {
      for (const [label, bytes] of samples) {
        const reads: number[] = [];
        const source = {
          size: bytes.length,
          read: async (offset: number, length: number) => {
            reads.push(length);
            return bytes.subarray(offset, offset + length);
          },
        };
        assert.deepEqual(await sniffMediaTypeOf(source, { windowBytes }), await sniffMediaType(bytes), label);
        // Never the whole of a large file at once: at most a window, or a zip's end record (64 KiB + 22).
        assert.ok(
          Math.max(0, ...reads) <= Math.max(windowBytes, 65_557 + 1),
          `${label}: ${Math.max(...reads)}`,
        );
      }
    });
  }

  it('hasAcceptedSignature: the first bytes of each accepted format, not of an .exe or HTML', async () => {
    for (const bytes of [
      samplePdf(),
      sampleJpeg(),
      samplePng(),
      sampleWebp(),
      sampleHeic(),
      sampleTiff(),
      sampleDocx(),
    ]) {
      assert.equal(hasAcceptedSignature(bytes.subarray(0, 16)), true);
    }
    assert.equal(hasAcceptedSignature(sampleExe().subarray(0, 16)), false);
    assert.equal(hasAcceptedSignature(Buffer.from('<!doctype html>')), false);
    assert.equal(hasAcceptedSignature(Buffer.from('%PDF')), false, 'shorter than any accepted file');
  });
});

describe('safeUploadFileName', () => {
  it('keeps a Chinese name whose extension matches the content', async () => {
    assert.equal(safeUploadFileName('建照申請書.pdf', 'application/pdf'), '建照申請書.pdf');
    assert.equal(safeUploadFileName('IMG_0001.JPEG', 'image/jpeg'), 'IMG_0001.JPEG');
  });

  it('replaces an extension that lies about the content, and adds one where none is', async () => {
    assert.equal(safeUploadFileName('scan.pdf', 'image/png'), 'scan.png');
    assert.equal(safeUploadFileName('report.v2', 'image/png'), 'report.v2.png');
    assert.equal(safeUploadFileName('現場照片', 'image/jpeg'), '現場照片.jpg');
  });

  it('drops folders, control and bidirectional characters, and Windows-forbidden characters', async () => {
    assert.equal(safeUploadFileName('C:\\Users\\王\\Desktop\\a.pdf', 'application/pdf'), 'a.pdf');
    assert.equal(safeUploadFileName('../../etc/passwd', 'application/pdf'), 'passwd.pdf');
    assert.equal(safeUploadFileName('invoice\u202efdp.exe', 'application/pdf'), 'invoicefdp.pdf');
    assert.equal(safeUploadFileName('a\u0000b\r\n"c".pdf', 'application/pdf'), 'ab_c_.pdf');
    assert.equal(safeUploadFileName('...', 'image/png'), 'attachment.png');
    assert.equal(safeUploadFileName('', 'image/png'), 'attachment.png');
  });

  it('shortens long names to 120 characters, keeping the extension', async () => {
    const name = safeUploadFileName(`${'長'.repeat(300)}.pdf`, 'application/pdf');
    assert.equal([...name].length, 120);
    assert.ok(name.endsWith('長.pdf'));
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name (RFC 6266 / 8187)', async () => {
    assert.equal(
      contentDisposition('attachment', '建照 申請書(1).pdf'),
      `attachment; filename="__ ___(1).pdf"; filename*=UTF-8''%E5%BB%BA%E7%85%A7%20%E7%94%B3%E8%AB%8B%E6%9B%B8%281%29.pdf`,
    );
    assert.equal(
      contentDisposition('inline', 'a"b\\c.png'),
      `inline; filename="a_b_c.png"; filename*=UTF-8''a%22b%5Cc.png`,
    );
  });
});

describe('formatByteSize', () => {
  it('shows sizes the way file managers do', async () => {
    assert.equal(formatByteSize(10_485_760), '10 MB');
    assert.equal(formatByteSize(1536), '1.5 KB');
    assert.equal(formatByteSize(500), '500 bytes');
  });
});
