import { date, facts, letter, type NotificationTemplate } from '../../../platform/notify/template-kit.ts';

/** 管制查考 §5: the year's performance reports (績效成果), due 1 February of the following year. */
export interface AnnualReportData {
  /** The plan year, 西元 (the Chinese text writes it as 民國). */
  year: number;
  /** ISO date the reports are (were) due. */
  dueDate: string;
  /** The reports not yet issued, by name in the recipient's language (the bureau's first). */
  unissued: string[];
  /** The secretariat's list of the year's reports. */
  pageUrl: string;
}

const sample: Record<'zh-TW' | 'en', AnnualReportData> = {
  'zh-TW': {
    year: 2026,
    dueDate: '2027-02-01',
    unissued: ['全局', '養護工程處', '公園處'],
    pageUrl: 'https://onewindow.example.tw/staff/reports?year=2026',
  },
  en: {
    year: 2026,
    dueDate: '2027-02-01',
    unissued: ['The bureau', 'Maintenance Engineering Office', 'Parks and Street Lights Office'],
    pageUrl: 'https://onewindow.example.tw/en/staff/reports?year=2026',
  },
};

const rocYear = (year: number) => year - 1911;

/** The letter of either reminder: its opening, the year's facts, and the link to the list. */
function reportLetter(lang: 'zh-TW' | 'en', data: AnnualReportData, opening: string): string {
  const lines =
    lang === 'zh-TW'
      ? {
          facts: facts('zh-TW', [
            ['年度', `${rocYear(data.year)}年`],
            ['期限', date('zh-TW', data.dueDate)],
            ['未發布份數', String(data.unissued.length)],
          ]),
          link: `報告清單：\n${data.pageUrl}`,
        }
      : {
          facts: facts('en', [
            ['Year', String(data.year)],
            ['Due', date('en', data.dueDate)],
            ['Not issued', String(data.unissued.length)],
          ]),
          link: `The reports:\n${data.pageUrl}`,
        };
  return letter(lang, [opening, lines.facts, lines.link], { toStaff: true });
}

/** To the secretariat, 14 days before the due date, while any report of the year is not issued. */
export const annualReportDue: NotificationTemplate<AnnualReportData> = {
  audience: 'staff',
  purpose: {
    'zh-TW': '管制查考：年度績效成果報告繳交期限（次年2月1日）前 14 天，提醒秘書室尚未發布的報告。',
    en: 'Management control: reminds the secretariat 14 days before the year’s performance reports are due (1 February) of those not yet issued.',
  },
  sample,
  render: {
    'zh-TW': (data) => ({
      subject: `【績效成果報告提醒】${rocYear(data.year)}年度報告請於${date('zh-TW', data.dueDate)}前發布`,
      text: reportLetter(
        'zh-TW',
        data,
        `${rocYear(data.year)}年度績效成果報告應於${date('zh-TW', data.dueDate)}前完成，尚有 ${data.unissued.length} 份未發布：${data.unissued.join('、')}。`,
      ),
      sms: `${rocYear(data.year)}年度績效成果報告尚有${data.unissued.length}份未發布，期限${date('zh-TW', data.dueDate)}。`,
    }),
    en: (data) => ({
      subject: `[Performance report reminder] ${data.year} reports are due on ${date('en', data.dueDate)}`,
      text: reportLetter(
        'en',
        data,
        `The ${data.year} performance reports are due on ${date('en', data.dueDate)}. ${data.unissued.length} not issued yet: ${data.unissued.join(', ')}.`,
      ),
      sms: `${data.unissued.length} of the ${data.year} performance reports are not issued; due ${date('en', data.dueDate)}.`,
    }),
  },
};

/** To the secretariat, once the due date has passed with a report not issued. */
export const annualReportOverdue: NotificationTemplate<AnnualReportData> = {
  audience: 'staff',
  purpose: {
    'zh-TW': '管制查考：年度績效成果報告逾期（次年2月1日後）仍未發布時通知秘書室。',
    en: 'Management control: tells the secretariat when a performance report of the year is still not issued after 1 February.',
  },
  sample,
  render: {
    'zh-TW': (data) => ({
      subject: `【績效成果報告逾期】${rocYear(data.year)}年度尚有 ${data.unissued.length} 份未發布`,
      text: reportLetter(
        'zh-TW',
        data,
        `${rocYear(data.year)}年度績效成果報告已逾期限（${date('zh-TW', data.dueDate)}），尚有 ${data.unissued.length} 份未發布：${data.unissued.join('、')}。請儘速完成。`,
      ),
      sms: `${rocYear(data.year)}年度績效成果報告逾期，尚有${data.unissued.length}份未發布。`,
    }),
    en: (data) => ({
      subject: `[Performance reports overdue] ${data.year}: ${data.unissued.length} not issued`,
      text: reportLetter(
        'en',
        data,
        `The ${data.year} performance reports were due on ${date('en', data.dueDate)}; ${data.unissued.length} are still not issued: ${data.unissued.join(', ')}. Please complete them now.`,
      ),
      sms: `${data.unissued.length} of the ${data.year} performance reports are overdue.`,
    }),
  },
};
