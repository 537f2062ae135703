import type { FastifyReply, FastifyRequest } from 'fastify';
import { fontSizeFromCookieHeader } from '../web/font-size.ts';
import { localePath } from '../web/i18n.ts';
import type { AppInstance } from './app-types.ts';
import { anonymousCsrfCookie, csrfCookieName } from './csrf.ts';
import { DomainError } from './errors.ts';
import {
  type AnswerStore,
  type ContentVersions,
  chooseEncoding,
  compressedCopy,
  createAnswerStore,
  type KeptAnswer,
  keptAnswer,
} from './public-answer-store.ts';
import { randomToken } from './random-tokens.ts';
import { createRenderGate, type RenderGate } from './render-gate.ts';

/**
 * One anonymous public page or read API, as a module lists it in its manifest (`publicReads`). The list
 * is the one place that says which addresses are public reads: these hooks keep their answers, the bench
 * measures each (bench/public-pages-bench.ts), and a test checks every listed route exists.
 */
export interface PublicRead {
  /** The route as registered, in zh-TW: `/services/:code`. Its `/en` twin is included. */
  readonly route: string;
  /** Concrete addresses with the demo data, for the bench and tests (default: the route itself). */
  readonly examples?: readonly string[];
  /**
   * The published content the answer shows ('catalogue', 'plans', 'work-plans', 'units', 'reports'): a
   * publication of any of them (platform/db/publications.ts) renders it again, in every process.
   */
  readonly scopes: readonly string[];
  /**
   * 'key': the query string is part of the address kept (filters, a page number, a keyword); 'none': an
   * address with a query string is never kept (`/track?case=…&code=…` is one person's case).
   */
  readonly query: 'key' | 'none';
  /** Seconds an answer is kept at most (default PUBLIC_PAGE_CACHE_SECONDS): a few for the reports' map. */
  readonly maxAgeSeconds?: number;
  /** The route keeps its own answers (the polled Open311 lists): listed for the bench and the gate only. */
  readonly keepsOwnAnswers?: boolean;
  /** Only the zh-TW route exists (machine APIs): no `/en` twin. */
  readonly oneLanguage?: boolean;
}

export interface PublicReadsOptions {
  reads: readonly PublicRead[];
  versions: ContentVersions;
  /** PUBLIC_PAGE_CACHE_SECONDS: 0 renders every answer (the bench measures render costs so). */
  maxAgeSeconds: number;
  renderConcurrency: number;
  renderQueue: number;
  isCookieSecure: boolean;
  /** Cookies that make a page someone's own (a staff or citizen session): such requests are not kept. */
  personalCookies: readonly string[];
  store?: AnswerStore;
  now?: () => number;
}

/** Every route of the list, with its `/en` twin, to its entry. */
export function publicReadsByRoute(reads: readonly PublicRead[]): Map<string, PublicRead> {
  const byRoute = new Map<string, PublicRead>();
  for (const read of reads) {
    if (byRoute.has(read.route)) throw new Error(`Two public reads list the route ${read.route}.`);
    byRoute.set(read.route, read);
    if (read.oneLanguage !== true) byRoute.set(localePath('en', read.route), read);
  }
  return byRoute;
}

interface Slot {
  key: string | null;
  read: PublicRead;
  stamp: string;
  renderedAt: Date;
  release: (() => void) | null;
  finished: (() => void) | null;
  /** Made in onSend, kept once the answer has gone out with no cookie but the form token's. */
  answer: KeptAnswer | null;
}

const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

/**
 * Headers a route sets on its answer that belong to the bytes, sent again with the kept copy (no cookie,
 * no request id: those are the request's own).
 */
const keptHeaderNames = [
  'access-control-allow-origin',
  'link',
  'content-disposition',
  'content-language',
  'x-robots-tag',
] as const;

function routeHeaders(reply: FastifyReply): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of keptHeaderNames) {
    const value = reply.getHeader(name);
    if (value === undefined) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return headers;
}

/**
 * The hooks, on the root instance after the security headers: an answer kept for this address is sent
 * from `onRequest` (nothing else runs); else the request waits for the same address being rendered right
 * now, or passes the render gate (503 with Retry-After when full) and is rendered, and `onSend` keeps what
 * it sends.
 */
