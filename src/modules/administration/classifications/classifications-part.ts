import type { ModulePart } from '../../../platform/composition/module-part.ts';
import { administrationPaths } from '../administration-paths.ts';
import { classificationsText } from './classifications-messages.ts';

/**
 * Administration: classification tables (issue 17). An admin loads a 主題分類 / 施政分類 file (JSON or CSV)
 * with a preview and every problem listed, confirms, and browses the codes; `classifications:load` on the
 * command line loads through the same use case (classifications-service.ts), audited as the CLI.
 */
export const classificationsPart: ModulePart = {
  // The code file is a data file (JSON or CSV) read by the platform's upload reader (`dataFiles`).
  routes: [
    {
      load: () => import('./classifications-routes.tsx').then((file) => file.classificationsRoutes),
      takesFiles: true,
    },
  ],
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
