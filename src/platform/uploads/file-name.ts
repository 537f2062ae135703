import { type AcceptedMediaType, extensionsByMediaType } from './sniff.ts';

/** Longest stored name, in code points (a Windows path component allows 255 UTF-16 units). */
const maxNameLength = 120;

/** Extensions that say "this is a document of some kind": replaced, not kept, when they lie about the content. */
const documentExtensions = new Set([
  ...Object.values(extensionsByMediaType).flat(),
  'doc',
  'xls',
  'ppt',
  'pptx',
  'odp',
  'rtf',
  'txt',
  'gif',
  'bmp',
  'svg',
  'htm',
  'html',
  'zip',
  'exe',
]);

/**
 * The name a file is stored and offered under: the browser's name without any folder part, control,
 * bidirectional-override or zero-width characters (a name with a right-to-left override can show
 * 「…fdp.exe」 as 「…exe.pdf」) or characters Windows forbids, at most 120 characters, and with an extension that matches the sniffed content
 * (「scan.pdf」 holding a PNG becomes 「scan.png」; 「report.v2」 becomes 「report.v2.png」).
 */
export function safeUploadFileName(original: string, mediaType: AcceptedMediaType): string {
  const allowed = extensionsByMediaType[mediaType];
  const preferred = allowed[0] ?? 'bin';
  const base = original.split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 ? cleaned.slice(dot + 1).toLowerCase() : '';
  let stem = cleaned;
  let finalExtension = preferred;
  if (allowed.includes(extension)) {
    stem = cleaned.slice(0, dot);
    finalExtension = cleaned.slice(dot + 1); // as written: IMG_0001.JPEG stays so
  } else if (documentExtensions.has(extension)) {
    stem = cleaned.slice(0, dot);
  }
  stem = stem.replace(/[\s.]+$/g, '');
  const codePoints = [...stem];
  const room = maxNameLength - finalExtension.length - 1;
  if (codePoints.length > room)
    stem = codePoints
      .slice(0, room)
      .join('')
      .replace(/[\s.]+$/g, '');
  if (stem === '') stem = 'attachment';
  return `${stem}.${finalExtension}`;
}

/**
 * A Content-Disposition value with both forms of the name (RFC 6266): an ASCII `filename` for old clients
 * (anything else becomes `_`) and the exact UTF-8 name in `filename*` (RFC 8187, formerly 5987).
 */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
