import { and, asc, eq, inArray } from 'drizzle-orm';
import { staff } from '../../../platform/auth/auth-schema.ts';
import type { DatabaseOrTransaction } from '../../../platform/db/database.ts';
import { type UnitCaseRole, unitCaseRoles } from './case-actions.ts';

/** Someone a case of the unit can be assigned to. */
export interface UnitHandler {
  id: string;
  displayName: string;
  role: UnitCaseRole;
}

/**
 * The people a unit's cases can be assigned to: active handlers and supervisors of that unit, by name
 * (the same set assignCases accepts).
 */
export async function listUnitHandlers(db: DatabaseOrTransaction, unitCode: string): Promise<UnitHandler[]> {
  const rows = await db
    .select({ id: staff.id, displayName: staff.displayName, role: staff.role })
    .from(staff)
    .where(
      and(eq(staff.unitCode, unitCode), eq(staff.isActive, true), inArray(staff.role, [...unitCaseRoles])),
    )
    .orderBy(asc(staff.displayName), asc(staff.id));
  return rows.map((row) => ({ ...row, role: row.role === 'supervisor' ? 'supervisor' : 'handler' }));
}

/** Display names of staff members by id (who decided an extension, who uploaded a file). */
export async function staffNamesById(
  db: DatabaseOrTransaction,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: staff.id, displayName: staff.displayName })
    .from(staff)
    .where(inArray(staff.id, unique));
  return new Map(rows.map((row) => [row.id, row.displayName]));
}
