/** The media log's URLs (輿情, issue 16 §7), bare (zh-TW); `localePath(lang, …)` gives the English one. */
export const mediaPaths = {
  /** The list: open, overdue, clarified or every item (`?show=`), a page at a time. */
  list: '/staff/media',
  /** Record a news or social-media item (the secretariat, an admin). */
  newItem: '/staff/media/new',
  /** One item: what was reported, the fact-check asked and its note, the clarification. */
  item: (id: string) => `/staff/media/${id}`,
  itemPattern: '/staff/media/:id',
  /** The asked unit's fact-check note (a form posted from the item's page). */
  factCheck: (id: string) => `/staff/media/${id}/fact-check`,
  factCheckPattern: '/staff/media/:id/fact-check',
  /** The clarification: a press release or a reply, with its link. */
  clarification: (id: string) => `/staff/media/${id}/clarification`,
  clarificationPattern: '/staff/media/:id/clarification',
} as const;
