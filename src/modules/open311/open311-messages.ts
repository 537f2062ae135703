import { translator } from '../../platform/web/i18n.ts';

/** The Open311 module's words. Errors are written for the developers of client programs. */
export const open311Text = translator({
  'zh-TW': {
    contact: '高雄市政府工務局 1999 市民專線；開放資料與介接問題請洽本局資訊作業窗口。',
    keyService: '送出通報（POST requests）需要 API 金鑰，請向本局申請。',
    wrongJurisdiction: '本服務只受理轄區 {jurisdictionId} 的案件。',
    unknownLocale: 'locale 只能是 zh-TW 或 en。',
    unknownService: '沒有代碼為「{code}」的通報類別。',
    noSuchEndpoint: '沒有這個 Open311 端點；請見 /open311/discovery.json。',
  },
  en: {
    contact:
      'Kaohsiung City Public Works Bureau, citizen line 1999; for data and integration, ask the bureau.',
    keyService: 'Filing requests (POST requests) needs an API key from the bureau.',
    wrongJurisdiction: 'This server answers only for the jurisdiction {jurisdictionId}.',
    unknownLocale: 'locale must be zh-TW or en.',
    unknownService: 'There is no service with the code "{code}".',
    noSuchEndpoint: 'There is no such Open311 endpoint; see /open311/discovery.json.',
  },
});
