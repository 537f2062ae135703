import type { FastifyReply } from 'fastify';
import type { FileStore } from '../files/file-store.ts';
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

/**
 * Sends a stored file with attachmentResponseHeaders, streamed from the file store (never read whole into
 * memory). A row whose bytes the store lacks is a lost file, not a wrong address: the store's
 * FileNotFoundError goes on to the error handler (500, logged), and `npx onewindow files:check` lists them.
 */
export async function sendStoredFile(
  reply: FastifyReply,
  files: FileStore,
  file: ServedFile,
  options: { download?: boolean } = {},
): Promise<FastifyReply> {
  const body = file.content ?? (await files.open(file.sha256));
  return reply.code(200).headers(attachmentResponseHeaders(file, options)).send(body);
}
