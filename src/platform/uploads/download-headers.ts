import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FileNotFoundError } from '../files/file-not-found.ts';
import type { FileStore } from '../files/file-store.ts';
import { notFound } from '../http/errors.ts';
import { translator } from '../web/i18n.ts';
import { contentDisposition } from './file-name.ts';

/**
 * Serving a stored file (a case's attachment, check evidence, progress evidence): the type sniffed when it
 * arrived, the name it had, and the caching a file with personal data needs.
 */

/** Types a browser shows safely by itself; everything else is offered as a download. */
const inlineTypes = new Set<string>(['image/jpeg', 'image/png', 'image/webp', 'application/pdf']);

/**
 * Headers for serving an attachment: the sniffed type (never the name's), `nosniff` so the browser does not
 * guess another, `attachment` unless it is an image or PDF the browser shows itself (or `download` is
 * asked for), the name in both Content-Disposition forms, and never cached outside the browser's memory.
 */
export function attachmentResponseHeaders(
  attachment: { fileName: string; mediaType: string; sizeBytes: number },
  options: { download?: boolean } = {},
): Record<string, string> {
  const isInline = options.download !== true && inlineTypes.has(attachment.mediaType);
  return {
    'content-type': attachment.mediaType,
    'content-length': String(attachment.sizeBytes),
    'content-disposition': contentDisposition(isInline ? 'inline' : 'attachment', attachment.fileName),
    'x-content-type-options': 'nosniff',
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
  options: { download?: boolean } = {},
): Promise<FastifyReply> {
  const body = file.content ?? (await openStoredFile(reply.request, files, file.sha256));
  return reply.code(200).headers(attachmentResponseHeaders(file, options)).send(body);
}
