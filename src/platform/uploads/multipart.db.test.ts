import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { ConfigError, loadConfig } from '../../config.ts';
import { csrfCookieName, withCsrfQuery } from '../http/csrf.ts';
import {
  type Echo,
  filesOnDisk,
  uploadToken as token,
  type UploadApp,
  uploadEchoApp,
} from './upload-app-test-support.ts';
import { sampleExe, sampleJpeg, sampleOdt, samplePdf, samplePng } from './upload-test-support.ts';

const maxFileBytes = 4096;
const maxFiles = 3;

/** The limits of the small app most tests post to. */
const smallLimits = {
  UPLOAD_MAX_FILE_BYTES: String(maxFileBytes),
  UPLOAD_MAX_FILES: String(maxFiles),
  BODY_LIMIT_BYTES: '1024',
};
const uploadApp = (environment: Record<string, string> = {}) =>
  uploadEchoApp({ ...smallLimits, ...environment });

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const storedPath = (hash: string) => path.join(hash.slice(0, 2), hash.slice(2, 4), hash);

function form(entries: [string, string | [Buffer, string]][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) {
    if (typeof value === 'string') data.append(name, value);
    else data.append(name, new Blob([new Uint8Array(value[0])]), value[1]);
  }
  return data;
}

describe('readMultipartForm', () => {
  let app: UploadApp;
  before(async () => {
    app = await uploadApp();
  });
  after(() => app.close());

  const post = async (url: string, payload: FormData, headers: Record<string, string> = {}) => {
    const response = await app.inject({
      method: 'POST',
      url: withCsrfQuery(url, token),
      payload,
      headers: { cookie: `${csrfCookieName}=${token}`, ...headers },
    });
    return { statusCode: response.statusCode, body: response.json() as Echo };
  };

  it('returns fields and the accepted files with the sniffed type, stored unchanged under their SHA-256, and a safe name', async () => {
    const png = samplePng();
    const odt = sampleOdt();
    const { statusCode, body } = await post(
      '/upload',
      form([
        ['subject', '人行道破損'],
        ['tags', 'a'],
        ['tags', 'b'],
        ['photo', [png, '現場照片.pdf']],
        ['documents', [odt, 'C:\\掃描\\計畫書.odt']],
        ['empty-input', [Buffer.alloc(0), '']],
      ]),
    );
    assert.equal(statusCode, 200);
    assert.deepEqual(body.problems, []);
    assert.deepEqual(body.fields, { subject: '人行道破損', tags: ['a', 'b'] });
    assert.deepEqual(
      body.files.map(({ base64: _, ...file }) => file),
      [
        {
          fieldName: 'photo',
          fileName: '現場照片.png',
          mediaType: 'image/png',
          sizeBytes: png.length,
          sha256: sha256(png),
        },
        {
          fieldName: 'documents',
          fileName: '計畫書.odt',
          mediaType: 'application/vnd.oasis.opendocument.text',
          sizeBytes: odt.length,
          sha256: sha256(odt),
        },
      ],
    );
    assert.deepEqual(Buffer.from(body.files[0]?.base64 ?? '', 'base64'), png);
    assert.deepEqual(Buffer.from(body.files[1]?.base64 ?? '', 'base64'), odt);
    const onDisk = await filesOnDisk(app.files.dir);
    assert.ok(onDisk.includes(storedPath(sha256(png))) && onDisk.includes(storedPath(sha256(odt))));
    assert.ok(!onDisk.some((file) => file.startsWith('tmp')), 'no temporary file is left');
  });

  it('stores the same file sent twice once', async () => {
    const pdf = samplePdf(`twice ${randomBytes(8).toString('hex')}`);
    const { body } = await post(
      '/upload',
      form([
        ['a', [pdf, 'first.pdf']],
        ['b', [pdf, 'second.pdf']],
      ]),
    );
    assert.deepEqual(
      body.files.map((file) => [file.fileName, file.sha256]),
      [
        ['first.pdf', sha256(pdf)],
        ['second.pdf', sha256(pdf)],
      ],
    );
    const onDisk = await filesOnDisk(app.files.dir);
    assert.equal(onDisk.filter((file) => file.endsWith(sha256(pdf))).length, 1);
    assert.ok(!onDisk.some((file) => file.startsWith('tmp')));
  });

  it('lists every problem at once: a file too large (named, with the limit) and an .exe renamed .pdf; refused files are not stored', async () => {
    const before = await filesOnDisk(app.files.dir);
    const big = Buffer.concat([samplePdf(), randomBytes(maxFileBytes * 50)]);
    // Complete (it ends with %%EOF) but one byte over the limit.
    const justOver = Buffer.concat([
      Buffer.from('%PDF-1.4\n'),
      randomBytes(maxFileBytes - 14),
      Buffer.from('%%EOF\n'),
    ]);
    assert.equal(justOver.length, maxFileBytes + 1);
    // A PDF signature, cut off: written while it streamed, refused when checked.
    const cutPdf = samplePdf().subarray(0, 200);
    const { statusCode, body } = await post(
      '/upload',
      form([
        ['attachments', [big, '大檔案.pdf']],
        ['attachments', [sampleExe(), '申請書.pdf']],
        ['attachments', [sampleJpeg(), 'ok.jpg']],
        ['note', 'after the files'],
      ]),
    );
    assert.equal(statusCode, 200);
    const notAccepted = (name: string) => ({
      field: 'attachments',
      code: 'file_type_not_accepted',
      message: `「${name}」不是可接受的檔案類型，請改用 PDF、JPEG、PNG、WebP、HEIC、TIFF、ODT、ODS、DOCX、XLSX 檔。`,
    });
    assert.deepEqual(body.problems, [
      { field: 'attachments', code: 'file_too_large', message: '「大檔案.pdf」超過檔案大小上限 4 KB。' },
      notAccepted('申請書.pdf'),
    ]);
    const more = await post(
      '/upload',
      form([
        ['attachments', [justOver, '差一點.pdf']],
        ['attachments', [cutPdf, '不完整.pdf']],
      ]),
    );
    assert.deepEqual(more.body.problems, [
      { field: 'attachments', code: 'file_too_large', message: '「差一點.pdf」超過檔案大小上限 4 KB。' },
      notAccepted('不完整.pdf'),
    ]);
    // Only the accepted JPEG was added to the store; nothing temporary is left.
    const added = (await filesOnDisk(app.files.dir)).filter((file) => !before.includes(file));
    assert.deepEqual(
      added,
      before.includes(storedPath(sha256(sampleJpeg()))) ? [] : [storedPath(sha256(sampleJpeg()))],
    );
    // The parser went on after the large file: the later file and field were read.
    assert.deepEqual(
      body.files.map((file) => [file.fileName, file.mediaType]),
      [['ok.jpg', 'image/jpeg']],
    );
    assert.deepEqual(body.fields, { note: 'after the files' });
  });

  it('in English under /en, with an empty file reported by name', async () => {
    const { body } = await post(
      '/en/upload',
      form([
        ['a', [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'logo.svg']],
        ['b', [Buffer.alloc(0), 'blank.pdf']],
        ['c', [randomBytes(maxFileBytes + 1), 'huge.png']],
      ]),
    );
    assert.deepEqual(body.problems, [
      {
        field: 'a',
        code: 'file_type_not_accepted',
        message:
          '“logo.svg” is not an accepted type of file; send a PDF, JPEG, PNG, WebP, HEIC, TIFF, ODT, ODS, DOCX or XLSX file.',
      },
      { field: 'b', code: 'file_empty', message: '“blank.pdf” is empty.' },
      { field: 'c', code: 'file_too_large', message: '“huge.png” is larger than the 4 KB limit.' },
    ]);
  });

  it('counts files (not the empty parts of unselected inputs) and reports too many with the count', async () => {
    const { body } = await post(
      '/upload',
      form([
        ['unused-1', [Buffer.alloc(0), '']],
        ['f', [samplePng(), '1.png']],
        ['f', [samplePng(), '2.png']],
        ['unused-2', [Buffer.alloc(0), '']],
        ['f', [samplePng(), '3.png']],
        ['g', [samplePng(), '4.png']],
        ['g', [sampleExe(), '5.pdf']],
        ['last', 'still read'],
      ]),
    );
    assert.deepEqual(body.problems, [
      { field: 'g', code: 'too_many_files', message: '一次最多可上傳 3 個檔案，您送出了 5 個。' },
    ]);
    assert.deepEqual(
      body.files.map((file) => file.fileName),
      ['1.png', '2.png', '3.png'],
    );
    assert.deepEqual(body.fields, { last: 'still read' });
  });

  it('reports a text field over the limit, and a form of more than 1,000 parts, without hanging', async () => {
    const long = await post(
      '/upload',
      form([
        ['description', 'x'.repeat(1025)],
        ['name', 'ok'],
      ]),
    );
    assert.deepEqual(long.body.problems, [
      { field: 'description', code: 'too_long', message: '欄位「description」的內容太長，上限為 1 KB。' },
    ]);
    assert.deepEqual(long.body.fields, { name: 'ok' });
    const many = form(Array.from({ length: 1001 }, (_, index): [string, string] => [`f${index}`, 'v']));
    const { statusCode, body } = await post('/upload', many);
    assert.equal(statusCode, 200);
    assert.deepEqual(body.problems, [
      { field: '', code: 'too_many_parts', message: '表單的欄位或檔案太多。' },
    ]);
  });

  it('refuses a request that is not multipart (415) and a cut-off multipart body (400)', async () => {
    const urlencoded = await app.inject({
      method: 'POST',
      url: '/upload',
      payload: `_csrf=${token}&a=1`,
      headers: { cookie: `${csrfCookieName}=${token}`, 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(urlencoded.statusCode, 415);
    assert.equal(urlencoded.json().code, 'UNSUPPORTED_MEDIA_TYPE');

    const boundary = 'x-boundary';
    const cut = `--${boundary}\r\ncontent-disposition: form-data; name="f"; filename="a.png"\r\ncontent-type: image/png\r\n\r\n${'x'.repeat(100)}`;
    const truncated = await app.inject({
      method: 'POST',
      url: withCsrfQuery('/upload', token),
      payload: cut,
      headers: {
        cookie: `${csrfCookieName}=${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
    });
    assert.equal(truncated.statusCode, 400);
    assert.equal(truncated.json().code, 'MALFORMED_REQUEST');
  });

  it('refuses a 40 MB upload over the 10 MiB limit over a real connection, storing nothing', async () => {
    const server = await uploadApp({ UPLOAD_MAX_FILE_BYTES: String(10 * 1024 * 1024) });
    await server.listen({ host: '127.0.0.1', port: 0 });
    try {
      const { port } = server.server.address() as AddressInfo;
      const huge = Buffer.concat([
        Buffer.from('%PDF-1.7\n'),
        randomBytes(40_000_000),
        Buffer.from('\n%%EOF\n'),
      ]);
      const response = await fetch(`http://127.0.0.1:${port}${withCsrfQuery('/upload', token)}`, {
        method: 'POST',
        headers: { cookie: `${csrfCookieName}=${token}` },
        body: form([['f', [huge, '竣工圖.pdf']]]),
        signal: AbortSignal.timeout(60_000),
      });
      const body = (await response.json()) as Echo;
      assert.equal(response.status, 200);
      assert.deepEqual(body.problems, [
        { field: 'f', code: 'file_too_large', message: '「竣工圖.pdf」超過檔案大小上限 10 MB。' },
      ]);
      assert.deepEqual(body.files, []);
      assert.deepEqual(await filesOnDisk(server.files.dir), [], 'nothing stored, nothing temporary left');
    } finally {
      await server.close();
    }
  });

  it('drains a large upload over a real connection: the answer comes, and the connection serves the next request', async () => {
    const server = await uploadApp();
    await server.listen({ host: '127.0.0.1', port: 0 });
    try {
      const { port } = server.server.address() as AddressInfo;
      const url = `http://127.0.0.1:${port}${withCsrfQuery('/upload', token)}`;
      const headers = { cookie: `${csrfCookieName}=${token}` };
      const huge = randomBytes(8 * 1024 * 1024);
      const first = await fetch(url, {
        method: 'POST',
        headers,
        body: form([
          ['f', [huge, 'scan.tif']],
          ['g', [samplePng(), 'small.png']],
        ]),
        signal: AbortSignal.timeout(20_000),
      });
      const body = (await first.json()) as Echo;
      assert.equal(first.status, 200);
      assert.deepEqual(
        body.problems.map((problem) => problem.code),
        ['file_too_large'],
      );
      assert.deepEqual(
        body.files.map((file) => file.fileName),
        ['small.png'],
      );
      const second = await fetch(url, {
        method: 'POST',
        headers,
        body: form([['g', [samplePng(), 'again.png']]]),
        signal: AbortSignal.timeout(5_000),
      });
      assert.deepEqual(
        ((await second.json()) as Echo).files.map((file) => file.fileName),
        ['again.png'],
      );
      // Refused before the body is read (no token): Node discards the unread body, nothing hangs.
      const refused = await fetch(`http://127.0.0.1:${port}/upload`, {
        method: 'POST',
        headers,
        body: form([['f', [huge, 'scan.tif']]]),
        signal: AbortSignal.timeout(20_000),
      });
      assert.equal(refused.status, 403);
      assert.equal(((await refused.json()) as { code: string }).code, 'CSRF_INVALID');
    } finally {
      await server.close();
    }
  });
});

describe('CSRF on multipart posts', () => {
  let app: UploadApp;
  before(async () => {
    app = await uploadApp();
  });
  after(() => app.close());

  const upload = (url: string, headers: Record<string, string>, payload = form([['a', '1']])) =>
    app.inject({ method: 'POST', url, payload, headers });

  it('accepts the token in the ?_csrf= query of the action URL, or in the x-csrf-token header', async () => {
    const withQuery = await upload(withCsrfQuery('/upload', token), { cookie: `${csrfCookieName}=${token}` });
    const withHeader = await upload('/upload', {
      cookie: `${csrfCookieName}=${token}`,
      'x-csrf-token': token,
    });
    for (const response of [withQuery, withHeader]) {
      assert.equal(response.statusCode, 200);
      // The form was read after the check: its field is there.
      assert.deepEqual((response.json() as Echo).fields, { a: '1' });
    }
  });

  it('accepts the token as the first part, as a page’s form sends it (no token in the address: issue 14)', async () => {
    const cookieHeader = { cookie: `${csrfCookieName}=${token}` };
    const first = await upload(
      '/upload',
      cookieHeader,
      form([
        ['_csrf', token],
        ['a', '1'],
      ]),
    );
    assert.equal(first.statusCode, 200);
    assert.deepEqual((first.json() as Echo).fields, { a: '1' }, 'the parts after the token are read on');
  });

  it('refuses no token, a wrong token, and a token that is not the first part (read only after a field)', async () => {
    const cookieHeader = { cookie: `${csrfCookieName}=${token}` };
    const missing = await upload('/upload', cookieHeader);
    const wrong = await upload(withCsrfQuery('/upload', randomBytes(32).toString('base64url')), cookieHeader);
    const wrongFirst = await upload('/upload', cookieHeader, form([['_csrf', 'A'.repeat(43)]]));
    const notFirst = await upload(
      '/upload',
      cookieHeader,
      form([
        ['a', '1'],
        ['_csrf', token],
      ]),
    );
    for (const response of [missing, wrong, wrongFirst, notFirst]) {
      assert.equal(response.statusCode, 403);
      assert.equal(response.json().code, 'CSRF_INVALID');
    }
  });

  it('does not take the query token for other bodies (ordinary forms keep tokens out of URLs)', async () => {
    const response = await app.inject({
      method: 'POST',
      url: withCsrfQuery('/upload', token),
      payload: 'a=1',
      headers: { cookie: `${csrfCookieName}=${token}`, 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(response.statusCode, 403);
    assert.equal(response.json().code, 'CSRF_INVALID');
  });

  it('withCsrfQuery adds the token to an action with or without a query', () => {
    assert.equal(withCsrfQuery('/staff/cases/new', 'abc'), '/staff/cases/new?_csrf=abc');
    assert.equal(withCsrfQuery('/en/x?step=2', 'a-b_c'), '/en/x?step=2&_csrf=a-b_c');
  });
});

describe('the real app reads multipart only where forms carry files', () => {
  let subject: TestApp;
  before(async () => {
    subject = await buildTestApp();
  });
  after(() => subject.app.close());

  async function anonymousToken() {
    const page = await subject.app.inject({ method: 'GET', url: '/staff/sign-in' });
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    const cookie = page.cookies.find((entry) => entry.name === csrfCookieName)?.value;
    assert.ok(token !== undefined && cookie === token);
    return { token, headers: { cookie: `${csrfCookieName}=${cookie}`, accept: 'application/json' } };
  }

  it('a multipart post to the counter form is read only where it is checked (401 for anonymous, past CSRF with the query token)', async () => {
    const { token, headers } = await anonymousToken();
    const url = '/staff/counter/new?service=sidewalk-arcade-damage';
    const payload = () => form([['applicantName', '王小明']]);
    // Without a token in the query or a header, the token is the body's first part, read after the staff
    // API's authentication: an anonymous caller is refused as such (a signed-in one without the token gets
    // 403: cases/counter/counter.db.test.tsx).
    const without = await subject.app.inject({ method: 'POST', url, payload: payload(), headers });
    assert.equal(without.statusCode, 401);
    assert.equal(without.json().code, 'UNAUTHENTICATED');
    const withToken = await subject.app.inject({
      method: 'POST',
      url: withCsrfQuery(url, token),
      payload: payload(),
      headers,
    });
    // Past CSRF and not refused as an unknown content type: the next check is the staff sign-in.
    assert.equal(withToken.statusCode, 401);
    assert.equal(withToken.json().code, 'UNAUTHENTICATED');
  });

  it('a page without file uploads does not take multipart bodies (415)', async () => {
    const { token, headers } = await anonymousToken();
    const response = await subject.app.inject({
      method: 'POST',
      url: withCsrfQuery('/staff/sign-in', token),
      payload: form([['email', 'nobody@example.tw']]),
      headers,
    });
    assert.equal(response.statusCode, 415);
    assert.equal(response.json().code, 'UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('upload settings', () => {
  it('default to 10 MiB and 10 files, and are validated with the other settings', () => {
    const defaults = loadConfig({});
    assert.equal(defaults.uploadMaxFileBytes, 10 * 1024 * 1024);
    assert.equal(defaults.uploadMaxFiles, 10);
    assert.throws(
      () => loadConfig({ UPLOAD_MAX_FILE_BYTES: 'big', UPLOAD_MAX_FILES: '0' }),
      (error: unknown) =>
        error instanceof ConfigError &&
        error.problems.length === 2 &&
        error.problems[0]?.startsWith('UPLOAD_MAX_FILE_BYTES must be a whole number') === true &&
        error.problems[1]?.startsWith('UPLOAD_MAX_FILES must be a whole number from 1 to 100') === true,
    );
  });
});
