import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, describe, it } from 'node:test';
import { aTemporaryFileStore } from '../../../test/helpers/test-file-store.ts';
import { sendStoredFile } from './download-headers.ts';
import { aBareSiteApp } from './upload-app-test-support.ts';

/**
 * sendStoredFile, as a case's attachment and control evidence are served: the file from the store, or, when
 * the store lost it, a 404 in the reader's language and one warning naming the file and the route. A bare
 * app with the one route (in both languages) and the error handler's answer; the site's pages are tested
 * with the real app (reports/crew-photos.db.test.tsx). A "db" test only because the file store's module
 * holds its table.
 */

const files = await aTemporaryFileStore('onewindow-download-');
const lines: string[] = [];
const app = aBareSiteApp({
  logger: {
    level: 'info',
    stream: new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  },
});
for (const url of ['/files/:sha256', '/en/files/:sha256'])
  app.get<{ Params: { sha256: string } }>(url, (request, reply) =>
    sendStoredFile(reply, files, {
      fileName: '現場照片.pdf',
      mediaType: 'application/pdf',
      sizeBytes: 9,
      sha256: request.params.sha256,
    }),
  );
after(() => app.close());

const warningsSince = (mark: number) =>
  lines
    .slice(mark)
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.level === 40 || Number(line.level) >= 50)
    .map((line) => [line.level, line.msg, line.sha256, line.route]);

describe('sendStoredFile', () => {
  it('serves a stored file as a download under a sandboxing policy; one the store lost is a 404 in the reader’s language and one warning, not a 500', async () => {
    const { sha256 } = await files.put(Buffer.from('%PDF-1.4\n'));
    const served = await app.inject({ method: 'GET', url: `/files/${sha256}` });
    assert.equal(served.statusCode, 200);
    assert.equal(served.body, '%PDF-1.4\n');
    assert.equal(served.headers['content-type'], 'application/pdf');
    assert.match(String(served.headers['content-disposition']), /^attachment; filename="/);
    assert.equal(served.headers['content-security-policy'], "sandbox; default-src 'none'");
    assert.equal(served.headers['x-content-type-options'], 'nosniff');
    assert.equal(served.headers['cache-control'], 'private, no-store');

    await files.remove(sha256);
    const mark = lines.length;
    const lost = await app.inject({ method: 'GET', url: `/files/${sha256}` });
    assert.equal(lost.statusCode, 404);
    assert.deepEqual(lost.json(), {
      code: 'NOT_FOUND',
      message: '這個檔案目前無法取得，我們已記錄此問題，請稍後再試。',
      errors: [],
      requestId: lost.json().requestId,
    });
    const english = await app.inject({ method: 'GET', url: `/en/files/${sha256}` });
    assert.equal(english.statusCode, 404);
    assert.equal(
      english.json().message,
      'This file is not available at the moment; the problem has been logged. Please try again later.',
    );
    assert.deepEqual(warningsSince(mark), [
      [40, 'stored file missing from the file store', sha256, '/files/:sha256'],
      [40, 'stored file missing from the file store', sha256, '/en/files/:sha256'],
    ]);
  });
});
