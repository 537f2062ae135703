import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  carriedPhotosMaxAgeMs,
  readSentCookie,
  signCarriedPhotos,
  verifyCarriedPhotos,
} from './report-carry.ts';
import {
  answerProblems,
  coordinatesOf,
  emptyReportForm,
  problemsOnReportForm,
  type ReportCategory,
  reportCategoriesOf,
} from './report-form.ts';

const pothole: ReportCategory = {
  code: 'pothole-report',
  nameZh: '路面坑洞',
  nameEn: 'Pothole',
  summaryZh: '',
  summaryEn: '',
  deadline: { kind: 'hours', hours: 4 },
  unitNameZh: '道路養護工程處',
  unitNameEn: 'Road Maintenance Engineering Office',
  questions: [
    {
      type: 'choice',
      id: 'size',
      labelZh: '坑洞大小',
      labelEn: 'Size of the pothole',
      isRequired: true,
      options: [
        { value: 'small', labelZh: '小', labelEn: 'Small' },
        { value: 'large', labelZh: '大', labelEn: 'Large' },
      ],
    },
    { type: 'number', id: 'depth', labelZh: '深度', labelEn: 'Depth', isRequired: false },
  ],
};

describe('coordinatesOf', () => {
  it('reads coordinates as people type or paste them', () => {
    assert.deepEqual(coordinatesOf({ latitude: '22.6203', longitude: '120.312' }, 'zh-TW'), {
      latitude: 22.6203,
      longitude: 120.312,
      problems: [],
    });
    // Full-width digits, a comma for the point, a pair pasted from a map app into the latitude.
    assert.deepEqual(coordinatesOf({ latitude: '２２．６２', longitude: '120,31' }, 'zh-TW'), {
      latitude: 22.62,
      longitude: 120.31,
      problems: [],
    });
    assert.deepEqual(coordinatesOf({ latitude: '22.6273, 120.3014', longitude: '' }, 'en'), {
      latitude: 22.6273,
      longitude: 120.3014,
      problems: [],
    });
    assert.deepEqual(coordinatesOf({ latitude: '', longitude: '' }, 'en'), { problems: [] });
  });

  it('names each coordinate that is not a number', () => {
    const { problems } = coordinatesOf({ latitude: '北緯22度', longitude: 'east' }, 'en');
    assert.deepEqual(
      problems.map((problem) => [problem.field, problem.code]),
      [
        ['latitude', 'invalid'],
        ['longitude', 'invalid'],
      ],
    );
  });
});

describe('the category’s own questions', () => {
  it('asks for a required answer, one of the choices and a number', () => {
    const values = { ...emptyReportForm('pothole-report'), answers: { 'pothole-report': { depth: 'deep' } } };
    assert.deepEqual(
      answerProblems(values, pothole, 'zh-TW').map((problem) => [problem.field, problem.message]),
      [
        ['formData.size', '請回答「坑洞大小」。'],
        ['formData.depth', '「深度」請填寫數字。'],
      ],
    );
    const wrongChoice = {
      ...emptyReportForm('pothole-report'),
      answers: { 'pothole-report': { size: 'huge' } },
    };
    assert.deepEqual(
      answerProblems(wrongChoice, pothole, 'en').map((problem) => problem.message),
      ['Choose one of the answers to “Size of the pothole”.'],
    );
  });

  it('keeps the catch-all category last, and leaves the place, photo and phone to the form', () => {
    const service = (code: string, kind: 'field_report' | 'petition' = 'field_report') =>
      ({
        ...pothole,
        code,
        kind,
        unit: { nameZh: '單位', nameEn: 'Unit' },
        formFields: [
          { type: 'location', id: 'location', labelZh: '地點', labelEn: 'Where', isRequired: true },
          { type: 'file', id: 'photo', labelZh: '照片', labelEn: 'Photo', isRequired: false },
          { type: 'text', id: 'contact-phone', labelZh: '電話', labelEn: 'Phone', isRequired: false },
          { type: 'text', id: 'pole-number', labelZh: '燈桿編號', labelEn: 'Pole', isRequired: false },
        ],
      }) as unknown as Parameters<typeof reportCategoriesOf>[0][number];
    const categories = reportCategoriesOf([
      service('public-works-other'),
      service('road-maintenance-petition', 'petition'),
      service('street-light-repair'),
    ]);
    assert.deepEqual(
      categories.map((category) => category.code),
      ['street-light-repair', 'public-works-other'],
    );
    assert.deepEqual(
      categories[0]?.questions.map((question) => question.id),
      ['pole-number'],
    );
  });
});

