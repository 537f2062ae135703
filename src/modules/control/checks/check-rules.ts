import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import { DomainError, type FieldProblem, notFound } from '../../../platform/http/errors.ts';
import { normaliseDateInput } from '../../../platform/web/date-input.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { type ChecksTextKey, checksText as text } from './checks-messages.ts';
import type { CheckFieldChange } from './checks-schema.ts';

/**
 * 陸、管制查考, the rules without the database: what a check is, what its forms must hold (every problem at
 * once), an action's state on a day, who may do what, and what a correction changes.
 */

export const checkKinds = ['phone_courtesy', 'counter_visit', 'website', 'other'] as const;
export type CheckKind = (typeof checkKinds)[number];
export type CheckOrigin = 'spot_check' | 'self_assessment';
export type CheckStatus = 'recorded' | 'draft' | 'confirmed';
export type ActionState = 'open' | 'done' | 'overdue';

/** The kinds whose score may be left empty (a phone courtesy test is always scored). */
export const scoreOptionalKinds: readonly CheckKind[] = ['counter_visit', 'website', 'other'];

/** How many corrective-action rows the form offers (no JavaScript: a fixed number of rows). */
export const actionRows = 3;

export interface EvidenceFile {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
}

export interface FollowUp {
  id: string;
  evidence: EvidenceFile[];
  entryDate: string;
  note: string;
  createdAt: Date;
  createdByName: string;
}

export interface CheckAction {
  id: string;
  ordinal: number;
  description: string;
  deadline: string;
  unitCode: string;
  closedAt: Date | null;
  closedByName: string | null;
  state: ActionState;
  followUps: FollowUp[];
}

export interface CheckView {
  id: string;
  origin: CheckOrigin;
  status: CheckStatus;
  checkDate: string;
  unitCode: string;
  kind: CheckKind;
  subject: string;
  score: number | null;
  findings: string;
  createdAt: Date;
  createdByName: string;
  confirmedAt: Date | null;
  confirmedByName: string | null;
  /** Grows with every correction (reviseCheck); the edit form carries it. */
  version: number;
  updatedAt: Date | null;
  updatedByName: string | null;
  actions: CheckAction[];
}

/** A correction as the check page lists it. */
export interface CheckRevision {
  version: number;
  revisedAt: Date;
  revisedByName: string;
  reason: string;
  changes: CheckFieldChange[];
}

export interface ActionForm {
  description: string;
  deadline: string;
  unitCode: string;
}

export interface CheckForm {
  checkDate: string;
  unitCode: string;
  kind: string;
  subject: string;
  score: string;
  findings: string;
  actions: ActionForm[];
}

export interface FollowUpForm {
  entryDate: string;
  note: string;
}

export const limits = { subject: 500, findings: 5000, description: 2000, note: 2000, reason: 1000 } as const;

/** An action's state on a day: closed → done; past its deadline → overdue; otherwise open. */
export function actionState(action: { closedAt: Date | null; deadline: string }, today: string): ActionState {
  if (action.closedAt !== null) return 'done';
  return action.deadline < today ? 'overdue' : 'open';
}

/** The ISO date a person typed (民國 or 西元), or null when it is not a real date. */
export function parseDate(input: string): string | null {
  const iso = normaliseDateInput(input);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}

function isCheckKind(value: string): value is CheckKind {
  return (checkKinds as readonly string[]).includes(value);
}

/** A check as the form's rules read it: its own fields, and the new actions to record. */
export interface ValidCheck
  extends Pick<CheckView, 'checkDate' | 'unitCode' | 'kind' | 'subject' | 'score' | 'findings'> {
  actions: { description: string; deadline: string; unitCode: string }[];
}

