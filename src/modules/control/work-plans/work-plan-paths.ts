/** The units' work plans' URLs (bare, i.e. zh-TW; `localePath(lang, …)` gives the English one). */
const staff = '/staff/work-plans';

export const workPlanPaths = {
  /** Staff: the overview of a year (`?year=`), and the unit's start form. */
  staffList: staff,
  staffYear: (year: number) => `${staff}?year=${year}`,
  staffCreate: (year: number) => `${staff}/${year}`,
  staffPlan: (year: number, unit: string) => `${staff}/${year}/${unit}`,
  staffNewRow: (year: number, unit: string) => `${staff}/${year}/${unit}/rows/new`,
  staffRow: (year: number, unit: string, rowId: string) => `${staff}/${year}/${unit}/rows/${rowId}`,
  staffRemoveRow: (year: number, unit: string, rowId: string) =>
    `${staff}/${year}/${unit}/rows/${rowId}/remove`,
  staffAction: (year: number, unit: string, action: WorkPlanActionSlug) =>
    `${staff}/${year}/${unit}/${action}`,
  /** Public: the years (the site map's page), a year's published work plans, one. */
  publicYears: '/work-plans',
  publicYear: (year: number) => `/work-plans/${year}`,
  publicPlan: (year: number, unit: string) => `/work-plans/${year}/${unit}`,
} as const;

export const workPlanActionSlugs = ['submit', 'approve', 'send-back', 'accept', 'return', 'publish'] as const;
export type WorkPlanActionSlug = (typeof workPlanActionSlugs)[number];

/** Units a page of the staff overview lists. */
export const workPlanListPageSize = 50;
