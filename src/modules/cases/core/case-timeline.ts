import type { DatabaseOrTransaction } from '../../../platform/db/database.ts';
import { actorLabel, type CaseActor } from './case-actor.ts';
import { caseTimeline } from './cases-schema.ts';

/** One entry on a case's timeline (append-only): what happened, when, who did it, and its notes and facts. */
export interface TimelineEntry {
  caseId: string;
  at: Date;
  /** A workflow event, or a bookkeeping kind (created, assigned, extension_*, note). */
  kind: string;
  actor: CaseActor;
  fromState?: string | null;
  toState?: string | null;
  /** Shown to the applicant on /track. */
  publicNote?: string | null;
  internalNote?: string | null;
  data?: Record<string, unknown>;
}

export async function addToTimeline(tx: DatabaseOrTransaction, entry: TimelineEntry): Promise<void> {
  await tx.insert(caseTimeline).values({
    caseId: entry.caseId,
    occurredAt: entry.at,
    kind: entry.kind,
    fromState: entry.fromState ?? null,
    toState: entry.toState ?? null,
    actorStaffId: entry.actor.kind === 'staff' ? entry.actor.id : null,
    actorLabel: actorLabel(entry.actor),
    publicNote: entry.publicNote ?? null,
    internalNote: entry.internalNote ?? null,
    data: entry.data ?? {},
  });
}
