/**
 * The optional citizen account (issue 11 §1): sign-in by e-mail link (no password), then "My cases" — every
 * case and unsent draft made with that address. An account is never needed: applying and /track work without
 * one. Other modules import from here only.
 */
import type { AppModule } from '../../platform/composition/app-module.ts';
import { citizenTopics } from './templates/index.ts';

export { citizenCookieName } from './citizen-session-cookie.ts';
export { readSignedInCitizen } from './signed-in-citizen.ts';

export const citizensModule: AppModule = {
  name: 'citizens',
  publicReads: [{ route: '/account/sign-in', scopes: [], query: 'none' }],
  routes: [{ load: () => import('./citizens-routes.tsx').then((file) => file.citizenRoutes) }],
  scans: [
    {
      name: 'expired citizen sign-in links and sessions',
      // One DELETE each of what has expired: harmless when several processes run it in the same slot.
      request: async ({ db, clock }) =>
        (await import('./citizen-sign-in-service.ts')).requestCitizenSweep(db, clock.now()),
    },
  ],
  notificationTopics: Object.values(citizenTopics),
  auditActions: [
    {
      action: 'citizen.sign_in',
      label: {
        'zh-TW': '民眾以電子郵件連結登入「我的案件」',
        en: 'Citizen signed in to “My cases” by e-mail link',
      },
    },
    {
      action: 'citizen.sign_out',
      label: { 'zh-TW': '民眾登出「我的案件」', en: 'Citizen signed out of “My cases”' },
    },
  ],
};

export { citizenPaths } from './citizens-paths.ts';
