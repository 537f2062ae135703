import { createHash } from 'node:crypto';
import { brotliCompressSync, crc32, deflateRawSync, gzipSync, constants as zlibConstants } from 'node:zlib';

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
 * visitor's token is put back in on the way out (no ETag: the bytes differ per visitor). Such a page is
 * compressed too, for clients that take gzip: each piece is deflated once, and a visitor's gzip stream is
 * the pieces' deflated bytes with the token between them as a stored block (`splicedGzip`).
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
  /** A page with a token: its pieces deflated for `splicedGzip`, made on the first request taking gzip. */
  gzipPieces?: GzipPieces | null;
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
 * The encoding to send, from the Accept-Encoding header: Brotli, else gzip, else the bytes as they are
 * (`offered`: the encodings this answer can be had in). `q=0` refuses an encoding.
 */
export function chooseEncoding(
  header: string | undefined,
  offered: readonly ('br' | 'gzip')[] = ['br', 'gzip'],
): Encoding {
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
  for (const encoding of offered) if (takes(encoding)) return encoding;
  return 'identity';
}

/** Smaller than this, compressing does not pay (one packet either way). */
const smallestWorthCompressing = 1024;

/**
 * `body` in `encoding` (made once, sent many times: Brotli quality 9 and gzip level 9; above 128 KiB — an
 * open-data answer of a thousand entries — Brotli quality 5, which takes a fifth of the time for a few per
 * cent more bytes), or null when not worth it: under 1 KiB, or less than a tenth saved.
 */
export function compressOnce(body: Buffer, encoding: 'br' | 'gzip'): Buffer | null {
  if (body.length < smallestWorthCompressing) return null;
  const squeezed =
    encoding === 'br'
      ? brotliCompressSync(body, {
          params: {
            [zlibConstants.BROTLI_PARAM_QUALITY]: body.length > 128 * 1024 ? 5 : 9,
            [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length,
          },
        })
      : gzipSync(body, { level: 9 });
  return squeezed.length <= body.length * 0.9 ? squeezed : null;
}

/**
 * The kept answer's bytes in `encoding`, made once: null when not worth it (a page with a token — see
 * `splicedGzip` —, a small body, or less than a tenth saved), and the caller sends the identity bytes.
 */
export function compressedCopy(entry: KeptAnswer, encoding: 'br' | 'gzip'): Buffer | null {
  const [body] = entry.pieces;
  if (entry.pieces.length !== 1 || body === undefined) {
    entry.compressed[encoding] = null;
    return null;
  }
  return rememberedCopy(entry.compressed, body, encoding);
}

/** `body` in `encoding` from `copies` (kept with the answer), made there the first time it is asked. */
export function rememberedCopy(
  copies: Partial<Record<'br' | 'gzip', Buffer | null>>,
  body: Buffer,
  encoding: 'br' | 'gzip',
): Buffer | null {
  const made = copies[encoding];
  if (made !== undefined) return made;
  const copy = compressOnce(body, encoding);
  copies[encoding] = copy;
  return copy;
}

/**
 * A page with a token, deflated once for `splicedGzip`: each piece a raw deflate stream of its own (all but
 * the last ended by a sync flush, so byte-aligned and not final; the last one final), the pieces' CRC-32s,
 * and for each piece after the first the CRC operator of its length (to fold a CRC over it without reading
 * it again).
 */
export interface GzipPieces {
  readonly deflated: readonly Buffer[];
  readonly crcs: readonly number[];
  /** `shifts[i]`: x^(8·length of piece i) mod the CRC polynomial (`crcCombine`'s operator); 0 for piece 0. */
  readonly shifts: readonly number[];
  readonly size: number;
}

const gzipHeader = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);

