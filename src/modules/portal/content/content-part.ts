import type { ModulePart } from '../shared/module-part.ts';

/** The content capability's share of the portal module's manifest (merged in ../index.ts). */
export const contentPart: ModulePart = {};
