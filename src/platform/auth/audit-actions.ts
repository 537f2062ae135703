import type { AuditAction } from '../composition/app-module.ts';
import type { Lang } from '../web/i18n.ts';

/**
 * The audit-log actions the platform itself records (sign-in, accounts, reading the log), beside
 * `platformStaffAreas`; `app.ts` passes both to `buildRegistry`, and the modules bring theirs in their
 * manifests. The audit log shows each row's action with its label here and offers these in its filter.
 */
export const platformAuditActions: readonly AuditAction[] = [
  { action: 'staff.sign_in.succeeded', label: { 'zh-TW': '員工登入', en: 'Staff member signed in' } },
  {
    action: 'staff.sign_in.password_accepted',
    label: { 'zh-TW': '登入密碼正確，待輸入驗證碼', en: 'Sign-in password accepted; code to follow' },
  },
  { action: 'staff.sign_in.failed', label: { 'zh-TW': '登入失敗', en: 'Sign-in failed' } },
  {
    action: 'staff.sign_in.two_factor_failed',
    label: { 'zh-TW': '登入驗證碼錯誤', en: 'Sign-in code refused' },
  },
  {
    action: 'staff.sign_in.locked',
    label: {
      'zh-TW': '登入失敗次數過多，鎖定陌生瀏覽器的登入並通知本人',
      en: 'Sign-ins from unknown browsers locked after too many failures; the owner is told',
    },
  },
  {
    action: 'staff.sign_in.refused_locked',
    label: { 'zh-TW': '登入失敗次數過多而拒絕', en: 'Sign-in refused after too many failures' },
  },
  { action: 'staff.signed_out', label: { 'zh-TW': '員工登出', en: 'Staff member signed out' } },
  {
    action: 'staff.two_factor.enabled',
    label: { 'zh-TW': '啟用兩步驟驗證', en: 'Two-step verification turned on' },
  },
  { action: 'staff.created', label: { 'zh-TW': '建立員工帳號', en: 'Staff account created' } },
  { action: 'staff.password_reset', label: { 'zh-TW': '重設員工密碼', en: 'Staff password reset' } },
  {
    action: 'staff.two_factor.reset',
    label: { 'zh-TW': '重設兩步驟驗證', en: 'Two-step verification reset' },
  },
  // The working calendar (platform/calendar/calendar-admin-service.ts: the calendar page and the CLI).
  {
    action: 'calendar.day_closed',
    label: { 'zh-TW': '宣布停止上班（如颱風假）', en: 'Day declared closed (a typhoon day)' },
  },
  {
    action: 'calendar.day_opened',
    label: { 'zh-TW': '宣布照常上班（含取消停班）', en: 'Day declared open (a closure cancelled)' },
  },
  {
    action: 'calendar.year_loaded',
    label: { 'zh-TW': '載入年度辦公日曆表', en: 'Official year calendar loaded' },
  },
  { action: 'audit_log.viewed', label: { 'zh-TW': '查閱稽核紀錄', en: 'Audit log viewed' } },
  { action: 'audit_log.exported', label: { 'zh-TW': '下載稽核紀錄（CSV）', en: 'Audit log exported (CSV)' } },
];

/** An action's label in the reader's language, or null for one no module lists (an older release's). */
export function auditActionLabel(actions: readonly AuditAction[], action: string, lang: Lang): string | null {
  return actions.find((known) => known.action === action)?.label[lang] ?? null;
}
