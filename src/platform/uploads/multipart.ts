import { once } from 'node:events';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import multipart, { type Multipart } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { FileStore, FileWriter, StoredContent } from '../files/file-store.ts';
import type { AppInstance } from '../http/app-types.ts';
import { csrfTokenExpectedInBody, isTokenEqual } from '../http/csrf.ts';
import { messageFor } from '../http/error-messages.ts';
import { DomainError, type FieldProblem } from '../http/errors.ts';
import { type Lang, translator } from '../web/i18n.ts';
import { checkDataFile, type DataFileRule, dataFileProblem, type UploadedDataFile } from './data-file.ts';
import { safeUploadFileName } from './file-name.ts';
import {
  type AcceptedMediaType,
  acceptedFormatNames,
  hasAcceptedSignature,
  type SniffedType,
  signatureBytes,
  sniffMediaTypeOf,
} from './sniff.ts';

/**
 * A file that passed every check and is in the file store (ADR 0009): its type is what its bytes are, its
 * name is safe to store and offer, and `sha256` names its bytes in the store. Record it in `stored_files`
 * (`recordStoredFile`) in the transaction of the row that keeps the SHA-256.
 */
export interface UploadedFile {
  /** The form field it came in (e.g. a checklist item's input). */
  fieldName: string;
  /** The browser's name made safe, with an extension that matches the content (see safeUploadFileName). */
  fileName: string;
  mediaType: AcceptedMediaType;
  extension: string;
  sizeBytes: number;
  /** Hex SHA-256 of the bytes: their name in the file store (once committed, when held). */
  sha256: string;
  /** A file of an input the route holds (`options.holdFiles`): not in the store until `held.commit()`. */
  held?: HeldFile;
}

/**
 * An accepted file of a held input, in a temporary file and not in the store: the route checks it further
 * (a photo decoded) and keeps it with `commit()` — before the transaction that records it — or leaves it,
 * and it is removed once the answer has gone (or the client went away). So a file refused after its
 * upload checks leaves nothing in the store.
 */
export interface HeldFile {
  /** The temporary file on the local filesystem until it is committed or removed (null for a store without local files). */
  readonly path: string | null;
  /** Its bytes, whole (a store without local files; small files). */
  read(): Promise<Buffer>;
  /** Puts it in the store under its SHA-256; calling it again does nothing. Fails once the request has ended. */
  commit(): Promise<void>;
}

export interface MultipartForm {
  /** Text fields; a name sent more than once gives an array. `_csrf` is not among them. */
  fields: Record<string, string | string[]>;
  /** The accepted files, in the order sent. */
  files: UploadedFile[];
  /** The accepted data files (JSON, CSV) of the fields `options.dataFiles` names, at most one per field. */
  dataFiles: UploadedDataFile[];
  /** Every problem with the files and fields, in the user's language; empty when all is well. */
  problems: FieldProblem[];
}

/** What else a form takes besides documents and photos. */
export interface MultipartOptions {
  /**
   * The file inputs that take a small text data file (UTF-8 JSON or CSV, data-file.ts) instead of documents:
   * its text is checked and handed back whole, and stored by its SHA-256 like any upload.
   */
  dataFiles?: readonly DataFileRule[];
  /**
   * The file inputs whose accepted files are held, not stored (`UploadedFile.held`): for files the route
   * checks further before it keeps them (photos, decoded by sharp), so a refused one is never stored.
   */
  holdFiles?: readonly string[];
}

export interface UploadLimits {
  maxFileBytes: number;
  maxFiles: number;
  maxFieldBytes: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Set by registerMultipart in the contexts that read uploads. */
    uploadLimits: UploadLimits;
    /** Where readMultipartForm streams the files (set by registerMultipart). */
    uploadStore: FileStore;
  }
}

/** Parts (fields + files, including the empty part of every file input left empty) one request may have. */
const maxParts = 1000;

/**
 * Lets a Fastify context read `multipart/form-data` (forms with files). Nothing is read until a route calls
 * readMultipartForm, which streams each file into `files`. Files larger than the limit are cut off by the
 * parser and the rest of their bytes discarded, so a too-large file is reported without hanging the request.
 */
