import { createHash } from 'node:crypto';
import { brotliCompressSync, gzipSync, constants as zlibConstants } from 'node:zlib';

/**
 * The public pages and read APIs, rendered once and kept as bytes (issue 12): an anonymous visitor's answer
 * is the same for everyone asking the same address in the same text size, so it is rendered once and sent
 * as kept bytes — with an ETag and Last-Modified for a `304`, and gzip or Brotli made once for clients that
 * take them.
 *
 * Published content is immutable per version: each kept answer records the versions of the content it
 * shows (its scopes, `ContentVersions`); a publication moves a scope's version and every answer showing it
 * is rendered again on its next request. A time-to-live bounds what no publication announces (today's date,
 * a new report on the map).
 *
 * A form's page carries the visitor's anonymous CSRF token: it is kept in pieces around the token, and each
 * visitor's token is put back in on the way out (no compression, no ETag: the bytes differ per visitor).
 *
 * Bounded twice, by count and by bytes, least recently used first out: a stranger varying query strings cannot grow the
 * process.
 */

export interface ContentVersions {
  /** A stamp of the scopes' versions now: equal stamps, same content. */
  stamp(scopes: readonly string[]): string;
  /** A publication of `scope` ('*': everything, e.g. after missing notifications). */
  bump(scope: string): void;
}

export function createContentVersions(): ContentVersions {
  const versions = new Map<string, number>();
  let everything = 0;
  return {
    stamp(scopes) {
      let stamp = String(everything);
      for (const scope of scopes) stamp += `.${versions.get(scope) ?? 0}`;
      return stamp;
    },
    bump(scope) {
      if (scope === '*') everything += 1;
      else versions.set(scope, (versions.get(scope) ?? 0) + 1);
    },
  };
}

export type Encoding = 'br' | 'gzip' | 'identity';

export interface KeptAnswer {
  /** The bytes, or the pieces around each place the visitor's CSRF token goes. */
  readonly pieces: readonly Buffer[];
  readonly contentType: string;
  /** Headers the route gave the bytes (open data's CORS and licence link, a download's name). */
  readonly headers: Readonly<Record<string, string>>;
  /** Strong validator of the identity bytes (null for a page with a token). */
  readonly etag: string | null;
  readonly renderedAt: Date;
  readonly stamp: string;
  /** The content it shows (its public read's scopes): a stamp of their versions now tells if it is current. */
  readonly scopes: readonly string[];
  /** The route that made it, as registered (`/en/services/:code`): what the request's log line names. */
  readonly route: string;
  readonly expiresAt: number;
  readonly size: number;
  /** Compressed copies, made on the first request that accepts them (null: not worth it). */
  compressed: Partial<Record<'br' | 'gzip', Buffer | null>>;
}

export interface AnswerStore {
  get(key: string, stamp: string, now: number): KeptAnswer | undefined;
  /** The answer kept under `key` if it is current: its scopes' stamp now (`versions`) and not expired. */
  current(key: string, versions: ContentVersions, now: number): KeptAnswer | undefined;
  /** Keeps an answer made by `keptAnswer` (unless it is too big for the store: then it is only sent). */
  keep(key: string, entry: KeptAnswer): void;
  clear(): void;
  readonly entries: number;
  readonly bytes: number;
}

export function createAnswerStore(limits: { maxEntries: number; maxBytes: number }): AnswerStore {
  const kept = new Map<string, KeptAnswer>();
  let bytes = 0;
  const drop = (key: string) => {
    const entry = kept.get(key);
    if (entry === undefined) return;
    bytes -= entry.size;
    kept.delete(key);
  };
  const get = (key: string, stamp: string, now: number): KeptAnswer | undefined => {
    const entry = kept.get(key);
    if (entry === undefined) return undefined;
    if (entry.stamp !== stamp || entry.expiresAt <= now) {
      drop(key);
      return undefined;
    }
    // Least recently used first out: a page everyone reads stays however many new addresses come.
    kept.delete(key);
    kept.set(key, entry);
    return entry;
  };
  return {
    get,
    current(key, versions, now) {
      const entry = kept.get(key);
      return entry === undefined ? undefined : get(key, versions.stamp(entry.scopes), now);
    },
    keep(key, entry) {
      drop(key);
      // One answer may take at most a quarter of the store: a huge one is sent but not kept.
      if (entry.size > limits.maxBytes / 4) return;
      kept.set(key, entry);
      bytes += entry.size;
      while (kept.size > limits.maxEntries || bytes > limits.maxBytes) {
        const oldest = kept.keys().next().value; // the least recently used
        if (oldest === undefined) break;
        drop(oldest);
      }
    },
    clear() {
      kept.clear();
      bytes = 0;
    },
    get entries() {
      return kept.size;
    },
    get bytes() {
      return bytes;
    },
  };
}

