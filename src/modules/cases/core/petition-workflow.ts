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
 * The petition workflow (陳情, issue 16; 行政程序法 §168–173): the default desk steps, with the answer
 * approved by a supervisor before it is sent when the petition's type says so (`cases.needs_answer_approval`,
 * set at intake from the petitions module's type rules): the handler submits the drafted answer
 * (answer_pending), the supervisor approves it (resolved; closing sends it) or returns it with a reason.
 * A type that needs no approval is resolved by the handler directly; the `answer_approval_not_needed` guard
 * refuses that path to one that does. A §173 decline is `reject` with its ground (still registered and
 * counted); a transfer to another agency is `forward` (移文) with its letter; a repeat answered by citing
 * the earlier reply is a decline on that ground. The answer of a petition written in English must be in
 * English (`answersInApplicantLanguage`).
 */

const states = [
  'received',
  'accepted',
  'in_progress',
  'awaiting_supplement',
  'answer_pending', // 答復待核: the drafted answer waits for the supervisor
  'resolved',
  ...sharedEndStates,
] as const;
type State = (typeof states)[number];

const events = [
  'accept',
  'start',
  'request_supplement',
  'supplement_received',
  'submit_answer',
  'approve_answer',
  'return_answer',
  'resolve',
  ...sharedEvents,
] as const;
type Event = (typeof events)[number];

type Step = Transition<State, Event>;

const resolveWithoutApproval: Step = {
  ...resolve,
  guards: [...resolve.guards, 'answer_approval_not_needed'],
};
const submitAnswer = unitStep('submit_answer', 'answer_pending', ['resolution']);
const approveAnswer: Step = {
  event: 'approve_answer',
  to: 'resolved',
  roles: ['supervisor'],
  guards: ['own_unit'],
  requires: [],
};
const returnAnswer: Step = {
  event: 'return_answer',
  to: 'in_progress',
  roles: ['supervisor'],
  guards: ['own_unit'],
  requires: ['reason'],
};

// A petition is often answered as soon as it is taken on: from accepted as from in progress.
const takenOn: readonly Step[] = [
  requestSupplement,
  submitAnswer,
  resolveWithoutApproval,
  transfer,
  forward,
  reject,
  merge,
  withdraw,
];

const transitions: { readonly [From in State]: readonly Step[] } = {
  received: [accept, transfer, forward, reject, merge, withdraw],
  accepted: [start, ...takenOn],
  in_progress: takenOn,
  awaiting_supplement: [supplementReceived, reject, withdraw],
  answer_pending: [approveAnswer, returnAnswer, withdraw],
  ...answeredSteps,
  ...noStepsOut,
};

const stateLabels: { readonly [S in State]: StateWords } = {
  ...sharedStateLabels,
  ...deskStateLabels,
  answer_pending: {
    zh: '答復待核',
    en: 'Answer awaiting approval',
    explainZh: '承辦人已擬妥答復，正由主管核定，核定後即回覆您。',
    explainEn: 'The answer is written and a supervisor is approving it; you will have it once approved.',
  },
};

const eventLabels: { readonly [E in Event]: Words } = {
  ...deskEventLabels,
  request_supplement: { zh: '通知補正', en: 'Ask for more information' },
  resolve: { zh: '辦結（填寫答復）', en: 'Resolve (write the answer)' },
  submit_answer: { zh: '答復送核', en: 'Submit the answer for approval' },
  approve_answer: { zh: '核定答復', en: 'Approve the answer' },
  return_answer: { zh: '退回答復', en: 'Return the answer' },
  ...sharedEventLabels,
};

export const petitionWorkflow = defineWorkflow({
  name: 'petition',
  summary:
    'Petitions (陳情): received, accepted, worked on; the answer approved by a supervisor when the type says so, then sent at closing; §173 declines and transfers still registered.',
  states,
  events,
  initial: 'received',
  transitions,
  finished: sharedEndStates,
  paused: ['awaiting_supplement'],
  answered: ['answer_pending', 'resolved'],
  answersInApplicantLanguage: true,
  labels: { states: stateLabels, events: eventLabels },
});
