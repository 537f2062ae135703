import { toTaipeiLocalDate } from '../../../platform/calendar/working-days.ts';
import { maskAddress } from '../../../platform/privacy/address-masking.ts';
import { maskEmail, maskName, maskPhone } from '../../../platform/privacy/masking.ts';
import { type UnitsByCode, unitNameIn } from '../../../platform/reference/unit-names.ts';
import { BUREAU, UNITS } from '../../../platform/reference/units.ts';
import { formatPageDate, taipeiTimeOfDay } from '../../../platform/web/format-date.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import type { DeadlineStatus } from '../core/case-deadline.ts';
import type { CaseDetail } from '../core/case-queries.ts';
import { supplementWays } from '../core/templates/case-letter-parts.ts';
import {
  type CaseEvent,
  type CaseState,
  type CaseWorkflow,
  caseEvents,
  stateLabel,
  workflowOf,
} from '../core/workflows.ts';
import { type TrackTextKey, trackText } from './track-messages.ts';

/**
 * What the applicant may see of a case, as plain data: the /track page and POST /api/track both show
 * exactly this. It is an allow-list: a field is public only if it is copied here. Never copied: internal
 * notes, staff names (the timeline names the unit instead), the description, the subject, the handler,
 * and any personal data unmasked.
 */

/** The deadline as the applicant reads it: the staff status, with a resolved case said in its own words. */
export type PublicDeadlineStatus = Exclude<DeadlineStatus, 'finished'> | 'answered' | 'finished';

export const publicDeadlineStatuses: readonly PublicDeadlineStatus[] = [
  'on_track',
  'at_risk',
  'overdue',
  'paused',
  'answered',
  'finished',
];

/** Timeline kinds the applicant sees; assignments, extension requests and refusals and notes are staff-only. */
export type PublicEventKind = CaseEvent | 'created' | 'extension_approved';

export interface PublicTimelineEvent {
  kind: PublicEventKind;
  /** ISO 8601 (UTC). */
  occurredAt: string;
  /** The date and time in Asia/Taipei, 民國 years on Chinese pages. */
  occurredAtText: string;
  label: string;
  /** The note staff wrote for the applicant, or null. */
  note: string | null;
  /** The unit that acted (never a person), or the applicant. */
  by: string;
}

export interface PublicAttachment {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  /** A document the bureau issued with its decision (a permit, a letter), not one the applicant sent. */
  isIssued: boolean;
}

export interface PublicCaseView {
  lang: Lang;
  caseNumber: string;
  state: CaseState;
  stateLabel: string;
  stateExplanation: string;
  serviceName: string;
  /** ISO 8601 (UTC) and the Taipei date in words. */
  receivedAt: string;
  receivedOnText: string;
  unit: { code: string; name: string; phone: string };
  /** YYYY-MM-DD (Taipei), kept while paused; null once the case is finished here. */
  expectedCompletionDate: string | null;
  expectedCompletionDateText: string | null;
  deadlineStatus: PublicDeadlineStatus;
  deadlineStatusText: string;
  /** When the case was closed, rejected, withdrawn, forwarded or merged (ISO), else null. */
  closedAt: string | null;
  closedOnText: string | null;
  /** 移文: the agency the request was sent to. */
  forwardedTo: string | null;
  /**
   * 併案: the case this one is now handled as — the end of its chain of merges (C when it went into B and B
   * into C), with that case's state in words; null when it was not merged.
   */
  mergedInto: { caseNumber: string; stateLabel: string } | null;
  /** The answer, once written (resolved and closed cases). */
  resolution: string | null;
  applicant: {
    name: string;
    company: string | null;
    phone: string | null;
    email: string | null;
    address: string | null;
  };
  timeline: PublicTimelineEvent[];
  attachments: PublicAttachment[];
  /** While the case waits for a supplement: what is needed and exactly how to deliver it; else null. */
  supplement: PublicSupplement | null;
}

/**
 * A supplement asked for (issue 14): the items as the unit listed them, whether the case offers an online
 * supplement (a deficiency notice: its own section lists the items and links to the form), and the other
 * ways to deliver — the unit's counter and hours, the post, its e-mail — each quoting the case number.
 */
export interface PublicSupplement {
  /** One item a line, as the request listed them (its public note). */
  items: string[];
  isOnline: boolean;
  /** 「補正方式（請註明案號 …）：」 */
  lead: string;
  /** The counter, the post and the e-mail (online is the notice section's button, not one of these). */
  ways: string[];
  /** Said while the unit's contacts are placeholders not yet confirmed; null once they are. */
  caution: string | null;
}

