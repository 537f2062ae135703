import type { ModulePart } from '../shared/module-part.ts';
import { sitePagesSearchSource } from './site-pages-source.ts';

/** The search capability's share of the portal module's manifest (merged in ../index.ts). */
export const searchPart: ModulePart = {
  searchSources: [sitePagesSearchSource],
  seeds: [
    {
      name: 'demo search synonyms',
      run: async (tx) => (await import('./synonym-seed.ts')).seedDemoSynonyms(tx),
    },
  ],
};
