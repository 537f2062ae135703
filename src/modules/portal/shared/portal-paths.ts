/**
 * Every URL of the portal module, bare (zh-TW); `localePath(lang, path)` gives the English one. One file for
 * the four capabilities so that each can link to the others' pages.
 */
const code = (value: string | number) => encodeURIComponent(String(value));

export const contentPaths = {
  /** The portal's front page: what is new, the kinds, the ways to browse. */
  home: '/info',
  item: (number: number) => `/info/items/${number}`,
  file: (number: number, attachmentId: string) => `/info/items/${number}/files/${code(attachmentId)}`,
  /** Browsing (分類檢索): the index of ways, then each list. */
  browse: '/info/browse',
  byKind: (kind: string) => `/info/kinds/${code(kind)}`,
  byUnit: (unitCode: string) => `/info/units/${code(unitCode)}`,
  /** scheme: 'theme' (主題), 'cake' (施政), 'service' (服務). */
  byClassification: (scheme: string, classificationCode: string) =>
    `/info/classifications/${code(scheme)}/${code(classificationCode)}`,
  byYear: (year: number) => `/info/archive/${year}`,
  /** The 政府資訊公開 zone: §7's ten kinds. */
  openGovernment: '/info/open-government',
  openGovernmentKind: (kind: string) => `/info/open-government/${code(kind)}`,
} as const;

export const contentStaffPaths = {
  list: '/staff/content',
  create: '/staff/content/new',
  item: (number: number) => `/staff/content/${number}`,
  edit: (number: number) => `/staff/content/${number}/edit`,
  files: (number: number) => `/staff/content/${number}/files`,
  submit: (number: number) => `/staff/content/${number}/submit`,
  review: (number: number) => `/staff/content/${number}/review`,
  withdraw: (number: number) => `/staff/content/${number}/withdraw`,
  version: (number: number, version: number) => `/staff/content/${number}/versions/${version}`,
} as const;

export const faqPaths = {
  list: '/faq',
  entry: (number: number) => `/faq/${number}`,
  feedback: (number: number) => `/faq/${number}/feedback`,
} as const;

export const faqStaffPaths = {
  list: '/staff/faq',
  create: '/staff/faq/new',
  edit: (number: number) => `/staff/faq/${number}/edit`,
  proposals: '/staff/faq/proposals',
} as const;

export const searchPaths = {
  /** The site search page (replaces the platform's title-only search). */
  search: '/search',
  api: '/api/search',
} as const;

export const searchStaffPaths = {
  /** What people searched for and did not find. */
  misses: '/staff/search',
  synonyms: '/staff/search/synonyms',
} as const;

export const feedPaths = {
  newsRss: '/feeds/news.rss',
  newsAtom: '/feeds/news.atom',
  announcementsRss: '/feeds/announcements.rss',
  announcementsAtom: '/feeds/announcements.atom',
  /** The sitemap index; its children hold at most 50,000 addresses each. */
  sitemapXml: '/sitemap.xml',
  sitemapChild: (number: number) => `/sitemaps/${number}.xml`,
  sitemapChildRoute: '/sitemaps/:file',
} as const;
