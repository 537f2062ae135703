import {
  facts,
  letter,
  type NotificationTemplate,
  subject,
} from '../../../../platform/notify/template-kit.ts';
import { handledByRow } from './case-letter-parts.ts';

export interface CaseOutcomeData {
  caseNumber: string;
  serviceName: string;
  /** The answer (處理結果) as the handler wrote it for the applicant. */
  answer: string;
  unitName: string;
  unitPhone: string;
  trackingUrl: string;
}

function outcomeTemplate(kind: 'resolved' | 'closed'): NotificationTemplate<CaseOutcomeData> {
  const isClosed = kind === 'closed';
  return {
    audience: 'applicant',
    purpose: isClosed
      ? {
          'zh-TW': '結案通知：案件結案時寄給申請人，附處理結果。',
          en: 'Closing notice: sent to the applicant when the case is closed, with the answer.',
        }
      : {
          'zh-TW': '辦理完成通知：案件處理完成時寄給申請人，附處理結果。',
          en: 'Resolved: sent to the applicant when the work is done, with the answer.',
        },
    sample: {
      'zh-TW': {
        caseNumber: '1150302-0042',
        serviceName: '路燈維修',
        answer: '經現場查看，路燈燈具故障，已於3月4日更換完成，恢復照明。',
        unitName: '公園處',
        unitPhone: '07-3368333',
        trackingUrl: 'https://onewindow.example.tw/track',
      },
      en: {
        caseNumber: '1150302-0042',
        serviceName: 'Street light repair',
        answer:
          'We inspected the site: the lamp had failed. It was replaced on 4 March and the light works again.',
        unitName: 'Parks and Street Lights Office',
        unitPhone: '07-3368333',
        trackingUrl: 'https://onewindow.example.tw/en/track',
      },
    },
    render: {
      'zh-TW': (data) => ({
        subject: subject(
          'zh-TW',
          isClosed ? `結案通知（案號 ${data.caseNumber}）` : `您的案件已辦理完成（案號 ${data.caseNumber}）`,
        ),
        text: letter('zh-TW', [
          isClosed
            ? `您的「${data.serviceName}」案件已結案，處理結果如下：`
            : `您的「${data.serviceName}」案件已辦理完成，處理結果如下：`,
          data.answer,
          facts('zh-TW', [['案號', data.caseNumber], handledByRow('zh-TW', data)]),
          `如對處理結果有疑問，請來電承辦單位，或在案件查詢頁查看完整紀錄：\n${data.trackingUrl}`,
        ]),
        sms: isClosed
          ? `工務局：案件${data.caseNumber}已結案，處理結果已寄至您的電子郵件，也可至 ${data.trackingUrl} 查詢。`
          : `工務局：案件${data.caseNumber}已辦理完成，處理結果可至 ${data.trackingUrl} 查詢。`,
      }),
      en: (data) => ({
        subject: subject(
          'en',
          isClosed
            ? `Your case is closed (case ${data.caseNumber})`
            : `Your case is resolved (case ${data.caseNumber})`,
        ),
        text: letter('en', [
          isClosed
            ? `Your case about “${data.serviceName}” is closed. Our answer:`
            : `Your case about “${data.serviceName}” has been resolved. Our answer:`,
          data.answer,
          facts('en', [['Case number', data.caseNumber], handledByRow('en', data)]),
          `If you have a question about the answer, call the unit, or see the full record on the tracking page:\n${data.trackingUrl}`,
        ]),
        sms: isClosed
          ? `Public Works Bureau: case ${data.caseNumber} is closed; the answer is in your e-mail and at ${data.trackingUrl}.`
          : `Public Works Bureau: case ${data.caseNumber} is resolved; see the answer at ${data.trackingUrl}.`,
      }),
    },
  };
}

/** 辦理完成: the work is done, with the answer. */
export const caseResolved = outcomeTemplate('resolved');
/** 結案通知: the case is closed, with the answer. */
export const caseClosed = outcomeTemplate('closed');
