import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { AppInstance } from './app-types.ts';
import { messageFor } from './error-messages.ts';
import { DomainError } from './errors.ts';
import { randomToken } from './random-tokens.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * The token a form puts in its hidden `_csrf` field (JSON clients send it as `x-csrf-token`). Signed
     * in: the session's token. Anonymous: a double-submit token, created on first read, whose `ow_csrf`
     * cookie is set on the response only if the page contains it, so only pages with a form set it.
     */
    readonly csrfToken: string;
  }
  interface FastifyContextConfig {
    /** `false` exempts a route (e.g. one authenticated another way); it must then protect itself. */
    csrf?: boolean;
  }
}

export const csrfCookieName = 'ow_csrf';
export const csrfFieldName = '_csrf';
export const csrfHeaderName = 'x-csrf-token';

/** The anonymous token's cookie (also set by a kept form page: platform/http/public-reads.ts). */
export function anonymousCsrfCookie(token: string, isSecure: boolean): string {
  return `${csrfCookieName}=${token}; Path=/; HttpOnly; SameSite=Strict${isSecure ? '; Secure' : ''}`;
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

export interface CsrfOptions {
  isCookieSecure: boolean;
  /** The signed-in (or half signed-in) session's token, or null without a session. */
  sessionCsrfToken: (request: FastifyRequest) => string | null;
}

/** Tokens created during this request, whose cookie the response still has to set. */
const newAnonymousTokens = new WeakMap<FastifyRequest, string>();

/**
 * Multipart requests whose token is the body's first part (a form with files sends its hidden `_csrf`
 * field first): the token expected there. The multipart reader's hook (platform/uploads/multipart.ts)
 * checks it before the handler runs and before any file is read.
 */
const tokensExpectedInBody = new WeakMap<FastifyRequest, string>();

/** The token a multipart request's first part must hold, or null when its token was already checked. */
export function csrfTokenExpectedInBody(request: FastifyRequest): string | null {
  return tokensExpectedInBody.get(request) ?? null;
}

/**
 * CSRF protection for every unsafe request (ADR 0004). It runs in preValidation: after the body is parsed
 * but before schema validation, which strips unknown fields such as `_csrf`.
 */
export function installCsrf(app: AppInstance, options: CsrfOptions): void {
  const cookieToken = (request: FastifyRequest): string | null => {
    const value = request.cookies[csrfCookieName];
    return value !== undefined && tokenPattern.test(value) ? value : null;
  };
  const expectedToken = (request: FastifyRequest): string | null =>
    options.sessionCsrfToken(request) ?? cookieToken(request);

  app.decorateRequest('csrfToken', {
    getter(this: FastifyRequest): string {
      const existing = expectedToken(this) ?? newAnonymousTokens.get(this);
      if (existing !== undefined) return existing;
      const token = randomToken(32);
      newAnonymousTokens.set(this, token);
      return token;
    },
  });

  // The cookie goes out only when the token is really in the page (a form): the page shell reads
  // request.csrfToken on every page, and citizens reading public pages get no cookie from that.
  // Callback hooks, not async ones: they run on every request and usually do nothing.
  app.addHook('onSend', (request, reply, payload, done) => {
    const token = newAnonymousTokens.get(request);
    if (token === undefined) return done(null, payload);
    const isTokenInPage =
      typeof payload === 'string' || Buffer.isBuffer(payload) ? payload.includes(token) : payload !== null;
    if (!isTokenInPage) return done(null, payload);
    reply.header('set-cookie', anonymousCsrfCookie(token, options.isCookieSecure));
    done(null, payload);
  });

  app.addHook('preValidation', (request, _reply, done) => {
    if (!unsafeMethods.has(request.method) || request.is404) return done();
    if (request.routeOptions.config.csrf === false) return done();
    const submitted = submittedToken(request);
    const expected = expectedToken(request);
    // A form with files: its token is the body's first part, read by the multipart reader's own hook. Only
    // in a context that reads multipart (elsewhere such a body is never read, and is refused here).
    if (submitted === null && expected !== null && isMultipart(request) && readsMultipart(request)) {
      tokensExpectedInBody.set(request, expected);
      return done();
    }
    if (!isTokenEqual(submitted, expected)) {
      return done(new DomainError('CSRF_INVALID', messageFor('CSRF_INVALID', request.lang)));
    }
    done();
  });
}

function isMultipart(request: FastifyRequest): boolean {
  return request.headers['content-type']?.toLowerCase().startsWith('multipart/form-data') === true;
}

function readsMultipart(request: FastifyRequest): boolean {
  return typeof (request as { parts?: unknown }).parts === 'function';
}

/**
 * An action URL with the token in its query, for a client that posts multipart without a page (a script, a
 * test of the upload limits). Pages never use it: a form with files sends its token as its first part
 * (`PostForm` puts `CsrfField` first), so no token is ever shown in the address bar (issue 14).
 */
export function withCsrfQuery(action: string, token: string): string {
  return `${action}${action.includes('?') ? '&' : '?'}${csrfFieldName}=${encodeURIComponent(token)}`;
}

/**
 * The token a request carries: the header first (JSON clients), else the form field; for a multipart body
 * (not read yet at this point) the `?_csrf=` query parameter of a client that put it there (pages send it
 * as the body's first part instead: `csrfTokenExpectedInBody`). Only multipart requests may use the query.
 */
function submittedToken(request: FastifyRequest): string | null {
  const header = request.headers[csrfHeaderName];
  if (typeof header === 'string' && header !== '') return header;
  if (isMultipart(request)) {
    const query = request.query;
    const field =
      typeof query === 'object' && query !== null ? (query as Record<string, unknown>)[csrfFieldName] : null;
    return typeof field === 'string' ? field : null;
  }
  const body = request.body;
  if (typeof body === 'object' && body !== null && csrfFieldName in body) {
    const field = (body as Record<string, unknown>)[csrfFieldName];
    if (typeof field === 'string') return field;
  }
  return null;
}

export function isTokenEqual(submitted: string | null, expected: string | null): boolean {
  if (submitted === null || expected === null) return false;
  const left = Buffer.from(submitted);
  const right = Buffer.from(expected);
  return left.length === right.length && timingSafeEqual(left, right);
}
