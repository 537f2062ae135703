/**
 * Small, real sample files for the upload tests, built byte by byte (no fixtures on disk). Not a test
 * file itself. PNG, JPEG, WebP, TIFF and PDF are complete files a viewer opens; the HEIC sample has the
 * real box structure (ftyp, meta, mdat) but no decodable picture; the zips are stored (uncompressed)
 * archives with the entries that make them an ODT, ODS, DOCX or XLSX. rawZip writes any zip, lies
 * included (declared sizes, flags), for the refusals: docxBomb is the 1 MB zip that inflates to 1 GiB.
 */
import { createHash } from 'node:crypto';
import { constants, crc32, deflateRawSync, deflateSync } from 'node:zlib';
import type { FileStore } from '../files/file-store.ts';
import type { UploadedFile } from './multipart.ts';

const u16be = (value: number) => Buffer.from([(value >> 8) & 0xff, value & 0xff]);
const u32be = (value: number) => {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(value >>> 0);
  return buffer;
};
const u16le = (value: number) => {
  const buffer = Buffer.alloc(2);
  buffer.writeUInt16LE(value);
  return buffer;
};
const u32le = (value: number) => {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32LE(value >>> 0);
  return buffer;
};

/** A file as a browser sends it in a multipart form: the form field, the file's name, its type, its bytes. */
export interface FileToSend {
  field: string;
  name: string;
  type: string;
  content: Buffer;
}

/** A multipart form as a browser sends it: every field (a list is sent as the field repeated), then the files. */
export function multipartForm(fields: Record<string, string | string[]>, files: FileToSend[] = []): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) form.append(name, item);
  }
  for (const file of files) {
    form.append(file.field, new Blob([new Uint8Array(file.content)], { type: file.type }), file.name);
  }
  return form;
}

/** A 2×2 RGB PNG. */
export function samplePng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    return Buffer.concat([u32be(data.length), typeAndData, u32be(crc32(typeAndData))]);
  };
  const header = Buffer.concat([u32be(2), u32be(2), Buffer.from([8, 2, 0, 0, 0])]);
  // Each row: filter byte 0, then two RGB pixels.
  const pixels = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * samplePng as the multipart reader passes it on: a file that passed every check, named `fileName`. Its
 * bytes are not put in any store: for a test that never serves it (storedPng does both).
 */
export function uploadedPng(fileName: string, fieldName = 'attachments'): UploadedFile {
  const content = samplePng();
  return {
    fieldName,
    fileName,
    mediaType: 'image/png',
    extension: 'png',
    sizeBytes: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
  };
}

/** A file as the multipart reader passes it on, its bytes put in `files` first (as readMultipartForm does). */
export async function storedUpload(
  files: FileStore,
  content: Buffer,
  file: Pick<UploadedFile, 'fileName' | 'mediaType' | 'extension'> & { fieldName?: string },
): Promise<UploadedFile> {
  const stored = await files.put(content);
  return { fieldName: 'attachments', ...file, sizeBytes: stored.sizeBytes, sha256: stored.sha256 };
}

/** samplePng, stored in `files`, as the multipart reader passes it on. */
export function storedPng(
  files: FileStore,
  fileName: string,
  fieldName = 'attachments',
): Promise<UploadedFile> {
  return storedUpload(files, samplePng(), { fieldName, fileName, mediaType: 'image/png', extension: 'png' });
}

/**
 * A 1×1 grey baseline JPEG: one quantisation table, one-code Huffman tables, and a scan of two bits (DC
 * difference 0, end of block) padded with ones.
 */