/** Every problem of a check's form at once, or the check as it will be stored. */
export function validateCheckForm(
  form: CheckForm,
  context: { lang: Lang; today: string; unitCodes: ReadonlySet<string> },
): { problems: FieldProblem[]; value: ValidCheck | null } {
  const { lang } = context;
  const problems: FieldProblem[] = [];
  const add = (field: string, code: string, key: ChecksTextKey, values?: Record<string, string | number>) =>
    problems.push({ field, code, message: text(lang, key, values) });

  const checkDate = form.checkDate.trim() === '' ? null : parseDate(form.checkDate);
  if (form.checkDate.trim() === '') add('checkDate', 'required', 'required');
  else if (checkDate === null) add('checkDate', 'not_date', 'notDate');
  else if (checkDate > context.today) add('checkDate', 'in_future', 'dateInFuture');

  if (!context.unitCodes.has(form.unitCode)) add('unitCode', 'unknown_unit', 'unitUnknown');
  const kind = isCheckKind(form.kind) ? form.kind : null;
  if (kind === null) add('kind', 'unknown_kind', 'kindUnknown');

  const subject = form.subject.trim();
  if (subject === '') add('subject', 'required', 'required');
  else if (subject.length > limits.subject) add('subject', 'too_long', 'tooLong', { max: limits.subject });

  const scoreText = form.score.normalize('NFKC').trim();
  let score: number | null = null;
  if (scoreText === '') {
    if (kind !== null && !scoreOptionalKinds.includes(kind)) add('score', 'required', 'scoreRequired');
  } else if (!/^-?\d+$/.test(scoreText)) add('score', 'not_integer', 'scoreNotNumber');
  else {
    score = Number(scoreText);
    if (score < 0 || score > 100) add('score', 'out_of_range', 'scoreRange');
  }

  const findings = form.findings.trim();
  if (findings === '') add('findings', 'required', 'required');
  else if (findings.length > limits.findings)
    add('findings', 'too_long', 'tooLong', { max: limits.findings });

  const actions: ValidCheck['actions'] = [];
  form.actions.forEach((row, index) => {
    const n = index + 1;
    const description = row.description.trim();
    const deadlineText = row.deadline.trim();
    const unitChosen = row.unitCode !== '' && row.unitCode !== form.unitCode;
    if (description === '' && deadlineText === '' && !unitChosen) return;
    const field = (name: string) => `action${n}${name}`;
    if (description === '') add(field('Description'), 'required', 'actionDescriptionRequired');
    else if (description.length > limits.description)
      add(field('Description'), 'too_long', 'tooLong', { max: limits.description });
    const deadline = deadlineText === '' ? null : parseDate(deadlineText);
    if (deadlineText === '') add(field('Deadline'), 'required', 'actionDeadlineRequired');
    else if (deadline === null) add(field('Deadline'), 'not_date', 'notDate');
    else if (checkDate !== null && deadline < checkDate)
      add(field('Deadline'), 'deadline_before_check', 'deadlineBeforeCheck');
    const unitCode = row.unitCode === '' ? form.unitCode : row.unitCode;
    // An empty row unit is the checked unit's: its problem is already on `unitCode`.
    if (row.unitCode !== '' && !context.unitCodes.has(unitCode))
      add(field('Unit'), 'unknown_unit', 'unitUnknown');
    if (deadline !== null) actions.push({ description, deadline, unitCode });
  });

  if (problems.length > 0 || checkDate === null || kind === null) return { problems, value: null };
  return {
    problems,
    value: { checkDate, unitCode: form.unitCode, kind, subject, score, findings, actions },
  };
}

export function invalidCheck(lang: Lang, problems: FieldProblem[]): DomainError {
  return new DomainError('VALIDATION_FAILED', text(lang, 'invalid'), { problems });
}

export function checkForbidden(lang: Lang, why: 'forbidden' | 'noUnit' = 'forbidden'): DomainError {
  return new DomainError('FORBIDDEN', text(lang, why));
}

export function checkNotFound(lang: Lang): DomainError {
  return notFound(text(lang, 'notFound'));
}

// Who may do what.

export const isSecretariat = (staff: Pick<StaffPrincipal, 'role'>) =>
  staff.role === 'secretariat' || staff.role === 'admin';
export const isUnitRole = (staff: Pick<StaffPrincipal, 'role'>) =>
  staff.role === 'unit_editor' || staff.role === 'unit_head';

export function mayRecordSpotChecks(staff: Pick<StaffPrincipal, 'role'>): boolean {
  return isSecretariat(staff);
}

/** A unit editor drafts, and a unit head may record directly, their own unit's self-assessment. */
export function mayRecordSelfAssessment(staff: Pick<StaffPrincipal, 'role' | 'unitCode'>): boolean {
  return isUnitRole(staff) && staff.unitCode !== null;
}

export function mayConfirm(staff: Pick<StaffPrincipal, 'role' | 'unitCode'>, check: CheckView): boolean {
  return (
    check.origin === 'self_assessment' &&
    check.status === 'draft' &&
    staff.role === 'unit_head' &&
    staff.unitCode === check.unitCode
  );
}

/**
 * Who corrects a check: a spot check, the secretariat (and admins); a self-assessment, its unit's editor
 * or head while it is a draft, its unit head once confirmed.
 */
export function mayRevise(staff: Pick<StaffPrincipal, 'role' | 'unitCode'>, check: CheckView): boolean {
  if (check.origin === 'spot_check') return isSecretariat(staff);
  if (staff.unitCode !== check.unitCode) return false;
  return check.status === 'draft' ? isUnitRole(staff) : staff.role === 'unit_head';
}

/** A correction needs its reason once the check is recorded or confirmed (a draft is still the unit's own). */
export function reasonRequired(check: Pick<CheckView, 'status'>): boolean {
  return check.status !== 'draft';
}

/** The responsible unit's editor or head (and the secretariat) record follow-up on an open action. */
export function mayFollowUp(
  staff: Pick<StaffPrincipal, 'role' | 'unitCode'>,
  check: CheckView,
  action: CheckAction,
): boolean {
  if (check.status === 'draft' || action.closedAt !== null) return false;
  return isSecretariat(staff) || (isUnitRole(staff) && staff.unitCode === action.unitCode);
}

