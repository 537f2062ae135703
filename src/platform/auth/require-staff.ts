import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  HookHandlerDoneFunction,
  RouteOptions,
} from 'fastify';
import { isApiRequest } from '../http/error-handler.ts';
import { messageFor } from '../http/error-messages.ts';
import { DomainError } from '../http/errors.ts';
import { localePath } from '../web/i18n.ts';
import { authText } from './auth-messages.ts';
import { staffPaths } from './auth-paths.ts';
import { needsTwoFactorEnrolment, type StaffPrincipal, type StaffRole } from './principal.ts';
import { safeReturnPath } from './return-path.ts';

export interface RequireStaffOptions {
  /** Only these roles; anyone else signed in gets 403. */
  roles?: readonly StaffRole[];
  /** For the enrolment page and sign-out only: reachable by an admin who has not set up two-factor yet. */
  allowBeforeTwoFactorEnrolment?: boolean;
}

/**
 * The route-level guard (`preHandler: requireStaff({ roles: ['admin'] })`). Not signed in: pages go to
 * the sign-in page (and come back afterwards), JSON gets 401. A timed-out session says so. Wrong role:
 * 403. An admin without two-factor is sent to enrol before anything else.
 */
export function requireStaff(options: RequireStaffOptions = {}) {
  const handler = async function requireStaffHandler(
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<FastifyReply | undefined> {
    const staff = request.staff;
    const lang = request.lang;
    if (staff === null) {
      if (isApiRequest(request)) {
        const code = request.sessionEndReason === 'expired' ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED';
        throw new DomainError(code, messageFor(code, lang));
      }
      return reply.redirect(signInLocation(request), 303);
    }
    if (!options.allowBeforeTwoFactorEnrolment && needsTwoFactorEnrolment(staff)) {
      if (isApiRequest(request))
        throw new DomainError('FORBIDDEN', authText(lang, 'twoFactorRequiredNotice'));
      return reply.redirect(localePath(lang, staffPaths.twoFactor), 303);
    }
    if (options.roles && !options.roles.includes(staff.role)) {
      throw new DomainError('FORBIDDEN', messageFor('FORBIDDEN', lang));
    }
    return undefined;
  };
  return Object.assign(handler, { [staffGuard]: true });
}

const staffGuard = Symbol('requireStaff');

function isStaffGuarded(preHandler: RouteOptions['preHandler']): boolean {
  const handlers = preHandler === undefined ? [] : Array.isArray(preHandler) ? preHandler : [preHandler];
  return handlers.some((handler) => typeof handler === 'function' && staffGuard in handler);
}

/**
 * Authentication before the body's rules (issue 13): a JSON request without a staff session to a route
 * behind requireStaff is answered 401 (SESSION_EXPIRED after a timeout) right after the CSRF check, before
 * the input check and the schema look at the body — an anonymous caller learns nothing of the body's rules.
 * (A body that cannot be read at all — another charset, broken JSON — is refused while it is read, before
 * this.) Pages keep requireStaff's redirect (in preHandler, as before). Call before the routes are
 * registered (app.ts).
 */
export function authenticateStaffApiFirst(app: FastifyInstance): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!isStaffGuarded(route.preHandler)) return;
    const existing = route.preValidation === undefined ? [] : [route.preValidation].flat();
    route.preValidation = [refuseAnonymousApi, ...existing];
  });
}

function refuseAnonymousApi(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) {
  if (request.staff !== null || !isApiRequest(request)) return done();
  const code = request.sessionEndReason === 'expired' ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED';
  done(new DomainError(code, messageFor(code, request.lang)));
}

/** The sign-in page, with the way back (a GET page only: a form post cannot be replayed) and the reason. */
export function signInLocation(request: FastifyRequest): string {
  const query = new URLSearchParams();
  const returnPath = request.method === 'GET' ? safeReturnPath(request.url) : null;
  if (returnPath !== null) query.set('return', returnPath);
  if (request.sessionEndReason === 'expired') query.set('reason', 'expired');
  const search = query.toString();
  return `${localePath(request.lang, staffPaths.signIn)}${search === '' ? '' : `?${search}`}`;
}

/** The signed-in staff member in a handler behind requireStaff (which has already refused everyone else). */
export function signedInStaff(request: FastifyRequest): StaffPrincipal {
  if (request.staff === null) throw new Error('signedInStaff: the route has no requireStaff preHandler');
  return request.staff;
}
