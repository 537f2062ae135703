/**
 * Demo FAQ entries (marked as demo on the page): what people ask a public works bureau, answered as the
 * bureau's units would. Loaded by the FAQ's demo seed; the search relevance set (search/relevance-set.ts)
 * leans on them, so change both together. Unit codes are those of platform/reference/units.ts; related
 * services are the demo catalogue's codes.
 */
export interface DemoFaqEntry {
  /** Stable key: the seed finds an entry it wrote before by it (the first variant is not stable enough). */
  readonly key: string;
  readonly unitCode: string;
  readonly questionZh: string;
  readonly questionEn: string;
  readonly variantsZh: readonly string[];
  readonly variantsEn: readonly string[];
  readonly answerZh: string;
  readonly answerEn: string;
  readonly relatedServiceCodes: readonly string[];
  readonly themeCodes: readonly string[];
  readonly cakeCodes: readonly string[];
  readonly serviceCodes: readonly string[];
}

export const demoFaqEntries: readonly DemoFaqEntry[] = [];
