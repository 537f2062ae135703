/**
 * The case core and its pages (ADR 0007): what the module brings to the app, and its public surface for
 * other modules. Other modules import from here only (npm run lint checks it).
 */
import type { AppModule } from '../../platform/modules/app-module.ts';
import { casesApiRoutes } from './api/cases-api-routes.ts';
import { consoleRoutes } from './console/console-routes.ts';
import { caseStaffAreas } from './console/staff-areas.ts';
import { requestReminderScan, startReminderWorker } from './core/case-reminders.ts';
import { recomputeOpenDeadlines } from './core/recompute-deadlines.ts';
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
  staffAreas: caseStaffAreas.map(({ action: _action, ...area }) => area),
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
  auditActions: [
    {
      action: 'case.view',
      label: {
        'zh-TW': '檢視案件（含申請人個人資料）',
        en: 'Case viewed (with the applicant’s personal data)',
      },
    },
    {
      action: 'case.lookup',
      label: { 'zh-TW': '查詢案件（電話詢問）', en: 'Cases looked up (phone enquiry)' },
    },
    { action: 'case.receipt_view', label: { 'zh-TW': '開啟收件憑證', en: 'Receipt opened for printing' } },
    { action: 'routing.set', label: { 'zh-TW': '設定分文規則', en: 'Routing rule set' } },
    { action: 'routing.remove', label: { 'zh-TW': '刪除分文規則', en: 'Routing rule removed' } },
  ],
  async onCalendarChange({ db, changedDay, calendarRegion, now }) {
    const { checked, moved } = await recomputeOpenDeadlines(db, { changedDay, calendarRegion, now });
    return `Deadlines of open cases: ${checked} checked, ${moved} moved.`;
  },
  commands: routingCommands,
};

export type { CaseReceivedData } from './core/templates/case-received.ts';
export { caseTopics } from './core/templates/index.ts';