export async function registerMultipart(
  app: AppInstance,
  config: Pick<Config, 'uploadMaxFileBytes' | 'uploadMaxFiles' | 'bodyLimitBytes'>,
  files: FileStore,
): Promise<void> {
  const limits: UploadLimits = {
    maxFileBytes: config.uploadMaxFileBytes,
    maxFiles: config.uploadMaxFiles,
    maxFieldBytes: config.bodyLimitBytes,
  };
  await app.register(multipart, {
    // Not "throw at the first": a too-large file is marked truncated, so every problem can be listed.
    throwFileSizeLimit: false,
    limits: {
      fileSize: limits.maxFileBytes,
      // The count that matters (UPLOAD_MAX_FILES) is checked by readMultipartForm, which does not count the
      // empty parts that unselected file inputs send; the parser's own limits only stop abuse.
      files: maxParts,
      parts: maxParts,
      fields: maxParts,
      fieldSize: limits.maxFieldBytes,
      headerPairs: 100,
    },
  });
  app.decorate('uploadLimits', limits);
  app.decorate('uploadStore', files);
  // A form's CSRF token is its first part (ADR 0004, addendum of issue 14): checked here, before the route's
  // own hooks and handler and before a byte of any file is read. The parts read on from where this stopped.
  app.addHook('preHandler', async (request) => {
    const expected = csrfTokenExpectedInBody(request);
    if (expected === null) return;
    const parts = request.parts();
    const first = await parts.next().catch(() => null);
    const part = first === null || first.done === true ? undefined : first.value;
    const token = part?.type === 'field' && part.fieldname === csrfField ? part.value : null;
    if (!isTokenEqual(typeof token === 'string' ? token : null, expected))
      throw new DomainError('CSRF_INVALID', messageFor('CSRF_INVALID', request.lang));
    openedParts.set(request, parts);
  });
  // Held files the route did not commit are removed before its answer goes out (so a client that has the
  // answer finds nothing left), or when the client went away before it (a handler that commits after that
  // fails: nothing is half-written, the client is gone). onResponse catches an answer that skipped onSend.
  app.addHook('onSend', async (request, _reply, payload) => {
    await releaseHeld(request);
    return payload;
  });
  app.addHook('onResponse', async (request) => releaseHeld(request));
  app.addHook('onRequestAbort', async (request) => releaseHeld(request));
}

/** The writers of a request's held files (readMultipartForm), until the request ends. */
const heldWriters = new WeakMap<FastifyRequest, FileWriter[]>();

async function releaseHeld(request: FastifyRequest): Promise<void> {
  const writers = heldWriters.get(request);
  if (writers === undefined) return;
  heldWriters.delete(request);
  // abort() of a committed writer does nothing.
  await Promise.all(writers.map((writer) => writer.abort().catch(() => {})));
}

function heldFileOf(request: FastifyRequest, writer: FileWriter, sizeBytes: number): HeldFile {
  const writers = heldWriters.get(request) ?? [];
  writers.push(writer);
  heldWriters.set(request, writers);
  let committing: Promise<void> | null = null;
  return {
    get path() {
      return writer.temporaryPath;
    },
    read: () => writer.readBack(0, sizeBytes),
    commit() {
      committing ??= storeStep(writer.commit()).then(() => {});
      return committing;
    },
  };
}

/** The parts of a request whose first (the CSRF token) the hook above has read. */
const openedParts = new WeakMap<FastifyRequest, AsyncIterableIterator<Multipart>>();

