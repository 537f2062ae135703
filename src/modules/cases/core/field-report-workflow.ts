import {
  type CaseActorRole,
  type CaseGuard,
  defineWorkflow,
  type StateWords,
  type Transition,
  type Words,
} from './workflow-definition.ts';

/**
 * The field-report workflow (工務自拍速必修, issue 10): a photo of a pothole or a dark street light is not an
 * application to examine but a job for a crew. received → dispatched (a crew named) → fixed (with an
 * after-photo and a note) → closed; within CASE_REOPEN_DAYS of the fix the reporter may say "not fixed"
 * and the report is reopened for a crew again. The words and finished-ness of the states it shares with
 * the default workflow are the same (workflows.ts).
 */

const states = [
  'received', // 已收件: routed to the unit, no crew yet
  'dispatched', // 已派工: a crew (handler) has it
  'reopened', // 重新處理: the reporter said it is not fixed
  'fixed', // 已修復: the crew fixed it (after-photo); the reporter may still say "not fixed"
  'closed', // 結案
  'forwarded', // 移文: another agency's (e.g. Taipower's pole)
  'rejected', // 不受理: not a public-works problem, or nothing found there
  'withdrawn', // 撤回
  'merged', // 併案: the same problem as an earlier report
] as const;
type State = (typeof states)[number];

const events = [
  'dispatch',
  'mark_fixed',
  'close',
  'reopen',
  'transfer',
  'forward',
  'reject',
  'withdraw',
  'merge',
] as const;
type Event = (typeof events)[number];

type Step = Transition<State, Event>;

const unitStaff = ['supervisor', 'handler'] as const satisfies readonly CaseActorRole[];
const unitGuards = ['own_unit', 'assigned_or_unassigned'] as const satisfies readonly CaseGuard[];

function unitStep(event: Event, to: State, requires: Step['requires'] = []): Step {
  return { event, to, roles: unitStaff, guards: unitGuards, requires };
}
const dispatch = unitStep('dispatch', 'dispatched');
const transfer: Step = {
  event: 'transfer',
  to: 'received',
  roles: [...unitStaff, 'secretariat'],
  guards: unitGuards,
  requires: ['target_unit', 'reason'],
};
const forward = unitStep('forward', 'forwarded', ['target_agency', 'public_note']);
const reject = unitStep('reject', 'rejected', ['reason']);
const merge = unitStep('merge', 'merged', ['target_case']);
const withdraw: Step = {
  event: 'withdraw',
  to: 'withdrawn',
  roles: ['applicant', 'counter_clerk'],
  guards: [],
  requires: [],
};
/** "Not fixed": the reporter within the window (from /track or the e-mail), or the unit's supervisor. */
const reopen: Step = {
  event: 'reopen',
  to: 'reopened',
  roles: ['applicant', 'supervisor'],
  guards: ['own_unit', 'within_reopen_window'],
  requires: ['reason'],
};

const transitions: { readonly [From in State]: readonly Step[] } = {
  received: [dispatch, transfer, forward, reject, merge, withdraw],
  dispatched: [unitStep('mark_fixed', 'fixed', ['resolution']), transfer, forward, merge, withdraw],
  reopened: [dispatch, transfer, forward, reject, merge],
  fixed: [unitStep('close', 'closed'), reopen],
  closed: [reopen],
  forwarded: [],
  rejected: [],
  withdrawn: [],
  merged: [],
};

const stateLabels: { readonly [S in State]: StateWords } = {
  received: {
    zh: '已收件',
    en: 'Received',
    explainZh: '我們已收到您的案件，正分送承辦單位。',
    explainEn: 'We have your request and are passing it to the unit that handles it.',
  },
  dispatched: {
    zh: '已派工',
    en: 'Crew assigned',
    explainZh: '已指派維修人員前往處理。',
    explainEn: 'A crew has been assigned to fix it.',
  },
  reopened: {
    zh: '重新處理',
    en: 'Reopened',
    explainZh: '您告訴我們問題仍未解決，我們將再派員處理。',
    explainEn: 'You told us it is not fixed; a crew will be sent again.',
  },
  fixed: {
    zh: '已修復',
    en: 'Fixed',
    explainZh: '維修人員已完成修復並拍照記錄；若現場仍未改善，請於期限內告訴我們。',
    explainEn:
      'The crew has fixed it and taken a photo; if it is still not right, tell us within the time allowed.',
  },
  closed: {
    zh: '已結案',
    en: 'Closed',
    explainZh: '案件已結案，處理結果已通知您。',
    explainEn: 'The case is closed and you have been told the outcome.',
  },
  forwarded: {
    zh: '已移文他機關',
    en: 'Sent to another agency',
    explainZh: '本案由其他機關主管，已移請該機關處理，本局結案。',
    explainEn: 'Another agency is responsible; we sent your request there and closed it here.',
  },
  rejected: {
    zh: '不予受理',
    en: 'Not accepted',
    explainZh: '案件未能受理，原因已通知您。',
    explainEn: 'We could not accept the request; you have been told why.',
  },
  withdrawn: {
    zh: '已撤回',
    en: 'Withdrawn',
    explainZh: '您已撤回本案。',
    explainEn: 'You withdrew this request.',
  },
  merged: {
    zh: '已併案處理',
    en: 'Merged with another case',
    explainZh: '本案與另一案件為同一事項，已併入該案一併處理。',
    explainEn: 'This is the same matter as another case and is handled together with it.',
  },
};

const eventLabels: { readonly [E in Event]: Words } = {
  dispatch: { zh: '派工', en: 'Assign a crew' },
  mark_fixed: { zh: '已修復（附修復後照片）', en: 'Mark fixed (with an after-photo)' },
  close: { zh: '結案', en: 'Close' },
  reopen: { zh: '重新處理', en: 'Reopen' },
  transfer: { zh: '改分其他單位', en: 'Transfer to another unit' },
  forward: { zh: '移文他機關', en: 'Forward to another agency' },
  reject: { zh: '不予受理', en: 'Reject' },
  withdraw: { zh: '撤回', en: 'Withdraw' },
  merge: { zh: '併案', en: 'Merge as duplicate' },
};

export const fieldReportWorkflow = defineWorkflow({
  name: 'field report',
  summary:
    'Photo reports (工務自拍速必修): received, a crew dispatched, fixed with an after-photo, closed; reopened when the reporter says it is not fixed.',
  states,
  events,
  initial: 'received',
  transitions,
  // "fixed" is finished: the clock stops when the crew fixes it, and the reopen window counts from then.
  finished: ['fixed', 'closed', 'forwarded', 'rejected', 'withdrawn', 'merged'],
  paused: [],
  answered: [],
  // The reporter says "not fixed" within 7 days of the fix (issue 10 §5).
  reopenWindowDays: 7,
  labels: { states: stateLabels, events: eventLabels },
});
