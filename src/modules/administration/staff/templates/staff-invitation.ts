import {
  defineTopic,
  facts,
  letter,
  type NotificationTemplate,
} from '../../../../platform/notify/template-kit.ts';

export interface StaffInvitationData {
  /** The invited person's name, as the admin typed it. */
  displayName: string;
  /** The role's and the unit's names in the recipient's language ('—' for no unit). */
  roleName: string;
  unitName: string;
  /** The one-time link (absolute). */
  invitationUrl: string;
  /** Until when it works, written for the reader (Taipei time). */
  expiresAt: string;
  hours: number;
}

/**
 * 員工帳號邀請: sent to a colleague an administrator invited (issue 17 §1). The link lets them set their own
 * password once, before it expires; no password is ever in the message.
 */
const staffInvitation: NotificationTemplate<StaffInvitationData> = {
  audience: 'staff',
  purpose: {
    'zh-TW':
      '員工帳號邀請：系統管理員邀請同仁使用系統時寄出，信中的連結讓同仁自行設定密碼（只能使用一次，有效期限內）。',
    en: 'Staff account invitation: sent when an administrator invites a colleague; its link lets them set their own password (once, before it expires).',
  },
  sample: {
    'zh-TW': {
      displayName: '陳小明',
      roleName: '承辦人',
      unitName: '養護工程處',
      invitationUrl:
        'https://onewindow.example.gov.tw/staff/invitation/EXAMPLEexampleEXAMPLEexampleEXAMPLEexample1',
      expiresAt: '民國115年12月8日 14:02',
      hours: 72,
    },
    en: {
      displayName: 'Chen Hsiao-ming',
      roleName: 'Case handler',
      unitName: 'Maintenance Office',
      invitationUrl:
        'https://onewindow.example.gov.tw/en/staff/invitation/EXAMPLEexampleEXAMPLEexampleEXAMPLEexample1',
      expiresAt: '8 December 2026 14:02',
      hours: 72,
    },
  },
  render: {
    'zh-TW': (data) => ({
      subject: '【工務單一窗口】員工帳號邀請：請設定您的密碼',
      text: letter(
        'zh-TW',
        [
          `${data.displayName} 您好，系統管理員邀請您使用工務局單一窗口系統。`,
          facts('zh-TW', [
            ['角色', data.roleName],
            ['單位', data.unitName],
            ['連結有效至', data.expiresAt],
          ]),
          `請點選下面的連結設定您的密碼，接著設定兩步驟驗證。連結 ${data.hours} 小時內有效，只能使用一次：\n${data.invitationUrl}`,
          '系統不會以電子郵件寄送密碼。如果您沒有預期收到這封信，請不要點選連結，並通知資訊室。',
        ],
        { toStaff: true },
      ),
      sms: '工務單一窗口：您受邀使用員工帳號，請開啟電子郵件中的連結設定密碼。',
    }),
    en: (data) => ({
      subject: 'OneWindow: you are invited to a staff account; set your password',
      text: letter(
        'en',
        [
          `Dear ${data.displayName}, an administrator has invited you to the Public Works Bureau’s OneWindow system.`,
          facts('en', [
            ['Role', data.roleName],
            ['Unit', data.unitName],
            ['Link valid until', data.expiresAt],
          ]),
          `Follow this link to set your password, then set up two-step verification. It works once, for ${data.hours} hours:\n${data.invitationUrl}`,
          'We never send passwords by e-mail. If you did not expect this message, do not follow the link and tell the IT office.',
        ],
        { toStaff: true },
      ),
      sms: 'OneWindow: you are invited to a staff account; open the link in your e-mail to set your password.',
    }),
  },
};

export const staffInvitationTopic = defineTopic('administration.staff_invitation', staffInvitation);
