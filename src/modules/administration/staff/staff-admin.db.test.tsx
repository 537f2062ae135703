import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { and, eq, inArray, ne } from 'drizzle-orm';
import { withEmailDelivery } from '../../../../test/helpers/notification-delivery.ts';
import { buildTestApp, TestClock } from '../../../../test/helpers/test-app.ts';
import { waitUntil } from '../../../../test/helpers/wait-until.ts';
import { noRequestOrigin, staffActor } from '../../../platform/auth/audit-log.ts';
import { staff, staffInvitations, staffSessions } from '../../../platform/auth/auth-schema.ts';
import {
  aSignedInMember,
  aStaffMember,
  auditEntries,
  csrfTokenIn,
  currentCode,
  signIn,
  TestBrowser,
} from '../../../platform/auth/auth-test-support.ts';
import type { DomainError } from '../../../platform/http/errors.ts';
import { changeStaffRoleAndUnit, deactivateStaff } from './staff-admin-service.ts';

/**
 * Staff accounts administered from the staff pages (issue 17 §1): the list and its filters, the invitation
 * (e-mailed over real SMTP) accepted once and leading to two-factor setup, expired and reused links refused,
 * role and unit, deactivation ending open sessions, two-factor reset, lockout release, the admin rules, the
 * audit rows with before and after, and 403 for every other role on every admin route.
 */

const clock = new TestClock(new Date('2026-03-02T02:00:00Z'));
const { app: subject, smtp } = await withEmailDelivery((environment) =>
  buildTestApp({
    environment: { ...environment, RATE_LIMIT_PER_MINUTE: '1000', LOGIN_MAX_FAILURES: '3' },
    clock,
  }),
);
const db = subject.database.db;
after(() => subject.app.close());

const list = '/staff/admin/staff';
const invitePage = '/staff/admin/staff/invite';
const memberPage = (id: string) => `/staff/admin/staff/${id}`;
const memberAction = (id: string, action: string) => `/staff/admin/staff/${id}/${action}`;
const rowOf = async (id: string) => (await db.select().from(staff).where(eq(staff.id, id)))[0];
const sessionsOf = (id: string) => db.select().from(staffSessions).where(eq(staffSessions.staffId, id));
let uniques = 0;
const unique = (prefix: string) => {
  uniques += 1;
  return `${prefix}${Date.now().toString(36)}${uniques}`;
};

/** The path of the invitation link e-mailed to `email` (waiting for the message to arrive). */
async function invitationLinkFor(email: string): Promise<string> {
  const [mail] = await waitUntil(
    async () => smtp.messages.filter((message) => message.envelopeTo.includes(email)),
    (found) => found.length > 0,
    { what: `the invitation to ${email}` },
  );
  assert.match(mail?.subject ?? '', /員工帳號邀請/);
  assert.doesNotMatch(mail?.text ?? '', /密碼[:：]/, 'no password in the message');
  const match = /https?:\/\/[^\s/]+(\/(?:en\/)?staff\/invitation\/[A-Za-z0-9_-]{43})/.exec(mail?.text ?? '');
  assert.ok(match?.[1], mail?.text);
  return match[1];
}

const namesIn = (html: string) =>
  [
    ...html.matchAll(
      /<tr class="govuk-table__row"[^>]*data-staff-id="[^"]+"><td class="govuk-table__cell"><a[^>]*>([^<]+)</g,
    ),
  ].map((match) => match[1]);

