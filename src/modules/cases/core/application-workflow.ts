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
 * The application workflow (申辦, issue 11): the default workflow's steps, plus what an application needs
 * that a petition or an inquiry does not —
 * - the one-time deficiency notice (退件一次告知單): `request_supplement` is issued from the notice page
 *   (cases/deficiency), never as a free-text reason; the applicant may complete it online
 *   (`supplement_received` by the applicant, from /track or the e-mail link) or a clerk records one brought
 *   in on paper; once the date to supplement has passed, the unit may close the case as not supplemented
 *   (`close_unsupplemented`, to `rejected`: the applicant is told);
 * - the fee (規費): a case that owes one waits for payment in a state of its own (`awaiting_payment`, the
 *   clock paused like a supplement: the applicant's time), left by `payment_received` (the applicant
 *   through the online provider, or a clerk at the counter: cases/payment); `resolve` (the decision) is
 *   refused while a fee is owed and unpaid.
 * The words and finished-ness of the states it shares with the default workflow are the same (workflows.ts).
 */

const states = [
  'received',
  'accepted',
  'in_progress',
  'awaiting_supplement',
  'awaiting_payment', // 待繳費: the fee is owed; the clock stops until it is paid
  'resolved',
  ...sharedEndStates,
] as const;
type State = (typeof states)[number];

const events = [
  'accept',
  'start',
  'request_supplement',
  'supplement_received',
  'close_unsupplemented',
  'request_payment',
  'payment_received',
  'resolve',
  ...sharedEvents,
] as const;
type Event = (typeof events)[number];

type Step = Transition<State, Event>;

const requestSupplement = unitStep('request_supplement', 'awaiting_supplement', ['reason']);
const requestPayment = unitStep('request_payment', 'awaiting_payment');

const transitions: { readonly [From in State]: readonly Step[] } = {
  received: [unitStep('accept', 'accepted'), transfer, forward, reject, merge, withdraw],
  accepted: [
    unitStep('start', 'in_progress'),
    requestSupplement,
    requestPayment,
    transfer,
    forward,
    reject,
    merge,
    withdraw,
  ],
  in_progress: [
    requestSupplement,
    requestPayment,
    unitStep('resolve', 'resolved', ['resolution']),
    transfer,
    forward,
    reject,
    merge,
    withdraw,
  ],
  awaiting_supplement: [
    {
      event: 'supplement_received',
      to: 'in_progress',
      roles: [...unitStaff, 'counter_clerk', 'applicant'],
      guards: ['own_unit'],
      requires: [],
    },
    unitStep('close_unsupplemented', 'rejected'),
    reject,
    withdraw,
  ],
  awaiting_payment: [
    {
      event: 'payment_received',
      to: 'in_progress',
      roles: ['counter_clerk', 'applicant'],
      guards: [],
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
  awaiting_payment: {
    zh: '待繳費',
    en: 'Waiting for payment',
    explainZh: '請繳納規費；繳費完成前處理期限暫停計算。',
    explainEn: 'Please pay the fee; the deadline is paused until it is paid.',
  },
  resolved: {
    zh: '已辦結',
    en: 'Answered',
    explainZh: '承辦單位已完成處理，即將結案並通知您。',
    explainEn: 'The unit has finished and will close the case and tell you the outcome.',
  },
};

const eventLabels: { readonly [E in Event]: Words } = {
  accept: { zh: '受理', en: 'Accept' },
  start: { zh: '開始處理', en: 'Start work' },
  request_supplement: { zh: '開立補正通知（一次告知）', en: 'Issue the deficiency notice' },
  supplement_received: { zh: '補正完成', en: 'Information received' },
  close_unsupplemented: { zh: '逾期未補正，結案', en: 'Close: not supplemented in time' },
  request_payment: { zh: '通知繳費', en: 'Ask for the fee' },
  payment_received: { zh: '已繳費', en: 'Fee paid' },
  resolve: { zh: '審查決定（填寫答復）', en: 'Decide (write the answer)' },
  ...sharedEventLabels,
};

export const applicationWorkflow = defineWorkflow({
  name: 'application',
  summary:
    'Applications (申辦): the default steps, the one-time deficiency notice with online supplement, and the fee paid before the decision.',
  states,
  events,
  initial: 'received',
  transitions,
  finished: sharedEndStates,
  paused: ['awaiting_supplement', 'awaiting_payment'],
  answered: ['resolved'],
  labels: { states: stateLabels, events: eventLabels },
});
