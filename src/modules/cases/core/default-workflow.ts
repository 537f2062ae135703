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

const transitions: { readonly [From in State]: readonly Step[] } = {
  received: [accept, transfer, forward, reject, merge, withdraw],
  accepted: [start, requestSupplement, transfer, forward, reject, merge, withdraw],
  in_progress: [requestSupplement, resolve, transfer, forward, merge, withdraw],
  awaiting_supplement: [supplementReceived, reject, withdraw],
  ...answeredSteps,
  ...noStepsOut,
};

/** The state in plain words, as the applicant reads it on /track. */
const stateLabels: { readonly [S in State]: StateWords } = { ...sharedStateLabels, ...deskStateLabels };

/** The action as a button says it, and as the timeline records it. */
const eventLabels: { readonly [E in Event]: Words } = {
  ...deskEventLabels,
  request_supplement: { zh: '通知補正', en: 'Ask for more information' },
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
