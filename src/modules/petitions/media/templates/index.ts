import { defineTopic } from '../../../../platform/notify/template-kit.ts';
import { mediaOverdue } from './media-overdue.ts';

/** The media log's messages (輿情), as the templates page shows them. */
export const mediaTopics = {
  overdue: defineTopic('petition.media_overdue', mediaOverdue),
} as const;
