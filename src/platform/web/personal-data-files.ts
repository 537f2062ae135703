import type { UnitCode } from '../reference/units.ts';
import type { Lang } from './i18n.ts';

/**
 * The personal data files this platform keeps, published under 個人資料保護法 §17 (name, keeping agency
 * and contact, legal basis and purpose, kinds of data). A module that starts keeping personal data adds
 * its file here, so the public listing cannot fall behind the database.
 */

type Bilingual = Readonly<Record<Lang, string>>;

export interface PersonalDataCategory {
  /** The code in 個人資料保護法之特定目的及個人資料之類別 (e.g. C001 辨識個人者). */
  code: string;
  name: Bilingual;
  /** What this file holds of that kind. */
  examples: Bilingual;
}

export interface PersonalDataFile {
  id: string;
  name: Bilingual;
  /** The bureau's unit that keeps it; the page shows the bureau's contacts with the unit's name. */
  keeperUnits: readonly UnitCode[];
  legalBasis: Bilingual;
  purpose: Bilingual;
  categories: readonly PersonalDataCategory[];
  /** When the file is not yet kept (its module is still being built), say so. */
  note?: Bilingual;
}

const identifying = { 'zh-TW': '辨識個人者', en: 'Identifying an individual' } as const;
const governmentIdentifier = { 'zh-TW': '政府資料中之辨識者', en: 'Government identifiers' } as const;
const employment = { 'zh-TW': '現行之受僱情形', en: 'Current employment' } as const;

const dataProtectionBasis = {
  'zh-TW': '個人資料保護法第15條第1款（執行法定職務必要範圍內）及第16條',
  en: 'Personal Data Protection Act, Article 15(1) (within what is necessary to perform statutory duties) and Article 16',
} as const;

export const personalDataFiles: readonly PersonalDataFile[] = [
  {
    id: 'staff-accounts',
    name: { 'zh-TW': '員工帳號及登入紀錄', en: 'Staff accounts and sign-in records' },
    keeperUnits: ['secretariat'],
    legalBasis: {
      'zh-TW': `${dataProtectionBasis['zh-TW']}；資通安全管理法（資通系統之存取控制及紀錄留存）。`,
      en: `${dataProtectionBasis.en}; the Cyber Security Management Act (access control and record keeping for information systems).`,
    },
    purpose: {
      'zh-TW': '管理本平台員工的帳號與權限、確認登入者身分、保障資通安全。',
      en: 'Managing the accounts and permissions of the platform’s staff, confirming who signs in, and information security.',
    },
    categories: [
      {
        code: 'C001',
        name: identifying,
        examples: {
          'zh-TW': '姓名、公務電子郵件、兩步驟驗證設定、登入時間、IP 位址、瀏覽器資訊',
          en: 'Name, work e-mail address, two-step verification settings, sign-in times, IP address, browser details',
        },
      },
      {
        code: 'C061',
        name: employment,
        examples: { 'zh-TW': '所屬單位、職務角色', en: 'Office, role' },
      },
    ],
  },
  {
    id: 'cases',
    name: { 'zh-TW': '報修及申辦案件申請人資料', en: 'People who report problems or apply for services' },
    keeperUnits: ['road-maintenance', 'parks', 'building', 'planning'],
    legalBasis: {
      'zh-TW': `${dataProtectionBasis['zh-TW']}；行政程序法（申請案件之處理）、市區道路條例（市區道路之養護）、建築法（建築執照之審查）及各申辦項目所依據之法規。`,
      en: `${dataProtectionBasis.en}; the Administrative Procedure Act (handling applications), the Urban Road Act (road maintenance), the Building Act (building permits), and the rules behind each service.`,
    },
    purpose: {
      'zh-TW': '受理報修及申辦、派工維修、審查與核發、通知辦理結果，以及滿意度調查。',
      en: 'Taking reports and applications, dispatching repairs, reviewing and granting applications, telling people the outcome, and satisfaction surveys.',
    },
    categories: [
      {
        code: 'C001',
        name: identifying,
        examples: {
          'zh-TW': '姓名、電話、電子郵件、通訊地址、報修照片',
          en: 'Name, phone number, e-mail address, postal address, photos attached to a report',
        },
      },
      {
        code: 'C003',
        name: governmentIdentifier,
        examples: {
          'zh-TW': '身分證統一編號（僅限法規要求的申辦項目）',
          en: 'National ID number (only for services whose rules require it)',
        },
      },
    ],
    note: {
      'zh-TW': '報修及線上申辦功能上線後開始保有；臨櫃及 1999 受理的案件亦同。',
      en: 'Kept from when online reporting and applications open; cases taken at the counter or through 1999 too.',
    },
  },
  {
    id: 'petitions',
    name: { 'zh-TW': '人民陳情案件', en: 'Petitions' },
    keeperUnits: ['secretariat'],
    legalBasis: {
      'zh-TW': `${dataProtectionBasis['zh-TW']}；行政程序法第168條至第173條（陳情）。`,
      en: `${dataProtectionBasis.en}; the Administrative Procedure Act, Articles 168 to 173 (petitions).`,
    },
    purpose: {
      'zh-TW': '受理及處理人民陳情、移送主管機關、答覆陳情人及陳情案件類型分析；檢舉人的身分依法保密。',
      en: 'Receiving and handling petitions, transferring them to the competent agency, replying to petitioners, and analysing the kinds of petitions; the identity of a whistle-blower is kept confidential as the law requires.',
    },
    categories: [
      {
        code: 'C001',
        name: identifying,
        examples: {
          'zh-TW': '姓名、電話、電子郵件、通訊地址',
          en: 'Name, phone number, e-mail address, postal address',
        },
      },
      {
        code: 'C003',
        name: governmentIdentifier,
        examples: {
          'zh-TW': '身分證統一編號（陳情人自行提供時）',
          en: 'National ID number (when the petitioner gives it)',
        },
      },
    ],
    note: {
      'zh-TW': '陳情功能上線後開始保有。',
      en: 'Kept from when the petitions service opens.',
    },
  },
  {
    id: 'audit-log',
    name: { 'zh-TW': '系統操作稽核紀錄', en: 'Audit log of system actions' },
    keeperUnits: ['secretariat'],
    legalBasis: {
      'zh-TW': `${dataProtectionBasis['zh-TW']}；資通安全管理法（資通系統之紀錄留存與稽核）。`,
      en: `${dataProtectionBasis.en}; the Cyber Security Management Act (record keeping and audit of information systems).`,
    },
    purpose: {
      'zh-TW': '記錄誰在何時對哪些資料做了什麼操作，確保資料正確與資通安全，並供稽核查考。',
      en: 'Recording who did what to which data and when, to keep data accurate and secure, and for audits.',
    },
    categories: [
      {
        code: 'C001',
        name: identifying,
        examples: {
          'zh-TW': '操作人員帳號、IP 位址、瀏覽器資訊、操作時間與內容；登入失敗時僅記錄遮蔽後的電子郵件',
          en: 'The acting staff account, IP address, browser details, time and nature of the action; for a failed sign-in only a masked e-mail address',
        },
      },
    ],
  },
];
