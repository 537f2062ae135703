import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { UploadedFile } from '../../../platform/uploads/multipart.ts';
import { uploadedPng } from '../../../platform/uploads/upload-test-support.ts';
import type { ChecklistItem, FormField } from '../../catalogue/index.ts';
import {
  attachmentsOf,
  counterFormProblems,
  emptyCounterForm,
  inputIdFor,
  problemsInFormOrder,
  problemsOnCounterForm,
  readCounterForm,
  toOpenCaseInput,
} from './counter-form.ts';
import { caseNumberGroups, checklistOnReceipt, lookupCodeGroups } from './receipt-layout.ts';

/** Two services as the demo catalogue has them (fields and checklist only: a unit test loads no database). */
const item = (id: string, flags: Partial<ChecklistItem> = {}): ChecklistItem => ({
  id,
  nameZh: id,
  nameEn: id,
  explanationZh: '',
  explanationEn: '',
  isElectronicallyVerifiable: false,
  isRequired: true,
  ...flags,
});
const text = (id: string, labelZh: string, isRequired = true): FormField => ({
  type: 'text',
  id,
  labelZh,
  labelEn: id,
  isRequired,
});
const services = {
  'building-construction-start': {
    code: 'building-construction-start',
    checklist: [
      item('building-permit', { isElectronicallyVerifiable: true }),
      item('construction-plan'),
      item('contractor-registration'),
      item('neighbour-survey', { isRequired: false }),
    ],
    formFields: [
      text('permit-number', '建造執照字號'),
      text('applicant-name', '申請人姓名或公司名稱'),
      {
        type: 'date',
        id: 'start-date',
        labelZh: '預定開工日期',
        labelEn: 'Planned start date',
        isRequired: true,
      },
      text('builder-name', '承造人（營造廠）名稱'),
      text('contact-phone', '聯絡電話'),
    ],
  },
  'street-light-repair': {
    code: 'street-light-repair',
    checklist: [item('location'), item('photo', { isRequired: false })],
    formFields: [
      { type: 'location', id: 'location', labelZh: '地點', labelEn: 'Where it is', isRequired: true },
      text('pole-number', '燈桿編號', false),
      {
        type: 'choice',
        id: 'problem',
        labelZh: '狀況',
        labelEn: 'What is wrong',
        isRequired: true,
        options: [{ value: 'out', labelZh: '不亮', labelEn: 'Out' }],
      },
      { type: 'file', id: 'photo', labelZh: '現場照片', labelEn: 'Photo', isRequired: false },
      text('contact-phone', '聯絡電話', false),
    ],
  },
} satisfies Record<string, { code: string; checklist: ChecklistItem[]; formFields: FormField[] }>;

function demoService(code: keyof typeof services) {
  return services[code];
}

const png = (fieldName: string, fileName: string): UploadedFile => uploadedPng(fileName, fieldName);

