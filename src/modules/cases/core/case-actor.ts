import type { AuditActor, RequestOrigin } from '../../../platform/auth/audit-log.ts';
import type { StaffRole } from '../../../platform/auth/principal.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { Jobs } from '../../../platform/jobs/jobs.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import type { cases } from './cases-schema.ts';
import type { CaseActorRole } from './workflow-definition.ts';

/** Who acts on a case: a signed-in staff member, the applicant (number + lookup code), or the platform. */
export type CaseActor =
  | {
      kind: 'staff';
      id: string;
      displayName: string;
      email: string;
      role: StaffRole;
      unitCode: string | null;
    }
  | { kind: 'applicant' }
  | { kind: 'system' };

export type StaffCaseActor = CaseActor & { kind: 'staff' };

export function actorRole(actor: CaseActor): CaseActorRole | null {
  if (actor.kind === 'staff') return actor.role;
  if (actor.kind === 'applicant') return 'applicant';
  return null;
}

/** How the timeline names who acted: the staff member's name at the time, 'applicant' or 'system'. */
export function actorLabel(actor: CaseActor): string {
  if (actor.kind === 'staff') return actor.displayName;
  return actor.kind;
}

export function auditActorOf(actor: CaseActor): AuditActor {
  return actor.kind === 'staff'
    ? { staffId: actor.id, label: actor.email }
    : { staffId: null, label: actor.kind };
}

/** What a case use case runs with: the database, one instant, the user's language and the settings it needs. */
export interface CasesContext {
  db: Database;
  now: Date;
  lang: Lang;
  calendarRegion: string;
  reopenDays: number;
  /** The public address, for tracking links in notices. */
  publicBaseUrl: string;
  /** Notices go out as jobs written in the case's own transaction. */
  jobs: Jobs;
  origin?: RequestOrigin;
}

export type CaseRow = typeof cases.$inferSelect;
