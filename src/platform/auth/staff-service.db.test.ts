import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { buildTestApp } from '../../../test/helpers/test-app.ts';
import { DomainError } from '../http/errors.ts';
import { consumeRateLimit } from '../http/rate-limit.ts';
import { cliActor } from './audit-log.ts';
import { aStaffMember, auditEntries, signIn, TestBrowser, uniqueEmail } from './auth-test-support.ts';
import { verifyPassword } from './password.ts';
import { signInFailureKey } from './staff-email.ts';
import {
  createDemoStaff,
  createStaff,
  listStaff,
  resetStaffPassword,
  resetStaffTwoFactor,
} from './staff-service.ts';

// Top level: the test database helper's clean-up must be registered outside any hook. The demo accounts
// need a database without staff, so they get an app of their own.
const subject = await buildTestApp({ environment: { RATE_LIMIT_PER_MINUTE: '10000' } });
const empty = await buildTestApp();
after(async () => {
  await subject.app.close();
  await empty.app.close();
});
const db = subject.database.db;

/** A createStaff input that passes every rule (a web editor, a unique address); tests change what they check. */
function validStaff(
  changes: Partial<Parameters<typeof createStaff>[1]> = {},
): Parameters<typeof createStaff>[1] {
  return {
    email: uniqueEmail(),
    password: 'long enough password',
    role: 'web_editor',
    displayName: '測試員工',
    actor: cliActor,
    ...changes,
  };
}

async function problemsOf(work: Promise<unknown>): Promise<{ field: string; code: string }[]> {
  try {
    await work;
  } catch (error) {
    assert.ok(error instanceof DomainError, String(error));
    assert.equal(error.code, 'VALIDATION_FAILED');
    for (const problem of error.problems) assert.ok(problem.message.length > 0);
    return error.problems.map(({ field, code }) => ({ field, code }));
  }
  assert.fail('expected VALIDATION_FAILED');
}

describe('createStaff', () => {
  it('reports every problem at once: e-mail format, password rules, unknown role, missing name', async () => {
    const problems = await problemsOf(
      createStaff(
        db,
        validStaff({ email: 'not-an-email', password: 'short', role: 'boss', displayName: ' ' }),
      ),
    );
    assert.deepEqual(problems, [
      { field: 'email', code: 'invalid_format' },
      { field: 'displayName', code: 'required' },
      { field: 'password', code: 'too_short' },
      { field: 'role', code: 'unknown_role' },
    ]);
  });

  it('a supervisor or handler needs a unit; an unknown unit code is named', async () => {
    const noUnit = await problemsOf(createStaff(db, validStaff({ role: 'supervisor' })));
    assert.deepEqual(noUnit, [{ field: 'unitCode', code: 'required_for_role' }]);
    try {
      await createStaff(db, validStaff({ role: 'handler', unitCode: 'no-such-unit', lang: 'en' }));
      assert.fail('expected an error');
    } catch (error) {
      assert.ok(error instanceof DomainError);
      assert.deepEqual(error.problems, [
        { field: 'unitCode', code: 'unknown_unit', message: 'There is no unit with the code “no-such-unit”' },
      ]);
    }
  });

  it('the same address in other capitals or with spaces is a duplicate; the password may not be the address', async () => {
    const email = uniqueEmail('dup');
    await createStaff(db, validStaff({ email }));
    const problems = await problemsOf(
      createStaff(db, validStaff({ email: ` ${email.toUpperCase()} `, password: email })),
    );
    assert.deepEqual(problems, [
      { field: 'email', code: 'duplicate' },
      { field: 'password', code: 'same_as_email' },
    ]);
  });

  it('stores the normalised address and an argon2id hash, and audits the creation with its actor', async () => {
    const email = uniqueEmail('created');
    const created = await createStaff(db, {
      email: email.toUpperCase(),
      password: 'correct horse battery',
      role: 'handler',
      unitCode: 'parks',
      displayName: ' 黃大華 ',
      actor: cliActor,
    });
    assert.equal(created.email, email);
    assert.equal(created.displayName, '黃大華');
    assert.equal(created.unitCode, 'parks');
    assert.equal(created.hasTwoFactor, false);
    const row = await subject.database.pool.query<{ password_hash: string }>(
      'select password_hash from staff where id = $1',
      [created.id],
    );
    const hash = row.rows[0]?.password_hash ?? '';
    assert.match(hash, /^\$argon2id\$/);
    assert.equal(await verifyPassword(hash, 'correct horse battery'), true);
    assert.deepEqual(await auditEntries(db, 'staff.created', created.id), [
      { actorLabel: 'cli', actorStaffId: null, details: { email, role: 'handler', unitCode: 'parks' } },
    ]);
  });

  it('listStaff lists accounts without any secret', async () => {
    const member = await aStaffMember(db, { role: 'counter_clerk' });
    const listed = (await listStaff(db)).find((entry) => entry.id === member.id);
    assert.ok(listed);
    assert.equal(listed.email, member.email);
    assert.equal(listed.role, 'counter_clerk');
    assert.equal(listed.isActive, true);
    assert.deepEqual(Object.keys(listed).sort(), [
      'createdAt',
      'displayName',
      'email',
      'hasTwoFactor',
      'id',
      'isActive',
      'lastSignInAt',
      'role',
      'unitCode',
    ]);
  });
});

