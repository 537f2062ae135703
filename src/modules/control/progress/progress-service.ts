import { and, eq, inArray, sql } from 'drizzle-orm';
import type { RequestOrigin } from '../../../platform/auth/audit-log.ts';
import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import type { Database, DatabaseOrTransaction } from '../../../platform/db/database.ts';
import { recordStoredFile } from '../../../platform/files/file-store.ts';
import { DomainError, type FieldProblem, notFound } from '../../../platform/http/errors.ts';
import type { UploadedFile } from '../../../platform/uploads/multipart.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { getPlan } from '../plans/plan-reads.ts';
import { controlPlans } from '../plans/plan-schema.ts';
import { auditByStaff } from '../shared/staff-audit.ts';
import { progressText as text } from './progress-messages.ts';
import {
  defaultSettings,
  dueDateOf,
  entryProblems,
  mayEnter,
  type ProgressForm,
  type ProgressSettings,
  type ProgressStatus,
  settingsProblems,
} from './progress-rules.ts';
import {
  controlProgressEntries,
  controlProgressEvidence,
  controlProgressSettings,
  controlProgressValues,
} from './progress-schema.ts';

/**
 * 管制查考 §3: a unit's entries per practice and period (with measured values and evidence), and the
 * secretariat's cadence. The rules: progress-rules.ts; the overview: progress-overview.ts.
 */

export async function settingsOf(db: DatabaseOrTransaction, planId: string): Promise<ProgressSettings> {
  const [row] = await db
    .select()
    .from(controlProgressSettings)
    .where(eq(controlProgressSettings.planId, planId));
  return row ? { cadence: row.cadence, dueDay: row.dueDay } : defaultSettings;
}

/** The quantified targets of the unit's accepted (or published) work plan for the year. */
export async function targetsOf(db: DatabaseOrTransaction, year: number, unitCode: string | null) {
  const rows = await db.execute<{
    id: string;
    unit_code: string;
    practice_ids: string[];
    indicator: string;
    unit_of_measure: string;
    baseline: number;
    target: number;
  }>(sql`
    select t.id, w.unit_code, r.practice_ids, t.indicator, t.unit_of_measure, t.baseline, t.target
    from control_work_plans w
    join control_work_plan_rows r on r.work_plan_id = w.id
    join control_work_plan_targets t on t.row_id = r.id
    where w.year = ${year} and w.state in ('accepted', 'published')
      ${unitCode === null ? sql`` : sql`and w.unit_code = ${unitCode}`}
    order by w.unit_code, r.sort_order, t.sort_order`);
  return rows.rows.map((row) => ({
    unitCode: row.unit_code,
    id: row.id,
    practiceIds: row.practice_ids,
    indicator: row.indicator,
    unitOfMeasure: row.unit_of_measure,
    baseline: Number(row.baseline),
    target: Number(row.target),
  }));
}

export interface EntryView {
  id: string;
  practiceId: string;
  status: ProgressStatus;
  narrative: string;
  isLate: boolean;
  enteredBy: string;
  enteredAt: Date;
  values: Map<string, number>;
  evidence: { id: string; kind: 'file' | 'link'; url: string | null; fileName: string | null }[];
}

export async function entriesFor(
  db: DatabaseOrTransaction,
  year: number,
  unitCode: string,
  period: string,
): Promise<Map<string, EntryView>> {
  const rows = await db
    .select()
    .from(controlProgressEntries)
    .where(
      and(
        eq(controlProgressEntries.year, year),
        eq(controlProgressEntries.unitCode, unitCode),
        eq(controlProgressEntries.period, period),
      ),
    );
  const result = new Map<string, EntryView>();
  if (rows.length === 0) return result;
  const ids = rows.map((row) => row.id);
  const values = await db
    .select()
    .from(controlProgressValues)
    .where(inArray(controlProgressValues.entryId, ids));
  const evidence = await db
    .select({
      id: controlProgressEvidence.id,
      entryId: controlProgressEvidence.entryId,
      kind: controlProgressEvidence.kind,
      url: controlProgressEvidence.url,
      fileName: controlProgressEvidence.fileName,
    })
    .from(controlProgressEvidence)
    .where(inArray(controlProgressEvidence.entryId, ids))
    .orderBy(controlProgressEvidence.addedAt);
  for (const row of rows)
    result.set(row.practiceId, {
      id: row.id,
      practiceId: row.practiceId,
      status: row.status,
      narrative: row.narrative,
      isLate: row.isLate,
      enteredBy: row.enteredBy,
      enteredAt: row.enteredAt,
      values: new Map(values.filter((v) => v.entryId === row.id).map((v) => [v.targetId, v.value])),
      evidence: evidence.filter((e) => e.entryId === row.id),
    });
  return result;
}

