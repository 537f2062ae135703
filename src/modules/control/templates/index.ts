import { defineTopic } from '../../../platform/notify/template-kit.ts';
import { progressReportDue, progressReportMissing } from './progress-reminders.ts';
import { annualReportDue, annualReportOverdue } from './report-reminders.ts';

/** Every message of management control, in the order the templates page shows them. */
export const controlTopics = {
  reportDue: defineTopic('control.report_due', progressReportDue),
  reportMissing: defineTopic('control.report_missing', progressReportMissing),
  annualReportDue: defineTopic('control.annual_report_due', annualReportDue),
  annualReportOverdue: defineTopic('control.annual_report_overdue', annualReportOverdue),
} as const;
