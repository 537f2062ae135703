import type { ModulePart } from '../../../platform/composition/module-part.ts';
import { administrationPaths } from '../administration-paths.ts';
import { classificationsText } from './classifications-messages.ts';

/**
 * Administration: classification tables (issue 17). An admin loads a 主題分類 / 施政分類 file (JSON or CSV)
 * with a preview and every problem listed, confirms, and browses the codes; `classifications:load` on the
 * command line checks and writes through the same platform functions (reference-repo.ts).
 */
export const classificationsPart: ModulePart = {
  // The group reads its own small uploads (JSON/CSV, which the platform's document reader refuses).
  routes: [{ load: () => import('./classifications-routes.tsx').then((file) => file.classificationsRoutes) }],
  staffAreas: [
    {
      id: 'administration.classifications',
      group: 'administration',
      label: {
        'zh-TW': classificationsText('zh-TW', 'areaLabel'),
        en: classificationsText('en', 'areaLabel'),
      },
      path: administrationPaths.classifications,
      roles: ['admin'],
    },
  ],
  auditActions: [
    {
      action: 'classification.loaded',
      label: { 'zh-TW': '載入分類代碼檔', en: 'Classification file loaded' },
    },
  ],
};
