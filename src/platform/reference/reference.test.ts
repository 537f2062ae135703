import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateClassificationRows } from './classification-rows.ts';
import { PUBLIC_WORKS_SERVICE_CODES, SERVICE_CLASSIFICATIONS } from './service-classification.ts';
import { BUREAU, currentSuccessors, findUnit, UNITS } from './units.ts';

describe('bureau units', () => {
  it('lists the six units of the 2012 plan and the two that succeeded 養護工程處', () => {
    assert.equal(UNITS.length, 8);
    assert.deepEqual(
      UNITS.map((unit) => unit.nameZh),
      [
        '工程企劃處',
        '建築管理處',
        '違章建築處理大隊',
        '新建工程處',
        '養護工程處',
        '秘書室',
        '道路養護工程處',
        '公園處',
      ],
    );
  });

  it('has unique, URL-safe codes and unique sort orders', () => {
    const codes = UNITS.map((unit) => unit.code);
    assert.equal(new Set(codes).size, codes.length);
    for (const code of codes) assert.match(code, /^[a-z]+(-[a-z]+)*$/);
    assert.equal(new Set(UNITS.map((unit) => unit.sortOrder)).size, UNITS.length);
  });

  it('marks 養護工程處 inactive, succeeded by 道路養護工程處 and 公園處; all others are active', () => {
    const inactive = UNITS.filter((unit) => !unit.isActive).map((unit) => unit.code);
    assert.deepEqual(inactive, ['maintenance']);
    assert.deepEqual(findUnit('maintenance')?.succeededBy, ['road-maintenance', 'parks']);
    assert.equal(UNITS.filter((unit) => unit.isActive).length, 7);
  });

  it('points successions only at existing active units, and only from inactive ones', () => {
    for (const unit of UNITS) {
      if (unit.isActive) assert.deepEqual(unit.succeededBy, [], unit.code);
      for (const successor of unit.succeededBy) assert.equal(findUnit(successor)?.isActive, true, successor);
    }
  });

  it('resolves an old unit to the units holding its duties today', () => {
    assert.deepEqual(
      currentSuccessors('maintenance').map((unit) => unit.code),
      ['road-maintenance', 'parks'],
    );
    assert.deepEqual(
      currentSuccessors('building').map((unit) => unit.code),
      ['building'],
    );
  });

  it('keeps activeFrom/activeUntil coherent with isActive', () => {
    for (const unit of UNITS) {
      if (unit.isActive) assert.equal(unit.activeUntil, null, unit.code);
      if (unit.activeFrom !== null && unit.activeUntil !== null) {
        assert.ok(unit.activeFrom <= unit.activeUntil, unit.code);
      }
    }
  });

  it('gives every unit and the bureau complete bilingual text and contacts, flagged as unverified', () => {
    for (const entry of [BUREAU, ...UNITS]) {
      for (const value of [entry.nameZh, entry.nameEn, ...Object.values(entry.contact)]) {
        if (typeof value === 'string') assert.ok(value.trim().length > 0, entry.code);
      }
      assert.equal(entry.contact.isContactVerified, false, entry.code);
      assert.match(entry.contact.phone, /^07-33\d{5}$/, entry.code);
      assert.match(entry.contact.fax, /^07-33\d{5}$/, entry.code);
      assert.match(entry.contact.email, /^[a-z-]+@[a-z.]+$/, entry.code);
    }
    for (const unit of UNITS) {
      assert.ok(unit.descriptionZh.length > 0 && unit.descriptionEn.length > 0, unit.code);
    }
  });

  it('gives the bureau its main address and service hours', () => {
    assert.equal(BUREAU.nameZh, '高雄市政府工務局');
    assert.equal(BUREAU.contact.addressZh, '802 高雄市苓雅區四維三路2號');
    assert.equal(BUREAU.contact.addressEn, 'No. 2, Siwei 3rd Rd., Lingya District, Kaohsiung 802');
    assert.equal(BUREAU.contact.serviceHoursZh, '週一至週五 08:00–12:00、13:30–17:30');
  });
});

