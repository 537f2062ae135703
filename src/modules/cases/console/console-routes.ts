import { keepStaffPagesOutOfCaches } from '../../../platform/auth/staff-pages.ts';
import type { ModuleRegistry } from '../../../platform/composition/app-module.ts';
import type { AppDeps, AppInstance } from '../../../platform/http/app-types.ts';
import { caseActionRoutes } from './case-action-routes.tsx';
import { casePageRoutes } from './case-page-routes.tsx';
import { lookupRoutes } from './lookup-routes.tsx';
import { queueRoutes } from './queue-routes.tsx';
import { supervisionRoutes } from './supervision-routes.tsx';

/**
 * The staff console: the queues, the case page with the actions this person may take now, supervision,
 * and the look-up for phone enquiries. Plain forms: everything works without JavaScript. Who may open each
 * page is the actions table's (core/case-actions.ts) or, for the events, the workflows'.
 */
export async function consoleRoutes(
  app: AppInstance,
  deps: AppDeps,
  registry: Pick<ModuleRegistry, 'pageSections'>,
): Promise<void> {
  // Every console page holds personal data and CSRF tokens: no cache may keep it.
  keepStaffPagesOutOfCaches(app);
  await queueRoutes(app, deps);
  await casePageRoutes(app, deps, registry);
  await caseActionRoutes(app, deps, registry);
  await supervisionRoutes(app, deps);
  await lookupRoutes(app, deps);
}
