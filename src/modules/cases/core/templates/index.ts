import { defineTopic } from '../../../../platform/notify/template-kit.ts';
import { caseAccepted } from './case-accepted.ts';
import { caseMerged, caseWithdrawn } from './case-ended.ts';
import { caseExtended } from './case-extended.ts';
import { caseExtensionRequested } from './case-extension-requested.ts';
import { caseForwarded } from './case-forwarded.ts';
import { caseClosed } from './case-outcome.ts';
import { casePaymentReceived, casePaymentRefunded, casePaymentRequested } from './case-payment.ts';
import { caseReceived } from './case-received.ts';
import { caseRejected } from './case-rejected.ts';
import { handlerReminder, supervisorReminder } from './case-reminders.ts';
import { caseReopened } from './case-reopened.ts';
import { caseSupplementReceived } from './case-supplement-received.ts';
import { caseSupplementRequested } from './case-supplement-requested.ts';
import { caseTrackLink } from './case-track-link.ts';
import { caseTransferred } from './case-transferred.ts';

/** Every message about a case, in the order the templates page shows them. */
export const caseTopics = {
  received: defineTopic('case.received', caseReceived),
  accepted: defineTopic('case.accepted', caseAccepted),
  transferred: defineTopic('case.transferred', caseTransferred),
  extended: defineTopic('case.extended', caseExtended),
  supplementRequested: defineTopic('case.supplement_requested', caseSupplementRequested),
  supplementReceived: defineTopic('case.supplement_received', caseSupplementReceived),
  forwarded: defineTopic('case.forwarded', caseForwarded),
  paymentRequested: defineTopic('case.payment_requested', casePaymentRequested),
  paymentReceived: defineTopic('case.payment_received', casePaymentReceived),
  paymentRefunded: defineTopic('case.payment_refunded', casePaymentRefunded),
  closed: defineTopic('case.closed', caseClosed),
  rejected: defineTopic('case.rejected', caseRejected),
  withdrawn: defineTopic('case.withdrawn', caseWithdrawn),
  merged: defineTopic('case.merged', caseMerged),
  reopened: defineTopic('case.reopened', caseReopened),
  trackLink: defineTopic('case.track_link', caseTrackLink),
  extensionRequested: defineTopic('case.extension_requested', caseExtensionRequested),
  handlerReminder: defineTopic('case.reminder.handler', handlerReminder),
  supervisorReminder: defineTopic('case.reminder.supervisor', supervisorReminder),
} as const;
