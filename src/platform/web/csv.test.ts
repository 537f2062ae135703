import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvByteOrderMark, csvCell, csvLine, parseCsv } from './csv.ts';

describe('CSV for staff exports', () => {
  it('quotes what needs quoting and defuses formulas, keeping plain negative numbers', () => {
    assert.equal(csvCell('道路, 橋梁'), '"道路, 橋梁"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('two\nlines'), '"two\nlines"');
    assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvCell('+886'), "'+886");
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell('-12.5'), '-12.5');
    assert.equal(csvCell('-1+2'), "'-1+2");
    assert.equal(csvCell(null), '');
    assert.equal(csvLine(['a', 1, null]), 'a,1,\r\n');
    assert.equal(csvByteOrderMark, '\uFEFF');
  });

  it('reads what it writes, with each record’s line, and says where a quote was left open', () => {
    const text = `${csvByteOrderMark}code,nameZh\r\n${csvLine(['A1', '道路, "橋"\n二'])}\n${csvLine(['B', '公園'])}`;
    const read = parseCsv(text);
    assert.ok(read.ok);
    assert.deepEqual(read.records, [
      { line: 1, cells: ['code', 'nameZh'] },
      { line: 2, cells: ['A1', '道路, "橋"\n二'] },
      { line: 5, cells: ['B', '公園'] },
    ]);
    assert.deepEqual(parseCsv('a,b\nc,"open\nd'), { ok: false, line: 2 });
    assert.deepEqual(parseCsv('x,y'), { ok: true, records: [{ line: 1, cells: ['x', 'y'] }] });
  });
});
