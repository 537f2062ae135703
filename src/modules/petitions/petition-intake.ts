import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Transaction } from '../../platform/db/database.ts';
import { DomainError, type FieldProblem } from '../../platform/http/errors.ts';
import { isPhoneNumber, normalisePhone } from '../../platform/reference/phone-numbers.ts';
import {
  type AttachmentUpload,
  type CaseActor,
  type CaseRow,
  type CasesContext,
  openCase,
  storeAttachments,
} from '../cases/index.ts';
import { petitionText as text } from './petition-messages.ts';
import { placeKeyOf, textPairs } from './petition-text.ts';
import { listPetitionTypes, type PetitionType } from './petition-types.ts';
import { type PetitionSource, petitionIdentities, petitionLinks, petitions } from './petitions-schema.ts';
import { type FoundRepeat, findRepeats } from './repeat-detection.ts';

/**
 * Registering a petition from any channel (issue 16 §1): one use case for the web forms (after the one-time
 * code), letters, oral petitions, 1999 transfers and e-mails. Every petition is registered — one without a
 * name or a contact too (§173 may decline it, but it is counted). A confidential report (檢舉) keeps the
 * reporter's identity in `petition_identities` only: the case reads 「檢舉人（身分保密）」 and holds no contact,
 * so nothing the case core shows, exports or sends carries it. The earlier petitions on the same matter are
 * found and linked in the same transaction, and returned for the page that shows them.
 */

export interface PetitionInput {
  typeCode: string;
  /** Empty when a staff member did not say (a problem of the form). */
  source: PetitionSource | '';
  name: string;
  email: string;
  phone: string;
  address: string;
  districtCode: string;
  /** Where the matter is (a road, a park), when it has a place. */
  place: string;
  subject: string;
  text: string;
  isEnglish: boolean;
  /** An oral petition: the record was read back to the petitioner and signed. */
  isReadBack?: boolean;
  messageId?: string | undefined;
  /** Files the staff member scanned (an oral petition's signed record, a letter): kept on the case. */
  attachments?: readonly AttachmentUpload[] | undefined;
}

export interface RegisteredPetition {
  row: CaseRow;
  type: PetitionType;
  repeats: FoundRepeat[];
}

/** The name a case holds for a confidential reporter, and for a petition without a name. */
const confidentialName = { zh: '檢舉人（身分保密）', en: 'Reporter (identity confidential)' } as const;
const unnamed = '（未具名）';

export const sha256Hex = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex');

