import {
  forward,
  merge,
  noStepsOut,
  reject,
  sharedEndStates,
  sharedEventLabels,
  sharedEvents,
  sharedStateLabels,
  transfer,
  unitStaff,
  unitStep,
  withdraw,
} from './shared-steps.ts';
import { defineWorkflow, type StateWords, type Transition, type Words } from './workflow-definition.ts';

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
  ...sharedEndStates,
] as const;
type State = (typeof states)[number];

const events = [
  'accept',
  'start',
  'request_supplement',
  'supplement_received',
  'resolve',
  ...sharedEvents,
] as const;
type Event = (typeof events)[number];

type Step = Transition<State, Event>;

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
  ...noStepsOut,
};

/** The state in plain words, as the applicant reads it on /track. */
const stateLabels: { readonly [S in State]: StateWords } = {
  ...sharedStateLabels,
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
};

/** The action as a button says it, and as the timeline records it. */
const eventLabels: { readonly [E in Event]: Words } = {
  accept: { zh: '受理', en: 'Accept' },
  start: { zh: '開始處理', en: 'Start work' },
  request_supplement: { zh: '通知補正', en: 'Ask for more information' },
  supplement_received: { zh: '補正完成', en: 'Information received' },
  resolve: { zh: '辦結（填寫答復）', en: 'Resolve (write the answer)' },
  ...sharedEventLabels,
};

export const defaultWorkflow = defineWorkflow({
  name: 'default',
  summary: 'Every kind of case: received, accepted, worked on, answered and closed, with the ways out.',
  states,
  events,
  initial: 'received',
  transitions,
  finished: sharedEndStates,
  // 補正: 行政程序法 and the petition rules exclude the time the applicant takes.
  paused: ['awaiting_supplement'],
  answered: ['resolved'],
  labels: { states: stateLabels, events: eventLabels },
});