describe('service classification (服務分類)', () => {
  it('has the 18 official top-level codes in order', () => {
    assert.deepEqual(
      SERVICE_CLASSIFICATIONS.map((classification) => classification.code),
      [
        '100',
        '200',
        '300',
        '400',
        '500',
        '600',
        '700',
        '800',
        '900',
        'A00',
        'B00',
        'C00',
        'D00',
        'E00',
        'F00',
        'G00',
        'H00',
        'I00',
      ],
    );
  });

  it('has the official Chinese names, an English name each and no parent', () => {
    const byCode = new Map(
      SERVICE_CLASSIFICATIONS.map((classification) => [classification.code, classification]),
    );
    assert.equal(byCode.get('A00')?.nameZh, '交通及通訊');
    assert.equal(byCode.get('C00')?.nameZh, '購屋及遷徙');
    assert.equal(byCode.get('E00')?.nameZh, '生活安全及品質');
    assert.equal(byCode.get('I00')?.nameZh, '公共資訊');
    for (const classification of SERVICE_CLASSIFICATIONS) {
      assert.ok(classification.nameEn.length > 0, classification.code);
      assert.equal(classification.parentCode, null, classification.code);
    }
  });

  it('offers public works codes that all exist', () => {
    const codes = new Set(SERVICE_CLASSIFICATIONS.map((classification) => classification.code));
    for (const code of PUBLIC_WORKS_SERVICE_CODES) assert.ok(codes.has(code), code);
  });
});

describe('validateClassificationRows', () => {
  it('accepts a valid file, trims values and puts parents before children', () => {
    const result = validateClassificationRows([
      { code: ' 110 ', nameZh: ' 子類 ', nameEn: '', parentCode: '100' },
      { code: '100', nameZh: '頂層', nameEn: 'Top' },
      { code: '111', nameZh: '孫類', parentCode: '110' },
    ]);
    assert.ok(result.ok);
    assert.deepEqual(result.rows, [
      { code: '100', nameZh: '頂層', nameEn: 'Top', parentCode: null },
      { code: '110', nameZh: '子類', nameEn: null, parentCode: '100' },
      { code: '111', nameZh: '孫類', nameEn: null, parentCode: '110' },
    ]);
  });

  it('accepts an empty file (the tables may stay empty)', () => {
    assert.deepEqual(validateClassificationRows([]), { ok: true, rows: [] });
  });

  it('reports every problem at once, by row', () => {
    const result = validateClassificationRows([
      { code: '100', nameZh: '甲' },
      { code: '', nameZh: '無代碼' },
      { nameZh: '也無代碼' },
      { code: '100', nameZh: '重複' },
      { code: '200', nameZh: '乙', parentCode: '900' },
      { code: '300' },
    ]);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual(
      result.problems.map(({ rowNumber, code, kind }) => ({ rowNumber, code, kind })),
      [
        { rowNumber: 2, code: null, kind: 'missing-code' },
        { rowNumber: 3, code: null, kind: 'missing-code' },
        { rowNumber: 4, code: '100', kind: 'duplicate-code' },
        { rowNumber: 5, code: '200', kind: 'unknown-parent' },
        { rowNumber: 6, code: '300', kind: 'missing-name' },
      ],
    );
    assert.match(result.problems[2]?.message ?? '', /already used on row 1/);
    assert.match(result.problems[3]?.message ?? '', /parent 900/);
  });

  it('rejects a hierarchy that loops', () => {
    const result = validateClassificationRows([
      { code: 'A', nameZh: '甲', parentCode: 'B' },
      { code: 'B', nameZh: '乙', parentCode: 'A' },
      { code: 'C', nameZh: '丙', parentCode: 'C' },
    ]);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual(
      result.problems.map((problem) => [problem.code, problem.kind]),
      [
        ['A', 'parent-cycle'],
        ['B', 'parent-cycle'],
        ['C', 'parent-cycle'],
      ],
    );
  });

  it('treats non-object rows and non-text values as missing instead of crashing', () => {
    const rows = [null, { code: {}, nameZh: 5 }] as unknown as Parameters<
      typeof validateClassificationRows
    >[0];
    const result = validateClassificationRows(rows);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual(
      result.problems.map((problem) => [problem.rowNumber, problem.kind]),
      [
        [1, 'missing-code'],
        [1, 'missing-name'],
        [2, 'missing-code'],
      ],
    );
  });
});
