import { administrationPaths } from '../administration-paths.ts';

/**
 * The staff accounts pages' URLs (bare, zh-TW), from the module's paths: the member's forms post to
 * addresses below the member's page, an invitation's to addresses below the list.
 */
const member = administrationPaths.staffMember;
const invitationsBase = `${administrationPaths.staff}/invitations`;

export const memberActions = [
  'role',
  'deactivate',
  'reactivate',
  'two-factor-reset',
  'lockout-release',
] as const;
export type MemberAction = (typeof memberActions)[number];

export const invitationActions = ['resend', 'revoke'] as const;
export type InvitationAction = (typeof invitationActions)[number];

export const staffAdminPaths = {
  list: administrationPaths.staff,
  invite: administrationPaths.staffInvite,
  member,
  memberPattern: administrationPaths.staffMemberPattern,
  memberAction: (id: string, action: MemberAction) => `${member(id)}/${action}`,
  memberActionPattern: (action: MemberAction) => `${administrationPaths.staffMemberPattern}/${action}`,
  invitationAction: (id: string, action: InvitationAction) => `${invitationsBase}/${id}/${action}`,
  invitationActionPattern: (action: InvitationAction) => `${invitationsBase}/:id/${action}`,
  invitation: administrationPaths.invitation,
  invitationPattern: administrationPaths.invitationPattern,
} as const;
