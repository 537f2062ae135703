import { and, eq, sql } from 'drizzle-orm';
import { type AuditActor, type RequestOrigin, recordAudit } from '../../platform/auth/audit-log.ts';
import type { DatabaseOrTransaction } from '../../platform/db/database.ts';
import { DomainError, type FieldProblem, notFound } from '../../platform/http/errors.ts';
import { formatPageDate, taipeiIsoDate } from '../../platform/web/format-date.ts';
import type { Lang } from '../../platform/web/i18n.ts';
import {
  type CaseRow,
  type CasesContext,
  cases,
  type StaffCaseActor,
  type TransitionOptions,
  type TransitionRequest,
  transitionCase,
} from '../cases/index.ts';
import { versionOf } from './petition-forms.ts';
import { petitionText as text } from './petition-messages.ts';
import { listPetitionTypes, type PetitionType } from './petition-types.ts';
import { type DeclineGround, petitionIdentities, petitionOfficers, petitions } from './petitions-schema.ts';
import { type FoundRepeat, findRepeats } from './repeat-detection.ts';

/**
 * What a handler does on a petition's own page (issue 16 §2, §5): the answer drafted from its template in
 * the petitioner's language (submitted for approval, or resolved, by the type's rule); a §173 decline with
 * its ground (still registered and counted; a repeat cites the earlier reply's date and number); a transfer
 * (移文) with its letter. Each is one transition of the case core, the petition's own columns written in the
 * same transaction. And the confidential reporter's identity, for designated officers only, audited.
 */

type PetitionRow = typeof petitions.$inferSelect;

export interface PetitionPage {
  row: CaseRow;
  petition: PetitionRow;
  type: PetitionType | undefined;
  repeats: FoundRepeat[];
}

/** The case by its number (the case core's table, read-only), with its petition; 404 when it is none. */
export async function loadPetition(
  db: DatabaseOrTransaction,
  caseNumber: string,
  lang: Lang,
): Promise<PetitionPage> {
  // The case and its petition in one read (a petition always has both: registerPetition writes them together).
  const [found] = await db
    .select({ row: cases, petition: petitions })
    .from(cases)
    .innerJoin(petitions, eq(petitions.caseId, cases.id))
    .where(and(eq(cases.caseNumber, caseNumber.trim()), eq(cases.kind, 'petition')));
  if (found === undefined) throw notFound(text(lang, 'notPetition', { caseNumber }));
  const { row, petition } = found;
  const [types, repeats] = await Promise.all([listPetitionTypes(db), repeatsOf(db, row, petition)]);
  return { row, petition, type: types.find((type) => type.serviceCode === row.serviceCode), repeats };
}

/** Earlier petitions like this one: by its petitioner, its place and its text (repeat-detection.ts). */
function repeatsOf(
  db: DatabaseOrTransaction,
  row: Pick<CaseRow, 'id' | 'subject' | 'description'>,
  petition: Pick<PetitionRow, 'contactHashes' | 'placeKey'>,
): Promise<FoundRepeat[]> {
  return findRepeats(db, {
    text: `${row.subject}\n${row.description}`,
    contactHashes: petition.contactHashes,
    placeKey: petition.placeKey,
    excludeCaseId: row.id,
  });
}

/**
 * The repeats of the petition that is this case, for the case page (issue 16 §4: shown to the handler on the
 * case page as on the petition's own); null for a case that is no petition. The case page has checked that
 * the person may read the case.
 */
export async function repeatsOfCase(
  db: DatabaseOrTransaction,
  caseId: string,
): Promise<{ caseNumber: string; repeats: FoundRepeat[] } | null> {
  const [found] = await db
    .select({
      id: cases.id,
      caseNumber: cases.caseNumber,
      subject: cases.subject,
      description: cases.description,
      contactHashes: petitions.contactHashes,
      placeKey: petitions.placeKey,
    })
    .from(petitions)
    .innerJoin(cases, eq(cases.id, petitions.caseId))
    .where(eq(petitions.caseId, caseId));
  if (found === undefined) return null;
  return { caseNumber: found.caseNumber, repeats: await repeatsOf(db, found, found) };
}

/** The petitioner's language: an English petition is answered, declined and transferred in English. */
export const replyLangOf = (petition: PetitionRow): Lang => (petition.isEnglish ? 'en' : 'zh-TW');

/** The templates, filled from the case (greeting, date, subject, number), in the petitioner's language. */
export function draftsOf(page: PetitionPage, agency = '') {
  const lang = replyLangOf(page.petition);
  const date = formatPageDate(lang, taipeiIsoDate(page.row.receivedAt));
  const common = { date, subject: page.row.subject, caseNumber: page.row.caseNumber, agency };
  const greeting = page.petition.isConfidential
    ? ''
    : `${text(lang, 'tplGreeting', { name: page.row.applicantName })}\n\n`;
  const earlier = page.repeats.find((repeat) => repeat.answeredAt !== null && repeat.resolution !== null);
  return {
    answer: greeting + text(lang, 'tplAnswer', common),
    no_content: greeting + text(lang, 'tplNoContent', common),
    no_identity: text(lang, 'tplNoIdentity', common),
    repeat_answered:
      earlier === undefined
        ? ''
        : greeting +
          text(lang, 'tplRepeat', {
            ...common,
            earlierDate: formatPageDate(lang, taipeiIsoDate(earlier.answeredAt as Date)),
            earlierNumber: earlier.caseNumber,
            earlierAnswer: earlier.resolution ?? '',
          }),
    citedNumber: earlier?.caseNumber ?? '',
    transfer: greeting + text(lang, 'tplTransfer', common),
  };
}

