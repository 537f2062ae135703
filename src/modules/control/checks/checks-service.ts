import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import {
  type AuditActor,
  type RequestOrigin,
  recordAudit,
  staffActor,
} from '../../../platform/auth/audit-log.ts';
import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import type { Database, DatabaseOrTransaction } from '../../../platform/db/database.ts';
import { DomainError, type FieldProblem } from '../../../platform/http/errors.ts';
import type { UploadedFile } from '../../../platform/uploads/multipart.ts';
import { normaliseDateInput } from '../../../platform/web/date-input.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { formatDateTime } from '../shared/control-format.ts';
import { type ChecksTextKey, checksText as text } from './checks-messages.ts';
import {
  type CheckFieldChange,
  controlCheckActions,
  controlCheckEvidence,
  controlCheckFollowUps,
  controlCheckRevisions,
  controlChecks,
} from './checks-schema.ts';

/**
 * 陸、管制查考: spot checks and tests (平時測試及查核) recorded by the secretariat, units' self-assessments
 * (自行管理考核: a unit editor drafts, the unit head confirms), their corrective actions and the follow-up of
 * each action until the secretariat closes it. Every change is audited (`control.check.*`).
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

export interface ChecksMutation {
  staff: StaffPrincipal;
  now: Date;
  /** Today in Taipei, YYYY-MM-DD. */
  today: string;
  lang: Lang;
  origin: RequestOrigin;
}

const limits = { subject: 500, findings: 5000, description: 2000, note: 2000, reason: 1000 } as const;

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

