import type { ModulePart } from '../shared/module-part.ts';

/** Content editing (drafts, review, scheduling, versions, attachments): its share of the portal manifest. */
export const contentEditorPart: ModulePart = {};
