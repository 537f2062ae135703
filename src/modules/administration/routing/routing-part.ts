import type { ModulePart } from '../../../platform/composition/module-part.ts';
import { administrationPaths } from '../administration-paths.ts';
import { routingText } from './routing-messages.ts';

/**
 * Administration: routing rules (issue 17 §4), service × district → unit, for admins and for supervisors
 * (their unit's services). Routes load lazily. The changes are audited as `routing.set` / `routing.remove`
 * (with the rule before and after), actions the cases module, which owns the rules, already lists.
 */
export const routingPart: ModulePart = {
  routes: [{ load: () => import('./routing-routes.tsx').then((file) => file.routingRoutes) }],
  staffAreas: [
    {
      id: 'administration.routing',
      group: 'administration',
      label: { 'zh-TW': routingText('zh-TW', 'areaLabel'), en: routingText('en', 'areaLabel') },
      path: administrationPaths.routing,
      roles: ['admin', 'supervisor'],
    },
  ],
};
