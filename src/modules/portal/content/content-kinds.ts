import type { Lang } from '../../../platform/web/i18n.ts';

/** The kinds of content (issue 15 §1), in the order the portal lists them, with their names. */
export const contentKinds = [
  'announcement',
  'news',
  'regulation',
  'form',
  'plan_report',
  'activity',
  'procurement',
  'publication',
  'topic',
] as const;
export type ContentKind = (typeof contentKinds)[number];

export function isContentKind(value: string): value is ContentKind {
  return (contentKinds as readonly string[]).includes(value);
}

export const contentKindNames: Readonly<Record<ContentKind, Readonly<Record<Lang, string>>>> = {
  announcement: { 'zh-TW': '公告', en: 'Announcements' },
  news: { 'zh-TW': '新聞稿', en: 'News releases' },
  regulation: { 'zh-TW': '法規', en: 'Regulations' },
  form: { 'zh-TW': '書表下載', en: 'Forms' },
  plan_report: { 'zh-TW': '計畫與報告', en: 'Plans and reports' },
  activity: { 'zh-TW': '活動', en: 'Activities' },
  procurement: { 'zh-TW': '採購公告', en: 'Procurement notices' },
  publication: { 'zh-TW': '出版品', en: 'Publications' },
  topic: { 'zh-TW': '專題', en: 'Topics' },
};

/** One item of a kind, in a sentence: 「公告」 / "announcement". */
export const contentKindSingular: Readonly<Record<ContentKind, Readonly<Record<Lang, string>>>> = {
  announcement: { 'zh-TW': '公告', en: 'announcement' },
  news: { 'zh-TW': '新聞稿', en: 'news release' },
  regulation: { 'zh-TW': '法規', en: 'regulation' },
  form: { 'zh-TW': '書表', en: 'form' },
  plan_report: { 'zh-TW': '計畫或報告', en: 'plan or report' },
  activity: { 'zh-TW': '活動', en: 'activity' },
  procurement: { 'zh-TW': '採購公告', en: 'procurement notice' },
  publication: { 'zh-TW': '出版品', en: 'publication' },
  topic: { 'zh-TW': '專題', en: 'topic page' },
};

/**
 * The ten kinds of information 政府資訊公開法 §7 says an agency publishes on its own initiative: the menu of
 * the 政府資訊公開 zone. An item names the kinds it belongs to (`content_items.foi_kinds`).
 */
export const openGovernmentKinds = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] as const;
export type OpenGovernmentKind = (typeof openGovernmentKinds)[number];

export function isOpenGovernmentKind(value: string): value is OpenGovernmentKind {
  return (openGovernmentKinds as readonly string[]).includes(value);
}

export const openGovernmentKindNames: Readonly<Record<OpenGovernmentKind, Readonly<Record<Lang, string>>>> = {
  '1': {
    'zh-TW': '法規（法律、法規命令及地方自治法規）',
    en: 'Laws, regulatory orders and local autonomy regulations',
  },
  '2': {
    'zh-TW': '解釋性規定及裁量基準',
    en: 'Interpretive rules and standards for the use of discretion',
  },
  '3': {
    'zh-TW': '機關組織、職掌、地址、電話、傳真、網址及電子郵件信箱',
    en: 'Organisation, functions, address, telephone, fax, website and e-mail',
  },
  '4': { 'zh-TW': '行政指導有關文書', en: 'Documents of administrative guidance' },
  '5': { 'zh-TW': '施政計畫、業務統計及研究報告', en: 'Policy plans, statistics and research reports' },
  '6': { 'zh-TW': '預算及決算書', en: 'Budgets and final accounts' },
  '7': { 'zh-TW': '請願之處理結果及訴願之決定', en: 'Results of petitions and decisions on appeals' },
  '8': { 'zh-TW': '書面之公共工程及採購契約', en: 'Written public works and procurement contracts' },
  '9': { 'zh-TW': '支付或接受之補助', en: 'Subsidies paid or received' },
  '10': { 'zh-TW': '合議制機關之會議紀錄', en: 'Minutes of meetings of collegial bodies' },
};
