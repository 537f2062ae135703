/**
 * Test helpers for the document writers, written independently of them: a minimal ZIP reader (central
 * directory → local headers → inflate with node:zlib, CRC checked with zlib.crc32) and a strict XML
 * well-formedness parser (one root, balanced tags, quoted unique attributes, only the five predefined
 * entities and valid character references, comments/CDATA/PIs, XML 1.0 characters, and every prefix
 * declared in scope). It builds a small tree for assertions.
 */
import assert from 'node:assert/strict';
import { inflateRawSync, crc32 as zlibCrc32 } from 'node:zlib';

export interface ReadZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Length of the local header's extra field. */
  localExtraLength: number;
  centralExtraLength: number;
  localHeaderOffset: number;
  /** Where the entry's data starts in the archive. */
  dataOffset: number;
  modified: { date: number; time: number };
  data: Buffer;
}

export function readZip(zip: Buffer): ReadZipEntry[] {
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50 && i + 22 + zip.readUInt16LE(i + 20) === zip.length) {
      end = i;
      break;
    }
  }
  assert.ok(end >= 0, 'end of central directory record found');
  const count = zip.readUInt16LE(end + 10);
  assert.equal(zip.readUInt16LE(end + 8), count, 'entries on this disk = total entries');
  const directorySize = zip.readUInt32LE(end + 12);
  const directoryOffset = zip.readUInt32LE(end + 16);
  assert.equal(directoryOffset + directorySize, end, 'central directory ends where the end record starts');

  const entries: ReadZipEntry[] = [];
  let p = directoryOffset;
  let expectedLocal = 0;
  for (let n = 0; n < count; n++) {
    assert.equal(zip.readUInt32LE(p), 0x02014b50, `central header ${n} signature`);
    const flags = zip.readUInt16LE(p + 8);
    const method = zip.readUInt16LE(p + 10);
    const time = zip.readUInt16LE(p + 12);
    const date = zip.readUInt16LE(p + 14);
    const crc = zip.readUInt32LE(p + 16);
    const compressedSize = zip.readUInt32LE(p + 20);
    const size = zip.readUInt32LE(p + 24);
    const nameLength = zip.readUInt16LE(p + 28);
    const centralExtraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    const localHeaderOffset = zip.readUInt32LE(p + 42);
    const nameBytes = zip.subarray(p + 46, p + 46 + nameLength);
    const name = new TextDecoder('utf-8', { fatal: true }).decode(nameBytes);
    p += 46 + nameLength + centralExtraLength + commentLength;

    assert.equal(
      localHeaderOffset,
      expectedLocal,
      `${name}: local entries are contiguous and in directory order`,
    );
    const l = localHeaderOffset;
    assert.equal(zip.readUInt32LE(l), 0x04034b50, `${name}: local header signature`);
    assert.equal(zip.readUInt16LE(l + 6), flags, `${name}: local flags = central flags`);
    assert.equal(flags & 0x0008, 0, `${name}: no data descriptor`);
    assert.equal(zip.readUInt16LE(l + 8), method, `${name}: local method = central method`);
    assert.equal(zip.readUInt32LE(l + 14), crc, `${name}: local CRC = central CRC`);
    assert.equal(zip.readUInt32LE(l + 18), compressedSize, `${name}: local compressed size`);
    assert.equal(zip.readUInt32LE(l + 22), size, `${name}: local size`);
    const localNameLength = zip.readUInt16LE(l + 26);
    const localExtraLength = zip.readUInt16LE(l + 28);
    assert.deepEqual(zip.subarray(l + 30, l + 30 + localNameLength), nameBytes, `${name}: local name`);
    const dataOffset = l + 30 + localNameLength + localExtraLength;
    const raw = zip.subarray(dataOffset, dataOffset + compressedSize);
    let data: Buffer;
    if (method === 0) data = Buffer.from(raw);
    else if (method === 8) data = inflateRawSync(raw);
    else assert.fail(`${name}: unexpected compression method ${method}`);
    assert.equal(data.length, size, `${name}: inflated size`);
    assert.equal(zlibCrc32(data), crc, `${name}: CRC-32 of the content`);
    expectedLocal = dataOffset + compressedSize;
    entries.push({
      name,
      method,
      flags,
      crc,
      compressedSize,
      size,
      localExtraLength,
      centralExtraLength,
      localHeaderOffset,
      dataOffset,
      modified: { date, time },
      data,
    });
  }
  assert.equal(expectedLocal, directoryOffset, 'the central directory follows the last entry');
  assert.equal(p, end, 'the central directory holds exactly the counted entries');
  return entries;
}

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const nameStart =
  'A-Za-z_\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD';
