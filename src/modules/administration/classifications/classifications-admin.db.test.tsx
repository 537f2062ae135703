import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { decode, mainOf, summaryOf } from '../../../../test/helpers/html.ts';
import { buildTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { cliActor, noRequestOrigin, recordAudit } from '../../../platform/auth/audit-log.ts';
import { auditLog } from '../../../platform/auth/auth-schema.ts';
import { aSignedInMember } from '../../../platform/auth/auth-test-support.ts';
import {
  administrativeClassifications,
  themeClassifications,
} from '../../../platform/reference/reference-schema.ts';
import { loadClassificationFileBytes } from './classifications-service.ts';

/** Classification tables (issue 17 §6) and the audit page's filters and export (§7), one app. */
describe('classification tables and the audit log (admin)', () => {
  let subject: TestApp;
  before(async () => {
    subject = await buildTestApp();
  });
  after(() => subject.app.close());

  const upload = (scheme: string, name: string, text: string) => {
    const form = new FormData();
    form.append('scheme', scheme);
    form.append('file', new Blob([text], { type: 'text/csv' }), name);
    return form;
  };

  it('a file with errors lists each with its line, and loads nothing', async () => {
    const admin = await aSignedInMember(subject, { role: 'admin' });
    await admin.get('/staff/admin/classifications/load');
    const before = (await subject.database.db.select().from(themeClassifications)).length;
    const response = await admin.postMultipart(
      '/staff/admin/classifications/load',
      upload('theme', 'theme.csv', 'code,nameZh,parentCode\nT1,,\nT1,交通,\nT2,公園,ZZ\n'),
    );
    assert.equal(response.statusCode, 400);
    const main = decode(mainOf(response.body));
    assert.ok(main.includes('第 2 行：缺少中文名稱'), main);
    assert.ok(main.includes('第 3 行：代碼 T1 已在第 2 筆（行）使用'));
    assert.ok(main.includes('第 4 行：代碼 T2 的上層 ZZ 不在檔案中'));
    assert.ok(!main.includes('T1,'));
    assert.deepEqual(
      (await subject.database.db.select().from(themeClassifications)).filter((row) =>
        row.code.startsWith('T1'),
      ),
      [],
    );
    assert.equal((await subject.database.db.select().from(themeClassifications)).length, before);
  });

  it('a good file is previewed, then loaded on confirmation (audited), then browsable', async () => {
    const admin = await aSignedInMember(subject, { role: 'admin' });
    await admin.get('/en/staff/admin/classifications/load');
    // The scheme as kept, and two codes more: the file is the complete list.
    const existing = await subject.database.db.select().from(themeClassifications);
    const json = JSON.stringify([
      ...existing,
      { code: 'T1', nameZh: '交通', nameEn: 'Transport' },
      { code: 'T1-1', nameZh: '道路', parentCode: 'T1' },
    ]);
    const preview = await admin.postMultipart(
      '/en/staff/admin/classifications/load',
      upload('theme', 't.json', json),
    );
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /2 added/);
    assert.match(preview.body, /0 removed/);
    assert.equal(
      (await subject.database.db.select().from(themeClassifications)).length,
      existing.length,
      'nothing yet',
    );
    const sha256 = /name="sha256" value="([0-9a-f]{64})"/.exec(preview.body)?.[1] ?? '';
    const confirmed = await admin.post('/en/staff/admin/classifications/load/confirm', {
      _csrf: /name="_csrf" value="([^"]+)"/.exec(preview.body)?.[1] ?? '',
      scheme: 'theme',
      sha256,
    });
    assert.equal(confirmed.statusCode, 303);
    const page = await admin.get(confirmed.headers.location as string);
    assert.ok(
      page.body.includes(
        `${existing.length} codes before, ${existing.length + 2} now (2 added, 0 changed, 0 removed)`,
      ),
    );
    const browse = await admin.get('/staff/admin/classifications?scheme=theme&q=%E9%81%93');
    assert.match(browse.body, /data-code="T1-1"/);
    assert.doesNotMatch(browse.body, /data-code="T1"/);
    const [entry] = await subject.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'classification.loaded'));
    assert.deepEqual(entry?.details.added, { count: 2, codes: ['T1', 'T1-1'] });
    assert.deepEqual(entry?.details.before, { count: existing.length });
  });

  it('an upload the platform reader refuses is listed with the form’s other problems, in both languages', async () => {
    const admin = await aSignedInMember(subject, { role: 'admin' });
    await admin.get('/staff/admin/classifications/load');
    const form = new FormData();
    form.append('scheme', 'nonsense');
    form.append('file', new Blob([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0])]), 'codes.xlsx');
    const refused = await admin.postMultipart('/staff/admin/classifications/load', form);
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(summaryOf(refused.body), [
      ['scheme', '分類'],
      ['file', '「codes.xlsx」不是可接受的檔案類型，請改用 JSON 或 CSV 檔。'],
    ]);
    await admin.get('/en/staff/admin/classifications/load');
    const binary = await admin.postMultipart(
      '/en/staff/admin/classifications/load',
      upload('theme', 'codes.csv', 'code,nameZh\nA\u0000,甲\n'),
    );
    assert.equal(binary.statusCode, 400);
    assert.match(
      decode(binary.body),
      /“codes\.csv” is not UTF-8 text; send a JSON or CSV file saved as UTF-8\./,
    );
    const none = await admin.postMultipart('/en/staff/admin/classifications/load', upload('theme', '', ''));
    assert.deepEqual(summaryOf(none.body), [['file', 'Choose a code file']]);
  });

  it('the command line’s use case loads a file as the page does, audited as the CLI', async () => {
    const db = subject.database.db;
    const existing = await db.select().from(administrativeClassifications);
    const json = JSON.stringify([...existing, { code: 'CLI1', nameZh: '命令列測試' }]);
    const result = await loadClassificationFileBytes(db, {
      kind: 'administrative',
      bytes: Buffer.from(json),
      actor: cliActor,
      origin: noRequestOrigin,
      now: new Date(),
      lang: 'en',
    });
    assert.equal(result.after, existing.length + 1);
    const entries = await db.select().from(auditLog).where(eq(auditLog.action, 'classification.loaded'));
    const entry = entries.find((row) => row.targetId === 'administrative');
    assert.equal(entry?.actorLabel, 'cli');
    assert.deepEqual(entry?.details.added, { count: 1, codes: ['CLI1'] });
  });

  it('the audit log filters by area, actor and Taipei dates, and exports the same rows as CSV', async () => {
    const admin = await aSignedInMember(subject, { role: 'admin' });
    const db = subject.database.db;
    const actor = { staffId: null, label: 'filter-test@test.onewindow.tw' };
    await recordAudit(db, {
      occurredAt: new Date('2026-01-10T03:00:00Z'),
      actor,
      action: 'unit.updated',
      target: { type: 'unit', id: '=HYPERLINK(1)' },
      details: { before: { phone: '07-1' }, after: { phone: '=cmd' } },
    });
    await recordAudit(db, { occurredAt: new Date('2026-01-12T03:00:00Z'), actor, action: 'unit.updated' });
    await recordAudit(db, { occurredAt: new Date('2026-01-10T04:00:00Z'), actor, action: 'staff.created' });
    const query = `area=unit&actor=${encodeURIComponent(actor.label)}&from=2026-01-10&to=115/1/10`;
    const page = await admin.get(`/staff/audit?${query}`);
    assert.equal(page.statusCode, 200);
    const main = mainOf(page.body);
    assert.equal(main.match(/data-action="unit\.updated"/g)?.length, 1);
    assert.doesNotMatch(main, /data-action="staff\.created"/);
    assert.match(decode(main), /修改前: <code>07-1<\/code>/);
    const csv = await admin.get(`/staff/audit.csv?${query}`);
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    assert.ok(csv.body.startsWith('\uFEFF時間（臺北）,'));
    const lines = csv.body.trim().split('\r\n');
    assert.equal(lines.length, 2);
    assert.match(lines[1] ?? '', /^2026-01-10 11:00:00,filter-test@test\.onewindow\.tw,unit\.updated,/);
    assert.match(lines[1] ?? '', /,unit,'=HYPERLINK\(1\),/);
    const exported = await db.select().from(auditLog).where(eq(auditLog.action, 'audit_log.exported'));
    assert.equal(exported.at(-1)?.actorLabel, admin.member.email);
    const bad = await admin.get('/staff/audit?from=2026-13-01&to=x');
    assert.equal(bad.statusCode, 400);
    assert.match(decode(bad.body), /請輸入正確的日期/);
  });

  it('refuses every other role on every route', async () => {
    for (const role of ['secretariat', 'handler'] as const) {
      const member = await aSignedInMember(subject, { role, unitCode: 'secretariat' });
      for (const url of [
        '/staff/admin/classifications',
        '/staff/admin/classifications/load',
        '/staff/audit',
        '/staff/audit.csv',
      ])
        assert.equal((await member.get(url)).statusCode, 403, `${role} ${url}`);
      const home = await member.get('/staff');
      const token = /name="_csrf" value="([^"]+)"/.exec(home.body)?.[1] ?? '';
      const posted = await member.post('/staff/admin/classifications/load/confirm', {
        _csrf: token,
        scheme: 'theme',
        sha256: 'f'.repeat(64),
      });
      assert.equal(posted.statusCode, 403, role);
      const uploaded = await member.postMultipart(
        '/staff/admin/classifications/load',
        upload('theme', 't.csv', 'code,nameZh\nX,甲\n'),
      );
      assert.equal(uploaded.statusCode, 403, role);
    }
  });
});
