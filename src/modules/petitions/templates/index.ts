import { defineTopic } from '../../../platform/notify/template-kit.ts';
import { petitionCode } from './petition-code.ts';

/** Every message the petitions module sends itself (the case core sends the rest), as the templates page shows them. */
export const petitionTopics = {
  code: defineTopic('petition.code', petitionCode),
} as const;
