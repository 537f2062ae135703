import type { ModulePart } from '../../../platform/composition/module-part.ts';
import { faqPaths, faqStaffPaths } from '../shared/portal-paths.ts';
import { faqSearchSource } from './faq-index.ts';
import { faqText } from './faq-messages.ts';

/**
 * The FAQ's share of the portal module's manifest (merged in ../index.ts): its public pages and the
 * editors' pages, its rows of the search index, its demo entries, and its section of each service's page.
 */
export const faqPart: ModulePart = {
  routes: [
    { load: () => import('./faq-routes.tsx').then((file) => file.faqRoutes) },
    { load: () => import('./faq-staff-routes.tsx').then((file) => file.faqStaffRoutes) },
  ],
  staffAreas: [
    {
      id: 'portal.faq',
      group: 'content',
      label: { 'zh-TW': faqText('zh-TW', 'areaLabel'), en: faqText('en', 'areaLabel') },
      path: faqStaffPaths.list,
      roles: ['web_editor', 'admin'],
    },
  ],
  publicReads: [
    {
      route: faqPaths.list,
      examples: [faqPaths.list, `${faqPaths.list}?order=useful`],
      scopes: ['faq'],
      query: 'key',
    },
    // Its examples are the list's links (the demo entries' numbers depend on the order they were seeded).
    { route: faqPaths.entry(':number' as unknown as number), scopes: ['faq'], query: 'none' },
  ],
  searchSources: [faqSearchSource],
  seeds: [
    {
      name: 'demo FAQ entries',
      run: async (tx) => (await import('./faq-seed.ts')).seedDemoFaq(tx),
    },
  ],
  pageSections: [
    {
      page: 'service',
      async render({ db, lang, key }) {
        const [{ entriesForService }, { FaqServiceSection }] = await Promise.all([
          import('./faq-queries.ts'),
          import('./views/faq-service-section.tsx'),
        ]);
        const entries = await entriesForService(db, key);
        return entries.length === 0 ? null : FaqServiceSection({ lang, entries });
      },
    },
  ],
  auditActions: [
    { action: 'faq.create', label: { 'zh-TW': '新增常見問答', en: 'FAQ entry created' } },
    { action: 'faq.update', label: { 'zh-TW': '修改常見問答', en: 'FAQ entry changed' } },
    { action: 'faq.publish', label: { 'zh-TW': '發布常見問答', en: 'FAQ entry published' } },
    { action: 'faq.withdraw', label: { 'zh-TW': '下架常見問答', en: 'FAQ entry withdrawn' } },
    {
      action: 'faq.proposal_dismiss',
      label: { 'zh-TW': '不採用案件提報的問答建議', en: 'Answer proposed from a case dismissed' },
    },
  ],
};
