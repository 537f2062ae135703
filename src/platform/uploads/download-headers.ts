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
