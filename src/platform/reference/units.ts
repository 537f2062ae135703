/**
 * The Kaohsiung City Public Works Bureau and its units, as data: cases are routed to units, pages show
 * their contacts, and the organisation changes (養護工程處 was split in two after the 2012 seed plan),
 * so nothing else in the code should spell a unit's name.
 *
 * CONTACT VALUES ARE DEMO VALUES TO BE CONFIRMED WITH THE BUREAU. Only the main address (the 四維
 * administrative centre) is public knowledge; every phone, fax and e-mail below is a placeholder in the
 * bureau's 07-33xxxxx style, and each unit is shown at the main address until its own is confirmed.
 * `isContactVerified: false` marks them so an admin screen can list what still needs checking.
 */

export type UnitCode =
  | 'planning'
  | 'building'
  | 'illegal-building'
  | 'new-works'
  | 'maintenance'
  | 'secretariat'
  | 'road-maintenance'
  | 'parks';

export interface ContactDetails {
  readonly addressZh: string;
  readonly addressEn: string;
  readonly phone: string;
  readonly fax: string;
  readonly email: string;
  readonly serviceHoursZh: string;
  readonly serviceHoursEn: string;
  /** False until someone has checked these values against the bureau's own published contacts. */
  readonly isContactVerified: boolean;
}

export interface Bureau {
  readonly code: 'public-works-bureau';
  readonly nameZh: string;
  readonly nameEn: string;
  readonly contact: ContactDetails;
}

export interface BureauUnit {
  /** Stable and URL-safe: used in routes, routing rules and stored cases; never rename one. */
  readonly code: UnitCode;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly descriptionZh: string;
  readonly descriptionEn: string;
  readonly contact: ContactDetails;
  readonly isActive: boolean;
  /** Year the unit started, when known; null when the sources at hand do not say. */
  readonly activeFrom: number | null;
  /** Year the unit ended, when known; null while active or when the year is not confirmed. */
  readonly activeUntil: number | null;
  /** The units that took over the duties of an inactive unit (its old cases resolve to them). */
  readonly succeededBy: readonly UnitCode[];
  readonly sortOrder: number;
}

const MAIN_ADDRESS_ZH = '802 高雄市苓雅區四維三路2號';
const MAIN_ADDRESS_EN = 'No. 2, Siwei 3rd Rd., Lingya District, Kaohsiung 802';
const SERVICE_HOURS_ZH = '週一至週五 08:00–12:00、13:30–17:30';
const SERVICE_HOURS_EN = 'Monday to Friday, 08:00–12:00 and 13:30–17:30';

function demoContact(phone: string, fax: string, email: string): ContactDetails {
  return {
    addressZh: MAIN_ADDRESS_ZH,
    addressEn: MAIN_ADDRESS_EN,
    phone,
    fax,
    email,
    serviceHoursZh: SERVICE_HOURS_ZH,
    serviceHoursEn: SERVICE_HOURS_EN,
    isContactVerified: false,
  };
}

export const BUREAU: Bureau = {
  code: 'public-works-bureau',
  nameZh: '高雄市政府工務局',
  nameEn: 'Public Works Bureau, Kaohsiung City Government',
  contact: demoContact('07-3368333', '07-3316395', 'pwb@kcg.gov.tw'),
};

/**
 * In display order. The six units of 2012 are those the seed plan (高雄市政府工務局 101 年度提升服務品質
 * 執行計畫) names; their founding years are not in the sources at hand, nor is the year 養護工程處 was split,
 * so those years stay null until confirmed.
 */
