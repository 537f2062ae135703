import { staffPaths } from '../auth/auth-paths.ts';
import type { Lang } from './i18n.ts';

/**
 * The one list of public pages. The routes register from it, the header navigation, the footer and the
 * 網站導覽 (site map) read it, and the tests walk it, so a page cannot exist without being listed (nor be
 * listed without existing).
 */

/** The date of this release: the default 更新日期 and DC.Date of every page that does not give its own. */
export const releaseDate = '2026-11-26';

export type SitePageGroup = 'services' | 'about' | 'policies';

export interface SitePage<Id extends string = string> {
  /** Stable: part of DC.Identifier (agency code + page id). Never rename one. */
  readonly id: Id;
  /** The path without the language prefix; English is under /en (ADR 0003). */
  readonly path: string;
  readonly title: Readonly<Record<Lang, string>>;
  /** A shorter label for the header navigation, when the title is too long or too grand for it. */
  readonly navigationTitle?: Readonly<Record<Lang, string>>;
  /** One sentence: the site map's description and the default DC.Description. */
  readonly summary: Readonly<Record<Lang, string>>;
  readonly group: SitePageGroup;
  /** ISO date (YYYY-MM-DD) the content last changed: 更新日期 and DC.Date. */
  readonly updatedAt: string;
  /** Shown in the header's main navigation. */
  readonly isInNavigation: boolean;
  /** Shown among the footer's policy links (TAIWAN.md: the footer items every government site carries). */
  readonly isInFooter: boolean;
}

/**
 * The citizen account's page (the citizens module's `citizenPaths.account`, named here by path as the pages
 * below are; `citizens.db.test.tsx` checks the two agree): signed in, the person's cases and drafts; otherwise
 * it leads to the e-mailed sign-in link. Linked from every page's header ("my cases") and from /apply — the
 * same link for every visitor, so public pages stay one set of bytes for all (ADR 0013).
 */
export const citizenAccountPath = '/account';

/** Where the header's sign-out button of a signed-in citizen posts (the citizens module's `citizenPaths.signOut`). */
export const citizenSignOutPath = '/account/sign-out';

function page<const Id extends string>(definition: SitePage<Id>): SitePage<Id> {
  return definition;
}

