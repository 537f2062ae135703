import { and, asc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { type AuditActor, type RequestOrigin, recordAudit } from '../../platform/auth/audit-log.ts';
import type { Database, DatabaseOrTransaction } from '../../platform/db/database.ts';
import { DomainError, type FieldProblem } from '../../platform/http/errors.ts';
import { consumeRateLimit, type RateLimitResult } from '../../platform/http/rate-limit.ts';
import type { Lang } from '../../platform/web/i18n.ts';
import { apiKeyText as text } from './api-key-messages.ts';
import {
  apiKeyHash,
  apiKeyNameProblem,
  apiKeyPrefixOf,
  hashesMatch,
  isLastUseStale,
  looksLikeApiKey,
  newApiKey,
  ratePerMinuteOf,
} from './api-key-rules.ts';
import { apiKeys } from './open311-schema.ts';

/**
 * Open311 API keys (issue 10 §6): an admin creates one per client system, from the staff page or the
 * command line; the key is shown once and only its SHA-256 is kept; revoking keeps the row (who filed
 * what stays known). A client presents its key with every POST: it is found by its hash, refused when
 * revoked, and counted against its own rate per minute in PostgreSQL, so every app process shares the
 * count. Every creation and revocation is in the audit log.
 */

export interface ApiKeyRow {
  id: string;
  name: string;
  keyPrefix: string;
  ratePerMinute: number;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

const rowColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  keyPrefix: apiKeys.keyPrefix,
  ratePerMinute: apiKeys.ratePerMinute,
  createdAt: apiKeys.createdAt,
  revokedAt: apiKeys.revokedAt,
  lastUsedAt: apiKeys.lastUsedAt,
};

/** Who acts, when and from where, and the language of the messages. */
export interface ApiKeyActor {
  actor: AuditActor;
  origin?: RequestOrigin | undefined;
  now: Date;
  lang: Lang;
}

/** Every key, the ones in use first, then by name. */
export async function listApiKeys(db: DatabaseOrTransaction): Promise<ApiKeyRow[]> {
  return db
    .select(rowColumns)
    .from(apiKeys)
    .orderBy(sql`${apiKeys.revokedAt} is not null`, asc(apiKeys.name));
}

export async function getApiKey(db: DatabaseOrTransaction, id: string): Promise<ApiKeyRow | null> {
  const [row] = await db.select(rowColumns).from(apiKeys).where(eq(apiKeys.id, id));
  return row ?? null;
}

function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } }).cause;
  return (error as { code?: string }).code === '23505' || cause?.code === '23505';
}

/**
 * Creates a key for a client system: every problem of the name and the rate at once (VALIDATION_FAILED).
 * Returns the key itself, which is never stored and never shown again.
 */
export async function createApiKey(
  db: Database,
  input: { name: string; rate: string; createdByStaffId: string | null } & ApiKeyActor,
): Promise<{ key: string; row: ApiKeyRow }> {
  const { lang } = input;
  const name = input.name.trim();
  const problems: FieldProblem[] = [];
  const nameProblem = name === '' ? text(lang, 'nameRequired') : apiKeyNameProblem(name, lang);
  if (nameProblem !== null)
    problems.push({ field: 'name', code: name === '' ? 'required' : 'invalid', message: nameProblem });
  const ratePerMinute = ratePerMinuteOf(input.rate);
  if (Number.isNaN(ratePerMinute))
    problems.push({ field: 'rate', code: 'invalid', message: text(lang, 'rateInvalid') });
  const taken = (): FieldProblem => ({
    field: 'name',
    code: 'taken',
    message: text(lang, 'nameTaken', { name }),
  });
  if (nameProblem === null) {
    const [existing] = await db.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.name, name));
    if (existing !== undefined) problems.push(taken());
  }
  if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', text(lang, 'invalid'), { problems });

  const key = newApiKey();
  try {
    const row = await db.transaction(async (tx) => {
      const [inserted] = await tx
        .insert(apiKeys)
        .values({
          name,
          keyHash: apiKeyHash(key),
          keyPrefix: apiKeyPrefixOf(key),
          ratePerMinute,
          createdAt: input.now,
          createdByStaffId: input.createdByStaffId,
        })
        .returning(rowColumns);
      if (inserted === undefined) throw new Error('insert into api_keys returned no row');
      await recordAudit(tx, {
        occurredAt: input.now,
        actor: input.actor,
        ...(input.origin ? { origin: input.origin } : {}),
        action: 'open311.api_key.created',
        target: { type: 'api_key', id: inserted.id },
        // The name and prefix identify the key; the key itself is never written anywhere.
        details: { name, keyPrefix: inserted.keyPrefix, ratePerMinute },
      });
      return inserted;
    });
    return { key, row };
  } catch (error) {
    // Two admins creating the same name at once: the unique index decides, the loser is told plainly.
    if (isUniqueViolation(error))
      throw new DomainError('VALIDATION_FAILED', text(lang, 'invalid'), { problems: [taken()] });
    throw error;
  }
}

