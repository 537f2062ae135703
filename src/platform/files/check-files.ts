import { sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import type { FileStore } from './file-store.ts';
import { storedFileTables } from './move-db-files.ts';

/**
 * `npx onewindow files:check`: does the store hold every file the database names? Checks every row of
 * `stored_files` and every SHA-256 of the stored-file tables whose bytes are not in the row any more (a
 * row listed nowhere else, if one ever were). Also counts stored files no row lists: the accepted files of
 * forms that were then refused, or of a transaction that failed. They harm nothing; files:check removes
 * nothing, and the sweep (sweep-files.ts) removes them once they are older than FILE_SWEEP_GRACE_HOURS.
 */

export interface FilesCheck {
  /** Distinct SHA-256 the database names (each checked once). */
  checked: number;
  /** Named by the database but not in the store: lost files (restore the store from its backup). */
  missing: { sha256: string; where: string }[];
  /** Rows whose bytes are still in the database (not moved yet: `files:move`). */
  notMoved: number;
  /** Files in the store that `stored_files` does not list. */
  unlisted: number;
}

const pageSize = 1000;

export async function checkStoredFiles(db: Database, files: FileStore): Promise<FilesCheck> {
  const report: FilesCheck = { checked: 0, missing: [], notMoved: 0, unlisted: 0 };
  const sources = [
    { where: 'stored_files', from: sql`stored_files`, filter: sql`true` },
    ...(await storedFileTables(db)).map((table) => ({
      where: table,
      from: sql.identifier(table),
      // Those stored_files lists were checked above: only the others, so that nothing is held in memory.
      filter: sql`content is null and sha256 is not null and not exists (select 1 from stored_files s where s.sha256 = t.sha256)`,
    })),
  ];
  for (const source of sources) {
    let after = '';
    for (;;) {
      const page = await db.execute<{ sha256: string }>(sql`
        select distinct sha256 from ${source.from} t
        where ${source.filter} and sha256 > ${after}
        order by sha256 limit ${pageSize}`);
      for (const { sha256 } of page.rows) {
        report.checked += 1;
        if (!(await files.has(sha256))) report.missing.push({ sha256, where: source.where });
      }
      const last = page.rows.at(-1);
      if (last === undefined || page.rows.length < pageSize) break;
      after = last.sha256;
    }
  }
  for (const table of await storedFileTables(db)) {
    const left = await db.execute<{ count: number }>(
      sql`select count(*)::int as count from ${sql.identifier(table)} where content is not null`,
    );
    report.notMoved += left.rows[0]?.count ?? 0;
  }

  let batch: string[] = [];
  const countUnlisted = async () => {
    if (batch.length === 0) return;
    const listed = await db.execute<{ sha256: string }>(
      sql`select sha256 from stored_files where sha256 in ${sql`(${sql.join(
        batch.map((sha256) => sql`${sha256}`),
        sql`, `,
      )})`}`,
    );
    report.unlisted += batch.length - listed.rows.length;
    batch = [];
  };
  for await (const sha256 of files.list()) {
    batch.push(sha256);
    if (batch.length >= pageSize) await countUnlisted();
  }
  await countUnlisted();
  return report;
}
