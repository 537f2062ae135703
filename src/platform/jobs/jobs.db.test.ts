import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/helpers/test-database.ts';
import { createTestJobs } from '../../../test/helpers/test-jobs.ts';
import { waitUntil } from '../../../test/helpers/wait-until.ts';
import { createDatabase } from '../db/database.ts';
import { createJobs, defineQueue, type JobContext, type Jobs, type Queue } from './jobs.ts';

/** A queue that never retries, unless the test says otherwise. */
function queueWithoutRetries<Data extends object>(
  name: string,
  changes: Pick<Queue<Data>, 'policy'> = {},
): Queue<Data> {
  return defineQueue<Data>({ name, retryLimit: 0, retryDelaySeconds: 0, retryBackoff: false, ...changes });
}

describe('jobs (pg-boss)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  // Two handles on one database: two app processes.
  let first: Jobs;
  let second: Jobs;

  before(async () => {
    database = await createTestDatabase();
    first = createTestJobs(database.connectionString);
    second = createTestJobs(database.connectionString);
  });
  after(async () => {
    await Promise.all([first.stop(), second.stop()]);
  });

  const jobRows = async (queue: string) =>
    (
      await database.pool.query<{ state: string; retry_count: number; data: unknown }>(
        'select state, retry_count, data from pgboss.job where name = $1 order by created_on',
        [queue],
      )
    ).rows;

  it('two processes starting together on a fresh database install the pgboss schema once', async () => {
    const before = await database.pool.query(
      "select count(*)::int as count from information_schema.schemata where schema_name = 'pgboss'",
    );
    assert.equal(before.rows[0].count, 0);
    await Promise.all([first.start(), second.start()]);
    const versions = await database.pool.query<{ version: number }>('select version from pgboss.version');
    assert.equal(versions.rows.length, 1);
    assert.ok(versions.rows[0] && versions.rows[0].version > 0);
  });

  it('a job sent in a transaction that rolls back does not exist; one that commits does', async () => {
    const queue = queueWithoutRetries<{ n: number }>('test.outbox');
    await assert.rejects(
      database.db.transaction(async (tx) => {
        const id = await first.send(queue, { n: 1 }, { tx });
        assert.match(id ?? '', /^[0-9a-f-]{36}$/);
        throw new Error('the change fails');
      }),
      /the change fails/,
    );
    assert.deepEqual(await jobRows('test.outbox'), []);
    await database.db.transaction(async (tx) => {
      await first.send(queue, { n: 2 }, { tx });
      // Not visible outside the transaction before it commits.
      const outside = await database.pool.query(
        "select count(*)::int as count from pgboss.job where name = 'test.outbox'",
      );
      assert.equal(outside.rows[0].count, 0);
    });
    assert.deepEqual(
      (await jobRows('test.outbox')).map((row) => row.data),
      [{ n: 2 }],
    );
  });

  it('a job sent in a transaction gets a time-ordered id, and its insert is prepared once on the connection (ADR 0022)', async () => {
    const queue = queueWithoutRetries<{ n: number }>('test.prepared');
    const before = Date.now();
    const ids: (string | null)[] = [];
    // One connection for the three transactions, as a busy pool reuses its connections.
    const single = createDatabase({
      connectionString: database.connectionString,
      maxConnections: 1,
      idleTimeoutMs: 1000,
      connectionTimeoutMs: 5000,
      statementTimeoutMs: 15_000,
    });
    const runs: Map<string, number>[] = [];
    try {
      for (let n = 0; n < 3; n += 1)
        await single.db.transaction(async (tx) => {
          ids.push(await first.send(queue, { n }, { tx }));
          const prepared = await tx.execute(
            sql`select name, generic_plans + custom_plans as runs from pg_prepared_statements
                where name like 'ow_sql_%' and statement ilike '%insert into%'`,
          );
          runs.push(new Map(prepared.rows.map((row) => [String(row.name), Number(row.runs)])));
        });
    } finally {
      await single.close();
    }
    // The same named statement, run once more by each send.
    assert.equal(runs[0]?.size, 1, 'the first send prepared the insert');
    const [name] = [...(runs[0]?.keys() ?? [])];
    assert.deepEqual(
      runs.map((each) => each.get(name ?? '')),
      [1, 2, 3],
    );
    for (const id of ids) {
      assert.match(id ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const millis = Number.parseInt((id ?? '').replaceAll('-', '').slice(0, 12), 16);
      assert.ok(millis >= before && millis <= Date.now(), 'its first 48 bits are the time it was sent');
    }
    assert.deepEqual(
      (await jobRows('test.prepared')).map((row) => row.data),
      [{ n: 0 }, { n: 1 }, { n: 2 }],
    );
  });

  it('the queue policy is stored as defined (retries, back-off), and a changed definition updates it', async () => {
    const queue = defineQueue<{ n: number }>({
      name: 'test.policy',
      retryLimit: 5,
      retryDelaySeconds: 30,
      retryBackoff: true,
      retryDelayMaxSeconds: 3600,
      expireInSeconds: 300,
    });
    await first.ensureQueue(queue);
    const read = async () =>
      (
        await database.pool.query(
          "select policy, retry_limit, retry_delay, retry_backoff, retry_delay_max, expire_seconds from pgboss.queue where name = 'test.policy'",
        )
      ).rows[0];
    assert.deepEqual(await read(), {
      policy: 'standard',
      retry_limit: 5,
      retry_delay: 30,
      retry_backoff: true,
      retry_delay_max: 3600,
      expire_seconds: 300,
    });
    await second.ensureQueue({ ...queue, retryLimit: 3 });
    assert.equal((await read()).retry_limit, 3);
  });

  it("an 'exclusive' queue keeps one job per singletonKey; a 'standard' one does not deduplicate", async () => {
    const exclusive = queueWithoutRetries<{ n: number }>('test.exclusive', { policy: 'exclusive' });
    const standard = queueWithoutRetries<{ n: number }>('test.standard', { policy: 'standard' });
    const firstId = await first.send(
      exclusive,
      { n: 1 },
      { tx: database.db, singletonKey: 'case-1:reminder' },
    );
    const again = await second.send(
      exclusive,
      { n: 2 },
      { tx: database.db, singletonKey: 'case-1:reminder' },
    );
    const otherKey = await second.send(
      exclusive,
      { n: 3 },
      { tx: database.db, singletonKey: 'case-2:reminder' },
    );
    assert.ok(firstId);
    assert.equal(again, null);
    assert.ok(otherKey);
    assert.deepEqual(
      (await jobRows('test.exclusive')).map((row) => row.data),
      [{ n: 1 }, { n: 3 }],
      'the second job of case-1 was not added',
    );
    await first.send(standard, { n: 1 }, { tx: database.db, singletonKey: 'k' });
    await first.send(standard, { n: 2 }, { tx: database.db, singletonKey: 'k' });
    assert.deepEqual(
      (await jobRows('test.standard')).map((row) => row.data),
      [{ n: 1 }, { n: 2 }],
    );
  });

  it('workers in two processes share a queue: each job runs exactly once', async () => {
    const queue = queueWithoutRetries<{ n: number }>('test.shared');
    const seen: { by: string; n: number }[] = [];
    const handler = (by: string) => async (job: JobContext<{ n: number }>) => {
      seen.push({ by, n: job.data.n });
      await new Promise((resolve) => setTimeout(resolve, 20));
    };
    await database.db.transaction(async (tx) => {
      for (let n = 1; n <= 30; n++) await first.send(queue, { n }, { tx });
    });
    await first.work(queue, handler('first'), { concurrency: 2 });
    await second.work(queue, handler('second'), { concurrency: 2 });
    await waitUntil(
      async () => (await jobRows('test.shared')).filter((row) => row.state === 'completed').length,
      (count) => count === 30,
      { what: '30 completed jobs' },
    );
    assert.deepEqual(
      seen.map((entry) => entry.n).toSorted((a, b) => a - b),
      Array.from({ length: 30 }, (_, index) => index + 1),
    );
    assert.ok(seen.some((entry) => entry.by === 'first'));
    assert.ok(seen.some((entry) => entry.by === 'second'));
  });

  it('a failing handler is retried with back-off up to retryLimit, told which attempt is the last', async () => {
    const queue = defineQueue<{ failTimes: number }>({
      name: 'test.retry',
      retryLimit: 2,
      retryDelaySeconds: 1,
      retryBackoff: true,
      retryDelayMaxSeconds: 1,
    });
    const attempts: { attempt: number; isLastAttempt: boolean; at: number }[] = [];
    await first.work(queue, async (job) => {
      attempts.push({ attempt: job.attempt, isLastAttempt: job.isLastAttempt, at: Date.now() });
      if (job.attempt <= job.data.failTimes) throw new Error(`failure ${job.attempt}`);
    });
    await first.send(queue, { failTimes: 9 }, { tx: database.db });
    const rows = await waitUntil(
      () => jobRows('test.retry'),
      (current) => current[0]?.state === 'failed',
      { what: 'the job to fail for good', timeoutMs: 15_000 },
    );
    assert.equal(rows[0]?.retry_count, 2);
    assert.deepEqual(
      attempts.map(({ attempt, isLastAttempt }) => ({ attempt, isLastAttempt })),
      [
        { attempt: 1, isLastAttempt: false },
        { attempt: 2, isLastAttempt: false },
        { attempt: 3, isLastAttempt: true },
      ],
    );
    // Back-off: at least retryDelay (1 s) between attempts.
    for (let index = 1; index < attempts.length; index++) {
      const gap = (attempts[index]?.at ?? 0) - (attempts[index - 1]?.at ?? 0);
      assert.ok(gap >= 900, `gap ${gap} ms`);
    }
  });

  it('stop() is idempotent and a stopped handle refuses new work', async () => {
    const extra = createJobs({ connectionString: database.connectionString, poolMax: 1 });
    await extra.start();
    await extra.stop();
    await extra.stop();
    await assert.rejects(extra.start(), /already stopped/);
  });
});