/** The hashes that find "the same petitioner" without keeping the contact twice. */
export function contactHashesOf(email: string, phone: string): string[] {
  const hashes: string[] = [];
  const address = email.trim().toLowerCase();
  if (address !== '') hashes.push(sha256Hex(`email:${address}`));
  const digits = normalisePhone(phone);
  if (digits !== '') hashes.push(sha256Hex(`phone:${digits}`));
  return hashes;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Every problem of the petition's own fields at once (the case core adds its own). */
export function petitionProblems(
  input: PetitionInput,
  type: PetitionType | undefined,
  lang: CasesContext['lang'],
  knownProblems: readonly FieldProblem[] = [],
): FieldProblem[] {
  const problems: FieldProblem[] = [...knownProblems];
  if (input.source === '')
    problems.push({ field: 'source', code: 'required', message: text(lang, 'sourceRequired') });
  if (type === undefined)
    problems.push({ field: 'typeCode', code: 'unknown', message: text(lang, 'typeUnknown') });
  if (input.text.trim() === '')
    problems.push({ field: 'text', code: 'required', message: text(lang, 'textRequired') });
  if (input.email.trim() !== '' && !emailPattern.test(input.email.trim()))
    problems.push({ field: 'email', code: 'invalid', message: text(lang, 'emailInvalid') });
  if (input.phone.trim() !== '' && !isPhoneNumber(normalisePhone(input.phone)))
    problems.push({ field: 'phone', code: 'invalid', message: text(lang, 'phoneInvalid') });
  if (input.source === 'oral' && input.isReadBack !== true)
    problems.push({ field: 'isReadBack', code: 'required', message: text(lang, 'readBackRequired') });
  if (type?.isConfidential === true && input.name.trim() === '')
    problems.push({ field: 'name', code: 'required', message: text(lang, 'reporterNameRequired') });
  return problems;
}

export async function registerPetition(
  context: CasesContext,
  input: PetitionInput,
  actor: CaseActor,
  /** Problems the caller found itself (its form's, its files'): listed with the petition's, all at once. */
  knownProblems: readonly FieldProblem[] = [],
  /**
   * Work of the caller's in the petition's transaction, first: the web form's submission claimed (deleted) as
   * the case is written, so that a petition is neither lost nor registered twice. Throwing rolls it all back.
   */
  options: { inTransaction?: (tx: Transaction, row: CaseRow) => Promise<void> } = {},
): Promise<RegisteredPetition> {
  const { db, lang, now } = context;
  const types = await listPetitionTypes(db);
  const type = types.find((candidate) => candidate.serviceCode === input.typeCode.trim());
  const problems = petitionProblems(input, type, lang, knownProblems);
  const source = input.source;
  if (problems.length > 0 || type === undefined || source === '')
    throw new DomainError('VALIDATION_FAILED', text(lang, 'invalid'), { problems });

  const email = input.email.trim().toLowerCase();
  const phone = input.phone.trim();
  const name = input.name.trim();
  const contactHashes = contactHashesOf(email, phone);
  const districtCode = input.districtCode.trim();
  const placeKey = placeKeyOf(districtCode === '' ? null : districtCode, input.place);
  const body = `${input.subject.trim()}\n${input.text.trim()}`;
  const pairs = textPairs(body);
  const repeats = await findRepeats(db, { text: body, contactHashes, placeKey });
  const isConfidential = type.isConfidential;

  const row = await openCase(
    context,
    {
      serviceCode: type.serviceCode,
      channel: channelOf(source),
      applicantType: 'person',
      applicantName: isConfidential
        ? input.isEnglish
          ? confidentialName.en
          : confidentialName.zh
        : name === ''
          ? unnamed
          : name,
      applicantPhone: isConfidential ? undefined : phone,
      applicantEmail: isConfidential || email === '' ? undefined : email,
      applicantAddress: isConfidential ? undefined : input.address,
      applicantLang: input.isEnglish ? 'en' : 'zh-TW',
      // The §8 notice is on every petition form (web) or read to the petitioner (counter, phone).
      consent: true,
      subject: input.subject.trim() === '' ? undefined : input.subject,
      description: input.text,
      districtCode: districtCode === '' ? undefined : districtCode,
      address: input.place.trim() === '' ? undefined : input.place,
      outerLimitWorkingDays: type.outerLimitWorkingDays,
      needsAnswerApproval: type.needsAnswerApproval,
      isPetitionIntake: true,
      // The reporter is told of the case's progress and its answer, like any petitioner, from here.
      ...(isConfidential ? { confidentialContact: { email, phone } } : {}),
    },
    actor,
    {
      inTransaction: async (tx, caseRow) => {
        await options.inTransaction?.(tx, caseRow);
        await tx.insert(petitions).values({
          caseId: caseRow.id,
          source,
          isConfidential,
          isEnglish: input.isEnglish,
          contactHashes,
          placeKey,
          textPairs: pairs,
          readBackAt: input.source === 'oral' ? now : null,
          messageId: input.messageId ?? null,
          receivedAt: now,
        });
        await countPairs(tx, pairs);
        await storeAttachments(
          tx,
          caseRow.id,
          input.attachments ?? [],
          { staffId: actor.kind === 'staff' ? actor.id : null },
          now,
        );
        if (isConfidential)
          await tx.insert(petitionIdentities).values({
            caseId: caseRow.id,
            name,
            email: email === '' ? null : email,
            phone: phone === '' ? null : normalisePhone(phone),
            address: input.address.trim() === '' ? null : input.address.trim(),
          });
        for (const repeat of repeats)
          await tx.insert(petitionLinks).values({
            caseId: caseRow.id,
            earlierCaseId: repeat.caseId,
            reasons: repeat.reasons,
            similarity: repeat.similarity,
            linkedAt: now,
          });
      },
    },
  );
  return { row, type, repeats };
}

/** How the case core names the channel a petition came through. */
function channelOf(source: PetitionSource) {
  switch (source) {
    case 'director_mailbox':
    case 'suggestion_box':
      return 'web';
    case 'hotline_1999':
      return 'hotline_1999';
    case 'email':
      return 'email';
    case 'oral':
      return 'counter';
    case 'letter':
      return 'counter';
  }
}

/** One more petition holds each of these pairs (the rarity repeat detection reads). */
async function countPairs(tx: Transaction, pairs: readonly number[]): Promise<void> {
  if (pairs.length === 0) return;
  await tx.execute(sql`
    insert into petition_pair_counts (pair, petitions)
    select pair, 1 from unnest(${`{${pairs.join(',')}}`}::integer[]) as pair
    on conflict (pair) do update set petitions = petition_pair_counts.petitions + 1`);
}
