import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../db/database.ts';
import { pageOfRows, pageWindow } from '../db/paging.ts';
import { auditLog } from './auth-schema.ts';
import type { StaffPrincipal } from './principal.ts';

/** Who acted: a signed-in staff member, the command line, or the platform itself. */
export interface AuditActor {
  staffId: string | null;
  label: string;
}

export const cliActor: AuditActor = { staffId: null, label: 'cli' };
export const systemActor: AuditActor = { staffId: null, label: 'system' };
/** A sign-in attempt has no actor yet; the attempted address goes (masked) into the details. */
export const anonymousActor: AuditActor = { staffId: null, label: 'anonymous' };

export function staffActor(staff: Pick<StaffPrincipal, 'id' | 'email'>): AuditActor {
  return { staffId: staff.id, label: staff.email };
}

/** Where a request came from, for the audit trail. Services take it as data, never the request. */
export interface RequestOrigin {
  ip: string | null;
  requestId: string | null;
  userAgent: string | null;
}

export const noRequestOrigin: RequestOrigin = { ip: null, requestId: null, userAgent: null };

export interface AuditEntry {
  occurredAt: Date;
  actor: AuditActor;
  action: string;
  target?: { type: string; id: string };
  origin?: RequestOrigin;
  /** Never a password, code or token; e-mail addresses of people who are not the actor only masked. */
  details?: Record<string, unknown>;
}

/** Appends one row. Pass the use case's transaction so the entry commits with the change it records. */
export async function recordAudit(db: DatabaseOrTransaction, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    occurredAt: entry.occurredAt,
    actorStaffId: entry.actor.staffId,
    actorLabel: entry.actor.label,
    action: entry.action,
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id ?? null,
    ip: entry.origin?.ip ?? null,
    requestId: entry.origin?.requestId ?? null,
    details: entry.details ?? {},
  });
}

/**
 * Appends one row for what the signed-in staff member of a handler's context did or read, at the
 * context's instant and from its origin (e.g. who looked at personal data is part of the trail).
 */
export async function recordStaffAudit(
  db: DatabaseOrTransaction,
  context: { now: Date; auditActor: AuditActor; origin: RequestOrigin },
  entry: Pick<AuditEntry, 'action' | 'target' | 'details'>,
): Promise<void> {
  await recordAudit(db, {
    occurredAt: context.now,
    actor: context.auditActor,
    origin: context.origin,
    ...entry,
  });
}

export interface AuditLogRow {
  id: number;
  occurredAt: Date;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

export interface AuditLogPage {
  rows: AuditLogRow[];
  page: number;
  hasNextPage: boolean;
}

export const auditLogPageSize = 50;

/**
 * Newest first, filtered by exact action and actor label. It reads one row more than a page to know
 * whether a next page exists: counting a large append-only table on every view would be the slow part.
 */
export async function listAuditLog(
  db: DatabaseOrTransaction,
  options: { page: number; action?: string; actorLabel?: string; pageSize?: number },
): Promise<AuditLogPage> {
  const window = pageWindow(Math.max(1, options.page), options.pageSize ?? auditLogPageSize);
  const conditions: SQL[] = [];
  if (options.action) conditions.push(eq(auditLog.action, options.action));
  if (options.actorLabel) conditions.push(eq(auditLog.actorLabel, options.actorLabel));
  const rows = await db
    .select({
      id: auditLog.id,
      occurredAt: auditLog.occurredAt,
      actorLabel: auditLog.actorLabel,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      ip: auditLog.ip,
      details: auditLog.details,
    })
    .from(auditLog)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.occurredAt), desc(auditLog.id))
    .limit(window.limit)
    .offset(window.offset);
  return { ...pageOfRows(rows, window), page: window.page };
}
