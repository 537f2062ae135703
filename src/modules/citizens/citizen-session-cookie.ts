import type { FastifyReply, FastifyRequest } from 'fastify';
import { sessionAbsoluteHours } from './citizen-rules.ts';

/**
 * The citizen's session cookie: its own name (never the staff session's), HttpOnly, SameSite=Lax (a link
 * from an e-mail to /account arrives signed in; forms are guarded by the CSRF token), Secure when the site
 * is served over https (the COOKIE_SECURE setting, as for staff), and no longer than the session's
 * absolute end. It holds the secret; the table holds only its hash.
 */
export const citizenCookieName = 'ow_citizen';

export function citizenCookieOf(request: FastifyRequest): string | undefined {
  return request.cookies[citizenCookieName];
}

export function setCitizenCookie(reply: FastifyReply, secret: string, isSecure: boolean): void {
  reply.setCookie(citizenCookieName, secret, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: isSecure,
    maxAge: sessionAbsoluteHours * 3600,
  });
}

export function clearCitizenCookie(reply: FastifyReply, isSecure: boolean): void {
  reply.clearCookie(citizenCookieName, { httpOnly: true, sameSite: 'lax', path: '/', secure: isSecure });
}
