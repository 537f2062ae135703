import type { StaffRole } from '../../../platform/auth/principal.ts';

/**
 * The case workflow as data: one table of `from → event → to`, which actors may do it, and the guards
 * that must hold. Everything else — the service, the pages' action buttons, the permission-matrix test,
 * the diagram in docs/case-workflow.md (`npm run docs:workflow`) — reads this table; nothing else decides
 * whether a case may move.
 *
 * `workflow` is a `Record<CaseState, …>`: adding a state without saying what may happen in it (even
 * "nothing": an empty list) does not compile. The labels below are Records over the same unions, so a
 * new state or event without words for the citizen does not compile either.
 */

export const caseStates = [
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
export type CaseState = (typeof caseStates)[number];

export const caseEvents = [
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
export type CaseEvent = (typeof caseEvents)[number];

/** Staff roles, plus the applicant (acting with the case number and lookup code). */
export type CaseActorRole = StaffRole | 'applicant';
export const caseActorRoles: readonly CaseActorRole[] = [
  'admin',
  'secretariat',
  'supervisor',
  'handler',
  'counter_clerk',
  'web_editor',
  'unit_editor',
  'unit_head',
  'applicant',
];

/**
 * Conditions beyond state and role. Each is checked by the service (case-guards.ts) and every failed
 * guard is reported, in the user's language, all at once.
 * - `own_unit`: supervisors and handlers act only on their unit's cases.
 * - `assigned_or_unassigned`: a handler acts on cases assigned to them, or unassigned ones (taking them).
 * - `within_reopen_window`: the applicant reopens only within REOPEN_DAYS calendar days of closing.
 */
export const caseGuards = ['own_unit', 'assigned_or_unassigned', 'within_reopen_window'] as const;
export type CaseGuard = (typeof caseGuards)[number];

/** What the event needs from the person doing it; missing input is a validation problem, not a 409. */
export const transitionInputs = [
  'public_note', // a note the applicant sees (required)
  'resolution', // the answer (結案通知 carries it)
  'reason', // why (reject, supplement list, reopen)
  'target_unit', // transfer
  'target_agency', // forward (移文)
  'target_case', // merge
] as const;
export type TransitionInput = (typeof transitionInputs)[number];

export interface Transition {
  event: CaseEvent;
  to: CaseState;
  /** Who may do it. Guards narrow it further for unit roles. */
  roles: readonly CaseActorRole[];
  guards: readonly CaseGuard[];
  /** Inputs the event requires. */
  requires: readonly TransitionInput[];
}

const unitStaff = ['supervisor', 'handler'] as const satisfies readonly CaseActorRole[];
const unitGuards = ['own_unit', 'assigned_or_unassigned'] as const satisfies readonly CaseGuard[];

/** From every open state the applicant (or a clerk on their behalf) may withdraw. */
const withdraw: Transition = {
  event: 'withdraw',
  to: 'withdrawn',
  roles: ['applicant', 'counter_clerk'],
  guards: [],
  requires: [],
};
/** Sent to the unit that should have it (分文 again); the secretariat dispatches from any unit. */
const transfer: Transition = {
  event: 'transfer',
  to: 'received',
  roles: [...unitStaff, 'secretariat'],
  guards: unitGuards,
  requires: ['target_unit', 'reason'],
};
const forward: Transition = {
  event: 'forward',
  to: 'forwarded',
  roles: unitStaff,
  guards: unitGuards,
  requires: ['target_agency', 'public_note'],
};
const reject: Transition = {
  event: 'reject',
  to: 'rejected',
  roles: unitStaff,
  guards: unitGuards,
  requires: ['reason'],
};
const merge: Transition = {
  event: 'merge',
  to: 'merged',
  roles: unitStaff,
  guards: unitGuards,
  requires: ['target_case'],
};

export const workflow: Readonly<Record<CaseState, readonly Transition[]>> = {
  received: [
    { event: 'accept', to: 'accepted', roles: unitStaff, guards: unitGuards, requires: [] },
    transfer,
    forward,
    reject,
    merge,
    withdraw,
  ],
  accepted: [
    { event: 'start', to: 'in_progress', roles: unitStaff, guards: unitGuards, requires: [] },
    {
      event: 'request_supplement',
      to: 'awaiting_supplement',
      roles: unitStaff,
      guards: unitGuards,
      requires: ['reason'],
    },
    transfer,
    forward,
    reject,
    merge,
    withdraw,
  ],
  in_progress: [
    {
      event: 'request_supplement',
      to: 'awaiting_supplement',
      roles: unitStaff,
      guards: unitGuards,
      requires: ['reason'],
    },
    { event: 'resolve', to: 'resolved', roles: unitStaff, guards: unitGuards, requires: ['resolution'] },
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
    { event: 'close', to: 'closed', roles: unitStaff, guards: unitGuards, requires: [] },
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

/** States in which the case is finished here: no clock runs, it leaves the queues. */
export const finishedStates: ReadonlySet<CaseState> = new Set([
  'closed',
  'forwarded',
  'rejected',
  'withdrawn',
  'merged',
]);

/** The clock stops in these states (補正: 行政程序法 and the petition rules exclude the waiting time). */
export const pausedStates: ReadonlySet<CaseState> = new Set(['awaiting_supplement']);

export function findTransition(state: CaseState, event: CaseEvent): Transition | undefined {
  return workflow[state].find((transition) => transition.event === event);
}

export function isCaseState(value: string): value is CaseState {
  return (caseStates as readonly string[]).includes(value);
}

export function isCaseEvent(value: string): value is CaseEvent {
  return (caseEvents as readonly string[]).includes(value);
}

/** The events a role may attempt in a state, ignoring guards (the page filters those with the case). */
export function eventsFor(state: CaseState, role: CaseActorRole): CaseEvent[] {
  return workflow[state].filter((transition) => transition.roles.includes(role)).map((t) => t.event);
}

type Words = { zh: string; en: string };

/** The state in plain words, as the applicant reads it on /track. */
export const stateLabels: Readonly<Record<CaseState, Words & { explainZh: string; explainEn: string }>> = {
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
export const eventLabels: Readonly<Record<CaseEvent, Words>> = {
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
