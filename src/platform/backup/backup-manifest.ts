/**
 * What a backup archive holds (`npx onewindow backup`), described by its first entry, `manifest.json`. Pure:
 * no database code, so the rules below are unit-tested.
 *
 * The archive (a plain tar, see tar.ts), in this order:
 *   manifest.json                        this description
 *   database/<schema>.<table>.copy.gz    each table's rows (PostgreSQL COPY text format, gzip), one snapshot
 *   files.sha256                         the stored files, one `<sha256>  files/ab/cd/<sha256>` line each, sorted
 *                                        (`sha256sum -c files.sha256` checks an unpacked archive)
 *   files/ab/cd/<sha256>                 the stored files, in the order of files.sha256
 */

export const backupFormat = 1;
export const manifestEntry = 'manifest.json';
export const fileListEntry = 'files.sha256';

export interface TableDump {
  /** `schema.table`. */
  table: string;
  /** The columns in the dump, in order (generated columns are left out: PostgreSQL computes them). */
  columns: string[];
  rows: number;
  entry: string;
  bytes: number;
  sha256: string;
}

export interface SequenceValue {
  /** `schema.sequence`. */
  sequence: string;
  lastValue: string;
}

export interface BackupManifest {
  format: typeof backupFormat;
  app: string;
  appVersion: string;
  createdAt: string;
  /** The last migration applied to the database backed up: restore builds the same schema first. */
  migration: { tag: string; createdAt: number };
  postgresVersion: string;
  tables: TableDump[];
  sequences: SequenceValue[];
  files: {
    count: number;
    bytes: number;
    listSha256: string;
    /** Files the database names that were not in the store when the backup was made (at most 100 named). */
    missing: string[];
    missingCount: number;
  };
}

export function tableEntryName(table: string): string {
  return `database/${table}.copy.gz`;
}

export function storedFileEntryName(sha256: string): string {
  return `files/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

export function fileListLine(sha256: string): string {
  return `${sha256}  ${storedFileEntryName(sha256)}\n`;
}

/** The SHA-256 a line of files.sha256 names, or null for a line that is not one. */
export function parseFileListLine(line: string): string | null {
  const match = /^([0-9a-f]{64}) {2}files\/([0-9a-f]{2})\/([0-9a-f]{2})\/([0-9a-f]{64})$/.exec(line);
  if (
    !match ||
    match[1] !== match[4] ||
    match[1]?.slice(0, 2) !== match[2] ||
    match[1]?.slice(2, 4) !== match[3]
  )
    return null;
  return match[1] ?? null;
}

/** Every problem with a manifest read from an archive (empty: usable). Identifiers are checked strictly. */
export function manifestProblems(value: unknown, knownMigrations: readonly string[]): string[] {
  const problems: string[] = [];
  const manifest = value as Partial<BackupManifest> | null;
  if (manifest === null || typeof manifest !== 'object') return ['manifest.json is not a JSON object'];
  if (manifest.format !== backupFormat)
    return [`the archive's format is ${String(manifest.format)}; this release reads format ${backupFormat}`];
  if (manifest.app !== 'onewindow') problems.push('the archive was not made by OneWindow');
  const tag = manifest.migration?.tag;
  if (typeof tag !== 'string' || !knownMigrations.includes(tag))
    problems.push(
      `the archive was made at migration ${String(tag)}, which this release does not have: restore it with the ` +
        'release that made it (or a later one), then upgrade',
    );
  const identifier = /^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$/;
  for (const table of manifest.tables ?? []) {
    if (!identifier.test(table.table) || table.entry !== tableEntryName(table.table))
      problems.push(
        `a table name in the archive is not one OneWindow writes: ${String(table.table).slice(0, 80)}`,
      );
    if (!Array.isArray(table.columns) || table.columns.some((column) => !/^[a-z_][a-z0-9_]*$/.test(column)))
      problems.push(`a column name of ${String(table.table).slice(0, 80)} is not one OneWindow writes`);
  }
  for (const sequence of manifest.sequences ?? []) {
    if (!identifier.test(sequence.sequence) || !/^-?\d+$/.test(sequence.lastValue))
      problems.push(
        `a sequence in the archive is not one OneWindow writes: ${String(sequence.sequence).slice(0, 80)}`,
      );
  }
  if (
    !Array.isArray(manifest.tables) ||
    !Array.isArray(manifest.sequences) ||
    typeof manifest.files !== 'object'
  )
    problems.push('manifest.json lacks its tables, sequences or files');
  return problems;
}

/** Bytes as people read them (1.2 MB). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = -1;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