export const sitePages = [
  page({
    id: 'home',
    path: '/',
    title: { 'zh-TW': '工務單一窗口', en: 'OneWindow' },
    navigationTitle: { 'zh-TW': '首頁', en: 'Home' },
    summary: {
      'zh-TW': '高雄市政府工務局的線上服務入口：報修、申辦、查詢案件與服務項目。',
      en: 'The online front door of the Public Works Bureau: report a problem, apply, track a case, find a service.',
    },
    group: 'about',
    updatedAt: releaseDate,
    isInNavigation: true,
    isInFooter: false,
  }),
  page({
    id: 'report',
    path: '/report',
    title: { 'zh-TW': '報修', en: 'Report a problem' },
    summary: {
      'zh-TW': '通報路面坑洞、路燈故障及公園設施損壞。',
      en: 'Report potholes, street lights that are out and damaged park facilities.',
    },
    group: 'services',
    updatedAt: releaseDate,
    isInNavigation: true,
    isInFooter: false,
  }),
  page({
    id: 'apply',
    path: '/apply',
    title: { 'zh-TW': '線上申辦', en: 'Apply online' },
    summary: {
      'zh-TW': '線上申請本局受理的各項許可與服務。',
      en: 'Apply online for the permits and services the bureau handles.',
    },
    group: 'services',
    updatedAt: releaseDate,
    isInNavigation: true,
    isInFooter: false,
  }),
  page({
    id: 'track',
    path: '/track',
    title: { 'zh-TW': '案件查詢', en: 'Track a case' },
    summary: {
      'zh-TW': '以案件編號及查詢碼查看案件辦理進度。',
      en: 'See where your case is with its case number and lookup code.',
    },
    group: 'services',
    updatedAt: releaseDate,
    isInNavigation: true,
    isInFooter: false,
  }),
  page({
    id: 'services',
    path: '/services',
    title: { 'zh-TW': '服務項目', en: 'Services' },
    summary: {
      'zh-TW': '本局各項服務的申辦須知、應備文件、費用及處理期限。',
      en: 'What each of the bureau’s services is for, the documents needed, fees and processing times.',
    },
    group: 'services',
    updatedAt: releaseDate,
    isInNavigation: true,
    isInFooter: false,
  }),
  page({
    id: 'reports',
    path: '/reports',
    title: { 'zh-TW': '報修案件地圖', en: 'Reported problems map' },
    summary: {
      'zh-TW': '民眾通報的道路坑洞、路燈故障、公園設施損壞等案件的位置與處理進度。',
      en: 'Where residents reported potholes, street lights that are out and damaged park facilities, and how far each has got.',
    },
    group: 'services',
    updatedAt: releaseDate,
    isInNavigation: false,
    isInFooter: false,
  }),
  page({
    id: 'plans',
    path: '/plans',
    title: { 'zh-TW': '提升服務品質執行計畫', en: 'Service quality plans' },
    summary: {
      'zh-TW': '本局各年度提升服務品質執行計畫：實施要項、執行策略、推動作法、完成期限及承辦單位。',
      en: 'The bureau’s plan for improving service quality, year by year: what it will do, by when, and which units.',
    },
    group: 'about',
    updatedAt: releaseDate,
    isInNavigation: false,
    isInFooter: false,
  }),
  page({
    id: 'work-plans',
    path: '/work-plans',
    title: { 'zh-TW': '各單位工作計畫', en: 'Units’ work plans' },
    summary: {
      'zh-TW': '本局各單位依年度執行計畫訂定並刊登的工作計畫：推動重點、方法與量化目標。',
      en: 'The work plans the bureau’s units publish under each year’s plan: their focus, methods and targets.',
    },
    group: 'about',
    updatedAt: releaseDate,
    isInNavigation: false,
    isInFooter: false,
  }),
  page({
    id: 'info',
    path: '/info',
    title: { 'zh-TW': '資訊專區', en: 'Information' },
    navigationTitle: { 'zh-TW': '資訊公開', en: 'Information' },
    summary: {
      'zh-TW': '公告、新聞稿、法規、書表下載、計畫與報告、採購公告及政府資訊公開專區。',
      en: 'Announcements, news releases, regulations, forms, plans and reports, procurement notices and open government information.',
    },
    group: 'services',
    updatedAt: releaseDate,
    isInNavigation: true,
    isInFooter: false,
  }),
  page({
    id: 'mailbox',
    path: '/mailbox',
    title: { 'zh-TW': '局長信箱', en: 'Director’s mailbox' },
    summary: {
      'zh-TW': '向局長陳情、建議或提供意見（驗證聯絡方式後登記，依行政程序法處理並答復）。',
      en: 'Write to the Director General with a petition, a suggestion or a comment (registered once your contact is confirmed, and answered).',
    },
    group: 'services',
    updatedAt: '2026-12-06',
    isInNavigation: false,
    // Every government site carries its 首長信箱 in the footer (TAIWAN.md).
    isInFooter: true,
  }),
  page({
    id: 'faq',
    path: '/faq',
    title: { 'zh-TW': '常見問答', en: 'Frequently asked questions' },
    navigationTitle: { 'zh-TW': '常見問答', en: 'FAQ' },
    summary: {
      'zh-TW': '民眾常問的問題與各單位的回答。',
      en: 'Questions people often ask, answered by the bureau’s units.',
    },
    group: 'services',
    updatedAt: releaseDate,
    isInNavigation: false,
    isInFooter: false,
  }),
  page({
    id: 'search',
    path: '/search',
    title: { 'zh-TW': '網站搜尋', en: 'Search this site' },
    summary: {
      'zh-TW': '搜尋本網站的公告、法規、書表、常見問答、服務項目及計畫，包括附件內的文字。',
      en: 'Search this site’s announcements, regulations, forms, FAQ, services and plans, including the text of attached files.',
    },
    group: 'about',
    updatedAt: releaseDate,
    isInNavigation: false,
    isInFooter: false,
  }),
  page({
    id: 'sitemap',
    path: '/sitemap',
    title: { 'zh-TW': '網站導覽', en: 'Site map' },
    summary: {
      'zh-TW': '本網站所有頁面、快速鍵及字級設定的說明。',
      en: 'Every page of this site, the access keys and the text-size switch.',
    },
    group: 'about',
    updatedAt: releaseDate,
    isInNavigation: true,
    isInFooter: true,
  }),
  page({
    id: 'privacy',
    path: '/privacy',
    title: { 'zh-TW': '隱私權及網站安全政策', en: 'Privacy and website security policy' },
    summary: {
      'zh-TW': '本網站蒐集哪些資料、如何使用 Cookie、如何保護您的個人資料及網站安全。',
      en: 'What this site collects, the cookies it uses, and how your personal data and the site are protected.',
    },
    group: 'policies',
    updatedAt: releaseDate,
    isInNavigation: false,
    isInFooter: true,
  }),
  page({
    id: 'open-data',
    path: '/open-data',
    title: { 'zh-TW': '政府網站資料開放宣告', en: 'Open data declaration' },
    summary: {
      'zh-TW': '本網站內容依政府資料開放授權條款第1版開放使用，以及例外與資料來源說明。',
      en: 'This site’s content is open under the Open Government Data License, version 1.0; exceptions and sources.',
    },
    group: 'policies',
    updatedAt: releaseDate,
    isInNavigation: false,
    isInFooter: true,
  }),
  page({
    id: 'personal-data-files',
    path: '/personal-data-files',
    title: { 'zh-TW': '個人資料檔案公開', en: 'Personal data files' },
    summary: {
      'zh-TW': '依個人資料保護法第17條公開本平台保有的個人資料檔案。',
      en: 'The personal data files this platform keeps, published under Article 17 of the Personal Data Protection Act.',
    },
    group: 'policies',
    updatedAt: releaseDate,
    isInNavigation: false,
    isInFooter: true,
  }),
] as const;

