import { type RequestOrigin, recordAudit, staffActor } from '../../../platform/auth/audit-log.ts';
import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import type { DatabaseOrTransaction } from '../../../platform/db/database.ts';

/**
 * Records what a staff member did, in the use case's transaction (so the entry commits with the change):
 * who, when and from where come from the use case's options. Never personal data in `details`.
 */
export async function auditByStaff(
  tx: DatabaseOrTransaction,
  by: { staff: Pick<StaffPrincipal, 'id' | 'email'>; now: Date; origin?: RequestOrigin | undefined },
  entry: { action: string; target: { type: string; id: string }; details: Record<string, unknown> },
): Promise<void> {
  await recordAudit(tx, {
    occurredAt: by.now,
    actor: staffActor(by.staff),
    ...entry,
    ...(by.origin ? { origin: by.origin } : {}),
  });
}