describe('staff accounts: the admin’s pages', () => {
  it('refuse every other role on every admin route, GET and POST (403), and change nothing', async () => {
    const target = await aStaffMember(db, { role: 'handler' });
    for (const role of ['handler', 'secretariat'] as const) {
      const browser = await aSignedInMember(subject, { role, withTotp: false });
      const token = csrfTokenIn((await browser.get('/staff/account/two-factor')).body);
      for (const path of [list, `/en${list}`, invitePage, memberPage(target.id)])
        assert.equal((await browser.get(path)).statusCode, 403, `GET ${path}`);
      const posts = [
        invitePage,
        ...['role', 'deactivate', 'reactivate', 'two-factor-reset', 'lockout-release'].map((action) =>
          memberAction(target.id, action),
        ),
        `${list}/invitations/${target.id}/resend`,
        `${list}/invitations/${target.id}/revoke`,
      ];
      for (const path of posts) {
        const answer = await browser.post(path, {
          _csrf: token,
          email: 'x@test.onewindow.tw',
          displayName: 'x',
          role: 'admin',
        });
        assert.equal(answer.statusCode, 403, `POST ${path}`);
      }
    }
    const row = await rowOf(target.id);
    assert.equal(row?.isActive, true);
    assert.equal(row?.role, 'handler');
    assert.equal(
      (await db.select().from(staffInvitations).where(eq(staffInvitations.email, 'x@test.onewindow.tw')))
        .length,
      0,
    );
  });

  it('list: the search and each filter return exactly the right people, in both languages', async () => {
    const tag = unique('篩選');
    const handler = await aStaffMember(db, { role: 'handler', displayName: `${tag} 甲` });
    const parks = await aStaffMember(db, { role: 'supervisor', unitCode: 'parks', displayName: `${tag} 乙` });
    const withTotp = await aStaffMember(db, { role: 'web_editor', withTotp: true, displayName: `${tag} 丙` });
    const inactive = await aStaffMember(db, { role: 'handler', displayName: `${tag} 丁` });
    await db.update(staff).set({ isActive: false }).where(eq(staff.id, inactive.id));
    const locked = await aStaffMember(db, { role: 'counter_clerk', displayName: `${tag} 戊` });
    for (let attempt = 0; attempt < 3; attempt += 1)
      await new TestBrowser(subject.app).submitSignIn({
        email: locked.email,
        password: 'wrong password 1234',
      });
    const admin = await aSignedInMember(subject, { role: 'admin' });
    const search = async (query: string) => {
      const page = await admin.get(`${list}?q=${encodeURIComponent(tag)}${query}`);
      assert.equal(page.statusCode, 200, query);
      return namesIn(page.body).sort();
    };
    assert.deepEqual(
      await search(''),
      [`${tag} 丁`, `${tag} 丙`, `${tag} 乙`, `${tag} 戊`, `${tag} 甲`].sort(),
    );
    assert.deepEqual(await search('&role=handler'), [`${tag} 丁`, `${tag} 甲`].sort());
    assert.deepEqual(await search('&unit=parks'), [`${tag} 乙`]);
    assert.deepEqual(await search('&active=no'), [`${tag} 丁`]);
    assert.deepEqual(await search('&locked=yes'), [`${tag} 戊`]);
    assert.deepEqual(await search('&twoFactor=on'), [`${tag} 丙`]);
    assert.deepEqual(await search('&role=handler&active=yes'), [`${tag} 甲`]);
    // By e-mail too; an unknown role is the form's problem (400), the rest of the search still applies.
    const byEmail = await admin.get(`${list}?q=${encodeURIComponent(parks.email.toUpperCase())}`);
    assert.deepEqual(namesIn(byEmail.body), [`${tag} 乙`]);
    const bad = await admin.get(`${list}?q=${encodeURIComponent(tag)}&role=emperor`);
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /govuk-error-summary/);
    assert.equal(namesIn(bad.body).length, 5);
    const english = await admin.get(`/en${list}?q=${encodeURIComponent(tag)}&locked=yes`);
    assert.match(english.body, /<h1 class="govuk-heading-l">Staff accounts<\/h1>/);
    assert.match(english.body, /Locked/);
    assert.ok(handler.id && withTotp.id);
  });

  it('invite → the e-mail with the link → password (every problem at once) → account, signed in, two-factor set up; the link works once', async () => {
    const admin = await aSignedInMember(subject, { role: 'admin' });
    const email = `${unique('invitee')}@test.onewindow.tw`;
    const refused = await admin.submit(invitePage, invitePage, {
      email: 'not-an-address',
      displayName: '',
      role: 'handler',
      unitCode: '',
    });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /<a href="#email">/);
    assert.match(refused.body, /<a href="#displayName">/);
    const sent = await admin.submit(invitePage, invitePage, {
      email: email.toUpperCase(),
      displayName: '新進 承辦人',
      role: 'handler',
      unitCode: 'parks',
    });
    assert.equal(sent.statusCode, 303);
    assert.equal(sent.headers.location, `${list}?done=invited`);
    const listed = await admin.get(`${list}?done=invited`);
    assert.match(listed.body, /邀請信已寄出，連結 72 小時內有效/);
    assert.match(listed.body, /data-invitation-id="[^"]+"><td class="govuk-table__cell">新進 承辦人/);
    const [invitation] = await db.select().from(staffInvitations).where(eq(staffInvitations.email, email));
    assert.ok(invitation);
    assert.equal(invitation.expiresAt.getTime() - invitation.createdAt.getTime(), 72 * 3_600_000);
    const [invited] = await auditEntries(db, 'staff.invited', invitation.id);
    assert.deepEqual(invited?.details.after, {
      email: `i***@test.onewindow.tw`,
      role: 'handler',
      unitCode: 'parks',
      expiresAt: invitation.expiresAt.toISOString(),
    });

    const link = await invitationLinkFor(email);
    const newcomer = new TestBrowser(subject.app);
    const page = await newcomer.get(link);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /新進 承辦人 您好/);
    assert.equal(page.headers['referrer-policy'], 'no-referrer');
    const weak = await newcomer.post(link, {
      _csrf: csrfTokenIn(page.body),
      password: 'short',
      passwordAgain: 'other',
    });
    assert.equal(weak.statusCode, 400);
    assert.match(weak.body, /<a href="#password">密碼至少需要 12 個字元<\/a>/);
    assert.match(weak.body, /<a href="#passwordAgain">兩次輸入的密碼不一樣<\/a>/);
    assert.doesNotMatch(weak.body, /value="short"/, 'a password is never shown back');
    assert.equal((await db.select().from(staff).where(eq(staff.email, email))).length, 0);

    const password = 'a long enough passphrase 42';
    const accepted = await newcomer.submit(link, link, { password, passwordAgain: password });
    assert.equal(accepted.statusCode, 303);
    assert.equal(accepted.headers.location, '/staff/account/two-factor');
    const [member] = await db.select().from(staff).where(eq(staff.email, email));
    assert.equal(member?.role, 'handler');
    assert.equal(member?.unitCode, 'parks');
    assert.equal(member?.displayName, '新進 承辦人');
    const [used] = await db.select().from(staffInvitations).where(eq(staffInvitations.id, invitation.id));
    assert.ok(used?.acceptedAt);
    assert.equal(used?.acceptedStaffId, member?.id);
    const [acceptedEntry] = await auditEntries(db, 'staff.invitation_accepted', member?.id ?? '');
    assert.deepEqual(acceptedEntry?.details.after, { role: 'handler', unitCode: 'parks', isActive: true });
    assert.equal(acceptedEntry?.actorStaffId, member?.id);

    // Two-factor is offered (a handler may skip it), then set up with the app's code.
    const setup = await newcomer.get('/staff/account/two-factor');
    assert.equal(setup.statusCode, 200);
    assert.match(setup.body, /以後再設定，先前往員工專區/);
    const secret = (await rowOf(member?.id ?? ''))?.totpSecret ?? '';
    assert.ok(secret);
    const enrolled = await newcomer.submit('/staff/account/two-factor', '/staff/account/two-factor', {
      code: await currentCode(secret, clock),
    });
    assert.equal(enrolled.statusCode, 303);
    assert.ok((await rowOf(member?.id ?? ''))?.totpEnabledAt);

    // The link again: refused, nothing written.
    const again = new TestBrowser(subject.app);
    const reused = await again.get(link);
    assert.equal(reused.statusCode, 410);
    assert.match(reused.body, /這個邀請連結已經使用過/);
    const anonymousToken = csrfTokenIn((await again.get('/staff/sign-in')).body);
    const reusedPost = await again.post(link, { _csrf: anonymousToken, password, passwordAgain: password });
    assert.equal(reusedPost.statusCode, 410);
    assert.equal((await db.select().from(staff).where(eq(staff.email, email))).length, 1);
    const english = await again.get(`/en${link}`);
    assert.match(english.body, /This invitation link has already been used/);
    assert.equal((await again.get('/staff/invitation/not-a-token')).statusCode, 404);
  });

  it('an admin invited must set up two-factor before anything else', async () => {
    const admin = await aSignedInMember(subject, { role: 'admin' });
    const email = `${unique('new-admin')}@test.onewindow.tw`;
    await admin.submit(invitePage, invitePage, {
      email,
      displayName: '新任 管理員',
      role: 'admin',
      unitCode: '',
    });
    const link = await invitationLinkFor(email);
    const newcomer = new TestBrowser(subject.app);
    const password = 'another long passphrase 7';
    assert.equal((await newcomer.submit(link, link, { password, passwordAgain: password })).statusCode, 303);
    const setup = await newcomer.get('/staff/account/two-factor');
    assert.match(setup.body, /系統管理員必須先設定兩步驟驗證/);
    assert.doesNotMatch(setup.body, /以後再設定/);
    const elsewhere = await newcomer.get(list);
    assert.equal(elsewhere.statusCode, 303);
    assert.equal(elsewhere.headers.location, '/staff/account/two-factor');
  });

  it('resend replaces the link; revoke ends it; both audited', async () => {
    const admin = await aSignedInMember(subject, { role: 'admin' });
    const email = `${unique('resend')}@test.onewindow.tw`;
    await admin.submit(invitePage, invitePage, {
      email,
      displayName: '重寄 測試',
      role: 'counter_clerk',
      unitCode: '',
    });
    const [first] = await db.select().from(staffInvitations).where(eq(staffInvitations.email, email));
    assert.ok(first);
    const resent = await admin.submit(list, `${list}/invitations/${first.id}/resend`, {});
    assert.equal(resent.statusCode, 303);
    const rows = await db.select().from(staffInvitations).where(eq(staffInvitations.email, email));
    const second = rows.find((row) => row.id !== first.id);
    assert.ok(rows.find((row) => row.id === first.id)?.revokedAt);
    assert.ok(second && second.revokedAt === null);
    const [resentEntry] = await auditEntries(db, 'staff.invitation_resent', second.id);
    assert.deepEqual(resentEntry?.details.before, {
      invitationId: first.id,
      expiresAt: first.expiresAt.toISOString(),
    });
    const revoked = await admin.submit(list, `${list}/invitations/${second.id}/revoke`, {});
    assert.equal(revoked.statusCode, 303);
    const [revokedEntry] = await auditEntries(db, 'staff.invitation_revoked', second.id);
    assert.deepEqual(revokedEntry?.details.after, { state: 'revoked' });
    const twice = await admin.submit(list, `${list}/invitations/${second.id}/revoke`, {});
    assert.equal(twice.statusCode, 409);
    assert.match(twice.body, /這份邀請已經被接受、撤銷或重新寄送/);
    const mails = await waitUntil(
      async () => smtp.messages.filter((message) => message.envelopeTo.includes(email)),
      (found) => found.length >= 2,
      { what: 'both invitations' },
    );
    const withdrawnLink = /\/staff\/invitation\/[A-Za-z0-9_-]{43}/.exec(mails[1]?.text ?? '')?.[0] ?? '';
    const page = await new TestBrowser(subject.app).get(withdrawnLink);
    assert.equal(page.statusCode, 410);
    assert.match(page.body, /這個邀請已撤銷或已改寄新的連結/);
  });

  it('role and unit: a unit role needs a unit (400, nothing changed); a good change is audited with before and after', async () => {
    const admin = await aSignedInMember(subject, { role: 'admin' });
    const member = await aStaffMember(db, { role: 'counter_clerk' });
    const bad = await admin.submit(memberPage(member.id), memberAction(member.id, 'role'), {
      role: 'supervisor',
      unitCode: '',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /<a href="#unitCode">這個角色必須指定單位<\/a>/);
    assert.equal((await rowOf(member.id))?.role, 'counter_clerk');
    const good = await admin.submit(memberPage(member.id), memberAction(member.id, 'role'), {
      role: 'supervisor',
      unitCode: 'parks',
    });
    assert.equal(good.statusCode, 303);
    assert.equal(good.headers.location, `${memberPage(member.id)}?done=role`);
    const row = await rowOf(member.id);
    assert.equal(row?.role, 'supervisor');
    assert.equal(row?.unitCode, 'parks');
    const [entry] = await auditEntries(db, 'staff.role_changed', member.id);
    assert.deepEqual(entry?.details, {
      before: { role: 'counter_clerk', unitCode: null },
      after: { role: 'supervisor', unitCode: 'parks' },
    });
    assert.equal(entry?.actorLabel, admin.member.email);
    const shown = await admin.get(`${memberPage(member.id)}?done=role`);
    assert.match(shown.body, /角色與單位已更新/);
    // The admin's own page lists the change among their recent actions.
    const adminPage = await admin.get(memberPage(admin.member.id));
    assert.match(
      adminPage.body,
      /data-activity="actions"[\s\S]*data-action="staff.role_changed">變更員工角色或單位/,
    );
  });

  it('deactivation ends the member’s open session at once; reactivation lets them back; both audited', async () => {
    const admin = await aSignedInMember(subject, { role: 'admin' });
    const handler = await aSignedInMember(subject, { role: 'handler' });
    assert.equal((await handler.get('/staff')).statusCode, 200);
    const done = await admin.submit(
      memberPage(handler.member.id),
      memberAction(handler.member.id, 'deactivate'),
      {},
    );
    assert.equal(done.statusCode, 303);
    assert.equal((await sessionsOf(handler.member.id)).length, 0);
    const next = await handler.get('/staff');
    assert.equal(next.statusCode, 303);
    assert.match(String(next.headers.location), /^\/staff\/sign-in/);
    const [entry] = await auditEntries(db, 'staff.deactivated', handler.member.id);
    assert.deepEqual(entry?.details, { before: { isActive: true }, after: { isActive: false } });
    const signInAgain = await new TestBrowser(subject.app).submitSignIn({
      email: handler.member.email,
      password: handler.member.password,
    });
    assert.equal(signInAgain.statusCode, 401);
    const back = await admin.submit(
      memberPage(handler.member.id),
      memberAction(handler.member.id, 'reactivate'),
      {},
    );
    assert.equal(back.statusCode, 303);
    assert.equal((await rowOf(handler.member.id))?.isActive, true);
    const [reactivated] = await auditEntries(db, 'staff.reactivated', handler.member.id);
    assert.deepEqual(reactivated?.details, { before: { isActive: false }, after: { isActive: true } });
    assert.equal(
      (await signIn(subject.app, handler.member, clock).then((b) => b.get('/staff'))).statusCode,
      200,
    );
  });

  it('reset two-factor (sessions end, enrol again) and release a lockout (the address signs in again)', async () => {
    const admin = await aSignedInMember(subject, { role: 'admin' });
    const member = await aSignedInMember(subject, { role: 'handler', withTotp: true });
    const reset = await admin.submit(
      memberPage(member.member.id),
      memberAction(member.member.id, 'two-factor-reset'),
      {},
    );
    assert.equal(reset.statusCode, 303);
    const row = await rowOf(member.member.id);
    assert.equal(row?.totpEnabledAt, null);
    assert.equal(row?.totpSecret, null);
    assert.equal((await sessionsOf(member.member.id)).length, 0);
    const [resetEntry] = await auditEntries(db, 'staff.two_factor.reset', member.member.id);
    assert.deepEqual(resetEntry?.details, { before: { twoFactor: 'on' }, after: { twoFactor: 'off' } });

    const lockedOut = await aStaffMember(db, { role: 'handler' });
    const stranger = new TestBrowser(subject.app);
    for (let attempt = 0; attempt < 3; attempt += 1)
      await stranger.submitSignIn({ email: lockedOut.email, password: 'wrong password 1234' });
    const refused = await stranger.submitSignIn({ email: lockedOut.email, password: lockedOut.password });
    assert.equal(refused.statusCode, 429);
    const page = await admin.get(memberPage(lockedOut.id));
    assert.match(page.body, /陌生瀏覽器的登入鎖定至/);
    const released = await admin.submit(
      memberPage(lockedOut.id),
      memberAction(lockedOut.id, 'lockout-release'),
      {},
    );
    assert.equal(released.statusCode, 303);
    const [entry] = await auditEntries(db, 'staff.lockout_released', lockedOut.id);
    const change = entry?.details as { before: { lockedUntil: string | null }; after: { lockedUntil: null } };
    assert.equal(change.after.lockedUntil, null);
    assert.ok(change.before.lockedUntil);
    const signedIn = await stranger.submitSignIn({ email: lockedOut.email, password: lockedOut.password });
    assert.equal(signedIn.statusCode, 303);
    const twice = await admin.submit(
      memberPage(lockedOut.id),
      memberAction(lockedOut.id, 'lockout-release'),
      {},
    );
    assert.equal(twice.statusCode, 409);
    assert.match(twice.body, /這個帳號目前沒有被鎖定/);
    // The member page shows their recent sign-ins.
    const activity = await admin.get(memberPage(lockedOut.id));
    assert.match(activity.body, /data-activity="sign-ins"[\s\S]*data-action="staff.sign_in.succeeded"/);
    assert.match(activity.body, /data-action="staff.sign_in.locked"/);
  });

  it('an admin cannot remove their own admin role nor deactivate themselves (409, nothing changed); the last active admin stays', async () => {
    const admin = await aSignedInMember(subject, { role: 'admin' });
    const own = await admin.submit(memberPage(admin.member.id), memberAction(admin.member.id, 'role'), {
      role: 'handler',
      unitCode: 'parks',
    });
    assert.equal(own.statusCode, 409);
    assert.match(own.body, /您不能移除自己的系統管理員角色/);
    const self = await admin.submit(
      memberPage(admin.member.id),
      memberAction(admin.member.id, 'deactivate'),
      {},
    );
    assert.equal(self.statusCode, 409);
    assert.match(self.body, /您不能在這裡停用自己的帳號/);
    const row = await rowOf(admin.member.id);
    assert.equal(row?.role, 'admin');
    assert.equal(row?.isActive, true);
    assert.equal((await auditEntries(db, 'staff.role_changed', admin.member.id)).length, 0);

    // The last active admin (every other admin set aside for the moment), changed by someone else than
    // themselves (the command line's way): refused, whether demoted or deactivated.
    const others = await db
      .select({ id: staff.id })
      .from(staff)
      .where(and(eq(staff.role, 'admin'), eq(staff.isActive, true), ne(staff.id, admin.member.id)));
    const otherIds = others.map((other) => other.id);
    await db.update(staff).set({ isActive: false }).where(inArray(staff.id, otherIds));
    try {
      const someoneElse = await aStaffMember(db, { role: 'secretariat' });
      const request = {
        staff: { ...someoneElse, sessionId: 'none', hasTotp: false },
        auditActor: staffActor(someoneElse),
        origin: noRequestOrigin,
        now: clock.now(),
        lang: 'zh-TW' as const,
      };
      await assert.rejects(
        changeStaffRoleAndUnit(db, {
          staffId: admin.member.id,
          role: 'handler',
          unitCode: 'parks',
          acting: request,
        }),
        (error: DomainError) => error.code === 'CONFLICT' && /最後一個使用中的系統管理員/.test(error.message),
      );
      await assert.rejects(
        deactivateStaff(db, { staffId: admin.member.id, acting: request }),
        (error: DomainError) => error.code === 'CONFLICT',
      );
      assert.equal((await rowOf(admin.member.id))?.isActive, true);
    } finally {
      await db.update(staff).set({ isActive: true }).where(inArray(staff.id, otherIds));
    }
  });

  it('an expired link (72 hours later) is refused with a clear page and writes nothing', async () => {
    const admin = await aSignedInMember(subject, { role: 'admin' });
    const email = `${unique('late')}@test.onewindow.tw`;
    await admin.submit(invitePage, invitePage, {
      email,
      displayName: '遲到 測試',
      role: 'web_editor',
      unitCode: '',
    });
    const link = await invitationLinkFor(email);
    clock.advance(72 * 3_600_000 + 60_000);
    const late = new TestBrowser(subject.app);
    const page = await late.get(link);
    assert.equal(page.statusCode, 410);
    assert.match(page.body, /這個邀請連結已過期/);
    const password = 'a long enough passphrase 43';
    const anonymousToken = csrfTokenIn((await late.get('/staff/sign-in')).body);
    const posted = await late.post(link, { _csrf: anonymousToken, password, passwordAgain: password });
    assert.equal(posted.statusCode, 410);
    assert.equal((await db.select().from(staff).where(eq(staff.email, email))).length, 0);
    const [invitation] = await db.select().from(staffInvitations).where(eq(staffInvitations.email, email));
    assert.equal(invitation?.acceptedAt, null);
  });
});
