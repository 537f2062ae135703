import { date, facts, letter, type NotificationTemplate } from '../../../platform/notify/template-kit.ts';

/** 管制查考 §3: a unit's periodic progress report, before it is due and when it is missing. */
export interface ProgressReportData {
  unitName: string;
  /** `2012-03` or `2012-Q1`. */
  period: string;
  /** ISO date the entry is (was) due. */
  dueDate: string;
  /** Practices of the unit without an entry for the period. */
  missingCount: number;
  /** The unit's progress page for the period. */
  pageUrl: string;
}

const sample = {
  'zh-TW': {
    unitName: '養護工程處',
    period: '2026-03',
    dueDate: '2026-04-10',
    missingCount: 4,
    pageUrl: 'https://onewindow.example.tw/staff/progress/2026/road-maintenance?period=2026-03',
  },
  en: {
    unitName: 'Maintenance Engineering Office',
    period: '2026-03',
    dueDate: '2026-04-10',
    missingCount: 4,
    pageUrl: 'https://onewindow.example.tw/en/staff/progress/2026/road-maintenance?period=2026-03',
  },
};

/** To the unit's editors, 3 days before the entry is due. */
export const progressReportDue: NotificationTemplate<ProgressReportData> = {
  audience: 'staff',
  purpose: {
    'zh-TW': '管制查考：執行進度填報期限前 3 天提醒單位的填報人。',
    en: 'Management control: reminds the unit’s editors 3 days before a progress report is due.',
  },
  sample,
  render: {
    'zh-TW': (data) => ({
      subject: `【執行進度填報提醒】${data.period} 進度請於${date('zh-TW', data.dueDate)}前填報`,
      text: letter(
        'zh-TW',
        [
          `${data.unitName}尚有 ${data.missingCount} 項推動作法未填報 ${data.period} 的執行進度，請於期限前填報。`,
          facts('zh-TW', [
            ['期別', data.period],
            ['填報期限', date('zh-TW', data.dueDate)],
          ]),
          `填報頁面：\n${data.pageUrl}`,
        ],
        { toStaff: true },
      ),
      sms: `${data.period}執行進度請於${date('zh-TW', data.dueDate)}前填報。`,
    }),
    en: (data) => ({
      subject: `[Progress report reminder] ${data.period} is due on ${date('en', data.dueDate)}`,
      text: letter(
        'en',
        [
          `${data.unitName} has ${data.missingCount} practice(s) without a progress entry for ${data.period}. Please report before the due date.`,
          facts('en', [
            ['Period', data.period],
            ['Due', date('en', data.dueDate)],
          ]),
          `Progress page:\n${data.pageUrl}`,
        ],
        { toStaff: true },
      ),
      sms: `Progress for ${data.period} is due on ${date('en', data.dueDate)}.`,
    }),
  },
};

/** To the unit's editors and head, once the due date has passed without a full report. */
export const progressReportMissing: NotificationTemplate<ProgressReportData> = {
  audience: 'staff',
  purpose: {
    'zh-TW': '管制查考：執行進度逾期未填報時通知單位的填報人與主管。',
    en: 'Management control: tells the unit’s editors and head when a progress report is missing after its due date.',
  },
  sample,
  render: {
    'zh-TW': (data) => ({
      subject: `【執行進度逾期未填報】${data.unitName} ${data.period}`,
      text: letter(
        'zh-TW',
        [
          `${data.unitName}有 ${data.missingCount} 項推動作法的 ${data.period} 執行進度已逾填報期限（${date('zh-TW', data.dueDate)}）仍未填報，請儘速補填；補填的進度會標示為逾期填報。`,
          facts('zh-TW', [
            ['期別', data.period],
            ['填報期限', date('zh-TW', data.dueDate)],
            ['未填報項數', String(data.missingCount)],
          ]),
          `填報頁面：\n${data.pageUrl}`,
        ],
        { toStaff: true },
      ),
      sms: `${data.unitName} ${data.period}執行進度逾期未填報（${data.missingCount}項）。`,
    }),
    en: (data) => ({
      subject: `[Progress report missing] ${data.unitName}, ${data.period}`,
      text: letter(
        'en',
        [
          `${data.unitName} has ${data.missingCount} practice(s) without a progress entry for ${data.period}, which was due on ${date('en', data.dueDate)}. Please report now; the entries will be marked late.`,
          facts('en', [
            ['Period', data.period],
            ['Due', date('en', data.dueDate)],
            ['Missing entries', String(data.missingCount)],
          ]),
          `Progress page:\n${data.pageUrl}`,
        ],
        { toStaff: true },
      ),
      sms: `${data.unitName}: progress for ${data.period} is missing (${data.missingCount}).`,
    }),
  },
};
