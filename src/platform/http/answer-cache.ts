import { hash } from 'node:crypto';
import { chooseEncoding, rememberedCopy } from './public-answer-store.ts';

/**
 * A short-lived cache of whole answers, for the public reads that clients poll (the Open311 request list and
 * updates, the reports' GeoJSON box that every visitor of /reports asks first): the same address asked again
 * within `seconds` gets the same bytes without a query. Per process and bounded twice — by count and by bytes
 * (answers are up to a megabyte; a client varying the query must not be able to grow the process) — the
 * oldest entry going first; only successful answers. A new report shows up at most `seconds` late, which a
 * polling client cannot tell from its own polling interval. 0 seconds: no cache.
 *
 * Answers are kept as bytes (a Buffer), so a hit is sent as it is, without encoding a string again; a kept
 * answer is compressed for clients that take it (`encodedAnswer`), each encoding once while it is kept.
 *
 * An answer is kept only for an address asked before within `seconds`, or waited for by another request while
 * it was computed, or kept until its time just ran out. One asked once — a client varying its query, a date
 * window a millisecond later each time — could never be hit, and keeping it cost the app most of its pauses:
 * a kept answer lives long enough to leave V8's young generation, so its bytes count toward the old
 * generation's external memory, and a stream of new addresses (each answer up to a megabyte) started a
 * mark-compact every ~40 requests, each a 10–20 ms pause in some request (`--trace-gc`, the computed Open311
 * list on 1,000,000 reports, docs/benchmarks.md 2026-12-07). Never kept, such an answer dies young. The
 * addresses asked are remembered by a SHA-1 of the address (an address may be 20,000 characters long), at
 * most four times `maxEntries` of them.
 */
export interface CachedAnswer {
  body: Buffer;
  contentType: string;
  /** A kept answer's compressed copies, made on the first request taking each (null: not worth it). */
  compressed?: Partial<Record<'br' | 'gzip', Buffer | null>>;
}

/**
 * The answer as the client asks for it (Accept-Encoding): a kept answer in Brotli or gzip, made once and
 * sent to every client asking the same while it is kept; an answer not kept (an address asked once) as it
 * is — compressing it would cost more than it saves. With the headers that go with the bytes.
 */
export function encodedAnswer(
  answer: CachedAnswer,
  acceptEncoding: string | undefined,
): { body: Buffer; headers: Record<string, string> } {
  const headers: Record<string, string> = { vary: 'Accept-Encoding' };
  const encoding = answer.compressed === undefined ? 'identity' : chooseEncoding(acceptEncoding);
  if (encoding === 'identity' || answer.compressed === undefined) return { body: answer.body, headers };
  const copy = rememberedCopy(answer.compressed, answer.body, encoding);
  if (copy === null) return { body: answer.body, headers };
  headers['content-encoding'] = encoding;
  return { body: copy, headers };
}

export interface AnswerCache {
  get(key: string, now: number): CachedAnswer | undefined;
  /** Keeps the answer (as bytes) and returns them, to send. */
  set(key: string, answer: { body: string | Buffer; contentType: string }, now: number): Buffer;
  /**
   * The answer for `key`: the kept one; else the one being computed for it right now; else `compute`s (then
   * kept if the address was asked before within `seconds`, another request waited for it, or its kept answer
   * just ran out). `shared` says it was not computed for this request. A failure reaches every request that
   * waited for it and nothing is kept.
   */
  fill(
    key: string,
    now: () => number,
    compute: () => Promise<{ body: string | Buffer; contentType: string }>,
  ): Promise<CachedAnswer & { shared: boolean }>;
  /** Bytes held now. */
  readonly size: number;
}

interface Computing {
  answer: Promise<CachedAnswer>;
  /** `waited`: another request waited for it (read by the computation once it has its answer). */
  record: { waited: boolean };
}

export function createAnswerCache(
  seconds: number,
  limits: { maxEntries?: number; maxBytes?: number } = {},
): AnswerCache {
  const maxEntries = limits.maxEntries ?? 256;
  const maxBytes = limits.maxBytes ?? 32 * 1024 * 1024;
  const entries = new Map<string, CachedAnswer & { until: number }>();
  /** The answers being computed, and whether another request waited for one (then it is kept). */
  const computing = new Map<string, Computing>();
  /** Addresses asked, by hash: until when asking again counts as asked before. */
  const asked = new Map<string, number>();
  const maxAsked = maxEntries * 4;
  /** Whether `key` was asked within `seconds` before `now`; remembers that it is asked now. */
  const askedBefore = (key: string, now: number) => {
    const digest = hash('sha1', key, 'base64');
    const until = asked.get(digest);
    asked.delete(digest);
    asked.set(digest, now + seconds * 1000);
    if (asked.size > maxAsked) {
      const oldest = asked.keys().next().value;
      if (oldest !== undefined) asked.delete(oldest);
    }
    return until !== undefined && until > now;
  };
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
      const body = bytesOf(answer.body);
      if (seconds <= 0 || body.length > maxBytes / 4) return body;
      drop(key);
      entries.set(key, {
        body,
        contentType: answer.contentType,
        compressed: {},
        until: now + seconds * 1000,
      });
      bytes += body.length;
      while (entries.size > maxEntries || bytes > maxBytes) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        drop(oldest);
      }
      return body;
    },
    async fill(key, now, compute) {
      // An answer kept until now (its time just ran out) was asked again: it is kept again at once.
      const wasKept = entries.has(key);
      const kept = cache.get(key, now());
      if (kept !== undefined) return { ...kept, shared: true };
      // Off: every request computes its own, as without a cache.
      if (seconds <= 0) {
        const answer = await compute();
        return { body: bytesOf(answer.body), contentType: answer.contentType, shared: false };
      }
      const running = computing.get(key);
      if (running !== undefined) {
        running.record.waited = true;
        return { ...(await running.answer), shared: true };
      }
      const wanted = askedBefore(key, now()) || wasKept;
      const record = { waited: false };
      const answer = (async (): Promise<CachedAnswer> => {
        const computed = await compute();
        if (!(wanted || record.waited))
          return { body: bytesOf(computed.body), contentType: computed.contentType };
        const body = cache.set(key, computed, now());
        // Kept (unless too big): the entry itself, so its compressed copies are made once for everyone.
        const entry = entries.get(key);
        return entry !== undefined && entry.body === body
          ? entry
          : { body, contentType: computed.contentType };
      })();
      computing.set(key, { answer, record });
      try {
        return { ...(await answer), shared: false };
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

const bytesOf = (body: string | Buffer) => (typeof body === 'string' ? Buffer.from(body) : body);
