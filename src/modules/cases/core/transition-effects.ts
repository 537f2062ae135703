import { eq } from 'drizzle-orm';
import type { Transaction } from '../../../platform/db/database.ts';
import type { FieldProblem } from '../../../platform/http/errors.ts';
import { units } from '../../../platform/reference/reference-schema.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { markNoticeSupplemented, noticeLapse, withdrawOpenNotice } from '../deficiency/deficiency-queries.ts';
import { owesFee } from '../payment/fee-words.ts';
import { hasPaidPayment } from '../payment/payment-facts.ts';
import { paymentText } from '../payment/payment-messages.ts';
import { isWrittenInEnglish } from './answer-language.ts';
import type { CaseActor, CaseRow } from './case-actor.ts';
import { closeOpenPause, withOpenPause } from './case-deadline.ts';
import { caseText } from './case-messages.ts';
import type { CaseNotice } from './case-notices.ts';
import { normaliseCaseNumber } from './case-number.ts';
import { addToTimeline } from './case-timeline.ts';
import type { cases } from './cases-schema.ts';
import { mergeTargetOf } from './merge-chain.ts';
import type { TransitionInputValues } from './workflow-definition.ts';
import { type CaseEvent, workflowOf } from './workflows.ts';

/**
 * What each event does besides moving the state: the columns it sets, the facts it writes on the timeline,
 * the notices it sends, and the problems with its own inputs (an unknown unit, a finished case to merge
 * into). A Record over every event of every workflow: an event without its effect does not compile.
 * transitionCase (transition-case.ts) checks the state, role, guards and inputs first, then runs the effect
 * inside the case's transaction and writes the rest (state, deadline, version, timeline, notices).
 */

export interface EffectInput {
  tx: Transaction;
  row: CaseRow;
  actor: CaseActor;
  input: TransitionInputValues;
  now: Date;
  lang: Lang;
}

export interface EffectOutcome {
  /** Columns set besides the state, the deadline and the version. */
  changes?: Partial<typeof cases.$inferInsert>;
  /** Facts for the timeline entry (units of a transfer, the agency, the merged case number …). */
  data?: Record<string, unknown>;
  notices?: CaseNotice[];
  /** Every problem with the event's own inputs; none: the change goes ahead. */
  problems?: FieldProblem[];
  /** The timeline entry carries no public note (an answer is made public by closing, not before). */
  isNoteKeptInternal?: boolean;
  /** More to do in the same transaction once the case has changed. */
  afterwards?: (tx: Transaction, updated: CaseRow) => Promise<void>;
}

export type Effect = (input: EffectInput) => EffectOutcome | Promise<EffectOutcome>;

/** Accepting or starting takes an unassigned case for the handler who does it. */
const takeIfUnassigned: Effect = ({ row, actor }) =>
  row.handlerId === null && actor.kind === 'staff' && actor.role === 'handler'
    ? { changes: { handlerId: actor.id } }
    : {};

const reasonOf = (input: TransitionInputValues) => input.reason?.trim() ?? '';

/** An answer in the applicant's language where the workflow asks for it (a petition written in English). */
function answerLanguageProblems(row: CaseRow, input: TransitionInputValues, lang: Lang): FieldProblem[] {
  const answer = input.resolution?.trim() ?? '';
  if (answer === '' || row.applicantLang !== 'en' || workflowOf(row.kind).answersInApplicantLanguage !== true)
    return [];
  return isWrittenInEnglish(answer)
    ? []
    : [{ field: 'resolution', code: 'answer_not_in_english', message: caseText(lang, 'answerNotInEnglish') }];
}

/** The answer is written (resolve, or its approval): the time until it is sent does not count. */
const answered = (row: CaseRow, now: Date, resolution: string | null) => ({
  resolution,
  resolvedAt: now,
  // The time between the answer and a reopening does not count against the unit.
  pauses: withOpenPause(row.pauses, now),
});

/** 受理通知: the applicant learns which unit took the case on and the expected date. */
const accept: Effect = async (input) => ({
  ...(await takeIfUnassigned(input)),
  notices: [{ topic: 'case.accepted' }],
});

