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
  // forwarded: another agency's (e.g. Taipower's pole); rejected: not a public-works problem, or nothing
  // found there; merged: the same problem as an earlier report.
  ...sharedEndStates,
] as const;
type State = (typeof states)[number];

const events = ['dispatch', 'mark_fixed', ...sharedEvents] as const;
type Event = (typeof events)[number];

type Step = Transition<State, Event>;

const dispatch = unitStep('dispatch', 'dispatched');
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
  ...noStepsOut,
};

const stateLabels: { readonly [S in State]: StateWords } = {
  ...sharedStateLabels,
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
};

const eventLabels: { readonly [E in Event]: Words } = {
  dispatch: { zh: '派工', en: 'Assign a crew' },
  mark_fixed: { zh: '已修復（附修復後照片）', en: 'Mark fixed (with an after-photo)' },
  ...sharedEventLabels,
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
  finished: ['fixed', ...sharedEndStates],
  paused: [],
  answered: [],
  // The reporter says "not fixed" within 7 days of the fix (issue 10 §5).
  reopenWindowDays: 7,
  labels: { states: stateLabels, events: eventLabels },
});
