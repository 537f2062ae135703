import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { cliWithTestDatabase } from '../../../test/helpers/cli.ts';
import { auditLog } from '../../platform/auth/auth-schema.ts';
import type { Database } from '../../platform/db/database.ts';
import { apiKeyHash } from './api-key-rules.ts';
import { checkApiKey } from './api-keys.ts';
import { apiKeys } from './open311-schema.ts';

/** `npx onewindow apikey:*` against a database of its own, as an operator runs it. */
describe('npx onewindow apikey:create, apikey:list, apikey:revoke', () => {
  let cli: Awaited<ReturnType<typeof cliWithTestDatabase>>['cli'];
  let db: Database;
  before(async () => {
    ({ cli, db } = await cliWithTestDatabase());
  });

  it('--help lists the three commands; create without --name exits 2', async () => {
    const help = await cli('--help');
    assert.equal(help.code, 0);
    for (const command of ['apikey:create', 'apikey:list', 'apikey:revoke'])
      assert.match(help.stdout, new RegExp(`^  ${command} `, 'm'));
    const missing = await cli('apikey:create');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /missing --name/);
  });

  it('create prints the new key alone on its last line; only its hash is stored; it verifies; audited as the CLI', async () => {
    const run = await cli('apikey:create', '--name', 'kaohsiung-1999', '--rate', '120');
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    const key = lines.at(-1) ?? '';
    assert.match(key, /^ow_[A-Za-z0-9_-]{32}$/, 'the key alone on the last line');
    assert.match(run.stdout, /Created the key "kaohsiung-1999" \(starts ow_.{4}, 120 requests a minute\)\./);
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.name, 'kaohsiung-1999'));
    assert.equal(row?.keyHash, apiKeyHash(key));
    assert.equal(row?.keyPrefix, key.slice(0, 7));
    assert.equal(row?.ratePerMinute, 120);
    assert.equal(row?.createdByStaffId, null);
    const check = await checkApiKey(db, key, new Date());
    assert.equal(check.outcome, 'valid');
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, 'open311.api_key.created'));
    assert.equal(entry?.actorLabel, 'cli');
    assert.ok(!JSON.stringify(entry).includes(key));
  });

  it('create lists every problem at once and exits 1; a name taken is a problem too', async () => {
    const bad = await cli('apikey:create', '--name', 'has space', '--rate', '0');
    assert.equal(bad.code, 1);
    const problems = [...bad.stderr.matchAll(/^ {2}- (\w+): /gm)].map((match) => match[1]);
    assert.deepEqual(problems, ['name', 'rate'], bad.stderr);
    assert.doesNotMatch(bad.stderr, /\n\s+at /, 'no stack trace');
    await cli('apikey:create', '--name', 'taken-name');
    const taken = await cli('apikey:create', '--name', 'taken-name');
    assert.equal(taken.code, 1);
    assert.match(taken.stderr, /- name: There is already a key named “taken-name”/);
    assert.equal((await db.select().from(apiKeys).where(eq(apiKeys.name, 'taken-name'))).length, 1);
  });

  it('list shows name, prefix, created, last used, revoked and rate; revoke revokes once, by name', async () => {
    const created = await cli('apikey:create', '--name', 'old-app');
    const key = created.stdout.trimEnd().split('\n').at(-1) ?? '';
    const list = await cli('apikey:list');
    assert.equal(list.code, 0);
    assert.equal(list.stdout.split('\n')[0], 'name\tprefix\tcreated\tlast used\trevoked\trate/min');
    const line = list.stdout.split('\n').find((text) => text.startsWith('old-app\t'));
    assert.match(
      line ?? '',
      new RegExp(`^old-app\\t${key.slice(0, 7)}\\t\\d{4}-\\d{2}-\\d{2}T[^\\t]+Z\\t-\\t-\\t60$`),
    );

    const revoke = await cli('apikey:revoke', '--name', 'old-app');
    assert.equal(revoke.code, 0, revoke.stderr);
    assert.match(revoke.stdout, /Revoked the key "old-app"/);
    assert.equal((await checkApiKey(db, key, new Date())).outcome, 'revoked');
    const json = JSON.parse((await cli('apikey:list', '--json')).stdout) as {
      name: string;
      revokedAt: string | null;
      keyPrefix: string;
    }[];
    const old = json.find((entry) => entry.name === 'old-app');
    assert.match(old?.revokedAt ?? '', /^\d{4}-\d{2}-\d{2}T/);
    assert.equal(json.at(-1)?.name, 'old-app', 'revoked keys listed last');
    assert.ok(!JSON.stringify(json).includes(key));

    const again = await cli('apikey:revoke', '--name', 'old-app');
    assert.equal(again.code, 1);
    assert.match(again.stderr, /The key “old-app” was already revoked\./);
    const unknown = await cli('apikey:revoke', '--name', 'nobody');
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /There is no key named “nobody”\./);
  });
});