export function installPublicReads(
  app: AppInstance,
  options: PublicReadsOptions,
): { store: AnswerStore; gate: RenderGate } {
  const byRoute = publicReadsByRoute(options.reads);
  const store = options.store ?? createAnswerStore({ maxEntries: 2000, maxBytes: 24 * 1024 * 1024 });
  const gate = createRenderGate({ limit: options.renderConcurrency, queue: options.renderQueue });
  const now = options.now ?? (() => performance.now());
  const slots = new WeakMap<FastifyRequest, Slot>();
  const rendering = new Map<string, Promise<void>>();

  const isPersonal = (cookieHeader: string | undefined) =>
    cookieHeader !== undefined &&
    options.personalCookies.some((name) => cookieValue(cookieHeader, name) !== undefined);

  /** The slow path of a public read: wait for the same address, or for a render slot. True: answered. */
  const admit = async (
    request: FastifyRequest,
    reply: FastifyReply,
    read: PublicRead,
    key: string | null,
  ): Promise<boolean> => {
    if (key !== null) {
      // The same address being rendered for someone else: wait for it rather than render it again.
      const running = rendering.get(key);
      if (running !== undefined) {
        await running;
        const done = store.get(key, options.versions.stamp(read.scopes), now());
        if (done !== undefined) {
          sendKept(request, reply, done, options);
          return true;
        }
      }
    }
    const release = await gate.enter();
    if (release === null) {
      throw new DomainError(
        'SERVICE_UNAVAILABLE',
        request.lang === 'en'
          ? 'Many people are reading this page right now. Please try again in a few seconds.'
          : '目前瀏覽人數眾多，請於幾秒後再試一次。',
        { retryAfterSeconds: 2 },
      );
    }
    // Gone while waiting its turn (a crowd's client stops): nobody to render for, and its 'close' has been
    // and gone, so nothing else would give the place back. Leave it to the next at once.
    if (request.raw.destroyed || request.raw.socket?.destroyed === true) {
      release();
      return true;
    }
    const slot: Slot = {
      key,
      read,
      stamp: options.versions.stamp(read.scopes),
      renderedAt: new Date(),
      release,
      finished: null,
      answer: null,
    };
    if (key !== null && !rendering.has(key)) {
      rendering.set(
        key,
        new Promise<void>((resolve) => {
          slot.finished = () => {
            if (rendering.get(key as string) !== undefined) rendering.delete(key as string);
            resolve();
          };
        }),
      );
    }
    slots.set(request, slot);
    // Whichever comes first: the answer sent, the visitor gone, the socket closed.
    reply.raw.once('close', () => finish(slot, false));
    return false;
  };

  // Callback hooks: they run on every request (probes included) and usually do nothing.
  app.addHook('onRequest', (request, reply, done) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return done();
    const read = byRoute.get(request.routeOptions.url ?? '');
    if (read === undefined) return done();
    const cookieHeader = request.headers.cookie;
    const isKept =
      options.maxAgeSeconds > 0 &&
      read.keepsOwnAnswers !== true &&
      !(read.query === 'none' && request.url.includes('?')) &&
      !isPersonal(cookieHeader);
    let key: string | null = null;
    if (isKept) {
      key = `${request.url}|${fontSizeFromCookieHeader(cookieHeader)}`;
      const kept = store.get(key, options.versions.stamp(read.scopes), now());
      // Answered here: Fastify runs nothing else but the onSend/onResponse hooks (done is not called).
      if (kept !== undefined) return void sendKept(request, reply, kept, options);
    }
    admit(request, reply, read, key).then(
      (isAnswered) => {
        if (!isAnswered) done();
      },
      (error: Error) => done(error),
    );
  });

  const finish = (slot: Slot, isSent: boolean, setCookie?: ReturnType<FastifyReply['getHeader']>) => {
    if (isSent && slot.key !== null && slot.answer !== null && setsOnlyTheFormToken(setCookie)) {
      store.keep(slot.key, slot.answer);
    }
    slot.answer = null;
    slot.release?.();
    slot.release = null;
    slot.finished?.();
    slot.finished = null;
  };
  app.addHook('onResponse', (request, reply, done) => {
    const slot = slots.get(request);
    if (slot !== undefined) finish(slot, reply.statusCode === 200, reply.getHeader('set-cookie'));
    done();
  });
  app.addHook('onRequestAbort', (request, done) => {
    const slot = slots.get(request);
    if (slot !== undefined) finish(slot, false);
    done();
  });

  app.addHook('onSend', (request, reply, payload, done) => {
    const slot = slots.get(request);
    if (slot === undefined || slot.key === null || slot.answer !== null) return done(null, payload);
    if (reply.statusCode !== 200) return done(null, payload);
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return done(null, payload);
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    const contentType = String(reply.getHeader('content-type') ?? 'text/html; charset=utf-8');
    // A form's page carries the visitor's anonymous token (the getter makes one if none: never sent then).
    const token = (request as { csrfToken?: string }).csrfToken ?? null;
    const hasToken = token !== null && body.includes(token);
    const maxAgeMs = (slot.read.maxAgeSeconds ?? options.maxAgeSeconds) * 1000;
    slot.answer = keptAnswer(
      {
        body,
        contentType,
        headers: routeHeaders(reply),
        token: hasToken ? token : null,
        stamp: slot.stamp,
        renderedAt: slot.renderedAt,
      },
      now(),
      maxAgeMs,
    );
    validatorHeaders(reply, slot.answer);
    done(null, body);
  });

  return { store, gate };
}

