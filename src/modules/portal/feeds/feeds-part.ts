import type { OpenDataset, RouteGroup } from '../../../platform/composition/app-module.ts';
import type { ModulePart } from '../../../platform/composition/module-part.ts';
import { feedPaths, searchPaths } from '../shared/portal-paths.ts';
import { feedsText as text } from './feeds-messages.ts';

/** Both languages of a message. */
const words = (key: Parameters<typeof text>[1]) => ({ 'zh-TW': text('zh-TW', key), en: text('en', key) });

/** The feeds and the sitemap (feed-routes.ts): one group, so a test can swap it for smaller sitemaps. */
export const feedRouteGroup: RouteGroup = {
  load: () => import('./feed-routes.ts').then((file) => file.feedRoutes),
};

/** The portal's datasets on the open-data page (the other modules declare theirs in their manifests). */
export const portalOpenData: readonly OpenDataset[] = [
  {
    id: 'portal.feeds',
    title: words('feedsDatasetTitle'),
    description: words('feedsDatasetDescription'),
    formats: [
      { format: 'RSS', path: feedPaths.newsRss },
      { format: 'Atom', path: feedPaths.newsAtom },
      { format: 'RSS', path: feedPaths.announcementsRss },
      { format: 'Atom', path: feedPaths.announcementsAtom },
    ],
    updates: words('feedsDatasetUpdates'),
  },
  {
    id: 'portal.search',
    title: words('searchDatasetTitle'),
    description: words('searchDatasetDescription'),
    // An example query: 道路.
    formats: [{ format: 'JSON', path: `${searchPaths.api}?q=%E9%81%93%E8%B7%AF` }],
    updates: words('searchDatasetUpdates'),
  },
  {
    id: 'portal.sitemap',
    title: words('sitemapDatasetTitle'),
    description: words('sitemapDatasetDescription'),
    formats: [{ format: 'XML', path: feedPaths.sitemapXml }],
    updates: words('sitemapDatasetUpdates'),
  },
];

/** The feeds capability's share of the portal module's manifest (merged in ../index.ts). */
export const feedsPart: ModulePart = {
  routes: [feedRouteGroup],
  publicReads: [
    { route: feedPaths.newsRss, scopes: ['content'], query: 'none' },
    { route: feedPaths.newsAtom, scopes: ['content'], query: 'none' },
    { route: feedPaths.announcementsRss, scopes: ['content'], query: 'none' },
    { route: feedPaths.announcementsAtom, scopes: ['content'], query: 'none' },
    // Scheduled items appear without a publication: kept an hour at most.
    {
      route: feedPaths.sitemapXml,
      scopes: ['search', 'content', 'faq', 'catalogue', 'plans'],
      query: 'none',
      maxAgeSeconds: 3600,
      oneLanguage: true,
    },
  ],
  openData: portalOpenData,
};