const transfer: Effect = async ({ tx, row, input, lang }) => {
  const target = input.targetUnit?.trim() ?? '';
  const problems: FieldProblem[] = [];
  if (target !== '') {
    const [unit] = await tx
      .select({ code: units.code, isActive: units.isActive })
      .from(units)
      .where(eq(units.code, target));
    if (unit === undefined || !unit.isActive)
      problems.push({ field: 'targetUnit', code: 'unknown', message: caseText(lang, 'targetUnitUnknown') });
    else if (target === row.unitCode)
      problems.push({ field: 'targetUnit', code: 'same', message: caseText(lang, 'targetUnitSame') });
  }
  return {
    changes: { unitCode: target, handlerId: null },
    data: { fromUnit: row.unitCode, toUnit: target },
    notices: [{ topic: 'case.transferred' }],
    problems,
  };
};

/**
 * Into the case named, or — when that one was itself merged — into the case its chain ends in (the one
 * everyone follows); a cycle, an unknown or a finished case refused (merge-chain.ts).
 */
const merge: Effect = async ({ tx, row, actor, input, now, lang }) => {
  const number = normaliseCaseNumber(input.targetCase ?? '');
  const found = number === '' ? null : await mergeTargetOf(tx, row, number, lang);
  const chosen = found !== null && 'target' in found ? found : null;
  const mergedInto = chosen?.target;
  const via = chosen !== null && chosen.asked.id !== chosen.target.id ? chosen.asked.caseNumber : null;
  return {
    changes: { mergedIntoId: mergedInto?.id ?? null, closedAt: now },
    data: { mergedInto: mergedInto?.caseNumber, ...(via === null ? {} : { mergedVia: via }) },
    // The applicant is told which case carries their matter on (issue 14).
    notices: mergedInto === undefined ? [] : [{ topic: 'case.merged', detail: mergedInto.caseNumber }],
    problems: found !== null && 'problem' in found ? [found.problem] : [],
    // The case it went into says so on its own timeline.
    afterwards: async (afterTx) => {
      if (mergedInto === undefined) return;
      await addToTimeline(afterTx, {
        caseId: mergedInto.id,
        at: now,
        kind: 'note',
        actor,
        internalNote: via === null ? `併案：${row.caseNumber}` : `併案：${row.caseNumber}（經 ${via}）`,
        data: { mergedFrom: row.caseNumber, ...(via === null ? {} : { mergedVia: via }) },
      });
    },
  };
};