function validatorHeaders(reply: FastifyReply, kept: KeptAnswer): void {
  reply.header('last-modified', kept.renderedAt.toUTCString());
  if (kept.etag === null) {
    // The page holds the visitor's own form token: theirs alone, checked again each time.
    reply.header('cache-control', 'private, no-cache');
    return;
  }
  reply.header('cache-control', 'no-cache');
  reply.header('vary', 'Accept-Encoding');
  reply.header('etag', kept.etag);
}

function sendKept(
  request: FastifyRequest,
  reply: FastifyReply,
  kept: KeptAnswer,
  options: Pick<PublicReadsOptions, 'isCookieSecure'>,
): FastifyReply {
  reply.header('content-type', kept.contentType);
  for (const [name, value] of Object.entries(kept.headers)) reply.header(name, value);
  validatorHeaders(reply, kept);
  if (kept.etag === null) {
    const own = cookieValue(request.headers.cookie, csrfCookieName);
    const token = own !== undefined && tokenPattern.test(own) ? own : randomToken(32);
    if (token !== own) reply.header('set-cookie', anonymousCsrfCookie(token, options.isCookieSecure));
    const pieces: Buffer[] = [];
    kept.pieces.forEach((piece, index) => {
      if (index > 0) pieces.push(Buffer.from(token));
      pieces.push(piece);
    });
    return reply.send(Buffer.concat(pieces));
  }
  const encoding = chooseEncoding(request.headers['accept-encoding']);
  const copy = encoding === 'identity' ? null : compressedCopy(kept, encoding);
  const etag = copy === null ? kept.etag : `${kept.etag.slice(0, -1)}-${encoding}"`;
  reply.header('etag', etag);
  if (isNotModified(request, kept)) return reply.code(304).send();
  if (copy !== null) {
    reply.header('content-encoding', encoding);
    return reply.send(copy);
  }
  return reply.send(kept.pieces[0]);
}

/** If-None-Match naming any representation of these bytes, or (without it) If-Modified-Since not older. */
function isNotModified(request: FastifyRequest, kept: KeptAnswer): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  if (typeof ifNoneMatch === 'string' && kept.etag !== null) {
    if (ifNoneMatch.trim() === '*') return true;
    const base = kept.etag.slice(1, -1);
    return ifNoneMatch.split(',').some((tag) => {
      const value = tag.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
      return value === base || value.startsWith(`${base}-`);
    });
  }
  const ifModifiedSince = request.headers['if-modified-since'];
  if (typeof ifModifiedSince === 'string') {
    const since = Date.parse(ifModifiedSince);
    return !Number.isNaN(since) && Math.floor(kept.renderedAt.getTime() / 1000) * 1000 <= since;
  }
  return false;
}

/** The cookies an answer set (read once it has gone out: every plugin has added its own by then). */
function setsOnlyTheFormToken(header: ReturnType<FastifyReply['getHeader']>): boolean {
  if (header === undefined || header === null) return true;
  const cookies = Array.isArray(header) ? header : [String(header)];
  return cookies.every((cookie) => cookie.startsWith(`${csrfCookieName}=`));
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator === -1) continue;
    if (part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return undefined;
}
