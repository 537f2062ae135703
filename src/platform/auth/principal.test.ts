import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { needsTwoFactorEnrolment } from './principal.ts';

describe('needsTwoFactorEnrolment', () => {
  it('only an admin without two-factor must enrol first', () => {
    assert.equal(needsTwoFactorEnrolment({ role: 'admin', hasTotp: false }), true);
    assert.equal(needsTwoFactorEnrolment({ role: 'admin', hasTotp: true }), false);
    assert.equal(needsTwoFactorEnrolment({ role: 'handler', hasTotp: false }), false);
  });
});