interface ValidCheck {
  checkDate: string;
  unitCode: string;
  kind: CheckKind;
  subject: string;
  score: number | null;
  findings: string;
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

function invalid(lang: Lang, problems: FieldProblem[]): DomainError {
  return new DomainError('VALIDATION_FAILED', text(lang, 'invalid'), { problems });
}

function forbidden(lang: Lang): DomainError {
  return new DomainError('FORBIDDEN', text(lang, 'forbidden'));
}

function notFound(lang: Lang): DomainError {
  return new DomainError('NOT_FOUND', text(lang, 'notFound'));
}

// Who may do what.

const isSecretariat = (staff: Pick<StaffPrincipal, 'role'>) =>
  staff.role === 'secretariat' || staff.role === 'admin';
const isUnitRole = (staff: Pick<StaffPrincipal, 'role'>) =>
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

// Reading.

type CheckRow = typeof controlChecks.$inferSelect;

async function assemble(db: DatabaseOrTransaction, rows: CheckRow[], today: string): Promise<CheckView[]> {
  if (rows.length === 0) return [];
  const actionRowsOf = await db
    .select()
    .from(controlCheckActions)
    .where(
      inArray(
        controlCheckActions.checkId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(asc(controlCheckActions.ordinal));
  const followUpRows =
    actionRowsOf.length === 0
      ? []
      : await db
          .select()
          .from(controlCheckFollowUps)
          .where(
            inArray(
              controlCheckFollowUps.actionId,
              actionRowsOf.map((action) => action.id),
            ),
          )
          .orderBy(asc(controlCheckFollowUps.entryDate), asc(controlCheckFollowUps.createdAt));
  const evidenceRows =
    followUpRows.length === 0
      ? []
      : await db
          .select({
            id: controlCheckEvidence.id,
            followUpId: controlCheckEvidence.followUpId,
            fileName: controlCheckEvidence.fileName,
            mediaType: controlCheckEvidence.mediaType,
            sizeBytes: controlCheckEvidence.sizeBytes,
          })
          .from(controlCheckEvidence)
          .where(
            inArray(
              controlCheckEvidence.followUpId,
              followUpRows.map((row) => row.id),
            ),
          )
          .orderBy(asc(controlCheckEvidence.uploadedAt), asc(controlCheckEvidence.fileName));
  const evidenceOf = new Map<string, EvidenceFile[]>();
  for (const { followUpId, ...file } of evidenceRows) {
    const list = evidenceOf.get(followUpId) ?? [];
    list.push(file);
    evidenceOf.set(followUpId, list);
  }
  const followUpsOf = new Map<string, FollowUp[]>();
  for (const row of followUpRows) {
    const list = followUpsOf.get(row.actionId) ?? [];
    list.push({
      id: row.id,
      evidence: evidenceOf.get(row.id) ?? [],
      entryDate: row.entryDate,
      note: row.note,
      createdAt: row.createdAt,
      createdByName: row.createdByName,
    });
    followUpsOf.set(row.actionId, list);
  }
  const actionsOf = new Map<string, CheckAction[]>();
  for (const row of actionRowsOf) {
    const list = actionsOf.get(row.checkId) ?? [];
    list.push({
      id: row.id,
      ordinal: row.ordinal,
      description: row.description,
      deadline: row.deadline,
      unitCode: row.unitCode,
      closedAt: row.closedAt,
      closedByName: row.closedByName,
      state: actionState(row, today),
      followUps: followUpsOf.get(row.id) ?? [],
    });
    actionsOf.set(row.checkId, list);
  }
  return rows.map((row) => ({
    id: row.id,
    origin: row.origin,
    status: row.status,
    checkDate: row.checkDate,
    unitCode: row.unitCode,
    kind: row.kind,
    subject: row.subject,
    score: row.score,
    findings: row.findings,
    createdAt: row.createdAt,
    createdByName: row.createdByName,
    confirmedAt: row.confirmedAt,
    confirmedByName: row.confirmedByName,
    version: row.version,
    updatedAt: row.updatedAt,
    updatedByName: row.updatedByName,
    actions: actionsOf.get(row.id) ?? [],
  }));
}

export async function getCheck(
  db: DatabaseOrTransaction,
  id: string,
  today: string,
): Promise<CheckView | null> {
  const rows = await db.select().from(controlChecks).where(eq(controlChecks.id, id));
  const [check] = await assemble(db, rows, today);
  return check ?? null;
}

export interface CheckFilter {
  year?: number | undefined;
  unitCode?: string | undefined;
  kind?: CheckKind | undefined;
  origin?: CheckOrigin | undefined;
  /** Only checks with an open (not closed) action, or with an overdue one. */
  actions?: 'open' | 'overdue' | undefined;
  /** Leave out self-assessments still in draft. */
  withoutDrafts?: boolean;
}

/** Checks, newest first, with their actions (state as of `today`) and follow-ups. */
export async function listChecks(
  db: DatabaseOrTransaction,
  filter: CheckFilter,
  today: string,
): Promise<CheckView[]> {
  const conditions: SQL[] = [];
  if (filter.year !== undefined) {
    conditions.push(gte(controlChecks.checkDate, `${filter.year}-01-01`));
    conditions.push(lte(controlChecks.checkDate, `${filter.year}-12-31`));
  }
  if (filter.unitCode !== undefined) conditions.push(eq(controlChecks.unitCode, filter.unitCode));
  if (filter.kind !== undefined) conditions.push(eq(controlChecks.kind, filter.kind));
  if (filter.origin !== undefined) conditions.push(eq(controlChecks.origin, filter.origin));
  const rows = await db
    .select()
    .from(controlChecks)
    .where(conditions.length === 0 ? undefined : and(...conditions))
    .orderBy(desc(controlChecks.checkDate), desc(controlChecks.createdAt));
  const checks = await assemble(
    db,
    filter.withoutDrafts ? rows.filter((row) => row.status !== 'draft') : rows,
    today,
  );
  if (filter.actions === 'open')
    return checks.filter((check) => check.actions.some((action) => action.state !== 'done'));
  if (filter.actions === 'overdue')
    return checks.filter((check) => check.actions.some((action) => action.state === 'overdue'));
  return checks;
}

/** A unit's page: the checks of the unit and those with an action the unit is responsible for. */
export async function listChecksForUnit(
  db: DatabaseOrTransaction,
  unitCode: string,
  today: string,
): Promise<CheckView[]> {
  const withActions = await db
    .selectDistinct({ checkId: controlCheckActions.checkId })
    .from(controlCheckActions)
    .where(eq(controlCheckActions.unitCode, unitCode));
  const own = await db.select().from(controlChecks).where(eq(controlChecks.unitCode, unitCode));
  const ownIds = new Set(own.map((row) => row.id));
  const others = withActions.map((row) => row.checkId).filter((id) => !ownIds.has(id));
  const rows =
    others.length === 0
      ? own
      : [...own, ...(await db.select().from(controlChecks).where(inArray(controlChecks.id, others)))];
  rows.sort((a, b) =>
    a.checkDate === b.checkDate
      ? b.createdAt.getTime() - a.createdAt.getTime()
      : b.checkDate.localeCompare(a.checkDate),
  );
  return assemble(db, rows, today);
}

/**
 * For the annual performance report (§5): a year's checks and self-assessments (drafts left out), of one
 * unit or the whole bureau, with findings, corrective actions (state as of `today`, default 31 December of
 * the year) and their follow-up. Oldest first, as a report reads.
 */
export async function listChecksForReport(
  db: DatabaseOrTransaction,
  options: { year: number; unitCode?: string; today?: string },
): Promise<CheckView[]> {
  const checks = await listChecks(
    db,
    { year: options.year, unitCode: options.unitCode, withoutDrafts: true },
    options.today ?? `${options.year}-12-31`,
  );
  return checks.reverse();
}

// Writing.

function actorOf(staff: StaffPrincipal): AuditActor {
  return staffActor(staff);
}

/** Records a spot check (secretariat) or a unit's self-assessment (its editor drafts, its head confirms). */
export async function createCheck(
  db: Database,
  input: ChecksMutation & { checkOrigin: CheckOrigin; form: CheckForm; unitCodes: ReadonlySet<string> },
): Promise<{ id: string }> {
  const { staff, lang } = input;
  if (input.checkOrigin === 'spot_check' ? !mayRecordSpotChecks(staff) : !mayRecordSelfAssessment(staff))
    throw forbidden(lang);
  const form =
    input.checkOrigin === 'self_assessment' ? { ...input.form, unitCode: staff.unitCode ?? '' } : input.form;
  const { problems, value } = validateCheckForm(form, {
    lang,
    today: input.today,
    unitCodes: input.unitCodes,
  });
  if (value === null) throw invalid(lang, problems);
  const status: CheckStatus =
    input.checkOrigin === 'spot_check' ? 'recorded' : staff.role === 'unit_head' ? 'confirmed' : 'draft';
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(controlChecks)
      .values({
        origin: input.checkOrigin,
        status,
        checkDate: value.checkDate,
        unitCode: value.unitCode,
        kind: value.kind,
        subject: value.subject,
        score: value.score,
        findings: value.findings,
        createdAt: input.now,
        createdById: staff.id,
        createdByName: staff.displayName,
        ...(status === 'confirmed'
          ? { confirmedAt: input.now, confirmedById: staff.id, confirmedByName: staff.displayName }
          : {}),
      })
      .returning({ id: controlChecks.id });
    if (!row) throw new Error('createCheck: no row returned');
    if (value.actions.length > 0)
      await tx.insert(controlCheckActions).values(
        value.actions.map((action, index) => ({
          checkId: row.id,
          ordinal: index + 1,
          description: action.description,
          deadline: action.deadline,
          unitCode: action.unitCode,
        })),
      );
    await recordAudit(tx, {
      occurredAt: input.now,
      actor: actorOf(staff),
      action: input.checkOrigin === 'spot_check' ? 'control.check.create' : 'control.self_assessment.create',
      target: { type: 'control_check', id: row.id },
      origin: input.origin,
      details: {
        unitCode: value.unitCode,
        kind: value.kind,
        checkDate: value.checkDate,
        score: value.score,
        status,
        actions: value.actions.length,
      },
    });
    return { id: row.id };
  });
}

async function loadForChange(db: DatabaseOrTransaction, checkId: string, input: ChecksMutation) {
  const check = await getCheck(db, checkId, input.today);
  if (!check) throw notFound(input.lang);
  return check;
}

/** Locks the check's row for the rest of the transaction (one change at a time), then reads it. */
async function lockForChange(tx: DatabaseOrTransaction, input: ChecksMutation & { checkId: string }) {
  await tx
    .select({ id: controlChecks.id })
    .from(controlChecks)
    .where(eq(controlChecks.id, input.checkId))
    .for('update');
  return loadForChange(tx, input.checkId, input);
}

function findAction(check: CheckView, actionId: string, lang: Lang): CheckAction {
  const action = check.actions.find((candidate) => candidate.id === actionId);
  if (!action) throw notFound(lang);
  return action;
}

/** The unit head confirms the unit's draft self-assessment. */
export async function confirmCheck(db: Database, input: ChecksMutation & { checkId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const check = await lockForChange(tx, input);
    if (
      check.origin !== 'self_assessment' ||
      input.staff.role !== 'unit_head' ||
      input.staff.unitCode !== check.unitCode
    )
      throw forbidden(input.lang);
    if (check.status !== 'draft')
      throw new DomainError('CONFLICT', text(input.lang, 'notConfirmable'), {
        problems: [{ field: '', code: 'already_confirmed', message: text(input.lang, 'notConfirmable') }],
      });
    await tx
      .update(controlChecks)
      .set({
        status: 'confirmed',
        confirmedAt: input.now,
        confirmedById: input.staff.id,
        confirmedByName: input.staff.displayName,
      })
      .where(eq(controlChecks.id, check.id));
    await recordAudit(tx, {
      occurredAt: input.now,
      actor: actorOf(input.staff),
      action: 'control.self_assessment.confirm',
      target: { type: 'control_check', id: check.id },
      origin: input.origin,
      details: { unitCode: check.unitCode },
    });
  });
}