const ncName = `[${nameStart}][${nameStart}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040]*`;
const qName = new RegExp(`^(?:${ncName}:)?${ncName}`);
const validChars = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const isValidCodePoint = (code: number) =>
  code === 0x9 ||
  code === 0xa ||
  code === 0xd ||
  (code >= 0x20 && code <= 0xd7ff) ||
  (code >= 0xe000 && code <= 0xfffd) ||
  (code >= 0x10000 && code <= 0x10ffff);

function decodeReferences(raw: string, where: number): string {
  return raw.replace(/&([^;&]*);|&/g, (match, body: string | undefined) => {
    if (body === undefined) throw new SyntaxError(`XML: bare '&' near offset ${where}`);
    const predefined: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (body in predefined) return predefined[body] as string;
    const numeric = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(body);
    if (!numeric) throw new SyntaxError(`XML: unknown entity ${match} near offset ${where}`);
    const code = numeric[1] !== undefined ? Number.parseInt(numeric[1], 16) : Number(numeric[2]);
    if (!isValidCodePoint(code)) throw new SyntaxError(`XML: ${match} is not an XML character`);
    return String.fromCodePoint(code);
  });
}

/** Parses XML 1.0 strictly enough to call it well-formed (no DTD allowed); throws SyntaxError otherwise. */
export function parseXml(xml: string): XmlElement {
  if (!validChars.test(xml)) throw new SyntaxError('XML: a character not allowed in XML 1.0');
  let i = 0;
  const declaration =
    /^<\?xml\s+version\s*=\s*(["'])1\.0\1(\s+encoding\s*=\s*(["'])UTF-8\3)?(\s+standalone\s*=\s*(["'])(yes|no)\5)?\s*\?>/.exec(
      xml,
    );
  if (declaration) i = declaration[0].length;
  else if (xml.startsWith('<?xml')) throw new SyntaxError('XML: malformed declaration');

  const fail = (what: string): never => {
    throw new SyntaxError(`XML: ${what} at offset ${i}: ${JSON.stringify(xml.slice(i, i + 40))}`);
  };
  const stack: { element: XmlElement; namespaces: Map<string, string> }[] = [];
  let root: XmlElement | undefined;
  const predeclared = new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]);

  const checkPrefix = (name: string, scope: Map<string, string>, isAttribute: boolean) => {
    const colon = name.indexOf(':');
    if (colon < 0) return;
    const prefix = name.slice(0, colon);
    if (isAttribute && prefix === 'xmlns') return;
    if (!scope.has(prefix)) fail(`undeclared namespace prefix '${prefix}' in ${name}`);
  };

  while (i < xml.length) {
    if (xml.startsWith('<!--', i)) {
      const close = xml.indexOf('-->', i + 4);
      if (close < 0) fail('unterminated comment');
      if (xml.slice(i + 4, close).includes('--')) fail("'--' inside a comment");
      i = close + 3;
    } else if (xml.startsWith('<![CDATA[', i)) {
      if (stack.length === 0) fail('CDATA outside the root element');
      const close = xml.indexOf(']]>', i + 9);
      if (close < 0) fail('unterminated CDATA section');
      stack.at(-1)?.element.children.push(xml.slice(i + 9, close));
      i = close + 3;
    } else if (xml.startsWith('<!', i)) {
      fail('DOCTYPE or other markup declaration (not expected in ODF parts)');
    } else if (xml.startsWith('<?', i)) {
      const close = xml.indexOf('?>', i + 2);
      if (close < 0) fail('unterminated processing instruction');
      const target = /^<\?([^\s?]+)/.exec(xml.slice(i))?.[1] ?? '';
      if (target.toLowerCase() === 'xml' || !qName.test(target)) fail('bad processing instruction target');
      i = close + 2;
    } else if (xml.startsWith('</', i)) {
      const match = qName.exec(xml.slice(i + 2));
      if (!match) fail('bad end tag name');
      const name = (match as RegExpExecArray)[0];
      const rest = /^\s*>/.exec(xml.slice(i + 2 + name.length));
      if (!rest) fail('bad end tag');
      const open = stack.pop();
      if (!open) fail(`end tag </${name}> without a start tag`);
      if (open?.element.name !== name) fail(`</${name}> closes <${open?.element.name}>`);
      i += 2 + name.length + (rest as RegExpExecArray)[0].length;
    } else if (xml[i] === '<') {
      if (stack.length === 0 && root) fail('a second root element');
      const match = qName.exec(xml.slice(i + 1));
      if (!match) fail('bad start tag name');
      const name = (match as RegExpExecArray)[0];
      i += 1 + name.length;
      const attributes: Record<string, string> = {};
      let selfClosing = false;
      for (;;) {
        const space = /^\s*/.exec(xml.slice(i))?.[0].length ?? 0;
        i += space;
        if (xml.startsWith('/>', i)) {
          selfClosing = true;
          i += 2;
          break;
        }
        if (xml[i] === '>') {
          i += 1;
          break;
        }
        if (space === 0) fail('attributes must be separated by white space');
        const attribute = qName.exec(xml.slice(i));
        if (!attribute) fail('bad attribute name');
        const attributeName = (attribute as RegExpExecArray)[0];
        i += attributeName.length;
        const equals = /^\s*=\s*/.exec(xml.slice(i));
        if (!equals) fail(`attribute ${attributeName} without '='`);
        i += (equals as RegExpExecArray)[0].length;
        const quote = xml[i];
        if (quote !== '"' && quote !== "'") fail(`attribute ${attributeName} value not quoted`);
        const close = xml.indexOf(quote as string, i + 1);
        if (close < 0) fail('unterminated attribute value');
        const raw = xml.slice(i + 1, close);
        if (raw.includes('<')) fail(`'<' in attribute ${attributeName}`);
        if (attributeName in attributes) fail(`duplicate attribute ${attributeName}`);
        // Attribute-value normalisation (XML 1.0 §3.3.3): literal white space becomes a space.
        attributes[attributeName] = decodeReferences(raw.replace(/[\t\n\r]/g, ' '), i);
        i = close + 1;
      }
      const namespaces = new Map(stack.at(-1)?.namespaces ?? predeclared);
      for (const [attributeName, value] of Object.entries(attributes)) {
        if (attributeName.startsWith('xmlns:')) {
          if (value === '') fail(`empty namespace for ${attributeName}`);
          namespaces.set(attributeName.slice(6), value);
        }
      }
      checkPrefix(name, namespaces, false);
      for (const attributeName of Object.keys(attributes)) checkPrefix(attributeName, namespaces, true);
      const element: XmlElement = { name, attributes, children: [] };
      if (stack.length === 0) root = element;
      else stack.at(-1)?.element.children.push(element);
      if (!selfClosing) stack.push({ element, namespaces });
    } else {
      const next = xml.indexOf('<', i);
      const raw = xml.slice(i, next < 0 ? xml.length : next);
      if (raw.includes(']]>')) fail("']]>' in text");
      if (stack.length === 0) {
        if (raw.trim() !== '') fail('text outside the root element');
      } else {
        stack.at(-1)?.element.children.push(decodeReferences(raw, i));
      }
      i += raw.length;
    }
  }
  if (stack.length > 0) fail(`unclosed <${stack.at(-1)?.element.name}>`);
  if (!root) fail('no root element');
  return root as XmlElement;
}

