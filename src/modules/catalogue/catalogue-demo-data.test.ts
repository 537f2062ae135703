import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO_SERVICES } from './catalogue-demo-data.ts';

describe('demo catalogue documents', () => {
  it('asks for each document once: no file question repeats a checklist item under another id', () => {
    const repeats = DEMO_SERVICES.flatMap((service) =>
      service.formFields
        .filter((field) => field.type === 'file')
        .filter((field) =>
          service.checklist.some(
            (item) =>
              item.id !== field.id && (item.nameZh === field.labelZh || item.nameEn === field.labelEn),
          ),
        )
        .map((field) => `${service.code}: ${field.id}`),
    );
    assert.deepEqual(repeats, []);
  });

  it('keeps the documents of the digging services as checklist items only', () => {
    const filesOf = (code: string) =>
      DEMO_SERVICES.find((service) => service.code === code)
        ?.formFields.filter((field) => field.type === 'file')
        .map((field) => field.id);
    for (const code of [
      'road-excavation-permit',
      'utility-pipeline-works',
      'construction-inspection-filing',
      'rooftop-solar',
      'vacant-lot-greening',
    ])
      assert.deepEqual(filesOf(code), [], code);
    assert.deepEqual(filesOf('pothole-report'), ['photo'], 'a report’s photo is its checklist item `photo`');
    const pothole = DEMO_SERVICES.find((service) => service.code === 'pothole-report');
    assert.ok(pothole?.checklist.some((item) => item.id === 'photo'));
  });
});
