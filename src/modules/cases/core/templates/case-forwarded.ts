import {
  facts,
  letter,
  type NotificationTemplate,
  subject,
} from '../../../../platform/notify/template-kit.ts';

export interface CaseForwardedData {
  caseNumber: string;
  serviceName: string;
  /** The other agency that now handles the request. */
  agencyName: string;
  /** Where to ask there: phone, address or web page, as one line. */
  agencyContact: string;
}

/** 移文通知: the request belongs to another agency; it was sent there and the case closes here. */
export const caseForwarded: NotificationTemplate<CaseForwardedData> = {
  audience: 'applicant',
  purpose: {
    'zh-TW': '移文通知：案件非本局權責、已移請其他機關處理時寄給申請人，附該機關與聯絡方式。',
    en: 'Forwarded: sent to the applicant when the request belongs to another agency, with where to ask there.',
  },
  sample: {
    'zh-TW': {
      caseNumber: '1150302-0042',
      serviceName: '公園設施損壞',
      agencyName: '高雄市政府水利局',
      agencyContact: '電話 07-3368333，或 https://wrb.kcg.gov.tw/',
    },
    en: {
      caseNumber: '1150302-0042',
      serviceName: 'Damaged park facilities',
      agencyName: 'Water Resources Bureau, Kaohsiung City Government',
      agencyContact: 'phone 07-3368333, or https://wrb.kcg.gov.tw/',
    },
  },
  render: {
    'zh-TW': (data) => ({
      subject: subject('zh-TW', `您的案件已移請${data.agencyName}處理（案號 ${data.caseNumber}）`),
      text: letter('zh-TW', [
        `您的「${data.serviceName}」案件屬於${data.agencyName}的業務，我們已將案件移請該機關處理，本局的案件到此結案。`,
        facts('zh-TW', [
          ['本局案號', data.caseNumber],
          ['移請機關', data.agencyName],
          ['後續洽詢', data.agencyContact],
        ]),
        `後續辦理情形請直接洽詢${data.agencyName}，並告知本局案號。`,
      ]),
      sms: `工務局：案件${data.caseNumber}已移請${data.agencyName}處理，請洽${data.agencyContact}。`,
    }),
    en: (data) => ({
      subject: subject('en', `Your case has been sent to ${data.agencyName} (case ${data.caseNumber})`),
      text: letter('en', [
        `Your case about “${data.serviceName}” is the responsibility of ${data.agencyName}. We have sent it to them, and our case is now closed.`,
        facts('en', [
          ['Our case number', data.caseNumber],
          ['Now handled by', data.agencyName],
          ['Where to ask', data.agencyContact],
        ]),
        `For further progress please contact ${data.agencyName} and quote our case number.`,
      ]),
      sms: `Public Works Bureau: case ${data.caseNumber} was sent to ${data.agencyName}; contact: ${data.agencyContact}.`,
    }),
  },
};
