import { controlPaths } from '../plans/plan-paths.ts';

/** The units' work plans' URLs (bare, i.e. zh-TW; `localePath(lang, …)` gives the English one). */
export const workPlanPaths = {
  /** Staff: the overview of a year (`?year=`), and the unit's start form. */
  staffList: controlPaths.staffWorkPlans,
  staffYear: (year: number) => `${controlPaths.staffWorkPlans}?year=${year}`,
  staffCreate: (year: number) => `${controlPaths.staffWorkPlans}/${year}`,
  staffPlan: (year: number, unit: string) => `${controlPaths.staffWorkPlans}/${year}/${unit}`,
  staffNewRow: (year: number, unit: string) => `${controlPaths.staffWorkPlans}/${year}/${unit}/rows/new`,
  staffRow: (year: number, unit: string, rowId: string) =>
    `${controlPaths.staffWorkPlans}/${year}/${unit}/rows/${rowId}`,
  staffRemoveRow: (year: number, unit: string, rowId: string) =>
    `${controlPaths.staffWorkPlans}/${year}/${unit}/rows/${rowId}/remove`,
  staffAction: (year: number, unit: string, action: WorkPlanActionSlug) =>
    `${controlPaths.staffWorkPlans}/${year}/${unit}/${action}`,
  /** Public. */
  publicYear: (year: number) => `/work-plans/${year}`,
  publicPlan: (year: number, unit: string) => `/work-plans/${year}/${unit}`,
} as const;

export const workPlanActionSlugs = ['submit', 'approve', 'send-back', 'accept', 'return', 'publish'] as const;
export type WorkPlanActionSlug = (typeof workPlanActionSlugs)[number];
