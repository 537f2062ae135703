import type { AuditAction, Words } from '../../../platform/composition/app-module.ts';
import { type PlanChangeAction, planChangeActions } from '../plans/plan-types.ts';
import { type WorkPlanAuditAction, workPlanAuditActions } from '../work-plans/work-plan-rules.ts';

/**
 * Every action management control records in the audit log, with what it means in both languages: the
 * manifest's `auditActions` (the audit log's filter). The plans' and work plans' actions are built from the
 * lists their use cases are typed by, so an action added there cannot be missing here.
 */

const planChanges: Record<PlanChangeAction, Words> = {
  header_saved: { 'zh-TW': '修改執行計畫本文', en: 'Plan texts changed' },
  item_added: { 'zh-TW': '新增執行計畫實施要項', en: 'Plan item added' },
  item_saved: { 'zh-TW': '修改執行計畫實施要項', en: 'Plan item changed' },
  item_removed: { 'zh-TW': '移除執行計畫實施要項', en: 'Plan item removed' },
  strategy_added: { 'zh-TW': '新增執行策略', en: 'Plan strategy added' },
  strategy_saved: { 'zh-TW': '修改執行策略', en: 'Plan strategy changed' },
  strategy_removed: { 'zh-TW': '移除執行策略', en: 'Plan strategy removed' },
  practice_added: { 'zh-TW': '新增推動作法', en: 'Plan practice added' },
  practice_saved: { 'zh-TW': '修改推動作法', en: 'Plan practice changed' },
  practice_removed: { 'zh-TW': '移除推動作法', en: 'Plan practice removed' },
};

const workPlanSteps: Record<WorkPlanAuditAction, Words> = {
  created: { 'zh-TW': '建立單位工作計畫', en: 'Work plan started' },
  row_added: { 'zh-TW': '新增工作計畫的工作(推動)方法', en: 'Work plan method added' },
  row_saved: { 'zh-TW': '修改工作計畫的工作(推動)方法', en: 'Work plan method changed' },
  row_removed: { 'zh-TW': '移除工作計畫的工作(推動)方法', en: 'Work plan method removed' },
  submit: { 'zh-TW': '工作計畫送單位主管核定', en: 'Work plan submitted to the unit head' },
  approve: { 'zh-TW': '單位主管核定工作計畫', en: 'Work plan approved by the unit head' },
  send_back: { 'zh-TW': '單位主管退回工作計畫', en: 'Work plan sent back by the unit head' },
  accept: { 'zh-TW': '秘書室同意工作計畫', en: 'Work plan accepted by the secretariat' },
  return: { 'zh-TW': '秘書室退回工作計畫', en: 'Work plan returned by the secretariat' },
  publish: { 'zh-TW': '公開工作計畫', en: 'Work plan published' },
};

/** One action as the manifest lists it. */
const listed = (action: string, zh: string, en: string): AuditAction => ({
  action,
  label: { 'zh-TW': zh, en },
});

export const controlAuditActions: readonly AuditAction[] = [
  listed('control.plan_loaded', '載入 101 年度執行計畫', '2012 plan loaded'),
  listed('control.plan_copied', '複製執行計畫為新年度草稿', 'Plan copied to a new year'),
  listed('control.plan_published', '發布執行計畫', 'Plan published'),
  ...planChangeActions.map((action) => ({ action: `control.${action}`, label: planChanges[action] })),
  ...workPlanAuditActions.map((action) => ({
    action: `control.work_plan.${action}`,
    label: workPlanSteps[action],
  })),
  listed('control.progress.save', '填報執行進度', 'Progress entered'),
  listed('control.progress.settings', '設定填報週期', 'Reporting cadence set'),
  listed('control.progress.evidence_remove', '移除執行進度的佐證資料', 'Progress evidence removed'),
  listed('control.check.create', '登錄平時測試及查核', 'Spot check recorded'),
  listed('control.check.revise', '修正平時測試及查核', 'Spot check corrected'),
  listed('control.self_assessment.create', '登錄自行管理考核', 'Self-assessment recorded'),
  listed(
    'control.self_assessment.confirm',
    '單位主管確認自行管理考核',
    'Self-assessment confirmed by the unit head',
  ),
  listed('control.self_assessment.revise', '修正自行管理考核', 'Self-assessment corrected'),
  listed('control.check.follow_up', '登錄矯正措施辦理情形', 'Corrective action followed up'),
  listed('control.check.close_action', '矯正措施結案', 'Corrective action closed'),
  listed('control.check.evidence_remove', '移除矯正措施的佐證資料', 'Corrective action evidence removed'),
  listed('control.report.narrative', '撰寫年度績效成果報告說明', 'Annual report narrative saved'),
  listed('control.report.issue', '發布年度績效成果報告', 'Annual report issued'),
];
