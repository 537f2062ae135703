import type { Lang } from '../../../platform/web/i18n.ts';
import { caseExtended } from './case-extended.ts';
import { caseForwarded } from './case-forwarded.ts';
import { caseClosed, caseResolved } from './case-outcome.ts';
import { caseReceived } from './case-received.ts';
import { handlerReminder, supervisorReminder } from './case-reminders.ts';
import { caseSupplementRequested } from './case-supplement-requested.ts';
import { caseTransferred } from './case-transferred.ts';
import { progressReportDue, progressReportMissing } from './control-progress.ts';
import { annualReportDue, annualReportOverdue } from './control-report.ts';
import type { NotificationTemplate, RenderedMessage } from './template-kit.ts';

export type { CaseExtendedData } from './case-extended.ts';
export type { CaseForwardedData } from './case-forwarded.ts';
export type { CaseOutcomeData } from './case-outcome.ts';
export type { CaseReceivedData } from './case-received.ts';
export type { HandlerReminderData, SupervisorReminderData } from './case-reminders.ts';
export type { CaseSupplementRequestedData } from './case-supplement-requested.ts';
export type { CaseTransferredData } from './case-transferred.ts';
export type { ProgressReportData } from './control-progress.ts';
export type { AnnualReportData } from './control-report.ts';
export type { NotificationTemplate, RenderedMessage } from './template-kit.ts';

/** Every topic and its template, in the order the templates page shows them. */
export const notificationTemplates = {
  'case.received': caseReceived,
  'case.transferred': caseTransferred,
  'case.extended': caseExtended,
  'case.supplement_requested': caseSupplementRequested,
  'case.forwarded': caseForwarded,
  'case.resolved': caseResolved,
  'case.closed': caseClosed,
  'case.reminder.handler': handlerReminder,
  'case.reminder.supervisor': supervisorReminder,
  'control.report_due': progressReportDue,
  'control.report_missing': progressReportMissing,
  'control.annual_report_due': annualReportDue,
  'control.annual_report_overdue': annualReportOverdue,
} as const;

export type NotificationTopic = keyof typeof notificationTemplates;

/** The data a topic's template takes. */
export type TemplateData<Topic extends NotificationTopic> =
  (typeof notificationTemplates)[Topic] extends NotificationTemplate<infer Data> ? Data : never;

export const notificationTopics = Object.keys(notificationTemplates) as NotificationTopic[];

export function isNotificationTopic(value: string): value is NotificationTopic {
  return Object.hasOwn(notificationTemplates, value);
}

export function renderNotification<Topic extends NotificationTopic>(
  topic: Topic,
  lang: Lang,
  data: TemplateData<Topic>,
): RenderedMessage {
  const template = notificationTemplates[topic] as unknown as NotificationTemplate<TemplateData<Topic>>;
  return template.render[lang](data);
}

/** A template filled with its own sample data (for the templates page and tests). */
export function renderSample(topic: NotificationTopic, lang: Lang): RenderedMessage {
  const template = notificationTemplates[topic] as unknown as NotificationTemplate<
    TemplateData<typeof topic>
  >;
  return template.render[lang](template.sample[lang]);
}
