import { translator } from '../../../platform/web/i18n.ts';

/** The words of the portal's feeds, the sitemap and its open datasets, zh-TW first. */
export const feedsText = translator({
  'zh-TW': {
    author: '高雄市政府工務局',
    rights: '政府資料開放授權條款－第1版（Open Government Data License, version 1.0）',
    newsTitle: '高雄市政府工務局新聞稿',
    newsDescription: '本局最新 {count} 則新聞稿。',
    announcementsTitle: '高雄市政府工務局公告',
    announcementsDescription: '本局最新 {count} 則公告。',
    // Open datasets (the open-data page).
    feedsDatasetTitle: '新聞稿及公告訂閱（RSS、Atom）',
    feedsDatasetDescription:
      '本局最新 50 則新聞稿及公告：標題、網址、發布日期、摘要及分類，中文及英文版（英文版以英文標題為主，尚無英文者以中文標題呈現）。',
    feedsDatasetUpdates: '發布時即時更新',
    searchDatasetTitle: '全站搜尋 API',
    searchDatasetDescription:
      '以關鍵字搜尋本網站公開的內容、常見問答、服務項目及計畫，回傳 JSON：標題、網址、類型、單位、日期及摘要片段。',
    searchDatasetUpdates: '即時（內容發布即可搜尋）',
    sitemapDatasetTitle: '網站地圖（sitemap.xml）',
    sitemapDatasetDescription:
      '本網站所有公開頁面的網址及更新時間（Sitemap 通訊協定，中英文頁面互相標示），供搜尋引擎及其他系統使用。',
    sitemapDatasetUpdates: '每小時',
  },
  en: {
    author: 'Public Works Bureau, Kaohsiung City Government',
    rights: 'Open Government Data License, version 1.0 (政府資料開放授權條款－第1版)',
    newsTitle: 'Public Works Bureau, Kaohsiung: news releases',
    newsDescription: 'The bureau’s newest {count} news releases.',
    announcementsTitle: 'Public Works Bureau, Kaohsiung: announcements',
    announcementsDescription: 'The bureau’s newest {count} announcements.',
    feedsDatasetTitle: 'News releases and announcements (RSS, Atom)',
    feedsDatasetDescription:
      'The bureau’s newest 50 news releases and announcements: title, address, date, summary and categories, in Chinese and English (English titles where there is one, the Chinese title otherwise).',
    feedsDatasetUpdates: 'As they are published',
    searchDatasetTitle: 'Site search API',
    searchDatasetDescription:
      'Search the public content, FAQ, services and plans of this site by keyword, answered in JSON: title, address, type, unit, date and a snippet.',
    searchDatasetUpdates: 'Live (searchable as soon as published)',
    sitemapDatasetTitle: 'Sitemap (sitemap.xml)',
    sitemapDatasetDescription:
      'The address and last change of every public page of this site (the Sitemap protocol, each page with its other language), for search engines and other systems.',
    sitemapDatasetUpdates: 'Hourly',
  },
});
