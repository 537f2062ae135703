import { and, eq } from 'drizzle-orm';
import type { RequestOrigin } from '../../../platform/auth/audit-log.ts';
import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import type { Database, DatabaseOrTransaction } from '../../../platform/db/database.ts';
import { DomainError, notFound } from '../../../platform/http/errors.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { controlReports } from '../reports/report-schema.ts';
import { auditByStaff } from '../shared/staff-audit.ts';
import { progressText as text } from './progress-messages.ts';
import { mayEnter } from './progress-rules.ts';
import { controlProgressEntries, controlProgressEvidence } from './progress-schema.ts';

/**
 * Removing a piece of progress evidence (a wrong photo, a file with someone's personal data, a dead link):
 * by whoever may enter the unit's progress (mayEnter), until the unit's annual report of that year is
 * issued — the report is generated when read, so evidence it lists stays. The row is deleted, so no page
 * offers the file any more; its bytes stay in the file store, where other rows may share the same content
 * (ADR 0009: removing unreferenced files is not built yet). The audit entry `control.progress.evidence_remove`
 * keeps what it was (name, type, size, SHA-256 or the link), who removed it and when.
 */

export interface EvidenceSummary {
  id: string;
  kind: 'file' | 'link';
  /** The file's name, or the link. */
  label: string;
  year: number;
  unitCode: string;
  period: string;
  practiceId: string;
}

/** The evidence and the entry it belongs to, or null when it does not exist or the reader may not see it. */
export async function findProgressEvidence(
  db: DatabaseOrTransaction,
  evidenceId: string,
  staff: StaffPrincipal,
): Promise<EvidenceSummary | null> {
  const [row] = await db
    .select({
      id: controlProgressEvidence.id,
      kind: controlProgressEvidence.kind,
      fileName: controlProgressEvidence.fileName,
      url: controlProgressEvidence.url,
      year: controlProgressEntries.year,
      unitCode: controlProgressEntries.unitCode,
      period: controlProgressEntries.period,
      practiceId: controlProgressEntries.practiceId,
    })
    .from(controlProgressEvidence)
    .innerJoin(controlProgressEntries, eq(controlProgressEntries.id, controlProgressEvidence.entryId))
    .where(eq(controlProgressEvidence.id, evidenceId));
  // Someone who may not enter the unit's progress is told nothing about its evidence (as for downloads).
  if (!row || !mayEnter(staff, row.unitCode)) return null;
  return {
    id: row.id,
    kind: row.kind,
    label: (row.kind === 'file' ? row.fileName : row.url) ?? '',
    year: row.year,
    unitCode: row.unitCode,
    period: row.period,
    practiceId: row.practiceId,
  };
}

export async function removeProgressEvidence(
  db: Database,
  input: { staff: StaffPrincipal; now: Date; lang: Lang; origin: RequestOrigin; evidenceId: string },
): Promise<EvidenceSummary> {
  const { lang } = input;
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select({
        entryId: controlProgressEvidence.entryId,
        fileName: controlProgressEvidence.fileName,
        mediaType: controlProgressEvidence.mediaType,
        sizeBytes: controlProgressEvidence.sizeBytes,
        sha256: controlProgressEvidence.sha256,
      })
      .from(controlProgressEvidence)
      .where(eq(controlProgressEvidence.id, input.evidenceId))
      .for('update');
    const evidence = locked ? await findProgressEvidence(tx, input.evidenceId, input.staff) : null;
    if (!locked || !evidence) throw notFound(text(lang, 'notFound'));
    const [report] = await tx
      .select({ state: controlReports.state })
      .from(controlReports)
      .where(and(eq(controlReports.year, evidence.year), eq(controlReports.unitCode, evidence.unitCode)))
      .for('share');
    if (report?.state === 'issued') {
      const message = text(lang, 'evidenceReportIssued', {
        year: lang === 'en' ? evidence.year : evidence.year - 1911,
      });
      throw new DomainError('CONFLICT', message, {
        problems: [{ field: '', code: 'report_issued', message }],
      });
    }
    await tx.delete(controlProgressEvidence).where(eq(controlProgressEvidence.id, evidence.id));
    await auditByStaff(tx, input, {
      action: 'control.progress.evidence_remove',
      target: { type: 'control_progress_entry', id: locked.entryId },
      details: {
        evidenceId: evidence.id,
        kind: evidence.kind,
        ...(evidence.kind === 'file'
          ? {
              fileName: locked.fileName,
              mediaType: locked.mediaType,
              sizeBytes: locked.sizeBytes,
              sha256: locked.sha256,
            }
          : { url: evidence.label }),
        unitCode: evidence.unitCode,
        period: evidence.period,
      },
    });
    return evidence;
  });
}