function gzipPiecesOf(entry: KeptAnswer): GzipPieces | null {
  if (entry.gzipPieces !== undefined) return entry.gzipPieces;
  let made: GzipPieces | null = null;
  if (entry.pieces.length > 1 && entry.size >= smallestWorthCompressing) {
    const last = entry.pieces.length - 1;
    const deflated = entry.pieces.map((piece, index) =>
      deflateRawSync(piece, {
        level: 9,
        finishFlush: index === last ? zlibConstants.Z_FINISH : zlibConstants.Z_SYNC_FLUSH,
      }),
    );
    const size = deflated.reduce((sum, bytes) => sum + bytes.length, 0);
    // Each token adds a 5-byte stored block's head and its bytes, plus the gzip frame: still worth it?
    if (size + 18 + last * 5 <= (entry.size - last * 43) * 0.9) {
      made = {
        deflated,
        crcs: entry.pieces.map((piece) => crc32(piece)),
        shifts: entry.pieces.map((piece, index) => (index === 0 ? 0 : crcShift(piece.length))),
        size,
      };
    }
  }
  entry.gzipPieces = made;
  return made;
}

/**
 * A page with a token as one visitor's gzip stream, without compressing anything per request: the gzip
 * header, the pieces' deflated bytes with `token` between them as a stored (uncompressed) deflate block, and
 * the trailer (CRC-32 of the whole, folded from the pieces' kept CRCs, and the length). The pieces were
 * deflated apart, so no back-reference crosses a token. Null when not worth it (one piece, small, or less
 * than a tenth saved): send the identity bytes.
 */
export function splicedGzip(entry: KeptAnswer, token: Buffer): Buffer[] | null {
  const made = gzipPiecesOf(entry);
  if (made === null) return null;
  if (token.length > 0xffff) throw new Error('A token longer than a stored block.');
  const block = Buffer.from([
    0,
    token.length & 0xff,
    token.length >> 8,
    ~token.length & 0xff,
    (~token.length >> 8) & 0xff,
  ]);
  const chunks: Buffer[] = [gzipHeader];
  let crc = made.crcs[0] ?? 0;
  let length = entry.pieces[0]?.length ?? 0;
  made.deflated.forEach((bytes, index) => {
    if (index > 0) {
      chunks.push(block, token);
      crc = crc32(token, crc);
      crc = (crcMultiply(made.shifts[index] ?? 0, crc) ^ (made.crcs[index] ?? 0)) >>> 0;
      length += token.length + (entry.pieces[index]?.length ?? 0);
    }
    chunks.push(bytes);
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(length >>> 0, 4);
  chunks.push(trailer);
  return chunks;
}

// CRC-32 of two pieces from the CRC of each (zlib's crc32_combine, crc32.c): crc(A‖B) = crcA·x^(8·|B|) ⊕ crcB
// in GF(2) modulo the polynomial, reflected.
const crcPolynomial = 0xedb88320;

/** a·b modulo the CRC polynomial (reflected bit order: x^0 is the top bit). */
function crcMultiply(a: number, b: number): number {
  let m = 0x80000000;
  let product = 0;
  let factor = b >>> 0;
  for (;;) {
    if ((a & m) !== 0) {
      product ^= factor;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    if (m === 0) break;
    factor = factor & 1 ? (factor >>> 1) ^ crcPolynomial : factor >>> 1;
  }
  return product >>> 0;
}

/** x^(2^k) modulo the polynomial for k = 0..31. */
const crcSquares: number[] = (() => {
  const squares: number[] = [];
  let p = 0x40000000; // x^1
  for (let k = 0; k < 32; k += 1) {
    squares.push(p);
    p = crcMultiply(p, p);
  }
  return squares;
})();

/** x^(8·bytes) modulo the polynomial: the operator that moves a CRC past `bytes` bytes. */
export function crcShift(bytes: number): number {
  let p = 0x80000000; // x^0
  let k = 3; // 8·bytes = bytes·2^3
  for (let n = bytes; n > 0; n = Math.floor(n / 2), k += 1)
    if (n % 2 === 1) p = crcMultiply(crcSquares[k % 32] ?? 0, p);
  return p;
}

/** The CRC-32 of A‖B from crc(A), crc(B) and |B| (`crcShift`). */
export function crcCombine(crcA: number, crcB: number, lengthB: number): number {
  return (crcMultiply(crcShift(lengthB), crcA) ^ crcB) >>> 0;
}