const text = translator({
  'zh-TW': {
    tooLarge: '「{name}」超過檔案大小上限 {limit}。',
    empty: '「{name}」是空的檔案。',
    notAccepted: '「{name}」不是可接受的檔案類型，請改用 {formats} 檔。',
    tooMany: '一次最多可上傳 {max} 個檔案，您送出了 {count} 個。',
    fieldTooLong: '欄位「{field}」的內容太長，上限為 {limit}。',
    tooManyParts: '表單的欄位或檔案太多。',
    notMultipart: '這個表單必須以檔案上傳格式（multipart/form-data）送出。',
    malformed: '無法讀取上傳的表單（資料不完整或格式錯誤），請重新送出。',
  },
  en: {
    tooLarge: '“{name}” is larger than the {limit} limit.',
    empty: '“{name}” is empty.',
    notAccepted: '“{name}” is not an accepted type of file; send a {formats} file.',
    tooMany: 'You can send at most {max} files at once; you sent {count}.',
    fieldTooLong: 'The field “{field}” is too long; the limit is {limit}.',
    tooManyParts: 'The form has too many fields or files.',
    notMultipart: 'This form must be sent as a file upload (multipart/form-data).',
    malformed: 'The uploaded form could not be read (it is incomplete or malformed); please send it again.',
  },
});

/** 10485760 → "10 MB", 1536 → "1.5 KB" (binary multiples, the way file managers show sizes). */
export function formatByteSize(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = Math.round(value * 10) / 10;
  return `${rounded} ${units[unit]}`;
}

