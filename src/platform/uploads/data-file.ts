import type { FieldProblem } from '../http/errors.ts';
import { type Lang, translator } from '../web/i18n.ts';

/**
 * Small text data files a form may take (a code list, a year's calendar): UTF-8 JSON or CSV. They are not
 * documents (readMultipartForm's sniffer refuses them): a form asks for one by its field with
 * `readMultipartForm(request, lang, { dataFiles: [{ field, maxBytes, kinds }] })`, and gets its text back,
 * checked here, and its SHA-256 in the file store.
 */
export type DataFileKind = 'json' | 'csv';

/** One file input of a form that takes a data file. */
export interface DataFileRule {
  /** The form field (the file input's name). One file per field; a second is refused. */
  field: string;
  /** The largest file taken (and never more than UPLOAD_MAX_FILE_BYTES). */
  maxBytes: number;
  /** What the file may be: its name's extension (.json, .csv; .txt or none: by its content) decides. */
  kinds: readonly DataFileKind[];
}

/** A data file that passed every check, its text in memory (it is small) and in the file store. */
export interface UploadedDataFile {
  /** The form field it came in. */
  fieldName: string;
  /** The browser's name as people may be shown it (no folders or control characters); for words only. */
  fileName: string;
  kind: DataFileKind;
  /** The file's text: UTF-8, a byte-order mark removed. A JSON file's text parses. */
  text: string;
  /** The UTF-8 bytes of `text`. */
  sizeBytes: number;
  /**
   * Hex SHA-256 of `text`'s UTF-8 bytes, their name in the file store: a preview can post it back and the
   * confirmation read the file again (`openStoredFile` / `files.open`), trusting nothing the browser sends.
   */
  sha256: string;
}

export type DataFileRefusal = 'too_large' | 'empty' | 'not_text' | 'not_accepted' | 'not_json';

export type CheckedDataFile =
  | { ok: true; kind: DataFileKind; text: string }
  | { ok: false; refusal: DataFileRefusal; detail?: string };

/** Extensions read by their content (a text file, a name without one). Any other names another type. */
const contentExtensions = new Set(['', 'txt', 'text']);

/** Control characters other than tab, line feed, form feed and carriage return: a binary file. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const binaryCharacter = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;

function extensionOf(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(base.trim());
  return match?.[1]?.toLowerCase() ?? '';
}

/**
 * A data file's bytes checked whole (pure): UTF-8 text without NUL or other control characters (a byte-order
 * mark removed), not blank, of a kind the form takes — a `.json` or `.csv` name says which; a `.txt` name or
 * none is JSON when it begins with `[` or `{` and JSON is taken, else CSV when CSV is — and a JSON file
 * parses. The size is the reader's to check (it stops reading at the limit).
 */
export function checkDataFile(
  bytes: Uint8Array,
  name: string,
  kinds: readonly DataFileKind[],
): CheckedDataFile {
  if (bytes.byteLength === 0) return { ok: false, refusal: 'empty' };
  const extension = extensionOf(name);
  const named = extension === 'json' || extension === 'csv' ? extension : null;
  if (named === null && !contentExtensions.has(extension)) return { ok: false, refusal: 'not_accepted' };
  if (named !== null && !kinds.includes(named)) return { ok: false, refusal: 'not_accepted' };
  if (bytes.includes(0)) return { ok: false, refusal: 'not_text' };
  let text: string;
  try {
    // ignoreBOM false: a leading byte-order mark is removed, not kept as text.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, refusal: 'not_text' };
  }
  if (binaryCharacter.test(text)) return { ok: false, refusal: 'not_text' };
  if (text.trim() === '') return { ok: false, refusal: 'empty' };
  const kind: DataFileKind | null =
    named ??
    (kinds.includes('json') && /^\s*[[{]/.test(text)
      ? 'json'
      : kinds.includes('csv')
        ? 'csv'
        : kinds.includes('json')
          ? 'json'
          : null);
  if (kind === null) return { ok: false, refusal: 'not_accepted' };
  if (kind === 'json') {
    try {
      JSON.parse(text);
    } catch (error) {
      return { ok: false, refusal: 'not_json', detail: (error as Error).message };
    }
  }
  return { ok: true, kind, text };
}

const text = translator({
  'zh-TW': {
    tooLarge: '「{name}」超過檔案大小上限 {limit}。',
    empty: '「{name}」是空的檔案。',
    notText: '「{name}」不是 UTF-8 文字檔，請改用以 UTF-8 儲存的 {formats} 檔。',
    notAccepted: '「{name}」不是可接受的檔案類型，請改用 {formats} 檔。',
    notJson: '「{name}」不是正確的 JSON 檔：{detail}',
    oneFile: '這個欄位只能上傳一個檔案，您送出了「{name}」等多個檔案。',
  },
  en: {
    tooLarge: '“{name}” is larger than the {limit} limit.',
    empty: '“{name}” is empty.',
    notText: '“{name}” is not UTF-8 text; send a {formats} file saved as UTF-8.',
    notAccepted: '“{name}” is not an accepted type of file; send a {formats} file.',
    notJson: '“{name}” is not valid JSON: {detail}',
    oneFile: 'This field takes one file; you sent more (“{name}” among them).',
  },
});

/** 'JSON 或 CSV' / 'JSON or CSV'. */
export function dataFormatList(kinds: readonly DataFileKind[], lang: Lang): string {
  const names = kinds.map((kind) => kind.toUpperCase());
  if (names.length <= 1) return names.join('');
  if (lang === 'zh-TW') return `${names.slice(0, -1).join('、')} 或 ${names.at(-1)}`;
  return `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/** A refused data file as the form's problem, in the user's language, naming the file. */
export function dataFileProblem(
  refusal: DataFileRefusal | 'one_file',
  about: { field: string; name: string; limit: string; kinds: readonly DataFileKind[]; detail?: string },
  lang: Lang,
): FieldProblem {
  const { field, name } = about;
  const formats = dataFormatList(about.kinds, lang);
  switch (refusal) {
    case 'too_large':
      return { field, code: 'file_too_large', message: text(lang, 'tooLarge', { name, limit: about.limit }) };
    case 'empty':
      return { field, code: 'file_empty', message: text(lang, 'empty', { name }) };
    case 'not_text':
      return { field, code: 'file_not_text', message: text(lang, 'notText', { name, formats }) };
    case 'not_accepted':
      return { field, code: 'file_type_not_accepted', message: text(lang, 'notAccepted', { name, formats }) };
    case 'not_json':
      return {
        field,
        code: 'file_not_json',
        message: text(lang, 'notJson', { name, detail: about.detail ?? '' }),
      };
    case 'one_file':
      return { field, code: 'too_many_files', message: text(lang, 'oneFile', { name }) };
  }
}