/** What the look-up knows of a waiting supplement: an online notice or not, and the unit's contacts. */
export interface SupplementFacts {
  isOnline: boolean;
  /** The handling unit's contacts (case-reference-cache.ts's unitContact). */
  unit: {
    phone: string;
    addressZh: string;
    addressEn: string;
    email: string;
    serviceHoursZh: string;
    serviceHoursEn: string;
    isContactVerified: boolean;
  };
}

/** A Taipei date in the page's words: 民國115年3月2日 / 2 March 2026. */
export function publicDate(lang: Lang, isoDate: string): string {
  return formatPageDate(lang, isoDate);
}

/** A moment in Taipei: 民國115年3月2日 10:05 / 2 March 2026, 10:05. */
export function publicDateTime(lang: Lang, at: Date): string {
  const time = taipeiTimeOfDay(at);
  const date = publicDate(lang, toTaipeiLocalDate(at));
  return lang === 'en' ? `${date}, ${time}` : `${date} ${time}`;
}

/**
 * The units' names when the caller passes none: the reference data the table is seeded from. Only pure
 * callers without a database use it (the unit tests); the pages pass the table's (`unitsNow`), which an
 * admin edits.
 */
const seededUnits: UnitsByCode = new Map(UNITS.map((unit) => [unit.code, unit]));

function publicDeadlineStatus(
  workflow: CaseWorkflow,
  state: CaseState,
  status: DeadlineStatus,
): PublicDeadlineStatus {
  if (workflow.isFinished(state)) return 'finished';
  // Resolving starts a pause (the time until closing or reopening does not count), which is not the
  // applicant's supplement: say it as what it is.
  if (workflow.isAnswered(state)) return 'answered';
  if (workflow.isPaused(state)) return 'paused';
  return status === 'finished' ? 'finished' : status;
}

/** Every workflow event is the applicant's to see (its public note, never the internal one), and these two. */
const publicKinds: ReadonlySet<string> = new Set<PublicEventKind>([
  ...caseEvents,
  'created',
  'extension_approved',
]);

