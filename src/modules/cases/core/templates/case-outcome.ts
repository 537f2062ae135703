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
  /** The answer (處理結果, the decision) as the handler wrote it for the applicant. */
  answer: string;
  unitName: string;
  unitPhone: string;
  trackingUrl: string;
  /** The names of the documents the bureau issued with its decision, attached to this e-mail. */
  issuedDocuments: string[];
  /** Where to tell us how we did (the tracking page's form), or null when no answer is asked for. */
  satisfactionUrl: string | null;
}

/**
 * 結案通知: the case is closed, with the answer — for an application, the decision (written when it was
 * resolved, made public by closing) and the issued documents attached — and a link to rate the service.
 */
export const caseClosed: NotificationTemplate<CaseOutcomeData> = {
  audience: 'applicant',
  // The satisfaction link is missing when nothing is asked: not required of an edited wording.
  requiredVariables: ['caseNumber', 'trackingUrl'],
  purpose: {
    'zh-TW': '結案通知：案件結案時寄給申請人，附處理結果（審查決定）、核發的文件，並邀請填寫滿意度。',
    en: 'Closing notice: sent to the applicant when the case is closed, with the answer (the decision), the documents issued, and a link to rate the service.',
  },
  sample: {
    'zh-TW': {
      caseNumber: '1150302-0042',
      serviceName: '路燈維修',
      answer: '經現場查看，路燈燈具故障，已於3月4日更換完成，恢復照明。',
      unitName: '公園處',
      unitPhone: '07-3368333',
      trackingUrl: 'https://onewindow.example.tw/track',
      issuedDocuments: ['1150302-0042-核准函.pdf'],
      satisfactionUrl: 'https://onewindow.example.tw/track#satisfaction',
    },
    en: {
      caseNumber: '1150302-0042',
      serviceName: 'Street light repair',
      answer:
        'We inspected the site: the lamp had failed. It was replaced on 4 March and the light works again.',
      unitName: 'Parks and Street Lights Office',
      unitPhone: '07-3368333',
      trackingUrl: 'https://onewindow.example.tw/en/track',
      issuedDocuments: ['1150302-0042-approval.pdf'],
      satisfactionUrl: 'https://onewindow.example.tw/en/track#satisfaction',
    },
  },
  render: {
    'zh-TW': (data) => ({
      subject: subject('zh-TW', `結案通知（案號 ${data.caseNumber}）`),
      text: letter('zh-TW', [
        `您的「${data.serviceName}」案件已結案，處理結果如下：`,
        data.answer === '' ? null : data.answer,
        data.issuedDocuments.length === 0
          ? null
          : `本局核發的文件附於本郵件（也可在案件查詢頁下載）：\n${data.issuedDocuments.join('\n')}`,
        facts('zh-TW', [['案號', data.caseNumber], handledByRow('zh-TW', data)]),
        `如對處理結果有疑問，請來電承辦單位，或在案件查詢頁查看完整紀錄：\n${data.trackingUrl}`,
        data.satisfactionUrl === null
          ? null
          : `請告訴我們這次的服務如何（一題，約一分鐘）：\n${data.satisfactionUrl}`,
      ]),
      sms: `工務局：案件${data.caseNumber}已結案，處理結果已寄至您的電子郵件，也可至 ${data.trackingUrl} 查詢。`,
    }),
    en: (data) => ({
      subject: subject('en', `Your case is closed (case ${data.caseNumber})`),
      text: letter('en', [
        `Your case about “${data.serviceName}” is closed. Our answer:`,
        data.answer === '' ? null : data.answer,
        data.issuedDocuments.length === 0
          ? null
          : `The documents we issued are attached to this e-mail (you can also download them from the tracking page):\n${data.issuedDocuments.join('\n')}`,
        facts('en', [['Case number', data.caseNumber], handledByRow('en', data)]),
        `If you have a question about the answer, call the unit, or see the full record on the tracking page:\n${data.trackingUrl}`,
        data.satisfactionUrl === null
          ? null
          : `Tell us how we did (one question, about a minute):\n${data.satisfactionUrl}`,
      ]),
      sms: `Public Works Bureau: case ${data.caseNumber} is closed; the answer is in your e-mail and at ${data.trackingUrl}.`,
    }),
  },
};
