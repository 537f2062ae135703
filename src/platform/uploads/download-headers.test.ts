import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attachmentResponseHeaders, storedFileHeaders } from './download-headers.ts';

describe('attachmentResponseHeaders', () => {
  it('serves every stored file as a download under a sandboxing policy, never inline, never sniffed or cached', () => {
    assert.deepEqual(
      attachmentResponseHeaders({ fileName: '現場 照片.png', mediaType: 'image/png', sizeBytes: 42 }),
      {
        'content-type': 'image/png',
        'content-length': '42',
        'content-disposition': `attachment; filename="__ __.png"; filename*=UTF-8''%E7%8F%BE%E5%A0%B4%20%E7%85%A7%E7%89%87.png`,
        'content-security-policy': "sandbox; default-src 'none'",
        'x-content-type-options': 'nosniff',
        'cross-origin-resource-policy': 'same-origin',
        'cache-control': 'private, no-store',
      },
    );
    // PDFs and images were shown inline before issue 13: a PDF viewer or an image is a document of our origin.
    for (const [fileName, mediaType] of [
      ['申請書.pdf', 'application/pdf'],
      ['a.jpg', 'image/jpeg'],
      ['a.webp', 'image/webp'],
      ['x.heic', 'image/heic'],
      ['plan.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ] as const) {
      const headers = attachmentResponseHeaders({ fileName, mediaType, sizeBytes: 1 });
      assert.equal(headers['content-disposition']?.split(';')[0], 'attachment', mediaType);
      assert.equal(headers['content-security-policy'], "sandbox; default-src 'none'", mediaType);
    }
  });

  it('storedFileHeaders: the disposition and policy a route that sets its own caching adds (a report’s photos)', () => {
    assert.deepEqual(storedFileHeaders('KH-1-report-1-thumb.jpg'), {
      'content-disposition': `attachment; filename="KH-1-report-1-thumb.jpg"; filename*=UTF-8''KH-1-report-1-thumb.jpg`,
      'content-security-policy': "sandbox; default-src 'none'",
      'x-content-type-options': 'nosniff',
    });
  });
});
