import { sql } from 'drizzle-orm';
import type { Transaction } from '../../../platform/db/database.ts';
import { normalisedPhrase } from '../../../platform/search/query-parsing.ts';
import { searchSynonyms } from '../../../platform/search/search-schema.ts';
import { demoSynonyms } from './synonym-demo-data.ts';

/**
 * Loads the demo synonyms whose phrase is not in the table yet: idempotent, and an editor's change to a phrase
 * (or its removal, which leaves the phrase free) is not undone by a later seed only when the phrase was
 * changed; a removed demo phrase comes back with the next seed — remove it for good by giving it another
 * expansion. Returns the rows written.
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
