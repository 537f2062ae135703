import { parseCsv } from '../web/csv.ts';
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
  /** The parent named (unknown-parent, parent-cycle), for a message in the reader's language. */
  readonly parentCode?: string | null;
  /** The row that first used the code (duplicate-code). */
  readonly firstRowNumber?: number;
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
export function validateClassificationRows(
  rows: readonly ClassificationFileRow[],
  /** Where each row is in its file (a CSV's line); default its position counting from 1. */
  rowNumberOf: (index: number) => number = (index) => index + 1,
): ClassificationValidation {
  const problems: ClassificationProblem[] = [];
  const firstRowByCode = new Map<string, number>();
  const cleaned: { rowNumber: number; row: Classification }[] = [];

  rows.forEach((raw, index) => {
    const rowNumber = rowNumberOf(index);
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
        firstRowNumber: firstRow,
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
        parentCode: row.parentCode,
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
          parentCode: row.parentCode,
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

/** Why a file could not be read as rows at all (before any row is checked). */
export type ClassificationFileFault =
  | { readonly kind: 'empty' }
  | { readonly kind: 'not-utf8' }
  | { readonly kind: 'not-json'; readonly detail: string }
  | { readonly kind: 'not-a-list' }
  | { readonly kind: 'csv-open-quote'; readonly line: number }
  | { readonly kind: 'csv-header'; readonly missing: readonly string[] };

export type ClassificationFileReading =
  | {
      readonly ok: true;
      readonly format: 'json' | 'csv';
      readonly rows: ClassificationFileRow[];
      /** Where each row is in the file: the JSON list's position, or the CSV's line (the header is line 1). */
      readonly rowNumbers: number[];
    }
  | { readonly ok: false; readonly fault: ClassificationFileFault };

/** A CSV header's names for each column, the English first (the JSON keys); case and spaces ignored. */
const csvColumnNames: Record<keyof ClassificationFileRow, readonly string[]> = {
  code: ['code', '代碼', '分類代碼'],
  nameZh: ['namezh', '中文名稱', '名稱'],
  nameEn: ['nameen', '英文名稱'],
  parentCode: ['parentcode', '上層代碼', '父代碼'],
};

/**
 * An admin's file as rows: a JSON list of `{ code, nameZh, nameEn?, parentCode? }`, or a CSV whose first
 * line names the columns (code,nameZh,nameEn,parentCode, or 代碼,中文名稱,英文名稱,上層代碼). UTF-8, a
 * byte-order mark allowed. The rows are then checked with `validateClassificationRows(rows, index =>
 * rowNumbers[index])`.
 */
export function readClassificationFile(bytes: Uint8Array): ClassificationFileReading {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, fault: { kind: 'not-utf8' } };
  }
  if (text.trim() === '') return { ok: false, fault: { kind: 'empty' } };
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (error) {
      return { ok: false, fault: { kind: 'not-json', detail: (error as Error).message.slice(0, 200) } };
    }
    if (!Array.isArray(parsed)) return { ok: false, fault: { kind: 'not-a-list' } };
    const rows = parsed.map(
      (entry): ClassificationFileRow =>
        typeof entry === 'object' && entry !== null && !Array.isArray(entry)
          ? (entry as ClassificationFileRow)
          : {},
    );
    return { ok: true, format: 'json', rows, rowNumbers: rows.map((_row, index) => index + 1) };
  }
  const csv = parseCsv(text);
  if (!csv.ok) return { ok: false, fault: { kind: 'csv-open-quote', line: csv.line } };
  const [header, ...records] = csv.records;
  const names = (header?.cells ?? []).map((name) => name.replace(/\s+/g, '').toLowerCase());
  const columnOf = (key: keyof ClassificationFileRow) =>
    names.findIndex((name) => csvColumnNames[key].includes(name));
  const columns = {
    code: columnOf('code'),
    nameZh: columnOf('nameZh'),
    nameEn: columnOf('nameEn'),
    parentCode: columnOf('parentCode'),
  };
  const missing = (['code', 'nameZh'] as const).filter((key) => columns[key] < 0);
  if (missing.length > 0) return { ok: false, fault: { kind: 'csv-header', missing } };
  const cell = (cells: string[], column: number) => (column < 0 ? undefined : cells[column]);
  return {
    ok: true,
    format: 'csv',
    rows: records.map(({ cells }) => ({
      code: cell(cells, columns.code),
      nameZh: cell(cells, columns.nameZh),
      nameEn: cell(cells, columns.nameEn),
      parentCode: cell(cells, columns.parentCode),
    })),
    rowNumbers: records.map(({ line }) => line),
  };
}

/** What loading a file would do to the codes kept: the file is the complete list. */
export interface ClassificationDiff {
  readonly added: Classification[];
  readonly changed: { readonly before: Classification; readonly after: Classification }[];
  readonly removed: Classification[];
  readonly unchanged: number;
}

/** The codes a file adds, changes (a name or the parent) and removes, each in code order. */
export function diffClassifications(
  current: readonly Classification[],
  next: readonly Classification[],
): ClassificationDiff {
  const byCode = new Map(current.map((row) => [row.code, row]));
  const nextCodes = new Set(next.map((row) => row.code));
  const added: Classification[] = [];
  const changed: { before: Classification; after: Classification }[] = [];
  let unchanged = 0;
  for (const row of next) {
    const before = byCode.get(row.code);
    if (before === undefined) added.push(row);
    else if (
      before.nameZh !== row.nameZh ||
      (before.nameEn ?? null) !== (row.nameEn ?? null) ||
      (before.parentCode ?? null) !== (row.parentCode ?? null)
    )
      changed.push({ before, after: row });
    else unchanged += 1;
  }
  const byCodeOrder = (left: Classification, right: Classification) => (left.code < right.code ? -1 : 1);
  return {
    added: added.sort(byCodeOrder),
    changed: changed.sort((left, right) => byCodeOrder(left.after, right.after)),
    removed: current.filter((row) => !nextCodes.has(row.code)).sort(byCodeOrder),
    unchanged,
  };
}
