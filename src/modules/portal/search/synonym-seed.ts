import { sql } from 'drizzle-orm';
import type { Transaction } from '../../../platform/db/database.ts';
import { normalisedPhrase } from '../../../platform/search/query-parsing.ts';
import { searchSynonyms } from '../../../platform/search/search-schema.ts';
import { demoSynonyms } from './synonym-demo-data.ts';

/**
 * Loads the demo synonyms whose phrase the table does not have yet: idempotent, and never overwrites a
 * phrase an editor changed. A demo phrase an editor removed comes back when the seed runs again (a new
 * release, `onewindow seed --force`): to drop one for good, change its expansion instead. Returns the rows
 * written.
 */
export async function seedDemoSynonyms(tx: Transaction): Promise<number> {
  const rows = demoSynonyms.map((synonym) => ({
    phrase: normalisedPhrase(synonym.phrase),
    expansion: synonym.expansion,
  }));
  const written = await tx
    .insert(searchSynonyms)
    .values(rows)
    .onConflictDoNothing({ target: searchSynonyms.phrase })
    .returning({ phrase: searchSynonyms.phrase });
  if (written.length > 0) await tx.execute(sql`analyze search_synonyms`);
  return written.length;
}