function versionProblem(version: string, lang: Lang): FieldProblem[] {
  return Number.isNaN(versionOf(version))
    ? [{ field: 'version', code: 'invalid', message: text(lang, 'invalid') }]
    : [];
}

/**
 * A petition's step once every problem of the form is known: the version, and `problems` found before
 * (all listed at once), then the transition on that version.
 */
function transitionPetition(
  context: CasesContext,
  page: PetitionPage,
  step: { version: string; problems?: FieldProblem[]; event: TransitionRequest['event'] },
  input: TransitionRequest['input'],
  actor: StaffCaseActor,
  options?: TransitionOptions,
): Promise<CaseRow> {
  const problems = [...versionProblem(step.version, context.lang), ...(step.problems ?? [])];
  if (problems.length > 0)
    throw new DomainError('VALIDATION_FAILED', text(context.lang, 'invalid'), { problems });
  return transitionCase(
    context,
    { caseId: page.row.id, expectedVersion: versionOf(step.version), event: step.event, input },
    actor,
    options,
  );
}

export async function answerPetition(
  context: CasesContext,
  page: PetitionPage,
  options: { version: string; answer: string },
  actor: StaffCaseActor,
): Promise<CaseRow> {
  const event = page.row.needsAnswerApproval ? 'submit_answer' : 'resolve';
  return transitionPetition(
    context,
    page,
    { version: options.version, event },
    { resolution: options.answer },
    actor,
  );
}

export async function declinePetition(
  context: CasesContext,
  page: PetitionPage,
  options: { version: string; ground: DeclineGround; cited: string; reply: string },
  actor: StaffCaseActor,
): Promise<CaseRow> {
  const { db, lang } = context;
  const problems: FieldProblem[] = [];
  let citedId: string | null = null;
  if (options.ground === 'repeat_answered') {
    const number = options.cited.trim();
    if (number === '')
      problems.push({ field: 'cited', code: 'required', message: text(lang, 'citedRequired') });
    else {
      const found = await db.execute<{ id: string; resolved_at: Date | null }>(
        sql`select id, resolved_at from cases where case_number = ${number}`,
      );
      const cited = found.rows[0];
      if (cited === undefined)
        problems.push({ field: 'cited', code: 'unknown', message: text(lang, 'citedUnknown', { number }) });
      else if (cited.resolved_at === null)
        problems.push({
          field: 'cited',
          code: 'not_answered',
          message: text(lang, 'citedNotAnswered', { number }),
        });
      else citedId = cited.id;
    }
  }
  return transitionPetition(
    context,
    page,
    { version: options.version, problems, event: 'reject' },
    { reason: options.reply },
    actor,
    {
      inTransaction: async (tx) => {
        await tx
          .update(petitions)
          .set({ declineGround: options.ground, citedCaseId: citedId })
          .where(eq(petitions.caseId, page.row.id));
      },
    },
  );
}

export async function transferPetition(
  context: CasesContext,
  page: PetitionPage,
  options: { version: string; agency: string; letter: string },
  actor: StaffCaseActor,
): Promise<CaseRow> {
  return transitionPetition(
    context,
    page,
    { version: options.version, event: 'forward' },
    { targetAgency: options.agency, publicNote: options.letter },
    actor,
  );
}

/** A confidential reporter's identity: designated officers only; every reading and refusal audited. */
export async function readIdentity(
  db: DatabaseOrTransaction,
  page: PetitionPage,
  options: { staffId: string; actor: AuditActor; origin: RequestOrigin; now: Date; lang: Lang },
) {
  const [officer] = await db
    .select()
    .from(petitionOfficers)
    .where(eq(petitionOfficers.staffId, options.staffId));
  const target = { type: 'case', id: page.row.id };
  if (officer === undefined) {
    await recordAudit(db, {
      occurredAt: options.now,
      actor: options.actor,
      action: 'petition.identity_refused',
      target,
      origin: options.origin,
    });
    throw new DomainError('FORBIDDEN', text(options.lang, 'identityRefused'));
  }
  const [identity] = await db
    .select()
    .from(petitionIdentities)
    .where(eq(petitionIdentities.caseId, page.row.id));
  await recordAudit(db, {
    occurredAt: options.now,
    actor: options.actor,
    action: 'petition.identity_view',
    target,
    origin: options.origin,
  });
  if (identity === undefined)
    throw notFound(text(options.lang, 'notPetition', { caseNumber: page.row.caseNumber }));
  return identity;
}
