import { type JobResult, type JobWithMetadata, PgBoss } from 'pg-boss';
import type { DatabaseOrTransaction } from '../db/database.ts';
import { executePreparedText } from '../db/prepared-sql.ts';
import { newTimeOrderedId } from '../db/time-ordered-id.ts';
import { safeErrorMessage } from '../http/log-safety.ts';
import { minimumRetryDelaySeconds, type Queue } from './queues.ts';

export { defineQueue, minimumRetryDelaySeconds, type Queue } from './queues.ts';

/**
 * Background jobs on pg-boss: queues in PostgreSQL, claimed with `FOR UPDATE SKIP LOCKED`, so any
 * number of app processes on one database share the work and each job runs in one of them at a time.
 *
 * The outbox rule: a job is sent with the caller's transaction (`send(queue, data, { tx })`), so it
 * exists exactly when the change that asked for it commits. A rolled-back change leaves no job.
 *
 * pg-boss installs and upgrades its own tables (schema `pgboss`) at start, inside a transaction that
 * holds an advisory lock keyed on the database and schema: processes starting together wait for one
 * another, and the later ones find the work done. No migration of ours is involved.
 */

export interface SendOptions {
  /**
   * The caller's transaction: the job row is written in it and commits or rolls back with the change.
   * Pass the database handle only for a job that belongs to no change.
   */
  tx: DatabaseOrTransaction;
  /** With an 'exclusive' queue: no second job for this key while one is queued or running. */
  singletonKey?: string;
  /** Not before this time (e.g. a reminder two working days before a deadline). */
  startAfter?: Date;
}

/**
 * What a handler gets. Throwing fails this attempt; pg-boss retries it by the queue's policy. The error
 * message is stored on the job (pgboss.job.output): keep personal data out of it.
 */
export interface JobContext<Data> {
  id: string;
  data: Data;
  /** 1 for the first attempt. */
  attempt: number;
  /** This attempt is the last one the queue allows: a failure now is final. */
  isLastAttempt: boolean;
  /** If this attempt fails and another follows: the earliest time pg-boss will start it. */
  nextAttemptNotBefore(now: Date): Date | null;
}

export interface WorkOptions {
  /** Workers polling this queue in one process (each runs its batch one job at a time). Default 1. */
  concurrency?: number;
  /** Jobs one worker claims per fetch. Default 5. */
  batchSize?: number;
}

/** pino-shaped; the app's logger fits. Only pg-boss's own errors and warnings arrive here (no job data). */
export interface JobsLog {
  warn(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

export interface JobsOptions {
  connectionString: string;
  /** Default 'pgboss'. */
  schema?: string;
  /** Connections of pg-boss's own pool, on top of the app's DATABASE_POOL_MAX. Default 4. */
  poolMax?: number;
  /** How often an idle worker looks for jobs (pg-boss allows ≥ 0.5 s). Default 2. */
  pollingIntervalSeconds?: number;
  log?: JobsLog;
}

export interface Jobs {
  readonly schema: string;
  /** Installs or upgrades pg-boss's tables (under its advisory lock) and starts maintenance. Idempotent. */
  start(): Promise<void>;
  /** Stops taking jobs, lets running handlers finish (up to timeoutMs), closes pg-boss's pool. */
  stop(options?: { timeoutMs?: number }): Promise<void>;
  /** Creates the queue or brings its stored policy in line with the definition. */
  ensureQueue(queue: Queue<object>): Promise<void>;
  /** Returns the job id, or null when an 'exclusive' queue already holds a job with this singletonKey. */
  send<Data extends object>(queue: Queue<Data>, data: Data, options: SendOptions): Promise<string | null>;
  /** Starts polling the queue in this process. Call after the app is built (main.ts), never in the CLI. */
  work<Data extends object>(
    queue: Queue<Data>,
    handler: (job: JobContext<Data>) => Promise<void>,
    options?: WorkOptions,
  ): Promise<void>;
}

const silentLog: JobsLog = { warn: () => {}, error: () => {} };

/**
 * Makes the jobs handle. Nothing connects until start() (or the first send/work, which start it):
 * tests can hand every app a handle for free.
 */
export function createJobs(options: JobsOptions): Jobs {
  const schema = options.schema ?? 'pgboss';
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  const log = options.log ?? silentLog;
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema,
    max: options.poolMax ?? 4,
  });
  // The app's logger serializes `err` without its data (platform/http/log-safety.ts).
  boss.on('error', (error: Error) => log.error({ err: error }, 'jobs: pg-boss error'));
  boss.on('warning', (warning: { message: string }) =>
    log.warn({ warning: warning.message }, 'jobs: pg-boss warning'),
  );

  let starting: Promise<void> | null = null;
  let isStopped = false;
  const ensured = new Map<string, Promise<void>>();

