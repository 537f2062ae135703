import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { topicProblems } from '../../../platform/notify/template-kit.ts';
import {
  adminRuleRefusal,
  invitationExpiryOf,
  invitationStateOf,
  invitationTokenHash,
  newInvitationToken,
  refusalOf,
} from './staff-admin-rules.ts';
import { staffAdminTopicList } from './templates/index.ts';

describe('staff administration rules', () => {
  const now = new Date('2026-03-02T02:00:00Z');

  it('an invitation works for 72 hours, once; accepted and withdrawn say so before expired', () => {
    const expiresAt = invitationExpiryOf(now);
    assert.equal(expiresAt.toISOString(), '2026-03-05T02:00:00.000Z');
    const pending = { expiresAt, acceptedAt: null, revokedAt: null };
    assert.equal(invitationStateOf(pending, now), 'usable');
    assert.equal(invitationStateOf(pending, expiresAt), 'expired');
    assert.equal(invitationStateOf({ ...pending, acceptedAt: now }, expiresAt), 'used');
    assert.equal(invitationStateOf({ ...pending, revokedAt: now }, now), 'revoked');
    assert.equal(invitationStateOf(null, now), 'unknown');
    assert.equal(refusalOf('expired'), 'expired');
    assert.equal(refusalOf('usable'), 'unknown');
  });

  it('a token is 43 base64url characters; only such a token has a hash', () => {
    const token = newInvitationToken();
    assert.match(token, /^[A-Za-z0-9_-]{43}$/);
    assert.match(invitationTokenHash(token) ?? '', /^[0-9a-f]{64}$/);
    assert.notEqual(invitationTokenHash(newInvitationToken()), invitationTokenHash(token));
    assert.equal(invitationTokenHash(`${token}x`), null);
    assert.equal(invitationTokenHash('../etc'), null);
  });

  it('the last active admin keeps the role; nobody removes their own admin role or deactivates themselves', () => {
    const admin = { id: 'a', role: 'admin' as const, isActive: true };
    const demote = { role: 'handler' as const, isActive: true };
    const deactivate = { role: 'admin' as const, isActive: false };
    assert.equal(
      adminRuleRefusal({ actorId: 'b', member: admin, next: demote, otherActiveAdmins: 0 }),
      'last_admin',
    );
    assert.equal(
      adminRuleRefusal({ actorId: 'b', member: admin, next: deactivate, otherActiveAdmins: 0 }),
      'last_admin',
    );
    assert.equal(adminRuleRefusal({ actorId: 'b', member: admin, next: demote, otherActiveAdmins: 1 }), null);
    assert.equal(
      adminRuleRefusal({ actorId: 'a', member: admin, next: demote, otherActiveAdmins: 3 }),
      'own_admin_role',
    );
    assert.equal(
      adminRuleRefusal({ actorId: 'a', member: admin, next: deactivate, otherActiveAdmins: 3 }),
      'own_account',
    );
    const handler = { id: 'h', role: 'handler' as const, isActive: true };
    assert.equal(
      adminRuleRefusal({
        actorId: 'a',
        member: handler,
        next: { role: 'handler', isActive: false },
        otherActiveAdmins: 0,
      }),
      null,
    );
    // A deactivated admin made active again, or an inactive admin demoted: nobody active is lost.
    const inactiveAdmin = { ...admin, isActive: false };
    assert.equal(
      adminRuleRefusal({ actorId: 'b', member: inactiveAdmin, next: demote, otherActiveAdmins: 0 }),
      null,
    );
  });

  it('the invitation template renders in both languages with the link, and no password', () => {
    for (const topic of staffAdminTopicList) assert.deepEqual(topicProblems(topic), []);
    const [topic] = staffAdminTopicList;
    const message = topic?.renderSample('zh-TW');
    assert.match(message?.text ?? '', /https:\/\/onewindow\.example\.gov\.tw\/staff\/invitation\//);
    assert.doesNotMatch(message?.text ?? '', /密碼[:：]/);
  });
});
