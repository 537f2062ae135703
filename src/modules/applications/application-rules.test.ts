import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChecklistItem, FormField } from '../catalogue/index.ts';
import { inputOfProblem, stepOfInput, toOpenCaseInput } from './application-input.ts';
import {
  answerPageNumber,
  answerPages,
  checkCode,
  hashSecret,
  isMobileNumber,
  isProofFresh,
  isResumeToken,
  newOneTimeCode,
  newResumeToken,
  resendWaitSeconds,
  resumeStep,
  stepsOf,
  uploadItems,
} from './application-rules.ts';

const text = (id: string, extra: Partial<FormField> = {}): FormField =>
  ({ type: 'text', id, labelZh: id, labelEn: id, isRequired: true, ...extra }) as FormField;
const item = (id: string, extra: Partial<ChecklistItem> = {}): ChecklistItem => ({
  id,
  nameZh: id,
  nameEn: id,
  explanationZh: '',
  explanationEn: '',
  isElectronicallyVerifiable: false,
  isRequired: true,
  ...extra,
});

const service = {
  code: 'demo',
  kind: 'application',
  nameZh: '示範',
  nameEn: 'Demo',
  formFields: [
    text('applicant-name'),
    text('a'),
    { ...text('when'), type: 'date' } as FormField,
    { ...text('where'), type: 'location' } as FormField,
    text('b', { isRequired: false }),
    { ...text('drawings'), type: 'file' } as FormField,
    { ...text('plan'), type: 'file' } as FormField,
    text('contact-phone'),
  ],
  checklist: [
    item('id-card', { isElectronicallyVerifiable: true }),
    item('plan'),
    item('where'),
    item('photo', { isRequired: false }),
  ],
};
const now = new Date('2026-03-02T02:00:00Z');
const minutes = (count: number) => new Date(now.getTime() + count * 60_000);

describe('the pages of an online application', () => {
  it('asks the service’s questions three a page, without files or what the applicant page asks', () => {
    assert.deepEqual(
      answerPages(service).map((page) => page.map((field) => field.id)),
      [['a', 'when', 'where'], ['b']],
    );
    assert.deepEqual(
      answerPages({ formFields: [] }),
      [[]],
      'one page even without questions (the description)',
    );
    assert.deepEqual(stepsOf(service), [
      'applicant',
      'contact',
      'answers-1',
      'answers-2',
      'documents',
      'check',
    ]);
    assert.equal(answerPageNumber('answers-2'), 2);
    assert.equal(answerPageNumber('answers-0'), null);
    assert.equal(answerPageNumber('check'), null);
  });

  it('asks a document for each checklist item not checked electronically nor answered by a question, and each other file question', () => {
    assert.deepEqual(
      uploadItems(service).map((one) => [one.id, one.isRequired, one.isChecklistItem]),
      [
        ['plan', true, true],
        ['photo', false, true],
        ['drawings', true, false],
      ],
    );
    assert.deepEqual(stepsOf({ formFields: [text('a')], checklist: [] }), [
      'applicant',
      'contact',
      'answers-1',
      'check',
    ]);
  });

  it('resumes at the first page not completed; the contact only while its proof holds (30 minutes)', () => {
    const steps = stepsOf(service);
    assert.equal(resumeStep(steps, [], null, now), 'applicant');
    assert.equal(resumeStep(steps, ['applicant'], null, now), 'contact');
    assert.equal(resumeStep(steps, ['applicant', 'contact', 'answers-1'], minutes(-10), now), 'answers-2');
    assert.equal(resumeStep(steps, ['applicant', 'contact', 'answers-1'], minutes(-31), now), 'contact');
    assert.equal(resumeStep(steps, steps, minutes(-29), now), 'check');
    assert.equal(isProofFresh(minutes(-29), now), true);
    assert.equal(isProofFresh(minutes(-30), now), false);
    assert.equal(isProofFresh(null, now), false);
  });
});

