import type { StaffRole } from '../../../platform/auth/principal.ts';
import type { FieldProblem } from '../../../platform/http/errors.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { type CaseMessageKey, caseText } from './case-messages.ts';
import type { Words } from './workflow-definition.ts';
import { workflowOf } from './workflows.ts';

/**
 * The case actions that are not workflow events, as data: who may read, look up, open, work from the
 * queues, supervise, assign and extend — by role, and by the relation of the case to the person. The
 * routes (`requireStaff({ roles: rolesFor('read') })`), the staff API and the use cases all ask this
 * table; no list of roles for these actions is written anywhere else. The state table (the workflows)
 * decides the events; docs/case-workflow.md shows both, and the permission-matrix test tries every
 * action × role × relation.
 */

export const caseActions = [
  'read',
  'look_up',
  'open',
  'work_queue',
  'supervise',
  'assign',
  'bulk_assign',
  'request_extension',
  'decide_extension',
] as const;
export type CaseAction = (typeof caseActions)[number];

/**
 * How a case stands to the person acting. For the queues and supervision (lists, not one case) the
 * relation says which cases the list holds.
 * - `any`: every case.
 * - `own_unit`: the case is in the person's unit.
 * - `assigned_to_me`: the case is assigned to the person.
 * - `unassigned_in_own_unit`: the case is in the person's unit and nobody has it yet.
 * - `passed_through`: the case was in the person's unit before a transfer (the timeline's transfer events).
 */
export const caseRelations = [
  'any',
  'own_unit',
  'assigned_to_me',
  'unassigned_in_own_unit',
  'passed_through',
] as const;
export type CaseRelation = (typeof caseRelations)[number];

/**
 * Conditions on the case itself, in its workflow: `open` (not finished), `not_answered` (no answer waiting
 * to be sent), `no_pending_extension` and `pending_extension`.
 */
export const caseConditions = ['open', 'not_answered', 'no_pending_extension', 'pending_extension'] as const;
export type CaseCondition = (typeof caseConditions)[number];

/** Who may: these roles, when every one of these relations holds. */
export interface ActionGrant {
  roles: readonly StaffRole[];
  relations: readonly CaseRelation[];
}

export interface ActionRule {
  /** The action in words (docs, and 「您的角色不能對案件執行「…」」). */
  label: Words;
  /** One case (true), or a list of cases whose relation decides what it holds (false). */
  isOnOneCase: boolean;
  /** Any grant suffices. */
  grants: readonly ActionGrant[];
  /** What the case must be, with what the person is told (and the API's code) when it is not. */
  conditions: Partial<Readonly<Record<CaseCondition, Refusal>>>;
  /**
   * Set when a refused case is one problem of the form, naming the case (an assignment lists every case
   * it could not take), rather than a 403 for the whole request: what a case not the person's is told.
   */
  perCaseRefusal: Refusal | null;
}

/** A refusal's stable code (the API's `errors[].code`) and its words. */
export interface Refusal {
  code: string;
  message: CaseMessageKey;
}

/** Who works a unit's cases: a case is assigned to one of them (assignCases, the officer lists). */
export const unitCaseRoles = ['handler', 'supervisor'] as const satisfies readonly StaffRole[];
export type UnitCaseRole = (typeof unitCaseRoles)[number];

/** An action these roles may take on any case, whatever the case is. */
function onAnyCase(label: Words, isOnOneCase: boolean, roles: readonly StaffRole[]): ActionRule {
  return {
    label,
    isOnOneCase,
    grants: [{ roles, relations: ['any'] }],
    conditions: {},
    perCaseRefusal: null,
  };
}

/** A list of cases: these roles see their own unit's, the secretariat every unit's. */
function unitList(label: Words, unitRoles: readonly StaffRole[]): ActionRule {
  return {
    label,
    isOnOneCase: false,
    grants: [
      { roles: unitRoles, relations: ['own_unit'] },
      { roles: ['secretariat'], relations: ['any'] },
    ],
    conditions: {},
    perCaseRefusal: null,
  };
}

/** Assigning, one case or many: the unit's supervisor, while the case is open. */
const assignRule: Omit<ActionRule, 'label'> = {
  isOnOneCase: true,
  grants: [{ roles: ['supervisor'], relations: ['own_unit'] }],
  conditions: { open: { code: 'finished', message: 'assignCaseNotOpen' } },
  perCaseRefusal: { code: 'other_unit', message: 'assignCaseOtherUnit' },
};

