/** The petitions module's URLs, bare (zh-TW); `localePath(lang, …)` gives the English one. */
export const petitionPaths = {
  /** 局長信箱: the director's mailbox (a web form; the contact proven by a one-time code). */
  mailbox: '/mailbox',
  /** 意見信箱: the suggestion box (the same form, another source). */
  suggestions: '/suggestions',
  /** The code page of a petition written on the web, by its link's secret. */
  confirm: (token: string) => `/mailbox/confirm/${token}`,
  confirmPattern: '/mailbox/confirm/:token',
  /** Staff: register a letter, an oral petition, a 1999 transfer or an e-mail. */
  staffNew: '/staff/petitions/new',
  /** Staff: a petition's own page (repeats, the answer from a template, §173 declines, transfers). */
  staffPetition: (caseNumber: string) => `/staff/petitions/${caseNumber}`,
  staffPetitionPattern: '/staff/petitions/:caseNumber',
  /** The reply as a printable letter (函, A4), for a petitioner without e-mail. */
  letter: (caseNumber: string) => `/staff/petitions/${caseNumber}/letter`,
  letterPattern: '/staff/petitions/:caseNumber/letter',
  /** Designated officers: a confidential reporter's identity (every reading audited). */
  identity: (caseNumber: string) => `/staff/petitions/${caseNumber}/identity`,
  identityPattern: '/staff/petitions/:caseNumber/identity',
  /** Case-type analysis (三(一)1) and its exports. */
  analysis: '/staff/petitions/analysis',
  /** Admin: the catalogue's petition services and their rules as petition types (issue 17). */
  types: '/staff/petitions/types',
  type: (serviceCode: string) => `/staff/petitions/types/${serviceCode}`,
  typePattern: '/staff/petitions/types/:code',
  /** Admin: the officers designated to see confidential reporters' identities (issue 17). */
  officers: '/staff/petitions/officers',
  officerEnd: (staffId: string) => `/staff/petitions/officers/${staffId}/end`,
  officerEndPattern: '/staff/petitions/officers/:staffId/end',
  /** 輿情: the media log. */
  media: '/staff/media',
} as const;
