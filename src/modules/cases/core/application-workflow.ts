import {
  accept,
  answeredSteps,
  deskEventLabels,
  deskStateLabels,
  requestSupplement,
  resolve,
  start,
  supplementReceived,
} from './desk-steps.ts';
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

const requestPayment = unitStep('request_payment', 'awaiting_payment');
/** Only through the notice (the notice row and the state change in one transaction), never a bare reason. */
const issueNotice: Step = { ...requestSupplement, through: 'deficiency_notice' };

const transitions: { readonly [From in State]: readonly Step[] } = {
  received: [accept, transfer, forward, reject, merge, withdraw],
  accepted: [start, issueNotice, requestPayment, transfer, forward, reject, merge, withdraw],
  in_progress: [issueNotice, requestPayment, resolve, transfer, forward, reject, merge, withdraw],
  awaiting_supplement: [
    // The applicant completes it online (cases/deficiency), besides the unit and the counter.
    { ...supplementReceived, roles: [...supplementReceived.roles, 'applicant'] },
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
  ...answeredSteps,
  ...noStepsOut,
};

const stateLabels: { readonly [S in State]: StateWords } = {
  ...sharedStateLabels,
  ...deskStateLabels,
  awaiting_payment: {
    zh: '待繳費',
    en: 'Waiting for payment',
    explainZh: '請繳納規費；繳費完成前處理期限暫停計算。',
    explainEn: 'Please pay the fee; the deadline is paused until it is paid.',
  },
};

const eventLabels: { readonly [E in Event]: Words } = {
  ...deskEventLabels,
  request_supplement: { zh: '開立補正通知（一次告知）', en: 'Issue the deficiency notice' },
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
