import { type BackupManifest, formatBytes } from './backup-manifest.ts';

/** What `backup` and `restore` print (pure: the results in, the lines out). */

export function describeBackup(result: {
  manifest: BackupManifest;
  archive: string;
  archiveBytes: number;
  milliseconds: number;
}): string[] {
  const { manifest } = result;
  const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
  return [
    `Backed up ${manifest.tables.length} tables (${rows} rows, migration ${manifest.migration.tag}) and ` +
      `${manifest.files.count} stored files (${formatBytes(manifest.files.bytes)}) to ${result.archive}: ` +
      `${formatBytes(result.archiveBytes)} in ${(result.milliseconds / 1000).toFixed(1)} s.`,
    'The archive holds personal data: keep it encrypted, off this machine, readable only by those who restore.',
  ];
}

export function describeRestore(result: {
  manifest: BackupManifest;
  counts: Record<string, number>;
  files: number;
  milliseconds: number;
}): string[] {
  const width = Math.max(...Object.keys(result.counts).map((name) => name.length));
  const rows = Object.values(result.counts).reduce((sum, count) => sum + count, 0);
  return [
    `Restored the backup of ${result.manifest.createdAt} (migration ${result.manifest.migration.tag}): ` +
      `${Object.keys(result.counts).length} tables, ${rows} rows, ${result.files} stored files ` +
      `(${formatBytes(result.manifest.files.bytes)}), in ${(result.milliseconds / 1000).toFixed(1)} s. Rows per table:`,
    ...Object.entries(result.counts).map(
      ([table, count]) => `  ${table.padEnd(width)}  ${String(count).padStart(9)}`,
    ),
    'Every count and every file checksum matches the archive. Start the app, then run `npx onewindow files:check`.',
  ];
}
