/**
 * A short-lived cache of whole answers, for the public reads that clients poll (the Open311 request list and
 * updates, the reports' GeoJSON box that every visitor of /reports asks first): the same address asked again
 * within `seconds` gets the same bytes without a query. Per process and bounded twice — by count and by bytes
 * (answers are up to a megabyte; a client varying the query must not be able to grow the process) — the
 * oldest entry going first; only successful answers. A new report shows up at most `seconds` late, which a
 * polling client cannot tell from its own polling interval. 0 seconds: no cache.
 *
 * Answers are kept as bytes (a Buffer), so a hit is sent as it is, without encoding a string again.
 */
export interface CachedAnswer {
  body: Buffer;
  contentType: string;
}

export interface AnswerCache {
  get(key: string, now: number): CachedAnswer | undefined;
  /** Keeps the answer (as bytes) and returns them, to send. */
  set(key: string, answer: { body: string | Buffer; contentType: string }, now: number): Buffer;
  /**
   * The answer for `key`: the kept one; else the one being computed for it right now; else `compute`s (then
   * kept). `shared` says it was not computed for this request. A failure reaches every request that waited
   * for it and nothing is kept.
   */
  fill(
    key: string,
    now: () => number,
    compute: () => Promise<{ body: string | Buffer; contentType: string }>,
  ): Promise<CachedAnswer & { shared: boolean }>;
  /** Bytes held now. */
  readonly size: number;
}

export function createAnswerCache(
  seconds: number,
  limits: { maxEntries?: number; maxBytes?: number } = {},
): AnswerCache {
  const maxEntries = limits.maxEntries ?? 256;
  const maxBytes = limits.maxBytes ?? 32 * 1024 * 1024;
  const entries = new Map<string, CachedAnswer & { until: number }>();
  const computing = new Map<string, Promise<CachedAnswer>>();
  let bytes = 0;
  const drop = (key: string) => {
    const entry = entries.get(key);
    if (entry === undefined) return;
    bytes -= entry.body.length;
    entries.delete(key);
  };
  const cache: AnswerCache = {
    get(key, now) {
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      if (entry.until <= now) {
        drop(key);
        return undefined;
      }
      return entry;
    },
    set(key, answer, now) {
      const body = typeof answer.body === 'string' ? Buffer.from(answer.body) : answer.body;
      if (seconds <= 0 || body.length > maxBytes / 4) return body;
      drop(key);
      entries.set(key, { body, contentType: answer.contentType, until: now + seconds * 1000 });
      bytes += body.length;
      while (entries.size > maxEntries || bytes > maxBytes) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        drop(oldest);
      }
      return body;
    },
    async fill(key, now, compute) {
      const kept = cache.get(key, now());
      if (kept !== undefined) return { ...kept, shared: true };
      const running = computing.get(key);
      if (running !== undefined) return { ...(await running), shared: true };
      const computed = (async () => {
        const answer = await compute();
        return { body: cache.set(key, answer, now()), contentType: answer.contentType };
      })();
      // Off: every request computes its own, as without a cache.
      if (seconds <= 0) return { ...(await computed), shared: false };
      computing.set(key, computed);
      try {
        return { ...(await computed), shared: false };
      } finally {
        computing.delete(key);
      }
    },
    get size() {
      return bytes;
    },
  };
  return cache;
}
