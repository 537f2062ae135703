/** The staff pages of 管制查考 §3 (progress), without the language prefix. */
export const progressPaths = {
  home: '/staff/progress',
  overview: (year: number | string) => `/staff/progress/${year}`,
  unit: (year: number | string, unit: string) => `/staff/progress/${year}/${unit}`,
  /** One practice's page for a period: its entry and its one form (issue 14 §14). */
  practice: (year: number | string, unit: string, period: string, practiceId: string) =>
    `/staff/progress/${year}/${unit}/${period}/practices/${practiceId}`,
  entries: (year: number | string, unit: string, period: string) =>
    `/staff/progress/${year}/${unit}/${period}/entries`,
  settings: (year: number | string) => `/staff/progress/${year}/settings`,
  evidence: (id: string) => `/staff/progress/evidence/${id}`,
  removeEvidence: (id: string) => `/staff/progress/evidence/${id}/remove`,
};