export const actionTable: Readonly<Record<CaseAction, ActionRule>> = {
  // Least privilege (issue 13): the counter, the secretariat and administrators (support) read any case; a
  // unit's handlers and supervisors read their unit's cases, those that passed through it (transferred away)
  // and the cases assigned to them. Web and unit editors see no personal data. A refused read is audited
  // (`case.read_refused`); look-ups list only the cases the person may read (case-reading.ts).
  read: {
    label: { zh: '閱覽案件', en: 'read' },
    isOnOneCase: true,
    grants: [
      { roles: ['counter_clerk', 'secretariat', 'admin'], relations: ['any'] },
      { roles: unitCaseRoles, relations: ['own_unit'] },
      { roles: unitCaseRoles, relations: ['passed_through'] },
      { roles: unitCaseRoles, relations: ['assigned_to_me'] },
    ],
    conditions: {},
    perCaseRefusal: null,
  },
  // Phone enquiries, by number, phone or name; every look-up is in the audit log.
  look_up: onAnyCase({ zh: '查詢案件', en: 'look up' }, false, [
    'counter_clerk',
    'handler',
    'supervisor',
    'secretariat',
  ]),
  // The counter, the secretariat's dispatch and the units take requests for any unit's service.
  open: onAnyCase({ zh: '收件', en: 'open' }, false, [
    'counter_clerk',
    'secretariat',
    'supervisor',
    'handler',
  ]),
  work_queue: unitList({ zh: '檢視案件清單', en: 'list' }, unitCaseRoles),
  supervise: unitList({ zh: '督導', en: 'supervise' }, ['supervisor']),
  assign: { label: { zh: '分派', en: 'assign' }, ...assignRule },
  bulk_assign: { label: { zh: '批次分派', en: 'assign in bulk' }, ...assignRule },
  request_extension: {
    label: { zh: '展延', en: 'extend' },
    isOnOneCase: true,
    grants: [
      { roles: ['handler'], relations: ['own_unit', 'assigned_to_me'] },
      { roles: ['handler'], relations: ['unassigned_in_own_unit'] },
      // A supervisor's own request is approved at once.
      { roles: ['supervisor'], relations: ['own_unit'] },
    ],
    conditions: {
      open: { code: 'finished', message: 'extensionNotOpen' },
      not_answered: { code: 'finished', message: 'extensionNotOpen' },
      no_pending_extension: { code: 'pending', message: 'extensionPending' },
    },
    perCaseRefusal: null,
  },
  decide_extension: {
    label: { zh: '核定展延', en: 'approve an extension' },
    isOnOneCase: true,
    grants: [{ roles: ['supervisor'], relations: ['own_unit'] }],
    conditions: {
      open: { code: 'finished', message: 'extensionNotOpen' },
      pending_extension: { code: 'not_pending', message: 'extensionNotPending' },
    },
    perCaseRefusal: null,
  },
};

/** Every role some grant of the action names: what the route admits (`requireStaff({ roles })`). */
export function rolesFor(action: CaseAction): StaffRole[] {
  return [...new Set(actionTable[action].grants.flatMap((grant) => grant.roles))];
}

/** Who acts, as the table needs them. */
export interface ActionActor {
  id: string;
  role: StaffRole;
  unitCode: string | null;
}

/** What the table needs to know of a case. */
export interface CaseFacts {
  caseNumber: string;
  kind: string;
  state: string;
  unitCode: string;
  handlerId: string | null;
  /** The units the case left by a transfer (unitsBeforeTransfers); needed only where a grant asks `passed_through`. */
  unitsBefore?: readonly string[];
  /** Needed only where the action has an extension condition. */
  hasPendingExtension?: boolean;
}

/** The units a case was transferred away from, from its timeline. */
export function unitsBeforeTransfers(
  timeline: readonly { kind: string; data: Readonly<Record<string, unknown>> }[],
): string[] {
  return [
    ...new Set(
      timeline.flatMap((event) =>
        event.kind === 'transfer' && typeof event.data.fromUnit === 'string' ? [event.data.fromUnit] : [],
      ),
    ),
  ];
}

/** Whether an action's grants ask a relation (so that a caller loads what it needs, e.g. the history). */
export function asksRelation(action: CaseAction, relation: CaseRelation): boolean {
  return actionTable[action].grants.some((grant) => grant.relations.includes(relation));
}

/** The relations that hold between this person and this case. */
export function relationsOf(actor: ActionActor, facts: CaseFacts): Set<CaseRelation> {
  const held = new Set<CaseRelation>(['any']);
  const isOwnUnit = actor.unitCode !== null && actor.unitCode === facts.unitCode;
  if (isOwnUnit) held.add('own_unit');
  if (facts.handlerId !== null && facts.handlerId === actor.id) held.add('assigned_to_me');
  if (isOwnUnit && facts.handlerId === null) held.add('unassigned_in_own_unit');
  if (
    facts.unitsBefore !== undefined &&
    actor.unitCode !== null &&
    facts.unitsBefore.includes(actor.unitCode)
  )
    held.add('passed_through');
  return held;
}