export function sampleJpeg(): Buffer {
  const segment = (marker: number, data: Buffer) =>
    Buffer.concat([Buffer.from([0xff, marker]), u16be(data.length + 2), data]);
  const jfif = Buffer.concat([Buffer.from('JFIF\0', 'ascii'), Buffer.from([1, 1, 0, 0, 1, 0, 1, 0, 0])]);
  const quantisation = Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)]);
  const frame = Buffer.from([8, 0, 1, 0, 1, 1, 1, 0x11, 0]);
  const oneCodeTable = (tableClassAndId: number) => {
    const counts = Buffer.alloc(16);
    counts[0] = 1;
    return Buffer.concat([Buffer.from([tableClassAndId]), counts, Buffer.from([0])]);
  };
  const scanHeader = Buffer.from([1, 1, 0x00, 0, 63, 0]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, jfif),
    segment(0xdb, quantisation),
    segment(0xc0, frame),
    segment(0xc4, oneCodeTable(0x00)),
    segment(0xc4, oneCodeTable(0x10)),
    segment(0xda, scanHeader),
    Buffer.from([0x3f]),
    Buffer.from([0xff, 0xd9]),
  ]);
}

/** A 1×1 lossless WebP (the image browsers' WebP feature tests use). */
export function sampleWebp(): Buffer {
  return Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');
}

/** A 1×1 uncompressed 8-bit grey TIFF, little-endian ("II"), as a flatbed scanner would write (only bigger). */
export function sampleTiff(): Buffer {
  const entries: [number, number, number, number][] = [
    // tag, type (3 = SHORT, 4 = LONG), count, value
    [256, 3, 1, 1], // ImageWidth
    [257, 3, 1, 1], // ImageLength
    [258, 3, 1, 8], // BitsPerSample
    [259, 3, 1, 1], // Compression: none
    [262, 3, 1, 1], // PhotometricInterpretation: black is zero
    [273, 4, 1, 0], // StripOffsets (set below)
    [278, 3, 1, 1], // RowsPerStrip
    [279, 4, 1, 1], // StripByteCounts
  ];
  const ifdOffset = 8;
  const pixelOffset = ifdOffset + 2 + entries.length * 12 + 4;
  const ifd = Buffer.concat([
    u16le(entries.length),
    ...entries.map(([tag, type, count, value]) => {
      const entry = Buffer.alloc(12);
      entry.writeUInt16LE(tag, 0);
      entry.writeUInt16LE(type, 2);
      entry.writeUInt32LE(count, 4);
      const actual = tag === 273 ? pixelOffset : value;
      if (type === 3) entry.writeUInt16LE(actual, 8);
      else entry.writeUInt32LE(actual, 8);
      return entry;
    }),
    u32le(0), // no next IFD
  ]);
  return Buffer.concat([Buffer.from('II*\0', 'latin1'), u32le(ifdOffset), ifd, Buffer.from([0x80])]);
}