/** An answer as kept: its pieces around the token (if any), its validator, its lifetime. */
export function keptAnswer(
  answer: {
    body: Buffer;
    contentType: string;
    headers?: Readonly<Record<string, string>>;
    token: string | null;
    stamp: string;
    scopes: readonly string[];
    route: string;
    renderedAt: Date;
  },
  now: number,
  maxAgeMs: number,
): KeptAnswer {
  const pieces = answer.token === null ? [answer.body] : splitAround(answer.body, answer.token);
  return {
    pieces,
    contentType: answer.contentType,
    headers: answer.headers ?? {},
    etag: pieces.length === 1 ? etagOf(answer.body) : null,
    renderedAt: answer.renderedAt,
    stamp: answer.stamp,
    scopes: answer.scopes,
    route: answer.route,
    expiresAt: now + maxAgeMs,
    size: answer.body.length,
    compressed: {},
  };
}

/** The body in pieces around every occurrence of `token` (one piece when it does not occur). */
export function splitAround(body: Buffer, token: string): Buffer[] {
  const needle = Buffer.from(token);
  const pieces: Buffer[] = [];
  let start = 0;
  for (let at = body.indexOf(needle); at !== -1; at = body.indexOf(needle, start)) {
    pieces.push(body.subarray(start, at));
    start = at + needle.length;
  }
  pieces.push(body.subarray(start));
  return pieces;
}

function etagOf(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
}

/**
 * The encoding to send, from the Accept-Encoding header: Brotli, else gzip, else the bytes as they are.
 * `q=0` refuses an encoding.
 */
export function chooseEncoding(header: string | undefined): Encoding {
  if (header === undefined || header === '') return 'identity';
  const accepted = new Set<string>();
  const refused = new Set<string>();
  for (const part of header.split(',')) {
    const [listed = '', ...parameters] = part.trim().toLowerCase().split(';');
    const name = listed.trim() === 'x-gzip' ? 'gzip' : listed.trim();
    const isRefused = parameters.some((parameter) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(parameter));
    (isRefused ? refused : accepted).add(name);
  }
  // An encoding refused by name stays refused when `*` takes the rest (RFC 9110 §12.5.3).
  const takes = (encoding: string) => !refused.has(encoding) && (accepted.has(encoding) || accepted.has('*'));
  return takes('br') ? 'br' : takes('gzip') ? 'gzip' : 'identity';
}

/** Smaller than this, compressing does not pay (one packet either way). */
const smallestWorthCompressing = 1024;

/**
 * The kept answer's bytes in `encoding`, made once: null when not worth it (a page with a token, a small
 * body, or less than a tenth saved), and the caller sends the identity bytes.
 */
export function compressedCopy(entry: KeptAnswer, encoding: 'br' | 'gzip'): Buffer | null {
  const made = entry.compressed[encoding];
  if (made !== undefined) return made;
  const [body] = entry.pieces;
  let copy: Buffer | null = null;
  if (entry.pieces.length === 1 && body !== undefined && body.length >= smallestWorthCompressing) {
    const squeezed =
      encoding === 'br'
        ? brotliCompressSync(body, {
            params: {
              [zlibConstants.BROTLI_PARAM_QUALITY]: 9,
              [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length,
            },
          })
        : gzipSync(body, { level: 9 });
    copy = squeezed.length <= body.length * 0.9 ? squeezed : null;
  }
  entry.compressed[encoding] = copy;
  return copy;
}
