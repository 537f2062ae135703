import { and, eq, gt, lt } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database, DatabaseOrTransaction, Transaction } from '../db/database.ts';
import type { Lang } from '../web/i18n.ts';
import { DomainError } from './errors.ts';
import {
  idempotencyKeyHeader,
  idempotencyKeyLifetimeHours,
  onceFieldName,
  onceTokenOf,
  requestFingerprint,
} from './idempotency-rules.ts';
import { idempotencyKeys } from './idempotency-schema.ts';

export {
  idempotencyKeyHeader,
  idempotencyKeyLifetimeHours,
  idempotencyKeyPatternSource,
  newOnceToken,
  onceFieldName,
  onceTokenOf,
} from './idempotency-rules.ts';

/**
 * Idempotent creation (issue 13): a request that carries a key (an `Idempotency-Key` header, a form's
 * one-time token) creates its thing once. The first answer is stored in `idempotency_keys` in the same
 * transaction as what it created, so a crash never leaves a key without its case or a case without its key;
 * the same key from the same caller within 24 hours gets that answer again. Two requests with one key at
 * once: the second's insert waits on the first's uncommitted row (the primary key), then finds it taken,
 * rolls its own work back and answers with the first's answer.
 */

export interface IdempotencyClaim {
  /** Who asks and for what: a key is only ever matched within its scope (`api.cases:staff:<id>`). */
  scope: string;
  key: string;
  /** requestFingerprint of the body, or '' when any request with the key gets the answer (forms). */
  fingerprint: string;
}

export interface IdempotentAnswer {
  status: number;
  /** A JSON body, or `{ location }` for a form's redirect. */
  answer: Record<string, unknown>;
}

/** Writes the answer in the creating transaction; a no-op when the request carried no key. */
export type RecordAnswer = (tx: Transaction, answer: IdempotentAnswer) => Promise<void>;

/** The key was stored by another request between our look-up and our insert: its answer stands. */
class AnsweredMeanwhile extends Error {
  override name = 'AnsweredMeanwhile';
}

const reusedMessage = {
  'zh-TW': '這個 Idempotency-Key 已用於另一個內容不同的請求；請為新的請求使用新的 key。',
  en: 'This Idempotency-Key was already used for a different request; use a new key for a new request.',
} as const;

/** A JSON API's claim: the header (checked by the route's schema) and the body's fingerprint; null without. */
export function headerClaim(request: FastifyRequest, scope: string): IdempotencyClaim | null {
  const key = request.headers[idempotencyKeyHeader];
  if (typeof key !== 'string' || key === '') return null;
  return { scope, key, fingerprint: requestFingerprint(request.body ?? null) };
}

/** A form's claim: its one-time token (any later post with it is the same submission); null without. */
export function formClaim(fields: Record<string, unknown>, scope: string): IdempotencyClaim | null {
  const key = onceTokenOf(fields[onceFieldName]);
  return key === null ? null : { scope, key, fingerprint: '' };
}

function since(now: Date): Date {
  return new Date(now.getTime() - idempotencyKeyLifetimeHours * 3_600_000);
}

/**
 * The stored answer to this claim, or null. The same key with another request's fingerprint is a mistake of
 * the client's: 409 CONFLICT naming the header.
 */
export async function findAnswer(
  db: DatabaseOrTransaction,
  claim: IdempotencyClaim,
  options: { lang: Lang; now: Date },
): Promise<IdempotentAnswer | null> {
  const [row] = await db
    .select({
      fingerprint: idempotencyKeys.fingerprint,
      status: idempotencyKeys.status,
      answer: idempotencyKeys.answer,
    })
    .from(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.scope, claim.scope),
        eq(idempotencyKeys.key, claim.key),
        gt(idempotencyKeys.createdAt, since(options.now)),
      ),
    );
  if (row === undefined) return null;
  if (row.fingerprint !== claim.fingerprint) {
    throw new DomainError('CONFLICT', reusedMessage[options.lang], {
      problems: [
        { field: 'Idempotency-Key', code: 'idempotency_key_reused', message: reusedMessage[options.lang] },
      ],
    });
  }
  return { status: row.status, answer: row.answer };
}

async function recordAnswer(
  tx: Transaction,
  claim: IdempotencyClaim,
  answer: IdempotentAnswer,
  now: Date,
): Promise<void> {
  // An expired row of the same key (not swept yet) is replaced; a live one (or one being written by a
  // concurrent request, which this insert waits for) means the key was answered meanwhile.
  const inserted = await tx
    .insert(idempotencyKeys)
    .values({ ...claim, status: answer.status, answer: answer.answer, createdAt: now })
    .onConflictDoUpdate({
      target: [idempotencyKeys.scope, idempotencyKeys.key],
      set: {
        fingerprint: claim.fingerprint,
        status: answer.status,
        answer: answer.answer,
        createdAt: now,
      },
      setWhere: lt(idempotencyKeys.createdAt, since(now)),
    })
    .returning({ key: idempotencyKeys.key });
  if (inserted.length === 0) throw new AnsweredMeanwhile();
}

/**
 * Runs `create` once per claim: with a stored answer it is not run at all (`isReplay`); otherwise `create`
 * must call `record` inside the transaction that creates, with the answer it gives. Without a claim (no
 * key sent) `create` simply runs.
 */
export async function answerOnce(
  db: Database,
  claim: IdempotencyClaim | null,
  options: { lang: Lang; now: Date },
  create: (record: RecordAnswer) => Promise<IdempotentAnswer>,
): Promise<IdempotentAnswer & { isReplay: boolean }> {
  if (claim === null) return { ...(await create(async () => {})), isReplay: false };
  const stored = await findAnswer(db, claim, options);
  if (stored !== null) return { ...stored, isReplay: true };
  try {
    const answer = await create((tx, given) => recordAnswer(tx, claim, given, options.now));
    return { ...answer, isReplay: false };
  } catch (error) {
    if (!(error instanceof AnsweredMeanwhile)) throw error;
    const first = await findAnswer(db, claim, options);
    if (first === null) throw error;
    return { ...first, isReplay: true };
  }
}

/**
 * Sends a JSON answer (first or replayed), typed as the route's response (the stored body is the one the
 * route gave the first time); a replay says so in `Idempotent-Replayed: true`.
 */
export function sendAnswer<Body>(
  reply: FastifyReply,
  answer: IdempotentAnswer & { isReplay: boolean },
): Body {
  if (answer.isReplay) reply.header('idempotent-replayed', 'true');
  reply.code(answer.status);
  return answer.answer as Body;
}

/** Housekeeping: keys older than their lifetime answer nothing any more. Returns how many were removed. */
export async function deleteExpiredIdempotencyKeys(db: Database, now: Date): Promise<number> {
  const removed = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, since(now)))
    .returning({ key: idempotencyKeys.key });
  return removed.length;
}
