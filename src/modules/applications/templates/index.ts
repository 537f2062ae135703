import { defineTopic } from '../../../platform/notify/template-kit.ts';
import { applicationCode } from './application-code.ts';
import { applicationResume } from './application-resume.ts';

/** Every message the online applications send, in the order the templates page shows them. */
export const applicationTopics = {
  code: defineTopic('application.code', applicationCode),
  resume: defineTopic('application.resume', applicationResume),
} as const;