export function mayClose(
  staff: Pick<StaffPrincipal, 'role'>,
  check: CheckView,
  action: CheckAction,
): boolean {
  return isSecretariat(staff) && check.status !== 'draft' && action.closedAt === null;
}

const formOrder = ['checkDate', 'unitCode', 'kind', 'subject', 'score', 'findings', 'reason'];

/** The error summary follows the form: the check's fields, the reason, then the action rows. */
export function inFormOrder(problems: FieldProblem[]): FieldProblem[] {
  const rank = (field: string) => {
    const index = formOrder.indexOf(field);
    return index === -1 ? formOrder.length : index;
  };
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => rank(a.problem.field) - rank(b.problem.field) || a.index - b.index)
    .map(({ problem }) => problem);
}

export interface ReviseForm extends CheckForm {
  reason: string;
}

/**
 * Who removes a follow-up's evidence file (a wrong photo, one with someone's personal data): the
 * secretariat (and admins) at any time; the responsible unit's editor or head while the action is open.
 */
export function mayRemoveEvidence(
  staff: Pick<StaffPrincipal, 'role' | 'unitCode'>,
  action: Pick<CheckAction, 'unitCode' | 'closedAt'>,
): boolean {
  if (isSecretariat(staff)) return true;
  return isUnitRole(staff) && staff.unitCode === action.unitCode && action.closedAt === null;
}

/** A follow-up's evidence file with the action it belongs to (for the removal question), or null. */
export function findEvidence(
  check: CheckView,
  evidenceId: string,
): { file: EvidenceFile; action: CheckAction } | null {
  for (const action of check.actions)
    for (const followUp of action.followUps)
      for (const file of followUp.evidence) if (file.id === evidenceId) return { file, action };
  return null;
}

/** Every problem of a follow-up entry: its date (real, not in the future, not before the check's) and its note. */
export function followUpProblems(
  form: FollowUpForm,
  context: { lang: Lang; today: string; checkDate: string },
): { problems: FieldProblem[]; entryDate: string | null; note: string } {
  const problems: FieldProblem[] = [];
  const add = (field: string, code: string, key: ChecksTextKey, values?: Record<string, number>) =>
    problems.push({ field, code, message: text(context.lang, key, values) });
  const typed = form.entryDate.trim();
  const entryDate = typed === '' ? null : parseDate(typed);
  if (typed === '') add('entryDate', 'required', 'required');
  else if (entryDate === null) add('entryDate', 'not_date', 'notDate');
  else if (entryDate > context.today) add('entryDate', 'in_future', 'dateInFuture');
  else if (entryDate < context.checkDate) add('entryDate', 'before_check', 'followUpBeforeCheck');
  const note = form.note.trim();
  if (note === '') add('note', 'required', 'required');
  else if (note.length > limits.note) add('note', 'too_long', 'tooLong', { max: limits.note });
  return { problems, entryDate, note };
}

/**
 * What a correction adds to the form's problems: the reason (needed once the check is recorded or confirmed),
 * and a date after an open action's deadline.
 */
export function revisionProblems(
  check: Pick<CheckView, 'status' | 'actions'>,
  form: Pick<ReviseForm, 'checkDate' | 'reason'>,
  lang: Lang,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const reason = form.reason.trim();
  if (reasonRequired(check) && reason === '')
    problems.push({ field: 'reason', code: 'required', message: text(lang, 'reasonRequired') });
  else if (reason.length > limits.reason)
    problems.push({
      field: 'reason',
      code: 'too_long',
      message: text(lang, 'tooLong', { max: limits.reason }),
    });
  const checkDate = parseDate(form.checkDate.trim());
  if (checkDate !== null)
    for (const action of check.actions)
      if (action.closedAt === null && action.deadline < checkDate)
        problems.push({
          field: 'checkDate',
          code: 'after_action_deadline',
          message: text(lang, 'checkAfterActionDeadline', { n: action.ordinal }),
        });
  return problems;
}

/** What a correction changes, field by field (before → after as the values are kept), and its new actions. */
export function changesOf(check: CheckView, value: ValidCheck): CheckFieldChange[] {
  const scoreText = (score: number | null) => (score === null ? '' : String(score));
  const pairs: [CheckFieldChange['field'], string, string][] = [
    ['checkDate', check.checkDate, value.checkDate],
    ['unitCode', check.unitCode, value.unitCode],
    ['kind', check.kind, value.kind],
    ['subject', check.subject, value.subject],
    ['score', scoreText(check.score), scoreText(value.score)],
    ['findings', check.findings, value.findings],
  ];
  const changes: CheckFieldChange[] = pairs
    .filter(([, before, after]) => before !== after)
    .map(([field, before, after]) => ({ field, before, after }));
  if (value.actions.length > 0)
    changes.push({
      field: 'actions',
      before: '',
      after: value.actions.map((action) => action.description).join('\n'),
    });
  return changes;
}