  const start = (): Promise<void> => {
    if (isStopped) return Promise.reject(new Error('jobs: already stopped'));
    starting ??= boss.start().then(() => undefined);
    return starting;
  };

  const applyQueue = async (queue: Queue<object>): Promise<void> => {
    await start();
    const policy = {
      retryLimit: queue.retryLimit,
      retryDelay: queue.retryDelaySeconds,
      retryBackoff: queue.retryBackoff,
      ...(queue.retryBackoff && queue.retryDelayMaxSeconds !== undefined
        ? { retryDelayMax: queue.retryDelayMaxSeconds }
        : {}),
      ...(queue.expireInSeconds !== undefined ? { expireInSeconds: queue.expireInSeconds } : {}),
    };
    // createQueue leaves an existing queue as it is; updateQueue makes its retry policy the code's.
    await boss.createQueue(queue.name, { ...policy, policy: queue.policy ?? 'standard' });
    await boss.updateQueue(queue.name, policy);
  };

  /** Once per process and queue, before the first send or work. */
  const ensureOnce = (queue: Queue<object>): Promise<void> => {
    let pending = ensured.get(queue.name);
    if (!pending) {
      pending = applyQueue(queue);
      ensured.set(queue.name, pending);
      pending.catch(() => ensured.delete(queue.name));
    }
    return pending;
  };

  async function send<Data extends object>(
    queue: Queue<Data>,
    data: Data,
    sendOptions: SendOptions,
  ): Promise<string | null> {
    await ensureOnce(queue);
    return boss.send(queue.name, data, {
      // Its INSERT runs in the caller's transaction, as a statement prepared once per connection.
      db: { executeSql: (text, values) => executePreparedText(sendOptions.tx, text, values ?? []) },
      // Time-ordered, as a case's id (ADR 0022): the job table's key grows at its right edge.
      id: newTimeOrderedId(),
      ...(sendOptions.singletonKey !== undefined ? { singletonKey: sendOptions.singletonKey } : {}),
      ...(sendOptions.startAfter !== undefined ? { startAfter: sendOptions.startAfter } : {}),
    });
  }

  async function work<Data extends object>(
    queue: Queue<Data>,
    handler: (job: JobContext<Data>) => Promise<void>,
    workOptions: WorkOptions = {},
  ): Promise<void> {
    await ensureOnce(queue);
    await boss.work(
      queue.name,
      {
        includeMetadata: true,
        perJobResults: true,
        batchSize: workOptions.batchSize ?? 5,
        // A full batch means more is waiting: fetch again at once instead of after the polling interval.
        burstWhenBatchFull: true,
        pollingIntervalSeconds,
        localConcurrency: workOptions.concurrency ?? 1,
      },
      async (batch: JobWithMetadata<Data>[]) => {
        const results: JobResult[] = [];
        // One after another: each job's failure is its own (retried alone), not the batch's.
        for (const job of batch) {
          try {
            await handler(jobContext(job));
            results.push({ id: job.id, status: 'completed' });
          } catch (error) {
            results.push({
              id: job.id,
              status: 'failed',
              // Kept in pg-boss's table: the message without a failed query's parameters (log-safety.ts).
              output: { message: safeErrorMessage(error instanceof Error ? error.message : String(error)) },
            });
          }
        }
        return results;
      },
    );
  }

  return {
    schema,
    start,
    async stop(stopOptions = {}) {
      if (isStopped) return;
      isStopped = true;
      if (starting === null) return;
      await starting.catch(() => {});
      await boss.stop({ graceful: true, close: true, timeout: stopOptions.timeoutMs ?? 8000 });
    },
    async ensureQueue(queue) {
      const applied = applyQueue(queue);
      ensured.set(queue.name, applied);
      await applied;
    },
    send,
    work,
  };
}

function jobContext<Data>(job: JobWithMetadata<Data>): JobContext<Data> {
  return {
    id: job.id,
    data: job.data,
    attempt: job.retryCount + 1,
    isLastAttempt: job.retryCount >= job.retryLimit,
    nextAttemptNotBefore(now) {
      if (job.retryCount >= job.retryLimit) return null;
      return new Date(now.getTime() + minimumRetryDelaySeconds(job) * 1000);
    },
  };
}

/**
 * For an app built without a jobs handle (a test that needs no background work): any use fails loudly
 * instead of silently dropping the job.
 */
export const jobsUnavailable: Jobs = {
  schema: 'pgboss',
  start: async () => {},
  stop: async () => {},
  ensureQueue: () => Promise.reject(new Error('This app was built without jobs (pass `jobs` to buildApp).')),
  send: () => Promise.reject(new Error('This app was built without jobs (pass `jobs` to buildApp).')),
  work: () => Promise.reject(new Error('This app was built without jobs (pass `jobs` to buildApp).')),
};
