/**
 * The case core and its pages (ADR 0007): what the module brings to the app, and its public surface for
 * other modules. Other modules import from here only (npm run lint checks it).
 */
import type { AppModule } from '../../platform/composition/app-module.ts';
import { withPreviewFacts } from '../../platform/notify/template-kit.ts';
import { caseStaffAreas } from './console/staff-areas.ts';
import { routingCommands } from './core/routing-commands.ts';
import { caseTopics } from './core/templates/index.ts';

export const casesModule: AppModule = {
  name: 'cases',
  publicReads: [{ route: '/track', scopes: [], query: 'none' }],
  routes: [
    {
      load: () => import('./counter/counter-routes.tsx').then((file) => file.counterRoutes),
      takesFiles: true,
    },
    { load: () => import('./console/console-routes.ts').then((file) => file.consoleRoutes) },
    // The decision with the document it issues, a supplement with the documents delivered (multipart).
    {
      load: () => import('./console/resolve-routes.tsx').then((file) => file.resolveRoutes),
      takesFiles: true,
    },
    { load: () => import('./track/track-routes.tsx').then((file) => file.trackRoutes) },
    // Satisfaction after closing (issue 11 §4): the answer from /track, the results for staff.
    {
      load: () =>
        import('./satisfaction/satisfaction-track-routes.tsx').then((file) => file.satisfactionTrackRoutes),
    },
    {
      load: () =>
        import('./satisfaction/satisfaction-staff-routes.tsx').then((file) => file.satisfactionStaffRoutes),
    },
    { load: () => import('./api/cases-api-routes.ts').then((file) => file.casesApiRoutes) },
    // The fee (issue 11 §3): /track's Pay page and receipt, the provider's return and callback, the simulator.
    { load: () => import('./payment/payment-routes.tsx').then((file) => file.paymentRoutes) },
    { load: () => import('./payment/payment-staff-routes.tsx').then((file) => file.paymentStaffRoutes) },
    // The deficiency notice (issue 11 §2): its staff pages, and the applicant's supplement on /track.
    {
      load: () => import('./deficiency/deficiency-routes.tsx').then((file) => file.deficiencyRoutes),
      takesFiles: true,
    },
    {
      load: () =>
        import('./deficiency/deficiency-track-routes.tsx').then((file) => file.deficiencyTrackRoutes),
      takesFiles: true,
    },
    { load: () => import('./deficiency/deficiency-api-routes.ts').then((file) => file.deficiencyApiRoutes) },
    // "Propose as FAQ" from the case page (issue 15): the portal's FAQ editors list the proposals.
    {
      load: () => import('./faq-proposals/faq-proposal-routes.tsx').then((file) => file.faqProposalRoutes),
    },
  ],
  staffAreas: caseStaffAreas.map(({ action: _action, ...area }) => area),
  workers: [
    {
      name: 'case deadline reminders',
      async start({ db, jobs, clock, config }) {
        const { startReminderWorker } = await import('./core/case-reminders.ts');
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
  scans: [
    {
      name: 'case deadline reminders',
      request: async (context) => (await import('./core/case-reminders.ts')).requestReminderScan(context),
    },
  ],
  seeds: [
    {
      name: 'routing rules',
      run: async (tx) => (await import('./core/routing-rules.ts')).seedDemoRoutingRules(tx),
    },
  ],
  // An edited notice's preview is filled from a real case, masked (issue 17 §5: case-preview-facts.ts).
  notificationTopics: Object.values(caseTopics).map((topic) =>
    withPreviewFacts(topic, async (db, query) =>
      (await import('./core/case-preview-facts.ts')).casePreviewFacts(db, query),
    ),
  ),
  auditActions: [
    {
      action: 'case.view',
      label: {
        'zh-TW': '檢視案件（含申請人個人資料）',
        en: 'Case viewed (with the applicant’s personal data)',
      },
    },
    {
      action: 'case.read_refused',
      label: {
        'zh-TW': '拒絕閱覽案件（非本單位、未曾經手、未分派）',
        en: 'Case read refused (not the person’s unit, never with it, not assigned)',
      },
    },
    {
      action: 'case.lookup',
      label: { 'zh-TW': '查詢案件（電話詢問）', en: 'Cases looked up (phone enquiry)' },
    },
    {
      action: 'case.faq_proposed',
      label: { 'zh-TW': '將案件答覆提報為常見問答', en: 'Case answer proposed as an FAQ entry' },
    },
    { action: 'case.receipt_view', label: { 'zh-TW': '開啟收件憑證', en: 'Receipt opened for printing' } },
    {
      action: 'deficiency.issue',
      label: { 'zh-TW': '開立補正通知（一次告知）', en: 'Deficiency notice issued' },
    },
    {
      action: 'deficiency.request_approval',
      label: { 'zh-TW': '再次補正通知送主管核准', en: 'Second deficiency notice sent for approval' },
    },
    {
      action: 'deficiency.approve',
      label: { 'zh-TW': '核准再次補正通知', en: 'Second deficiency notice approved' },
    },
    {
      action: 'deficiency.refuse',
      label: { 'zh-TW': '退回再次補正通知', en: 'Second deficiency notice refused' },
    },
    {
      action: 'deficiency.supplement',
      label: { 'zh-TW': '補正完成（線上或臨櫃）', en: 'Supplement received (online or at the counter)' },
    },
    {
      action: 'payment.received',
      label: { 'zh-TW': '線上繳費入帳', en: 'Online payment applied' },
    },
    {
      action: 'payment.callback_refused',
      label: {
        'zh-TW': '拒絕付款通知（簽章錯誤、金額或幣別不符等）',
        en: 'Payment notice refused (bad signature, wrong amount or currency …)',
      },
    },
    { action: 'payment.recorded', label: { 'zh-TW': '記錄臨櫃收費', en: 'Counter payment recorded' } },
    { action: 'payment.refunded', label: { 'zh-TW': '記錄退費', en: 'Refund recorded' } },
    { action: 'routing.set', label: { 'zh-TW': '設定分文規則', en: 'Routing rule set' } },
    { action: 'routing.remove', label: { 'zh-TW': '刪除分文規則', en: 'Routing rule removed' } },
    {
      action: 'satisfaction.results_view',
      label: { 'zh-TW': '檢視滿意度調查結果與民眾意見', en: 'Satisfaction results and comments viewed' },
    },
  ],
  async onCalendarChange({ db, changedDay, calendarRegion, now }) {
    const { recomputeOpenDeadlines } = await import('./core/recompute-deadlines.ts');
    const { checked, moved } = await recomputeOpenDeadlines(db, { changedDay, calendarRegion, now });
    return `Deadlines of open cases: ${checked} checked, ${moved} moved.`;
  },
  commands: routingCommands,
};

// The case core as other modules use it (the photo reports: src/modules/reports).
export type { CaseActor, CaseRow, CasesContext, StaffCaseActor } from './core/case-actor.ts';
// Online applications (src/modules/applications): the intake's own checks page by page, the documents kept
// on the case in openCase's transaction, the fee shown before submitting and the §8 notice the counter reads.
export { type AttachmentUpload, storeAttachments } from './core/case-attachments.ts';
export { ensureMayReadCase, recordCaseView } from './core/case-reading.ts';
export { type UnitContact, unitContact } from './core/case-reference-cache.ts';
export { casesContext, staffCaseActor } from './core/case-request-context.ts';
// The crews' page, "not fixed" and hiding a photo (src/modules/reports): a note on a case's timeline, and
// the applicant's number + lookup code checked as /track checks it.
export { addToTimeline, type TimelineEntry } from './core/case-timeline.ts';
// The citizen account's "My cases" (src/modules/citizens): the cases of a proven e-mail address.
export { type ApplicantCaseItem, casesOfApplicantEmail } from './core/cases-of-applicant.ts';
export { cases, caseTimeline } from './core/cases-schema.ts';
export { type OpenCaseInput, validateOpenCase } from './core/intake-rules.ts';
// Merges of more than one level (A → B → C): the reports module tells everyone of C's chain and points A to C.
export { endOfMergeChain, mergedAtAnyDepth } from './core/merge-chain.ts';
export { openCase } from './core/open-case.ts';
// The calendar page's preview (src/modules/administration/calendar): open deadlines a change would move.
export { type DeadlinePreview, previewOpenDeadlines } from './core/recompute-deadlines.ts';
// Routing rules' pages (src/modules/administration/routing): the same use cases as `onewindow routing:*`.
export {
  districtWords,
  type Named,
  nameIn,
  type RoutingRuleDraft,
  routingCheckText,
} from './core/routing-rule-checks.ts';
export {
  type CaseRoutedOtherwise,
  findRoutingRuleId,
  getRoutingRule,
  type ListedRoutingRule,
  listRoutingRulesPage,
  previewCaseLimit,
  previewRoutingRule,
  previewRoutingRuleRemoval,
  type RoutingPreview,
  routingChoices,
} from './core/routing-rule-reads.ts';
export {
  changeRoutingRule,
  createRoutingRule,
  deleteRoutingRule,
  type RoutableService,
  type RoutingManager,
} from './core/routing-rules.ts';
export type { CaseReceivedData } from './core/templates/case-received.ts';
export { caseTopics } from './core/templates/index.ts';
export { trackLinkTokenOf, trackUrlOf } from './core/track-url.ts';
export type { TransitionOptions, TransitionRequest } from './core/transition-case.ts';
export { transitionCase } from './core/transition-case.ts';
export { eventLabel, reopenDaysOf, stateLabel, workflowOf } from './core/workflows.ts';
export { privacyNotice } from './counter/counter-messages.ts';
// The FAQ (src/modules/portal/faq): the answers handlers proposed from their cases, and closing one.
export {
  closeFaqProposal,
  type FaqProposal,
  type FaqProposalState,
  getFaqProposal,
  listFaqProposals,
} from './faq-proposals/faq-proposal-service.ts';
export { type ComputedFee, computeFee } from './payment/fee-rules.ts';
export { type ApplicantAccess, checkApplicantAccess } from './track/track-access.ts';
