import type { ErrorCode } from './errors.ts';

/** Each error code's message in both languages, for errors thrown without a message of their own. */
export const defaultMessages: Record<ErrorCode, { 'zh-TW': string; en: string }> = {
  VALIDATION_FAILED: {
    'zh-TW': '送出的資料有問題，請依下列說明修正。',
    en: 'There is a problem with what was sent; see each item below.',
  },
  MALFORMED_REQUEST: {
    'zh-TW': '無法讀取送出的資料（格式錯誤）。',
    en: 'The request could not be read (it is malformed).',
  },
  UNAUTHENTICATED: { 'zh-TW': '請先登入。', en: 'Please sign in first.' },
  INVALID_CREDENTIALS: {
    'zh-TW': '電子郵件或密碼不正確。',
    en: 'The e-mail address or password is not right.',
  },
  SESSION_EXPIRED: {
    'zh-TW': '您已閒置過久，請重新登入。',
    en: 'You were inactive for too long; please sign in again.',
  },
  CSRF_INVALID: {
    'zh-TW': '表單已過期或來源不明，請重新整理頁面後再送出。',
    en: 'The form has expired or did not come from this site; reload the page and send it again.',
  },
  FORBIDDEN: { 'zh-TW': '您沒有權限執行此操作。', en: 'You do not have permission to do this.' },
  NOT_FOUND: { 'zh-TW': '找不到您要的資料。', en: 'What you asked for was not found.' },
  METHOD_NOT_ALLOWED: { 'zh-TW': '不支援此操作方式。', en: 'This method is not allowed here.' },
  CONFLICT: {
    'zh-TW': '資料已被他人更新，請重新載入後再試。',
    en: 'Someone else changed this first; reload and try again.',
  },
  INVALID_TRANSITION: {
    'zh-TW': '案件目前的狀態不能執行這個動作。',
    en: 'This action is not possible in the case’s current state.',
  },
  PAYLOAD_TOO_LARGE: { 'zh-TW': '送出的資料太大。', en: 'What was sent is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { 'zh-TW': '不支援此資料格式。', en: 'This content type is not supported.' },
  ACCOUNT_LOCKED: {
    'zh-TW': '登入失敗次數過多，請稍後再試。',
    en: 'Too many failed sign-in attempts; please try again later.',
  },
  RATE_LIMITED: { 'zh-TW': '請求次數過多，請稍後再試。', en: 'Too many requests; please try again later.' },
  SERVICE_UNAVAILABLE: {
    'zh-TW': '服務暫時無法使用，請稍後再試。',
    en: 'The service is unavailable for now; please try again later.',
  },
  INTERNAL_ERROR: {
    'zh-TW': '系統發生錯誤，我們已記錄此問題，請稍後再試。',
    en: 'Something went wrong on our side; it has been logged. Please try again later.',
  },
};

export function messageFor(code: ErrorCode, lang: 'zh-TW' | 'en'): string {
  return defaultMessages[code][lang];
}
