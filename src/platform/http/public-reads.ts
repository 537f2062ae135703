import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
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
  splicedGzip,
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
  /**
   * The route keeps its own answers (the polled Open311 lists, the reports' GeoJSON: answer-cache.ts): listed
   * for the bench and the gate; its kept answers go out before Fastify through `sendOwnAnswersFirst`.
   */
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
 * Headers an answer went out with that belong to the bytes, sent again with the kept copy (no cookie, no
 * request id: those are the request's own), as they were when it went out — after its scope's hooks: a page
 * may widen the policy for itself (the map pages' tile server, `allowImagesFrom`), and the pages of a
 * private scope (`keepPagesPrivate`: /track's form) say `no-store` and `no-referrer`.
 */
const keptHeaderNames = [
  'content-security-policy',
  'referrer-policy',
  'cache-control',
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
export function installPublicReads(app: AppInstance, options: PublicReadsOptions): PublicReadsLayer {
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
    reply.raw.once('close', () => finish(slot, null));
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
      key = keyOf(request.url, cookieHeader);
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

  const finish = (slot: Slot, sent: FastifyReply | null) => {
    if (
      sent !== null &&
      slot.key !== null &&
      slot.answer !== null &&
      setsOnlyTheFormToken(sent.getHeader('set-cookie'))
    ) {
      store.keep(slot.key, { ...slot.answer, headers: routeHeaders(sent) });
    }
    slot.answer = null;
    slot.release?.();
    slot.release = null;
    slot.finished?.();
    slot.finished = null;
  };
  app.addHook('onResponse', (request, reply, done) => {
    const slot = slots.get(request);
    if (slot !== undefined) finish(slot, reply.statusCode === 200 ? reply : null);
    done();
  });
  app.addHook('onRequestAbort', (request, done) => {
    const slot = slots.get(request);
    if (slot !== undefined) finish(slot, null);
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
        // Its headers are read once it has gone out (`finish`), after its scope's hooks.
        token: hasToken ? token : null,
        stamp: slot.stamp,
        scopes: slot.read.scopes,
        route: request.routeOptions.url ?? slot.read.route,
        renderedAt: slot.renderedAt,
      },
      now(),
      maxAgeMs,
    );
    reply.headers(validatorsOf(slot.answer));
    done(null, body);
  });

  let sentFirst = 0;
  /** The routes that keep their own answers (`sendOwnAnswersFirst`), by path. */
  const ownAnswers = new Map<string, OwnAnswerFinder>();
  /** A kept answer of a route keeping its own, for this address (its path names the route), or null. */
  const ownAnswerFor = (request: IncomingMessage) => {
    const url = request.url ?? '';
    const queryAt = url.indexOf('?');
    const route = queryAt === -1 ? url : url.slice(0, queryAt);
    const find = ownAnswers.get(route);
    const found = find?.(url, request.headers['accept-encoding']);
    return found === undefined
      ? null
      : { route, answer: { status: 200 as const, ...found, body: [found.body] } };
  };
  return {
    store,
    gate,
    sentFirst: () => sentFirst,
    sendOwnAnswersFirst(route, find) {
      if (ownAnswers.has(route)) throw new Error(`Two sources of kept answers for ${route}.`);
      ownAnswers.set(route, find);
    },
    answerKept(request, response, everyAnswer) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return null;
      const url = request.url ?? '';
      const cookieHeader = request.headers.cookie;
      // Only an address kept before: nothing is routed or rendered here, and whatever is not kept (or
      // not current, or someone's own) goes on to Fastify as before.
      if (isPersonal(cookieHeader)) return null;
      const kept =
        options.maxAgeSeconds > 0
          ? store.current(keyOf(url, cookieHeader), options.versions, now())
          : undefined;
      const found =
        kept === undefined
          ? ownAnswerFor(request)
          : { route: kept.route, answer: keptReply(kept, request.headers, options.isCookieSecure) };
      if (found === null) return null;
      const { answer } = found;
      const requestId = randomUUID();
      response.writeHead(answer.status, {
        ...everyAnswer,
        'x-request-id': requestId,
        ...answer.headers,
        ...(answer.body === null ? {} : { 'content-length': lengthOf(answer.body) }),
      });
      // The kept pieces and the visitor's token as they are, in one write: no copy of the page per visitor
      // (a 33 KB form page copied per request kept the collector busy under a crowd). HEAD: headers only.
      response.cork();
      for (const chunk of answer.body ?? []) response.write(chunk);
      response.end();
      response.uncork();
      sentFirst += 1;
      return { route: found.route, statusCode: answer.status, requestId };
    },
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** How many kept answers went out before Fastify (ADR 0023) since the app was built (set by buildApp). */
    keptAnswersSentFirst: () => number;
    /** `PublicReadsLayer.sendOwnAnswersFirst` (set by buildApp). */
    sendOwnAnswersFirst: PublicReadsLayer['sendOwnAnswersFirst'];
  }
}

/**
 * A route that keeps its own answers (the polled Open311 lists, the reports' GeoJSON box: answer-cache.ts)
 * finds the one kept for an address as asked (path and query), with the headers its route sends with it
 * (everything but the security headers and the request id), encoded as the client asks; undefined: not kept.
 */
export type OwnAnswerFinder = (
  url: string,
  acceptEncoding: string | undefined,
) => { body: Buffer; headers: Record<string, string> } | undefined;

/** What installPublicReads gives the app. */
export interface PublicReadsLayer {
  store: AnswerStore;
  gate: RenderGate;
  /** How many answers `answerKept` has sent. */
  sentFirst(): number;
  /**
   * The fast path also sends the answers `route` keeps for itself (the same bytes and headers its handler
   * sends on a hit: the route builds both from one function). A route listed in `publicReads` with
   * `keepsOwnAnswers`.
   */
  sendOwnAnswersFirst(route: string, find: OwnAnswerFinder): void;
  /**
   * The fast path (ADR 0023): a GET or HEAD of an address whose answer is kept and current, from a visitor
   * without a personal cookie, answered on the raw request before Fastify runs — the same status, bytes and
   * headers as `sendKept` (plus `everyAnswer`, the security headers, and a new request id). Null: not kept;
   * the request goes on to Fastify untouched. Else the route (as registered), status and request id for the
   * log line.
   */
  answerKept(
    request: IncomingMessage,
    response: ServerResponse,
    everyAnswer: Readonly<Record<string, string>>,
  ): { route: string; statusCode: number; requestId: string } | null;
}

const emptyBody = Buffer.alloc(0);

const lengthOf = (chunks: readonly Buffer[]) => chunks.reduce((sum, chunk) => sum + chunk.length, 0);

/** The store's key of an address: the URL as asked (its query string included) and the text size. */
function keyOf(url: string, cookieHeader: string | undefined): string {
  return `${url}|${fontSizeFromCookieHeader(cookieHeader)}`;
}

/** Last-Modified, Cache-Control and (bytes the same for everyone) the ETag, varying with the encoding. */
function validatorsOf(kept: KeptAnswer): Record<string, string> {
  const headers: Record<string, string> = {
    'last-modified': kept.renderedAt.toUTCString(),
    vary: 'Accept-Encoding',
  };
  if (kept.etag === null) {
    // The page holds the visitor's own form token: theirs alone, checked again each time.
    headers['cache-control'] = 'private, no-cache';
    return headers;
  }
  headers['cache-control'] = 'no-cache';
  headers.etag = kept.etag;
  return headers;
}

/**
 * What a kept answer sends one request: 200 with the bytes, in chunks (compressed if the client takes it; a
 * form page's kept pieces with the visitor's own token between them — gzip spliced around it for a client
 * that takes gzip — and its cookie if they had none), or 304 without a body when their copy is current. Headers but the security headers and the request id, which every answer carries.
 */
export function keptReply(
  kept: KeptAnswer,
  requestHeaders: IncomingHttpHeaders,
  isCookieSecure: boolean,
): { status: 200 | 304; headers: Record<string, string>; body: readonly Buffer[] | null } {
  const headers: Record<string, string> = {
    'content-type': kept.contentType,
    ...validatorsOf(kept),
    ...kept.headers,
  };
  if (kept.etag === null) {
    const own = cookieValue(requestHeaders.cookie, csrfCookieName);
    const token = own !== undefined && tokenPattern.test(own) ? own : randomToken(32);
    if (token !== own) headers['set-cookie'] = anonymousCsrfCookie(token, isCookieSecure);
    const tokenBytes = Buffer.from(token);
    const gzipped =
      chooseEncoding(requestHeaders['accept-encoding'], ['gzip']) === 'gzip'
        ? splicedGzip(kept, tokenBytes)
        : null;
    if (gzipped !== null) {
      headers['content-encoding'] = 'gzip';
      return { status: 200, headers, body: gzipped };
    }
    const body: Buffer[] = [];
    kept.pieces.forEach((piece, index) => {
      if (index > 0) body.push(tokenBytes);
      body.push(piece);
    });
    return { status: 200, headers, body };
  }
  const encoding = chooseEncoding(requestHeaders['accept-encoding']);
  const copy = encoding === 'identity' ? null : compressedCopy(kept, encoding);
  headers.etag = copy === null ? kept.etag : `${kept.etag.slice(0, -1)}-${encoding}"`;
  if (isNotModified(requestHeaders, kept)) return { status: 304, headers, body: null };
  if (copy !== null) {
    headers['content-encoding'] = encoding;
    return { status: 200, headers, body: [copy] };
  }
  return { status: 200, headers, body: [kept.pieces[0] ?? emptyBody] };
}

function sendKept(
  request: FastifyRequest,
  reply: FastifyReply,
  kept: KeptAnswer,
  options: Pick<PublicReadsOptions, 'isCookieSecure'>,
): FastifyReply {
  const answer = keptReply(kept, request.headers, options.isCookieSecure);
  reply.headers(answer.headers);
  if (answer.body === null) return reply.code(answer.status).send();
  const [only] = answer.body;
  return reply.code(answer.status).send(answer.body.length === 1 && only ? only : Buffer.concat(answer.body));
}

/** If-None-Match naming any representation of these bytes, or (without it) If-Modified-Since not older. */
function isNotModified(requestHeaders: IncomingHttpHeaders, kept: KeptAnswer): boolean {
  const ifNoneMatch = requestHeaders['if-none-match'];
  if (typeof ifNoneMatch === 'string' && kept.etag !== null) {
    if (ifNoneMatch.trim() === '*') return true;
    const base = kept.etag.slice(1, -1);
    return ifNoneMatch.split(',').some((tag) => {
      const value = tag.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
      return value === base || value.startsWith(`${base}-`);
    });
  }
  const ifModifiedSince = requestHeaders['if-modified-since'];
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
