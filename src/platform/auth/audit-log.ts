import { and, desc, eq, gte, like, lt, or, type SQL } from 'drizzle-orm';
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

/** What the audit log may be filtered by (platform/auth/audit-filters.ts reads them from the page's query). */
export interface AuditLogFilter {
  /** The part of the action before its first dot (`staff`, `unit`, `case` …). */
  area?: string;
  action?: string;
  actorLabel?: string;
  /** From this instant, included. */
  since?: Date | null;
  /** Up to this instant, excluded. */
  before?: Date | null;
}

function filterConditions(filter: AuditLogFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.area)
    conditions.push(like(auditLog.action, `${filter.area.replace(/[\\%_]/g, (char) => `\\${char}`)}.%`));
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.actorLabel) conditions.push(eq(auditLog.actorLabel, filter.actorLabel));
  if (filter.since) conditions.push(gte(auditLog.occurredAt, filter.since));
  if (filter.before) conditions.push(lt(auditLog.occurredAt, filter.before));
  return conditions;
}

const rowColumns = {
  id: auditLog.id,
  occurredAt: auditLog.occurredAt,
  actorLabel: auditLog.actorLabel,
  action: auditLog.action,
  targetType: auditLog.targetType,
  targetId: auditLog.targetId,
  ip: auditLog.ip,
  details: auditLog.details,
};

/**
 * Newest first, filtered by area, exact action, actor label and a time range. It reads one row more than a
 * page to know whether a next page exists: counting a large append-only table on every view would be the
 * slow part. Every filter is an indexed column (occurred_at, action, actor_label).
 */
export async function listAuditLog(
  db: DatabaseOrTransaction,
  options: AuditLogFilter & { page: number; pageSize?: number },
): Promise<AuditLogPage> {
  const window = pageWindow(Math.max(1, options.page), options.pageSize ?? auditLogPageSize);
  const conditions = filterConditions(options);
  const rows = await db
    .select(rowColumns)
    .from(auditLog)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.occurredAt), desc(auditLog.id))
    .limit(window.limit)
    .offset(window.offset);
  return { ...pageOfRows(rows, window), page: window.page };
}

/** The most rows one CSV export holds: narrow the filter for more. */
export const auditExportMaxRows = 50_000;

/**
 * The filtered rows, newest first, in batches of `batchSize` read one after another (keyset on the time and
 * id, so each is an index range, not an offset), at most `auditExportMaxRows`: memory stays one batch.
 */
export async function* auditLogBatches(
  db: DatabaseOrTransaction,
  filter: AuditLogFilter,
  batchSize = 1000,
): AsyncGenerator<AuditLogRow[]> {
  let last: { occurredAt: Date; id: number } | null = null;
  let sent = 0;
  while (sent < auditExportMaxRows) {
    const conditions = filterConditions(filter);
    if (last !== null) {
      const { occurredAt, id } = last;
      conditions.push(
        or(
          lt(auditLog.occurredAt, occurredAt),
          and(eq(auditLog.occurredAt, occurredAt), lt(auditLog.id, id)),
        ) as SQL,
      );
    }
    const rows: AuditLogRow[] = await db
      .select(rowColumns)
      .from(auditLog)
      .where(conditions.length > 0 ? and(...conditions) : undefined)
      .orderBy(desc(auditLog.occurredAt), desc(auditLog.id))
      .limit(Math.min(batchSize, auditExportMaxRows - sent));
    if (rows.length === 0) return;
    yield rows;
    sent += rows.length;
    const end = rows.at(-1) as AuditLogRow;
    last = { occurredAt: end.occurredAt, id: end.id };
    if (rows.length < batchSize) return;
  }
}
