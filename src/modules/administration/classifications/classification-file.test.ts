import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffClassifications } from '../../../platform/reference/classification-rows.ts';
import { auditDetailsOf, checkClassificationFile } from './classification-file.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('a classification file', () => {
  it('reads a CSV with a header (Chinese column names too) and a JSON list alike, parents first', () => {
    const csv = checkClassificationFile(
      bytes('\uFEFF代碼,中文名稱,英文名稱,上層代碼\r\nA1,子類,,A\r\nA,"交通, 道路",Traffic,\r\n'),
      'zh-TW',
    );
    assert.ok(csv.ok);
    assert.deepEqual(
      csv.rows.map((row) => [row.code, row.nameZh, row.nameEn, row.parentCode]),
      [
        ['A', '交通, 道路', 'Traffic', null],
        ['A1', '子類', null, 'A'],
      ],
    );
    const json = checkClassificationFile(bytes('[{"code":"A","nameZh":"交通"}]'), 'en');
    assert.ok(json.ok);
  });

  it('lists every problem at once with its line, in the reader’s language', () => {
    const checked = checkClassificationFile(
      bytes('code,nameZh,parentCode\nA,,\nA,交通,\nB,公園,Z\n'),
      'zh-TW',
    );
    assert.deepEqual(checked, {
      ok: false,
      problems: [
        '第 2 行：缺少中文名稱',
        '第 3 行：代碼 A 已在第 2 筆（行）使用',
        '第 4 行：代碼 B 的上層 Z 不在檔案中',
      ],
    });
    assert.deepEqual(checkClassificationFile(bytes('{"code":1}'), 'en'), {
      ok: false,
      problems: ['A JSON code file must be an array'],
    });
    assert.deepEqual(checkClassificationFile(bytes('name\nx\n'), 'en'), {
      ok: false,
      problems: ['The CSV’s first line must name the columns; missing: code, nameZh'],
    });
    assert.deepEqual(checkClassificationFile(new Uint8Array([0xff, 0xfe, 0x41]), 'en'), {
      ok: false,
      problems: ['The code file is not UTF-8 text'],
    });
  });

  it('says what a load adds, changes and removes, and audits counts and codes', () => {
    const diff = diffClassifications(
      [
        { code: 'A', nameZh: '交通', nameEn: null, parentCode: null },
        { code: 'B', nameZh: '公園', nameEn: null, parentCode: null },
        { code: 'C', nameZh: '水利', nameEn: null, parentCode: null },
      ],
      [
        { code: 'A', nameZh: '交通', nameEn: null, parentCode: null },
        { code: 'B', nameZh: '公園綠地', nameEn: null, parentCode: null },
        { code: 'D', nameZh: '建築', nameEn: null, parentCode: null },
      ],
    );
    assert.deepEqual(
      [
        diff.added.map((row) => row.code),
        diff.changed.map((row) => row.after.code),
        diff.removed.map((row) => row.code),
        diff.unchanged,
      ],
      [['D'], ['B'], ['C'], 1],
    );
    const details = auditDetailsOf('theme', 'f'.repeat(64), diff);
    assert.deepEqual(details.before, { count: 3 });
    assert.deepEqual(details.after, { count: 3 });
    assert.deepEqual(details.removed, { count: 1, codes: ['C'] });
  });
});
