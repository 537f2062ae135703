import type { ModulePart } from '../shared/module-part.ts';

/** The feeds capability's share of the portal module's manifest (merged in ../index.ts). */
export const feedsPart: ModulePart = {};