/** A follow-up entry on an open corrective action, by the responsible unit (or the secretariat). */
export async function addFollowUp(
  db: Database,
  input: ChecksMutation & {
    checkId: string;
    actionId: string;
    form: FollowUpForm;
    /** Evidence, already checked by readMultipartForm. */
    files?: readonly UploadedFile[];
    /** The upload's own problems (a file of an unaccepted type …), listed with the form's. */
    knownProblems?: readonly FieldProblem[];
  },
): Promise<void> {
  const { lang } = input;
  await db.transaction(async (tx) => {
    const check = await loadForChange(tx, input.checkId, input);
    const action = findAction(check, input.actionId, lang);
    const conflict = (key: ChecksTextKey) =>
      new DomainError('CONFLICT', text(lang, key), {
        problems: [{ field: '', code: key, message: text(lang, key) }],
      });
    if (!isSecretariat(input.staff) && !(isUnitRole(input.staff) && input.staff.unitCode === action.unitCode))
      throw forbidden(lang);
    if (check.status === 'draft') throw conflict('draftNoFollowUp');
    if (action.closedAt !== null) throw conflict('actionClosed');

    const problems: FieldProblem[] = [];
    const uploadProblems = input.knownProblems ?? [];
    const add = (field: string, code: string, key: ChecksTextKey, values?: Record<string, number>) =>
      problems.push({ field, code, message: text(lang, key, values) });
    const typed = input.form.entryDate.trim();
    const entryDate = typed === '' ? null : parseDate(typed);
    if (typed === '') add('entryDate', 'required', 'required');
    else if (entryDate === null) add('entryDate', 'not_date', 'notDate');
    else if (entryDate > input.today) add('entryDate', 'in_future', 'dateInFuture');
    else if (entryDate < check.checkDate) add('entryDate', 'before_check', 'followUpBeforeCheck');
    const note = input.form.note.trim();
    if (note === '') add('note', 'required', 'required');
    else if (note.length > limits.note) add('note', 'too_long', 'tooLong', { max: limits.note });
    problems.push(...uploadProblems);
    if (problems.length > 0 || entryDate === null) throw invalid(lang, problems);

    const [row] = await tx
      .insert(controlCheckFollowUps)
      .values({
        actionId: action.id,
        entryDate,
        note,
        createdAt: input.now,
        createdById: input.staff.id,
        createdByName: input.staff.displayName,
      })
      .returning({ id: controlCheckFollowUps.id });
    if (!row) throw new Error('addFollowUp: no row returned');
    const files = input.files ?? [];
    if (files.length > 0)
      await tx.insert(controlCheckEvidence).values(
        files.map((file) => ({
          followUpId: row.id,
          fileName: file.fileName,
          mediaType: file.mediaType,
          sizeBytes: file.sizeBytes,
          sha256: createHash('sha256').update(file.content).digest('hex'),
          content: file.content,
          uploadedAt: input.now,
        })),
      );
    await recordAudit(tx, {
      occurredAt: input.now,
      actor: actorOf(input.staff),
      action: 'control.check.follow_up',
      target: { type: 'control_check_action', id: action.id },
      origin: input.origin,
      details: { checkId: check.id, followUpId: row.id, entryDate, evidenceFiles: files.length },
    });
  });
}