export type SitePageId = (typeof sitePages)[number]['id'];

export type OtherPublicPage = Omit<
  SitePage,
  'isInNavigation' | 'isInFooter' | 'updatedAt' | 'navigationTitle'
>;

/** Public pages that other parts of the platform render; the site map lists them too. */
export const otherPublicPages: readonly OtherPublicPage[] = [
  {
    id: 'staff-sign-in',
    path: staffPaths.signIn,
    title: { 'zh-TW': '員工登入', en: 'Staff sign-in' },
    summary: {
      'zh-TW': '本局同仁登入後台處理案件。',
      en: 'Bureau staff sign in here to work on cases.',
    },
    group: 'about',
  },
];

export function findSitePage(id: SitePageId): SitePage<SitePageId> {
  const found = sitePages.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`No site page with id ${id}`);
  return found;
}

/** What renderPage takes from a registered page: its title and summary in `lang`, its id and its date. */
export function sitePageOptions(
  page: SitePage,
  lang: Lang,
): { title: string; description: string; pageId: string; updatedAt: string } {
  return {
    title: page.title[lang],
    description: page.summary[lang],
    pageId: page.id,
    updatedAt: page.updatedAt,
  };
}

/** The registered page at a bare path, if any (used to name pages for DC.Identifier). */
export function sitePageAtPath(path: string): SitePage | undefined {
  return sitePages.find((candidate) => candidate.path === path);
}

export const sitePageGroups: readonly SitePageGroup[] = ['services', 'about', 'policies'];
