import { timingSafeEqual } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { type AuditActor, type RequestOrigin, recordAudit } from '../../../platform/auth/audit-log.ts';
import { staff } from '../../../platform/auth/auth-schema.ts';
import type { StaffRole } from '../../../platform/auth/principal.ts';
import { loadWorkingCalendar } from '../../../platform/calendar/calendar-service.ts';
import type { WorkingCalendar } from '../../../platform/calendar/working-days.ts';
import {
  type Database,
  type DatabaseOrTransaction,
  type Transaction,
  withTransaction,
} from '../../../platform/db/database.ts';
import { DomainError, type FieldProblem } from '../../../platform/http/errors.ts';
import type { Jobs } from '../../../platform/jobs/jobs.ts';
import { units } from '../../../platform/reference/reference-schema.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { getServiceVersion } from '../../catalogue/index.ts';
import { computeDeadline, type DeadlineStatus, deadlineStatus } from './case-deadline.ts';
import { caseText } from './case-messages.ts';
import { type CaseNotice, queueCaseNotices } from './case-notices.ts';
import { newLookupCode, nextCaseNumber, normaliseCaseNumber, normaliseLookupCode } from './case-number.ts';
import {
  currentServiceForCase,
  isKnownDistrict,
  routeCase,
  type ServiceForCase,
} from './case-reference-cache.ts';
import {
  type CaseActorRole,
  type CaseEvent,
  type CaseGuard,
  type CaseState,
  eventLabels,
  findTransition,
  finishedStates,
  stateLabels,
  type Transition,
  type TransitionInput,
  workflow,
} from './case-workflow.ts';
import {
  type ApplicantType,
  applicantTypes,
  type CaseChannel,
  caseChannels,
  caseExtensions,
  cases,
  caseTimeline,
  type StoredPause,
} from './cases-schema.ts';

/** Who acts on a case: a signed-in staff member, the applicant (number + lookup code), or the platform. */
export type CaseActor =
  | {
      kind: 'staff';
      id: string;
      displayName: string;
      email: string;
      role: StaffRole;
      unitCode: string | null;
    }
  | { kind: 'applicant' }
  | { kind: 'system' };

export function actorRole(actor: CaseActor): CaseActorRole | null {
  if (actor.kind === 'staff') return actor.role;
  if (actor.kind === 'applicant') return 'applicant';
  return null;
}

function actorLabel(actor: CaseActor): string {
  if (actor.kind === 'staff') return actor.displayName;
  return actor.kind;
}

function auditActorOf(actor: CaseActor): AuditActor {
  return actor.kind === 'staff'
    ? { staffId: actor.id, label: actor.email }
    : { staffId: null, label: actor.kind };
}

export interface CasesContext {
  db: Database;
  now: Date;
  lang: Lang;
  calendarRegion: string;
  reopenDays: number;
  /** The public address, for tracking links in notices. */
  publicBaseUrl: string;
  /** Notices go out as jobs written in the case's own transaction. */
  jobs: Jobs;
  origin?: RequestOrigin;
}

export type CaseRow = typeof cases.$inferSelect;

// ---------------------------------------------------------------------------------------------------------
// Opening a case

export interface OpenCaseInput {
  serviceCode: string;
  channel: string;
  applicantType: string;
  applicantName: string;
  applicantCompany?: string | undefined;
  applicantPhone?: string | undefined;
  applicantEmail?: string | undefined;
  applicantAddress?: string | undefined;
  applicantLang: string;
  consent: boolean;
  subject?: string | undefined;
  description: string;
  formData?: Record<string, string> | undefined;
  checklistReceived?: readonly string[] | undefined;
  districtCode?: string | undefined;
  address?: string | undefined;
  latitude?: number | undefined;
  longitude?: number | undefined;
}

const phonePattern = /^0\d{8,9}$/;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Digits only, full-width accepted; '' when nothing was entered. */
export function normalisePhone(input: string | undefined): string {
  return (input ?? '').normalize('NFKC').replace(/[\s()+-]/g, '');
}

function blank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}

/** Every problem of an intake at once (一次告知). Pure apart from the service and district it is given. */
export function validateOpenCase(
  input: OpenCaseInput,
  service: ServiceForCase | null,
  districtKnown: boolean,
  lang: Lang,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, code: string, message: string) => problems.push({ field, code, message });
  if (service === null) add('serviceCode', 'unknown', caseText(lang, 'serviceUnknown'));
  if (!(caseChannels as readonly string[]).includes(input.channel))
    add('channel', 'unknown', caseText(lang, 'channelUnknown'));
  if (!(applicantTypes as readonly string[]).includes(input.applicantType))
    add('applicantType', 'unknown', caseText(lang, 'applicantTypeUnknown'));
  if (blank(input.applicantName)) add('applicantName', 'required', caseText(lang, 'applicantNameRequired'));
  else if (input.applicantName.trim().length > 100)
    add('applicantName', 'too_long', caseText(lang, 'applicantNameTooLong'));
  if (input.applicantType === 'company' && blank(input.applicantCompany))
    add('applicantCompany', 'required', caseText(lang, 'companyRequired'));
  const phone = normalisePhone(input.applicantPhone);
  const email = (input.applicantEmail ?? '').trim();
  if (phone === '' && email === '') add('applicantPhone', 'required', caseText(lang, 'contactRequired'));
  if (phone !== '' && !phonePattern.test(phone))
    add('applicantPhone', 'invalid', caseText(lang, 'phoneInvalid'));
  if (email !== '' && (!emailPattern.test(email) || email.length > 254))
    add('applicantEmail', 'invalid', caseText(lang, 'emailInvalid'));
  if (input.applicantLang !== 'zh-TW' && input.applicantLang !== 'en')
    add('applicantLang', 'unknown', caseText(lang, 'langUnknown'));
  if (input.consent !== true) add('consent', 'required', caseText(lang, 'consentRequired'));
  if (blank(input.description)) add('description', 'required', caseText(lang, 'descriptionRequired'));
  else if (input.description.length > 4000)
    add('description', 'too_long', caseText(lang, 'descriptionTooLong'));
  if ((input.subject ?? '').length > 200) add('subject', 'too_long', caseText(lang, 'subjectTooLong'));
  if (!blank(input.districtCode) && !districtKnown)
    add('districtCode', 'unknown', caseText(lang, 'districtUnknown'));
  if (service !== null) {
    const formData = input.formData ?? {};
    const fields = new Map(service.formFields.map((field) => [field.id, field]));
    for (const id of Object.keys(formData)) {
      if (!fields.has(id)) add(`formData.${id}`, 'unknown', caseText(lang, 'fieldUnknown', { field: id }));
    }
    for (const field of service.formFields) {
      // Files come as attachments and locations as district/address/coordinates, not in formData.
      if (field.type === 'file') continue;
      if (field.type === 'location') {
        const hasPlace =
          !blank(input.address) ||
          !blank(input.districtCode) ||
          (input.latitude !== undefined && input.longitude !== undefined);
        if (field.isRequired && !hasPlace) {
          const label = lang === 'en' ? field.labelEn : field.labelZh;
          add('address', 'required', caseText(lang, 'fieldRequired', { label }));
        }
        continue;
      }
      const label = lang === 'en' ? field.labelEn : field.labelZh;
      const value = (formData[field.id] ?? '').trim();
      const key = `formData.${field.id}`;
      if (value === '') {
        if (field.isRequired) add(key, 'required', caseText(lang, 'fieldRequired', { label }));
        continue;
      }
      if (field.type === 'number' && !Number.isFinite(Number(value.replace(/,/g, ''))))
        add(key, 'not_number', caseText(lang, 'fieldNotNumber', { label }));
      if (field.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value))
        add(key, 'not_date', caseText(lang, 'fieldNotDate', { label }));
      if (field.type === 'choice' && !field.options.some((option) => option.value === value))
        add(key, 'not_choice', caseText(lang, 'fieldNotChoice', { label }));
    }
    const checklistIds = new Set(service.checklist.map((item) => item.id));
    for (const item of input.checklistReceived ?? []) {
      if (!checklistIds.has(item))
        add('checklistReceived', 'unknown', caseText(lang, 'checklistUnknown', { item }));
    }
  }
  return problems;
}

