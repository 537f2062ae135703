import type { ModulePart } from '../shared/module-part.ts';

/** The faq capability's share of the portal module's manifest (merged in ../index.ts). */
export const faqPart: ModulePart = {};
