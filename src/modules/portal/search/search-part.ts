import type { ModulePart } from '../../../platform/composition/module-part.ts';
import { searchPaths, searchStaffPaths } from '../shared/portal-paths.ts';
import { sitePagesSearchSource } from './site-pages-source.ts';

/** The search capability's share of the portal module's manifest (merged in ../index.ts). */
export const searchPart: ModulePart = {
  routes: [
    { load: () => import('./search-routes.tsx').then((file) => file.searchRoutes) },
    { load: () => import('./search-staff-routes.tsx').then((file) => file.searchStaffRoutes) },
  ],
  publicReads: [
    {
      route: searchPaths.search,
      examples: [
        `${searchPaths.search}?q=${encodeURIComponent('路燈壞了找誰')}`,
        `${searchPaths.search}?q=${encodeURIComponent('挖馬路要申請什麼')}&kind=service`,
        `${searchPaths.search}?advanced=1&all=${encodeURIComponent('道路 挖掘')}&none=${encodeURIComponent('公園')}`,
      ],
      scopes: ['search'],
      query: 'key',
    },
    {
      route: searchPaths.api,
      examples: [`${searchPaths.api}?q=${encodeURIComponent('違建怎麼檢舉')}`],
      scopes: ['search'],
      query: 'key',
      oneLanguage: true,
    },
  ],
  staffAreas: [
    {
      id: 'portal.search',
      group: 'content',
      label: {
        'zh-TW': '網站搜尋：搜尋不到結果的查詢及同義詞表',
        en: 'Site search: searches that found nothing, and synonyms',
      },
      path: searchStaffPaths.misses,
      roles: ['web_editor', 'admin'],
    },
  ],
  auditActions: [
    { action: 'portal.synonym_added', label: { 'zh-TW': '新增搜尋同義詞', en: 'Search synonym added' } },
    { action: 'portal.synonym_changed', label: { 'zh-TW': '修改搜尋同義詞', en: 'Search synonym changed' } },
    { action: 'portal.synonym_removed', label: { 'zh-TW': '刪除搜尋同義詞', en: 'Search synonym removed' } },
  ],
  searchSources: [sitePagesSearchSource],
  seeds: [
    {
      name: 'demo search synonyms',
      run: async (tx) => (await import('./synonym-seed.ts')).seedDemoSynonyms(tx),
    },
  ],
};
