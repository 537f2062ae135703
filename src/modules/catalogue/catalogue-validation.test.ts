import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO_SERVICES } from './catalogue-demo-data.ts';
import type { ServiceDefinition } from './catalogue-schemas.ts';
import { type KnownCodes, validateServiceDefinition } from './catalogue-validation.ts';

const known: KnownCodes = {
  units: new Map([
    ['parks', true],
    ['building', true],
    ['planning', true],
    ['road-maintenance', true],
    ['secretariat', true],
    ['illegal-building', true],
    ['maintenance', false],
  ]),
  serviceClassifications: new Set(['A00', 'C00', 'E00', '900']),
  themeClassifications: new Set(),
  administrativeClassifications: new Set(),
};

const streetLight = DEMO_SERVICES.find(
  (service) => service.code === 'street-light-repair',
) as ServiceDefinition;

describe('validateServiceDefinition', () => {
  it('accepts every demo service', () => {
    for (const definition of DEMO_SERVICES) {
      const result = validateServiceDefinition(definition, known);
      assert.ok(result.ok, `${definition.code}: ${JSON.stringify(result.ok ? [] : result.problems)}`);
    }
  });

  it('lists every problem of a definition at once', () => {
    const broken: ServiceDefinition = {
      ...streetLight,
      code: 'Street Light!',
      nameZh: '  ',
      unitCode: 'nowhere',
      serviceClassificationCode: 'Z99',
      themeClassificationCode: 'T1',
      deadline: { kind: 'working_days', days: 0 },
      fees: [{ labelZh: '費用', labelEn: 'Fee', amountTwd: -5 }],
      checklist: [streetLight.checklist[0], streetLight.checklist[0]].filter((item) => item !== undefined),
      sopSteps: [],
      sample: { ...streetLight.sample, 'no-such-field': 'x', problem: 'exploded' },
    };
    const result = validateServiceDefinition(broken, known);
    assert.equal(result.ok, false);
    if (result.ok) return;
    const found = result.problems.map((problem) => `${problem.field}:${problem.code}`).toSorted();
    assert.deepEqual(found, [
      'checklist.1.id:duplicate_id',
      'code:invalid_code',
      'deadline.days:not_positive',
      'fees.0.amountTwd:negative_amount',
      'nameZh:required',
      'sample.no-such-field:unknown_field',
      'sample.problem:unknown_option',
      'serviceClassificationCode:unknown_classification',
      'sopSteps:required',
      'themeClassificationCode:unknown_classification',
      'unitCode:unknown_unit',
    ]);
    for (const problem of result.problems)
      assert.match(problem.message, /\p{Script=Han}/u, 'zh-TW by default');
  });

  it('speaks English when asked, and refuses a unit that no longer exists', () => {
    const result = validateServiceDefinition({ ...streetLight, unitCode: 'maintenance' }, known, {
      lang: 'en',
    });
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual(result.problems, [
      {
        field: 'unitCode',
        code: 'inactive_unit',
        message: 'The unit “maintenance” no longer exists; choose the unit that took over its duties.',
      },
    ]);
  });

  it('checks the form first: wrong types and missing properties, each listed', () => {
    const { nameEn: _dropped, ...withoutName } = streetLight;
    const result = validateServiceDefinition(
      {
        ...withoutName,
        isOnline: 'yes',
        deadline: { kind: 'weeks', weeks: 2 },
        formFields: [{ type: 'colour' }],
      },
      known,
    );
    assert.equal(result.ok, false);
    if (result.ok) return;
    const fields = new Set(result.problems.map((problem) => problem.field));
    for (const field of ['nameEn', 'isOnline', 'deadline', 'formFields.0'])
      assert.ok(
        [...fields].some((found) => found === field || found.startsWith(`${field}.`)),
        `${field} in ${[...fields].join(', ')}`,
      );
  });

  it('checks sample values against the field type: numbers and dates', () => {
    const solar = DEMO_SERVICES.find((service) => service.code === 'rooftop-solar') as ServiceDefinition;
    const adoption = DEMO_SERVICES.find((service) => service.code === 'park-adoption') as ServiceDefinition;
    const numberResult = validateServiceDefinition({ ...solar, sample: { 'capacity-kw': 'lots' } }, known);
    const dateResult = validateServiceDefinition(
      { ...adoption, sample: { 'start-date': '2027-02-30' } },
      known,
    );
    assert.deepEqual(numberResult.ok ? [] : numberResult.problems.map((problem) => problem.code), [
      'not_a_number',
    ]);
    assert.deepEqual(dateResult.ok ? [] : dateResult.problems.map((problem) => problem.code), [
      'invalid_date',
    ]);
  });
});
