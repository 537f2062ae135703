import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import { DomainError, type FieldProblem, notFound } from '../../../platform/http/errors.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { workPlanText as text } from './work-plan-messages.ts';
import type { WorkPlanState } from './work-plan-schema.ts';

/**
 * Units' work plans (issue 4 §2), the rules without the database: who may see and do what, from which
 * state each action leads where, and the checks of a method and its targets (every problem at once).
 */

export const maxText = 2000;
export const maxShortText = 200;
export const maxComment = 4000;
/** How many target fieldsets a method's form offers at least. */
export const minTargetSlots = 3;
export const maxTargetSlots = 20;

export type WorkPlanActor = Pick<StaffPrincipal, 'id' | 'email' | 'displayName' | 'role' | 'unitCode'>;

export interface CarriedPractice {
  id: string;
  ref: string;
  text: string;
}

// ---------------------------------------------------------------------------------------------------
// Who may do what

export type WorkPlanAction = 'edit' | 'submit' | 'approve' | 'send_back' | 'accept' | 'return' | 'publish';

/** What the audit log records of a work plan (`control.work_plan.<action>`): every transition among them. */
export const workPlanAuditActions = [
  'created',
  'row_added',
  'row_saved',
  'row_removed',
  'submit',
  'approve',
  'send_back',
  'accept',
  'return',
  'publish',
] as const;
export type WorkPlanAuditAction = (typeof workPlanAuditActions)[number];

const reviewerRoles = ['secretariat', 'admin'] as const;

/** Staff of the unit (editor, head) and the secretariat see every state; everyone else published ones only. */
export function mayView(
  staff: Pick<WorkPlanActor, 'role' | 'unitCode'>,
  unitCode: string,
  state: WorkPlanState,
) {
  if (state === 'published') return true;
  if ((reviewerRoles as readonly string[]).includes(staff.role)) return true;
  return (staff.role === 'unit_editor' || staff.role === 'unit_head') && staff.unitCode === unitCode;
}

export function mayDo(
  staff: Pick<WorkPlanActor, 'role' | 'unitCode'>,
  action: WorkPlanAction,
  unitCode: string,
) {
  switch (action) {
    case 'edit':
    case 'submit':
      return staff.role === 'unit_editor' && staff.unitCode === unitCode;
    case 'approve':
    case 'send_back':
      return staff.role === 'unit_head' && staff.unitCode === unitCode;
    case 'accept':
    case 'return':
    case 'publish':
      return (reviewerRoles as readonly string[]).includes(staff.role);
  }
}

/** The states each action starts from, and where it leads. */
export const transitions: Record<
  Exclude<WorkPlanAction, 'edit'>,
  { from: readonly WorkPlanState[]; to: WorkPlanState }
> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved_by_head' },
  send_back: { from: ['submitted'], to: 'returned' },
  accept: { from: ['approved_by_head'], to: 'accepted' },
  return: { from: ['approved_by_head'], to: 'returned' },
  publish: { from: ['accepted'], to: 'published' },
};

export const editableStates: readonly WorkPlanState[] = ['draft', 'returned'];

export function workPlanForbidden(lang: Lang): DomainError {
  return new DomainError('FORBIDDEN', text(lang, 'forbidden'));
}

export function workPlanNotFound(lang: Lang): DomainError {
  return notFound(text(lang, 'notFound'));
}

/** 409: the work plan's state does not allow this. */
export function wrongState(lang: Lang, state: WorkPlanState): DomainError {
  return new DomainError(
    'INVALID_TRANSITION',
    text(lang, 'wrongState', { state: text(lang, `state_${state}`) }),
  );
}

export function mayStart(staff: Pick<WorkPlanActor, 'role' | 'unitCode'>): boolean {
  return staff.role === 'unit_editor' && staff.unitCode !== null;
}

// ---------------------------------------------------------------------------------------------------
// A method and its targets

export interface TargetForm {
  indicator: string;
  unitOfMeasure: string;
  baseline: string;
  target: string;
  measurement: string;
}

export interface RowForm {
  itemText: string;
  focusText: string;
  methodText: string;
  remarks: string;
  practiceIds: string[];
  targets: TargetForm[];
}

export const targetField = (n: number, part: keyof TargetForm) => `target-${n}-${part}`;
export const targetParts: readonly (keyof TargetForm)[] = [
  'indicator',
  'unitOfMeasure',
  'baseline',
  'target',
  'measurement',
];

