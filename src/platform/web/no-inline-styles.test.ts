import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';

// The Content-Security-Policy allows styles from our stylesheet only (style-src 'self'): a style attribute
// in a page is blocked in the browser, so the page looks as its author never saw it. Styles go in
// src/platform/web/styles.
describe('pages', () => {
  it('carry no style attributes (the CSP would block them)', async () => {
    const root = path.resolve('src');
    const files = (await readdir(root, { recursive: true })).filter(
      (file) => file.endsWith('.tsx') && !file.endsWith('.test.tsx'),
    );
    assert.ok(files.length > 20, 'the page sources were found');
    const offenders: string[] = [];
    for (const file of files) {
      const source = await readFile(path.join(root, file), 'utf8');
      source.split('\n').forEach((line, index) => {
        if (/\sstyle=[{"]/.test(line)) offenders.push(`src/${file}:${index + 1}`);
      });
    }
    assert.deepEqual(offenders, []);
  });
});
