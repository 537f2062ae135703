import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attachmentResponseHeaders } from './download-headers.ts';

describe('attachmentResponseHeaders', () => {
  it('serves images and PDFs inline, other documents as downloads, never sniffed or cached', () => {
    assert.deepEqual(
      attachmentResponseHeaders({ fileName: '現場 照片.png', mediaType: 'image/png', sizeBytes: 42 }),
      {
        'content-type': 'image/png',
        'content-length': '42',
        'content-disposition': `inline; filename="__ __.png"; filename*=UTF-8''%E7%8F%BE%E5%A0%B4%20%E7%85%A7%E7%89%87.png`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      },
    );
    const docx = attachmentResponseHeaders({
      fileName: 'plan.docx',
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      sizeBytes: 1,
    });
    assert.equal(docx['content-disposition'], `attachment; filename="plan.docx"; filename*=UTF-8''plan.docx`);
    assert.equal(
      attachmentResponseHeaders({ fileName: 'x.heic', mediaType: 'image/heic', sizeBytes: 1 })[
        'content-disposition'
      ]?.split(';')[0],
      'attachment',
    );
    assert.equal(
      attachmentResponseHeaders(
        { fileName: 'a.pdf', mediaType: 'application/pdf', sizeBytes: 1 },
        { download: true },
      )['content-disposition']?.split(';')[0],
      'attachment',
    );
  });
});