export const transitionEffects: Readonly<Record<CaseEvent, Effect>> = {
  accept,
  start: takeIfUnassigned,
  // A field report: the handler who dispatches an unassigned report is its crew.
  dispatch: takeIfUnassigned,
  // The crew's note is the answer; the fix finishes the report at once (the reporter may still say "not
  // fixed" within the reopen window, counted from now). The reports module e-mails the reporter and the
  // followers with the after-photo, so no case notice here.
  mark_fixed: ({ now, input }) => ({
    changes: { resolution: input.resolution?.trim() ?? null, resolvedAt: now, closedAt: now },
  }),
  request_supplement: ({ row, now, input }) => ({
    changes: { pauses: withOpenPause(row.pauses, now) },
    notices: [{ topic: 'case.supplement_requested', detail: reasonOf(input) }],
  }),
  // The clock runs again: the applicant is told, with the new expected date.
  supplement_received: ({ row, now, actor }) => ({
    changes: { pauses: closeOpenPause(row.pauses, now) },
    notices: [{ topic: 'case.supplement_received' }],
    // The issued deficiency notice is answered, whatever the way (cases/deficiency keeps its items).
    afterwards: (tx) =>
      markNoticeSupplemented(tx, row.id, now, actor.kind === 'applicant' ? 'online' : 'counter'),
  }),
  // Issue 11: the date to supplement passed with nothing received; the applicant is told why it ends.
  // Only once the issued notice's date has passed (cases/deficiency); the notice lapses with the case.
  close_unsupplemented: async ({ tx, row, now, lang }) => {
    const lapse = await noticeLapse(tx, row, now, lang);
    return {
      changes: { closedAt: now, pauses: closeOpenPause(row.pauses, now) },
      notices: [{ topic: 'case.rejected', detail: lapse.detail }],
      problems: lapse.problems,
      afterwards: lapse.afterwards,
    };
  },
  // Issue 11: the clock stops while the fee is owed (the applicant's time), as for a supplement. Only a
  // case that owes its fee may be asked for it; it is paid through cases/payment, which records the
  // payment first (online or at the counter) and then takes this event in the same transaction.
  request_payment: ({ row, now, lang }) => ({
    changes: { pauses: withOpenPause(row.pauses, now) },
    notices: [{ topic: 'case.payment_requested' }],
    problems: owesFee(row)
      ? []
      : [{ field: '', code: 'no_fee_owed', message: paymentText(lang, 'noFeeOwed') }],
  }),
  payment_received: async ({ tx, row, now, lang }) => ({
    changes: { pauses: closeOpenPause(row.pauses, now), feePaidAt: now },
    notices: [{ topic: 'case.payment_received' }],
    problems: (await hasPaidPayment(tx, row.id))
      ? []
      : [{ field: '', code: 'payment_not_recorded', message: paymentText(lang, 'paymentNotRecorded') }],
  }),
  resolve: ({ row, now, input, lang }) => ({
    problems: [
      ...(owesFee(row)
        ? [{ field: '', code: 'fee_not_paid', message: paymentText(lang, 'feeNotPaid') }]
        : []),
      ...answerLanguageProblems(row, input, lang),
    ],
    changes: answered(row, now, input.resolution?.trim() ?? null),
    // The answer (an application's decision) stays internal until closing sends it (case.closed, with the
    // documents issued attached): nothing is sent now.
    isNoteKeptInternal: true,
  }),
  // A petition's answer for the supervisor (petition-workflow.ts): kept on the case, sent at closing once
  // approved; the clock still runs while the supervisor reads it.
  submit_answer: ({ row, input, lang }) => ({
    problems: answerLanguageProblems(row, input, lang),
    changes: { resolution: input.resolution?.trim() ?? null },
    isNoteKeptInternal: true,
  }),
  approve_answer: ({ row, now }) => ({
    changes: answered(row, now, row.resolution),
    isNoteKeptInternal: true,
  }),
  // Back to the handler with the supervisor's reason (internal: the petitioner is not told).
  return_answer: () => ({ isNoteKeptInternal: true }),
  // Closing a fixed field report sends nothing (the reporter was told when it was fixed) and keeps the fix
  // time as its closing time: the reporter's "not fixed" window still counts from the fix.
  close: ({ row, now }) =>
    row.state === 'fixed'
      ? {}
      : { changes: { closedAt: now }, notices: [{ topic: 'case.closed', detail: row.resolution ?? '' }] },
  // The applicant is told when a case they were told was closed is worked on again (a resolved case's answer
  // was never sent). A field report's reporter says "not fixed" on its own page and hears at the next fix.
  reopen: ({ row, actor, now, input }) => ({
    changes: { closedAt: null, resolvedAt: null, resolution: null, pauses: closeOpenPause(row.pauses, now) },
    notices:
      row.state === 'closed' && row.kind !== 'field_report'
        ? [
            {
              topic: 'case.reopened',
              detail: reasonOf(input),
              by: actor.kind === 'applicant' ? 'applicant' : 'unit',
            },
          ]
        : [],
  }),
  transfer,
  forward: ({ now, input }) => {
    const agency = input.targetAgency?.trim() ?? null;
    return {
      changes: { forwardedTo: agency, closedAt: now },
      data: { agency },
      notices: [{ topic: 'case.forwarded', detail: input.publicNote?.trim() ?? '' }],
    };
  },
  // 不予受理／駁回 in its own words, with the reasons (never "closed").
  reject: ({ row, now, input }) => ({
    changes: { closedAt: now, pauses: closeOpenPause(row.pauses, now) },
    notices: [{ topic: 'case.rejected', detail: reasonOf(input) }],
    afterwards: (tx) => withdrawOpenNotice(tx, row.id, now),
  }),
  withdraw: ({ row, now }) => ({
    changes: { closedAt: now, pauses: closeOpenPause(row.pauses, now) },
    // Confirmed to the applicant, whoever withdrew it (on /track, or the counter on their behalf).
    notices: [{ topic: 'case.withdrawn' }],
    // A deficiency notice still open ends with the case.
    afterwards: (tx) => withdrawOpenNotice(tx, row.id, now),
  }),
  merge,
};