describe('resetStaffPassword and resetStaffTwoFactor', () => {
  it('a new password replaces the old one, lifts the lockout and ends the sessions; audited', async () => {
    const member = await aStaffMember(db);
    const browser = await signIn(subject.app, member, subject.clock);
    for (let failure = 0; failure < 5; failure += 1) {
      await new TestBrowser(subject.app).submitSignIn({
        email: member.email,
        password: 'wrong guess here',
      });
    }
    await resetStaffPassword(db, { email: member.email, password: 'a brand new password', actor: cliActor });
    const oldSession = await browser.get('/staff');
    assert.equal(oldSession.statusCode, 303, 'the old session is over');
    assert.equal(oldSession.headers.location, '/staff/sign-in?return=%2Fstaff');
    const failures = await subject.database.pool.query(
      'select 1 from sign_in_failures where email_hash = $1',
      [signInFailureKey(member.email)],
    );
    assert.equal(failures.rowCount, 0);
    const withOld = await new TestBrowser(subject.app).submitSignIn({
      email: member.email,
      password: member.password,
    });
    assert.equal(withOld.statusCode, 401);
    assert.match(withOld.body, /電子郵件或密碼不正確。/);
    const withNew = await new TestBrowser(subject.app).submitSignIn({
      email: member.email,
      password: 'a brand new password',
    });
    assert.equal(withNew.statusCode, 303);
    assert.equal(withNew.headers.location, '/staff');
    assert.deepEqual(
      (await auditEntries(db, 'staff.password_reset', member.id)).map((entry) => entry.actorLabel),
      ['cli'],
    );
  });

  it('an unknown address and a short password are reported together', async () => {
    const problems = await problemsOf(
      resetStaffPassword(db, { email: uniqueEmail('ghost'), password: 'short', actor: cliActor }),
    );
    assert.deepEqual(problems, [
      { field: 'staff', code: 'not_found' },
      { field: 'password', code: 'too_short' },
    ]);
  });

  it('resetting two-factor forgets the authenticator and ends the sessions; the next sign-in needs no code', async () => {
    const member = await aStaffMember(db, { withTotp: true, clock: subject.clock });
    subject.clock.advance(30_000);
    const browser = await signIn(subject.app, member, subject.clock);
    await resetStaffTwoFactor(db, { email: member.email, actor: cliActor });
    assert.equal((await browser.get('/staff')).headers.location, '/staff/sign-in?return=%2Fstaff');
    const row = await subject.database.pool.query(
      'select totp_secret, totp_enabled_at from staff where id = $1',
      [member.id],
    );
    assert.deepEqual(row.rows[0], { totp_secret: null, totp_enabled_at: null });
    const again = await signIn(subject.app, { ...member, totpSecret: null }, subject.clock);
    const home = await again.get('/staff');
    assert.equal(home.statusCode, 200);
    assert.match(home.body, new RegExp(`您以 ${member.displayName} 的身分登入`));
    assert.equal((await auditEntries(db, 'staff.two_factor.reset', member.id)).length, 1);
  });
});

