import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDataFile, dataFileProblem, dataFormatList } from './data-file.ts';

const bytes = (text: string) => Buffer.from(text, 'utf8');
const both = ['json', 'csv'] as const;

describe('checkDataFile', () => {
  it('takes UTF-8 JSON and CSV, a byte-order mark removed, the kind from the name or else the content', () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes('[{"code":"A"}]')]);
    assert.deepEqual(checkDataFile(withBom, 'codes.JSON', both), {
      ok: true,
      kind: 'json',
      text: '[{"code":"A"}]',
    });
    assert.deepEqual(checkDataFile(bytes('code,nameZh\r\nA,甲\r\n'), 'codes.csv', both), {
      ok: true,
      kind: 'csv',
      text: 'code,nameZh\r\nA,甲\r\n',
    });
    assert.equal((checkDataFile(bytes(' {"a":1}'), 'export', both) as { kind: string }).kind, 'json');
    assert.equal((checkDataFile(bytes('code\tname\n'), 'export.txt', both) as { kind: string }).kind, 'csv');
  });

  it('refuses an empty or blank file, binary bytes, bad UTF-8, another type, and JSON that does not parse', () => {
    assert.deepEqual(checkDataFile(bytes(''), 'a.json', both), { ok: false, refusal: 'empty' });
    assert.deepEqual(checkDataFile(bytes(' \r\n'), 'a.csv', both), { ok: false, refusal: 'empty' });
    assert.deepEqual(checkDataFile(bytes('a,b\u0000'), 'a.csv', both), { ok: false, refusal: 'not_text' });
    assert.deepEqual(checkDataFile(bytes('a,b\u0007'), 'a.csv', both), { ok: false, refusal: 'not_text' });
    assert.deepEqual(checkDataFile(Buffer.from([0x61, 0xc3, 0x28]), 'a.csv', both), {
      ok: false,
      refusal: 'not_text',
    });
    assert.deepEqual(checkDataFile(bytes('a,b'), 'a.xlsx', both), { ok: false, refusal: 'not_accepted' });
    assert.deepEqual(checkDataFile(bytes('a,b'), 'a.csv', ['json']), { ok: false, refusal: 'not_accepted' });
    const broken = checkDataFile(bytes('[{"a": '), 'a.json', both);
    assert.equal(broken.ok, false);
    assert.equal((broken as { refusal: string }).refusal, 'not_json');
    assert.match((broken as { detail: string }).detail, /JSON/);
    assert.equal((checkDataFile(bytes('hello'), 'a', ['json']) as { refusal: string }).refusal, 'not_json');
  });

  it('words each refusal in both languages, naming the file and the formats taken', () => {
    const about = { field: 'file', name: 'x.pdf', limit: '2 MB', kinds: both };
    assert.deepEqual(dataFileProblem('not_accepted', about, 'zh-TW'), {
      field: 'file',
      code: 'file_type_not_accepted',
      message: '「x.pdf」不是可接受的檔案類型，請改用 JSON 或 CSV 檔。',
    });
    assert.equal(dataFileProblem('too_large', about, 'en').message, '“x.pdf” is larger than the 2 MB limit.');
    assert.equal(dataFormatList(['json'], 'en'), 'JSON');
  });
});
