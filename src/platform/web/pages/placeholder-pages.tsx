import { BUREAU } from '../../reference/units.ts';
import { BureauContacts } from '../contact-details.tsx';
import { type Lang, translator } from '../i18n.ts';
import { findSitePage } from '../site-pages.ts';

/**
 * The entry points the home page links to that later work builds (online applications): until then the path
 * says honestly what will be there and how to get the same thing done today (phone, counter, 1999).
 */
export type PlaceholderPageId = 'apply';

interface PlaceholderContent {
  comingSoon: string;
  willOffer: readonly string[];
  today: readonly string[];
}

const shared = translator({
  'zh-TW': {
    comingHeading: '這裡將會提供',
    todayHeading: '現在可以這樣辦',
    contactHeading: '聯絡方式',
    counter: '臨櫃辦理：{address}，{hours}。',
  },
  en: {
    comingHeading: 'What this page will offer',
    todayHeading: 'What you can do today',
    contactHeading: 'Contact details',
    counter: 'At the counter: {address}, {hours}.',
  },
});

const content: Record<PlaceholderPageId, Record<Lang, PlaceholderContent>> = {
  apply: {
    'zh-TW': {
      comingSoon: '線上申辦正在建置中，完成後就在這個網址提供。',
      willOffer: [
        '每個申辦項目的申辦須知：用途、應備文件、費用、處理期限及填寫範例。',
        '線上填寫表單並上傳文件，可以先存檔、之後再繼續。',
        '文件不齊時，承辦人一次告知所有需要補正的項目，您可以在線上補件。',
        '線上繳費，以及預約臨櫃辦理的時段。',
      ],
      today: [
        '請於上班時間攜帶相關文件臨櫃辦理；送件前可先電話詢問承辦單位需要哪些文件。',
        '送件後會取得收件編號，可用來查詢辦理進度。',
      ],
    },
    en: {
      comingSoon: 'Online applications are being built; they will be at this address when ready.',
      willOffer: [
        'For each service: what it is for, the documents needed, the fee, how long it takes, and a filled-in example.',
        'Fill in the form and upload documents online, save your progress and come back later.',
        'If anything is missing, the case officer tells you everything at once, and you can send the rest online.',
        'Online payment, and booking a time at the counter.',
      ],
      today: [
        'Apply in person at the counter during office hours; call first to ask the office in charge which documents to bring.',
        'You will get a case number when you hand in your application, which you can use to ask about its progress.',
      ],
    },
  },
};

export function PlaceholderPage({ lang, id }: { lang: Lang; id: PlaceholderPageId }) {
  const page = findSitePage(id);
  const words = content[id][lang];
  const contact = BUREAU.contact;
  const counter = shared(lang, 'counter', {
    address: lang === 'en' ? contact.addressEn : contact.addressZh,
    hours: lang === 'en' ? contact.serviceHoursEn : contact.serviceHoursZh,
  });
  return (
    <>
      <h1 class="govuk-heading-xl">{page.title[lang]}</h1>
      <p class="govuk-body-l">{page.summary[lang]}</p>
      <div class="govuk-inset-text">{words.comingSoon}</div>
      <h2 class="govuk-heading-m">{shared(lang, 'comingHeading')}</h2>
      <ul class="govuk-list govuk-list--bullet">
        {words.willOffer.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <h2 class="govuk-heading-m">{shared(lang, 'todayHeading')}</h2>
      <ul class="govuk-list govuk-list--bullet">
        {words.today.map((line) => (
          <li key={line}>{line}</li>
        ))}
        <li>{counter}</li>
      </ul>
      <h2 class="govuk-heading-m">{shared(lang, 'contactHeading')}</h2>
      <BureauContacts lang={lang} />
    </>
  );
}