describe('problemsOnReportForm', () => {
  it('puts each problem at its input, once, in the order of the page', () => {
    const problems = problemsOnReportForm(
      [
        { field: 'applicantEmail', code: 'invalid', message: 'email' },
        { field: 'formData.size', code: 'required', message: 'size' },
        { field: 'formData.contact-phone', code: 'invalid', message: 'phone' },
        { field: 'description', code: 'too_long', message: 'first' },
        { field: 'description', code: 'too_long', message: 'second' },
        { field: 'photos', code: 'photo_not_image', message: 'a.pdf' },
        { field: 'photos', code: 'photo_not_image', message: 'b.pdf' },
        { field: 'serviceCode', code: 'required', message: 'category' },
      ],
      pothole,
      'en',
    );
    assert.deepEqual(
      problems.list.map((problem) => [problem.target, problem.message]),
      [
        ['serviceCode', 'category'],
        ['photos', 'a.pdf'],
        ['photos', 'b.pdf'],
        ['answer-pothole-report-size', 'size'],
        ['description', 'first'],
        ['applicantEmail', 'email'],
        ['applicantPhone', 'phone'],
      ],
    );
  });
});

describe('the photos carried through the duplicate step', () => {
  const secret = 'a secret of at least thirty-two characters';
  const photo = { sha256: 'b'.repeat(64), sizeBytes: 1234, mediaType: 'image/jpeg', fileName: '現場.jpg' };
  const now = new Date('2026-03-02T02:00:00Z');

  it('come back as they were signed, within two hours', () => {
    const token = signCarriedPhotos(secret, [photo], now);
    assert.deepEqual(verifyCarriedPhotos(secret, token, new Date(now.getTime() + carriedPhotosMaxAgeMs)), [
      photo,
    ]);
    assert.deepEqual(verifyCarriedPhotos(secret, '', now), []);
  });

  it('are refused when changed, signed by another secret, expired or malformed', () => {
    const token = signCarriedPhotos(secret, [photo], now);
    const [payload, signature] = token.split('.');
    const other = Buffer.from(
      JSON.stringify({ t: now.getTime(), p: [['c'.repeat(64), 1, 'image/jpeg', 'x.jpg']] }),
    ).toString('base64url');
    assert.equal(verifyCarriedPhotos(secret, `${other}.${signature}`, now), null);
    assert.equal(verifyCarriedPhotos('another secret, thirty-two characters or more', token, now), null);
    assert.equal(
      verifyCarriedPhotos(secret, token, new Date(now.getTime() + carriedPhotosMaxAgeMs + 1)),
      null,
    );
    assert.equal(verifyCarriedPhotos(secret, `${payload}`, now), null);
    assert.equal(verifyCarriedPhotos(secret, 'not.a.token', now), null);
  });

  it('the confirmation cookie holds a case number and a lookup code, nothing else', () => {
    assert.deepEqual(readSentCookie('1150302-0001.ABCD2345'), {
      caseNumber: '1150302-0001',
      lookupCode: 'ABCD2345',
    });
    assert.equal(readSentCookie('../etc.ABCD2345'), null);
    assert.equal(readSentCookie(undefined), null);
  });
});
