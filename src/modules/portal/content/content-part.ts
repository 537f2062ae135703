import type { ModulePart } from '../shared/module-part.ts';
import { contentSearchSource } from './content-index.ts';

/** The content capability's share of the portal module's manifest (merged in ../index.ts). */
export const contentPart: ModulePart = {
  seeds: [
    {
      name: 'demo content and classifications',
      run: async (tx) => (await import('./content-demo-seed.ts')).seedDemoContent(tx),
    },
  ],
  searchSources: [contentSearchSource],
};
