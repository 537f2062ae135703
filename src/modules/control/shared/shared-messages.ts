import { translator } from '../../../platform/web/i18n.ts';

/** The words several capabilities of management control use: deadlines, and removing a piece of evidence. */
export const sharedText = translator({
  'zh-TW': {
    deadlineMonth: '{rocYear}年{month}月',
    deadlineDaily: '每日',
    unitFormer: '已改制，業務由{successors}承接',
    unitCurrent: '現行組織，承接{predecessors}業務',
    deadlineNone: '計畫未訂',
    evidenceRemoveLink: '移除',
    evidenceRemoveTitle: '移除佐證資料',
    evidenceRemoveQuestion: '確定要移除「{name}」嗎？',
    evidenceRemoveWarning: '移除後檔案會從系統刪除，無法復原；稽核紀錄會保留檔名、大小與移除人。',
    evidenceRemoveButton: '移除佐證資料',
    evidenceRemoved: '已移除佐證資料。',
    warning: '注意',
  },
  en: {
    unitFormer: 'former unit, now {successors}',
    unitCurrent: 'current unit, formerly part of {predecessors}',
    deadlineMonth: '{monthName} {year}',
    deadlineDaily: 'Every day',
    deadlineNone: 'None given',
    evidenceRemoveLink: 'Remove',
    evidenceRemoveTitle: 'Remove evidence',
    evidenceRemoveQuestion: 'Are you sure you want to remove “{name}”?',
    evidenceRemoveWarning:
      'The file is deleted from the system and cannot be recovered; the audit log keeps its name, size and who removed it.',
    evidenceRemoveButton: 'Remove the evidence',
    evidenceRemoved: 'The evidence has been removed.',
    warning: 'Warning',
  },
});
