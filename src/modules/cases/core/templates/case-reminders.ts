import { date, facts, letter, type NotificationTemplate } from '../../../../platform/notify/template-kit.ts';

export interface HandlerReminderData {
  caseNumber: string;
  serviceName: string;
  /** ISO date of the deadline. */
  dueDate: string;
  workingDaysLeft: number;
  /** The staff case page. */
  caseUrl: string;
}

export interface SupervisorReminderData {
  caseNumber: string;
  serviceName: string;
  unitName: string;
  handlerName: string;
  /** ISO date of the deadline that passed. */
  dueDate: string;
  workingDaysOverdue: number;
  caseUrl: string;
}

/** To the handler, before the deadline. */
export const handlerReminder: NotificationTemplate<HandlerReminderData> = {
  audience: 'staff',
  purpose: {
    'zh-TW': '期限提醒：案件即將到期時寄給承辦人。',
    en: 'Deadline reminder: sent to the handler before a case is due.',
  },
  sample: {
    'zh-TW': {
      caseNumber: '1150302-0042',
      serviceName: '行道樹修剪',
      dueDate: '2026-03-05',
      workingDaysLeft: 2,
      caseUrl: 'https://onewindow.example.tw/staff/cases/1150302-0042',
    },
    en: {
      caseNumber: '1150302-0042',
      serviceName: 'Street tree pruning',
      dueDate: '2026-03-05',
      workingDaysLeft: 2,
      caseUrl: 'https://onewindow.example.tw/en/staff/cases/1150302-0042',
    },
  },
  render: {
    'zh-TW': (data) => ({
      subject: `【案件期限提醒】${data.caseNumber} 將於${date('zh-TW', data.dueDate)}到期`,
      text: letter(
        'zh-TW',
        [
          `您承辦的「${data.serviceName}」案件還有 ${data.workingDaysLeft} 個工作天到期，請於期限前辦結，或及早申請展延。`,
          facts('zh-TW', [
            ['案號', data.caseNumber],
            ['處理期限', date('zh-TW', data.dueDate)],
          ]),
          `案件頁面：\n${data.caseUrl}`,
        ],
        { toStaff: true },
      ),
      sms: `案件${data.caseNumber}將於${date('zh-TW', data.dueDate)}到期（剩${data.workingDaysLeft}個工作天）。`,
    }),
    en: (data) => ({
      subject: `[Deadline reminder] ${data.caseNumber} is due on ${date('en', data.dueDate)}`,
      text: letter(
        'en',
        [
          `Your case about “${data.serviceName}” is due in ${data.workingDaysLeft} working day(s). Please finish it in time, or ask for an extension early.`,
          facts('en', [
            ['Case number', data.caseNumber],
            ['Due', date('en', data.dueDate)],
          ]),
          `Case page:\n${data.caseUrl}`,
        ],
        { toStaff: true },
      ),
      sms: `Case ${data.caseNumber} is due on ${date('en', data.dueDate)} (${data.workingDaysLeft} working day(s) left).`,
    }),
  },
};

/** To the unit's supervisor, once a case is overdue. */
export const supervisorReminder: NotificationTemplate<SupervisorReminderData> = {
  audience: 'staff',
  purpose: {
    'zh-TW': '逾期通知：案件逾期時寄給單位主管。',
    en: 'Overdue notice: sent to the unit supervisor when a case is overdue.',
  },
  sample: {
    'zh-TW': {
      caseNumber: '1150302-0042',
      serviceName: '行道樹修剪',
      unitName: '公園處',
      handlerName: '陳小華',
      dueDate: '2026-03-05',
      workingDaysOverdue: 1,
      caseUrl: 'https://onewindow.example.tw/staff/cases/1150302-0042',
    },
    en: {
      caseNumber: '1150302-0042',
      serviceName: 'Street tree pruning',
      unitName: 'Parks and Street Lights Office',
      handlerName: '陳小華',
      dueDate: '2026-03-05',
      workingDaysOverdue: 1,
      caseUrl: 'https://onewindow.example.tw/en/staff/cases/1150302-0042',
    },
  },
  render: {
    'zh-TW': (data) => ({
      subject: `【逾期案件】${data.caseNumber} 已逾期 ${data.workingDaysOverdue} 個工作天`,
      text: letter(
        'zh-TW',
        [
          `${data.unitName}的「${data.serviceName}」案件已超過處理期限 ${data.workingDaysOverdue} 個工作天，請督導辦理。`,
          facts('zh-TW', [
            ['案號', data.caseNumber],
            ['承辦人', data.handlerName],
            ['處理期限', date('zh-TW', data.dueDate)],
          ]),
          `案件頁面：\n${data.caseUrl}`,
        ],
        { toStaff: true },
      ),
      sms: `逾期案件${data.caseNumber}（承辦人${data.handlerName}）已逾期${data.workingDaysOverdue}個工作天。`,
    }),
    en: (data) => ({
      subject: `[Overdue] ${data.caseNumber} is ${data.workingDaysOverdue} working day(s) overdue`,
      text: letter(
        'en',
        [
          `A case of ${data.unitName} about “${data.serviceName}” is ${data.workingDaysOverdue} working day(s) past its deadline. Please follow it up.`,
          facts('en', [
            ['Case number', data.caseNumber],
            ['Handler', data.handlerName],
            ['Was due', date('en', data.dueDate)],
          ]),
          `Case page:\n${data.caseUrl}`,
        ],
        { toStaff: true },
      ),
      sms: `Overdue case ${data.caseNumber} (handler ${data.handlerName}): ${data.workingDaysOverdue} working day(s) late.`,
    }),
  },
};
