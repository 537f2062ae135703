import { createHash, randomBytes } from 'node:crypto';
import type { StaffRole } from '../../../platform/auth/principal.ts';

/**
 * The pure rules of staff administration (unit-tested without a database): an invitation link's token and
 * life, and who may lose the administrator role or be deactivated.
 */

/** An invitation link works this long after it is sent (three days: a weekend in between still works). */
export const invitationLifetimeHours = 72;

export function invitationExpiryOf(now: Date): Date {
  return new Date(now.getTime() + invitationLifetimeHours * 3_600_000);
}

/** A new link token: 32 random bytes, base64url (43 characters). Only its hash is stored. */
export function newInvitationToken(): string {
  return randomBytes(32).toString('base64url');
}

const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

/** The stored form of a link's token (SHA-256, hex); null for anything that is not one of our tokens. */
export function invitationTokenHash(token: string | undefined): string | null {
  if (token === undefined || !tokenPattern.test(token)) return null;
  return createHash('sha256').update(token).digest('hex');
}

export type InvitationState = 'usable' | 'unknown' | 'expired' | 'used' | 'revoked';

/** Why a link is refused: its state, or unknown when it reads as usable with nothing behind it. */
export function refusalOf(state: InvitationState): Exclude<InvitationState, 'usable'> {
  return state === 'usable' ? 'unknown' : state;
}

/** What a link is worth at `now`: accepted and withdrawn come before expired (they say more). */
export function invitationStateOf(
  row: { expiresAt: Date; acceptedAt: Date | null; revokedAt: Date | null } | null,
  now: Date,
): InvitationState {
  if (row === null) return 'unknown';
  if (row.acceptedAt !== null) return 'used';
  if (row.revokedAt !== null) return 'revoked';
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'usable';
}

export type AdminRuleRefusal = 'own_admin_role' | 'own_account' | 'last_admin';

/**
 * Whether a change of a member's role or status is refused: nobody removes their own administrator role
 * or deactivates themselves (another administrator must), and the last active administrator keeps the role
 * and stays active (someone must be able to administer). `otherActiveAdmins` counts active admins other
 * than the member.
 */
export function adminRuleRefusal(change: {
  actorId: string;
  member: { id: string; role: StaffRole; isActive: boolean };
  next: { role: StaffRole; isActive: boolean };
  otherActiveAdmins: number;
}): AdminRuleRefusal | null {
  const { member, next } = change;
  const isSelf = change.actorId === member.id;
  const losesAdmin = member.role === 'admin' && next.role !== 'admin';
  if (isSelf && losesAdmin) return 'own_admin_role';
  if (isSelf && member.isActive && !next.isActive) return 'own_account';
  const wasActiveAdmin = member.role === 'admin' && member.isActive;
  const staysActiveAdmin = next.role === 'admin' && next.isActive;
  if (wasActiveAdmin && !staysActiveAdmin && change.otherActiveAdmins === 0) return 'last_admin';
  return null;
}
