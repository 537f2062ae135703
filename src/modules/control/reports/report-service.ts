import { and, eq } from 'drizzle-orm';
import type { RequestOrigin } from '../../../platform/auth/audit-log.ts';
import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import type { Database, DatabaseOrTransaction } from '../../../platform/db/database.ts';
import { DomainError, type FieldProblem, notFound } from '../../../platform/http/errors.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { getPublishedPlan } from '../plans/plan-reads.ts';
import { auditByStaff } from '../shared/staff-audit.ts';
import { subjectCondition } from './report-build.ts';
import { reportText as text } from './report-messages.ts';
import {
  bureauSubject,
  mayEditReport,
  type NarrativeForm,
  narrativeProblems,
  reportDueDate,
} from './report-rules.ts';
import { controlReportItemNarratives, controlReports } from './report-schema.ts';

/** 管制查考 §5, the annual report's writes: the secretariat's narrative, and issuing the report. */

// ---------------------------------------------------------------------------------------------------
// Writing

export interface ReportMutation {
  staff: StaffPrincipal;
  now: Date;
  lang: Lang;
  origin?: RequestOrigin;
}

function forbidden(lang: Lang): DomainError {
  return new DomainError('FORBIDDEN', text(lang, 'forbidden'));
}

function invalid(problems: FieldProblem[]): DomainError {
  return new DomainError('VALIDATION_FAILED', problems[0]?.message ?? '', { problems });
}

/** Locks the report (creating its draft row first if there is none) and checks the form's version. */
async function lockReport(
  tx: DatabaseOrTransaction,
  input: { year: number; unitCode: string | null; version: number | null },
  options: ReportMutation,
) {
  const inserted = await tx
    .insert(controlReports)
    .values({
      year: input.year,
      unitCode: input.unitCode,
      state: 'draft',
      dueDate: reportDueDate(input.year),
      version: 1,
      createdAt: options.now,
      updatedAt: options.now,
      updatedBy: options.staff.displayName,
    })
    .onConflictDoNothing()
    .returning({ id: controlReports.id });
  const [record] = await tx
    .select()
    .from(controlReports)
    .where(and(eq(controlReports.year, input.year), subjectCondition(input.unitCode)))
    .for('update');
  if (!record) throw new Error('lockReport: no report row');
  const { lang } = options;
  if (record.state === 'issued')
    throw new DomainError('CONFLICT', text(lang, 'alreadyIssued'), {
      problems: [{ field: '', code: 'already_issued', message: text(lang, 'alreadyIssued') }],
    });
  // A form made before the row existed carries version 0: the freshly made row (version 1) is the same.
  const fresh = inserted.length === 1 && input.version === 0;
  if (input.version === null || (input.version !== record.version && !fresh)) {
    const message = text(lang, 'stale', {
      when: record.updatedAt.toISOString().slice(0, 16).replace('T', ' '),
      who: record.updatedBy,
    });
    throw new DomainError('CONFLICT', message, { problems: [{ field: '', code: 'stale', message }] });
  }
  return record;
}

export async function saveNarrative(
  db: Database,
  input: { year: number; unitCode: string | null; version: number | null; form: NarrativeForm },
  options: ReportMutation,
): Promise<{ version: number }> {
  const { lang, staff } = options;
  if (!mayEditReport(staff)) throw forbidden(lang);
  const plan = await getPublishedPlan(db, input.year);
  if (!plan) throw notFound(text(lang, 'noPlan', { year: input.year }));
  const titles = new Map(plan.content.items.map((item) => [item.id, `${item.label}${item.title}`]));
  const problems = narrativeProblems(input.form, titles, lang);
  if (problems.length > 0) throw invalid(problems);
  return db.transaction(async (tx) => {
    const record = await lockReport(tx, input, options);
    const version = record.version + 1;
    await tx
      .update(controlReports)
      .set({
        narrative: input.form.narrative.trim(),
        version,
        updatedAt: options.now,
        updatedBy: staff.displayName,
      })
      .where(eq(controlReports.id, record.id));
    await tx.delete(controlReportItemNarratives).where(eq(controlReportItemNarratives.reportId, record.id));
    const kept = [...input.form.items].filter(([, value]) => value.trim() !== '');
    if (kept.length > 0)
      await tx
        .insert(controlReportItemNarratives)
        .values(kept.map(([itemId, value]) => ({ reportId: record.id, itemId, text: value.trim() })));
    await auditByStaff(tx, options, {
      action: 'control.report.narrative',
      target: { type: 'control_report', id: record.id },
      details: { year: input.year, unit: input.unitCode ?? bureauSubject, version, items: kept.length },
    });
    return { version };
  });
}

export async function issueReport(
  db: Database,
  input: { year: number; unitCode: string | null; version: number | null },
  options: ReportMutation,
): Promise<void> {
  const { lang, staff } = options;
  if (!mayEditReport(staff)) throw forbidden(lang);
  await db.transaction(async (tx) => {
    const record = await lockReport(tx, input, options);
    if (record.narrative.trim() === '')
      throw invalid([{ field: 'narrative', code: 'required', message: text(lang, 'narrativeRequired') }]);
    await tx
      .update(controlReports)
      .set({
        state: 'issued',
        version: record.version + 1,
        updatedAt: options.now,
        updatedBy: staff.displayName,
        issuedAt: options.now,
        issuedByStaffId: staff.id,
        issuedBy: staff.displayName,
      })
      .where(eq(controlReports.id, record.id));
    await auditByStaff(tx, options, {
      action: 'control.report.issue',
      target: { type: 'control_report', id: record.id },
      details: { year: input.year, unit: input.unitCode ?? bureauSubject, dueDate: record.dueDate },
    });
  });
}
