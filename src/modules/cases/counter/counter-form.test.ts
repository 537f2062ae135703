import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { UploadedFile } from '../../../platform/uploads/multipart.ts';
import { samplePng } from '../../../platform/uploads/upload-test-support.ts';
import { DEMO_SERVICES } from '../../catalogue/catalogue-demo-data.ts';
import {
  attachmentsOf,
  counterFormProblems,
  emptyCounterForm,
  inputIdFor,
  problemsInFormOrder,
  readCounterForm,
  toOpenCaseInput,
} from './counter-form.ts';
import { caseNumberGroups, checklistOnReceipt, lookupCodeGroups } from './counter-receipt.ts';

function demoService(code: string) {
  const service = DEMO_SERVICES.find((candidate) => candidate.code === code);
  if (service === undefined) throw new Error(`no demo service ${code}`);
  return service;
}

const png = (fieldName: string, fileName: string): UploadedFile => ({
  fieldName,
  fileName,
  mediaType: 'image/png',
  extension: 'png',
  sizeBytes: samplePng().length,
  content: samplePng(),
});

describe('the counter form', () => {
  it('reads only the inputs the form has, and turns them into an OpenCaseInput', () => {
    const service = demoService('building-construction-start');
    const values = readCounterForm(
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
    );
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
