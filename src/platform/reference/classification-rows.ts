import type { Classification } from './service-classification.ts';

/** A classification file (主題分類 / 施政分類) as an admin loads it: checked whole, every problem at once. */

export type ClassificationKind = 'theme' | 'administrative';

/**
 * One row as read from an admin's file (JSON or CSV parsed upstream): nothing about it is trusted yet,
 * hence `unknown`.
 */
export interface ClassificationFileRow {
  readonly code?: unknown;
  readonly nameZh?: unknown;
  readonly nameEn?: unknown;
  readonly parentCode?: unknown;
}

export type ClassificationProblemKind =
  | 'missing-code'
  | 'missing-name'
  | 'duplicate-code'
  | 'unknown-parent'
  | 'parent-cycle';

export interface ClassificationProblem {
  /** Position of the row in the file's rows, counting from 1 as an admin would. */
  readonly rowNumber: number;
  readonly code: string | null;
  readonly kind: ClassificationProblemKind;
  readonly message: string;
}

export type ClassificationValidation =
  | { readonly ok: true; readonly rows: Classification[] }
  | { readonly ok: false; readonly problems: ClassificationProblem[] };

export class ClassificationFileError extends Error {
  readonly code = 'CLASSIFICATION_FILE_INVALID';
  constructor(readonly problems: readonly ClassificationProblem[]) {
    super(
      `the classification file has ${problems.length} problem(s):\n` +
        problems.map((problem) => `  row ${problem.rowNumber}: ${problem.message}`).join('\n'),
    );
    this.name = 'ClassificationFileError';
  }
}

function cleanText(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : null;
}

/**
 * Checks a whole file and reports every problem at once, so an admin fixes the file in one pass instead
 * of one error per upload. The file is the complete list: a parent must be another row of the same file.
 * Valid rows come back trimmed and ordered parents first, ready to insert under the self-references.
 */
export function validateClassificationRows(rows: readonly ClassificationFileRow[]): ClassificationValidation {
  const problems: ClassificationProblem[] = [];
  const firstRowByCode = new Map<string, number>();
  const cleaned: { rowNumber: number; row: Classification }[] = [];

  rows.forEach((raw, index) => {
    const rowNumber = index + 1;
    const code = cleanText(raw?.code);
    const nameZh = cleanText(raw?.nameZh);
    if (code === null) {
      problems.push({ rowNumber, code: null, kind: 'missing-code', message: 'the code is missing' });
    }
    if (nameZh === null) {
      problems.push({
        rowNumber,
        code,
        kind: 'missing-name',
        message: `the Chinese name is missing${code === null ? '' : ` (code ${code})`}`,
      });
    }
    if (code === null) return;
    const firstRow = firstRowByCode.get(code);
    if (firstRow !== undefined) {
      problems.push({
        rowNumber,
        code,
        kind: 'duplicate-code',
        message: `code ${code} is already used on row ${firstRow}`,
      });
      return;
    }
    firstRowByCode.set(code, rowNumber);
    cleaned.push({
      rowNumber,
      row: {
        code,
        nameZh: nameZh ?? '',
        nameEn: cleanText(raw?.nameEn),
        parentCode: cleanText(raw?.parentCode),
      },
    });
  });

  const parentOf = new Map(cleaned.map(({ row }) => [row.code, row.parentCode]));
  for (const { rowNumber, row } of cleaned) {
    if (row.parentCode === null) continue;
    if (!parentOf.has(row.parentCode)) {
      problems.push({
        rowNumber,
        code: row.code,
        kind: 'unknown-parent',
        message: `code ${row.code} names parent ${row.parentCode}, which is not in the file`,
      });
      continue;
    }
    // Walk up the parents; revisiting a code means the hierarchy loops and no class would be top-level.
    const seen = new Set<string>([row.code]);
    let ancestor: string | null | undefined = row.parentCode;
    while (ancestor !== null && ancestor !== undefined) {
      if (seen.has(ancestor)) {
        problems.push({
          rowNumber,
          code: row.code,
          kind: 'parent-cycle',
          message: `code ${row.code} is its own ancestor through parent ${row.parentCode}`,
        });
        break;
      }
      seen.add(ancestor);
      ancestor = parentOf.get(ancestor);
    }
  }

  if (problems.length > 0) {
    problems.sort((left, right) => left.rowNumber - right.rowNumber);
    return { ok: false, problems };
  }
  return { ok: true, rows: parentsFirst(cleaned.map(({ row }) => row)) };
}

/** Orders a cycle-free hierarchy so that every parent precedes its children, keeping file order otherwise. */
function parentsFirst(rows: Classification[]): Classification[] {
  const byCode = new Map(rows.map((row) => [row.code, row]));
  const depthOf = (row: Classification): number => {
    let depth = 0;
    let parentCode = row.parentCode;
    while (parentCode !== null) {
      depth += 1;
      parentCode = byCode.get(parentCode)?.parentCode ?? null;
    }
    return depth;
  };
  return rows
    .map((row, index) => ({ row, index, depth: depthOf(row) }))
    .sort((left, right) => left.depth - right.depth || left.index - right.index)
    .map(({ row }) => row);
}
