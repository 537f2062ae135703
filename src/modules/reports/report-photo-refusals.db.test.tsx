import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { inArray } from 'drizzle-orm';
import sharp from 'sharp';
import { multipartActionOf } from '../../../test/helpers/form-action.ts';
import { summaryOf } from '../../../test/helpers/html.ts';
import { buildTestApp } from '../../../test/helpers/test-app.ts';
import { csrfTokenIn, TestBrowser } from '../../platform/auth/auth-test-support.ts';
import { storedFiles } from '../../platform/files/files-schema.ts';
import {
  animatedPng,
  fakeHeic,
  noisyJpeg,
  pngBomb,
  undecodableJpeg,
} from '../../platform/images/photo-test-support.ts';
import { filesOnDisk } from '../../platform/uploads/upload-app-test-support.ts';
import { sampleExe } from '../../platform/uploads/upload-test-support.ts';
import { anApiKey } from '../open311/open311-test-support.ts';

/**
 * Issue 10 §2: a photo refused — a decompression bomb, an animated image, a JPEG that cannot be decoded — is answered
 * with a clear message and nothing of it is stored. The web form and the Open311 POST hold the photos they
 * receive until they are decoded (readMultipartForm's `holdFiles`), so a refused one never reaches the file
 * store, nor does the good photo of a form sent back with its problems: the store's folder (temporary
 * files included) and `stored_files` are the same after as before.
 */

const subject = await buildTestApp({ environment: { PUBLIC_BASE_URL: 'https://onewindow.example.tw' } });
const { db } = subject.database;
after(() => subject.app.close());

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface Photo {
  name: string;
  type: string;
  content: Buffer;
}

const stillPng = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } })
  .png()
  .toBuffer();
const photos = {
  bomb: { name: 'bomb.png', type: 'image/png', content: pngBomb(20_000, 20_000) },
  animated: { name: 'moving.png', type: 'image/png', content: animatedPng(stillPng) },
  // Whole, with a broken Huffman table: the upload's checks pass it, only decoding tells.
  damaged: { name: 'IMG_0007.jpg', type: 'image/jpeg', content: await undecodableJpeg() },
} satisfies Record<string, Photo>;

/** What the store holds (every file, temporary ones too) and the rows of these bytes in `stored_files`. */
async function storeState(contents: readonly Buffer[]) {
  const rows = await db
    .select({ sha256: storedFiles.sha256 })
    .from(storedFiles)
    .where(
      inArray(
        storedFiles.sha256,
        contents.map((content) => sha256(content)),
      ),
    );
  return { onDisk: await filesOnDisk(subject.files.dir), rows: rows.map((row) => row.sha256) };
}

let clients = 0;
/** The /report form opened and sent by a new browser from its own address, its CSRF token first. */
async function sendReport(fields: Record<string, string>, files: readonly Photo[]) {
  clients += 1;
  const remoteAddress = `198.51.100.${clients}`;
  const browser = new TestBrowser(subject.app);
  const page = browser.keep(
    (await subject.app.inject({ method: 'GET', url: '/report', remoteAddress })) as never,
  ) as { body: string };
  const form = new FormData();
  form.append('_csrf', csrfTokenIn(page.body));
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files)
    form.append('photos', new Blob([new Uint8Array(file.content)], { type: file.type }), file.name);
  return subject.app.inject({
    method: 'POST',
    url: multipartActionOf(page.body),
    remoteAddress,
    headers: { cookie: browser.cookieHeader() },
    payload: form,
  });
}

const aPothole = {
  serviceCode: 'pothole-report',
  'answer.pothole-report.size': 'medium',
  latitude: '22.6303',
  longitude: '120.3120',
  description: '機車道有坑洞。',
};

