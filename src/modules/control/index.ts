/**
 * Management control (管制查考): the yearly plan, units' work plans, progress, spot checks and the annual
 * report. What the module brings to the app, and its public surface for other modules. Other modules
 * import from here only (npm run lint checks it).
 */
import type { AppModule } from '../../platform/composition/app-module.ts';
import { checksPaths } from './checks/checks-paths.ts';
import { planPaths } from './plans/plan-paths.ts';
import { progressPaths } from './progress/progress-paths.ts';
import { reportPaths } from './reports/report-paths.ts';
import { controlAuditActions } from './shared/audit-actions.ts';
import { controlTopics } from './templates/index.ts';
import { workPlanPaths } from './work-plans/work-plan-paths.ts';

const performance = {
  'zh-TW': '管考：執行計畫進度、績效指標與年度績效報告',
  en: 'Performance: the execution plan, indicators and the annual report',
};
const checks = {
  'zh-TW': '平時測試及查核：電話禮貌測試、臨櫃訪查、自行管理考核與矯正措施追蹤',
  en: 'Spot checks: phone courtesy tests, counter visits, self-assessments and corrective actions',
};

export const controlModule: AppModule = {
  name: 'control',
  openData: [
    {
      id: 'control.plans',
      title: { 'zh-TW': '提升服務品質執行計畫', en: 'Service quality plans' },
      description: {
        'zh-TW':
          '本局各年度提升服務品質執行計畫：實施要項、執行策略、推動作法、完成期限及承辦單位，以及各單位的工作計畫。',
        en: 'The bureau’s yearly service quality plans: what it will do, how, by when and which units; and the units’ work plans.',
      },
      formats: [
        { format: 'HTML', path: '/plans' },
        { format: 'HTML', path: '/work-plans' },
      ],
      updates: { 'zh-TW': '每年（計畫刊登時）', en: 'Yearly (when a plan is published)' },
    },
  ],
  searchSources: [
    {
      source: 'plan',
      async *documents(db) {
        yield* (await import('./plans/plan-search.ts')).publishedPlanDocuments(db);
      },
    },
  ],
  publicReads: [
    { route: '/plans', scopes: ['plans'], query: 'key' },
    { route: '/plans/:year', examples: ['/plans/2012'], scopes: ['plans', 'units'], query: 'key' },
    { route: '/work-plans', scopes: ['plans'], query: 'key' },
    {
      route: '/work-plans/:year',
      examples: ['/work-plans/2012'],
      scopes: ['work-plans', 'units'],
      query: 'none',
    },
    { route: '/work-plans/:year/:unit', scopes: ['work-plans', 'units'], query: 'none' },
  ],
  // One group per capability's pages; a group whose forms carry files takes multipart bodies.
  routes: [
    { load: () => import('./plans/public-plan-routes.tsx').then((file) => file.publicPlanRoutes) },
    { load: () => import('./plans/staff-plan-routes.tsx').then((file) => file.staffPlanRoutes) },
    { load: () => import('./plans/plan-entry-routes.tsx').then((file) => file.planEntryRoutes) },
    {
      load: () =>
        import('./work-plans/public-work-plan-routes.tsx').then((file) => file.publicWorkPlanRoutes),
    },
    { load: () => import('./work-plans/work-plan-routes.tsx').then((file) => file.workPlanRoutes) },
    {
      load: () => import('./progress/progress-routes.tsx').then((file) => file.progressRoutes),
      takesFiles: true,
    },
    {
      load: () =>
        import('./progress/progress-evidence-routes.tsx').then((file) => file.progressEvidenceRoutes),
    },
    { load: () => import('./checks/checks-routes.tsx').then((file) => file.checksRoutes) },
    {
      load: () => import('./checks/follow-up-routes.tsx').then((file) => file.followUpRoutes),
      takesFiles: true,
    },
    { load: () => import('./reports/report-routes.tsx').then((file) => file.reportRoutes) },
  ],
  staffAreas: [
    {
      id: 'control.plans',
      group: 'performance',
      label: performance,
      path: planPaths.staffList,
      roles: ['secretariat', 'admin'],
    },
    {
      id: 'control.work-plans',
      group: 'performance',
      label: {
        'zh-TW': '各單位工作計畫：審查、退回修正與刊登',
        en: 'Units’ work plans: review, return for changes, publish',
      },
      path: workPlanPaths.staffList,
      roles: ['secretariat'],
    },
    {
      // Its words say where it goes (issue 14 §15: it said 「管考：執行計畫進度…」 and opened the work plans).
      id: 'control.unit-work-plans',
      group: 'performance',
      label: {
        'zh-TW': '本單位工作計畫：撰寫推動方法與量化目標，送單位主管核定及秘書室審查',
        en: 'Your unit’s work plan: methods and targets, for your head’s approval and the secretariat’s review',
      },
      path: workPlanPaths.staffList,
      roles: ['unit_editor', 'unit_head'],
    },
    {
      id: 'control.progress',
      group: 'performance',
      label: {
        'zh-TW': '執行進度：各單位按期填報進度與佐證，秘書室檢視完成率與缺漏',
        en: 'Progress: units report each period with evidence; the secretariat sees the gaps',
      },
      path: progressPaths.home,
      roles: ['secretariat', 'admin', 'unit_editor', 'unit_head'],
    },
    {
      id: 'control.checks',
      group: 'performance',
      label: checks,
      path: checksPaths.list,
      roles: ['secretariat'],
    },
    {
      id: 'control.unit-checks',
      group: 'performance',
      label: checks,
      path: checksPaths.unit,
      roles: ['unit_editor', 'unit_head'],
    },
    {
      id: 'control.reports',
      group: 'performance',
      label: {
        'zh-TW': '年度績效成果報告：各單位及全局，撰寫說明、發布與下載',
        en: 'Annual performance reports: units and the bureau; narrative, issue, download',
      },
      path: reportPaths.list,
      roles: ['secretariat'],
    },
  ],
  workers: [
    {
      name: 'progress and annual-report reminders',
      async start({ db, jobs, clock, config }) {
        const { startProgressReminderWorker } = await import('./progress/progress-reminders.ts');
        await startProgressReminderWorker({ db, jobs, clock, publicBaseUrl: config.publicBaseUrl });
        return undefined;
      },
    },
  ],
  scans: [
    {
      name: 'progress and annual-report reminders',
      request: async (context) =>
        (await import('./progress/progress-reminders.ts')).requestProgressReminderScan(context),
    },
  ],
  // The 2012 plan as published at first start; never rewritten afterwards.
  seeds: [{ name: 'plans', run: async (tx) => (await import('./plans/plan-seed.ts')).seedPlan101(tx) }],
  // A fresh `npm start`: one unit's published work plan for the seeded 2012 plan (needs the demo staff).
  demoData: [
    {
      name: 'demo work plan',
      run: async (context) => (await import('./work-plans/work-plan-demo.ts')).seedDemoWorkPlan(context),
    },
  ],
  notificationTopics: Object.values(controlTopics),
  auditActions: controlAuditActions,
};
