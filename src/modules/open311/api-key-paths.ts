/** The API keys' staff pages (the zh-TW path; `/en` + path in English). */
export const apiKeyPaths = {
  /** The list, the form that creates a key, and the page that shows a new key once. */
  list: '/staff/api-keys',
  /** The confirmation before a key is revoked. */
  revoke: (id: string) => `/staff/api-keys/${id}/revoke`,
} as const;
