import { computeDeadline } from '../src/modules/cases/core/case-deadline.ts';
import type { StoredPause } from '../src/modules/cases/core/case-vocabulary.ts';
import { type CaseState, finishedStates } from '../src/modules/cases/core/workflows.ts';
import type { Deadline, FormField } from '../src/modules/catalogue/catalogue-schemas.ts';
import type { WorkingCalendar } from '../src/platform/calendar/working-days.ts';
import { copyField, DAY, HOUR, nullField } from './bench-support.ts';
import {
  agencies,
  companyKinds,
  companyWords,
  emailDomains,
  extensionReasons,
  givenNameCharacters,
  type Random,
  rejectReasons,
  resolutions,
  streets,
  supplementReasons,
} from './case-fixtures.ts';

// ---------------------------------------------------------------------------------------------------------
// COPY text format

export const iso = (ms: number | null) => (ms === null ? nullField : new Date(ms).toISOString());
export const json = (value: unknown) => copyField(JSON.stringify(value));

export const caseColumns =
  'id, case_number, lookup_code, kind, channel, service_code, service_version, unit_code, handler_id, state, version, ' +
  'applicant_type, applicant_name, applicant_company, applicant_phone, applicant_email, applicant_address, applicant_lang, ' +
  'consent_at, subject, description, form_data, checklist_received, district_code, address, latitude, longitude, ' +
  'received_at, deadline_rule, pauses, extension_amount, due_at, at_risk_at, expected_completion_date, resolution, ' +
  'resolved_at, closed_at, forwarded_to, merged_into_id, created_at, updated_at';
export const eventColumns =
  'id, case_id, occurred_at, kind, from_state, to_state, actor_staff_id, actor_label, public_note, internal_note, data';
export const extensionColumns =
  'id, case_id, amount, reason, requested_by, requested_at, state, decided_by, decided_at, decision_note';

// ---------------------------------------------------------------------------------------------------------
// Time

export const TAIPEI = 8 * HOUR;
export const dayNumberOf = (ms: number) => Math.floor((ms + TAIPEI) / DAY);
export const startOfDayNumber = (dayNumber: number) => dayNumber * DAY - TAIPEI;
export const localDateOf = (dayNumber: number) => new Date(dayNumber * DAY).toISOString().slice(0, 10);

/** Working days by Taipei day number, from the calendar (weekdays beyond its last year). */
export function workingDayTable(
  calendar: WorkingCalendar,
  fromDay: number,
  toDay: number,
): (day: number) => boolean {
  const table = new Uint8Array(toDay - fromDay + 1);
  for (let day = fromDay; day <= toDay; day += 1) {
    let working: boolean;
    try {
      working = calendar.isWorkingDay(localDateOf(day) as Parameters<WorkingCalendar['isWorkingDay']>[0]);
    } catch {
      const weekday = new Date(day * DAY).getUTCDay();
      working = weekday !== 0 && weekday !== 6;
    }
    table[day - fromDay] = working ? 1 : 0;
  }
  return (day) => {
    const index = day - fromDay;
    if (index < 0 || index >= table.length) {
      const weekday = new Date(day * DAY).getUTCDay();
      return weekday !== 0 && weekday !== 6;
    }
    return table[index] === 1;
  };
}

// ---------------------------------------------------------------------------------------------------------
// Reference data as the generator needs it

export interface StaffRef {
  id: string;
  name: string;
}

export interface UnitStaff {
  supervisor: StaffRef;
  handlers: StaffRef[];
}

export interface ServiceRef {
  code: string;
  version: number;
  kind: string;
  unitCode: string;
  nameZh: string;
  deadline: Deadline;
  deadlineText: string;
  checklistText: string;
  formDataTexts: string[];
  descriptions: readonly string[];
  pickChannel: (random: Random) => string;
  /** Channels that work on a day off (no counter, no phone line). */
  pickOffDayChannel: (random: Random) => string;
}

export function personName(random: Random, pickSurname: (random: Random) => string): string {
  const given = random.chance(0.08)
    ? random.pick(givenNameCharacters)
    : random.pick(givenNameCharacters) + random.pick(givenNameCharacters);
  return pickSurname(random) + given;
}

