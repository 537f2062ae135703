/**
 * Petitions (陳情) and public opinion (issue 16; 行政程序法 §168–173, seed plan 三). A petition is a case of
 * kind `petition` on the case core (routing, deadline, timeline, notices; its workflow is the case core's
 * petition-workflow.ts); this module adds its intake from every channel (the director's mailbox and the
 * suggestion box with a one-time code, letters, oral petitions, 1999 and e-mail entered by staff), its type
 * rules, confidential reporters, repeat detection, answers from templates, §173 declines and transfers, the
 * case-type analysis, and the media log (輿情).
 */
import type { AppModule } from '../../platform/composition/app-module.ts';
import type { DatabaseOrTransaction } from '../../platform/db/database.ts';
import { analysisText } from './analysis/analysis-messages.ts';
import { analysisPaths } from './analysis/analysis-paths.ts';
import type { GroupFigures } from './analysis/analysis-rules.ts';
import { emailIntakeCommands } from './email-intake/email-intake-commands.ts';
import { mediaText } from './media/media-messages.ts';
import { mediaPaths } from './media/media-paths.ts';
import { mediaTopics } from './media/templates/index.ts';
import { petitionAdminText } from './petition-admin-messages.ts';
import { petitionCommands } from './petition-commands.ts';
import { petitionPaths } from './petition-paths.ts';
import { petitionTopics } from './templates/index.ts';