describe('createDemoStaff', () => {
  it('on a database without staff: one account per role with a random 16+ character password; then never again', async () => {
    const accounts = await createDemoStaff(empty.database.db, { clock: empty.clock });
    assert.deepEqual(
      accounts.map((account) => [account.role, account.email]),
      [
        ['admin', 'admin@demo.onewindow.tw'],
        ['secretariat', 'secretariat@demo.onewindow.tw'],
        ['supervisor', 'supervisor@demo.onewindow.tw'],
        ['handler', 'handler@demo.onewindow.tw'],
        ['counter_clerk', 'counter-clerk@demo.onewindow.tw'],
        ['web_editor', 'web-editor@demo.onewindow.tw'],
        ['unit_editor', 'unit-editor@demo.onewindow.tw'],
        ['unit_head', 'unit-head@demo.onewindow.tw'],
        ['supervisor', 'supervisor-parks@demo.onewindow.tw'],
        ['handler', 'handler-parks@demo.onewindow.tw'],
        ['supervisor', 'supervisor-planning@demo.onewindow.tw'],
        ['handler', 'handler-planning@demo.onewindow.tw'],
        ['web_editor', 'web-editor-2@demo.onewindow.tw'],
      ],
    );
    for (const account of accounts) assert.ok(account.password.length >= 16, account.role);
    assert.equal(new Set(accounts.map((account) => account.password)).size, accounts.length);
    const units = new Map(
      (await listStaff(empty.database.db)).map((member) => [member.email, member.unitCode]),
    );
    assert.equal(units.get('handler@demo.onewindow.tw'), 'road-maintenance');
    assert.equal(units.get('supervisor@demo.onewindow.tw'), 'road-maintenance');
    assert.equal(units.get('handler-parks@demo.onewindow.tw'), 'parks');
    assert.equal(units.get('handler-planning@demo.onewindow.tw'), 'planning');
    assert.equal(units.get('admin@demo.onewindow.tw'), null);

    const handler = accounts.find((account) => account.role === 'handler');
    assert.ok(handler);
    const browser = await signIn(
      empty.app,
      { ...handler, id: '', displayName: '', unitCode: 'road-maintenance', totpSecret: null },
      empty.clock,
    );
    assert.match((await browser.get('/staff')).body, /示範承辦人/);

    assert.deepEqual(await createDemoStaff(empty.database.db, { clock: empty.clock }), [], 'idempotent');
    assert.deepEqual(
      (await listStaff(empty.database.db)).map((member) => member.email).sort(),
      accounts.map((account) => account.email).sort(),
      'no account added the second time',
    );
  });
});

describe('the audit log is append-only', () => {
  it('UPDATE, DELETE and TRUNCATE of audit_log fail', async () => {
    // The triggers of migrations/0001_audit_log_append_only.sql.
    await aStaffMember(db);
    const entries = async () =>
      (await subject.database.pool.query('select id, action from audit_log order by id')).rows;
    const before = await entries();
    assert.ok(before.some((entry) => entry.action === 'staff.created'));
    await assert.rejects(
      subject.database.pool.query(`update audit_log set action = 'rewritten'`),
      /audit_log is append-only: UPDATE/,
    );
    await assert.rejects(
      subject.database.pool.query('delete from audit_log'),
      /audit_log is append-only: DELETE/,
    );
    await assert.rejects(subject.database.pool.query('truncate audit_log cascade'), /append-only: TRUNCATE/);
    assert.deepEqual(await entries(), before, 'every entry is still there, unchanged');
  });
});

describe('consumeRateLimit', () => {
  it('counts atomically across concurrent callers: exactly the limit is allowed in a window', async () => {
    const now = new Date('2026-03-02T02:00:15Z');
    const key = `test:${uniqueEmail()}`;
    const results = await Promise.all(
      Array.from({ length: 12 }, () => consumeRateLimit(db, { key, limit: 5, windowSeconds: 60, now })),
    );
    assert.equal(results.filter((result) => result.allowed).length, 5);
    for (const result of results.filter((candidate) => !candidate.allowed))
      assert.equal(result.retryAfterSeconds, 45);
    const nextWindow = await consumeRateLimit(db, {
      key,
      limit: 5,
      windowSeconds: 60,
      now: new Date('2026-03-02T02:01:00Z'),
    });
    assert.deepEqual(nextWindow, { allowed: true, retryAfterSeconds: 0 });
  });
});
