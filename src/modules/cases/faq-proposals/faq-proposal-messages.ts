import { translator } from '../../../platform/web/i18n.ts';

/** "Propose as FAQ" on the case page (issue 15): its words in both languages. */
export const faqProposalText = translator({
  'zh-TW': {
    proposeLink: '提報為常見問答',
    title: '將案件的答覆提報為常見問答（案件 {caseNumber}）',
    lead: '若這個問題其他民眾也常問，請將問題與本局的回答改寫成一般性的說法，送給網站編輯寫成常見問答。',
    warning: '請刪除姓名、電話、地址、地號、案件編號等個人資料與個案細節，只留下任何人都適用的問題與回答。',
    question: '民眾的問題',
    questionHint: '已預先填入案件的主旨與內容，請改寫成一般性的問題。',
    answer: '本局的回答',
    answerHint: '已預先填入案件的處理結果，請改寫成一般性的回答。',
    confirm: '我已刪除個人資料與個案細節',
    submit: '送出建議',
    sent: '已送出問答建議，網站編輯會決定是否寫成常見問答。',
    backToCase: '回到案件 {caseNumber}',
    invalid: '表單有問題，請依下列說明修正。',
  },
  en: {
    proposeLink: 'Propose as FAQ',
    title: 'Propose this case’s answer as an FAQ entry (case {caseNumber})',
    lead: 'If other people often ask the same, rewrite the question and the bureau’s answer for everyone and send them to the web editors, who may turn them into an FAQ entry.',
    warning:
      'Remove names, phone numbers, addresses, land numbers, case numbers and any other detail of this case: leave only a question and an answer that apply to anyone.',
    question: 'The question',
    questionHint: 'Filled in from the case’s subject and description: rewrite it as a general question.',
    answer: 'The bureau’s answer',
    answerHint: 'Filled in from the case’s outcome: rewrite it as a general answer.',
    confirm: 'I have removed personal data and the details of the case',
    submit: 'Send the proposal',
    sent: 'Proposal sent: the web editors will decide whether to turn it into an FAQ entry.',
    backToCase: 'Back to case {caseNumber}',
    invalid: 'There is a problem with the form; see each item below.',
  },
});