export function isBlank(target: TargetForm): boolean {
  return targetParts.every((part) => target[part] === '');
}

/** A number as people type it: digits, an optional sign and decimals, thousands separators allowed. */
export function parseNumber(value: string): number | null {
  const cleaned = value.replaceAll(',', '').replaceAll('，', '');
  if (!/^[-+]?\d+(\.\d+)?$/.test(cleaned)) return null;
  const number = Number(cleaned);
  return Number.isFinite(number) ? number : null;
}

/** Every problem of a method's form at once. */
export function rowProblems(
  form: RowForm,
  practices: { carried: readonly CarriedPractice[]; all: readonly CarriedPractice[] },
  lang: Lang,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, code: string, message: string) => problems.push({ field, code, message });
  // Each message names its field (issue 14 §15: the summary said 「請填寫此欄位」 three times).
  const fieldName = (key: 'itemLabel' | 'focusLabel' | 'methodLabel' | 'remarksLabel') =>
    key === 'remarksLabel'
      ? text(lang, key)
          .replace(/[（(][^（(]*[）)]$/, '')
          .trim()
      : text(lang, key);
  const tooLong = (name: string, max: number) => text(lang, 'fieldTooLong', { field: name, max });
  for (const [field, value, key] of [
    ['itemText', form.itemText, 'itemLabel'],
    ['focusText', form.focusText, 'focusLabel'],
    ['methodText', form.methodText, 'methodLabel'],
  ] as const) {
    const name = lang === 'en' ? fieldName(key).toLowerCase() : fieldName(key);
    if (value === '') add(field, 'required', text(lang, 'fieldRequired', { field: name }));
    else if (value.length > maxText) add(field, 'too_long', tooLong(fieldName(key), maxText));
  }
  if (form.remarks.length > maxText) add('remarks', 'too_long', tooLong(fieldName('remarksLabel'), maxText));
  const targetName = (n: number, key: 'indicatorLabel' | 'measureUnitLabel' | 'measurementLabel') =>
    `${text(lang, 'targetLegend', { n })}${lang === 'en' ? ': ' : ' '}${text(lang, key)}`;

  if (form.practiceIds.length === 0) add('practiceIds', 'required', text(lang, 'practiceRequired'));
  const carried = new Set(practices.carried.map((practice) => practice.id));
  for (const id of form.practiceIds) {
    if (carried.has(id)) continue;
    const known = practices.all.find((practice) => practice.id === id);
    if (known)
      add('practiceIds', 'practice_not_carried', text(lang, 'practiceNotCarried', { ref: known.ref }));
    else add('practiceIds', 'practice_unknown', text(lang, 'practiceUnknown'));
  }

  const used = form.targets
    .map((target, index) => ({ target, n: index + 1 }))
    .filter(({ target }) => !isBlank(target));
  if (used.length === 0) add(targetField(1, 'indicator'), 'target_required', text(lang, 'targetRequired'));
  for (const { target, n } of used) {
    if (target.indicator === '')
      add(targetField(n, 'indicator'), 'required', text(lang, 'indicatorRequired', { n }));
    else if (target.indicator.length > maxShortText)
      add(targetField(n, 'indicator'), 'too_long', tooLong(targetName(n, 'indicatorLabel'), maxShortText));
    if (target.unitOfMeasure === '')
      add(targetField(n, 'unitOfMeasure'), 'required', text(lang, 'measureUnitRequired', { n }));
    else if (target.unitOfMeasure.length > maxShortText)
      add(
        targetField(n, 'unitOfMeasure'),
        'too_long',
        tooLong(targetName(n, 'measureUnitLabel'), maxShortText),
      );
    if (parseNumber(target.baseline) === null)
      add(targetField(n, 'baseline'), 'not_a_number', text(lang, 'baselineNumber', { n }));
    if (parseNumber(target.target) === null)
      add(targetField(n, 'target'), 'not_a_number', text(lang, 'targetNumber', { n }));
    if (target.measurement === '')
      add(targetField(n, 'measurement'), 'required', text(lang, 'measurementRequired', { n }));
    else if (target.measurement.length > maxText)
      add(targetField(n, 'measurement'), 'too_long', tooLong(targetName(n, 'measurementLabel'), maxText));
  }
  return problems;
}
