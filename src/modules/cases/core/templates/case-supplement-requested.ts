import {
  date,
  facts,
  letter,
  type NotificationTemplate,
  subject,
} from '../../../../platform/notify/template-kit.ts';
import { handledByRow, progressLine, supplementWays } from './case-letter-parts.ts';

export interface CaseSupplementRequestedData {
  caseNumber: string;
  serviceName: string;
  /** Every missing item at once (一次告知): never send a second request for something known now. */
  items: string[];
  /** ISO date by which to bring them, when the service sets one. */
  dueDate?: string;
  /**
   * Where to deliver them: the handling unit's counter (with its hours), postal address and e-mail; the
   * phone is `unitPhone`. Absent only when the unit's contacts are unknown.
   */
  howTo?: { address: string; hours: string; email: string; isContactVerified: boolean };
  /** The case offers an online supplement (a deficiency notice was issued): the first way listed. */
  isOnline?: boolean;
  unitName: string;
  unitPhone: string;
  trackingUrl: string;
}

/** The ways to deliver, one a line, and the caution while the unit's contacts are unconfirmed. */
function howToSend(lang: 'zh-TW' | 'en', data: CaseSupplementRequestedData): string | null {
  if (data.howTo === undefined) return null;
  const { lead, ways, caution } = supplementWays(lang, {
    caseNumber: data.caseNumber,
    isOnline: data.isOnline === true,
    contact: { ...data.howTo, phone: data.unitPhone },
  });
  const bullet = lang === 'en' ? '- ' : '・';
  return [lead, ...ways.map((way) => `${bullet}${way}`), ...(caution === null ? [] : [caution])].join('\n');
}

/**
 * 補正通知: what is missing, all of it in one message, and exactly how to deliver it (issue 14: online only
 * when the case offers it; otherwise the counter, the post or the unit's e-mail); the clock pauses meanwhile.
 */
export const caseSupplementRequested: NotificationTemplate<CaseSupplementRequestedData> = {
  audience: 'applicant',
  purpose: {
    'zh-TW': '補正通知：一次列出所有須補正的文件或資料，寄給申請人。',
    en: 'Supplement request: lists everything still needed, all at once, for the applicant.',
  },
  sample: {
    'zh-TW': {
      caseNumber: '1150302-0042',
      serviceName: '建築工程開工申報',
      items: ['施工計畫書（須由建築師簽章）', '營造業登記證影本', '起造人身分證明文件影本'],
      dueDate: '2026-03-16',
      howTo: {
        address: '高雄市苓雅區四維三路 2 號',
        hours: '週一至週五 8:00–17:30',
        email: 'building@kcg.gov.tw',
        isContactVerified: true,
      },
      isOnline: true,
      unitName: '建築管理處',
      unitPhone: '07-3368333',
      trackingUrl: 'https://onewindow.example.tw/track',
    },
    en: {
      caseNumber: '1150302-0042',
      serviceName: 'Building construction start filing',
      items: [
        'Construction plan (signed by the architect)',
        'Copy of the contractor’s registration certificate',
        'Copy of the owner’s identity document',
      ],
      dueDate: '2026-03-16',
      howTo: {
        address: '2 Siwei 3rd Road, Lingya District, Kaohsiung',
        hours: 'Monday to Friday, 8:00–17:30',
        email: 'building@kcg.gov.tw',
        isContactVerified: true,
      },
      isOnline: true,
      unitName: 'Building Administration Office',
      unitPhone: '07-3368333',
      trackingUrl: 'https://onewindow.example.tw/en/track',
    },
  },
  render: {
    'zh-TW': (data) => ({
      subject: subject('zh-TW', `請補正文件或資料（案號 ${data.caseNumber}）`),
      text: letter('zh-TW', [
        `您的「${data.serviceName}」案件還需要以下${data.items.length}項文件或資料，請一次補齊：`,
        data.items.map((item, index) => `${index + 1}. ${item}`).join('\n'),
        data.dueDate ? `請於${date('zh-TW', data.dueDate)}前補正。` : null,
        howToSend('zh-TW', data),
        '補正期間不計入處理期限；收到補正後，我們會繼續辦理並重新計算預計完成日期。',
        facts('zh-TW', [['案號', data.caseNumber], handledByRow('zh-TW', data)]),
        progressLine('zh-TW', data.trackingUrl),
      ]),
      sms: `工務局：案件${data.caseNumber}需補正${data.items.length}項文件或資料，明細已寄至您的電子郵件，或請洽${data.unitName} ${data.unitPhone}。`,
    }),
    en: (data) => ({
      subject: subject('en', `We need more documents or information (case ${data.caseNumber})`),
      text: letter('en', [
        `To continue with your case about “${data.serviceName}” we need the following ${data.items.length === 1 ? 'item' : `${data.items.length} items`}. Please send everything together:`,
        data.items.map((item, index) => `${index + 1}. ${item}`).join('\n'),
        data.dueDate ? `Please send them by ${date('en', data.dueDate)}.` : null,
        howToSend('en', data),
        'The time limit is paused until we receive them; then we continue and set a new expected date.',
        facts('en', [['Case number', data.caseNumber], handledByRow('en', data)]),
        progressLine('en', data.trackingUrl),
      ]),
      sms: `Public Works Bureau: case ${data.caseNumber} needs ${data.items.length} more item(s); details by e-mail, or call ${data.unitName} on ${data.unitPhone}.`,
    }),
  },
};
