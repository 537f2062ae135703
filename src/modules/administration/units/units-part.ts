import type { ModulePart } from '../../../platform/composition/module-part.ts';
import { administrationPaths } from '../administration-paths.ts';
import { unitsText } from './units-messages.ts';

/**
 * Administration: units (issue 17). The admin edits each unit's names, contacts, service hours, status and
 * the check of its contacts; the public pages and receipts read the `units` row, so a save re-renders the
 * kept pages that show units (unit-admin-service.ts announces them).
 */
export const unitsPart: ModulePart = {
  routes: [{ load: () => import('./units-routes.tsx').then((file) => file.unitsRoutes) }],
  staffAreas: [
    {
      id: 'administration.units',
      group: 'administration',
      label: { 'zh-TW': unitsText('zh-TW', 'areaLabel'), en: unitsText('en', 'areaLabel') },
      path: administrationPaths.units,
      roles: ['admin'],
    },
  ],
  auditActions: [
    {
      action: 'unit.updated',
      label: { 'zh-TW': '修改單位名稱或聯絡資料', en: 'Unit names or contact details changed' },
    },
  ],
};
