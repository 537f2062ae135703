import { randomBytes } from 'node:crypto';
import type { AppInstance } from './app-types.ts';

/**
 * Security headers on every response, with a strict Content-Security-Policy: scripts and styles only
 * from our own origin, inline script only with the per-request nonce, no framing, forms post only to us.
 */
export function installSecurityHeaders(app: AppInstance, options: { isHttps: boolean }): void {
  app.decorateRequest('cspNonce', '');
  app.addHook('onRequest', async (request, reply) => {
    request.cspNonce = randomBytes(16).toString('base64');
    reply.header(
      'content-security-policy',
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${request.cspNonce}'`,
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
      ].join('; '),
    );
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'same-origin');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('cross-origin-resource-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(self), payment=()');
    if (options.isHttps) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
}
