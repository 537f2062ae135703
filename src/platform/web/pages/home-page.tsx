import { activeUnitsIn, type UnitsByCode } from '../../reference/unit-names.ts';
import { SummaryList } from '../components/summary-list.tsx';
import { BureauContacts } from '../contact-details.tsx';
import { type Lang, localePath, translator } from '../i18n.ts';
import { findSitePage, type SitePageId } from '../site-pages.ts';

const text = translator({
  'zh-TW': {
    heading: '工務單一窗口',
    lead: '高雄市政府工務局的線上服務：一處收件、全程服務。通報道路與公園的問題、申請許可、查詢案件進度，都從這裡開始。',
    entryHeading: '我要',
    reportDescription: '路面坑洞、路燈不亮、公園設施損壞',
    applyDescription: '申請本局受理的許可與服務',
    trackDescription: '用案件編號與查詢碼查看進度',
    servicesDescription: '各項服務的須知、文件、費用與期限',
    unitsHeading: '本局業務',
    unitsLead: '工務局負責高雄市的道路、橋梁、公園、路燈、建築管理與公共工程。各單位的業務如下：',
    contactHeading: '聯絡我們',
    contactLead: '緊急危險（例如大型坑洞、倒塌的路燈）請立即撥打 1999；發生事故請撥 110 或 119。',
  },
  en: {
    heading: 'OneWindow',
    lead: 'The online services of the Kaohsiung City Public Works Bureau: one place takes your request and follows it to the end. Report a problem on a road or in a park, apply for a permit, or see where your case is.',
    entryHeading: 'I want to',
    reportDescription: 'Potholes, street lights that are out, damaged park facilities',
    applyDescription: 'Apply for the permits and services the bureau handles',
    trackDescription: 'See where your case is with its case number and lookup code',
    servicesDescription: 'What each service needs: documents, fees and processing times',
    unitsHeading: 'What the bureau does',
    unitsLead:
      'The Public Works Bureau looks after Kaohsiung’s roads, bridges, parks and street lights, regulates building, and builds public works. Its offices:',
    contactHeading: 'Contact us',
    contactLead:
      'For an immediate danger (a large pothole, a fallen street light) call 1999 now; for an accident call 110 or 119.',
  },
});

const entryPoints: {
  id: SitePageId;
  descriptionKey: 'reportDescription' | 'applyDescription' | 'trackDescription' | 'servicesDescription';
}[] = [
  { id: 'report', descriptionKey: 'reportDescription' },
  { id: 'apply', descriptionKey: 'applyDescription' },
  { id: 'track', descriptionKey: 'trackDescription' },
  { id: 'services', descriptionKey: 'servicesDescription' },
];

/** The active units and their duties, as the units table has them (never spelt out here). */
export function UnitDuties({ lang, units }: { lang: Lang; units: UnitsByCode }) {
  return (
    <SummaryList
      rows={activeUnitsIn(units).map((unit) => ({
        key: lang === 'en' ? unit.nameEn : unit.nameZh,
        value: lang === 'en' ? unit.descriptionEn : unit.descriptionZh,
      }))}
    />
  );
}

/** `units`: the table's (units-now.ts); the page is kept under the 'units' scope, which saving a unit announces. */
export function HomePage({ lang, units }: { lang: Lang; units: UnitsByCode }) {
  return (
    <>
      <h1 class="govuk-heading-xl">{text(lang, 'heading')}</h1>
      <p class="govuk-body-l">{text(lang, 'lead')}</p>
      <h2 class="govuk-heading-l">{text(lang, 'entryHeading')}</h2>
      <ul class="ow-cards">
        {entryPoints.map((entry) => {
          const page = findSitePage(entry.id);
          return (
            <li key={entry.id} class="ow-card">
              <h3 class="ow-card__heading">
                <a class="ow-card__link" href={localePath(lang, page.path)}>
                  {page.title[lang]}
                </a>
              </h3>
              <p class="ow-card__description">{text(lang, entry.descriptionKey)}</p>
            </li>
          );
        })}
      </ul>
      <h2 class="govuk-heading-l">{text(lang, 'unitsHeading')}</h2>
      <p class="govuk-body">{text(lang, 'unitsLead')}</p>
      <UnitDuties lang={lang} units={units} />
      <h2 class="govuk-heading-l">{text(lang, 'contactHeading')}</h2>
      <p class="govuk-body">{text(lang, 'contactLead')}</p>
      <BureauContacts lang={lang} />
    </>
  );
}
