import type {
  CaseActorRole,
  CaseGuard,
  StateWords,
  Transition,
  TransitionInput,
  Words,
} from './workflow-definition.ts';

/**
 * What every workflow that has them says alike (default-workflow.ts, field-report-workflow.ts): the unit's
 * steps, the ways out of a case (withdraw, transfer, forward, reject, merge), and the words of the states and
 * events they share — a state two workflows both have means the same in both (workflows.ts; a unit test checks).
 */

export const unitStaff = ['supervisor', 'handler'] as const satisfies readonly CaseActorRole[];
export const unitGuards = ['own_unit', 'assigned_or_unassigned'] as const satisfies readonly CaseGuard[];

/** A step the unit's staff take on a case of their unit that is theirs or nobody's yet. */
export function unitStep<const State extends string, const Event extends string>(
  event: Event,
  to: State,
  requires: readonly TransitionInput[] = [],
): Transition<State, Event> {
  return { event, to, roles: unitStaff, guards: unitGuards, requires };
}

/** From every open state the applicant (or a clerk on their behalf) may withdraw. */
export const withdraw: Transition<'withdrawn', 'withdraw'> = {
  event: 'withdraw',
  to: 'withdrawn',
  roles: ['applicant', 'counter_clerk'],
  guards: [],
  requires: [],
};
/** Sent to the unit that should have it (分文 again); the secretariat dispatches from any unit. */
export const transfer: Transition<'received', 'transfer'> = {
  event: 'transfer',
  to: 'received',
  roles: [...unitStaff, 'secretariat'],
  guards: unitGuards,
  requires: ['target_unit', 'reason'],
};
export const forward = unitStep('forward', 'forwarded', ['target_agency', 'public_note']);
export const reject = unitStep('reject', 'rejected', ['reason']);
export const merge = unitStep('merge', 'merged', ['target_case']);

/** The finished states every workflow ends in, listed last in each workflow's states. */
export const sharedEndStates = [
  'closed', // 結案
  'forwarded', // 移文: sent to another agency; closed here
  'rejected', // 不受理 / 駁回, with a reason
  'withdrawn', // 撤回 by the applicant
  'merged', // 併案: a duplicate of another case
] as const;
/** The events every workflow has, listed last in each workflow's events. */
export const sharedEvents = [
  'close',
  'reopen',
  'transfer',
  'forward',
  'reject',
  'withdraw',
  'merge',
] as const;

/** A case that went out of the bureau's hands (forwarded, rejected, withdrawn, merged) moves no more. */
export const noStepsOut = { forwarded: [], rejected: [], withdrawn: [], merged: [] } as const;

type SharedState = 'received' | (typeof sharedEndStates)[number];
type SharedEvent = (typeof sharedEvents)[number];

/** The states every workflow has, as the applicant reads them on /track. */
export const sharedStateLabels: { readonly [S in SharedState]: StateWords } = {
  received: {
    zh: '已收件',
    en: 'Received',
    explainZh: '我們已收到您的案件，正分送承辦單位。',
    explainEn: 'We have your request and are passing it to the unit that handles it.',
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

/** The events every workflow has, as a button says them and the timeline records them. */
export const sharedEventLabels: { readonly [E in SharedEvent]: Words } = {
  close: { zh: '結案', en: 'Close' },
  reopen: { zh: '重新處理', en: 'Reopen' },
  transfer: { zh: '改分其他單位', en: 'Transfer to another unit' },
  forward: { zh: '移文他機關', en: 'Forward to another agency' },
  reject: { zh: '不予受理', en: 'Reject' },
  withdraw: { zh: '撤回', en: 'Withdraw' },
  merge: { zh: '併案', en: 'Merge as duplicate' },
};
