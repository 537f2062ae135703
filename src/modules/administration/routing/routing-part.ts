import type { ModulePart } from '../../../platform/composition/module-part.ts';

/** Administration: routing (issue 17). Routes load lazily; staff areas and audit actions are data. */
export const routingPart: ModulePart = {};