export function formDataVariants(fields: readonly FormField[], random: Random): string[] {
  const variants: string[] = [];
  for (let variant = 0; variant < 6; variant += 1) {
    const data: Record<string, string> = {};
    for (const formField of fields) {
      if (formField.type === 'file' || formField.type === 'location') continue;
      if (!formField.isRequired && random.chance(0.5)) continue;
      if (formField.type === 'choice') data[formField.id] = random.pick(formField.options).value;
      else if (formField.type === 'number') data[formField.id] = String(random.int(1, 400));
      else if (formField.type === 'date')
        data[formField.id] = `20${random.int(22, 26)}-0${random.int(1, 9)}-1${random.int(0, 9)}`;
      else data[formField.id] = formField.id.includes('name') ? '（同申請人）' : '詳如說明';
    }
    variants.push(json(data));
  }
  return variants;
}

export type Routing = (serviceCode: string, districtCode: string) => string | null;

// ---------------------------------------------------------------------------------------------------------
// One case's life

export interface CaseInput {
  random: Random;
  now: number;
  calendar: WorkingCalendar;
  isWorking: (day: number) => boolean;
  receivedAt: number;
  service: ServiceRef;
  channel: string;
  caseNumber: string;
  pickDistrict: (random: Random) => { code: string; nameZh: string };
  pickSurname: (random: Random) => string;
  routing: Routing;
  staffByUnit: Map<string, UnitStaff>;
  pickTransferUnit: (random: Random) => string;
  clerks: StaffRef[];
  secretaries: StaffRef[];
  recentByService: Map<string, { id: string; caseNumber: string }[]>;
  nextEventId: number;
}

export type Actor = StaffRef | 'applicant' | 'system';

export interface PlannedEvent {
  at: number;
  kind: string;
  to: CaseState | null;
  actor: Actor;
  publicNote?: string | null;
  internalNote?: string | null;
  data?: Record<string, unknown>;
  /** Applied when the event has happened (before `now`). */
  apply?: (life: Life) => void;
}

export interface Life {
  state: CaseState;
  unitCode: string;
  handler: StaffRef | null;
  pauses: StoredPause[];
  extensionAmount: number;
  resolution: string | null;
  resolvedAt: number | null;
  closedAt: number | null;
  forwardedTo: string | null;
  mergedIntoId: string | null;
}

export function closeOpenPause(pauses: StoredPause[], at: number): StoredPause[] {
  return pauses.map((pause) =>
    pause.to === null ? { from: pause.from, to: new Date(at).toISOString() } : pause,
  );
}

