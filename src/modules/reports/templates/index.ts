import { defineTopic } from '../../../platform/notify/template-kit.ts';
import { reportConfirm } from './report-confirm.ts';

/** Every message the photo reports send, in the order the templates page shows them. */
export const reportTopics = {
  confirm: defineTopic('report.confirm', reportConfirm),
} as const;