function formatList(lang: Lang): string {
  const names = acceptedFormatNames;
  if (lang === 'zh-TW') return names.join('、');
  return `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/** The name as the person chose it, for messages only: no folders or control characters, not too long. */
function displayName(original: string, lang: Lang): string {
  const base = (original.split(/[/\\]/).pop() ?? '')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '')
    .trim();
  const codePoints = [...base];
  const shown = codePoints.length > 80 ? `${codePoints.slice(0, 79).join('')}…` : base;
  return shown === '' ? (lang === 'en' ? '(no name)' : '（未命名）') : shown;
}

const csrfField = '_csrf';

/**
 * Reads a whole multipart request: every text field, and every file streamed into the file store, each
 * file's type sniffed from its bytes. Problems are collected, not thrown: a file too large (named, with the
 * limit), an empty file, a file that is not an accepted type (named), too many files, an over-long field.
 * The route adds its own field problems and answers them all at once.
 *
 * Memory does not grow with the size of a file: its bytes go through in the parser's chunks to a temporary
 * file, which is checked there (sniffMediaTypeOf reads it back in small windows) and then committed to the
 * store under its SHA-256. A refused file (too large, empty, not accepted) is never committed: its
 * temporary file is removed, and one whose first bytes are no accepted format is not written at all. The
 * accepted files of a form the route then refuses stay in the store unlisted, and cost nothing but space
 * (`files:check` counts them; content addressing means the same file sent again is stored once).
 *
 * The empty part a browser sends for a file input left empty (no name, no bytes) is not a file. Files past
 * the UPLOAD_MAX_FILES-th are read and discarded (counted for the message, never kept).
 *
 * A field `options.dataFiles` names takes one small text data file instead (UTF-8 JSON or CSV: data-file.ts),
 * not counted with the documents: read into memory up to its `maxBytes`, checked (text, not blank, its kind,
 * a JSON file parses), then stored under the SHA-256 of its text and handed back with that text in
 * `dataFiles`. Its problems (too large, empty, not UTF-8 text, not a type taken, not JSON, a second file) are
 * listed with the others.
 *
 * Throws DomainError UNSUPPORTED_MEDIA_TYPE for a request that is not multipart, MALFORMED_REQUEST for one
 * that cannot be parsed (cut off, bad boundary). CSRF was already checked, from the `x-csrf-token` header
 * or the `?_csrf=` query parameter of the form's action (ADR 0004).
 */
export async function readMultipartForm(
  request: FastifyRequest,
  lang: Lang,
  options: MultipartOptions = {},
): Promise<MultipartForm> {
  if (typeof request.isMultipart !== 'function') {
    throw new Error('readMultipartForm: registerMultipart was not called for this route’s context');
  }
  if (!request.isMultipart()) {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', text(lang, 'notMultipart'), {
      problems: [{ field: '', code: 'multipart_required', message: text(lang, 'notMultipart') }],
    });
  }
  const limits = request.server.uploadLimits;
  const store = request.server.uploadStore;
  const fieldValues = new Map<string, string[]>();
  const files: UploadedFile[] = [];
  const dataFiles: UploadedDataFile[] = [];
  const dataRules = new Map((options.dataFiles ?? []).map((rule) => [rule.field, rule]));
  const dataFieldsSeen = new Set<string>();
  const heldInputs = new Set(options.holdFiles ?? []);
  const problems: FieldProblem[] = [];
  let fileCount = 0;
  let firstExtraField: string | null = null;

  try {
    for await (const part of openedParts.get(request) ?? request.parts()) {
      if (part.type === 'field') {
        if (part.fieldname === csrfField) continue;
        if (part.valueTruncated) {
          problems.push({
            field: part.fieldname,
            code: 'too_long',
            message: text(lang, 'fieldTooLong', {
              field: part.fieldname,
              limit: formatByteSize(limits.maxFieldBytes),
            }),
          });
          continue;
        }
        const values = fieldValues.get(part.fieldname) ?? [];
        values.push(typeof part.value === 'string' ? part.value : JSON.stringify(part.value));
        fieldValues.set(part.fieldname, values);
        continue;
      }

      const name = part.filename ?? '';
      const dataRule = dataRules.get(part.fieldname);
      if (dataRule !== undefined) {
        const maxBytes = Math.min(dataRule.maxBytes, limits.maxFileBytes);
        const received = await receiveDataFile(part.file, maxBytes);
        if (name === '' && received.sizeBytes === 0) continue; // a file input left empty
        const about = {
          field: part.fieldname,
          name: displayName(name, lang),
          limit: formatByteSize(maxBytes),
          kinds: dataRule.kinds,
        };
        if (dataFieldsSeen.has(part.fieldname)) {
          problems.push(dataFileProblem('one_file', about, lang));
          continue;
        }
        dataFieldsSeen.add(part.fieldname);
        if (received.bytes === null) {
          problems.push(dataFileProblem('too_large', about, lang));
          continue;
        }
        const checked = checkDataFile(received.bytes, name, dataRule.kinds);
        if (!checked.ok) {
          const detail = checked.detail === undefined ? {} : { detail: checked.detail };
          problems.push(dataFileProblem(checked.refusal, { ...about, ...detail }, lang));
          continue;
        }
        const bytes = Buffer.from(checked.text, 'utf8');
        const stored = await storeStep(store.put(bytes));
        dataFiles.push({
          fieldName: part.fieldname,
          fileName: about.name,
          kind: checked.kind,
          text: checked.text,
          sizeBytes: bytes.length,
          sha256: stored.sha256,
        });
        continue;
      }
      if (fileCount >= limits.maxFiles) {
        // Read to the end and drop: counted for the message, never kept.
        let isEmpty = true;
        part.file.on('data', () => {
          isEmpty = false;
        });
        await finished(part.file.resume());
        if (name === '' && isEmpty) continue;
        fileCount += 1;
        firstExtraField ??= part.fieldname;
        continue;
      }
      const received = await receiveFile(part.file, store, heldInputs.has(part.fieldname));
      if (name === '' && received.sizeBytes === 0) continue; // a file input left empty
      fileCount += 1;
      const shown = displayName(name, lang);
      if (received.outcome !== 'accepted') {
        problems.push(fileProblem(received.outcome, part.fieldname, shown, limits, lang));
        continue;
      }
      files.push({
        fieldName: part.fieldname,
        fileName: safeUploadFileName(name, received.type.mediaType),
        mediaType: received.type.mediaType,
        extension: received.type.extension,
        sizeBytes: received.stored.sizeBytes,
        sha256: received.stored.sha256,
        ...(received.held === undefined
          ? {}
          : { held: heldFileOf(request, received.held, received.stored.sizeBytes) }),
      });
    }
  } catch (error) {
    if (error instanceof UploadStoreError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      // The parser goes on reading (and discarding) the rest of the request by itself.
      problems.push({ field: '', code: 'too_many_parts', message: text(lang, 'tooManyParts') });
    } else {
      throw new DomainError('MALFORMED_REQUEST', text(lang, 'malformed'));
    }
  }

  if (fileCount > limits.maxFiles) {
    problems.push({
      field: firstExtraField ?? '',
      code: 'too_many_files',
      message: text(lang, 'tooMany', { max: limits.maxFiles, count: fileCount }),
    });
  }
  // fromEntries defines own properties, so even a field named `__proto__` stays a plain value.
  const fields: Record<string, string | string[]> = Object.fromEntries(
    [...fieldValues].map(([name, values]) => [name, values.length === 1 ? (values[0] ?? '') : values]),
  );
  return { fields, files, dataFiles, problems };
}

/**
 * A data file part read into memory up to `maxBytes` (they are small); past that, or when the parser cut it
 * off at the upload limit, read to its end and dropped (`bytes` null).
 */
async function receiveDataFile(
  file: Readable & { truncated: boolean },
  maxBytes: number,
): Promise<{ sizeBytes: number; bytes: Buffer | null }> {
  const chunks: Buffer[] = [];
  let sizeBytes = 0;
  for await (const chunk of file as AsyncIterable<Buffer>) {
    sizeBytes += chunk.length;
    if (sizeBytes <= maxBytes) chunks.push(chunk);
    else chunks.length = 0;
  }
  const isTooLarge = sizeBytes > maxBytes || file.truncated;
  return { sizeBytes, bytes: isTooLarge ? null : Buffer.concat(chunks) };
}

export type Refusal = 'too_large' | 'empty' | 'not_accepted';

/**
 * A file that came another way than a form — an e-mail's attachment: the same checks and the same store as a
 * form's file (the accepted formats by their bytes, the documents' structure, the size limit), read to its end
 * whatever the outcome. Nothing is kept of a refused one.
 */
export async function receiveUploadStream(
  source: Readable,
  store: FileStore,
  options: { fieldName: string; fileName: string; maxBytes: number },
): Promise<{ file: UploadedFile } | { refusal: Refusal; sizeBytes: number }> {
  const received = await receiveFile(limitedTo(source, options.maxBytes), store);
  if (received.outcome !== 'accepted') return { refusal: received.outcome, sizeBytes: received.sizeBytes };
  return {
    file: {
      fieldName: options.fieldName,
      fileName: safeUploadFileName(options.fileName, received.type.mediaType),
      mediaType: received.type.mediaType,
      extension: received.type.extension,
      sizeBytes: received.stored.sizeBytes,
      sha256: received.stored.sha256,
    },
  };
}

/** The source's bytes up to `maxBytes`, the rest read and dropped, `truncated` set — as the form parser does. */
function limitedTo(source: Readable, maxBytes: number): Readable & { truncated: boolean } {
  let seen = 0;
  const state = { truncated: false };
  const limited = Readable.from(
    (async function* () {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        const room = maxBytes - seen;
        seen += chunk.length;
        if (room <= 0) {
          state.truncated = true;
          continue;
        }
        if (chunk.length > room) state.truncated = true;
        yield chunk.length > room ? chunk.subarray(0, room) : chunk;
      }
    })(),
    { objectMode: false },
  );
  // receiveFile reads `truncated` once the stream has ended, as it does busboy's.
  return Object.defineProperty(limited, 'truncated', { get: () => state.truncated }) as Readable & {
    truncated: boolean;
  };
}

type Received =
  | {
      outcome: 'accepted';
      sizeBytes: number;
      type: SniffedType;
      stored: StoredContent;
      /** Held (not committed): the writer of its temporary file. */
      held?: FileWriter;
    }
  | { outcome: Refusal; sizeBytes: number };

function fileProblem(
  refusal: Refusal,
  field: string,
  name: string,
  limits: UploadLimits,
  lang: Lang,
): FieldProblem {
  switch (refusal) {
    case 'too_large':
      return {
        field,
        code: 'file_too_large',
        message: text(lang, 'tooLarge', { name, limit: formatByteSize(limits.maxFileBytes) }),
      };
    case 'empty':
      return { field, code: 'file_empty', message: text(lang, 'empty', { name }) };
    case 'not_accepted':
      return {
        field,
        code: 'file_type_not_accepted',
        message: text(lang, 'notAccepted', { name, formats: formatList(lang) }),
      };
  }
}

/**
 * Streams one file part into a store writer and checks it there. The writer is made only once the first
 * bytes show an accepted format (an empty input or a renamed .exe never touches the disk). Every outcome
 * but `accepted` leaves nothing in the store, and so does an error (the request cut off): the temporary
 * file is removed. An accepted file is committed, or with `hold` left in its temporary file with its writer.
 * Back-pressure: the next chunk is read only when the writer has taken the last one.
 */
async function receiveFile(
  file: Readable & { truncated: boolean },
  store: FileStore,
  hold = false,
): Promise<Received> {
  let sizeBytes = 0;
  /** The first bytes, held until there are enough to see the format. */
  const held: Buffer[] = [];
  let decision: 'writing' | 'refused' | null = null;
  let writer: FileWriter | null = null;
  let writeError: Error | null = null;

  const write = async (chunk: Buffer): Promise<void> => {
    if (writer === null) {
      writer = store.createWriter();
      // Kept, not thrown from an event handler: the next write reports it and the catch below aborts.
      writer.on('error', (error) => {
        writeError ??= error;
      });
    }
    if (writeError !== null) throw new UploadStoreError(writeError);
    if (!writer.write(chunk)) await storeStep(once(writer, 'drain'));
  };
  const decide = async (): Promise<'writing' | 'refused'> => {
    const isAccepted = hasAcceptedSignature(Buffer.concat(held));
    if (isAccepted) for (const piece of held) await write(piece);
    held.length = 0;
    return isAccepted ? 'writing' : 'refused';
  };

  try {
    for await (const chunk of file as AsyncIterable<Buffer>) {
      sizeBytes += chunk.length;
      if (decision === 'refused') continue; // read to the end and dropped
      if (decision === 'writing') {
        await write(chunk);
        continue;
      }
      held.push(chunk);
      if (sizeBytes >= signatureBytes) decision = await decide();
    }
    if (file.truncated) return await refuse(writer, 'too_large', sizeBytes);
    if (sizeBytes === 0) return await refuse(writer, 'empty', sizeBytes);
    // A file shorter than a signature is decided now that it has ended.
    decision ??= await decide();
    const finishing = writer as FileWriter | null;
    if (decision === 'refused' || finishing === null)
      return await refuse(finishing, 'not_accepted', sizeBytes);
    finishing.end();
    await storeStep(finished(finishing));
    const type = await storeStep(
      sniffMediaTypeOf({ size: sizeBytes, read: (offset, length) => finishing.readBack(offset, length) }),
    );
    if (type === null) return await refuse(finishing, 'not_accepted', sizeBytes);
    if (hold)
      return { outcome: 'accepted', sizeBytes, type, stored: finishing.contentName(), held: finishing };
    return { outcome: 'accepted', sizeBytes, type, stored: await storeStep(finishing.commit()) };
  } catch (error) {
    await (writer as FileWriter | null)?.abort();
    throw error;
  }
}

/**
 * The file store failed (disk full, permissions): the server's fault, answered 500 and logged, never
 * "your form is malformed".
 */
export class UploadStoreError extends Error {
  constructor(cause: unknown) {
    super(`The file store could not take an upload: ${(cause as Error)?.message ?? String(cause)}`, {
      cause,
    });
    this.name = 'UploadStoreError';
  }
}

async function storeStep<T>(step: Promise<T>): Promise<T> {
  try {
    return await step;
  } catch (error) {
    throw error instanceof UploadStoreError ? error : new UploadStoreError(error);
  }
}

async function refuse(writer: FileWriter | null, outcome: Refusal, sizeBytes: number): Promise<Received> {
  await writer?.abort();
  return { outcome, sizeBytes };
}
