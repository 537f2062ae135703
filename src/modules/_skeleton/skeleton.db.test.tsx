import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { auditLog } from '../../platform/auth/auth-schema.ts';
import { aSignedInMember, csrfTokenIn } from '../../platform/auth/auth-test-support.ts';
import { modules } from '../index.ts';
import { skeletonModule } from './index.ts';

/**
 * The module recipe, proved: the app built with one more module in its list (the one line a new module
 * adds) shows the module's area on the staff home and serves its page, with the forms kit's behaviour.
 */
describe('a module added by the recipe (the skeleton)', () => {
  let subject: TestApp;
  before(async () => {
    subject = await buildTestApp({ modules: [...modules, skeletonModule] });
  });
  after(() => subject.app.close());

  it('appears on the admin’s staff home, and its page opens in both languages', async () => {
    const browser = await aSignedInMember(subject, { role: 'admin' });
    const home = await browser.get('/staff');
    assert.match(
      home.body,
      /<li data-area="skeleton.page"><a class="govuk-link" href="\/staff\/skeleton">範例工作區/,
    );
    const page = await browser.get('/staff/skeleton');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1 class="govuk-heading-l">範例工作區<\/h1>/);
    const english = await browser.get('/en/staff/skeleton');
    assert.match(english.body, /<h1 class="govuk-heading-l">Example area<\/h1>/);
  });

  it('a bad form lists every problem at once, linked to its field, keeps what was typed, and writes nothing', async () => {
    const browser = await aSignedInMember(subject, { role: 'admin' });
    const response = await browser.submit('/staff/skeleton', '/staff/skeleton', {
      name: '',
      days: 'x'.repeat(5),
      note: '中正路 🙂',
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /<title>錯誤：/);
    assert.match(response.body, /<a href="#name">請填寫名稱<\/a>/);
    assert.match(response.body, /<a href="#days">天數最多 4 個字（現為 5 個字）<\/a>/);
    assert.match(response.body, /<textarea[^>]*name="note"[^>]*>中正路 🙂<\/textarea>/);
    const rule = await browser.submit('/staff/skeleton', '/staff/skeleton', { name: '中正路', days: '99' });
    assert.equal(rule.statusCode, 400);
    assert.match(rule.body, /<a href="#days">天數須為 1 到 30 的整數<\/a>/);
    assert.match(rule.body, /value="中正路"/);
    const written = await subject.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'skeleton.received'));
    assert.equal(written.length, 0);
  });

  it('a good form does the work (audited), then the page says so', async () => {
    const browser = await aSignedInMember(subject, { role: 'admin' });
    const response = await browser.submit('/en/staff/skeleton', '/en/staff/skeleton', {
      name: 'Pavement',
      days: '１２',
    });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/en/staff/skeleton?done=1');
    const page = await browser.get('/en/staff/skeleton?done=1');
    assert.match(page.body, /Received, thank you\./);
    const [entry] = await subject.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'skeleton.received'));
    assert.deepEqual(entry?.details, { days: 12 });
    assert.equal(entry?.actorLabel, browser.member.email);
  });

  it('refuses a role the route does not name, and a form without its CSRF token', async () => {
    const browser = await aSignedInMember(subject, { role: 'handler' });
    const page = await browser.get('/staff/skeleton');
    assert.equal(page.statusCode, 403);
    const adminBrowser = await aSignedInMember(subject, { role: 'admin' });
    const form = await adminBrowser.get('/staff/skeleton');
    assert.ok(csrfTokenIn(form.body));
    const forged = await adminBrowser.post('/staff/skeleton', { name: 'x', days: '3' });
    assert.equal(forged.statusCode, 403);
  });
});
