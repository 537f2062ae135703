import { TableHead } from '../components/table.tsx';
import { type Lang, translator } from '../i18n.ts';
import { otherPublicPages, type SitePageGroup, sitePageGroups, sitePages } from '../site-pages.ts';
import { SitePageListItem } from './site-page-list-item.tsx';

const text = translator({
  'zh-TW': {
    heading: '網站導覽',
    lead: '本網站依「網站無障礙規範」設計，只用鍵盤也能操作。本頁說明快速鍵、字級設定與語言，並列出所有頁面。',
    skipHeading: '跳到主要內容',
    skipBody:
      '在任何頁面按一下 Tab 鍵，第一個出現的是「跳到主要內容」連結；按 Enter 鍵即可略過頁首，直接閱讀本頁內容。',
    keysHeading: '快速鍵（Access Key）',
    keysLead: '每個區塊的開頭有一個「:::」符號，是該區塊的快速鍵位置：',
    keyColumn: '快速鍵',
    targetColumn: '移到',
    keyU: '上方功能區塊：網站名稱、語言切換、我的案件、字級設定、網站搜尋及主選單',
    keyC: '中央內容區塊：本頁的主要內容',
    keyZ: '下方功能區塊：聯絡資訊、網站政策及本頁連結',
    keyS: '網站搜尋：頁首的搜尋欄位，直接輸入關鍵字後按 Enter',
    keysCaption: '本網站的快速鍵',
    keyJoiner: '＋',
    browsers:
      '按法依瀏覽器而不同：Windows 與 Linux 的 Chrome、Edge 按 Alt＋字母；Firefox 按 Shift＋Alt＋字母；macOS 的瀏覽器按 Control＋Option＋字母。本網站沒有左側選單，因此沒有 Alt＋L。',
    fontHeading: '字級設定',
    fontBody:
      '頁首的「字級：小、中、大」可以放大或縮小本網站的文字，不需要 JavaScript。您的選擇會以 Cookie 記住一年（請見隱私權及網站安全政策）。也可以使用瀏覽器的縮放功能（Ctrl＋加號，macOS 為 Command＋加號）。',
    languageHeading: '語言',
    languageBody:
      '每一頁右上角的「English」連結會開啟同一頁的英文版；英文版的網址以 /en 開頭，英文頁上的連結都留在英文版。',
    pagesHeading: '所有頁面',
    groupServices: '服務',
    groupAbout: '關於本網站',
    groupPolicies: '網站政策',
  },
  en: {
    heading: 'Site map',
    lead: 'This site follows Taiwan’s web accessibility guidelines and can be used with a keyboard alone. This page explains the access keys and the text-size switch, and lists every page.',
    skipHeading: 'Skip to main content',
    skipBody:
      'On any page, press Tab once: the first thing you reach is a “Skip to main content” link. Press Enter to jump past the header to the page’s content.',
    keysHeading: 'Access keys',
    keysLead: 'Each area of the page starts with a “:::” mark, which is where its access key takes you:',
    keyColumn: 'Key',
    targetColumn: 'Goes to',
    keyU: 'Top area: the site name, language link, my cases, text size, search and main menu',
    keyC: 'Main content of the page',
    keyZ: 'Footer: contact details, website policies and this site map',
    keyS: 'Search: the search box in the header; type your words and press Enter',
    keysCaption: 'Access keys on this site',
    keyJoiner: ' + ',
    browsers:
      'How to press them depends on the browser: Chrome and Edge on Windows and Linux use Alt + the letter; Firefox uses Shift + Alt + the letter; browsers on macOS use Control + Option + the letter. This site has no left-hand menu, so there is no Alt + L.',
    fontHeading: 'Text size',
    fontBody:
      'The “Text size: Small, Medium, Large” links in the header make the text of this site smaller or larger, without needing JavaScript. Your choice is remembered for a year in a cookie (see the privacy and website security policy). Your browser’s zoom (Ctrl and +, or Command and + on macOS) works too.',
    languageHeading: 'Language',
    languageBody:
      'The “中文” link at the top right of every page opens the same page in Chinese. English pages have addresses starting with /en, and every link on an English page stays in English.',
    pagesHeading: 'All pages',
    groupServices: 'Services',
    groupAbout: 'About this site',
    groupPolicies: 'Website policies',
  },
});

const groupKeys = {
  services: 'groupServices',
  about: 'groupAbout',
  policies: 'groupPolicies',
} as const satisfies Record<SitePageGroup, string>;

const accessKeys = [
  { key: 'U', descriptionKey: 'keyU' },
  { key: 'C', descriptionKey: 'keyC' },
  { key: 'Z', descriptionKey: 'keyZ' },
  { key: 'S', descriptionKey: 'keyS' },
] as const;

/** Every public page, grouped; both the registry's pages and those other modules render. */
export function allPublicPages() {
  return [...sitePages, ...otherPublicPages];
}

export function SitemapPage({ lang }: { lang: Lang }) {
  const pages = allPublicPages();
  return (
    <>
      <h1 class="govuk-heading-xl">{text(lang, 'heading')}</h1>
      <p class="govuk-body-l">{text(lang, 'lead')}</p>

      <h2 class="govuk-heading-l">{text(lang, 'skipHeading')}</h2>
      <p class="govuk-body">{text(lang, 'skipBody')}</p>

      <h2 class="govuk-heading-l">{text(lang, 'keysHeading')}</h2>
      <p class="govuk-body">{text(lang, 'keysLead')}</p>
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-visually-hidden">{text(lang, 'keysCaption')}</caption>
        <TableHead columns={[text(lang, 'keyColumn'), text(lang, 'targetColumn')]} />
        <tbody class="govuk-table__body">
          {accessKeys.map((entry) => (
            <tr key={entry.key} class="govuk-table__row">
              <th scope="row" class="govuk-table__header">
                <kbd class="ow-key">Alt</kbd>
                {text(lang, 'keyJoiner')}
                <kbd class="ow-key">{entry.key}</kbd>
              </th>
              <td class="govuk-table__cell">{text(lang, entry.descriptionKey)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="govuk-body">{text(lang, 'browsers')}</p>

      <h2 class="govuk-heading-l">{text(lang, 'fontHeading')}</h2>
      <p class="govuk-body">{text(lang, 'fontBody')}</p>

      <h2 class="govuk-heading-l">{text(lang, 'languageHeading')}</h2>
      <p class="govuk-body">{text(lang, 'languageBody')}</p>

      <h2 class="govuk-heading-l">{text(lang, 'pagesHeading')}</h2>
      {sitePageGroups.map((group) => (
        <section key={group} aria-labelledby={`pages-${group}`}>
          <h3 class="govuk-heading-m" id={`pages-${group}`}>
            {text(lang, groupKeys[group])}
          </h3>
          <ul class="govuk-list govuk-list--spaced">
            {pages
              .filter((page) => page.group === group)
              .map((page) => (
                <SitePageListItem key={page.id} page={page} lang={lang} />
              ))}
          </ul>
        </section>
      ))}
    </>
  );
}
