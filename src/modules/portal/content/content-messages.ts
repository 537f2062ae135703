import { type Lang, translator } from '../../../platform/web/i18n.ts';

/** The words of the public content pages (issue 15 §1, §3, §7), zh-TW first. */
export const contentText = translator({
  'zh-TW': {
    homeTitle: '資訊專區',
    homeLead: '本局的公告、新聞稿、法規、書表、計畫與報告，以及政府資訊公開。',
    latestAnnouncements: '最新公告',
    latestNews: '最新新聞稿',
    allOfKind: '所有{kind}',
    kindsHeading: '依類型瀏覽',
    waysHeading: '其他瀏覽方式',
    topicsHeading: '專題',
    browseTitle: '分類檢索',
    browseLead: '依主題、施政、服務分類，或依發布單位、類型及年份瀏覽本局公開的資訊。',
    schemeTheme: '主題分類',
    schemeCake: '施政分類',
    schemeService: '服務分類',
    byUnit: '依發布單位',
    byKind: '依類型',
    byYear: '依年份',
    yearName: '{year} 年（民國 {rocYear} 年）',
    monthName: '{year} 年 {month} 月',
    allMonths: '全年',
    itemCount: '{count} 則',
    emptyList: '目前沒有資料。',
    notFound: '找不到這則資訊：它可能尚未發布、已下架，或網址有誤。',
    fileNotFound: '找不到這個附件。',
    openGovernmentTitle: '政府資訊公開',
    openGovernmentLead: '依政府資訊公開法第 7 條主動公開的十類政府資訊。',
    openGovernmentKindHeading: '第 {kind} 類',
    contactsHeading: '各單位地址、電話及電子郵件',
    unitAddress: '地址',
    unitPhone: '電話',
    unitFax: '傳真',
    unitEmail: '電子郵件',
    unitHours: '服務時間',
    shownOn: '發布日期',
    updatedOn: '更新日期',
    unitLabel: '發布單位',
    kindLabel: '類型',
    coverageLabel: '適用期間',
    filesHeading: '附件下載',
    samplesHeading: '填寫範例',
    fileDetails: '{type}，{size}',
    classificationsHeading: '分類',
    relatedHeading: '相關資訊',
    demoTag: '示範內容',
    demoNotice: '這是示範內容，用來展示網站功能，並非本局正式公告。',
    chineseOnly: '本則資訊僅有中文版。',
    listLabel: '資訊清單',
    paginationLabel: '資訊清單分頁',
    itemsInKind: '{kind}（{count} 則）',
    browseAll: '瀏覽完整的{scheme}',
    schemeLead: '點選分類，查看該分類及其下各分類的資訊。',
    codeItems: '{name}（{count} 則）',
    noClassifications: '尚未載入這個分類表。',
    narrowerHeading: '下層分類',
  },
  en: {
    homeTitle: 'Information',
    homeLead:
      'The bureau’s announcements, news releases, regulations, forms, plans and reports, and open government information.',
    latestAnnouncements: 'Latest announcements',
    latestNews: 'Latest news releases',
    allOfKind: 'All {kind}',
    kindsHeading: 'Browse by type',
    waysHeading: 'Other ways to browse',
    topicsHeading: 'Topics',
    browseTitle: 'Browse by classification',
    browseLead:
      'Browse the bureau’s published information by theme, policy area or service classification, or by unit, type and year.',
    schemeTheme: 'By theme',
    schemeCake: 'By policy area',
    schemeService: 'By service',
    byUnit: 'By unit',
    byKind: 'By type',
    byYear: 'By year',
    yearName: '{year}',
    monthName: '{monthName} {year}',
    allMonths: 'Whole year',
    itemCount: '{count} items',
    emptyList: 'There is nothing here yet.',
    notFound:
      'We could not find this item: it may not be published yet, it may have been taken down, or the address is wrong.',
    fileNotFound: 'We could not find this file.',
    openGovernmentTitle: 'Open government information',
    openGovernmentLead:
      'The ten kinds of information the Freedom of Government Information Act (Article 7) says the bureau publishes on its own initiative.',
    openGovernmentKindHeading: 'Kind {kind}',
    contactsHeading: 'Addresses, telephone numbers and e-mail of each unit',
    unitAddress: 'Address',
    unitPhone: 'Telephone',
    unitFax: 'Fax',
    unitEmail: 'E-mail',
    unitHours: 'Opening hours',
    shownOn: 'Published',
    updatedOn: 'Updated',
    unitLabel: 'From',
    kindLabel: 'Type',
    coverageLabel: 'Applies',
    filesHeading: 'Files to download',
    samplesHeading: 'Filled-in examples',
    fileDetails: '{type}, {size}',
    classificationsHeading: 'Classification',
    relatedHeading: 'Related information',
    demoTag: 'Demo content',
    demoNotice:
      'This is demo content, showing what the site can do; it is not an official notice of the bureau.',
    chineseOnly: 'This item is available in Chinese only.',
    listLabel: 'Items',
    paginationLabel: 'Pages of items',
    itemsInKind: '{kind} ({count})',
    browseAll: 'The whole list ({scheme})',
    schemeLead: 'Choose a class to see the information in it and the classes under it.',
    codeItems: '{name} ({count})',
    noClassifications: 'This classification list has not been loaded yet.',
    narrowerHeading: 'Narrower classes',
  },
});

const typeNames: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  'application/pdf': { 'zh-TW': 'PDF 檔', en: 'PDF' },
  'application/vnd.oasis.opendocument.text': { 'zh-TW': 'ODT 文件', en: 'ODT document' },
  'application/vnd.oasis.opendocument.spreadsheet': { 'zh-TW': 'ODS 試算表', en: 'ODS spreadsheet' },
  'image/jpeg': { 'zh-TW': 'JPEG 圖片', en: 'JPEG image' },
  'image/png': { 'zh-TW': 'PNG 圖片', en: 'PNG image' },
  'image/webp': { 'zh-TW': 'WebP 圖片', en: 'WebP image' },
};

/** 「PDF 檔，12.5 KB」 / "PDF, 12.5 KB": what a reader needs to know before downloading. */
export function fileDetailsText(lang: Lang, mediaType: string, sizeBytes: number): string {
  const type = typeNames[mediaType]?.[lang] ?? mediaType;
  const units = ['bytes', 'KB', 'MB', 'GB'];
  let value = sizeBytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return contentText(lang, 'fileDetails', { type, size: `${Math.round(value * 10) / 10} ${units[unit]}` });
}
