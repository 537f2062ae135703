import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps, AppInstance } from '../http/app-types.ts';
import { findStaffSession, type StaffSessionRecord } from './staff-sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * The session behind the cookie, complete or half-way through sign-in (password accepted, code not
     * yet given). `request.staff` is set only for a complete one.
     */
    staffSession: StaffSessionRecord | null;
    /** 'expired' when the cookie's session timed out on this request: the sign-in page says so. */
    sessionEndReason: 'expired' | null;
  }
}

export const sessionCookieName = 'ow_session';

export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  options: { isSecure: boolean; maxAgeSeconds: number },
) {
  // Lax (not Strict): following a link to a staff page from an e-mail must arrive signed in. Unsafe
  // requests are guarded by the CSRF token, not by SameSite.
  reply.setCookie(sessionCookieName, token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: options.isSecure,
    maxAge: options.maxAgeSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply, options: { isSecure: boolean }) {
  reply.clearCookie(sessionCookieName, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: options.isSecure,
  });
}

/**
 * Sets request.staff on every request, on the root instance so every module sees it. Without a session
 * cookie (every citizen) it costs nothing: no database query. Static assets never look the session up.
 */
export function installStaffSessions(app: AppInstance, deps: AppDeps): void {
  app.decorateRequest('staffSession', null);
  app.decorateRequest('sessionEndReason', null);
  const lookUp = async (request: FastifyRequest, reply: FastifyReply, token: string): Promise<void> => {
    const lookup = await findStaffSession(deps.db, { token, now: deps.clock.now(), lifetime: deps.config });
    if (lookup.kind !== 'active') {
      request.sessionEndReason = lookup.kind === 'expired' ? 'expired' : null;
      clearSessionCookie(reply, { isSecure: deps.config.cookieSecure });
      return;
    }
    request.staffSession = lookup.session;
    request.staff = lookup.session.isMfaComplete ? lookup.principal : null;
  };
  // A callback hook, not an async one: the common case (no cookie) then costs no promise at all.
  app.addHook('onRequest', (request, reply, done) => {
    const token = request.cookies[sessionCookieName];
    if (token === undefined || request.url.startsWith('/assets/')) return done();
    lookUp(request, reply, token).then(() => done(), done);
  });
}
