import {
  type CaseActorRole,
  type CaseGuard,
  defineWorkflow,
  type StateWords,
  type Transition,
  type Words,
} from './workflow-definition.ts';

/**
 * The default workflow (ADR 0007): every kind of case follows it unless workflows.ts names another for its
 * kind. The diagram and tables are in docs/case-workflow.md (`npm run docs:workflow`).
 */

const states = [
  'received', // 收件: registered, not yet looked at by the unit
  'accepted', // 受理: the unit has taken it on (the handler is named)
  'in_progress', // 處理中
  'awaiting_supplement', // 待補正: the clock stops until the applicant brings what is missing
  'resolved', // 已辦結: an answer is written; closing sends it
  'closed', // 結案
  'forwarded', // 移文: sent to another agency; closed here
  'rejected', // 不受理 / 駁回, with a reason
  'withdrawn', // 撤回 by the applicant
  'merged', // 併案: a duplicate of another case
] as const;
type State = (typeof states)[number];

const events = [
  'accept',
  'start',
  'request_supplement',
  'supplement_received',
  'resolve',
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

/** From every open state the applicant (or a clerk on their behalf) may withdraw. */
const withdraw: Step = {
  event: 'withdraw',
  to: 'withdrawn',
  roles: ['applicant', 'counter_clerk'],
  guards: [],
  requires: [],
};
/** Sent to the unit that should have it (分文 again); the secretariat dispatches from any unit. */
const transfer: Step = {
  event: 'transfer',
  to: 'received',
  roles: [...unitStaff, 'secretariat'],
  guards: unitGuards,
  requires: ['target_unit', 'reason'],
};
/** A step the unit's staff take on a case of their unit that is theirs or nobody's yet. */
function unitStep(event: Event, to: State, requires: Step['requires'] = []): Step {
  return { event, to, roles: unitStaff, guards: unitGuards, requires };
}
const forward = unitStep('forward', 'forwarded', ['target_agency', 'public_note']);
const reject = unitStep('reject', 'rejected', ['reason']);
const merge = unitStep('merge', 'merged', ['target_case']);
const requestSupplement = unitStep('request_supplement', 'awaiting_supplement', ['reason']);

const transitions: { readonly [From in State]: readonly Step[] } = {
  received: [unitStep('accept', 'accepted'), transfer, forward, reject, merge, withdraw],
  accepted: [unitStep('start', 'in_progress'), requestSupplement, transfer, forward, reject, merge, withdraw],
  in_progress: [
    requestSupplement,
    unitStep('resolve', 'resolved', ['resolution']),
    transfer,
    forward,
    merge,
    withdraw,
  ],
  awaiting_supplement: [
    {
      event: 'supplement_received',
      to: 'in_progress',
      roles: [...unitStaff, 'counter_clerk'],
      guards: ['own_unit'],
      requires: [],
    },
    reject,
    withdraw,
  ],
  resolved: [
    unitStep('close', 'closed'),
    {
      event: 'reopen',
      to: 'in_progress',
      roles: ['supervisor'],
      guards: ['own_unit'],
      requires: ['reason'],
    },
  ],
  closed: [
    {
      event: 'reopen',
      to: 'in_progress',
      roles: ['applicant', 'supervisor'],
      guards: ['own_unit', 'within_reopen_window'],
      requires: ['reason'],
    },
  ],
  forwarded: [],
  rejected: [],
  withdrawn: [],
  merged: [],
};

/** The state in plain words, as the applicant reads it on /track. */
const stateLabels: { readonly [S in State]: StateWords } = {
  received: {
    zh: '已收件',
    en: 'Received',
    explainZh: '我們已收到您的案件，正分送承辦單位。',
    explainEn: 'We have your request and are passing it to the unit that handles it.',
  },
  accepted: {
    zh: '已受理',
    en: 'Accepted',
    explainZh: '承辦單位已受理，並指定承辦人。',
    explainEn: 'The responsible unit has taken your request on and named a case officer.',
  },
  in_progress: {
    zh: '處理中',
    en: 'In progress',
    explainZh: '承辦人正在處理您的案件。',
    explainEn: 'A case officer is working on your request.',
  },
  awaiting_supplement: {
    zh: '待補正',
    en: 'Waiting for you',
    explainZh: '我們需要您補充資料；補齊前處理期限暫停計算。',
    explainEn: 'We need more from you; the deadline is paused until you provide it.',
  },
  resolved: {
    zh: '已辦結',
    en: 'Answered',
    explainZh: '承辦單位已完成處理，即將結案並通知您。',
    explainEn: 'The unit has finished and will close the case and tell you the outcome.',
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

/** The action as a button says it, and as the timeline records it. */
const eventLabels: { readonly [E in Event]: Words } = {
  accept: { zh: '受理', en: 'Accept' },
  start: { zh: '開始處理', en: 'Start work' },
  request_supplement: { zh: '通知補正', en: 'Ask for more information' },
  supplement_received: { zh: '補正完成', en: 'Information received' },
  resolve: { zh: '辦結（填寫答復）', en: 'Resolve (write the answer)' },
  close: { zh: '結案', en: 'Close' },
  reopen: { zh: '重新處理', en: 'Reopen' },
  transfer: { zh: '改分其他單位', en: 'Transfer to another unit' },
  forward: { zh: '移文他機關', en: 'Forward to another agency' },
  reject: { zh: '不予受理', en: 'Reject' },
  withdraw: { zh: '撤回', en: 'Withdraw' },
  merge: { zh: '併案', en: 'Merge as duplicate' },
};

export const defaultWorkflow = defineWorkflow({
  name: 'default',
  summary: 'Every kind of case: received, accepted, worked on, answered and closed, with the ways out.',
  states,
  events,
  initial: 'received',
  transitions,
  finished: ['closed', 'forwarded', 'rejected', 'withdrawn', 'merged'],
  // 補正: 行政程序法 and the petition rules exclude the time the applicant takes.
  paused: ['awaiting_supplement'],
  answered: ['resolved'],
  labels: { states: stateLabels, events: eventLabels },
});
