/** The spot checks' and self-assessments' URLs (bare, i.e. zh-TW; `localePath(lang, …)` gives the English one). */
export const checksPaths = {
  list: '/staff/checks',
  newCheck: '/staff/checks/new',
  check: (id: string) => `/staff/checks/${id}`,
  edit: (id: string) => `/staff/checks/${id}/edit`,
  confirm: (id: string) => `/staff/checks/${id}/confirm`,
  followUps: (id: string, actionId: string) => `/staff/checks/${id}/actions/${actionId}/follow-ups`,
  close: (id: string, actionId: string) => `/staff/checks/${id}/actions/${actionId}/close`,
  evidence: (id: string, evidenceId: string) => `/staff/checks/${id}/evidence/${evidenceId}`,
  removeEvidence: (id: string, evidenceId: string) => `/staff/checks/${id}/evidence/${evidenceId}/remove`,
  unit: '/staff/unit-checks',
  newSelfAssessment: '/staff/unit-checks/new',
} as const;

export const actionAnchor = (actionId: string) => `action-${actionId}`;

/** Checks a page of a list shows. */
export const checksPageSize = 50;