export function elements(node: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (element: XmlElement) => {
    for (const child of element.children) {
      if (typeof child === 'string') continue;
      if (child.name === name) found.push(child);
      walk(child);
    }
  };
  walk(node);
  return found;
}

export function element(node: XmlElement, name: string): XmlElement {
  const found = elements(node, name);
  assert.ok(found.length > 0, `an element <${name}>`);
  return found[0] as XmlElement;
}

/** The text an ODF reader shows: <text:s text:c> spaces, <text:tab/>, <text:line-break/>. */
export function odfText(node: XmlElement): string {
  return node.children
    .map((child) => {
      if (typeof child === 'string') return child;
      if (child.name === 'text:s') return ' '.repeat(Number(child.attributes['text:c'] ?? '1'));
      if (child.name === 'text:tab') return '\t';
      if (child.name === 'text:line-break') return '\n';
      return odfText(child);
    })
    .join('');
}

/**
 * The parts our writers put in every package, in the order they write them (mimetype first, the manifest
 * last): a reader that takes the first entries for the type and the content finds them there.
 */
export const ODF_PARTS = ['mimetype', 'content.xml', 'styles.xml', 'meta.xml', 'META-INF/manifest.xml'];

/** What each cell of a table row says: its value type, its office:value and the text a reader shows. */
export function cellsOf(row: XmlElement): [string | null, string | null, string][] {
  return elements(row, 'table:table-cell').map((cell) => [
    cell.attributes['office:value-type'] ?? null,
    cell.attributes['office:value'] ?? null,
    odfText(cell),
  ]);
}