export interface SaveProgressInput {
  staff: StaffPrincipal;
  now: Date;
  /** Today in Taipei. */
  today: string;
  lang: Lang;
  origin: RequestOrigin;
  year: number;
  unitCode: string;
  period: string;
  form: ProgressForm;
  files: UploadedFile[];
  /** Problems readMultipartForm found (an unaccepted type of file…), listed with the rest. */
  knownProblems: FieldProblem[];
}
/** Saves (or corrects) the unit's entry for a practice and period; lists every problem at once. */
export async function saveProgress(db: Database, input: SaveProgressInput): Promise<{ entryId: string }> {
  const { lang, form, year } = input;
  if (!mayEnter(input.staff, input.unitCode)) throw new DomainError('FORBIDDEN', text(lang, 'notYourUnit'));
  const plan = await getPlan(db, year);
  if (plan?.status !== 'published') throw notFound(text(lang, 'noPlan'));
  const settings = await settingsOf(db, plan.id);
  const checked = entryProblems(form, {
    lang,
    year,
    period: input.period,
    plan,
    unitCode: input.unitCode,
    settings,
    targets: await targetsOf(db, year, input.unitCode),
  });
  const problems = [...input.knownProblems, ...checked.problems];
  if (problems.length > 0)
    throw new DomainError('VALIDATION_FAILED', problems[0]?.message ?? '', { problems });
  const { values, links } = checked;

  const dueDate = dueDateOf(input.period, settings);
  const status = form.status as ProgressStatus;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(controlProgressEntries)
      .values({
        planId: plan.id,
        year,
        unitCode: input.unitCode,
        practiceId: form.practiceId,
        period: input.period,
        dueDate,
        status,
        narrative: form.narrative.trim(),
        isLate: input.today > dueDate,
        enteredByStaffId: input.staff.id,
        enteredBy: input.staff.displayName,
        enteredAt: input.now,
        updatedAt: input.now,
      })
      .onConflictDoUpdate({
        target: [
          controlProgressEntries.practiceId,
          controlProgressEntries.unitCode,
          controlProgressEntries.period,
        ],
        set: { status, narrative: form.narrative.trim(), updatedAt: input.now },
      })
      .returning({ id: controlProgressEntries.id });
    if (!row) throw new Error('saveProgress: no row');
    for (const value of values)
      await tx
        .insert(controlProgressValues)
        .values({ entryId: row.id, targetId: value.targetId, value: value.value })
        .onConflictDoUpdate({
          target: [controlProgressValues.entryId, controlProgressValues.targetId],
          set: { value: value.value },
        });
    const evidence = [
      ...input.files.map((file) => ({
        entryId: row.id,
        kind: 'file' as const,
        fileName: file.fileName,
        mediaType: file.mediaType,
        sizeBytes: file.sizeBytes,
        sha256: file.sha256,
        addedAt: input.now,
      })),
      ...links.map((url) => ({ entryId: row.id, kind: 'link' as const, url, addedAt: input.now })),
    ];
    for (const file of input.files) await recordStoredFile(tx, file, input.now);
    if (evidence.length > 0) await tx.insert(controlProgressEvidence).values(evidence);
    await auditByStaff(tx, input, {
      action: 'control.progress.save',
      target: { type: 'control_progress_entry', id: row.id },
      details: {
        year,
        unitCode: input.unitCode,
        period: input.period,
        practiceId: form.practiceId,
        status,
        values: values.length,
        evidenceFiles: input.files.length,
        evidenceLinks: links.length,
      },
    });
    return { entryId: row.id };
  });
}

export async function readProgressEvidence(db: DatabaseOrTransaction, evidenceId: string) {
  const [row] = await db
    .select({
      fileName: controlProgressEvidence.fileName,
      mediaType: controlProgressEvidence.mediaType,
      sizeBytes: controlProgressEvidence.sizeBytes,
      sha256: controlProgressEvidence.sha256,
      content: controlProgressEvidence.content,
      unitCode: controlProgressEntries.unitCode,
    })
    .from(controlProgressEvidence)
    .innerJoin(controlProgressEntries, eq(controlProgressEntries.id, controlProgressEvidence.entryId))
    .where(and(eq(controlProgressEvidence.id, evidenceId), eq(controlProgressEvidence.kind, 'file')));
  if (!row?.sha256 || !row.fileName || !row.mediaType) return null;
  return {
    unitCode: row.unitCode,
    fileName: row.fileName,
    mediaType: row.mediaType,
    sizeBytes: row.sizeBytes ?? 0,
    sha256: row.sha256,
    // Bytes of a row written before the file store, until the start-up move reaches it (ADR 0009).
    content: row.content,
  };
}

export async function publishedPlanId(db: DatabaseOrTransaction, year: number): Promise<string | null> {
  const [row] = await db
    .select({ id: controlPlans.id })
    .from(controlPlans)
    .where(and(eq(controlPlans.year, year), eq(controlPlans.status, 'published')));
  return row?.id ?? null;
}

/** The secretariat sets the year's cadence and the day of the following month entries are due. */
export async function saveProgressSettings(
  db: Database,
  input: {
    staff: StaffPrincipal;
    now: Date;
    lang: Lang;
    origin: RequestOrigin;
    year: number;
    cadence: string;
    dueDay: string;
  },
): Promise<void> {
  const { lang } = input;
  const planId = await publishedPlanId(db, input.year);
  if (planId === null) throw notFound(text(lang, 'noPlan'));
  const { problems, settings } = settingsProblems(input, lang);
  if (settings === null) throw new DomainError('VALIDATION_FAILED', problems[0]?.message ?? '', { problems });
  const { cadence, dueDay } = settings;
  await db.transaction(async (tx) => {
    await tx
      .insert(controlProgressSettings)
      .values({ planId, cadence, dueDay, updatedAt: input.now, updatedBy: input.staff.displayName })
      .onConflictDoUpdate({
        target: controlProgressSettings.planId,
        set: { cadence, dueDay, updatedAt: input.now, updatedBy: input.staff.displayName },
      });
    await auditByStaff(tx, input, {
      action: 'control.progress.settings',
      target: { type: 'control_plan', id: planId },
      details: { year: input.year, cadence, dueDay },
    });
  });
}
