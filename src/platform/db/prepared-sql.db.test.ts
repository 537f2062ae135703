import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/helpers/test-database.ts';
import type { DatabaseOrTransaction } from './database.ts';
import {
  executePrepared,
  maxStatementsPerConnection,
  preparedPerHandle,
  statementName,
} from './prepared-sql.ts';

/** executePrepared: named statements on the transaction's connection, at most a few dozen kept per connection. */
describe('executePrepared', () => {
  let handle: Awaited<ReturnType<typeof createTestDatabase>>;
  before(async () => {
    handle = await createTestDatabase();
  });
  after(() => handle.close());

  const ours = async (tx: DatabaseOrTransaction) =>
    (
      await tx.execute<{ name: string }>(
        sql`select name from pg_prepared_statements where name like 'ow_sql_%' order by name`,
      )
    ).rows.map((row) => row.name);

  it('names a statement by its text, reuses it, and deallocates the least recently used beyond the cap', async () => {
    await handle.db.transaction(async (tx) => {
      const statement = (number: number) => sql`select ${sql.raw(String(number))}::int + ${1}::int as value`;
      const first = await executePrepared<{ value: number }>(tx, statement(0));
      assert.equal(first.rows[0]?.value, 1);
      await executePrepared(tx, statement(0));
      const zeroName = statementName('select 0::int + $1::int as value');
      assert.deepEqual(await ours(tx), [zeroName]);
      for (let number = 1; number <= maxStatementsPerConnection + 5; number += 1) {
        const result = await executePrepared<{ value: number }>(tx, statement(number));
        assert.equal(result.rows[0]?.value, number + 1);
      }
      const kept = await ours(tx);
      assert.equal(kept.length, maxStatementsPerConnection);
      assert.ok(!kept.includes(zeroName), 'the least recently used is gone');
      assert.ok(
        kept.includes(statementName(`select ${maxStatementsPerConnection + 5}::int + $1::int as value`)),
      );
      // A deallocated statement runs again (parsed anew).
      assert.equal((await executePrepared<{ value: number }>(tx, statement(0))).rows[0]?.value, 1);
    });
  });

  it('runs unnamed on the pool, outside a transaction', async () => {
    const result = await executePrepared<{ value: number }>(handle.db, sql`select ${41}::int + 1 as value`);
    assert.equal(result.rows[0]?.value, 42);
  });
});

describe('preparedPerHandle', () => {
  let handle: Awaited<ReturnType<typeof createTestDatabase>>;
  before(async () => {
    handle = await createTestDatabase();
  });
  after(() => handle.close());

  it('prepares once per handle, and each execution takes its own values', async () => {
    let made = 0;
    const plusOne = preparedPerHandle((db) => {
      made += 1;
      return db
        .select({ value: sql<number>`${sql.placeholder('number')}::int + 1` })
        .from(sql`(select 1) as one`)
        .prepare('test_plus_one');
    });
    const [two, three] = await Promise.all([
      plusOne(handle.db).execute({ number: 1 }),
      plusOne(handle.db).execute({ number: 2 }),
    ]);
    assert.deepEqual([two[0]?.value, three[0]?.value], [2, 3]);
    assert.equal(made, 1, 'the pool’s statement built once');
    await handle.db.transaction(async (tx) => {
      const [ten] = await plusOne(tx).execute({ number: 9 });
      assert.equal(ten?.value, 10);
    });
    assert.equal(made, 2, 'a transaction gets its own');
  });
});
