import { facts, letter, type NotificationTemplate } from '../../../../platform/notify/template-kit.ts';

export interface CaseExtensionRequestedData {
  caseNumber: string;
  serviceName: string;
  unitName: string;
  /** The staff member who asked (a colleague's name, as the staff pages show it). */
  requestedBy: string;
  /** How much more time, in the rule's unit: '3 個工作天' / '3 working days'. */
  amount: number;
  isHours: boolean;
  /** The staff case page, where the reason is read and the request decided. */
  caseUrl: string;
}

const amountText = (lang: 'zh-TW' | 'en', data: CaseExtensionRequestedData) =>
  lang === 'zh-TW'
    ? `${data.amount} ${data.isHours ? '小時' : '個工作天'}`
    : `${data.amount} ${data.isHours ? 'hours' : 'working days'}`;

/**
 * 展延待核定 (issue 14): to each supervisor of the case's unit when a case officer asks for more time, so
 * that the request does not wait unseen. Staff-facing: the case number, the service and the colleague's
 * name, never the applicant or the reason (both are on the case page, behind the sign-in).
 */
export const caseExtensionRequested: NotificationTemplate<CaseExtensionRequestedData> = {
  audience: 'staff',
  purpose: {
    'zh-TW': '展延待核定：承辦人申請展延時寄給該單位的主管，請其到案件頁面核定。',
    en: "Extension to approve: sent to the unit's supervisors when a case officer asks for more time, to decide on the case page.",
  },
  sample: {
    'zh-TW': {
      caseNumber: '1150302-0042',
      serviceName: '道路挖掘許可',
      unitName: '道路養護工程處',
      requestedBy: '陳承辦',
      amount: 3,
      isHours: false,
      caseUrl: 'https://onewindow.example.tw/staff/cases/1150302-0042',
    },
    en: {
      caseNumber: '1150302-0042',
      serviceName: 'Road excavation permit',
      unitName: 'Road Maintenance Engineering Office',
      requestedBy: 'Chen',
      amount: 3,
      isHours: false,
      caseUrl: 'https://onewindow.example.tw/en/staff/cases/1150302-0042',
    },
  },
  render: {
    'zh-TW': (data) => ({
      subject: `【展延待核定】${data.caseNumber} 申請展延 ${amountText('zh-TW', data)}`,
      text: letter(
        'zh-TW',
        [
          `${data.requestedBy}為「${data.serviceName}」案件申請展延 ${amountText('zh-TW', data)}，等候您核定。展延原因與案件內容請見案件頁面，核准或不核准都在該頁辦理。`,
          facts('zh-TW', [
            ['案號', data.caseNumber],
            ['單位', data.unitName],
            ['申請展延', amountText('zh-TW', data)],
          ]),
          `案件頁面：\n${data.caseUrl}`,
        ],
        { toStaff: true },
      ),
      sms: `案件${data.caseNumber}申請展延${amountText('zh-TW', data)}，等候核定。`,
    }),
    en: (data) => ({
      subject: `[Extension to approve] ${data.caseNumber}: ${amountText('en', data)} asked`,
      text: letter(
        'en',
        [
          `${data.requestedBy} asked for ${amountText('en', data)} more on a case about “${data.serviceName}”; it waits for your decision. The reason and the case are on the case page, where you approve or refuse it.`,
          facts('en', [
            ['Case number', data.caseNumber],
            ['Unit', data.unitName],
            ['Extension asked', amountText('en', data)],
          ]),
          `Case page:\n${data.caseUrl}`,
        ],
        { toStaff: true },
      ),
      sms: `Case ${data.caseNumber}: an extension of ${amountText('en', data)} waits for your decision.`,
    }),
  },
};
