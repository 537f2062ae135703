import type { FastifyRequest } from 'fastify';
import type { Clock } from '../http/clock.ts';
import type { Lang } from '../web/i18n.ts';
import { type AuditActor, type RequestOrigin, staffActor } from './audit-log.ts';
import type { StaffPrincipal } from './principal.ts';
import { signedInStaff } from './require-staff.ts';

/**
 * Who acts, when, in which language and from where: what every handler hands its use case instead of the
 * request (services never see Fastify). Built once per request by `actorContext` / `staffActorContext`.
 */
export interface ActorContext {
  readonly lang: Lang;
  /** The clock's now, read once: one request acts at one instant. */
  readonly now: Date;
  readonly origin: RequestOrigin;
  /** The signed-in staff member, or null for a citizen or an anonymous caller. */
  readonly staff: StaffPrincipal | null;
}

export interface StaffActorContext extends ActorContext {
  readonly staff: StaffPrincipal;
  /** The staff member as the audit log names them. */
  readonly auditActor: AuditActor;
}

/** Where the request came from, for the audit trail (the IP as Fastify's trustProxy setting reads it). */
export function requestOrigin(request: FastifyRequest): RequestOrigin {
  return { ip: request.ip, requestId: request.id, userAgent: request.headers['user-agent'] ?? null };
}

export function actorContext(request: FastifyRequest, deps: { clock: Clock }): ActorContext {
  return { lang: request.lang, now: deps.clock.now(), origin: requestOrigin(request), staff: request.staff };
}

/** For routes behind requireStaff: the context with the signed-in member (throws if the route forgot it). */
export function staffActorContext(request: FastifyRequest, deps: { clock: Clock }): StaffActorContext {
  const staff = signedInStaff(request);
  return { ...actorContext(request, deps), staff, auditActor: staffActor(staff) };
}
