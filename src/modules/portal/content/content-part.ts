import type { ModulePart } from '../../../platform/composition/module-part.ts';
import type { PublicRead } from '../../../platform/http/public-reads.ts';
import { batchedContentSearchSource } from './content-search-batches.ts';

/** Every public content page shows published content ('content'); lists take `?page=`. */
const contentReads: PublicRead[] = [
  { route: '/info', scopes: ['content'], query: 'none' },
  {
    route: '/info/items/:number',
    // The demo seed's numbers: 1 the building regulations (English), 7 a form, 39 a topic page.
    examples: ['/info/items/1', '/info/items/7', '/info/items/39'],
    scopes: ['content'],
    query: 'none',
  },
  { route: '/info/browse', scopes: ['content'], query: 'none' },
  {
    route: '/info/classifications/:scheme',
    examples: ['/info/classifications/theme', '/info/classifications/service'],
    scopes: ['content'],
    query: 'none',
  },
  {
    route: '/info/classifications/:scheme/:code',
    examples: ['/info/classifications/theme/320', '/info/classifications/service/C00'],
    scopes: ['content'],
    query: 'key',
  },
  {
    route: '/info/kinds/:kind',
    examples: ['/info/kinds/announcement', '/info/kinds/regulation'],
    scopes: ['content'],
    query: 'key',
  },
  {
    route: '/info/units/:unit',
    examples: ['/info/units/building'],
    scopes: ['content', 'units'],
    query: 'key',
  },
  { route: '/info/archive/:year', examples: ['/info/archive/2026'], scopes: ['content'], query: 'key' },
  {
    route: '/info/archive/:year/:month',
    examples: ['/info/archive/2026/2'],
    scopes: ['content'],
    query: 'key',
  },
  { route: '/info/open-government', scopes: ['content'], query: 'none' },
  {
    route: '/info/open-government/:kind',
    examples: ['/info/open-government/1', '/info/open-government/3'],
    // Kind 3 shows the units' contacts too.
    scopes: ['content', 'units'],
    query: 'key',
  },
];

/** The content capability's share of the portal module's manifest (merged in ../index.ts). */
export const contentPart: ModulePart = {
  routes: [{ load: () => import('./content-routes.tsx').then((file) => file.contentRoutes) }],
  publicReads: contentReads,
  seeds: [
    {
      name: 'demo content and classifications',
      run: async (tx) => (await import('./content-demo-seed.ts')).seedDemoContent(tx),
    },
  ],
  demoData: [
    {
      name: 'demo forms and their filled-in samples',
      run: async (context) => (await import('./content-demo-files.ts')).seedDemoContentFiles(context),
    },
  ],
  searchSources: [batchedContentSearchSource],
  scans: [
    {
      name: 'content shown or expired on schedule',
      // One small count; announces 'content' and 'search' when an item's time to show or go has passed.
      request: async ({ db, clock }) =>
        void (await (await import('./content-visibility-scan.ts')).scanContentVisibility(db, clock.now())),
    },
  ],
};