export interface ActionFailure {
  /** What failed: the role, how the case stands to the person, or a condition on the case. */
  kind: 'role' | 'relation' | 'condition';
  /** Stable: the API's `errors[].code` (`role`, `own_unit`, `assigned_or_unassigned`, `passed_through`, a refusal's). */
  code: string;
  message: string;
}

export interface ActionDecision {
  isAllowed: boolean;
  /** Every reason it is refused, in the user's language: the role alone, or the relations, then the conditions. */
  failures: ActionFailure[];
}

function conditionHolds(condition: CaseCondition, facts: CaseFacts): boolean {
  const workflow = workflowOf(facts.kind);
  switch (condition) {
    case 'open':
      return !workflow.isFinished(facts.state);
    case 'not_answered':
      return !workflow.isAnswered(facts.state);
    case 'no_pending_extension':
      if (facts.hasPendingExtension === undefined)
        throw new Error('no_pending_extension needs the extensions');
      return !facts.hasPendingExtension;
    case 'pending_extension':
      if (facts.hasPendingExtension === undefined) throw new Error('pending_extension needs the extensions');
      return facts.hasPendingExtension;
  }
}

/**
 * Why none of the role's grants holds, worded for the person: not their unit's case, someone else's case,
 * never their unit's. Each reason once, in that order.
 */
function relationFailures(
  grants: readonly ActionGrant[],
  held: ReadonlySet<CaseRelation>,
  facts: CaseFacts,
  lang: Lang,
): ActionFailure[] {
  const asked = new Set(grants.flatMap((grant) => grant.relations));
  const failures: ActionFailure[] = [];
  if ((asked.has('own_unit') || asked.has('unassigned_in_own_unit')) && !held.has('own_unit'))
    failures.push({ kind: 'relation', code: 'own_unit', message: caseText(lang, 'guardOwnUnit') });
  if (
    (asked.has('assigned_to_me') || asked.has('unassigned_in_own_unit')) &&
    facts.handlerId !== null &&
    !held.has('assigned_to_me')
  )
    failures.push({
      kind: 'relation',
      code: 'assigned_or_unassigned',
      message: caseText(lang, 'guardAssigned'),
    });
  if (asked.has('passed_through') && !held.has('passed_through'))
    failures.push({
      kind: 'relation',
      code: 'passed_through',
      message: caseText(lang, 'guardPassedThrough'),
    });
  return failures;
}

/**
 * May this person take this action on this case now? The table's answer with every reason it is refused;
 * for an action on lists (look-up, the queues) only the role counts.
 */
export function mayTakeAction(
  actor: ActionActor,
  action: CaseAction,
  facts: CaseFacts | null,
  lang: Lang,
): ActionDecision {
  const rule = actionTable[action];
  const grants = rule.grants.filter((grant) => grant.roles.includes(actor.role));
  if (grants.length === 0) {
    const message = caseText(lang, 'roleNotAllowed', {
      event: lang === 'en' ? rule.label.en : rule.label.zh,
    });
    return { isAllowed: false, failures: [{ kind: 'role', code: 'role', message }] };
  }
  if (facts === null) return { isAllowed: true, failures: [] };
  const held = relationsOf(actor, facts);
  const isRelated = grants.some((grant) => grant.relations.every((relation) => held.has(relation)));
  const named = { caseNumber: facts.caseNumber };
  const failures: ActionFailure[] = isRelated
    ? []
    : rule.perCaseRefusal === null
      ? relationFailures(grants, held, facts, lang)
      : [
          {
            kind: 'relation',
            code: rule.perCaseRefusal.code,
            message: caseText(lang, rule.perCaseRefusal.message, named),
          },
        ];
  for (const [condition, refusal] of Object.entries(rule.conditions) as [CaseCondition, Refusal][]) {
    if (!conditionHolds(condition, facts))
      failures.push({
        kind: 'condition',
        code: refusal.code,
        message: caseText(lang, refusal.message, named),
      });
  }
  return { isAllowed: failures.length === 0, failures };
}

/** Which cases a list action shows this role: every case, the role's unit's, or none (not allowed). */
export function listScope(role: StaffRole, action: CaseAction): 'any' | 'own_unit' | null {
  const grants = actionTable[action].grants.filter((grant) => grant.roles.includes(role));
  if (grants.length === 0) return null;
  return grants.some((grant) => grant.relations.every((relation) => relation === 'any')) ? 'any' : 'own_unit';
}

/** The failures as form problems (field '' : about the case, not an input). */
export function asProblems(failures: readonly ActionFailure[], field = ''): FieldProblem[] {
  return failures.map((failure) => ({ field, code: failure.code, message: failure.message }));
}