export function generateCase(input: CaseInput) {
  const { random, now, calendar, service } = input;
  const id = random.uuid();
  const receivedAt = input.receivedAt;
  const district = input.pickDistrict(random);
  const initialUnit = input.routing(service.code, district.code) ?? service.unitCode;
  const rule = service.deadline;
  const isHourly = rule.kind === 'hours';
  const baseDue =
    computeDeadline(calendar, {
      receivedAt: new Date(receivedAt),
      deadlineRule: rule,
      pauses: [],
      extensionAmount: 0,
    }).dueAt?.getTime() ?? receivedAt + 7 * DAY;
  const span = Math.max(HOUR, baseDue - receivedAt);

  /** Staff act on working days in office hours; hour-based (hazard) services run round the clock. */
  const snap = (at: number): number => {
    if (isHourly) return at;
    const day = dayNumberOf(at);
    const inDay = at - startOfDayNumber(day);
    if (input.isWorking(day) && inDay >= 8 * HOUR && inDay <= 17.5 * HOUR) return at;
    if (input.isWorking(day) && inDay < 8 * HOUR)
      return startOfDayNumber(day) + 8 * HOUR + random.next() * 0.75 * HOUR;
    let next = day + 1;
    while (!input.isWorking(next)) next += 1;
    return startOfDayNumber(next) + 8 * HOUR + random.next() * 1.5 * HOUR;
  };
  let at = receivedAt;
  /** The next moment something happens: `fraction` of the deadline's span later, at least minutes later. */
  const later = (fraction: number) => {
    at = Math.max(at + 5 * 60_000 + random.next() * 20 * 60_000, snap(at + fraction * span));
    return at;
  };
  const laterBy = (milliseconds: number) => {
    at = Math.max(at + 5 * 60_000, snap(at + milliseconds));
    return at;
  };

  let unitCode = initialUnit;
  const unitStaff = (code: string) => input.staffByUnit.get(code) as UnitStaff;
  let handler: StaffRef | null = null;
  const pickHandler = () => random.pick(unitStaff(unitCode).handlers);
  const intakeActor: Actor =
    input.channel === 'web'
      ? 'applicant'
      : input.channel === 'api'
        ? 'system'
        : input.channel === 'counter' || input.channel === 'phone'
          ? random.pick(input.clerks)
          : random.pick(input.secretaries);

  const events: PlannedEvent[] = [
    {
      at: receivedAt,
      kind: 'created',
      to: 'received',
      actor: intakeActor,
      data: { channel: input.channel, unitCode: initialUnit, serviceVersion: service.version },
    },
  ];
  const push = (event: PlannedEvent) => events.push(event);

  // 分文 again: 3 % go to another unit first.
  if (random.chance(0.03)) {
    const target = input.pickTransferUnit(random);
    if (target !== unitCode) {
      const from = unitCode;
      const reason = '非本單位權責，改分相關單位辦理。';
      push({
        at: later(random.between(0.02, 0.1)),
        kind: 'transfer',
        to: 'received',
        actor: unitStaff(from).supervisor,
        publicNote: reason,
        data: { fromUnit: from, toUnit: target },
        apply: (life) => {
          life.unitCode = target;
          life.handler = null;
        },
      });
      unitCode = target;
    }
  }
  // A field report follows its own workflow (received → dispatched → fixed → closed, reopened): a crew is
  // dispatched where another case is accepted and started, it has no supplements, and it cannot be
  // rejected once a crew has it.
  const isFieldReport = service.kind === 'field_report';
  /** The handler takes the case up: accepts it, or dispatches a crew to a field report. */
  const takeUp = () => {
    handler ??= pickHandler();
    const who = handler;
    push({
      at: later(random.between(0.03, 0.15)),
      kind: isFieldReport ? 'dispatch' : 'accept',
      to: isFieldReport ? 'dispatched' : 'accepted',
      actor: who,
      apply: (life) => {
        life.handler = who;
      },
    });
  };
  /** Taken up before a rejection: never a field report, which is rejected before a crew is dispatched. */
  const takeUpBeforeRejecting = (probability: number) => {
    if (!isFieldReport && random.chance(probability)) takeUp();
  };
  const finishWith = (
    kind: string,
    to: CaseState,
    actor: Actor,
    extra: Partial<PlannedEvent>,
    apply?: (life: Life) => void,
  ) => {
    push({
      at: later(random.between(0.05, 0.4)),
      kind,
      to,
      actor,
      ...extra,
      ...(apply === undefined ? {} : { apply }),
    });
  };

  const outcome = random.next();
  if (outcome < 0.015) {
    // 併案: a duplicate of a recent case of the same service.
    const recent = input.recentByService.get(service.code) ?? [];
    const target = recent.length > 0 ? random.pick(recent) : null;
    if (target !== null) {
      if (random.chance(0.5)) takeUp();
      const actor = handler ?? unitStaff(unitCode).supervisor;
      finishWith('merge', 'merged', actor, { data: { mergedInto: target.caseNumber } }, (life) => {
        life.mergedIntoId = target.id;
      });
      const mergeAt = at;
      push({
        at: mergeAt,
        kind: 'note',
        to: null,
        actor,
        internalNote: `併案：${input.caseNumber}`,
        data: { mergedFrom: input.caseNumber },
        // Written on the target case's timeline (below).
      });
      (events.at(-1) as PlannedEvent & { caseId?: string }).caseId = target.id;
    } else {
      takeUpBeforeRejecting(1);
      finishWith('reject', 'rejected', handler ?? pickHandler(), { publicNote: random.pick(rejectReasons) });
    }
  } else if (outcome < 0.035) {
    if (random.chance(0.4)) takeUp();
    const agency = random.pick(agencies);
    finishWith(
      'forward',
      'forwarded',
      handler ?? unitStaff(unitCode).supervisor,
      { publicNote: `本案非屬本局權責，已移請${agency}處理。`, data: { agency } },
      (life) => {
        life.forwardedTo = agency;
      },
    );
  } else if (outcome < 0.06) {
    takeUpBeforeRejecting(0.6);
    finishWith('reject', 'rejected', handler ?? unitStaff(unitCode).supervisor, {
      publicNote: random.pick(rejectReasons),
    });
  } else if (outcome < 0.075) {
    if (random.chance(0.5)) takeUp();
    finishWith('withdraw', 'withdrawn', 'applicant', {});
  } else {
    // The usual path: (assigned) → accepted → in progress → (supplement) → (extension) → resolved → closed;
    // a field report: (assigned) → dispatched → (extension) → fixed → closed, sometimes reopened between.
    if (random.chance(0.35)) {
      handler = pickHandler();
      const who = handler;
      push({
        at: later(random.between(0.01, 0.06)),
        kind: 'assigned',
        to: null,
        actor: unitStaff(unitCode).supervisor,
        data: { handlerId: who.id, handlerName: who.name, previousHandlerId: null },
        apply: (life) => {
          life.handler = who;
        },
      });
    }
    takeUp();
    if (!isFieldReport)
      push({
        at: later(random.between(0.02, 0.12)),
        kind: 'start',
        to: 'in_progress',
        actor: handler as StaffRef,
      });
    let pausedFor = 0;
    let gaveUp = false;
    if (!isFieldReport && !isHourly && random.chance(0.1)) {
      const reason = random.pick(supplementReasons);
      const askedAt = later(random.between(0.05, 0.2));
      push({
        at: askedAt,
        kind: 'request_supplement',
        to: 'awaiting_supplement',
        actor: handler as StaffRef,
        publicNote: reason,
        apply: (life) => {
          life.pauses = [...life.pauses, { from: new Date(askedAt).toISOString(), to: null }];
        },
      });
      const wait = random.exponential(7 * DAY);
      if (wait > 30 * DAY) {
        gaveUp = true;
        const rejectedAt = laterBy(30 * DAY);
        push({
          at: rejectedAt,
          kind: 'reject',
          to: 'rejected',
          actor: handler as StaffRef,
          publicNote: '逾期未補正，依規定不予受理。',
          apply: (life) => {
            life.pauses = closeOpenPause(life.pauses, rejectedAt);
            life.closedAt = rejectedAt;
          },
        });
      } else {
        const backAt = laterBy(wait);
        pausedFor = backAt - askedAt;
        push({
          at: backAt,
          kind: 'supplement_received',
          to: 'in_progress',
          actor: random.chance(0.3) ? random.pick(input.clerks) : (handler as StaffRef),
          apply: (life) => {
            life.pauses = closeOpenPause(life.pauses, backAt);
          },
        });
      }
    }
    if (!gaveUp) {
      // When the answer is written, as a share of the time allowed: most well within, some late, a few stuck.
      const kind = random.next();
      const share =
        kind < 0.86
          ? random.between(0.1, 0.8)
          : kind < 0.98
            ? random.between(0.8, 1.4)
            : 1.2 + random.exponential(isHourly ? 30 : 4);
      if (share > 0.9 && random.chance(0.45)) {
        const amount = Math.max(2, Math.ceil((rule.kind === 'hours' ? rule.hours : rule.days) / 2));
        const extensionId = random.uuid();
        const reason = random.pick(extensionReasons);
        const requester = handler as StaffRef;
        const requestedAt = Math.max(at + 5 * 60_000, snap(receivedAt + pausedFor + 0.7 * span));
        at = requestedAt;
        push({
          at: requestedAt,
          kind: 'extension_requested',
          to: null,
          actor: requester,
          internalNote: reason,
          data: { extensionId, amount },
        });
        const approved = random.chance(0.9);
        const supervisor = unitStaff(unitCode).supervisor;
        const decidedAt = laterBy(random.between(0.1, 1) * DAY);
        push({
          at: decidedAt,
          kind: approved ? 'extension_approved' : 'extension_refused',
          to: null,
          actor: supervisor,
          publicNote: approved ? reason : null,
          data: { extensionId, amount },
          apply: (life) => {
            if (approved) life.extensionAmount += amount;
          },
        });
        (events.at(-2) as PlannedEvent & { extension?: unknown }).extension = {
          extensionId,
          amount,
          reason,
          requester,
          requestedAt,
          approved,
          supervisor,
          decidedAt,
        };
      }
      const resolvedAt = Math.max(at + 10 * 60_000, snap(receivedAt + pausedFor + share * span));
      at = resolvedAt;
      const resolution = random.pick(resolutions);
      /**
       * The handler answers at `when`: the deadline stops from then (a pause until closing), or the crew
       * fixes a field report, which finishes it at once (its reopen window counts from the fix).
       */
      const resolveAt = (when: number) =>
        push({
          at: when,
          kind: isFieldReport ? 'mark_fixed' : 'resolve',
          to: isFieldReport ? 'fixed' : 'resolved',
          actor: handler as StaffRef,
          apply: (life) => {
            life.resolution = resolution;
            life.resolvedAt = when;
            if (isFieldReport) life.closedAt = when;
            else life.pauses = [...life.pauses, { from: new Date(when).toISOString(), to: null }];
          },
        });
      const closeAt = (when: number) =>
        push({
          at: when,
          kind: 'close',
          to: 'closed',
          actor: handler as StaffRef,
          apply: (life) => {
            life.closedAt = when;
          },
        });
      /**
       * The applicant reopens, days after the answer: answer and closing are undone, and on any case but a
       * field report (whose fix starts no pause) the pause the answer began ends.
       */
      const reopen = (to: PlannedEvent['to'], publicNote: string) => {
        const reopenedAt = laterBy(random.between(1, 10) * DAY);
        push({
          at: reopenedAt,
          kind: 'reopen',
          to,
          actor: 'applicant',
          publicNote,
          apply: (life) => {
            life.closedAt = null;
            life.resolvedAt = null;
            life.resolution = null;
            if (!isFieldReport) life.pauses = closeOpenPause(life.pauses, reopenedAt);
          },
        });
      };
      resolveAt(resolvedAt);
      if (isFieldReport) {
        // The reporter says "not fixed" within the reopen window (counted from the fix), before the
        // report is closed; the crew goes again. Closing comes days later, ending the window.
        if (random.chance(0.02)) {
          reopen('reopened', '現場仍未修好，請再派員處理。');
          takeUp();
          resolveAt(laterBy(random.between(0.2, 0.8) * span));
        }
        closeAt(laterBy(random.between(3, 14) * DAY));
      } else closeAt(laterBy(random.exponential(0.6 * DAY)));
      if (!isFieldReport && random.chance(0.004)) {
        reopen('in_progress', '問題仍未改善，請再處理。');
        resolveAt(laterBy(random.between(0.2, 0.8) * span));
        closeAt(laterBy(random.exponential(0.5 * DAY)));
      }
    }
  }

  // ---- what has happened by now
  const life: Life = {
    state: 'received',
    unitCode: initialUnit,
    handler: null,
    pauses: [],
    extensionAmount: 0,
    resolution: null,
    resolvedAt: null,
    closedAt: null,
    forwardedTo: null,
    mergedIntoId: null,
  };
  const eventRows: string[] = [];
  const extensionRows: string[] = [];
  let version = 1;
  let updatedAt = receivedAt;
  let eventId = input.nextEventId;
  for (const event of events) {
    if (event.at > now) break;
    const previous = life.state;
    event.apply?.(life);
    if (
      event.kind === 'merge' ||
      event.kind === 'forward' ||
      event.kind === 'reject' ||
      event.kind === 'withdraw'
    ) {
      life.closedAt = event.at;
      life.pauses = closeOpenPause(life.pauses, event.at);
    }
    if (event.to !== null) life.state = event.to;
    if (event.kind !== 'created' && event.kind !== 'note') version += 1;
    if (event.kind !== 'note') updatedAt = event.at;
    const actor = event.actor;
    const isStaff = typeof actor === 'object';
    const data =
      event.kind === 'extension_approved' || event.kind === 'extension_refused'
        ? { ...event.data, expectedCompletionDate: null as string | null }
        : (event.data ?? {});
    if ('expectedCompletionDate' in data) {
      const deadline = computeDeadline(calendar, {
        receivedAt: new Date(receivedAt),
        deadlineRule: rule,
        pauses: life.pauses.filter((pause) => pause.to !== null),
        extensionAmount: life.extensionAmount,
      });
      data.expectedCompletionDate = deadline.expectedCompletionDate;
    }
    const target = (event as PlannedEvent & { caseId?: string }).caseId ?? id;
    eventRows.push(
      `${eventId}\t${target}\t${iso(event.at)}\t${event.kind}\t${event.kind === 'created' || event.to === null ? nullField : previous}\t${event.to ?? nullField}\t${isStaff ? actor.id : nullField}\t${copyField(isStaff ? actor.name : actor)}\t${copyField(event.publicNote ?? null)}\t${copyField(event.internalNote ?? null)}\t${json(data)}\n`,
    );
    eventId += 1;
    const extension = (event as PlannedEvent & { extension?: ExtensionPlan }).extension;
    if (extension !== undefined) {
      const decided = extension.decidedAt <= now;
      extensionRows.push(
        `${extension.extensionId}\t${id}\t${extension.amount}\t${copyField(extension.reason)}\t${extension.requester.id}\t${iso(extension.requestedAt)}\t${decided ? (extension.approved ? 'approved' : 'refused') : 'pending'}\t${decided ? extension.supervisor.id : nullField}\t${decided ? iso(extension.decidedAt) : nullField}\t${nullField}\n`,
      );
    }
  }

  // ---- the deadline fields, as the app leaves them after the last transition
  const state = life.state;
  const isFinished = finishedStates.has(state);
  const running = computeDeadline(calendar, {
    receivedAt: new Date(receivedAt),
    deadlineRule: rule,
    pauses: life.pauses.filter((pause) => pause.to !== null),
    extensionAmount: life.extensionAmount,
  });
  const current = isFinished
    ? { dueAt: null, atRiskAt: null, expectedCompletionDate: null }
    : computeDeadline(calendar, {
        receivedAt: new Date(receivedAt),
        deadlineRule: rule,
        pauses: life.pauses,
        extensionAmount: life.extensionAmount,
      });
  const expected = current.expectedCompletionDate ?? running.expectedCompletionDate;
  const dueAt = current.dueAt?.getTime() ?? null;
  const isOverdue = dueAt !== null && dueAt < now;
  const isPaused = !isFinished && dueAt === null;

  // ---- the applicant
  const isCompany = service.kind === 'application' ? random.chance(0.45) : random.chance(0.04);
  const applicantName = personName(random, input.pickSurname);
  const company = isCompany
    ? `${random.pick(companyWords)}${random.pick(companyWords)}${random.pick(companyKinds)}`
    : null;
  const hasPhone = random.chance(0.93);
  const phone = hasPhone
    ? random.chance(0.85)
      ? `09${random.int(10, 89)}${String(random.int(0, 999_999)).padStart(6, '0')}`
      : `07${random.int(2, 8)}${String(random.int(0, 999_999)).padStart(6, '0')}`
    : null;
  const email =
    !hasPhone || random.chance(0.35) ? `user${random.int(1000, 999_999)}@${random.pick(emailDomains)}` : null;
  const lang = random.chance(0.02) ? 'en' : 'zh-TW';
  const address = `高雄市${district.nameZh}${random.pick(streets)}${random.int(1, 400)}號`;
  const applicantAddress = random.chance(0.6)
    ? `高雄市${input.pickDistrict(random).nameZh}${random.pick(streets)}${random.int(1, 400)}號`
    : null;
  const description = `${address}：${random.pick(service.descriptions)}`;
  const subject = random.chance(0.7) ? service.nameZh : `${service.nameZh}（${district.nameZh}）`;
  const lookupCode = lookupCodeFrom(random);

  const caseRow =
    `${id}\t${input.caseNumber}\t${lookupCode}\t${service.kind}\t${input.channel}\t${service.code}\t${service.version}\t${life.unitCode}\t${life.handler?.id ?? nullField}\t${state}\t${version}\t` +
    `${isCompany ? 'company' : 'person'}\t${copyField(applicantName)}\t${copyField(company)}\t${phone ?? nullField}\t${email ?? nullField}\t${copyField(applicantAddress)}\t${lang}\t` +
    `${iso(receivedAt)}\t${copyField(subject)}\t${copyField(description)}\t${random.pick(service.formDataTexts)}\t${service.checklistText}\t${district.code}\t${copyField(address)}\t${nullField}\t${nullField}\t` +
    `${iso(receivedAt)}\t${service.deadlineText}\t${json(life.pauses)}\t${life.extensionAmount}\t${iso(dueAt)}\t${iso(current.atRiskAt?.getTime() ?? null)}\t${expected ?? nullField}\t${copyField(life.resolution)}\t` +
    `${iso(life.resolvedAt)}\t${iso(life.closedAt)}\t${copyField(life.forwardedTo)}\t${life.mergedIntoId ?? nullField}\t${iso(receivedAt)}\t${iso(updatedAt)}\n`;

  // Remember a few recent cases per service as merge targets.
  let recent = input.recentByService.get(service.code);
  if (recent === undefined) {
    recent = [];
    input.recentByService.set(service.code, recent);
  }
  recent.push({ id, caseNumber: input.caseNumber });
  if (recent.length > 64) recent.shift();

  return { caseRow, events: eventRows, extensions: extensionRows, state, isOverdue, isPaused };
}

export interface ExtensionPlan {
  extensionId: string;
  amount: number;
  reason: string;
  requester: StaffRef;
  requestedAt: number;
  approved: boolean;
  supervisor: StaffRef;
  decidedAt: number;
}

export const lookupAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export function lookupCodeFrom(random: Random): string {
  let code = '';
  for (let index = 0; index < 8; index += 1)
    code += lookupAlphabet[Math.floor(random.next() * lookupAlphabet.length)];
  return code;
}