/** The secretariat closes a corrective action. */
export async function closeAction(
  db: Database,
  input: ChecksMutation & { checkId: string; actionId: string },
): Promise<void> {
  const { lang } = input;
  if (!isSecretariat(input.staff)) throw forbidden(lang);
  await db.transaction(async (tx) => {
    await tx
      .select({ id: controlCheckActions.id })
      .from(controlCheckActions)
      .where(eq(controlCheckActions.id, input.actionId))
      .for('update');
    const check = await loadForChange(tx, input.checkId, input);
    const action = findAction(check, input.actionId, lang);
    if (action.closedAt !== null || check.status === 'draft') {
      const key: ChecksTextKey = check.status === 'draft' ? 'draftNoFollowUp' : 'actionClosed';
      throw new DomainError('CONFLICT', text(lang, key), {
        problems: [{ field: '', code: key, message: text(lang, key) }],
      });
    }
    await tx
      .update(controlCheckActions)
      .set({ closedAt: input.now, closedById: input.staff.id, closedByName: input.staff.displayName })
      .where(eq(controlCheckActions.id, action.id));
    await recordAudit(tx, {
      occurredAt: input.now,
      actor: actorOf(input.staff),
      action: 'control.check.close_action',
      target: { type: 'control_check_action', id: action.id },
      origin: input.origin,
      details: { checkId: check.id, wasOverdue: action.state === 'overdue' },
    });
  });
}