describe('the one-time code', () => {
  const code = newOneTimeCode();
  const state = { codeHash: hashSecret(code), codeExpiresAt: minutes(10), codeAttempts: 0 };

  it('is six digits, typed with full-width digits or spaces too', () => {
    assert.match(code, /^\d{6}$/);
    assert.equal(checkCode(state, code, now), 'right');
    const fullWidth = code.replace(/\d/g, (digit) => String.fromCharCode(0xff10 + Number(digit)));
    assert.equal(checkCode(state, ` ${fullWidth.slice(0, 3)} ${fullWidth.slice(3)} `, now), 'right');
  });

  it('counts wrong tries, is spent at the fifth, and works for 10 minutes', () => {
    const wrong = code === '000000' ? '111111' : '000000';
    assert.equal(checkCode({ ...state, codeAttempts: 3 }, wrong, now), 'wrong');
    assert.equal(checkCode({ ...state, codeAttempts: 4 }, wrong, now), 'spent');
    assert.equal(checkCode({ ...state, codeAttempts: 5 }, code, now), 'none');
    assert.equal(checkCode(state, code, minutes(10)), 'expired');
    assert.equal(checkCode({ codeHash: null, codeExpiresAt: null, codeAttempts: 0 }, code, now), 'none');
  });

  it('may be sent again after a minute', () => {
    assert.equal(resendWaitSeconds(null, now), 0);
    assert.equal(resendWaitSeconds(now, new Date(now.getTime() + 15_500)), 45);
    assert.equal(resendWaitSeconds(now, minutes(1)), 0);
  });

  it('goes to a Taiwanese mobile number; the resume link’s secret is 43 URL-safe characters', () => {
    assert.equal(isMobileNumber('0912-345-678'), true);
    assert.equal(isMobileNumber('０９１２３４５６７８'), true);
    assert.equal(isMobileNumber('07-3368333'), false);
    const token = newResumeToken();
    assert.equal(isResumeToken(token), true);
    assert.notEqual(newResumeToken(), token);
    assert.equal(isResumeToken(`${token}/`), false);
    assert.equal(hashSecret(token).length, 64);
  });
});

describe('a draft as the case is opened with it', () => {
  const draft = {
    lang: 'en',
    contactKind: 'email',
    contact: 'mary@example.tw',
    answers: {
      applicantType: 'company',
      applicantName: 'Mary Lin',
      applicantCompany: 'Lin Ltd',
      applicantPhone: '',
      consent: 'yes',
      'field.a': ' yes ',
      'field.when': '115/12/1',
      address: 'No. 2, Siwei 3rd Rd',
      'field.b': '',
    },
  };

  it('sends the answers (dates as ISO), the files’ names, the proven contact and the checklist received', () => {
    const input = toOpenCaseInput(draft, service, [
      { itemId: 'plan', fileName: 'plan.pdf' },
      { itemId: 'drawings', fileName: 'site.png' },
    ]);
    assert.equal(input.channel, 'web');
    assert.equal(input.applicantLang, 'en');
    assert.equal(input.applicantEmail, 'mary@example.tw');
    assert.equal(input.applicantPhone, '');
    assert.equal(input.applicantCompany, 'Lin Ltd');
    assert.equal(input.consent, true);
    assert.deepEqual(input.formData, {
      a: 'yes',
      when: '2026-12-01',
      drawings: 'site.png',
      plan: 'plan.pdf',
    });
    assert.deepEqual([...(input.checklistReceived ?? [])].toSorted(), ['plan', 'where']);
    assert.equal(input.description, 'Online application: Demo');
    const byText = toOpenCaseInput({ ...draft, contactKind: 'mobile', contact: '0912345678' }, service, []);
    assert.equal(byText.applicantPhone, '0912345678');
    assert.equal(byText.applicantEmail, '');
    assert.equal(toOpenCaseInput(draft, { ...service, kind: 'petition' }, []).description, '');
  });

  it('sends a problem back to the page that asked it', () => {
    assert.equal(inputOfProblem('formData.contact-phone'), 'applicantPhone');
    assert.equal(inputOfProblem('formData.b'), 'field.b');
    assert.equal(stepOfInput('applicantPhone', service), 'applicant');
    assert.equal(stepOfInput('applicantEmail', service), 'contact');
    assert.equal(stepOfInput('address', service), 'answers-1');
    assert.equal(stepOfInput('field.b', service), 'answers-2');
    assert.equal(stepOfInput('description', service), 'answers-2');
    assert.equal(stepOfInput('file.plan', service), 'documents');
  });
});
