import { facts, letter, type NotificationTemplate } from '../../../../platform/notify/template-kit.ts';

export interface MediaOverdueData {
  title: string;
  outlet: string;
  /** The unit asked to fact-check, in the reader's language. */
  unitName: string;
  /** The deadline that passed, as the reader writes a date and time (Taipei). */
  dueAt: string;
  /** The item's staff page. */
  itemUrl: string;
}

/** To the asked unit's supervisors and the secretariat, once an item's fact-check is overdue. */
export const mediaOverdue: NotificationTemplate<MediaOverdueData> = {
  audience: 'staff',
  purpose: {
    'zh-TW': '輿情查證逾期通知：交查證的輿情過了時限仍未澄清時，寄給查證單位的主管及秘書室（每則一次）。',
    en: 'Media fact-check overdue: sent once per item to the asked unit’s supervisors and the secretariat when its fact-check deadline passed and it is not clarified.',
  },
  sample: {
    'zh-TW': {
      title: '三民區路面坑洞多 民眾抱怨機車摔車',
      outlet: '自由時報',
      unitName: '道路養護工程處',
      dueAt: '民國115年3月2日 14:00',
      itemUrl: 'https://onewindow.example.tw/staff/media/0b0e2a4c-5d1f-4e7a-9c3b-2f6d8a1e4b70',
    },
    en: {
      title: 'Potholes in Sanmin District: riders complain of falls',
      outlet: 'Liberty Times',
      unitName: 'Road Maintenance Engineering Office',
      dueAt: '2 March 2026 14:00',
      itemUrl: 'https://onewindow.example.tw/en/staff/media/0b0e2a4c-5d1f-4e7a-9c3b-2f6d8a1e4b70',
    },
  },
  render: {
    'zh-TW': (data) => ({
      subject: `【輿情查證逾期】${data.title}`,
      text: letter(
        'zh-TW',
        [
          `交由${data.unitName}查證的輿情已超過查證時限，尚未澄清，請儘速查證並回應。`,
          facts('zh-TW', [
            ['標題', data.title],
            ['媒體', data.outlet],
            ['查證單位', data.unitName],
            ['查證時限', data.dueAt],
          ]),
          `輿情頁面：\n${data.itemUrl}`,
        ],
        { toStaff: true },
      ),
      sms: `輿情查證逾期：「${data.title}」（${data.unitName}，時限 ${data.dueAt}）。`,
    }),
    en: (data) => ({
      subject: `[Media fact-check overdue] ${data.title}`,
      text: letter(
        'en',
        [
          `A media item ${data.unitName} was asked to fact-check is past its deadline and not clarified. Please check it and answer soon.`,
          facts('en', [
            ['Title', data.title],
            ['Outlet', data.outlet],
            ['Unit asked', data.unitName],
            ['Was due', data.dueAt],
          ]),
          `Item page:\n${data.itemUrl}`,
        ],
        { toStaff: true },
      ),
      sms: `Media fact-check overdue: “${data.title}” (${data.unitName}, due ${data.dueAt}).`,
    }),
  },
};
