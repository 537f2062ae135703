import { type StaffRole, staffRoles } from '../../../platform/auth/principal.ts';

/**
 * What a case workflow is made of, and `defineWorkflow`, which makes one. A workflow is data: its states,
 * its events, one table of `from → event → to` with who may do it and the guards that must hold, which
 * states are finished or paused, and the words for citizens and staff. Every service kind names its
 * workflow in workflows.ts; the service (transition-case.ts), the case page, the permission-matrix test
 * and docs/case-workflow.md read the case's workflow by its kind; nothing else decides whether a case
 * may move.
 *
 * The table is a Record over the workflow's states and the labels Records over its states and events, so
 * a state or an event added without its transitions (even "none": an empty list) or its words does not
 * compile.
 */

/** Staff roles, plus the applicant (acting with the case number and lookup code). */
export type CaseActorRole = StaffRole | 'applicant';
export const caseActorRoles: readonly CaseActorRole[] = [...staffRoles, 'applicant'];

/**
 * Conditions beyond state and role, checked by the service (transition-guards.ts); every failed guard is
 * reported, in the user's language, all at once.
 * - `own_unit`: supervisors and handlers act only on their unit's cases.
 * - `assigned_or_unassigned`: a handler acts on cases assigned to them, or unassigned ones (taking them).
 * - `within_reopen_window`: the applicant reopens only within CASE_REOPEN_DAYS calendar days of closing.
 * - `answer_approval_not_needed`: the case's answer needs no supervisor's approval
 *   (`cases.needs_answer_approval`, set at intake: a petition type's rule); otherwise it is submitted for it.
 */
export const caseGuards = [
  'own_unit',
  'assigned_or_unassigned',
  'within_reopen_window',
  'answer_approval_not_needed',
] as const;
export type CaseGuard = (typeof caseGuards)[number];

/** What an event needs from the person doing it; missing input is a validation problem, not a 409. */
export const transitionInputs = [
  'public_note', // a note the applicant sees (required)
  'resolution', // the answer (結案通知 carries it)
  'reason', // why (reject, supplement list, reopen)
  'target_unit', // transfer
  'target_agency', // forward (移文)
  'target_case', // merge
] as const;
export type TransitionInput = (typeof transitionInputs)[number];

/** What a person sends with an event (the API's body, the case page's form), by input. */
export interface TransitionInputValues {
  publicNote?: string | undefined;
  internalNote?: string | undefined;
  resolution?: string | undefined;
  reason?: string | undefined;
  targetUnit?: string | undefined;
  targetAgency?: string | undefined;
  targetCase?: string | undefined;
}

/** The field each required input is sent as. */
export const inputFieldOf: Readonly<Record<TransitionInput, keyof TransitionInputValues>> = {
  public_note: 'publicNote',
  resolution: 'resolution',
  reason: 'reason',
  target_unit: 'targetUnit',
  target_agency: 'targetAgency',
  target_case: 'targetCase',
};

export interface Transition<State extends string = string, Event extends string = string> {
  event: Event;
  to: State;
  /** Who may do it. Guards narrow it further for unit roles. */
  roles: readonly CaseActorRole[];
  guards: readonly CaseGuard[];
  /** Inputs the event requires. */
  requires: readonly TransitionInput[];
  /**
   * The one service through which the event is taken, never as a bare event with its inputs: an
   * application's `request_supplement` is the one-time deficiency notice (cases/deficiency), which writes the
   * notice in the same transaction. The page's and the API's bare event is refused (400, `notice_required`).
   */
  through?: TransitionService;
}

/** Services that take an event themselves (Transition.through). */
export type TransitionService = 'deficiency_notice';

export interface Words {
  zh: string;
  en: string;
}

/** A state as staff and the applicant read it: its name, and what it means for the applicant (/track). */
export interface StateWords extends Words {
  explainZh: string;
  explainEn: string;
}

export interface WorkflowDefinition<State extends string, Event extends string> {
  /** Its name in docs/case-workflow.md and in messages about the table. */
  name: string;
  /** One line: what kind of case follows it. */
  summary: string;
  states: readonly State[];
  events: readonly Event[];
  /** Where every case starts (openCase). */
  initial: State;
  transitions: { readonly [From in State]: readonly Transition<State, Event>[] };
  /** Finished here: no clock runs, the case leaves the queues. */
  finished: readonly State[];
  /** The clock stops while the case waits for the applicant (補正). */
  paused: readonly State[];
  /** States in which the answer is written and waits to be sent: the unit has nothing left to extend. */
  answered: readonly State[];
  /**
   * Days the applicant may reopen after `closedAt` (the `within_reopen_window` guard), when this workflow
   * has its own; otherwise CASE_REOPEN_DAYS. A field report's "not fixed" window is 7 days from the fix.
   */
  reopenWindowDays?: number;
  /**
   * The answer (`resolution`) is written in the applicant's language: a petition written in English is
   * answered in English (TAIWAN.md), checked before it can be submitted or resolved.
   */
  answersInApplicantLanguage?: boolean;
  labels: { states: { readonly [S in State]: StateWords }; events: { readonly [E in Event]: Words } };
}

export interface Workflow<State extends string = string, Event extends string = string>
  extends WorkflowDefinition<State, Event> {
  /** The states that are not finished, in the table's order. */
  openStates: readonly State[];
  isFinished(state: string): boolean;
  isPaused(state: string): boolean;
  isAnswered(state: string): boolean;
  hasState(value: string): value is State;
  hasEvent(value: string): value is Event;
  /** The transition for this event from this state, if the table has one. */
  findTransition(state: string, event: string): Transition<State, Event> | undefined;
  /** The transitions leaving a state (none for an unknown state). */
  transitionsFrom(state: string): readonly Transition<State, Event>[];
  /** The events a role may attempt in a state, ignoring guards (the page filters those with the case). */
  eventsFor(state: string, role: CaseActorRole): Event[];
  /** Every staff role some transition names. */
  staffRoles: readonly StaffRole[];
}

/** Makes a workflow from its table; the helpers answer from it and nothing else. */
export function defineWorkflow<const State extends string, const Event extends string>(
  definition: WorkflowDefinition<State, Event>,
): Workflow<State, Event> {
  const states = new Set<string>(definition.states);
  const events = new Set<string>(definition.events);
  const finished = new Set<string>(definition.finished);
  const paused = new Set<string>(definition.paused);
  const answered = new Set<string>(definition.answered);
  const transitionsFrom = (state: string): readonly Transition<State, Event>[] =>
    states.has(state) ? definition.transitions[state as State] : [];
  const staffRoles = new Set<StaffRole>();
  for (const state of definition.states)
    for (const transition of definition.transitions[state])
      for (const role of transition.roles) if (role !== 'applicant') staffRoles.add(role);
  return Object.freeze({
    ...definition,
    openStates: definition.states.filter((state) => !finished.has(state)),
    isFinished: (state: string) => finished.has(state),
    isPaused: (state: string) => paused.has(state),
    isAnswered: (state: string) => answered.has(state),
    hasState: (value: string): value is State => states.has(value),
    hasEvent: (value: string): value is Event => events.has(value),
    findTransition: (state: string, event: string) =>
      transitionsFrom(state).find((transition) => transition.event === event),
    transitionsFrom,
    eventsFor: (state: string, role: CaseActorRole) =>
      transitionsFrom(state)
        .filter((transition) => transition.roles.includes(role))
        .map((transition) => transition.event),
    staffRoles: [...staffRoles],
  });
}