/** A one-page PDF saying `label` ("OneWindow"), with a correct cross-reference table: distinct labels, distinct files. */
export function samplePdf(label = 'OneWindow'): Buffer {
  const stream = `BT /F1 12 Tf 20 20 Td (${label}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/**
 * A one-page PDF 1.5 whose cross-reference is a stream object (`/Type /XRef`, rows of 1 + 4 + 2 bytes,
 * uncompressed) rather than a table, as most current writers make them.
 */
export function samplePdfWithXrefStream(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >>',
  ];
  let body = '%PDF-1.5\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  const row = (type: number, value: number, generation: number) => {
    const bytes = Buffer.alloc(7);
    bytes.writeUInt8(type, 0);
    bytes.writeUInt32BE(value, 1);
    bytes.writeUInt16BE(generation, 5);
    return bytes;
  };
  const rows = Buffer.concat([
    row(0, 0, 65535),
    ...offsets.map((offset) => row(1, offset, 0)),
    row(1, xref, 0),
  ]);
  const head = `4 0 obj\n<< /Type /XRef /Size 5 /W [1 4 2] /Root 1 0 R /Length ${rows.length} >>\nstream\n`;
  return Buffer.concat([
    Buffer.from(body + head, 'latin1'),
    rows,
    Buffer.from(`\nendstream\nendobj\nstartxref\n${xref}\n%%EOF\n`, 'latin1'),
  ]);
}

/** An HTML page that starts with `%PDF-` and ends with `%%EOF`: a PDF to a prefix check, a page to a browser. */
export function htmlPdfPolyglot(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n<!doctype html><html><body><script>fetch("/staff/cases").then((r) => r.text())</script></body></html>\n%%EOF\n',
    'latin1',
  );
}

/** A HEIC's top-level structure: ftyp (heic, compatible mif1), a meta box with a `pict` handler, mdat. */
export function sampleHeic(options: { majorBrand?: string; compatible?: string[] } = {}): Buffer {
  const box = (type: string, data: Buffer) =>
    Buffer.concat([u32be(data.length + 8), Buffer.from(type, 'ascii'), data]);
  const brands = [options.majorBrand ?? 'heic', ...(options.compatible ?? ['mif1', 'heic'])];
  const ftyp = box(
    'ftyp',
    Buffer.concat([
      Buffer.from(brands[0] ?? 'heic', 'ascii'),
      u32be(0),
      Buffer.from(brands.join(''), 'ascii'),
    ]),
  );
  const handler = box(
    'hdlr',
    Buffer.concat([u32be(0), u32be(0), Buffer.from('pict', 'ascii'), Buffer.alloc(12), Buffer.from('\0')]),
  );
  const meta = box('meta', Buffer.concat([u32be(0), handler]));
  const mdat = box('mdat', Buffer.from([0, 0, 0, 1, 0x26, 0x01]));
  return Buffer.concat([ftyp, meta, mdat]);
}

/** A zip with every entry stored (not compressed), entries in the given order. */
export function storedZip(entries: [name: string, content: string | Buffer][]): Buffer {
  return rawZip(entries.map(([name, content]) => zipEntry(name, content, 'store')));
}

const manifest = (mediaType: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="${mediaType}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`;

/** The smallest OpenDocument package of this type: mimetype first, the content, a manifest naming both. */
function minimalOdf(mediaType: string, content: string): Buffer {
  return storedZip([
    ['mimetype', mediaType],
    ['content.xml', content],
    ['META-INF/manifest.xml', manifest(mediaType)],
  ]);
}

export function sampleOdt(): Buffer {
  return minimalOdf(
    'application/vnd.oasis.opendocument.text',
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:text><text:p>施工計畫書</text:p></office:text></office:body></office:document-content>',
  );
}

export function sampleOds(): Buffer {
  return minimalOdf(
    'application/vnd.oasis.opendocument.spreadsheet',
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Sheet1"/></office:spreadsheet></office:body></office:document-content>',
  );
}

const contentTypes = (main: string, mainType: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${main}" ContentType="${mainType}"/></Types>`;
const rootRelationships = (main: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${main}"/></Relationships>`;

export function sampleDocx(extraEntries: [string, string][] = []): Buffer {
  return storedZip([
    [
      '[Content_Types].xml',
      contentTypes(
        'word/document.xml',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
      ),
    ],
    ['_rels/.rels', rootRelationships('word/document.xml')],
    [
      'word/document.xml',
      '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>OneWindow</w:t></w:r></w:p></w:body></w:document>',
    ],
    ...extraEntries,
  ]);
}

export function sampleXlsx(): Buffer {
  return storedZip([
    [
      '[Content_Types].xml',
      contentTypes(
        'xl/workbook.xml',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
      ),
    ],
    ['_rels/.rels', rootRelationships('xl/workbook.xml')],
    [
      'xl/workbook.xml',
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>',
    ],
  ]);
}

/** The start of a Windows executable (MZ header, PE signature): what a renamed .exe looks like. */
export function sampleExe(): Buffer {
  const bytes = Buffer.alloc(256);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'latin1');
  return bytes;
}

/** An entry of rawZip: its bytes as they are in the file, and what the headers declare (true or not). */
export interface RawZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  /** The entry's data as written (deflated for method 8). */
  data: Buffer;
  crc: number;
  uncompressedSize: number;
  /** Declared compressed size (default: the data's length). */
  compressedSize?: number;
  /** General-purpose flags (default: UTF-8 names). */
  flags?: number;
}

/** A stored or deflated entry that tells the truth about itself. */
export function zipEntry(
  name: string,
  content: string | Buffer,
  method: 'store' | 'deflate' = 'deflate',
): RawZipEntry {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return {
    name,
    method: method === 'store' ? 0 : 8,
    data: method === 'store' ? bytes : deflateRawSync(bytes),
    crc: crc32(bytes),
    uncompressedSize: bytes.length,
  };
}

/** A zip of these entries, in order, local headers and directory declaring what each entry says. */
export function rawZip(entries: readonly RawZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const nameBytes = Buffer.from(entry.name, 'utf8');
    const common = Buffer.concat([
      u16le(20),
      u16le(entry.flags ?? 0x0800),
      u16le(entry.method),
      u16le(0),
      u16le(0x5a21),
      u32le(entry.crc),
      u32le(entry.compressedSize ?? entry.data.length),
      u32le(entry.uncompressedSize),
      u16le(nameBytes.length),
      u16le(0),
    ]);
    const local = Buffer.concat([u32le(0x04034b50), common, nameBytes, entry.data]);
    centrals.push(
      Buffer.concat([
        u32le(0x02014b50),
        u16le(20),
        common,
        u16le(0),
        u16le(0),
        u16le(0),
        u32le(0),
        u32le(offset),
        nameBytes,
      ]),
    );
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.concat([
    u32le(0x06054b50),
    u16le(0),
    u16le(0),
    u16le(entries.length),
    u16le(entries.length),
    u32le(directory.length),
    u32le(offset),
    u16le(0),
  ]);
  return Buffer.concat([...locals, directory, end]);
}

const mebibyte = 1024 * 1024;
let zerosCrc: { mebibytes: number; crc: number } | null = null;

/**
 * `mebibytes` MiB of zeros, deflated: one MiB deflated with a full flush (a byte-aligned block that needs
 * nothing before it, ~1 KiB) repeated, then an empty final block. 1,024 of them are a 1 MB entry that
 * inflates to 1 GiB, made in milliseconds without ever holding the gigabyte. The CRC-32 is the real one.
 */
export function deflatedZeros(mebibytes: number): { data: Buffer; crc: number } {
  const zeros = Buffer.alloc(mebibyte);
  const block = deflateRawSync(zeros, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const data = Buffer.concat([
    ...Array.from({ length: mebibytes }, () => block),
    deflateRawSync(Buffer.alloc(0)),
  ]);
  if (zerosCrc?.mebibytes !== mebibytes) {
    let crc = 0;
    for (let index = 0; index < mebibytes; index++) crc = crc32(zeros, crc);
    zerosCrc = { mebibytes, crc };
  }
  return { data, crc: zerosCrc.crc };
}

/**
 * A zip bomb shaped like a .docx: the parts a Word file has, its `word/document.xml` a ~1 MB deflate
 * stream of 1 GiB of zeros. `declaredBytes` is what the headers say it inflates to: the truth (1 GiB) by
 * default, or a lie (a small size) that only inflating can catch.
 */
export function docxBomb(options: { declaredBytes?: number; mebibytes?: number } = {}): Buffer {
  const mebibytes = options.mebibytes ?? 1024;
  const { data, crc } = deflatedZeros(mebibytes);
  return rawZip([
    zipEntry(
      '[Content_Types].xml',
      contentTypes(
        'word/document.xml',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
      ),
    ),
    zipEntry('_rels/.rels', rootRelationships('word/document.xml')),
    {
      name: 'word/document.xml',
      method: 8,
      data,
      crc,
      uncompressedSize: options.declaredBytes ?? mebibytes * mebibyte,
    },
  ]);
}
