import type { FastifyRequest } from 'fastify';
import { signedInStaff } from '../../../platform/auth/require-staff.ts';
import type { AppDeps } from '../../../platform/http/app-types.ts';
import type { CaseActor, CasesContext } from './cases-service.ts';

/** The context a case use case runs in, for one request: the database, the clock's now, the language. */
export function casesContext(request: FastifyRequest, deps: AppDeps): CasesContext {
  return {
    db: deps.db,
    now: deps.clock.now(),
    lang: request.lang,
    calendarRegion: deps.config.calendarRegion,
    reopenDays: deps.config.caseReopenDays,
    publicBaseUrl: deps.config.publicBaseUrl,
    jobs: deps.jobs,
    origin: { ip: request.ip, requestId: request.id, userAgent: request.headers['user-agent'] ?? null },
  };
}

/** The signed-in staff member as a case actor (behind requireStaff). */
export function staffCaseActor(request: FastifyRequest): CaseActor & { kind: 'staff' } {
  const staff = signedInStaff(request);
  return {
    kind: 'staff',
    id: staff.id,
    displayName: staff.displayName,
    email: staff.email,
    role: staff.role,
    unitCode: staff.unitCode,
  };
}

/** Paths of the case pages (defined in case-paths.ts, which imports nothing). */
export { casePaths } from './case-paths.ts';
