import type { FastifyRequest } from 'fastify';
import { type ActorContext, actorContext } from '../../../platform/auth/actor-context.ts';
import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import { signedInStaff } from '../../../platform/auth/require-staff.ts';
import type { AppDeps } from '../../../platform/http/app-types.ts';
import type { CasesContext, StaffCaseActor } from './case-actor.ts';

/**
 * What a case use case runs with, for one request: the database, the clock's now, the language, the
 * settings it needs and the request's origin (the platform's actorContext). Handlers build it here and
 * pass it on; the use cases never see the request.
 */
export function casesContext(request: FastifyRequest, deps: AppDeps): CasesContext {
  return casesContextOf(actorContext(request, deps), deps);
}

/** The same, from an actor context a platform route already built (postStaffForm's `run`). */
export function casesContextOf(actor: ActorContext, deps: AppDeps): CasesContext {
  return {
    db: deps.db,
    now: actor.now,
    lang: actor.lang,
    calendarRegion: deps.config.calendarRegion,
    reopenDays: deps.config.caseReopenDays,
    publicBaseUrl: deps.config.publicBaseUrl,
    jobs: deps.jobs,
    origin: actor.origin,
  };
}

/** The signed-in staff member as a case actor (behind requireStaff). */
export function staffCaseActor(request: FastifyRequest): StaffCaseActor {
  return staffCaseActorOf(signedInStaff(request));
}

/** A staff member as a case actor. */
export function staffCaseActorOf(staff: StaffPrincipal): StaffCaseActor {
  return {
    kind: 'staff',
    id: staff.id,
    displayName: staff.displayName,
    email: staff.email,
    role: staff.role,
    unitCode: staff.unitCode,
  };
}
