import type { ModulePart } from '../../../platform/composition/module-part.ts';
import { staffAdminText } from './staff-admin-messages.ts';
import { staffAdminPaths } from './staff-admin-paths.ts';
import { staffAdminTopicList } from './templates/index.ts';

const label = (zh: string, en: string) => ({ 'zh-TW': zh, en });

/**
 * Administration: staff accounts (issue 17 §1). The admins' pages (list, invitation, a member's page and its
 * forms) and the invited person's one-time link load lazily; the invitation e-mail is a topic; every change
 * is audited under the actions below (the platform's own `staff.two_factor.reset` aside).
 */
export const staffPart: ModulePart = {
  routes: [
    { load: () => import('./staff-admin-routes.tsx').then((file) => file.staffAdminRoutes) },
    { load: () => import('./invitation-routes.tsx').then((file) => file.invitationRoutes) },
  ],
  staffAreas: [
    {
      id: 'administration.staff',
      group: 'administration',
      label: { 'zh-TW': staffAdminText('zh-TW', 'areaLabel'), en: staffAdminText('en', 'areaLabel') },
      path: staffAdminPaths.list,
      roles: ['admin'],
    },
  ],
  notificationTopics: staffAdminTopicList,
  auditActions: [
    { action: 'staff.invited', label: label('邀請同仁建立員工帳號', 'Colleague invited to a staff account') },
    {
      action: 'staff.invitation_resent',
      label: label('重新寄送員工帳號邀請', 'Staff invitation sent again'),
    },
    { action: 'staff.invitation_revoked', label: label('撤銷員工帳號邀請', 'Staff invitation withdrawn') },
    {
      action: 'staff.invitation_accepted',
      label: label('同仁接受邀請並設定密碼', 'Invitation accepted and password set'),
    },
    { action: 'staff.role_changed', label: label('變更員工角色或單位', 'Staff role or unit changed') },
    { action: 'staff.deactivated', label: label('停用員工帳號', 'Staff account deactivated') },
    { action: 'staff.reactivated', label: label('重新啟用員工帳號', 'Staff account reactivated') },
    { action: 'staff.lockout_released', label: label('解除員工登入鎖定', 'Staff sign-in lockout released') },
  ],
};
