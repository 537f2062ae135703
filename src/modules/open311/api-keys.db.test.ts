import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { decode, mainOf, summaryOf } from '../../../test/helpers/html.ts';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { auditLog } from '../../platform/auth/auth-schema.ts';
import { aSignedInMember, csrfTokenIn } from '../../platform/auth/auth-test-support.ts';
import { apiKeyHash } from './api-key-rules.ts';
import { apiKeys } from './open311-schema.ts';

/** The admins' page for Open311 API keys: list, create (the key shown once), revoke after a confirmation. */
describe('the Open311 API keys page', () => {
  let subject: TestApp;
  before(async () => {
    subject = await buildTestApp();
  });
  after(() => subject.app.close());

  const keyRow = async (name: string) => {
    const [row] = await subject.database.db.select().from(apiKeys).where(eq(apiKeys.name, name));
    return row;
  };
  const auditOf = (action: string, name: string) =>
    subject.database.db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.action} = ${action} and ${auditLog.details}->>'name' = ${name}`);

  it('is on the admin’s staff home and opens in both languages', async () => {
    const admin = await aSignedInMember(subject, { role: 'admin' });
    const home = await admin.get('/staff');
    assert.match(
      home.body,
      /<li data-area="open311.api-keys"><a class="govuk-link" href="\/staff\/api-keys">/,
    );
    const page = await admin.get('/staff/api-keys');
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['cache-control'], 'no-store');
    assert.match(page.body, /<h1 class="govuk-heading-l">Open311 API 金鑰<\/h1>/);
    const english = await admin.get('/en/staff/api-keys');
    assert.match(english.body, /<h1 class="govuk-heading-l">Open311 API keys<\/h1>/);
    assert.match(english.body, /action="\/en\/staff\/api-keys"/);
  });

  it('a bad form lists every problem at once, keeps what was typed, and creates nothing', async () => {
    const admin = await aSignedInMember(subject, { role: 'admin' });
    const response = await admin.submit('/staff/api-keys', '/staff/api-keys', {
      name: 'has space',
      rate: '0',
    });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(summaryOf(response.body), [
      ['name', '名稱只能用英文字母、數字、點、連字號與底線，2 至 64 字，並以字母或數字開頭。'],
      ['rate', '每分鐘上限須為 1 至 10000 的整數。'],
    ]);
    assert.match(response.body, /name="name"[^>]*value="has space"/);
    assert.equal(await keyRow('has space'), undefined);
  });

  it('creating shows the key once, on the answer itself; the table keeps only its hash and prefix; audited', async () => {
    const admin = await aSignedInMember(subject, { role: 'admin' });
    const response = await admin.submit('/en/staff/api-keys', '/en/staff/api-keys', {
      name: 'kaohsiung-1999',
      rate: '１２０',
    });
    assert.equal(response.statusCode, 200, 'the page itself, not a redirect: the key never sits in a URL');
    const key = /<code id="new-key-value">(ow_[A-Za-z0-9_-]{32})<\/code>/.exec(response.body)?.[1];
    assert.ok(key, 'the new key is shown');
    assert.match(decode(mainOf(response.body)), /Copy it now and give it to whoever runs “kaohsiung-1999”/);
    const row = await keyRow('kaohsiung-1999');
    assert.equal(row?.keyHash, apiKeyHash(key));
    assert.equal(row?.keyPrefix, key.slice(0, 7));
    assert.equal(row?.ratePerMinute, 120);
    assert.equal(row?.createdByStaffId, admin.member.id);
    assert.match(response.body, /<tr class="govuk-table__row" data-key="kaohsiung-1999">/);

    const again = await admin.get('/en/staff/api-keys');
    assert.ok(!again.body.includes(key), 'never shown again');
    assert.ok(again.body.includes(`<code>${key.slice(0, 7)}</code>`), 'its prefix is');
    assert.match(again.body, /data-key="kaohsiung-1999">[\s\S]*?<td class="govuk-table__cell">Never<\/td>/);

    const [entry] = await auditOf('open311.api_key.created', 'kaohsiung-1999');
    assert.equal(entry?.actorLabel, admin.member.email);
    assert.deepEqual(entry?.details, {
      name: 'kaohsiung-1999',
      keyPrefix: key.slice(0, 7),
      ratePerMinute: 120,
    });
    assert.ok(!JSON.stringify(entry).includes(key), 'the key is not in the audit log');

    const duplicate = await admin.submit('/en/staff/api-keys', '/en/staff/api-keys', {
      name: 'kaohsiung-1999',
    });
    assert.equal(duplicate.statusCode, 400);
    assert.deepEqual(summaryOf(duplicate.body), [
      [
        'name',
        'There is already a key named “kaohsiung-1999” (revoked keys keep their names); choose another name.',
      ],
    ]);
  });

  it('revoking asks first, then revokes (audited); the list shows it revoked and offers it no more', async () => {
    const admin = await aSignedInMember(subject, { role: 'admin' });
    await admin.submit('/staff/api-keys', '/staff/api-keys', { name: 'old-app', rate: '' });
    const row = await keyRow('old-app');
    assert.ok(row);
    assert.equal(row.ratePerMinute, 60, 'the default rate');
    const list = await admin.get('/staff/api-keys');
    assert.ok(list.body.includes(`href="/staff/api-keys/${row.id}/revoke"`));

    const confirm = await admin.get(`/staff/api-keys/${row.id}/revoke`);
    assert.equal(confirm.statusCode, 200);
    assert.match(decode(confirm.body), /<h1 class="govuk-heading-l">撤銷金鑰「old-app」？<\/h1>/);
    assert.match(confirm.body, /govuk-button--warning/);
    assert.equal((await keyRow('old-app'))?.revokedAt, null, 'asking revokes nothing');

    const revoked = await admin.post(`/staff/api-keys/${row.id}/revoke`, {
      _csrf: csrfTokenIn(confirm.body),
    });
    assert.equal(revoked.statusCode, 303);
    assert.equal(revoked.headers.location, '/staff/api-keys?revoked=old-app');
    assert.deepEqual((await keyRow('old-app'))?.revokedAt, subject.clock.now());
    const after = await admin.get(String(revoked.headers.location));
    assert.match(decode(after.body), /已撤銷金鑰「old-app」。/);
    assert.match(after.body, /data-key="old-app">[\s\S]*?data-status="revoked"/);
    assert.ok(!after.body.includes(`/staff/api-keys/${row.id}/revoke`));
    assert.equal((await auditOf('open311.api_key.revoked', 'old-app')).length, 1);

    const twice = await admin.get(`/staff/api-keys/${row.id}/revoke`);
    assert.equal(twice.statusCode, 303, 'a revoked key goes back to the list');
    const unknown = await admin.get('/staff/api-keys/00000000-0000-4000-8000-000000000000/revoke');
    assert.equal(unknown.statusCode, 404);
    const notAnId = await admin.get('/staff/api-keys/nothing/revoke');
    assert.equal(notAnId.statusCode, 404);
  });

  it('refuses other roles, and a form without its CSRF token', async () => {
    const supervisor = await aSignedInMember(subject, { role: 'supervisor' });
    assert.equal((await supervisor.get('/staff/api-keys')).statusCode, 403);
    const editor = await aSignedInMember(subject, { role: 'web_editor' });
    assert.equal((await editor.post('/staff/api-keys', { name: 'sneaky' })).statusCode, 403);
    const admin = await aSignedInMember(subject, { role: 'admin' });
    const forged = await admin.post('/staff/api-keys', { name: 'forged-key' });
    assert.equal(forged.statusCode, 403);
    assert.equal(await keyRow('forged-key'), undefined);
    assert.equal(await keyRow('sneaky'), undefined);
  });
});
