import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FileNotFoundError } from '../files/file-not-found.ts';
import type { FileStore } from '../files/file-store.ts';
import { notFound } from '../http/errors.ts';
import { translator } from '../web/i18n.ts';
import { contentDisposition } from './file-name.ts';

/**
 * Serving a stored file (a case's attachment, check evidence, progress evidence, a report's photos): the
 * type sniffed when it arrived, the name it had, and the caching a file with personal data needs.
 */

/**
 * What keeps a stored file from acting as a page of this site, whatever is in it (issue 13): it is always a
 * download (`attachment`), never shown inline — a PDF viewer or an image the browser renders itself is
 * a document of our origin — and, should a browser render it anyway, the policy gives it no script, no
 * origin (`sandbox`), and nothing to load (`default-src 'none'`). `nosniff` keeps the browser to the sniffed
 * type. An <img> ignores Content-Disposition, so pages still show thumbnails.
 */
export const storedFilePolicy = {
  'content-security-policy': "sandbox; default-src 'none'",
  'x-content-type-options': 'nosniff',
} as const;

/** The headers every stored file is served with: storedFilePolicy and `attachment` with its name. */
export function storedFileHeaders(fileName: string): Record<string, string> {
  return { 'content-disposition': contentDisposition('attachment', fileName), ...storedFilePolicy };
}

/**
 * Headers for serving an attachment: the sniffed type (never the name's), always a download with the name
 * in both Content-Disposition forms and the sandboxing policy (storedFileHeaders), only for this site's
 * pages (Cross-Origin-Resource-Policy), and never cached outside the browser's memory.
 */
export function attachmentResponseHeaders(attachment: {
  fileName: string;
  mediaType: string;
  sizeBytes: number;
}): Record<string, string> {
  return {
    'content-type': attachment.mediaType,
    'content-length': String(attachment.sizeBytes),
    ...storedFileHeaders(attachment.fileName),
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'private, no-store',
  };
}

/** A stored file to serve: its bytes are in the file store, or still in its row (`content`, before the move). */
export interface ServedFile {
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  /** Bytes a row written before the file store still holds (moved at start-up: ADR 0009); null after. */
  content?: Buffer | null;
}

const text = translator({
  'zh-TW': { fileMissing: '這個檔案目前無法取得，我們已記錄此問題，請稍後再試。' },
  en: {
    fileMissing:
      'This file is not available at the moment; the problem has been logged. Please try again later.',
  },
});

/**
 * The bytes of a stored file as a stream, for a route to send. A row whose bytes the store lacks (a restore
 * that missed them, a file deleted by hand) is the operator's problem, not the reader's: the reader gets a
 * 404 in their language, and the log one warning naming the file and the route — never who asked, whose file
 * it is or the address with its ids. `npx onewindow files:check` lists every such file (docs/operations.md).
 */
export async function openStoredFile(
  request: FastifyRequest,
  files: FileStore,
  sha256: string,
): Promise<Readable> {
  try {
    return await files.open(sha256);
  } catch (error) {
    if (!(error instanceof FileNotFoundError)) throw error;
    request.log.warn({ sha256, route: request.routeOptions.url }, 'stored file missing from the file store');
    throw notFound(text(request.lang, 'fileMissing'));
  }
}

/**
 * Sends a stored file with attachmentResponseHeaders, streamed from the file store (never read whole into
 * memory); a file the store lacks is a 404 and a warning (openStoredFile).
 */
export async function sendStoredFile(
  reply: FastifyReply,
  files: FileStore,
  file: ServedFile,
): Promise<FastifyReply> {
  const body = file.content ?? (await openStoredFile(reply.request, files, file.sha256));
  return reply.code(200).headers(attachmentResponseHeaders(file)).send(body);
}
