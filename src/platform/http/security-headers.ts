import type { FastifyReply } from 'fastify';
import type { AppInstance } from './app-types.ts';
import { randomToken } from './random-tokens.ts';

/**
 * Security headers on every response, with a strict Content-Security-Policy: scripts and styles only
 * from our own origin, no inline script or style at all, no framing, forms post only to us.
 *
 * The policy is the same string for every response (computed once: these headers sit on the hot path
 * of every request). A page that one day truly needs an inline script calls `allowInlineScript(reply)`,
 * which adds a fresh nonce for that response only.
 */
const policyDirectives = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
];

export const contentSecurityPolicy = policyDirectives.join('; ');

export function securityHeaders(options: { isHttps: boolean }): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'same-origin',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(self), payment=()',
    ...(options.isHttps ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

/**
 * The pages of a route scope that carry personal data or a secret in their address (a case's look-up, a
 * draft's resume link, a sign-in link): no browser or proxy keeps them (`no-store`), and no other site
 * learns their address from a link followed (`no-referrer`). Register it once, in the scope's plugin.
 */
export function keepPagesPrivate(app: AppInstance): void {
  app.addHook('onSend', (_request, reply, payload, done) => {
    reply.header('cache-control', 'no-store');
    reply.header('referrer-policy', 'no-referrer');
    done(null, payload);
  });
}

/** Adds a per-response nonce to the policy and returns it, for the rare page with an inline <script nonce>. */
export function allowInlineScript(reply: FastifyReply): string {
  const nonce = randomToken(16, 'base64');
  reply.header(
    'content-security-policy',
    contentSecurityPolicy.replace("script-src 'self'", `script-src 'self' 'nonce-${nonce}'`),
  );
  return nonce;
}

/**
 * Lets this response's page load images from `origins` too (a map's tiles from the configured tile
 * server); scripts and styles stay our own. Origins not http(s) are ignored.
 */
export function allowImagesFrom(reply: FastifyReply, origins: readonly string[]): void {
  const allowed = origins.filter((origin) => /^https?:\/\/[^/\s;,']+$/.test(origin));
  if (allowed.length === 0) return;
  reply.header(
    'content-security-policy',
    contentSecurityPolicy.replace("img-src 'self' data:", `img-src 'self' data: ${allowed.join(' ')}`),
  );
}

/** Puts `headers` (securityHeaders') on every response Fastify sends. */
export function installSecurityHeaders(app: AppInstance, headers: Readonly<Record<string, string>>): void {
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
