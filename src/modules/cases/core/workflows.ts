import type { ServiceKind } from '../../catalogue/index.ts';
import { applicationWorkflow } from './application-workflow.ts';
import { defaultWorkflow } from './default-workflow.ts';
import { fieldReportWorkflow } from './field-report-workflow.ts';
import { petitionWorkflow } from './petition-workflow.ts';
import type { StateWords, Words, Workflow } from './workflow-definition.ts';

/**
 * Which workflow each kind of case follows (the catalogue's service kinds). A kind with states of its own
 * (a field report "fixed" with an after-photo, a petition) defines its table with `defineWorkflow` and
 * names it here; the other kinds keep theirs. A kind missing from this map does not compile.
 *
 * The `state` column is shared by every kind, so a state name means one thing everywhere: a state that
 * two workflows both have is finished, paused or answered in both or in neither, with the same words
 * (a unit test checks it). The CHECK on `cases.state` and the partial indexes of open cases are derived
 * from the lists below (cases-schema.ts).
 */
const kindWorkflows = {
  application: applicationWorkflow,
  field_report: fieldReportWorkflow,
  petition: petitionWorkflow,
  inquiry: defaultWorkflow,
} as const satisfies Record<ServiceKind, { readonly name: string }>;

type KindWorkflow = (typeof kindWorkflows)[ServiceKind];
/** Every state of every workflow. */
export type CaseState = KindWorkflow['states'][number];
/** Every event of every workflow. */
export type CaseEvent = KindWorkflow['events'][number];
export type CaseWorkflow = Workflow<CaseState, CaseEvent>;

/**
 * The map, each workflow seen as a CaseWorkflow: its tables are Records over its own states and events
 * only, which the wider type cannot say; every lookup goes through a state or event the workflow itself
 * lists (transitionsFrom, hasState), so reading it through the wider type is sound.
 */
export const workflowsByKind = kindWorkflows as unknown as Readonly<Record<ServiceKind, CaseWorkflow>>;

const distinct = <T>(values: readonly T[]): T[] => [...new Set(values)];

/** The workflows in use, each once, in the order of the kinds. */
export const caseWorkflows: readonly CaseWorkflow[] = distinct(Object.values(workflowsByKind));

/** The kinds that follow a workflow. */
export function kindsOf(workflow: CaseWorkflow): ServiceKind[] {
  return (Object.keys(workflowsByKind) as ServiceKind[]).filter((kind) => workflowsByKind[kind] === workflow);
}

/** The workflow of a case of this kind; a kind the map does not know (none today) follows the default. */
export function workflowOf(kind: string): CaseWorkflow {
  return Object.hasOwn(workflowsByKind, kind)
    ? workflowsByKind[kind as ServiceKind]
    : (defaultWorkflow as unknown as CaseWorkflow);
}

/** The applicant's reopen window for a case of this kind: its workflow's own, else the configured one. */
export function reopenDaysOf(kind: string, configuredDays: number): number {
  return workflowOf(kind).reopenWindowDays ?? configuredDays;
}

export const caseStates: readonly CaseState[] = distinct(
  caseWorkflows.flatMap((workflow) => workflow.states),
);
export const caseEvents: readonly CaseEvent[] = distinct(
  caseWorkflows.flatMap((workflow) => workflow.events),
);

/** States in which a case is finished (in whichever workflow has them): no clock runs, it leaves the queues. */
export const finishedStates: ReadonlySet<CaseState> = new Set(
  caseWorkflows.flatMap((workflow) => workflow.finished),
);

/** States in which a case is open, in the order of the tables: the queues list these. */
export const openStates: readonly CaseState[] = caseStates.filter((state) => !finishedStates.has(state));

export function isCaseState(value: string): value is CaseState {
  return (caseStates as readonly string[]).includes(value);
}

export function isCaseEvent(value: string): value is CaseEvent {
  return (caseEvents as readonly string[]).includes(value);
}

/** Every staff role that some workflow lets take an event: the staff console's event route admits these. */
export const workflowStaffRoles = distinct(caseWorkflows.flatMap((workflow) => workflow.staffRoles));

const stateWords = new Map<string, StateWords>();
const eventWords = new Map<string, Words>();
for (const workflow of caseWorkflows) {
  for (const state of workflow.states)
    if (!stateWords.has(state)) stateWords.set(state, workflow.labels.states[state]);
  for (const event of workflow.events)
    if (!eventWords.has(event)) eventWords.set(event, workflow.labels.events[event]);
}

/** A state's words (the same in every workflow that has it). */
export function stateLabel(state: CaseState): StateWords {
  return stateWords.get(state) as StateWords;
}

/** An event's words, as a button says it and as the timeline records it. */
export function eventLabel(event: CaseEvent): Words {
  return eventWords.get(event) as Words;
}
