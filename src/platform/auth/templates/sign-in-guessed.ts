import { defineTopic, facts, letter, type NotificationTemplate } from '../../notify/template-kit.ts';

export interface SignInGuessedData {
  /** The account's e-mail address, as the person knows it (their own). */
  email: string;
  /** When sign-ins from unknown browsers started to be refused, and until when (Taipei time, as written). */
  lockedAt: string;
  lockedUntil: string;
  /** The address the last failure came from. */
  fromAddress: string;
}

/**
 * 帳號遭猜測通知: sent to a staff member when too many wrong passwords for their address started a lockout of
 * unknown browsers (issue 13 §3). Their usual browser still signs in; the message says so and what to do.
 */
const signInGuessed: NotificationTemplate<SignInGuessedData> = {
  audience: 'staff',
  purpose: {
    'zh-TW':
      '帳號遭猜測通知：有人以同仁的電子郵件連續輸入錯誤密碼，系統暫停陌生瀏覽器的登入時寄給同仁本人（每次鎖定一封）。',
    en: 'Account being guessed: sent to a staff member when repeated wrong passwords for their address pause sign-ins from unknown browsers (one per lockout).',
  },
  sample: {
    'zh-TW': {
      email: 'chen.handler@example.gov.tw',
      lockedAt: '民國115年12月5日 14:02',
      lockedUntil: '民國115年12月5日 14:17',
      fromAddress: '203.0.113.7',
    },
    en: {
      email: 'chen.handler@example.gov.tw',
      lockedAt: '5 December 2026 14:02',
      lockedUntil: '5 December 2026 14:17',
      fromAddress: '203.0.113.7',
    },
  },
  render: {
    'zh-TW': (data) => ({
      subject: '【工務單一窗口】您的帳號有多次登入失敗',
      text: letter(
        'zh-TW',
        [
          '有人以您的電子郵件連續輸入錯誤的密碼。為保護您的帳號，系統暫停從陌生瀏覽器登入；您平常使用的瀏覽器仍可照常登入。',
          facts('zh-TW', [
            ['帳號', data.email],
            ['開始暫停', data.lockedAt],
            ['暫停至', data.lockedUntil],
            ['最後一次失敗來自', data.fromAddress],
          ]),
          '如果這不是您本人，請通知資訊室；建議您登入後更換密碼。',
        ],
        { toStaff: true },
      ),
      sms: `工務單一窗口：您的帳號有多次登入失敗，陌生瀏覽器暫停登入至 ${data.lockedUntil}。`,
    }),
    en: (data) => ({
      subject: 'OneWindow: repeated failed sign-ins to your account',
      text: letter(
        'en',
        [
          'Someone entered wrong passwords for your e-mail address several times. To protect your account, sign-ins from unknown browsers are paused; the browser you usually use still signs in as normal.',
          facts('en', [
            ['Account', data.email],
            ['Paused from', data.lockedAt],
            ['Paused until', data.lockedUntil],
            ['Last failure from', data.fromAddress],
          ]),
          'If this was not you, tell the IT office; we suggest you sign in and change your password.',
        ],
        { toStaff: true },
      ),
      sms: `OneWindow: repeated failed sign-ins to your account; unknown browsers paused until ${data.lockedUntil}.`,
    }),
  },
};

export const signInGuessedTopic = defineTopic('staff.sign_in_guessed', signInGuessed);
