/**
 * Open311 API keys, the rules that need no database: how a key looks (`ow_` and 32 base64url characters,
 * 192 random bits), what the table keeps instead of it (its SHA-256 and its first characters), and what a
 * key's name and rate may be. Unit-tested on their own.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Lang } from '../../platform/web/i18n.ts';
import { apiKeyText } from './api-key-messages.ts';

/** Every key starts so: a secret scanner (or a person) recognises one in a log or a repository. */
export const apiKeyMarker = 'ow_';
/** `ow_` and the first 4 random characters: enough to tell keys apart in a list, useless for guessing. */
export const apiKeyPrefixLength = apiKeyMarker.length + 4;
export const defaultRatePerMinute = 60;
export const maxRatePerMinute = 10_000;

const keyPattern = /^ow_[A-Za-z0-9_-]{32}$/;
const namePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;

/** A new key: 24 random bytes, base64url (32 characters), after the marker. */
export function newApiKey(): string {
  return `${apiKeyMarker}${randomBytes(24).toString('base64url')}`;
}

/** What the table keeps of a key: its SHA-256, hex. A key is random, so no salt or slow hash is needed. */
export function apiKeyHash(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function apiKeyPrefixOf(key: string): string {
  return key.slice(0, apiKeyPrefixLength);
}

/** Whether the text could be a key at all (anything else is refused without asking the database). */
export function looksLikeApiKey(text: string): boolean {
  return keyPattern.test(text);
}

/**
 * The stored hash and the presented key's, compared in constant time. The row was found by the hash's
 * unique index, so they match already; the comparison guards against a lookup that ever matched loosely.
 */
export function hashesMatch(storedHex: string, presentedKey: string): boolean {
  const stored = Buffer.from(storedHex, 'hex');
  const presented = Buffer.from(apiKeyHash(presentedKey), 'hex');
  return stored.length === presented.length && timingSafeEqual(stored, presented);
}

/** The name's problem, or null: letters, digits, dot, dash and underscore, 2 to 64, a letter or digit first. */
export function apiKeyNameProblem(name: string, lang: Lang): string | null {
  return namePattern.test(name) ? null : apiKeyText(lang, 'nameInvalid');
}

/** Requests a minute, as typed (full-width digits too); NaN when it is not a whole number in range. */
export function ratePerMinuteOf(typed: string): number {
  const compact = typed.normalize('NFKC').trim();
  if (compact === '') return defaultRatePerMinute;
  const rate = /^\d{1,5}$/.test(compact) ? Number(compact) : Number.NaN;
  return rate >= 1 && rate <= maxRatePerMinute ? rate : Number.NaN;
}

/** last_used_at is written at most once a minute per key: a busy client does not write a row per request. */
export function isLastUseStale(lastUsedAt: Date | null, now: Date): boolean {
  return lastUsedAt === null || now.getTime() - lastUsedAt.getTime() >= 60_000;
}