/** Revokes the named key at once (its row stays). NOT_FOUND for no such name, CONFLICT when revoked before. */
export async function revokeApiKey(db: Database, input: { name: string } & ApiKeyActor): Promise<ApiKeyRow> {
  const { lang } = input;
  const name = input.name.trim();
  return db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(apiKeys)
      .set({ revokedAt: input.now })
      .where(and(eq(apiKeys.name, name), isNull(apiKeys.revokedAt)))
      .returning(rowColumns);
    if (revoked === undefined) {
      const [existing] = await tx.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.name, name));
      if (existing === undefined) throw new DomainError('NOT_FOUND', text(lang, 'keyNotFound', { name }));
      throw new DomainError('CONFLICT', text(lang, 'alreadyRevoked', { name }));
    }
    await recordAudit(tx, {
      occurredAt: input.now,
      actor: input.actor,
      ...(input.origin ? { origin: input.origin } : {}),
      action: 'open311.api_key.revoked',
      target: { type: 'api_key', id: revoked.id },
      details: { name, keyPrefix: revoked.keyPrefix },
    });
    return revoked;
  });
}

export type KeyCheck = { outcome: 'valid'; key: ApiKeyRow } | { outcome: 'missing' | 'invalid' | 'revoked' };

/**
 * The key a client presented: found by its SHA-256 (a unique index; the time the lookup takes says
 * nothing about the key), refused when revoked. Marks it used, at most once a minute.
 */
export async function checkApiKey(
  db: DatabaseOrTransaction,
  presented: string,
  now: Date,
): Promise<KeyCheck> {
  if (presented.trim() === '') return { outcome: 'missing' };
  if (!looksLikeApiKey(presented)) return { outcome: 'invalid' };
  const [row] = await db
    .select({ ...rowColumns, keyHash: apiKeys.keyHash })
    .from(apiKeys)
    .where(eq(apiKeys.keyHash, apiKeyHash(presented)));
  if (row === undefined || !hashesMatch(row.keyHash, presented)) return { outcome: 'invalid' };
  if (row.revokedAt !== null) return { outcome: 'revoked' };
  const { keyHash: _hash, ...key } = row;
  if (isLastUseStale(key.lastUsedAt, now)) {
    // Conditional, so that several processes seeing the same stale value write it once.
    await db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(
        and(
          eq(apiKeys.id, key.id),
          or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, new Date(now.getTime() - 60_000))),
        ),
      );
  }
  return { outcome: 'valid', key };
}

/** Counts one request against the key's own rate (a minute's window, shared by every process). */
export async function consumeKeyRate(
  db: DatabaseOrTransaction,
  key: Pick<ApiKeyRow, 'id' | 'ratePerMinute'>,
  now: Date,
): Promise<RateLimitResult> {
  return consumeRateLimit(db, {
    key: `open311-key:${key.id}`,
    limit: key.ratePerMinute,
    windowSeconds: 60,
    now,
  });
}