describe('the counter form', () => {
  it('reads only the inputs the form has, and turns them into an OpenCaseInput', () => {
    const service = demoService('building-construction-start');
    const { values, problems } = readCounterForm(
      {
        channel: 'phone',
        applicantType: 'person',
        applicantName: ' 王小明 ',
        applicantCompany: 'left over from a company',
        applicantLang: 'en',
        description: 'start',
        'field.permit-number': '113高市工建築字第01234號',
        'field.start-date': '115/12/01',
        'field.not-a-field': 'ignored',
        checklist: ['construction-plan', 'construction-plan', ''],
        consent: 'yes',
      },
      service,
      'zh-TW',
    );
    assert.deepEqual(problems, []);
    assert.equal(values.applicantName, '王小明');
    assert.deepEqual(values.checklist, ['construction-plan']);
    assert.equal(values.consent, true);
    assert.equal('not-a-field' in values.answers, false);

    const input = toOpenCaseInput(values, service, []);
    assert.equal(input.channel, 'phone');
    assert.equal(input.applicantCompany, undefined, 'a person has no company');
    assert.equal(input.formData?.['start-date'], '2026-12-01');
    // Required answers left empty are sent (validation names them); optional empty ones are not.
    assert.equal(input.formData?.['builder-name'], '');
    assert.deepEqual(input.checklistReceived, ['construction-plan']);
  });

  it('counts a field report’s location and photo as received when the form carries them', () => {
    const service = demoService('street-light-repair');
    const values = { ...emptyCounterForm('zh-TW'), address: '美術館路口', answers: { problem: 'out' } };
    const files = [png('file.photo', 'light.png'), png('documents', 'other.png')];
    const input = toOpenCaseInput(values, service, files);
    assert.deepEqual(input.checklistReceived?.toSorted(), ['location', 'photo']);
    assert.equal(input.formData?.photo, 'light.png');
    assert.deepEqual(
      attachmentsOf(files, service).map((file) => [file.fileName, file.checklistItemId]),
      [
        ['light.png', 'photo'],
        ['other.png', null],
      ],
    );
  });

  it('refuses channels a clerk does not enter and dates that do not exist', () => {
    const service = demoService('building-construction-start');
    const values = { ...emptyCounterForm('en'), channel: 'web', answers: { 'start-date': '2026-02-30' } };
    assert.deepEqual(
      counterFormProblems(values, service, 'en').map((problem) => [problem.field, problem.code]),
      [
        ['channel', 'unknown'],
        ['formData.start-date', 'not_date'],
      ],
    );
    assert.deepEqual(counterFormProblems({ ...values, channel: 'email', answers: {} }, service, 'en'), []);
  });

  it('lists each problem once, in the order of the form, linked to an input id', () => {
    const service = demoService('street-light-repair');
    const problems = problemsInFormOrder(
      [
        { field: 'consent', code: 'required', message: 'consent' },
        { field: 'documents', code: 'file_type_not_accepted', message: 'exe' },
        { field: 'formData.problem', code: 'required', message: 'problem' },
        { field: 'address', code: 'required', message: 'where' },
        { field: 'applicantName', code: 'required', message: 'name' },
        { field: 'formData.problem', code: 'required', message: 'problem' },
        { field: 'file.photo', code: 'file_empty', message: 'empty' },
      ],
      service,
    );
    assert.deepEqual(
      problems.map((problem) => inputIdFor(problem.field)),
      ['applicantName', 'address', 'field-problem', 'file-photo', 'documents', 'consent'],
    );
    assert.equal(inputIdFor(''), 'documents');

    const building = demoService('building-construction-start');
    const mirrored = problemsInFormOrder(
      [
        { field: 'formData.contact-phone', code: 'required', message: 'phone for the service' },
        { field: 'applicantName', code: 'required', message: 'name' },
        { field: 'formData.applicant-name', code: 'required', message: 'name for the service' },
      ],
      building,
    );
    assert.deepEqual(
      mirrored.map((problem) => [problem.field, problem.message]),
      [
        ['applicantName', 'name'],
        ['applicantPhone', 'phone for the service'],
      ],
      'problems of fields filled from the applicant go to the applicant inputs, once',
    );
    assert.equal(inputIdFor('checklistReceived'), 'checklist');
  });
});

describe('the counter form, read with the forms kit', () => {
  it('bounds every text and says so at the input, in the user’s language; NUL is refused', () => {
    const service = demoService('building-construction-start');
    const { values, problems } = readCounterForm(
      { applicantName: '王'.repeat(101), 'field.permit-number': 'x'.repeat(201), description: 'a\u0000b' },
      service,
      'zh-TW',
    );
    assert.equal(values.applicantName.length, 101, 'what was typed is kept, to show again');
    assert.deepEqual(
      problems.map((problem) => [problem.field, problem.code]),
      [
        ['applicantName', 'tooLong'],
        ['description', 'notAllowed'],
        ['field.permit-number', 'tooLong'],
      ],
    );
    // A one-line answer is short text (field-limits.ts), whatever the service.
    assert.match(problems[2]?.message ?? '', /^建造執照字號最多 200 個字（現為 201 個字）/);
    const shown = problemsOnCounterForm(problems, service, 'zh-TW');
    assert.deepEqual(
      shown.list.map((problem) => problem.target),
      ['applicantName', 'description', 'field-permit-number'],
      'in the order of the page, each linked to its input',
    );
    assert.equal(shown.messagesFor('field-permit-number').length, 1);
  });
});

describe('the receipt', () => {
  it('groups the case number and the lookup code for reading aloud', () => {
    assert.deepEqual(caseNumberGroups('1151126-0042'), ['115', '1126', '0042']);
    assert.deepEqual(caseNumberGroups('991231-0001'), ['99', '1231', '0001']);
    assert.deepEqual(lookupCodeGroups('ABCD2345'), ['ABCD', '2345']);
  });

  it('asks for every missing required document once, and never for optional ones', () => {
    const service = demoService('building-construction-start');
    const { received, missing } = checklistOnReceipt({
      checklist: service.checklist,
      checklistReceived: ['building-permit', 'construction-plan'],
    });
    assert.deepEqual(
      received.map((item) => item.id),
      ['building-permit', 'construction-plan'],
    );
    assert.deepEqual(
      missing.map((item) => item.id),
      ['contractor-registration'],
    );
  });
});
