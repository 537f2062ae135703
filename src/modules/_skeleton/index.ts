/**
 * The skeleton module: copy this folder to start a module (CONTRIBUTING.md, "Add a module"). The manifest
 * says what the module brings; the exports below it are its public surface — the only thing other modules
 * may import (npm run lint checks it).
 */
import type { AppModule } from '../../platform/composition/app-module.ts';
import { skeletonText } from './skeleton-messages.ts';
import { skeletonPaths } from './skeleton-paths.ts';

export const skeletonModule: AppModule = {
  name: 'skeleton',
  routes: [{ load: () => import('./skeleton-routes.tsx').then((file) => file.skeletonRoutes) }],
  staffAreas: [
    {
      id: 'skeleton.page',
      group: 'administration',
      label: { 'zh-TW': skeletonText('zh-TW', 'areaLabel'), en: skeletonText('en', 'areaLabel') },
      path: skeletonPaths.page,
      roles: ['admin'],
    },
  ],
  auditActions: [
    { action: 'skeleton.received', label: { 'zh-TW': '範例表單已送出', en: 'Example form sent' } },
  ],
};

export { skeletonPaths } from './skeleton-paths.ts';
