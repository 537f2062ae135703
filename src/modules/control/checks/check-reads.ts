import { and, asc, desc, eq, gte, inArray, lte, ne, or, type SQL, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../../platform/db/database.ts';
import type { PageWindow } from '../../../platform/db/paging.ts';
import { groupedBy } from '../shared/grouping.ts';
import {
  actionState,
  type CheckAction,
  type CheckKind,
  type CheckOrigin,
  type CheckRevision,
  type CheckView,
  type EvidenceFile,
  type FollowUp,
} from './check-rules.ts';
import {
  controlCheckActions,
  controlCheckEvidence,
  controlCheckFollowUps,
  controlCheckRevisions,
  controlChecks,
} from './checks-schema.ts';

/** Checks as the pages and the annual report read them: with their actions, follow-up and evidence. */

// Reading.

type CheckRow = typeof controlChecks.$inferSelect;

async function assemble(db: DatabaseOrTransaction, rows: CheckRow[], today: string): Promise<CheckView[]> {
  if (rows.length === 0) return [];
  const actionRowsOf = await db
    .select()
    .from(controlCheckActions)
    .where(
      inArray(
        controlCheckActions.checkId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(asc(controlCheckActions.ordinal));
  const followUpRows =
    actionRowsOf.length === 0
      ? []
      : await db
          .select()
          .from(controlCheckFollowUps)
          .where(
            inArray(
              controlCheckFollowUps.actionId,
              actionRowsOf.map((action) => action.id),
            ),
          )
          .orderBy(asc(controlCheckFollowUps.entryDate), asc(controlCheckFollowUps.createdAt));
  const evidenceRows =
    followUpRows.length === 0
      ? []
      : await db
          .select({
            id: controlCheckEvidence.id,
            followUpId: controlCheckEvidence.followUpId,
            fileName: controlCheckEvidence.fileName,
            mediaType: controlCheckEvidence.mediaType,
            sizeBytes: controlCheckEvidence.sizeBytes,
          })
          .from(controlCheckEvidence)
          .where(
            inArray(
              controlCheckEvidence.followUpId,
              followUpRows.map((row) => row.id),
            ),
          )
          .orderBy(asc(controlCheckEvidence.uploadedAt), asc(controlCheckEvidence.fileName));
  const evidenceOf = groupedBy(
    evidenceRows,
    (row) => row.followUpId,
    ({ followUpId: _, ...file }): EvidenceFile => file,
  );
  const followUpsOf = groupedBy(
    followUpRows,
    (row) => row.actionId,
    (row): FollowUp => ({
      id: row.id,
      evidence: evidenceOf.get(row.id) ?? [],
      entryDate: row.entryDate,
      note: row.note,
      createdAt: row.createdAt,
      createdByName: row.createdByName,
    }),
  );
  const actionsOf = groupedBy(
    actionRowsOf,
    (row) => row.checkId,
    (row): CheckAction => ({
      id: row.id,
      ordinal: row.ordinal,
      description: row.description,
      deadline: row.deadline,
      unitCode: row.unitCode,
      closedAt: row.closedAt,
      closedByName: row.closedByName,
      state: actionState(row, today),
      followUps: followUpsOf.get(row.id) ?? [],
    }),
  );
  return rows.map((row) => ({
    id: row.id,
    origin: row.origin,
    status: row.status,
    checkDate: row.checkDate,
    unitCode: row.unitCode,
    kind: row.kind,
    subject: row.subject,
    score: row.score,
    findings: row.findings,
    createdAt: row.createdAt,
    createdByName: row.createdByName,
    confirmedAt: row.confirmedAt,
    confirmedByName: row.confirmedByName,
    version: row.version,
    updatedAt: row.updatedAt,
    updatedByName: row.updatedByName,
    actions: actionsOf.get(row.id) ?? [],
  }));
}

export async function getCheck(
  db: DatabaseOrTransaction,
  id: string,
  today: string,
): Promise<CheckView | null> {
  const rows = await db.select().from(controlChecks).where(eq(controlChecks.id, id));
  const [check] = await assemble(db, rows, today);
  return check ?? null;
}

export interface CheckFilter {
  year?: number | undefined;
  unitCode?: string | undefined;
  kind?: CheckKind | undefined;
  origin?: CheckOrigin | undefined;
  /** Only checks with an open (not closed) action, or with an overdue one. */
  actions?: 'open' | 'overdue' | undefined;
  /** Leave out self-assessments still in draft. */
  withoutDrafts?: boolean;
}

/** A check has an action not closed yet (open), or one past its deadline on `today` (overdue). */
function withActions(state: 'open' | 'overdue', today: string): SQL {
  return sql`exists (select 1 from ${controlCheckActions} where ${controlCheckActions.checkId} = ${controlChecks.id}
    and ${controlCheckActions.closedAt} is null
    ${state === 'overdue' ? sql`and ${controlCheckActions.deadline} < ${today}` : sql``})`;
}

const newestFirst = [desc(controlChecks.checkDate), desc(controlChecks.createdAt), desc(controlChecks.id)];

/** Checks, newest first (a page of them with `window`), with their actions (state as of `today`) and follow-ups. */
export async function listChecks(
  db: DatabaseOrTransaction,
  filter: CheckFilter,
  today: string,
  window?: PageWindow,
): Promise<CheckView[]> {
  const conditions: SQL[] = [];
  if (filter.year !== undefined) {
    conditions.push(gte(controlChecks.checkDate, `${filter.year}-01-01`));
    conditions.push(lte(controlChecks.checkDate, `${filter.year}-12-31`));
  }
  if (filter.unitCode !== undefined) conditions.push(eq(controlChecks.unitCode, filter.unitCode));
  if (filter.kind !== undefined) conditions.push(eq(controlChecks.kind, filter.kind));
  if (filter.origin !== undefined) conditions.push(eq(controlChecks.origin, filter.origin));
  if (filter.withoutDrafts) conditions.push(ne(controlChecks.status, 'draft'));
  if (filter.actions !== undefined) conditions.push(withActions(filter.actions, today));
  const query = db
    .select()
    .from(controlChecks)
    .where(conditions.length === 0 ? undefined : and(...conditions))
    .orderBy(...newestFirst);
  return assemble(db, window ? await query.limit(window.limit).offset(window.offset) : await query, today);
}

/**
 * A unit's page: the checks of the unit and those with an action the unit is responsible for, newest first,
 * a page of them.
 */
export async function listChecksForUnit(
  db: DatabaseOrTransaction,
  unitCode: string,
  today: string,
  window: PageWindow,
): Promise<CheckView[]> {
  const rows = await db
    .select()
    .from(controlChecks)
    .where(
      or(
        eq(controlChecks.unitCode, unitCode),
        sql`exists (select 1 from ${controlCheckActions} where ${controlCheckActions.checkId} = ${controlChecks.id}
          and ${controlCheckActions.unitCode} = ${unitCode})`,
      ),
    )
    .orderBy(...newestFirst)
    .limit(window.limit)
    .offset(window.offset);
  return assemble(db, rows, today);
}

/**
 * For the annual performance report (§5): a year's checks and self-assessments (drafts left out), of one
 * unit or the whole bureau, with findings, corrective actions (state as of `today`, default 31 December of
 * the year) and their follow-up. Oldest first, as a report reads.
 */
export async function listChecksForReport(
  db: DatabaseOrTransaction,
  options: { year: number; unitCode?: string; today?: string },
): Promise<CheckView[]> {
  const checks = await listChecks(
    db,
    { year: options.year, unitCode: options.unitCode, withoutDrafts: true },
    options.today ?? `${options.year}-12-31`,
  );
  return checks.reverse();
}

export async function listRevisions(db: DatabaseOrTransaction, checkId: string): Promise<CheckRevision[]> {
  return db
    .select({
      version: controlCheckRevisions.version,
      revisedAt: controlCheckRevisions.revisedAt,
      revisedByName: controlCheckRevisions.revisedByName,
      reason: controlCheckRevisions.reason,
      changes: controlCheckRevisions.changes,
    })
    .from(controlCheckRevisions)
    .where(eq(controlCheckRevisions.checkId, checkId))
    .orderBy(asc(controlCheckRevisions.version));
}

/**
 * One evidence file to serve, only if it belongs to that check; null otherwise. Its bytes are in the file
 * store under `sha256` (`content` only for a row written before the store, not yet moved).
 */
export async function readEvidence(
  db: DatabaseOrTransaction,
  checkId: string,
  evidenceId: string,
): Promise<(EvidenceFile & { sha256: string; content: Buffer | null }) | null> {
  const [row] = await db
    .select({
      id: controlCheckEvidence.id,
      fileName: controlCheckEvidence.fileName,
      mediaType: controlCheckEvidence.mediaType,
      sizeBytes: controlCheckEvidence.sizeBytes,
      sha256: controlCheckEvidence.sha256,
      content: controlCheckEvidence.content,
    })
    .from(controlCheckEvidence)
    .innerJoin(controlCheckFollowUps, eq(controlCheckFollowUps.id, controlCheckEvidence.followUpId))
    .innerJoin(controlCheckActions, eq(controlCheckActions.id, controlCheckFollowUps.actionId))
    .where(and(eq(controlCheckEvidence.id, evidenceId), eq(controlCheckActions.checkId, checkId)));
  return row ?? null;
}