const formOrder = ['checkDate', 'unitCode', 'kind', 'subject', 'score', 'findings', 'reason'];

/** The error summary follows the form: the check's fields, the reason, then the action rows. */
function inFormOrder(problems: FieldProblem[]): FieldProblem[] {
  const rank = (field: string) => {
    const index = formOrder.indexOf(field);
    return index === -1 ? formOrder.length : index;
  };
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => rank(a.problem.field) - rank(b.problem.field) || a.index - b.index)
    .map(({ problem }) => problem);
}

export async function listRevisions(db: DatabaseOrTransaction, checkId: string): Promise<CheckRevision[]> {
  return db
    .select({
      version: controlCheckRevisions.version,
      revisedAt: controlCheckRevisions.revisedAt,
      revisedByName: controlCheckRevisions.revisedByName,
      reason: controlCheckRevisions.reason,
      changes: controlCheckRevisions.changes,
    })
    .from(controlCheckRevisions)
    .where(eq(controlCheckRevisions.checkId, checkId))
    .orderBy(asc(controlCheckRevisions.version));
}

export interface ReviseForm extends CheckForm {
  reason: string;
}

/**
 * Corrects a check: its date, unit (a spot check's), kind, subject, score and findings, and adds corrective
 * actions (the ones recorded stay: they carry follow-up; the secretariat closes them). Every problem at
 * once, the reason among them once the check is recorded; a form made from an earlier version is refused
 * naming who changed it and when; nothing changed is a problem too. Writes the check, its new actions,
 * a revision (each field before and after: append-only) and the audit entry in one transaction.
 */