let calendarCache: { region: string; at: number; calendar: WorkingCalendar } | null = null;

/** The working calendar with overrides; re-read at most every 10 seconds (a typhoon day applies at once). */
async function calendarFor(db: DatabaseOrTransaction, region: string): Promise<WorkingCalendar> {
  const now = Date.now();
  if (calendarCache !== null && calendarCache.region === region && now - calendarCache.at < 10_000)
    return calendarCache.calendar;
  const calendar = await loadWorkingCalendar(db, { region });
  calendarCache = { region, at: now, calendar };
  return calendar;
}

/** Forget the cached calendar (after an override is written, and in tests). */
export function forgetCalendarCache(): void {
  calendarCache = null;
}

export interface OpenCaseOptions {
  /** Problems the caller found itself (a refused upload, a field of its own form): listed with the case's. */
  knownProblems?: readonly FieldProblem[];
  /** Runs in the case's transaction once the case is written (e.g. storing its attachments): all or nothing. */
  inTransaction?: (tx: Transaction, row: CaseRow) => Promise<void>;
}

/**
 * Form fields that ask again for what the applicant block already says (the catalogue's shared
 * 'applicant-name' and 'contact-phone' fields) are filled from it, so nobody types them twice.
 */
export function withApplicantAnswers(input: OpenCaseInput, fieldIds: ReadonlySet<string>): OpenCaseInput {
  const name = input.applicantType === 'company' ? input.applicantCompany : input.applicantName;
  const defaults: Record<string, string> = {};
  if (!blank(name) && fieldIds.has('applicant-name')) defaults['applicant-name'] = (name ?? '').trim();
  if (!blank(input.applicantPhone) && fieldIds.has('contact-phone'))
    defaults['contact-phone'] = (input.applicantPhone ?? '').trim();
  const given = Object.fromEntries(Object.entries(input.formData ?? {}).filter(([, value]) => !blank(value)));
  return { ...input, formData: { ...defaults, ...given } };
}

