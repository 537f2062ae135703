import { Type } from 'typebox';

/** The plans' URLs (bare, i.e. zh-TW; `localePath(lang, …)` gives the English one). */
export const planPaths = {
  /** The public list (site page 'plans'). */
  plans: '/plans',
  plan: (year: number) => `/plans/${year}`,
  staffList: '/staff/plans',
  staffCopy: '/staff/plans/copy',
  staffPlan: (year: number) => `/staff/plans/${year}`,
  staffPublish: (year: number) => `/staff/plans/${year}/publish`,
  staffHeader: (year: number) => `/staff/plans/${year}/header`,
  staffNewItem: (year: number) => `/staff/plans/${year}/items/new`,
  staffItem: (year: number, itemId: string) => `/staff/plans/${year}/items/${itemId}`,
  staffNewStrategy: (year: number, itemId: string) => `/staff/plans/${year}/items/${itemId}/strategies/new`,
  staffStrategy: (year: number, strategyId: string) => `/staff/plans/${year}/strategies/${strategyId}`,
  staffNewPractice: (year: number, strategyId: string) =>
    `/staff/plans/${year}/strategies/${strategyId}/practices/new`,
  staffPractice: (year: number, practiceId: string) => `/staff/plans/${year}/practices/${practiceId}`,
  /** Appended to an item, strategy or practice path. */
  removeSuffix: '/remove',
} as const;

/** Anchors on the pages: one per entry, so an error or a link can point at it. */
export const anchorOf = {
  item: (id: string) => `item-${id}`,
  strategy: (id: string) => `strategy-${id}`,
  practice: (id: string) => `practice-${id}`,
} as const;

/** A plan's year in a URL. */
export const PlanYearParams = Type.Object({ year: Type.String({ pattern: '^[0-9]{1,6}$' }) });

/** Plans a list page shows: one plan a year, so a page is half a century. */
export const planListPageSize = 50;
