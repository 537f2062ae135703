import { defineTopic } from '../../../../platform/notify/template-kit.ts';
import { caseExtended } from './case-extended.ts';
import { caseForwarded } from './case-forwarded.ts';
import { caseClosed, caseResolved } from './case-outcome.ts';
import { casePaymentReceived, casePaymentRefunded, casePaymentRequested } from './case-payment.ts';
import { caseReceived } from './case-received.ts';
import { handlerReminder, supervisorReminder } from './case-reminders.ts';
import { caseSupplementRequested } from './case-supplement-requested.ts';
import { caseTransferred } from './case-transferred.ts';

/** Every message about a case, in the order the templates page shows them. */
export const caseTopics = {
  received: defineTopic('case.received', caseReceived),
  transferred: defineTopic('case.transferred', caseTransferred),
  extended: defineTopic('case.extended', caseExtended),
  supplementRequested: defineTopic('case.supplement_requested', caseSupplementRequested),
  forwarded: defineTopic('case.forwarded', caseForwarded),
  paymentRequested: defineTopic('case.payment_requested', casePaymentRequested),
  paymentReceived: defineTopic('case.payment_received', casePaymentReceived),
  paymentRefunded: defineTopic('case.payment_refunded', casePaymentRefunded),
  resolved: defineTopic('case.resolved', caseResolved),
  closed: defineTopic('case.closed', caseClosed),
  handlerReminder: defineTopic('case.reminder.handler', handlerReminder),
  supervisorReminder: defineTopic('case.reminder.supervisor', supervisorReminder),
} as const;