export async function reviseCheck(
  db: Database,
  input: ChecksMutation & {
    checkId: string;
    version: number;
    form: ReviseForm;
    unitCodes: ReadonlySet<string>;
  },
): Promise<void> {
  const { staff, lang } = input;
  await db.transaction(async (tx) => {
    const check = await lockForChange(tx, input);
    if (!mayRevise(staff, check)) throw forbidden(lang);
    if (check.version !== input.version) {
      const message = text(lang, 'staleCheck', {
        name: check.updatedByName ?? check.createdByName,
        at: formatDateTime(lang, check.updatedAt ?? check.createdAt),
      });
      throw new DomainError('CONFLICT', message, {
        problems: [{ field: '', code: 'stale_version', message }],
      });
    }
    const form =
      check.origin === 'self_assessment' ? { ...input.form, unitCode: check.unitCode } : input.form;
    const { problems, value } = validateCheckForm(form, {
      lang,
      today: input.today,
      unitCodes: input.unitCodes,
    });
    const reason = input.form.reason.trim();
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
    if (problems.length > 0 || value === null) throw invalid(lang, inFormOrder(problems));

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
    if (changes.length === 0)
      throw invalid(lang, [{ field: '', code: 'no_change', message: text(lang, 'noChange') }]);

    const version = check.version + 1;
    await tx
      .update(controlChecks)
      .set({
        checkDate: value.checkDate,
        unitCode: value.unitCode,
        kind: value.kind,
        subject: value.subject,
        score: value.score,
        findings: value.findings,
        version,
        updatedAt: input.now,
        updatedByName: staff.displayName,
      })
      .where(eq(controlChecks.id, check.id));
    const firstOrdinal = check.actions.reduce((max, action) => Math.max(max, action.ordinal), 0) + 1;
    if (value.actions.length > 0)
      await tx.insert(controlCheckActions).values(
        value.actions.map((action, index) => ({
          checkId: check.id,
          ordinal: firstOrdinal + index,
          description: action.description,
          deadline: action.deadline,
          unitCode: action.unitCode,
        })),
      );
    await tx.insert(controlCheckRevisions).values({
      checkId: check.id,
      version,
      revisedAt: input.now,
      revisedById: staff.id,
      revisedByName: staff.displayName,
      reason,
      changes,
    });
    await recordAudit(tx, {
      occurredAt: input.now,
      actor: actorOf(staff),
      action: check.origin === 'spot_check' ? 'control.check.revise' : 'control.self_assessment.revise',
      target: { type: 'control_check', id: check.id },
      origin: input.origin,
      details: { version, fields: changes.map((change) => change.field), newActions: value.actions.length },
    });
  });
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

/**
 * Removes a follow-up's evidence file: the row and its bytes are deleted; the audit entry
 * `control.check.evidence_remove` keeps its name, type, size and SHA-256, who and when.
 */
export async function removeEvidence(
  db: Database,
  input: ChecksMutation & { checkId: string; evidenceId: string },
): Promise<void> {
  const { lang } = input;
  await db.transaction(async (tx) => {
    const check = await lockForChange(tx, input);
    const found = findEvidence(check, input.evidenceId);
    if (!found) throw notFound(lang);
    if (!mayRemoveEvidence(input.staff, found.action)) throw forbidden(lang);
    const [removed] = await tx
      .delete(controlCheckEvidence)
      .where(eq(controlCheckEvidence.id, found.file.id))
      .returning({ sha256: controlCheckEvidence.sha256 });
    await recordAudit(tx, {
      occurredAt: input.now,
      actor: actorOf(input.staff),
      action: 'control.check.evidence_remove',
      target: { type: 'control_check_action', id: found.action.id },
      origin: input.origin,
      details: {
        checkId: check.id,
        evidenceId: found.file.id,
        fileName: found.file.fileName,
        mediaType: found.file.mediaType,
        sizeBytes: found.file.sizeBytes,
        sha256: removed?.sha256 ?? null,
      },
    });
  });
}

/** One evidence file with its bytes, only if it belongs to that check; null otherwise. */
export async function readEvidence(
  db: DatabaseOrTransaction,
  checkId: string,
  evidenceId: string,
): Promise<(EvidenceFile & { content: Buffer }) | null> {
  const [row] = await db
    .select({
      id: controlCheckEvidence.id,
      fileName: controlCheckEvidence.fileName,
      mediaType: controlCheckEvidence.mediaType,
      sizeBytes: controlCheckEvidence.sizeBytes,
      content: controlCheckEvidence.content,
    })
    .from(controlCheckEvidence)
    .innerJoin(controlCheckFollowUps, eq(controlCheckFollowUps.id, controlCheckEvidence.followUpId))
    .innerJoin(controlCheckActions, eq(controlCheckActions.id, controlCheckFollowUps.actionId))
    .where(and(eq(controlCheckEvidence.id, evidenceId), eq(controlCheckActions.checkId, checkId)));
  return row ?? null;
}