export async function openCase(
  context: CasesContext,
  rawInput: OpenCaseInput,
  actor: CaseActor,
  options: OpenCaseOptions = {},
): Promise<CaseRow> {
  const { db, now, lang } = context;
  const service = await currentServiceForCase(db, rawInput.serviceCode);
  const input = withApplicantAnswers(rawInput, new Set(service?.formFields.map((field) => field.id) ?? []));
  const districtCode = blank(input.districtCode) ? null : (input.districtCode?.trim() ?? null);
  const districtKnown = districtCode === null ? true : await isKnownDistrict(db, districtCode);
  const problems = [
    ...(options.knownProblems ?? []),
    ...validateOpenCase(input, service, districtKnown, lang),
  ];
  if (problems.length > 0 || service === null) {
    throw new DomainError('VALIDATION_FAILED', caseText(lang, 'invalidCase'), { problems });
  }
  const calendar = await calendarFor(db, context.calendarRegion);
  const deadline = computeDeadline(calendar, {
    receivedAt: now,
    deadlineRule: service.deadline,
    pauses: [],
    extensionAmount: 0,
  });
  const checklistReceived = [
    ...new Set([
      ...(input.checklistReceived ?? []),
      ...service.checklist.filter((item) => item.isElectronicallyVerifiable).map((item) => item.id),
    ]),
  ];
  // The number is taken in its own statement, before the case's transaction: the day's counter row is
  // locked only for that upsert, not until the whole intake commits (inside the transaction every
  // concurrent intake queued on that one row — the bench measured 7.5 of 10 pool connections waiting on
  // it). The price: an intake that fails after this line leaves a gap in the day's sequence.
  const unitCode = await routeCase(db, service, districtCode);
  const caseNumber = await nextCaseNumber(db, now);
  return withTransaction(db, async (tx) => {
    const phone = normalisePhone(input.applicantPhone);
    const email = (input.applicantEmail ?? '').trim();
    const [row] = await tx
      .insert(cases)
      .values({
        caseNumber,
        lookupCode: newLookupCode(),
        kind: service.kind,
        channel: input.channel as CaseChannel,
        serviceCode: service.code,
        serviceVersion: service.version,
        unitCode,
        state: 'received',
        applicantType: input.applicantType as ApplicantType,
        applicantName: input.applicantName.trim(),
        applicantCompany: blank(input.applicantCompany) ? null : (input.applicantCompany?.trim() ?? null),
        applicantPhone: phone === '' ? null : phone,
        applicantEmail: email === '' ? null : email,
        applicantAddress: blank(input.applicantAddress) ? null : (input.applicantAddress?.trim() ?? null),
        applicantLang: input.applicantLang,
        consentAt: now,
        subject: blank(input.subject) ? service.nameZh : (input.subject?.trim() ?? service.nameZh),
        description: input.description.trim(),
        formData: input.formData ?? {},
        checklistReceived,
        districtCode,
        address: blank(input.address) ? null : (input.address?.trim() ?? null),
        latitude: input.latitude ?? null,
        longitude: input.longitude ?? null,
        receivedAt: now,
        deadlineRule: service.deadline,
        dueAt: deadline.dueAt,
        atRiskAt: deadline.atRiskAt,
        expectedCompletionDate: deadline.expectedCompletionDate,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (row === undefined) throw new Error('insert into cases returned no row');
    await tx.insert(caseTimeline).values({
      caseId: row.id,
      occurredAt: now,
      kind: 'created',
      toState: 'received',
      actorStaffId: actor.kind === 'staff' ? actor.id : null,
      actorLabel: actorLabel(actor),
      data: { channel: row.channel, unitCode, serviceVersion: service.version },
    });
    if (options.inTransaction !== undefined) await options.inTransaction(tx, row);
    await queueCaseNotices(tx, context, row, [{ topic: 'case.received' }]);
    return row;
  });
}

// ---------------------------------------------------------------------------------------------------------
// Moving a case through the workflow

export interface TransitionInputValues {
  publicNote?: string | undefined;
  internalNote?: string | undefined;
  resolution?: string | undefined;
  reason?: string | undefined;
  targetUnit?: string | undefined;
  targetAgency?: string | undefined;
  targetCase?: string | undefined;
}

export interface TransitionRequest {
  caseId: string;
  /** The version the actor saw; a different current version means someone else acted first. */
  expectedVersion: number;
  event: CaseEvent;
  input: TransitionInputValues;
}

const inputField: Record<TransitionInput, keyof TransitionInputValues> = {
  public_note: 'publicNote',
  resolution: 'resolution',
  reason: 'reason',
  target_unit: 'targetUnit',
  target_agency: 'targetAgency',
  target_case: 'targetCase',
};

function stateName(state: CaseState, lang: Lang): string {
  return lang === 'en' ? stateLabels[state].en : stateLabels[state].zh;
}

function eventName(event: CaseEvent, lang: Lang): string {
  return lang === 'en' ? eventLabels[event].en : eventLabels[event].zh;
}

/** The guards that fail for this actor on this case, as problems in the user's language. */
export function failedGuards(
  guards: readonly CaseGuard[],
  row: Pick<CaseRow, 'unitCode' | 'handlerId' | 'closedAt'>,
  actor: CaseActor,
  context: Pick<CasesContext, 'now' | 'reopenDays' | 'lang'>,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const isUnitRole = actor.kind === 'staff' && (actor.role === 'supervisor' || actor.role === 'handler');
  for (const guard of guards) {
    if (guard === 'own_unit' && isUnitRole && actor.unitCode !== row.unitCode) {
      problems.push({ field: '', code: guard, message: caseText(context.lang, 'guardOwnUnit') });
    }
    if (
      guard === 'assigned_or_unassigned' &&
      actor.kind === 'staff' &&
      actor.role === 'handler' &&
      row.handlerId !== null &&
      row.handlerId !== actor.id
    ) {
      problems.push({ field: '', code: guard, message: caseText(context.lang, 'guardAssigned') });
    }
    if (guard === 'within_reopen_window' && actor.kind === 'applicant') {
      const closedAt = row.closedAt?.getTime() ?? 0;
      if (context.now.getTime() - closedAt > context.reopenDays * 86_400_000) {
        problems.push({
          field: '',
          code: guard,
          message: caseText(context.lang, 'guardReopenWindow', { days: context.reopenDays }),
        });
      }
    }
  }
  return problems;
}

/** The transitions this actor may take on this case now (state, role and guards): the page's buttons. */
export function availableTransitions(
  row: Pick<CaseRow, 'state' | 'unitCode' | 'handlerId' | 'closedAt'>,
  actor: CaseActor,
  context: Pick<CasesContext, 'now' | 'reopenDays' | 'lang'>,
): Transition[] {
  const role = actorRole(actor);
  if (role === null) return [];
  return workflow[row.state as CaseState].filter(
    (transition) =>
      transition.roles.includes(role) && failedGuards(transition.guards, row, actor, context).length === 0,
  );
}

async function lastChange(db: DatabaseOrTransaction, caseId: string) {
  const [event] = await db
    .select({ actorLabel: caseTimeline.actorLabel, occurredAt: caseTimeline.occurredAt })
    .from(caseTimeline)
    .where(eq(caseTimeline.caseId, caseId))
    .orderBy(desc(caseTimeline.id))
    .limit(1);
  return event;
}

function formatTaipeiTime(date: Date): string {
  return new Intl.DateTimeFormat('zh-TW', {
    timeZone: 'Asia/Taipei',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

async function staleVersionError(db: DatabaseOrTransaction, row: CaseRow, lang: Lang): Promise<DomainError> {
  const change = await lastChange(db, row.id);
  return new DomainError(
    'CONFLICT',
    caseText(lang, 'staleVersion', {
      actor: change?.actorLabel ?? '—',
      time: change === undefined ? '—' : formatTaipeiTime(change.occurredAt),
      state: stateName(row.state as CaseState, lang),
    }),
  );
}

async function lockCase(db: DatabaseOrTransaction, caseId: string, lang: Lang): Promise<CaseRow> {
  const [row] = await db.select().from(cases).where(eq(cases.id, caseId)).for('update');
  if (row === undefined) throw new DomainError('NOT_FOUND', caseText(lang, 'caseNotFound'));
  return row;
}

function checkVersion(row: CaseRow, expectedVersion: number): boolean {
  return row.version === expectedVersion;
}

export async function transitionCase(
  context: CasesContext,
  request: TransitionRequest,
  actor: CaseActor,
): Promise<CaseRow> {
  const { db, now, lang } = context;
  return withTransaction(db, async (tx) => {
    const row = await lockCase(tx, request.caseId, lang);
    if (!checkVersion(row, request.expectedVersion)) throw await staleVersionError(tx, row, lang);
    const state = row.state as CaseState;
    const transition = findTransition(state, request.event);
    if (transition === undefined) {
      throw new DomainError(
        'INVALID_TRANSITION',
        caseText(lang, 'invalidTransition', {
          state: stateName(state, lang),
          event: eventName(request.event, lang),
        }),
      );
    }
    const role = actorRole(actor);
    if (role === null || !transition.roles.includes(role)) {
      throw new DomainError(
        'FORBIDDEN',
        caseText(lang, 'roleNotAllowed', { event: eventName(request.event, lang) }),
      );
    }
    const guardProblems = failedGuards(transition.guards, row, actor, context);
    if (guardProblems.length > 0) {
      throw new DomainError('FORBIDDEN', guardProblems.map((problem) => problem.message).join(' '), {
        problems: guardProblems,
      });
    }
    const problems: FieldProblem[] = [];
    for (const required of transition.requires) {
      const field = inputField[required];
      if (blank(request.input[field])) {
        problems.push({
          field,
          code: 'required',
          message: caseText(lang, `inputRequired_${required}`),
        });
      }
    }
    const changes: Partial<typeof cases.$inferInsert> = {};
    const data: Record<string, unknown> = {};
    const notices: CaseNotice[] = [];
    const reason = request.input.reason?.trim();
    let mergeTarget: CaseRow | undefined;

    switch (request.event) {
      case 'accept':
        if (row.handlerId === null && actor.kind === 'staff' && actor.role === 'handler')
          changes.handlerId = actor.id;
        break;
      case 'start':
        if (row.handlerId === null && actor.kind === 'staff' && actor.role === 'handler')
          changes.handlerId = actor.id;
        break;
      case 'request_supplement':
        changes.pauses = [...row.pauses, { from: now.toISOString(), to: null }];
        notices.push({ topic: 'case.supplement_requested', detail: reason ?? '' });
        break;
      case 'supplement_received':
        changes.pauses = closeOpenPause(row.pauses, now);
        break;
      case 'resolve':
        changes.resolution = request.input.resolution?.trim() ?? null;
        changes.resolvedAt = now;
        // The time between the answer and a reopening does not count against the unit.
        changes.pauses = [...row.pauses, { from: now.toISOString(), to: null }];
        break;
      case 'close':
        changes.closedAt = now;
        notices.push({ topic: 'case.closed', detail: row.resolution ?? '' });
        break;
      case 'reopen':
        changes.closedAt = null;
        changes.resolvedAt = null;
        changes.resolution = null;
        changes.pauses = closeOpenPause(row.pauses, now);
        break;
      case 'transfer': {
        const target = request.input.targetUnit?.trim() ?? '';
        if (target !== '') {
          const [unit] = await tx
            .select({ code: units.code, isActive: units.isActive })
            .from(units)
            .where(eq(units.code, target));
          if (unit === undefined || !unit.isActive)
            problems.push({
              field: 'targetUnit',
              code: 'unknown',
              message: caseText(lang, 'targetUnitUnknown'),
            });
          else if (target === row.unitCode)
            problems.push({ field: 'targetUnit', code: 'same', message: caseText(lang, 'targetUnitSame') });
        }
        changes.unitCode = target;
        changes.handlerId = null;
        data.fromUnit = row.unitCode;
        data.toUnit = target;
        notices.push({ topic: 'case.transferred' });
        break;
      }
      case 'forward':
        changes.forwardedTo = request.input.targetAgency?.trim() ?? null;
        changes.closedAt = now;
        data.agency = changes.forwardedTo;
        notices.push({ topic: 'case.forwarded', detail: request.input.publicNote?.trim() ?? '' });
        break;
      case 'reject':
        changes.closedAt = now;
        changes.pauses = closeOpenPause(row.pauses, now);
        notices.push({ topic: 'case.closed', detail: reason ?? '' });
        break;
      case 'withdraw':
        changes.closedAt = now;
        changes.pauses = closeOpenPause(row.pauses, now);
        break;
      case 'merge': {
        const number = normaliseCaseNumber(request.input.targetCase ?? '');
        if (number !== '') {
          [mergeTarget] = await tx.select().from(cases).where(eq(cases.caseNumber, number));
          if (mergeTarget === undefined)
            problems.push({
              field: 'targetCase',
              code: 'unknown',
              message: caseText(lang, 'targetCaseUnknown'),
            });
          else if (mergeTarget.id === row.id)
            problems.push({ field: 'targetCase', code: 'self', message: caseText(lang, 'targetCaseSelf') });
          else if (finishedStates.has(mergeTarget.state as CaseState))
            problems.push({
              field: 'targetCase',
              code: 'finished',
              message: caseText(lang, 'targetCaseFinished'),
            });
        }
        changes.mergedIntoId = mergeTarget?.id ?? null;
        changes.closedAt = now;
        data.mergedInto = mergeTarget?.caseNumber;
        break;
      }
    }
    if (problems.length > 0) {
      throw new DomainError('VALIDATION_FAILED', caseText(lang, 'invalidCase'), { problems });
    }

    const to = transition.to;
    const pauses = changes.pauses ?? row.pauses;
    const finished = finishedStates.has(to);
    const deadline = finished
      ? { dueAt: null, atRiskAt: null, expectedCompletionDate: null }
      : computeDeadline(await calendarFor(tx, context.calendarRegion), {
          receivedAt: row.receivedAt,
          deadlineRule: row.deadlineRule,
          pauses,
          extensionAmount: row.extensionAmount,
        });
    const [updated] = await tx
      .update(cases)
      .set({
        ...changes,
        state: to,
        dueAt: deadline.dueAt,
        atRiskAt: deadline.atRiskAt,
        expectedCompletionDate: deadline.expectedCompletionDate ?? row.expectedCompletionDate,
        version: row.version + 1,
        updatedAt: now,
      })
      .where(and(eq(cases.id, row.id), eq(cases.version, row.version)))
      .returning();
    if (updated === undefined) throw await staleVersionError(tx, row, lang);
    const publicNote =
      request.event === 'resolve' ? null : request.input.publicNote?.trim() || (reason ?? null) || null;
    await tx.insert(caseTimeline).values({
      caseId: row.id,
      occurredAt: now,
      kind: request.event,
      fromState: state,
      toState: to,
      actorStaffId: actor.kind === 'staff' ? actor.id : null,
      actorLabel: actorLabel(actor),
      publicNote,
      internalNote: request.input.internalNote?.trim() || null,
      data,
    });
    if (mergeTarget !== undefined) {
      await tx.insert(caseTimeline).values({
        caseId: mergeTarget.id,
        occurredAt: now,
        kind: 'note',
        actorStaffId: actor.kind === 'staff' ? actor.id : null,
        actorLabel: actorLabel(actor),
        internalNote: `併案：${row.caseNumber}`,
        data: { mergedFrom: row.caseNumber },
      });
    }
    await queueCaseNotices(tx, context, updated, notices);
    return updated;
  });
}

function closeOpenPause(pauses: readonly StoredPause[], now: Date): StoredPause[] {
  return pauses.map((pause) => (pause.to === null ? { from: pause.from, to: now.toISOString() } : pause));
}

// ---------------------------------------------------------------------------------------------------------
// Assignment and extensions

export async function assignCases(
  context: CasesContext,
  options: { caseIds: readonly string[]; handlerId: string },
  actor: CaseActor & { kind: 'staff' },
): Promise<number> {
  const { db, now, lang } = context;
  if (options.caseIds.length === 0)
    throw new DomainError('VALIDATION_FAILED', caseText(lang, 'assignNothing'), {
      problems: [{ field: 'caseIds', code: 'required', message: caseText(lang, 'assignNothing') }],
    });
  return withTransaction(db, async (tx) => {
    const [handler] = await tx
      .select({ id: staff.id, displayName: staff.displayName, unitCode: staff.unitCode })
      .from(staff)
      .where(
        and(
          eq(staff.id, options.handlerId),
          eq(staff.isActive, true),
          inArray(staff.role, ['handler', 'supervisor']),
        ),
      );
    const problems: FieldProblem[] = [];
    if (handler === undefined || handler.unitCode !== actor.unitCode)
      problems.push({ field: 'handlerId', code: 'unknown', message: caseText(lang, 'assignHandlerUnknown') });
    const rows = await tx
      .select()
      .from(cases)
      .where(inArray(cases.id, [...options.caseIds]))
      .for('update');
    for (const row of rows) {
      if (finishedStates.has(row.state as CaseState))
        problems.push({
          field: 'caseIds',
          code: 'finished',
          message: caseText(lang, 'assignCaseNotOpen', { caseNumber: row.caseNumber }),
        });
      if (row.unitCode !== actor.unitCode)
        problems.push({
          field: 'caseIds',
          code: 'other_unit',
          message: caseText(lang, 'assignCaseOtherUnit', { caseNumber: row.caseNumber }),
        });
    }
    if (rows.length !== new Set(options.caseIds).size)
      problems.push({ field: 'caseIds', code: 'unknown', message: caseText(lang, 'caseNotFound') });
    if (problems.length > 0 || handler === undefined)
      throw new DomainError('VALIDATION_FAILED', caseText(lang, 'invalidCase'), { problems });
    for (const row of rows) {
      await tx
        .update(cases)
        .set({ handlerId: handler.id, version: row.version + 1, updatedAt: now })
        .where(eq(cases.id, row.id));
      await tx.insert(caseTimeline).values({
        caseId: row.id,
        occurredAt: now,
        kind: 'assigned',
        actorStaffId: actor.id,
        actorLabel: actor.displayName,
        data: { handlerId: handler.id, handlerName: handler.displayName, previousHandlerId: row.handlerId },
      });
    }
    return rows.length;
  });
}

export async function requestExtension(
  context: CasesContext,
  options: { caseId: string; expectedVersion: number; amount: number; reason: string },
  actor: CaseActor & { kind: 'staff' },
): Promise<{ extensionId: string; approved: boolean }> {
  const { db, now, lang } = context;
  return withTransaction(db, async (tx) => {
    const row = await lockCase(tx, options.caseId, lang);
    if (!checkVersion(row, options.expectedVersion)) throw await staleVersionError(tx, row, lang);
    if (!['handler', 'supervisor'].includes(actor.role))
      throw new DomainError(
        'FORBIDDEN',
        caseText(lang, 'roleNotAllowed', { event: lang === 'en' ? 'extend' : '展延' }),
      );
    const guardProblems = failedGuards(['own_unit', 'assigned_or_unassigned'], row, actor, context);
    if (guardProblems.length > 0)
      throw new DomainError('FORBIDDEN', guardProblems.map((problem) => problem.message).join(' '), {
        problems: guardProblems,
      });
    const problems: FieldProblem[] = [];
    if (finishedStates.has(row.state as CaseState) || row.state === 'resolved')
      problems.push({ field: '', code: 'finished', message: caseText(lang, 'extensionNotOpen') });
    if (!Number.isInteger(options.amount) || options.amount < 1 || options.amount > 60)
      problems.push({ field: 'amount', code: 'invalid', message: caseText(lang, 'extensionAmountInvalid') });
    if (blank(options.reason))
      problems.push({
        field: 'reason',
        code: 'required',
        message: caseText(lang, 'extensionReasonRequired'),
      });
    const [pending] = await tx
      .select({ id: caseExtensions.id })
      .from(caseExtensions)
      .where(and(eq(caseExtensions.caseId, row.id), eq(caseExtensions.state, 'pending')));
    if (pending !== undefined)
      problems.push({ field: '', code: 'pending', message: caseText(lang, 'extensionPending') });
    if (problems.length > 0)
      throw new DomainError('VALIDATION_FAILED', caseText(lang, 'invalidCase'), { problems });
    const [extension] = await tx
      .insert(caseExtensions)
      .values({
        caseId: row.id,
        amount: options.amount,
        reason: options.reason.trim(),
        requestedBy: actor.id,
        requestedAt: now,
      })
      .returning({ id: caseExtensions.id });
    if (extension === undefined) throw new Error('insert into case_extensions returned no row');
    await tx
      .update(cases)
      .set({ version: row.version + 1, updatedAt: now })
      .where(eq(cases.id, row.id));
    await tx.insert(caseTimeline).values({
      caseId: row.id,
      occurredAt: now,
      kind: 'extension_requested',
      actorStaffId: actor.id,
      actorLabel: actor.displayName,
      internalNote: options.reason.trim(),
      data: { extensionId: extension.id, amount: options.amount },
    });
    // A supervisor's own request needs no second person: it is decided at once, in the same transaction.
    if (actor.role === 'supervisor') {
      await decideExtensionIn(
        tx,
        context,
        {
          caseId: row.id,
          extensionId: extension.id,
          approve: true,
          note: '',
          expectedVersion: row.version + 1,
        },
        actor,
      );
      return { extensionId: extension.id, approved: true };
    }
    return { extensionId: extension.id, approved: false };
  });
}

export interface ExtensionDecision {
  caseId: string;
  extensionId: string;
  approve: boolean;
  note: string;
  expectedVersion: number;
}

export async function decideExtension(
  context: CasesContext,
  options: ExtensionDecision,
  actor: CaseActor & { kind: 'staff' },
): Promise<CaseRow> {
  return withTransaction(context.db, (tx) => decideExtensionIn(tx, context, options, actor));
}

async function decideExtensionIn(
  tx: Transaction,
  context: CasesContext,
  options: ExtensionDecision,
  actor: CaseActor & { kind: 'staff' },
): Promise<CaseRow> {
  const { now, lang } = context;
  const row = await lockCase(tx, options.caseId, lang);
  if (!checkVersion(row, options.expectedVersion)) throw await staleVersionError(tx, row, lang);
  if (actor.role !== 'supervisor')
    throw new DomainError(
      'FORBIDDEN',
      caseText(lang, 'roleNotAllowed', { event: lang === 'en' ? 'approve an extension' : '核定展延' }),
    );
  const guardProblems = failedGuards(['own_unit'], row, actor, context);
  if (guardProblems.length > 0)
    throw new DomainError('FORBIDDEN', guardProblems.map((problem) => problem.message).join(' '), {
      problems: guardProblems,
    });
  const [extension] = await tx
    .select()
    .from(caseExtensions)
    .where(and(eq(caseExtensions.id, options.extensionId), eq(caseExtensions.caseId, row.id)))
    .for('update');
  if (extension === undefined) throw new DomainError('NOT_FOUND', caseText(lang, 'extensionNotFound'));
  if (extension.state !== 'pending') throw new DomainError('CONFLICT', caseText(lang, 'extensionNotPending'));
  if (finishedStates.has(row.state as CaseState))
    throw new DomainError('INVALID_TRANSITION', caseText(lang, 'extensionNotOpen'));
  await tx
    .update(caseExtensions)
    .set({
      state: options.approve ? 'approved' : 'refused',
      decidedBy: actor.id,
      decidedAt: now,
      decisionNote: options.note.trim() || null,
    })
    .where(eq(caseExtensions.id, extension.id));
  const extensionAmount = row.extensionAmount + (options.approve ? extension.amount : 0);
  const deadline = options.approve
    ? computeDeadline(await calendarFor(tx, context.calendarRegion), {
        receivedAt: row.receivedAt,
        deadlineRule: row.deadlineRule,
        pauses: row.pauses,
        extensionAmount,
      })
    : { dueAt: row.dueAt, atRiskAt: row.atRiskAt, expectedCompletionDate: row.expectedCompletionDate };
  const [updated] = await tx
    .update(cases)
    .set({
      extensionAmount,
      dueAt: deadline.dueAt,
      atRiskAt: deadline.atRiskAt,
      expectedCompletionDate: deadline.expectedCompletionDate ?? row.expectedCompletionDate,
      version: row.version + 1,
      updatedAt: now,
    })
    .where(eq(cases.id, row.id))
    .returning();
  if (updated === undefined) throw new Error('update of cases returned no row');
  await tx.insert(caseTimeline).values({
    caseId: row.id,
    occurredAt: now,
    kind: options.approve ? 'extension_approved' : 'extension_refused',
    actorStaffId: actor.id,
    actorLabel: actor.displayName,
    // The applicant is told the new date and the reason (the reason is the handler's, approved).
    publicNote: options.approve ? extension.reason : null,
    internalNote: options.note.trim() || null,
    data: {
      extensionId: extension.id,
      amount: extension.amount,
      expectedCompletionDate: updated.expectedCompletionDate,
    },
  });
  if (options.approve)
    await queueCaseNotices(tx, context, updated, [{ topic: 'case.extended', detail: extension.reason }]);
  return updated;
}

// ---------------------------------------------------------------------------------------------------------
// Reading cases

export interface CaseDetail {
  row: CaseRow;
  serviceNameZh: string;
  serviceNameEn: string;
  unit: { code: string; nameZh: string; nameEn: string; phone: string };
  handler: { id: string; displayName: string } | null;
  timeline: (typeof caseTimeline.$inferSelect)[];
  extensions: (typeof caseExtensions.$inferSelect)[];
  status: DeadlineStatus;
}

export async function getCaseDetail(
  db: DatabaseOrTransaction,
  caseId: string,
  now: Date,
): Promise<CaseDetail | null> {
  const [found] = await db
    .select({
      row: cases,
      unitNameZh: units.nameZh,
      unitNameEn: units.nameEn,
      unitPhone: units.phone,
      handlerName: staff.displayName,
    })
    .from(cases)
    .innerJoin(units, eq(units.code, cases.unitCode))
    .leftJoin(staff, eq(staff.id, cases.handlerId))
    .where(eq(cases.id, caseId));
  if (found === undefined) return null;
  const service = await getServiceVersion(db, found.row.serviceCode, found.row.serviceVersion);
  // One after the other: `db` may be a transaction, whose one connection runs one query at a time.
  const timeline = await db
    .select()
    .from(caseTimeline)
    .where(eq(caseTimeline.caseId, caseId))
    .orderBy(asc(caseTimeline.id));
  const extensions = await db
    .select()
    .from(caseExtensions)
    .where(eq(caseExtensions.caseId, caseId))
    .orderBy(asc(caseExtensions.requestedAt));
  const row = found.row;
  return {
    row,
    serviceNameZh: service?.nameZh ?? found.row.serviceCode,
    serviceNameEn: service?.nameEn ?? found.row.serviceCode,
    unit: { code: row.unitCode, nameZh: found.unitNameZh, nameEn: found.unitNameEn, phone: found.unitPhone },
    handler: row.handlerId === null ? null : { id: row.handlerId, displayName: found.handlerName ?? '' },
    timeline,
    extensions,
    status: deadlineStatus(
      { dueAt: row.dueAt, atRiskAt: row.atRiskAt, isFinished: finishedStates.has(row.state as CaseState) },
      now,
    ),
  };
}

export async function findCaseIdByNumber(
  db: DatabaseOrTransaction,
  caseNumber: string,
): Promise<string | null> {
  const [row] = await db
    .select({ id: cases.id })
    .from(cases)
    .where(eq(cases.caseNumber, normaliseCaseNumber(caseNumber)));
  return row?.id ?? null;
}

/** The applicant's key: case number and lookup code, compared in constant time. Null for any mismatch. */
export async function findCaseForApplicant(
  db: DatabaseOrTransaction,
  caseNumber: string,
  lookupCode: string,
): Promise<string | null> {
  const [row] = await db
    .select({ id: cases.id, lookupCode: cases.lookupCode })
    .from(cases)
    .where(eq(cases.caseNumber, normaliseCaseNumber(caseNumber)));
  const given = Buffer.from(normaliseLookupCode(lookupCode).padEnd(8, '\0').slice(0, 32));
  const expected = Buffer.from((row?.lookupCode ?? 'XXXXXXXX').padEnd(8, '\0').slice(0, 32));
  const same = given.length === expected.length && timingSafeEqual(given, expected);
  return row !== undefined && same ? row.id : null;
}

export const openStateList: readonly CaseState[] = [
  'received',
  'accepted',
  'in_progress',
  'awaiting_supplement',
  'resolved',
];

export interface QueueFilters {
  unitCode?: string | undefined;
  handlerId?: string | undefined;
  state?: CaseState | undefined;
  serviceCode?: string | undefined;
  districtCode?: string | undefined;
  /** 'overdue': past due; 'soon': at risk but not yet overdue; 'unassigned'. */
  due?: 'overdue' | 'soon' | undefined;
  unassigned?: boolean | undefined;
}

export interface QueueItem {
  id: string;
  caseNumber: string;
  state: CaseState;
  subject: string;
  serviceCode: string;
  serviceNameZh: string;
  serviceNameEn: string;
  districtCode: string | null;
  unitCode: string;
  handlerId: string | null;
  handlerName: string | null;
  receivedAt: Date;
  dueAt: Date | null;
  atRiskAt: Date | null;
  expectedCompletionDate: string | null;
  version: number;
  status: DeadlineStatus;
}

export const queuePageSize = 50;

/** A handler's or a unit's open cases, nearest deadline first (paused ones last). */
export async function listQueue(
  /** The pool, not a transaction: the page and its count run side by side. */
  db: Database,
  filters: QueueFilters,
  now: Date,
  page = 1,
): Promise<{ items: QueueItem[]; total: number }> {
  const conditions: SQL[] = [inArray(cases.state, [...openStateList])];
  if (filters.unitCode !== undefined) conditions.push(eq(cases.unitCode, filters.unitCode));
  if (filters.handlerId !== undefined) conditions.push(eq(cases.handlerId, filters.handlerId));
  if (filters.unassigned === true) conditions.push(isNull(cases.handlerId));
  if (filters.state !== undefined) conditions.push(eq(cases.state, filters.state));
  if (filters.serviceCode !== undefined) conditions.push(eq(cases.serviceCode, filters.serviceCode));
  if (filters.districtCode !== undefined) conditions.push(eq(cases.districtCode, filters.districtCode));
  if (filters.due === 'overdue') conditions.push(sql`${cases.dueAt} < ${now}`);
  if (filters.due === 'soon') conditions.push(sql`${cases.atRiskAt} <= ${now} and ${cases.dueAt} >= ${now}`);
  const where = and(...conditions);
  const [rows, [count]] = await Promise.all([
    db
      .select({
        id: cases.id,
        caseNumber: cases.caseNumber,
        state: cases.state,
        subject: cases.subject,
        serviceCode: cases.serviceCode,
        serviceVersion: cases.serviceVersion,
        districtCode: cases.districtCode,
        unitCode: cases.unitCode,
        handlerId: cases.handlerId,
        handlerName: staff.displayName,
        receivedAt: cases.receivedAt,
        dueAt: cases.dueAt,
        atRiskAt: cases.atRiskAt,
        expectedCompletionDate: cases.expectedCompletionDate,
        version: cases.version,
      })
      .from(cases)
      .leftJoin(staff, eq(staff.id, cases.handlerId))
      .where(where)
      .orderBy(sql`${cases.dueAt} asc nulls last`, asc(cases.receivedAt))
      .limit(queuePageSize)
      .offset((Math.max(1, page) - 1) * queuePageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(cases).where(where),
  ]);
  // Names from the catalogue's kept versions (a version never changes): no join per page.
  const names = new Map<string, { nameZh: string; nameEn: string }>();
  for (const row of rows) {
    const key = `${row.serviceCode}@${row.serviceVersion}`;
    if (names.has(key)) continue;
    const version = await getServiceVersion(db, row.serviceCode, row.serviceVersion);
    names.set(key, {
      nameZh: version?.nameZh ?? row.serviceCode,
      nameEn: version?.nameEn ?? row.serviceCode,
    });
  }
  return {
    total: count?.total ?? 0,
    items: rows.map(({ serviceVersion, ...row }) => ({
      ...row,
      serviceNameZh: names.get(`${row.serviceCode}@${serviceVersion}`)?.nameZh ?? row.serviceCode,
      serviceNameEn: names.get(`${row.serviceCode}@${serviceVersion}`)?.nameEn ?? row.serviceCode,
      state: row.state as CaseState,
      status: deadlineStatus({ dueAt: row.dueAt, atRiskAt: row.atRiskAt, isFinished: false }, now),
    })),
  };
}

export interface SupervisionRow {
  unitCode: string;
  /** The unit's total (first row of each unit); otherwise one handler's, or the unassigned cases (handlerId null). */
  isUnitTotal: boolean;
  handlerId: string | null;
  handlerName: string | null;
  open: number;
  atRisk: number;
  overdue: number;
}

/** Open, at-risk and overdue counts per unit and handler (a unit's row has handlerId null and the total). */
export async function supervisionSummary(
  db: DatabaseOrTransaction,
  options: { unitCode?: string | undefined },
  now: Date,
): Promise<SupervisionRow[]> {
  const unitCondition = options.unitCode === undefined ? sql`true` : sql`c.unit_code = ${options.unitCode}`;
  const result = await db.execute<{
    unit_code: string;
    handler_id: string | null;
    handler_name: string | null;
    is_total: boolean;
    open: number;
    at_risk: number;
    overdue: number;
  }>(sql`
    select c.unit_code, c.handler_id, s.display_name as handler_name, grouping(c.handler_id, s.display_name) = 3 as is_total,
           count(*)::int as open,
           count(*) filter (where c.at_risk_at <= ${now} and c.due_at >= ${now})::int as at_risk,
           count(*) filter (where c.due_at < ${now})::int as overdue
    from cases c left join staff s on s.id = c.handler_id
    where c.state in ('received', 'accepted', 'in_progress', 'awaiting_supplement', 'resolved') and ${unitCondition}
    group by grouping sets ((c.unit_code, c.handler_id, s.display_name), (c.unit_code))
    order by c.unit_code, is_total desc, overdue desc, at_risk desc`);
  return result.rows.map((row) => ({
    unitCode: row.unit_code,
    isUnitTotal: row.is_total,
    handlerId: row.is_total ? null : row.handler_id,
    handlerName: row.is_total ? null : (row.handler_name ?? null),
    open: row.open,
    atRisk: row.at_risk,
    overdue: row.overdue,
  }));
}

export interface StaffLookupResult {
  id: string;
  caseNumber: string;
  state: CaseState;
  subject: string;
  applicantName: string;
  applicantPhone: string | null;
  unitCode: string;
  receivedAt: Date;
}

/** Phone enquiries: by case number, applicant phone or exact name. Every look-up is in the audit log. */
export async function staffLookup(
  context: CasesContext,
  query: { caseNumber?: string | undefined; phone?: string | undefined; name?: string | undefined },
  actor: CaseActor & { kind: 'staff' },
): Promise<StaffLookupResult[]> {
  const { db, lang, now } = context;
  const conditions: SQL[] = [];
  if (!blank(query.caseNumber))
    conditions.push(eq(cases.caseNumber, normaliseCaseNumber(query.caseNumber ?? '')));
  if (!blank(query.phone)) conditions.push(eq(cases.applicantPhone, normalisePhone(query.phone)));
  if (!blank(query.name)) conditions.push(eq(cases.applicantName, (query.name ?? '').trim()));
  if (conditions.length === 0)
    throw new DomainError('VALIDATION_FAILED', caseText(lang, 'lookupQueryRequired'), {
      problems: [{ field: 'caseNumber', code: 'required', message: caseText(lang, 'lookupQueryRequired') }],
    });
  const rows = await db
    .select({
      id: cases.id,
      caseNumber: cases.caseNumber,
      state: cases.state,
      subject: cases.subject,
      applicantName: cases.applicantName,
      applicantPhone: cases.applicantPhone,
      unitCode: cases.unitCode,
      receivedAt: cases.receivedAt,
    })
    .from(cases)
    .where(and(...conditions))
    .orderBy(desc(cases.receivedAt))
    .limit(50);
  await recordAudit(db, {
    occurredAt: now,
    actor: auditActorOf(actor),
    action: 'case.lookup',
    ...(context.origin === undefined ? {} : { origin: context.origin }),
    details: {
      // What was asked, without the personal data itself: which keys, and how many cases matched.
      by: Object.entries(query)
        .filter(([, value]) => !blank(value))
        .map(([key]) => key),
      caseNumber: blank(query.caseNumber) ? undefined : normaliseCaseNumber(query.caseNumber ?? ''),
      matched: rows.map((row) => row.caseNumber),
    },
  });
  return rows.map((row) => ({ ...row, state: row.state as CaseState }));
}

/** A staff member opened a case page: recorded (who read whose personal data). */
export async function recordCaseView(
  context: CasesContext,
  row: CaseRow,
  actor: CaseActor & { kind: 'staff' },
) {
  await recordAudit(context.db, {
    occurredAt: context.now,
    actor: auditActorOf(actor),
    action: 'case.view',
    target: { type: 'case', id: row.id },
    ...(context.origin === undefined ? {} : { origin: context.origin }),
    details: { caseNumber: row.caseNumber },
  });
}

/**
 * After the calendar changes (a typhoon day, a late correction): recomputes the deadline of every open case
 * whose clock runs over that day — the stored due dates would otherwise keep the old calendar. In batches,
 * each case under its row lock; the version is not bumped (nobody's view of the case is made stale by it),
 * but the new date is on the timeline when it moved.
 */
export async function recomputeOpenDeadlines(
  db: Database,
  options: { changedDay: string; calendarRegion: string; now: Date },
): Promise<{ checked: number; moved: number }> {
  forgetCalendarCache();
  const calendar = await loadWorkingCalendar(db, { region: options.calendarRegion });
  let checked = 0;
  let moved = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const batch = await db
      .select({ id: cases.id })
      .from(cases)
      .where(
        and(
          inArray(cases.state, [...openStateList]),
          sql`${cases.id} > ${after}`,
          sql`${cases.receivedAt} < (${options.changedDay}::date + 1)::timestamp at time zone 'Asia/Taipei'`,
          sql`coalesce(${cases.expectedCompletionDate}, ${options.changedDay}::date) >= ${options.changedDay}::date`,
        ),
      )
      .orderBy(asc(cases.id))
      .limit(500);
    if (batch.length === 0) break;
    after = batch[batch.length - 1]?.id ?? after;
    await withTransaction(db, async (tx) => {
      const rows = await tx
        .select()
        .from(cases)
        .where(
          inArray(
            cases.id,
            batch.map((row) => row.id),
          ),
        )
        .for('update');
      for (const row of rows) {
        checked += 1;
        if (finishedStates.has(row.state as CaseState)) continue;
        const deadline = computeDeadline(calendar, row);
        const expected = deadline.expectedCompletionDate ?? row.expectedCompletionDate;
        if (deadline.dueAt?.getTime() === row.dueAt?.getTime() && expected === row.expectedCompletionDate)
          continue;
        moved += 1;
        await tx
          .update(cases)
          .set({ dueAt: deadline.dueAt, atRiskAt: deadline.atRiskAt, expectedCompletionDate: expected })
          .where(eq(cases.id, row.id));
        await tx.insert(caseTimeline).values({
          caseId: row.id,
          occurredAt: options.now,
          kind: 'note',
          actorLabel: 'system',
          publicNote:
            expected === row.expectedCompletionDate
              ? null
              : `因行事曆異動（${options.changedDay}），預計完成日期調整為 ${expected}。`,
          data: { calendarChange: options.changedDay, from: row.expectedCompletionDate, to: expected },
        });
      }
    });
  }
  return { checked, moved };
}