export const UNITS: readonly BureauUnit[] = [
  {
    code: 'planning',
    nameZh: '工程企劃處',
    nameEn: 'Engineering Planning Office',
    descriptionZh: '工程綜合企劃與研考、公共工程品質管理及施工查核、道路挖掘管理、公共管線與寬頻管道資訊。',
    descriptionEn:
      'Overall works planning and performance review, public works quality control and site audits, ' +
      'road excavation management, and public utility and broadband conduit records.',
    contact: demoContact('07-3368333', '07-3316401', 'pwb-planning@kcg.gov.tw'),
    isActive: true,
    activeFrom: null,
    activeUntil: null,
    succeededBy: [],
    sortOrder: 10,
  },
  {
    code: 'building',
    nameZh: '建築管理處',
    nameEn: 'Building Administration Office',
    descriptionZh:
      '建造、使用及雜項執照之審查核發、開工申報與施工勘驗、建築物公共安全檢查申報、綠建築與高雄厝、' +
      '建築物屋頂太陽光電、空地綠美化及公寓大廈管理。',
    descriptionEn:
      'Building, occupancy and miscellaneous permits, start-of-work filings and construction inspections, ' +
      'building public-safety inspection filings, green buildings and the Kaohsiung House programme, ' +
      'rooftop solar, greening of vacant lots, and condominium management.',
    contact: demoContact('07-3368333', '07-3316402', 'pwb-building@kcg.gov.tw'),
    isActive: true,
    activeFrom: null,
    activeUntil: null,
    succeededBy: [],
    sortOrder: 20,
  },
  {
    code: 'illegal-building',
    nameZh: '違章建築處理大隊',
    nameEn: 'Illegal Building Enforcement Brigade',
    descriptionZh: '違章建築之查報、認定、拆除及相關陳情處理。',
    descriptionEn:
      'Reporting, determination and demolition of illegal buildings, and the petitions about them.',
    contact: demoContact('07-3368333', '07-3316403', 'pwb-illegal-building@kcg.gov.tw'),
    isActive: true,
    activeFrom: null,
    activeUntil: null,
    succeededBy: [],
    sortOrder: 30,
  },
  {
    code: 'new-works',
    nameZh: '新建工程處',
    nameEn: 'New Construction Office',
    descriptionZh: '道路、橋梁等公共設施新建工程之規劃設計與施工、用地取得、土地徵收及拆遷補償與拆遷說明會。',
    descriptionEn:
      'Design and construction of new roads, bridges and other public facilities, land acquisition, ' +
      'expropriation and relocation compensation, and public briefings before clearance.',
    contact: demoContact('07-3368333', '07-3316404', 'pwb-new-works@kcg.gov.tw'),
    isActive: true,
    activeFrom: null,
    activeUntil: null,
    succeededBy: [],
    sortOrder: 40,
  },
  {
    code: 'maintenance',
    nameZh: '養護工程處',
    nameEn: 'Maintenance Engineering Office',
    descriptionZh: '（已改制）道路、公園、綠地、公廁及自行車道之養護；業務已由道路養護工程處及公園處承接。',
    descriptionEn:
      '(Reorganised) Maintenance of roads, parks, green space, public toilets and cycle paths; its duties ' +
      'passed to the Road Maintenance Engineering Office and the Parks and Street Lights Office.',
    contact: demoContact('07-3368333', '07-3316405', 'pwb-maintenance@kcg.gov.tw'),
    isActive: false,
    activeFrom: null,
    activeUntil: null,
    succeededBy: ['road-maintenance', 'parks'],
    sortOrder: 50,
  },
  {
    code: 'secretariat',
    nameZh: '秘書室',
    nameEn: 'Secretariat',
    descriptionZh: '文書、檔案、總務及研考，彙整本局年度服務品質績效成果。',
    descriptionEn:
      'Correspondence, records, general affairs and performance review; compiles the bureau’s annual ' +
      'service-quality results.',
    contact: demoContact('07-3368333', '07-3316406', 'pwb-secretariat@kcg.gov.tw'),
    isActive: true,
    activeFrom: null,
    activeUntil: null,
    succeededBy: [],
    sortOrder: 60,
  },
  {
    code: 'road-maintenance',
    nameZh: '道路養護工程處',
    nameEn: 'Road Maintenance Engineering Office',
    descriptionZh: '市管道路、橋梁及人行道之養護，路面坑洞修補與道路派工維修。',
    descriptionEn:
      'Maintenance of city roads, bridges and sidewalks, pothole repair and road repair dispatch.',
    contact: demoContact('07-3368333', '07-3316407', 'pwb-road-maintenance@kcg.gov.tw'),
    isActive: true,
    activeFrom: null,
    activeUntil: null,
    succeededBy: [],
    sortOrder: 70,
  },
  {
    code: 'parks',
    nameZh: '公園處',
    nameEn: 'Parks and Street Lights Office',
    descriptionZh:
      '公園、綠地、行道樹及公廁之管理維護，路燈維修（含 1999 路燈報修）；一公頃以下公園自 2020 年起由區公所管理。',
    descriptionEn:
      'Parks, green space, street trees and public toilets, and street-light repair (including 1999 ' +
      'street-light reports); parks under one hectare have been run by the district offices since 2020.',
    contact: demoContact('07-3368333', '07-3316408', 'pwb-parks@kcg.gov.tw'),
    isActive: true,
    activeFrom: null,
    activeUntil: null,
    succeededBy: [],
    sortOrder: 80,
  },
];

export function findUnit(code: string): BureauUnit | undefined {
  return UNITS.find((unit) => unit.code === code);
}

/**
 * The active units that now hold an inactive unit's duties, following successions transitively;
 * an active unit resolves to itself. Old cases filed under 養護工程處 use it to find today's owner.
 */
export function currentSuccessors(code: UnitCode): BureauUnit[] {
  const unit = findUnit(code);
  if (unit === undefined) return [];
  if (unit.isActive) return [unit];
  return unit.succeededBy.flatMap((successor) => currentSuccessors(successor));
}
