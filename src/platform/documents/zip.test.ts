import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { readZip } from './documents-test-support.ts';
import { crc32, dosDateTime, writeZip } from './zip.ts';

describe('crc32', () => {
  it('matches the standard check value and node:zlib', () => {
    assert.equal(crc32(Buffer.from('123456789')), 0xcbf43926);
    assert.equal(crc32(Buffer.alloc(0)), 0);
    for (const length of [1, 7, 1000, 65_537]) {
      const bytes = randomBytes(length);
      assert.equal(crc32(bytes), zlibCrc32(bytes));
    }
  });
});

describe('writeZip', () => {
  const modified = new Date('2026-02-01T01:02:04Z'); // 09:02:04 in Taipei

  it('writes the entries in order, stored or deflated, and a reader gets the same bytes back', () => {
    const incompressible = randomBytes(300);
    const text = '高雄市政府工務局 '.repeat(50);
    const zip = writeZip(
      [
        { name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', method: 'store' },
        { name: 'content.xml', data: text },
        { name: 'Pictures/照片.bin', data: incompressible },
        { name: 'empty.txt', data: '' },
        { name: 'META-INF/manifest.xml', data: Buffer.from('<m/>') },
      ],
      { modified },
    );
    const entries = readZip(zip);
    assert.deepEqual(
      entries.map((entry) => [entry.name, entry.method]),
      [
        ['mimetype', 0],
        ['content.xml', 8],
        ['Pictures/照片.bin', 0], // deflate would not have made it smaller
        ['empty.txt', 0],
        ['META-INF/manifest.xml', 0], // 4 bytes: deflate is larger
      ],
    );
    assert.equal(entries[0]?.localHeaderOffset, 0);
    assert.equal(entries[1]?.data.toString('utf8'), text);
    assert.ok((entries[1]?.compressedSize ?? 0) < Buffer.byteLength(text), 'content.xml is compressed');
    assert.deepEqual(entries[2]?.data, incompressible);
    assert.equal(entries[3]?.size, 0);
    for (const entry of entries) {
      assert.equal(entry.flags, 0x0800, `${entry.name}: UTF-8 names flag, nothing else`);
      assert.equal(entry.localExtraLength, 0);
      assert.equal(entry.centralExtraLength, 0);
      // 2026-02-01 09:02:04 local (Taipei): DOS date and time fields.
      assert.deepEqual(entry.modified, {
        date: ((2026 - 1980) << 9) | (2 << 5) | 1,
        time: (9 << 11) | (2 << 5) | 2,
      });
    }
  });

  it('writes an empty archive as just the end record', () => {
    const zip = writeZip([]);
    assert.equal(zip.length, 22);
    assert.deepEqual(readZip(zip), []);
  });

  it('refuses duplicate and unsafe names', () => {
    assert.throws(
      () =>
        writeZip([
          { name: 'a', data: '1' },
          { name: 'a', data: '2' },
        ]),
      /duplicate entry "a"/,
    );
    for (const name of ['', '/abs', '../up', 'a/../b', 'a\\b', 'a//b', './a']) {
      assert.throws(() => writeZip([{ name, data: 'x' }]), RangeError, name);
    }
    assert.doesNotThrow(() => writeZip([{ name: 'folder/', data: '' }]));
  });

  it('clamps dates before 1980 to the DOS epoch year', () => {
    assert.equal(dosDateTime(new Date('1970-01-01T00:00:00Z')).date >> 9, 0);
  });
});
