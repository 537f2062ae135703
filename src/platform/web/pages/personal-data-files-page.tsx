import type { ComponentChildren } from 'preact';
import type { UnitsByCode } from '../../reference/unit-names.ts';
import { BUREAU } from '../../reference/units.ts';
import { SummaryList } from '../components/summary-list.tsx';
import { BureauContacts } from '../contact-details.tsx';
import { type Lang, localePath, translator } from '../i18n.ts';
import { type PersonalDataFile, personalDataFiles } from '../personal-data-files.ts';

const text = translator({
  'zh-TW': {
    heading: '個人資料檔案公開',
    lead: '依個人資料保護法第17條，本局公開「工務單一窗口」平台保有的個人資料檔案：檔案名稱、保有機關及聯絡方式、保有依據及特定目的，以及個人資料的類別。',
    formsNote: '每個蒐集個人資料的表單，另依同法第8條告知蒐集目的、資料類別、利用方式及您的權利。',
    privacyLink: '隱私權及網站安全政策',
    privacyBefore: 'Cookie 及網站紀錄請見',
    privacyAfter: '。',
    keeper: '保有機關',
    keeperValue: '{bureau}（{units}）',
    contact: '聯絡方式',
    contactValue: '電話 {phone}；電子郵件 {email}',
    legalBasis: '保有依據',
    purpose: '特定目的',
    categories: '個人資料類別',
    status: '說明',
    unitSeparator: '、',
    rightsHeading: '查詢或更正您的個人資料',
    rightsBody:
      '您可以向本局請求查詢、閱覽、製給複製本、補充或更正、停止蒐集處理利用或刪除您的個人資料（個人資料保護法第3條），聯絡方式如下：',
  },
  en: {
    heading: 'Personal data files',
    lead: 'Under Article 17 of the Personal Data Protection Act, the bureau publishes the personal data files the OneWindow platform keeps: their names, the agency that keeps them and how to contact it, the legal basis and purpose, and the kinds of personal data.',
    formsNote:
      'Every form that collects personal data also tells you, under Article 8 of the same act, why it is collected, which kinds, how it is used and your rights.',
    privacyLink: 'privacy and website security policy',
    privacyBefore: 'For cookies and server logs, see the ',
    privacyAfter: '.',
    keeper: 'Kept by',
    keeperValue: '{bureau} ({units})',
    contact: 'Contact',
    contactValue: 'Phone {phone}; e-mail {email}',
    legalBasis: 'Legal basis',
    purpose: 'Purpose',
    categories: 'Kinds of personal data',
    status: 'Note',
    unitSeparator: ', ',
    rightsHeading: 'Seeing or correcting your personal data',
    rightsBody:
      'You can ask the bureau to tell you what it holds about you, let you see it, give you a copy, complete or correct it, stop collecting, processing or using it, or delete it (Article 3 of the Personal Data Protection Act). Contact:',
  },
});

function keeperText(lang: Lang, file: PersonalDataFile, unitsByCode: UnitsByCode): string {
  const units = file.keeperUnits
    .map((code) => unitsByCode.get(code))
    .filter((unit) => unit !== undefined)
    .map((unit) => (lang === 'en' ? unit.nameEn : unit.nameZh))
    .join(text(lang, 'unitSeparator'));
  return text(lang, 'keeperValue', { bureau: lang === 'en' ? BUREAU.nameEn : BUREAU.nameZh, units });
}

function FileCard({ lang, file, units }: { lang: Lang; file: PersonalDataFile; units: UnitsByCode }) {
  const rows: [string, ComponentChildren][] = [
    [text(lang, 'keeper'), keeperText(lang, file, units)],
    [
      text(lang, 'contact'),
      text(lang, 'contactValue', { phone: BUREAU.contact.phone, email: BUREAU.contact.email }),
    ],
    [text(lang, 'legalBasis'), file.legalBasis[lang]],
    [text(lang, 'purpose'), file.purpose[lang]],
    [
      text(lang, 'categories'),
      <ul class="govuk-list">
        {file.categories.map((category) => (
          <li key={category.code}>
            <strong>
              {category.code} {category.name[lang]}
            </strong>
            {lang === 'en' ? ': ' : '：'}
            {category.examples[lang]}
          </li>
        ))}
      </ul>,
    ],
  ];
  if (file.note) rows.push([text(lang, 'status'), file.note[lang]]);
  return (
    <div class="govuk-summary-card">
      <div class="govuk-summary-card__title-wrapper">
        <h2 class="govuk-summary-card__title">{file.name[lang]}</h2>
      </div>
      <div class="govuk-summary-card__content">
        <SummaryList rows={rows.map(([key, value]) => ({ key, value }))} />
      </div>
    </div>
  );
}

/** `units`: the table's (units-now.ts); the page is kept under the 'units' scope, which saving a unit announces. */
export function PersonalDataFilesPage({ lang, units }: { lang: Lang; units: UnitsByCode }) {
  return (
    <>
      <h1 class="govuk-heading-xl">{text(lang, 'heading')}</h1>
      <p class="govuk-body-l">{text(lang, 'lead')}</p>
      <p class="govuk-body">{text(lang, 'formsNote')}</p>
      <p class="govuk-body">
        {text(lang, 'privacyBefore')}
        <a class="govuk-link" href={localePath(lang, '/privacy')}>
          {text(lang, 'privacyLink')}
        </a>
        {text(lang, 'privacyAfter')}
      </p>
      {personalDataFiles.map((file) => (
        <FileCard key={file.id} lang={lang} file={file} units={units} />
      ))}
      <h2 class="govuk-heading-l">{text(lang, 'rightsHeading')}</h2>
      <p class="govuk-body">{text(lang, 'rightsBody')}</p>
      <BureauContacts lang={lang} />
    </>
  );
}