describe('a refused photo leaves nothing in the store (issue 10 §2)', () => {
  it('/report: a bomb, an animated PNG and a damaged JPEG are each named with the reason, and nothing of them is stored', async () => {
    const contents = Object.values(photos).map((photo) => photo.content);
    const before = await storeState(contents);
    const response = await sendReport(aPothole, Object.values(photos));
    assert.equal(response.statusCode, 400, response.body.slice(0, 300));
    assert.deepEqual(
      summaryOf(response.body).map(([, message]) => message),
      [
        '照片「bomb.png」：這張照片的像素太多：上限為 4,000 萬像素（例如 7,700 × 5,200）。請縮小後再傳送。',
        '照片「moving.png」：這是動畫圖片，請傳送一般的靜態照片（JPEG、PNG 或 WebP）。',
        '照片「IMG_0007.jpg」：這張照片已損壞，無法讀取，請改傳其他照片。',
        '您選擇的照片沒有保留，請重新選擇照片。',
      ],
    );
    assert.deepEqual(await storeState(contents), before);
    assert.deepEqual(before.rows, []);
  });

  it('/report sent back for a missing description: its good photo is not stored either', async () => {
    const good = { name: 'IMG_0008.jpg', type: 'image/jpeg', content: await noisyJpeg(640, 480) };
    const before = await storeState([good.content]);
    const response = await sendReport({ ...aPothole, description: '' }, [good]);
    assert.equal(response.statusCode, 400);
    assert.equal(summaryOf(response.body).length, 2, 'the description, and the photo to choose again');
    assert.deepEqual(await storeState([good.content]), before);
    assert.equal(await subject.files.has(sha256(good.content)), false);

    // Sent again with the description: the report goes in, and its photo is in the store.
    const sent = await sendReport(aPothole, [good]);
    assert.equal(sent.statusCode, 303, sent.body.slice(0, 300));
    assert.equal(await subject.files.has(sha256(good.content)), true);
    assert.deepEqual((await storeState([good.content])).rows, [sha256(good.content)]);
  });

  it('/report: an iPhone HEIC is explained, a 40 MB photo is over the limit, a program is no photo, and nothing of them is stored', async () => {
    const heic = { name: 'IMG_4410.HEIC', type: 'image/heic', content: fakeHeic() };
    const huge = {
      name: 'IMG_9999.jpg',
      type: 'image/jpeg',
      content: Buffer.concat([await noisyJpeg(640, 480), Buffer.alloc(40 * 1024 * 1024, 0x20)]),
    };
    const program = { name: 'photo.jpg.exe', type: 'application/octet-stream', content: sampleExe() };
    const contents = [heic.content, huge.content, program.content];
    const before = await storeState(contents);
    const response = await sendReport(aPothole, [heic, huge, program]);
    assert.equal(response.statusCode, 400, response.body.slice(0, 300));
    const problems = summaryOf(response.body).map(([, message]) => message);
    assert.equal(problems.length, 4, problems.join(' | '));
    assert.equal(problems[0], '「IMG_9999.jpg」超過檔案大小上限 10 MB。');
    assert.match(problems[1] ?? '', /^照片「photo\.jpg\.exe」/);
    assert.match(problems[2] ?? '', /^照片「IMG_4410\.HEIC」.*HEIC/);
    assert.equal(problems[3], '您選擇的照片沒有保留，請重新選擇照片。');
    assert.deepEqual(await storeState(contents), before);
  });

  it('/report with the honeypot filled: answered like a success, and its photo is not stored', async () => {
    const photo = { name: 'IMG_0010.jpg', type: 'image/jpeg', content: await noisyJpeg(640, 480) };
    const before = await storeState([photo.content]);
    const response = await sendReport({ ...aPothole, homepage: 'http://cheap-pills.example' }, [photo]);
    assert.equal(response.statusCode, 200);
    assert.deepEqual(await storeState([photo.content]), before);
    assert.equal(await subject.files.has(sha256(photo.content)), false);
  });

  it('Open311 POST: a wrong key, an animated photo or four photos store nothing; a good photo with a good key is stored', async () => {
    const key = await anApiKey(subject, 'refusals-client', '1000');
    const post = (apiKey: string, ...media: Photo[]) => {
      const form = new FormData();
      for (const [name, value] of Object.entries({
        api_key: apiKey,
        service_code: 'pothole-report',
        lat: '22.6403',
        long: '120.3120',
        description: '機車道有坑洞',
        'attribute[size]': 'large',
      }))
        form.append(name, value);
      for (const photo of media)
        form.append('media', new Blob([new Uint8Array(photo.content)], { type: photo.type }), photo.name);
      return subject.app.inject({ method: 'POST', url: '/open311/v2/requests.json', payload: form });
    };
    const good = { name: 'IMG_0009.jpg', type: 'image/jpeg', content: await noisyJpeg(640, 480) };
    const before = await storeState([good.content, photos.animated.content]);

    const wrongKey = await post('not-a-key', good);
    assert.equal(wrongKey.statusCode, 403, wrongKey.body);
    const animated = await post(key, photos.animated);
    assert.equal(animated.statusCode, 400, animated.body);
    assert.deepEqual(
      animated.json().map((error: { description: string }) => error.description),
      ['media: an animated image is not a photo.'],
    );
    assert.deepEqual(await storeState([good.content, photos.animated.content]), before);

    // Four photos: one too many, and none of them stored.
    const four = await Promise.all(
      [1, 2, 3, 4].map(async (n) => ({
        name: `IMG_010${n}.jpg`,
        type: 'image/jpeg',
        content: await noisyJpeg(300 + n, 200),
      })),
    );
    const beforeFour = await storeState(four.map((photo) => photo.content));
    const tooMany = await post(key, ...four);
    assert.equal(tooMany.statusCode, 400, tooMany.body);
    assert.deepEqual(
      tooMany.json().map((error: { description: string }) => error.description),
      ['At most 3 media files.'],
    );
    assert.deepEqual(await storeState(four.map((photo) => photo.content)), beforeFour);

    const filed = await post(key, good);
    assert.equal(filed.statusCode, 200, filed.body);
    assert.equal(await subject.files.has(sha256(good.content)), true);
  });
});
