import { defineTopic } from '../../../platform/notify/template-kit.ts';
import { reportConfirm } from './report-confirm.ts';
import { reportFixed } from './report-fixed.ts';

/** Every message the photo reports send, in the order the templates page shows them. */
export const reportTopics = {
  confirm: defineTopic('report.confirm', reportConfirm),
  fixed: defineTopic('report.fixed', reportFixed),
} as const;
