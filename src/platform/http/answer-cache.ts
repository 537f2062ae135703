/**
 * A short-lived cache of whole answers, for the public reads that clients poll (the Open311 request list and
 * updates, the reports' GeoJSON box that every visitor of /reports asks first): the same address asked again within `seconds` gets the same bytes without a query. Per process,
 * bounded (the oldest entry goes first), and only for successful answers; a new report shows up at most
 * `seconds` late, which a polling client cannot tell from its own polling interval. 0 seconds: no cache.
 */
export interface CachedAnswer {
  body: string;
  contentType: string;
}

export interface AnswerCache {
  get(key: string, now: number): CachedAnswer | undefined;
  set(key: string, answer: CachedAnswer, now: number): void;
}

export function createAnswerCache(seconds: number, maxEntries = 256): AnswerCache {
  const entries = new Map<string, CachedAnswer & { until: number }>();
  return {
    get(key, now) {
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      if (entry.until <= now) {
        entries.delete(key);
        return undefined;
      }
      return entry;
    },
    set(key, answer, now) {
      if (seconds <= 0) return;
      entries.delete(key);
      entries.set(key, { ...answer, until: now + seconds * 1000 });
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
  };
}
