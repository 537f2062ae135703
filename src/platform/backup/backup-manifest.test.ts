import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  fileListLine,
  formatBytes,
  manifestProblems,
  parseFileListLine,
  storedFileEntryName,
  tableEntryName,
} from './backup-manifest.ts';

const sha = 'ab'.repeat(32);
const manifest = {
  format: 1,
  app: 'onewindow',
  migration: { tag: '0001_b', createdAt: 2 },
  tables: [{ table: 'public.cases', columns: ['id', 'case_number'], entry: tableEntryName('public.cases') }],
  sequences: [{ sequence: 'public.audit_log_id_seq', lastValue: '42' }],
  files: { count: 0 },
};

describe('the backup manifest', () => {
  it('names files as the store does, one sha256sum line each, and reads the lines back', () => {
    assert.equal(storedFileEntryName(sha), `files/ab/ab/${sha}`);
    assert.equal(fileListLine(sha), `${sha}  files/ab/ab/${sha}\n`);
    assert.equal(parseFileListLine(fileListLine(sha).trimEnd()), sha);
    assert.equal(
      parseFileListLine(`${sha}  files/ab/cd/${sha}`),
      null,
      'a folder that does not match the name',
    );
    assert.equal(parseFileListLine(`${sha}  files/ab/ab/${'cd'.repeat(32)}`), null);
    assert.equal(parseFileListLine(`${sha}  ../../etc/passwd`), null);
  });

  it('accepts a manifest of a known migration and lists every problem of a bad one', () => {
    assert.deepEqual(manifestProblems(manifest, ['0000_a', '0001_b']), []);
    assert.deepEqual(manifestProblems({ ...manifest, format: 2 }, ['0001_b']), [
      "the archive's format is 2; this release reads format 1",
    ]);
    const problems = manifestProblems(
      {
        ...manifest,
        migration: { tag: '0099_future', createdAt: 9 },
        tables: [{ table: 'public.x; drop table cases', columns: ['id"'], entry: 'database/x' }],
      },
      ['0001_b'],
    );
    assert.equal(problems.length, 3);
    assert.match(problems[0] ?? '', /migration 0099_future, which this release does not have/);
    assert.match(problems[1] ?? '', /table name .* not one OneWindow writes/);
    assert.match(problems[2] ?? '', /column name/);
  });

  it('says sizes as people read them', () => {
    assert.equal(formatBytes(999), '999 B');
    assert.equal(formatBytes(5_421_056), '5.4 MB');
    assert.equal(formatBytes(12_500_000_000), '13 GB');
  });
});
