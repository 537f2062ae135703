import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { safeReturnPath } from './return-path.ts';

describe('safeReturnPath', () => {
  it('keeps a path on this site with its query and fragment', () => {
    assert.equal(safeReturnPath('/staff/audit?page=2&action=x#top'), '/staff/audit?page=2&action=x#top');
    assert.equal(safeReturnPath('/en/staff'), '/en/staff');
  });

  it('refuses anything that could lead to another site', () => {
    for (const unsafe of [
      'https://evil.example/',
      '//evil.example/staff',
      '/\\evil.example',
      '\\\\evil.example',
      'javascript:alert(1)',
      'staff',
      '/\tevil',
      '/staff\nLocation: https://evil.example',
      ' /staff',
    ]) {
      assert.equal(safeReturnPath(unsafe), null, JSON.stringify(unsafe));
    }
  });

  it('refuses non-strings, empty and very long values', () => {
    assert.equal(safeReturnPath(undefined), null);
    assert.equal(safeReturnPath(['/staff']), null);
    assert.equal(safeReturnPath(''), null);
    assert.equal(safeReturnPath(`/${'a'.repeat(2048)}`), null);
  });

  it('refuses returning to sign-in or sign-out (a loop)', () => {
    assert.equal(safeReturnPath('/staff/sign-in'), null);
    assert.equal(safeReturnPath('/en/staff/sign-in/verify'), null);
    assert.equal(safeReturnPath('/staff/sign-out'), null);
  });
});