function isPublicKind(kind: string): kind is PublicEventKind {
  return publicKinds.has(kind);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function eventLabel(
  kind: PublicEventKind,
  data: Record<string, unknown>,
  lang: Lang,
  units: UnitsByCode,
): string {
  const key = `event_${kind}` as TrackTextKey;
  switch (kind) {
    case 'transfer':
      return trackText(lang, key, { unit: unitNameIn(units, text(data.toUnit), lang) });
    case 'forward':
      return trackText(lang, key, { agency: text(data.agency) });
    case 'merge':
      return trackText(lang, key, { caseNumber: text(data.mergedInto) });
    case 'extension_approved': {
      const date = text(data.expectedCompletionDate);
      return trackText(lang, key, { date: /^\d{4}-\d{2}-\d{2}$/.test(date) ? publicDate(lang, date) : '—' });
    }
    default:
      return trackText(lang, key);
  }
}

function publicTimeline(detail: CaseDetail, lang: Lang, units: UnitsByCode): PublicTimelineEvent[] {
  const created = detail.timeline.find((event) => event.kind === 'created');
  // The unit in charge at each moment: where the case was received, then each transfer's target.
  let currentUnit = text(created?.data.unitCode) || detail.row.unitCode;
  const events: PublicTimelineEvent[] = [];
  for (const event of detail.timeline) {
    if (event.kind === 'transfer' && text(event.data.fromUnit) !== '')
      currentUnit = text(event.data.fromUnit);
    const byApplicant = event.actorStaffId === null && event.actorLabel === 'applicant';
    const bySystem = event.actorStaffId === null && event.actorLabel === 'system';
    const by = byApplicant
      ? trackText(lang, 'byApplicant')
      : bySystem
        ? lang === 'en'
          ? BUREAU.nameEn
          : BUREAU.nameZh
        : unitNameIn(units, currentUnit, lang);
    if (event.kind === 'transfer' && text(event.data.toUnit) !== '') currentUnit = text(event.data.toUnit);
    if (!isPublicKind(event.kind)) continue;
    events.push({
      kind: event.kind,
      occurredAt: event.occurredAt.toISOString(),
      occurredAtText: publicDateTime(lang, event.occurredAt),
      label: eventLabel(event.kind, event.data, lang, units),
      note: event.publicNote?.trim() ? event.publicNote.trim() : null,
      by,
    });
  }
  return events;
}

function publicSupplement(
  detail: CaseDetail,
  lang: Lang,
  facts: SupplementFacts | null,
): PublicSupplement | null {
  if (facts === null || detail.row.state !== 'awaiting_supplement') return null;
  // The latest request's note lists the items (a deficiency notice writes them there too).
  const request = detail.timeline.findLast((event) => event.kind === 'request_supplement');
  const items = (request?.publicNote ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const { unit } = facts;
  const isEnglish = lang === 'en';
  const { lead, ways, caution } = supplementWays(lang, {
    caseNumber: detail.row.caseNumber,
    isOnline: false,
    contact: {
      address: isEnglish ? unit.addressEn : unit.addressZh,
      hours: isEnglish ? unit.serviceHoursEn : unit.serviceHoursZh,
      email: unit.email,
      phone: unit.phone,
      isContactVerified: unit.isContactVerified,
    },
  });
  return { items, isOnline: facts.isOnline, lead, ways, caution };
}

function masked(value: string | null, mask: (value: string) => string): string | null {
  return value === null || value.trim() === '' ? null : mask(value);
}

/** The public view of a case (see the comment at the top). Pure: same detail, same view. */
export function publicCaseView(
  detail: CaseDetail,
  attachments: readonly (Omit<PublicAttachment, 'isIssued'> & { purpose?: string })[],
  lang: Lang,
  /** The end of the case's chain of merges (merge-chain.ts), when it was merged. */
  mergedInto: { caseNumber: string; state: CaseState } | null = null,
  /** While it waits for a supplement: whether it is offered online, and the unit's contacts. */
  supplement: SupplementFacts | null = null,
  /** Every unit's names as the table has them (units-now.ts): the timeline names the unit at each step. */
  units: UnitsByCode = seededUnits,
): PublicCaseView {
  const { row } = detail;
  const state = row.state as CaseState;
  const workflow = workflowOf(row.kind);
  const words = stateLabel(state);
  const deadlineStatus = publicDeadlineStatus(workflow, state, detail.status);
  const isFinished = workflow.isFinished(state);
  const expectedCompletionDate = isFinished ? null : row.expectedCompletionDate;
  return {
    lang,
    caseNumber: row.caseNumber,
    state,
    stateLabel: lang === 'en' ? words.en : words.zh,
    stateExplanation: lang === 'en' ? words.explainEn : words.explainZh,
    serviceName: lang === 'en' ? detail.serviceNameEn : detail.serviceNameZh,
    receivedAt: row.receivedAt.toISOString(),
    receivedOnText: publicDate(lang, toTaipeiLocalDate(row.receivedAt)),
    unit: {
      code: detail.unit.code,
      name: lang === 'en' ? detail.unit.nameEn : detail.unit.nameZh,
      phone: detail.unit.phone,
    },
    expectedCompletionDate,
    expectedCompletionDateText:
      expectedCompletionDate === null ? null : publicDate(lang, expectedCompletionDate),
    deadlineStatus,
    deadlineStatusText: trackText(lang, `deadline_${deadlineStatus}`),
    closedAt: isFinished && row.closedAt !== null ? row.closedAt.toISOString() : null,
    closedOnText:
      isFinished && row.closedAt !== null ? publicDate(lang, toTaipeiLocalDate(row.closedAt)) : null,
    // Set only by forwarding, which ends the case.
    forwardedTo: row.forwardedTo,
    mergedInto:
      mergedInto === null
        ? null
        : {
            caseNumber: mergedInto.caseNumber,
            stateLabel: lang === 'en' ? stateLabel(mergedInto.state).en : stateLabel(mergedInto.state).zh,
          },
    // The answer, once written (answered) and after closing; reopening clears it.
    resolution:
      (workflow.isAnswered(state) || isFinished) && row.resolution?.trim() ? row.resolution.trim() : null,
    applicant: {
      name: maskName(row.applicantName),
      company: masked(row.applicantCompany, maskName),
      phone: masked(row.applicantPhone, maskPhone),
      email: masked(row.applicantEmail, maskEmail),
      // Their own address: the district and the road at most (address-masking.ts). The place of a reported
      // problem (row.address) is not theirs and is not part of this view.
      address: masked(row.applicantAddress, maskAddress),
    },
    timeline: publicTimeline(detail, lang, units),
    supplement: publicSupplement(detail, lang, supplement),
    attachments: attachments.map((attachment) => ({
      id: attachment.id,
      fileName: attachment.fileName,
      mediaType: attachment.mediaType,
      sizeBytes: attachment.sizeBytes,
      isIssued: attachment.purpose === 'issued',
    })),
  };
}
