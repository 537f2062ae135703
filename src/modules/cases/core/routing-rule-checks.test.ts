import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  fallbackUnitCode,
  type RoutingRuleFacts,
  routingRuleProblems,
  unitForCase,
} from './routing-rule-checks.ts';

const parks = { code: 'parks', nameZh: '公園管理處', nameEn: 'Parks Office', isActive: true };
const road = {
  code: 'road-maintenance',
  nameZh: '養護工程處',
  nameEn: 'Road Maintenance Office',
  isActive: true,
};
const gushan = { code: '64000020', nameZh: '鼓山區', nameEn: 'Gushan District' };
const trees = {
  code: 'street-tree-pruning',
  nameZh: '行道樹修剪',
  nameEn: 'Street tree pruning',
  unitCode: 'parks',
};

function facts(overrides: Partial<RoutingRuleFacts> = {}): RoutingRuleFacts {
  return {
    draft: { serviceCode: trees.code, districtCode: gushan.code, unitCode: road.code, note: '' },
    service: trees,
    district: gushan,
    unit: road,
    existing: null,
    fallback: { unit: parks, isAllDistrictsRule: false },
    ...overrides,
  };
}

describe('routing rule checks', () => {
  it('a good rule has no problem', () => {
    assert.deepEqual(routingRuleProblems(facts(), 'zh-TW'), { problems: [], isConflict: false });
  });

  it('lists every mistake at once, in the user’s language, as a 400 (not a conflict)', () => {
    const { problems, isConflict } = routingRuleProblems(
      facts({
        draft: { serviceCode: 'nope', districtCode: '99999999', unitCode: 'nowhere', note: 'x'.repeat(4001) },
        service: null,
        district: null,
        unit: null,
        fallback: null,
      }),
      'en',
    );
    assert.equal(isConflict, false);
    assert.deepEqual(
      problems.map((problem) => [problem.field, problem.code]),
      [
        ['service', 'unknown_service'],
        ['district', 'unknown_district'],
        ['unit', 'unknown_unit'],
        ['note', 'too_long'],
      ],
    );
    assert.match(problems[1]?.message ?? '', /"99999999" is not a district of Kaohsiung City/);
  });

  it('nothing chosen: asks for each choice', () => {
    const { problems } = routingRuleProblems(
      facts({
        draft: { serviceCode: '', districtCode: '', unitCode: '', note: '' },
        service: null,
        district: null,
        unit: null,
        fallback: null,
      }),
      'zh-TW',
    );
    assert.deepEqual(
      problems.map((problem) => problem.message),
      ['請選擇申辦項目', '請選擇行政區，或選「全區」', '請選擇改分單位'],
    );
  });

  it('a rule for the same service and district is a conflict that names the existing rule', () => {
    const { problems, isConflict } = routingRuleProblems(
      facts({ existing: { id: 'x', unit: parks } }),
      'zh-TW',
    );
    assert.equal(isConflict, true);
    assert.deepEqual(problems, [
      {
        field: 'district',
        code: 'rule_exists',
        message: '「行道樹修剪」在鼓山區已有分文規則（分往公園管理處），請修改那條規則',
      },
    ]);
  });

  it('an inactive unit, and a rule to the unit that already gets the cases, are conflicts', () => {
    const inactive = routingRuleProblems(facts({ unit: { ...road, isActive: false } }), 'en');
    assert.equal(inactive.isConflict, true);
    assert.equal(inactive.problems[0]?.code, 'unit_inactive');
    const same = routingRuleProblems(
      facts({ draft: { ...facts().draft, unitCode: 'parks' }, unit: parks }),
      'en',
    );
    assert.equal(same.isConflict, true);
    assert.match(same.problems[0]?.message ?? '', /already go to Parks Office \(the service’s own unit\)/);
    const byAllDistrictsRule = routingRuleProblems(
      facts({ fallback: { unit: road, isAllDistrictsRule: true } }),
      'zh-TW',
    );
    assert.match(byAllDistrictsRule.problems[0]?.message ?? '', /該項目的全區規則/);
    assert.match(byAllDistrictsRule.problems[0]?.message ?? '', /在鼓山區/);
  });

  it('where a case goes, and where a rule’s cases go without it', () => {
    const rules = [
      { districtCode: null, unitCode: 'road-maintenance' },
      { districtCode: '64000020', unitCode: 'new-works' },
    ];
    assert.equal(unitForCase(rules, 'parks', '64000020'), 'new-works');
    assert.equal(unitForCase(rules, 'parks', '64000010'), 'road-maintenance');
    assert.equal(unitForCase([], 'parks', '64000010'), 'parks');
    assert.deepEqual(fallbackUnitCode(rules, 'parks', '64000020'), {
      unitCode: 'road-maintenance',
      isAllDistrictsRule: true,
    });
    assert.deepEqual(fallbackUnitCode(rules, 'parks', null), {
      unitCode: 'parks',
      isAllDistrictsRule: false,
    });
  });
});
