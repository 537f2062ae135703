import { unitStaff, unitStep } from './shared-steps.ts';
import type { StateWords, Transition, Words } from './workflow-definition.ts';

/**
 * What the workflows of cases worked at a desk share (default-workflow.ts for petitions and inquiries,
 * application-workflow.ts for applications): accepted → in progress → resolved → closed, the supplement in
 * between, and the reopening of an answered or closed case — the steps, their words for staff and citizens.
 * A field report is worked by a crew and has its own (field-report-workflow.ts).
 */

type DeskState = 'accepted' | 'in_progress' | 'awaiting_supplement' | 'resolved' | 'closed';
type DeskEvent =
  | 'accept'
  | 'start'
  | 'request_supplement'
  | 'supplement_received'
  | 'resolve'
  | 'close'
  | 'reopen';

export const accept = unitStep('accept', 'accepted');
export const start = unitStep('start', 'in_progress');
export const requestSupplement = unitStep('request_supplement', 'awaiting_supplement', ['reason']);
export const resolve = unitStep('resolve', 'resolved', ['resolution']);

/** The unit, or the counter that took the papers in, records that what was missing has arrived. */
export const supplementReceived: Transition<'in_progress', 'supplement_received'> = {
  event: 'supplement_received',
  to: 'in_progress',
  roles: [...unitStaff, 'counter_clerk'],
  guards: ['own_unit'],
  requires: [],
};

/**
 * From an answer not yet sent, the unit closes it (sending the answer) or a supervisor takes it back; a closed
 * case may be reopened within the window by the applicant or a supervisor.
 */
export const answeredSteps: {
  readonly resolved: readonly Transition<DeskState, DeskEvent>[];
  readonly closed: readonly Transition<DeskState, DeskEvent>[];
} = {
  resolved: [
    unitStep('close', 'closed'),
    { event: 'reopen', to: 'in_progress', roles: ['supervisor'], guards: ['own_unit'], requires: ['reason'] },
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
};

/** The desk states in plain words, as the applicant reads them on /track. */
export const deskStateLabels: { readonly [S in Exclude<DeskState, 'closed'>]: StateWords } = {
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

/** The desk events both workflows word alike (an application words its supplement and decision its own way). */
export const deskEventLabels: { readonly [E in 'accept' | 'start' | 'supplement_received']: Words } = {
  accept: { zh: '受理', en: 'Accept' },
  start: { zh: '開始處理', en: 'Start work' },
  supplement_received: { zh: '補正完成', en: 'Information received' },
};
