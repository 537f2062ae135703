/**
 * Open311 GeoReport v2: other systems (the 1999 citizen line, apps, researchers) read the bureau's report
 * categories in the open standard. The manifest says what the module brings; the routes stay outside the
 * site (no cookies, no CSRF). Filing and reading requests come with the photo reports (issue 10).
 */
import type { AppModule } from '../../platform/composition/app-module.ts';

export const open311Module: AppModule = {
  name: 'open311',
  routes: [
    {
      load: () => import('./open311-routes.ts').then((file) => file.open311Routes),
      isOutsideSite: true,
    },
  ],
};

export { jurisdictionId } from './open311-routes.ts';
