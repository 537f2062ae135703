import {
  type ClassificationDiff,
  type ClassificationKind,
  type ClassificationProblem,
  readClassificationFile,
  validateClassificationRows,
} from '../../../platform/reference/classification-rows.ts';
import type { Classification } from '../../../platform/reference/service-classification.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { classificationsText as text } from './classifications-messages.ts';

/** The largest code file read (the government's lists are a few hundred codes: tens of kilobytes). */
export const maxClassificationFileBytes = 2 * 1024 * 1024;
/** The same, as people read it. */
export const maxClassificationFileSize = '2 MB';

export const classificationKinds = [
  'theme',
  'administrative',
] as const satisfies readonly ClassificationKind[];

export type CheckedFile = { ok: true; rows: Classification[] } | { ok: false; problems: string[] };

function rowProblem(problem: ClassificationProblem, lang: Lang): string {
  const code = problem.code ?? '';
  const parent = problem.parentCode ?? '';
  switch (problem.kind) {
    case 'missing-code':
      return text(lang, 'missingCode');
    case 'missing-name':
      return text(lang, 'missingName');
    case 'duplicate-code':
      return text(lang, 'duplicateCode', { code, first: problem.firstRowNumber ?? '' });
    case 'unknown-parent':
      return text(lang, 'unknownParent', { code, parent });
    case 'parent-cycle':
      return text(lang, 'parentCycle', { code, parent });
  }
}

/**
 * A code file's bytes, read and checked whole, pure: its rows (parents first) or every problem at once in
 * the reader's language, each with its place in the file (a CSV's line, a JSON list's item).
 */
export function checkClassificationFile(bytes: Uint8Array, lang: Lang): CheckedFile {
  if (bytes.byteLength > maxClassificationFileBytes)
    return { ok: false, problems: [text(lang, 'tooLarge', { limit: maxClassificationFileSize })] };
  const reading = readClassificationFile(bytes);
  if (!reading.ok) {
    const { fault } = reading;
    switch (fault.kind) {
      case 'empty':
        return { ok: false, problems: [text(lang, 'empty')] };
      case 'not-utf8':
        return { ok: false, problems: [text(lang, 'notUtf8')] };
      case 'not-json':
        return { ok: false, problems: [text(lang, 'notJson', { detail: fault.detail })] };
      case 'not-a-list':
        return { ok: false, problems: [text(lang, 'notList')] };
      case 'csv-open-quote':
        return { ok: false, problems: [text(lang, 'openQuote', { line: fault.line })] };
      case 'csv-header':
        return { ok: false, problems: [text(lang, 'badHeader', { missing: fault.missing.join(', ') })] };
    }
  }
  const validation = validateClassificationRows(
    reading.rows,
    (index) => reading.rowNumbers[index] ?? index + 1,
  );
  if (validation.ok) return { ok: true, rows: validation.rows };
  const place = reading.format === 'csv' ? 'rowProblem' : 'itemProblem';
  return {
    ok: false,
    problems: validation.problems.map((problem) =>
      text(lang, place, { row: problem.rowNumber, message: rowProblem(problem, lang) }),
    ),
  };
}

/** At most this many codes of each list go into the audit entry (the counts are always there). */
const auditedCodes = 100;

/** What the audit entry keeps of a load: the counts, and the codes added, changed and removed (bounded). */
export function auditDetailsOf(
  kind: ClassificationKind,
  sha256: string,
  diff: ClassificationDiff,
): Record<string, unknown> {
  const before = diff.unchanged + diff.changed.length + diff.removed.length;
  const after = diff.unchanged + diff.changed.length + diff.added.length;
  const codes = (rows: readonly { code: string }[]) => rows.slice(0, auditedCodes).map((row) => row.code);
  return {
    scheme: kind,
    fileSha256: sha256,
    before: { count: before },
    after: { count: after },
    added: { count: diff.added.length, codes: codes(diff.added) },
    changed: {
      count: diff.changed.length,
      codes: codes(diff.changed.map(({ after: row }) => row)),
      // The first few in full, before and after, for whoever reads the log.
      sample: diff.changed.slice(0, 10).map(({ before: old, after: row }) => ({ before: old, after: row })),
    },
    removed: { count: diff.removed.length, codes: codes(diff.removed) },
  };
}
