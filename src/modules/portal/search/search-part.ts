import type { ModulePart } from '../shared/module-part.ts';

/** The search capability's share of the portal module's manifest (merged in ../index.ts). */
export const searchPart: ModulePart = {};
