/**
 * The case core and its pages (ADR 0007): what the module brings to the app, and its public surface for
 * other modules. Other modules import from here only (npm run lint checks it).
 */
import type { AppModule } from '../../platform/modules/app-module.ts';
import { casesApiRoutes } from './api/cases-api-routes.ts';
import { consoleRoutes } from './console/console-routes.tsx';
import { casePaths } from './core/case-paths.ts';
import { requestReminderScan, startReminderWorker } from './core/case-reminders.ts';
import { recomputeOpenDeadlines } from './core/cases-service.ts';
import { routingCommands } from './core/routing-commands.ts';
import { seedDemoRoutingRules } from './core/routing-rules.ts';
import { caseTopics } from './core/templates/index.ts';
import { counterRoutes } from './counter/counter-routes.tsx';
import { trackRoutes } from './track/track-routes.tsx';

export const casesModule: AppModule = {
  name: 'cases',
  routes: [
    { register: counterRoutes, takesFiles: true },
    { register: consoleRoutes },
    { register: trackRoutes },
    { register: casesApiRoutes },
  ],
  staffAreas: [
    {
      id: 'cases.queue',
      group: 'casework',
      label: { 'zh-TW': '案件待辦：本單位依期限排序的案件', en: "Case queue: your unit's cases by deadline" },
      path: casePaths.myQueue,
      roles: ['handler', 'supervisor'],
    },
    {
      id: 'cases.counter',
      group: 'casework',
      label: {
        'zh-TW': '臨櫃收件：受理申辦並列印收件憑證',
        en: 'Counter intake: take applications and print receipts',
      },
      path: casePaths.counter,
      roles: ['counter_clerk', 'secretariat'],
    },
    {
      id: 'cases.supervision',
      group: 'casework',
      label: {
        'zh-TW': '督導：逾期與即將逾期的案件、工作量、展延核定',
        en: 'Supervision: overdue and at-risk cases, workload, extensions to approve',
      },
      path: casePaths.supervision,
      roles: ['supervisor', 'secretariat'],
    },
    {
      id: 'cases.lookup',
      group: 'casework',
      label: {
        'zh-TW': '案件查詢：依案件編號、申請人電話或姓名查詢（電話詢問）',
        en: 'Find a case: by case number, the applicant’s phone or name (phone enquiries)',
      },
      path: casePaths.lookup,
      roles: ['counter_clerk', 'handler', 'supervisor', 'secretariat'],
    },
  ],
  workers: [
    {
      name: 'case deadline reminders',
      async start({ db, jobs, clock, config }) {
        await startReminderWorker({
          db,
          jobs,
          clock,
          publicBaseUrl: config.publicBaseUrl,
          calendarRegion: config.calendarRegion,
        });
        return undefined;
      },
    },
  ],
  scans: [{ name: 'case deadline reminders', request: requestReminderScan }],
  seeds: [{ name: 'routing rules', run: seedDemoRoutingRules }],
  notificationTopics: Object.values(caseTopics),
  async onCalendarChange({ db, changedDay, calendarRegion, now }) {
    const { checked, moved } = await recomputeOpenDeadlines(db, { changedDay, calendarRegion, now });
    return `Deadlines of open cases: ${checked} checked, ${moved} moved.`;
  },
  commands: routingCommands,
};
