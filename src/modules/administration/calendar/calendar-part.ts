import type { ModulePart } from '../../../platform/composition/module-part.ts';
import { administrationPaths } from '../administration-paths.ts';
import { calendarText } from './calendar-messages.ts';

/**
 * Administration: the working calendar (issue 17 §3). The year's working days as a page; a day declared
 * closed or open (a typhoon day, everywhere or in this city only) after a preview of the open deadlines it
 * moves; a year's official calendar file loaded after a preview of its differences. The pages and
 * `npx onewindow calendar:override` / `calendar:load` call the same service (platform/calendar).
 */
export const calendarPart: ModulePart = {
  // The year file is uploaded (a data file, JSON, read by the platform's upload reader) or pasted.
  routes: [
    { load: () => import('./calendar-routes.tsx').then((file) => file.calendarRoutes), takesFiles: true },
  ],
  staffAreas: [
    {
      id: 'administration.calendar',
      group: 'administration',
      label: { 'zh-TW': calendarText('zh-TW', 'areaLabel'), en: calendarText('en', 'areaLabel') },
      path: administrationPaths.calendar,
      roles: ['admin', 'secretariat'],
    },
  ],
  // Its audit actions (calendar.*) are the platform's: platform/calendar writes them for the page and the CLI.
};
