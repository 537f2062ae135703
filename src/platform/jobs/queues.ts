/** Queues and their retry policies: plain data, defined by each module beside the work it queues. */

/** A queue and its retry policy; the type parameter is the job's data (JSON). Make one with defineQueue. */
export interface Queue<Data extends object> {
  name: string;
  /** Retries after the first attempt; then the job stays failed. */
  retryLimit: number;
  /** Seconds before the first retry (with back-off: doubled for each further retry, plus jitter). */
  retryDelaySeconds: number;
  retryBackoff: boolean;
  /** Longest wait between two retries, with back-off. */
  retryDelayMaxSeconds?: number;
  /** How long one attempt may run before pg-boss counts it as failed (and retries it). Default 15 min. */
  expireInSeconds?: number;
  /**
   * 'standard': every send makes a job. 'exclusive': at most one job per `singletonKey` is queued,
   * waiting for a retry or running; a second send with the same key returns null. Use it for "never
   * twice" (one reminder per case and deadline). Under 'standard' a singletonKey deduplicates nothing.
   */
  policy?: 'standard' | 'exclusive';
  /** Phantom: ties send() and work() to the same data type. */
  readonly __data?: Data;
}

export function defineQueue<Data extends object>(queue: Omit<Queue<Data>, '__data'>): Queue<Data> {
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(queue.name)) throw new Error(`Bad queue name: ${queue.name}`);
  return Object.freeze({ ...queue });
}

/**
 * The shortest wait pg-boss applies before the next attempt (its formula without the jitter, which
 * adds up to as much again): retryDelay, or with back-off retryDelay × 2^retryCount, capped.
 */
export function minimumRetryDelaySeconds(job: {
  retryCount: number;
  retryDelay: number;
  retryBackoff: boolean;
  retryDelayMax?: number | null;
}): number {
  if (!job.retryBackoff) return job.retryDelay;
  const base = Math.max(job.retryDelay, 1) * 2 ** Math.min(16, job.retryCount);
  return job.retryDelayMax === undefined || job.retryDelayMax === null
    ? base
    : Math.min(job.retryDelayMax, base);
}
