import { staffInvitationTopic } from './staff-invitation.ts';

/** The staff accounts' notification topics. */
export const staffAdminTopics = { invitation: staffInvitationTopic } as const;

export const staffAdminTopicList = Object.values(staffAdminTopics);
