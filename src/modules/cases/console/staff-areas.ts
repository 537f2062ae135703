import type { StaffArea } from '../../../platform/composition/app-module.ts';
import { type CaseAction, rolesFor } from '../core/case-actions.ts';
import { counterPaths } from '../counter/counter-paths.ts';
import { deficiencyPaths } from '../deficiency/deficiency-paths.ts';
import { satisfactionPaths } from '../satisfaction/satisfaction-paths.ts';
import { consolePaths } from './console-paths.ts';

/**
 * The cases pages' lines on the staff home (the manifest's staff areas). Each says which action of the
 * table it leads to; its roles are the ones the home offers it to, for their daily work — a subset of who
 * may take the action (a unit test checks it), so a link never leads to a 403. The secretariat, say, may
 * work from the queues but starts from supervision.
 */
export const caseStaffAreas: readonly (StaffArea & { action: CaseAction })[] = [
  {
    id: 'cases.queue',
    group: 'casework',
    label: { 'zh-TW': '案件待辦：本單位依期限排序的案件', en: "Case queue: your unit's cases by deadline" },
    path: consolePaths.myQueue,
    action: 'work_queue',
    roles: ['handler', 'supervisor'],
  },
  {
    id: 'cases.counter',
    group: 'casework',
    label: {
      'zh-TW': '臨櫃收件：受理申辦並列印收件憑證',
      en: 'Counter intake: take applications and print receipts',
    },
    path: counterPaths.counter,
    action: 'open',
    roles: ['counter_clerk', 'secretariat'],
  },
  {
    id: 'cases.supervision',
    group: 'casework',
    label: {
      'zh-TW': '督導：逾期與即將逾期的案件、工作量、展延核定',
      en: 'Supervision: overdue and at-risk cases, workload, extensions to approve',
    },
    path: consolePaths.supervision,
    action: 'supervise',
    roles: rolesFor('supervise'),
  },
  {
    id: 'cases.satisfaction',
    group: 'casework',
    label: {
      'zh-TW': '滿意度：結案後民眾填寫的滿意度與意見，依服務項目與單位',
      en: 'Satisfaction: what people said after their case closed, by service and unit',
    },
    path: satisfactionPaths.results,
    action: 'supervise',
    roles: rolesFor('supervise'),
  },
  {
    id: 'cases.deficiency',
    group: 'casework',
    label: {
      'zh-TW': '補正通知統計：一次告知的補正通知，依服務項目與單位（年度報告）',
      en: 'Deficiency notices: counts per service and unit for the annual report',
    },
    path: deficiencyPaths.counts,
    action: 'supervise',
    roles: rolesFor('supervise'),
  },
  {
    id: 'cases.lookup',
    group: 'casework',
    label: {
      'zh-TW': '案件查詢：依案件編號、申請人電話或姓名查詢（電話詢問）',
      en: 'Find a case: by case number, the applicant’s phone or name (phone enquiries)',
    },
    path: consolePaths.lookup,
    action: 'look_up',
    roles: rolesFor('look_up'),
  },
];