export interface OdfPackage {
  entries: ReadZipEntry[];
  xml: Record<string, XmlElement>;
}

/**
 * Checks the package rules of ODF 1.2 part 3 / 1.3 part 2 (§3.3: mimetype first, stored, no extra field;
 * the manifest lists every file except mimetype and META-INF/*) and that every XML part is well-formed.
 */
export function readOdfPackage(bytes: Buffer, mediaType: string): OdfPackage {
  const entries = readZip(bytes);
  const first = entries[0];
  assert.ok(first, 'the package has entries');
  assert.equal(first.name, 'mimetype', 'the first entry is mimetype');
  assert.equal(first.method, 0, 'mimetype is stored, not compressed');
  assert.equal(first.localExtraLength, 0, 'mimetype has no extra field');
  assert.equal(first.data.toString('latin1'), mediaType, 'mimetype holds exactly the media type (ASCII)');
  // What file(1) and other sniffers look at: the bytes at offset 30 and 38.
  assert.equal(bytes.subarray(30, 38).toString('latin1'), 'mimetype');
  assert.equal(bytes.subarray(38, 38 + mediaType.length).toString('latin1'), mediaType);

  const xml: Record<string, XmlElement> = {};
  for (const entry of entries) {
    if (entry.name.endsWith('.xml'))
      xml[entry.name] = parseXml(new TextDecoder('utf-8', { fatal: true }).decode(entry.data));
  }
  const manifest = xml['META-INF/manifest.xml'];
  assert.ok(manifest, 'META-INF/manifest.xml exists');
  assert.equal(manifest.name, 'manifest:manifest');
  const listed = elements(manifest, 'manifest:file-entry').map((entry) => ({
    path: entry.attributes['manifest:full-path'],
    mediaType: entry.attributes['manifest:media-type'],
  }));
  const root = listed.find((entry) => entry.path === '/');
  assert.equal(root?.mediaType, mediaType, 'the manifest root entry has the package media type');
  const files = entries
    .map((entry) => entry.name)
    .filter((name) => name !== 'mimetype' && !name.startsWith('META-INF/'));
  assert.deepEqual(
    listed
      .map((entry) => entry.path)
      .filter((path) => path !== '/')
      .sort(),
    [...files].sort(),
    'the manifest lists every file in the package, and only those',
  );
  for (const entry of listed.filter((entry) => entry.path?.endsWith('.xml'))) {
    assert.equal(entry.mediaType, 'text/xml', `${entry.path} is text/xml in the manifest`);
  }
  return { entries, xml };
}

/** Every style a part refers to (paragraph, list, table, cell, column, row, page layout, master page) exists. */
export function assertStylesResolve(pkg: OdfPackage): void {
  const defined = new Set<string>();
  const all = (name: string) => [
    ...elements(pkg.xml['content.xml'] as XmlElement, name),
    ...elements(pkg.xml['styles.xml'] as XmlElement, name),
  ];
  for (const name of ['style:style', 'text:list-style', 'style:page-layout', 'style:master-page']) {
    for (const style of all(name)) defined.add(style.attributes['style:name'] ?? '');
  }
  const referring = [
    'text:style-name',
    'table:style-name',
    'table:default-cell-style-name',
    'style:parent-style-name',
    'style:next-style-name',
    'style:page-layout-name',
    'style:master-page-name',
  ];
  const walk = (node: XmlElement) => {
    for (const attribute of referring) {
      const value = node.attributes[attribute];
      if (value !== undefined)
        assert.ok(defined.has(value), `<${node.name} ${attribute}="${value}"> is defined`);
    }
    for (const child of node.children) if (typeof child !== 'string') walk(child);
  };
  walk(pkg.xml['content.xml'] as XmlElement);
  walk(pkg.xml['styles.xml'] as XmlElement);
}
