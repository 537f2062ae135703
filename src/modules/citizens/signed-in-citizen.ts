import type { AppDeps, AppInstance } from '../../platform/http/app-types.ts';
import { citizenCookieOf } from './citizen-session-cookie.ts';
import { findCitizenSession } from './citizen-sign-in-service.ts';

/**
 * A page a browser asks for (GET or HEAD, accepting HTML) with the citizen's cookie: their session is read
 * so that the header says who is signed in to "My cases" and offers to sign out (`request.citizen`), on
 * every page, not only the account's. One indexed read, only for requests carrying the cookie; those are
 * never answered from the kept public pages (ADR 0013), so nobody else sees the bar. Staff pages show the
 * staff bar instead. A page opened keeps the session alive as the account page does; an ended session is
 * left for the account page to end and say why.
 */
export function readSignedInCitizen(app: AppInstance, deps: Pick<AppDeps, 'db' | 'clock'>): void {
  app.addHook('preHandler', async (request) => {
    if (request.staff) return;
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    const secret = citizenCookieOf(request);
    if (secret === undefined || secret === '') return;
    if (!(request.headers.accept ?? '').includes('text/html')) return;
    const session = await findCitizenSession(deps.db, secret, deps.clock.now(), { keepEnded: true });
    if (session.kind === 'active') request.citizen = { email: session.email };
  });
}
