/**
 * Online applications (issue 11 §1): /apply lists what can be applied for online, and each such service gets
 * an application generated from its definition — start page, who you are, a proven contact, the service's
 * questions a few to a page, the documents, check your answers, submit (a case of channel `web`). Drafts are
 * saved at every page and resumed from the e-mailed link for 30 days. Other modules import from here only.
 */
import type { AppModule } from '../../platform/composition/app-module.ts';
import { applicationTopics } from './templates/index.ts';

export const applicationsModule: AppModule = {
  name: 'applications',
  publicReads: [
    { route: '/apply', scopes: ['catalogue'], query: 'none' },
    {
      route: '/apply/:code',
      examples: ['/apply/road-excavation-permit'],
      scopes: ['catalogue'],
      query: 'none',
    },
  ],
  routes: [
    { load: () => import('./application-routes.tsx').then((file) => file.applicationRoutes) },
    {
      load: () => import('./application-upload-routes.tsx').then((file) => file.applicationUploadRoutes),
      takesFiles: true,
    },
  ],
  scans: [
    {
      name: 'expired application drafts',
      // One DELETE of what has expired: harmless when several processes run it in the same slot.
      request: async ({ db, clock }) =>
        (await import('./application-drafts.ts')).requestDraftSweep(db, clock.now()),
    },
  ],
  notificationTopics: Object.values(applicationTopics),
};

export {
  type DraftOfContact,
  draftsOfContact,
  reopenDraftOfContact,
} from './application-drafts-of-contact.ts';
// The petitions' web forms (src/modules/petitions) prove a contact with the same one-time codes.
export {
  checkCode,
  hashSecret,
  maxCodeAttempts,
  newOneTimeCode,
  newResumeToken,
} from './application-rules.ts';
export { applicationPaths } from './applications-paths.ts';