export const petitionsModule: AppModule = {
  name: 'petitions',
  routes: [
    { load: () => import('./mailbox-routes.tsx').then((file) => file.mailboxRoutes) },
    // The registration form carries scans (an oral petition's signed record): multipart in this group.
    {
      load: () => import('./petition-staff-routes.tsx').then((file) => file.petitionStaffRoutes),
      takesFiles: true,
    },
    { load: () => import('./media/media-routes.tsx').then((file) => file.mediaRoutes) },
    { load: () => import('./analysis/analysis-routes.tsx').then((file) => file.analysisRoutes) },
    { load: () => import('./petition-admin-routes.tsx').then((file) => file.petitionAdminRoutes) },
  ],
  // On the case page of a petition: its repeats with their earlier answers (issue 16 §4), as on its own page.
  pageSections: [
    {
      page: 'staff-case',
      async render({ db, lang, key }) {
        const [{ repeatsOfCase }, { CaseRepeatsSection }] = await Promise.all([
          import('./petition-actions.ts'),
          import('./views/petition-staff-pages.tsx'),
        ]);
        const found = await repeatsOfCase(db, key);
        return found === null ? null : CaseRepeatsSection({ lang, ...found });
      },
    },
  ],
  staffAreas: [
    {
      id: 'petitions.new',
      group: 'casework',
      label: {
        'zh-TW': '陳情登記：書面、言詞、1999 轉介及電子郵件陳情（含重複陳情比對）',
        en: 'Register a petition: letters, oral petitions, 1999 transfers and e-mails (with repeats found)',
      },
      path: petitionPaths.staffNew,
      roles: ['secretariat', 'counter_clerk', 'supervisor', 'handler'],
    },
    {
      id: 'petitions.media',
      group: 'casework',
      label: { 'zh-TW': mediaText('zh-TW', 'areaLabel'), en: mediaText('en', 'areaLabel') },
      path: mediaPaths.list,
      roles: ['secretariat', 'admin', 'supervisor'],
    },
    {
      id: 'petitions.analysis',
      group: 'performance',
      label: { 'zh-TW': analysisText('zh-TW', 'areaLabel'), en: analysisText('en', 'areaLabel') },
      path: analysisPaths.page,
      roles: ['secretariat', 'admin', 'unit_head', 'supervisor'],
    },
    // Issue 17: the types' rules and the officers, once only commands (petitions:type, petitions:officer).
    {
      id: 'petitions.types',
      group: 'administration',
      label: {
        'zh-TW': petitionAdminText('zh-TW', 'typesAreaLabel'),
        en: petitionAdminText('en', 'typesAreaLabel'),
      },
      path: petitionPaths.types,
      roles: ['admin'],
    },
    {
      id: 'petitions.officers',
      group: 'administration',
      label: {
        'zh-TW': petitionAdminText('zh-TW', 'officersAreaLabel'),
        en: petitionAdminText('en', 'officersAreaLabel'),
      },
      path: petitionPaths.officers,
      roles: ['admin'],
    },
  ],
  seeds: [
    {
      name: 'petition types',
      run: async (tx) => (await import('./petition-types.ts')).seedPetitionTypes(tx),
    },
  ],
  // 輿情: overdue fact-checks alerted by e-mail (media/media-overdue.ts).
  workers: [
    {
      name: 'media overdue alerts',
      async start({ db, jobs, clock, config }) {
        const { startMediaOverdueWorker } = await import('./media/media-overdue.ts');
        await startMediaOverdueWorker({ db, jobs, clock, publicBaseUrl: config.publicBaseUrl });
        return undefined;
      },
    },
    // Petitions by e-mail: the mailbox read every PETITION_IMAP_INTERVAL_SECONDS, when PETITION_IMAP_URL is set.
    {
      name: 'petition mailbox',
      // Without a mailbox configured nothing is loaded: the IMAP client and the mail parser cost ~60 MB of RSS.
      start: async (context) =>
        context.config.petitionImapUrl === null
          ? undefined
          : (await import('./email-intake/email-intake.ts')).startEmailIntakeWorker(context),
    },
    // The case-type analysis's roll-ups, brought up to date every five minutes (analysis/analysis-refresh.ts).
    {
      name: 'petition analysis refresh',
      async start({ db, jobs, clock }) {
        const { startAnalysisWorker } = await import('./analysis/analysis-refresh.ts');
        await startAnalysisWorker({ db, jobs, clock });
        return undefined;
      },
    },
  ],
  scans: [
    {
      name: 'media overdue alerts',
      request: async (context) => (await import('./media/media-overdue.ts')).requestMediaOverdueScan(context),
    },
    {
      name: 'petition analysis refresh',
      request: async (context) =>
        (await import('./analysis/analysis-refresh.ts')).requestAnalysisRefresh(context),
    },
  ],
  commands: { ...petitionCommands, ...emailIntakeCommands },
  notificationTopics: [...Object.values(petitionTopics), ...Object.values(mediaTopics)],
  auditActions: [
    {
      action: 'petition.identity_view',
      label: { 'zh-TW': '檢視檢舉人身分（保密）', en: 'Confidential reporter’s identity viewed' },
    },
    {
      action: 'petition.identity_refused',
      label: { 'zh-TW': '拒絕檢視檢舉人身分', en: 'Confidential reporter’s identity refused' },
    },
    {
      action: 'petition.type_set',
      label: { 'zh-TW': '設定陳情類別規則', en: 'Petition type rules set' },
    },
    {
      action: 'petition.officer_designated',
      label: {
        'zh-TW': '指定檢舉案件承辦人員（可檢視檢舉人身分）',
        en: 'Officer designated for confidential reports',
      },
    },
    {
      action: 'petition.officer_removed',
      label: {
        'zh-TW': '取消檢舉案件承辦人員指定',
        en: 'Officer designation for confidential reports ended',
      },
    },
    {
      action: 'petition.media_record',
      label: { 'zh-TW': '登錄輿情', en: 'Media item recorded' },
    },
    {
      action: 'petition.media_fact_check',
      label: { 'zh-TW': '記錄輿情查證說明', en: 'Media fact-check note recorded' },
    },
    {
      action: 'petition.media_clarify',
      label: { 'zh-TW': '記錄輿情澄清（新聞稿或回應）', en: 'Media clarification recorded' },
    },
  ],
};

export type { GroupFigures as PetitionFigures } from './analysis/analysis-rules.ts';
export { petitionPaths } from './petition-paths.ts';

/**
 * The petitions of a period ('YYYY-MM' to 'YYYY-MM', by the month received) for one unit or the bureau (null):
 * received, finished, open, on-time rate, average and p90 handling days, §173 declines and repeats — what the
 * monthly report shows, for management control's annual performance report to read. From the analysis's
 * roll-ups (at most five minutes old).
 */
export async function petitionFigures(
  db: DatabaseOrTransaction,
  options: { from: string; to: string; unitCode: string | null },
): Promise<GroupFigures> {
  return (await import('./analysis/analysis-queries.ts')).readPeriodFigures(db, options);
}
