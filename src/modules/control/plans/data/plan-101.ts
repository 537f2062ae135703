import type { UnitCode } from '../../../../platform/reference/units.ts';
import type {
  PlanContent,
  PlanItemContent,
  PlanPracticeContent,
  PracticeDeadline,
  PracticePart,
} from '../plan-types.ts';

/**
 * 高雄市政府工務局 101 年度提升服務品質執行計畫, transcribed from the seed (seed-plan-101.zh-TW.txt beside
 * this file, a byte-for-byte copy of the mission's seed-plan.zh-TW.txt; see README.md here) in full and in
 * order. It is loaded as the published 2012 plan at first start (plan-seed.ts) and checked against the
 * seed by plan-101.test.ts.
 *
 * How it was read:
 * - Texts are as printed. Only the line breaks the table layout introduced are undone (a cell that a page
 *   break split is joined without adding anything); the seed's own spaces, punctuation, variants and typos
 *   stay: 「办理」 (simplified 办, 二(二)9), 提昇 beside 提升, 計劃 (伍一), 櫃台 beside 櫃檯, texts that end
 *   without 「。」.
 * - Numbers: `ordinal` is normalised (一 → 1, （一）/(一) → 1, 9. → 9); `label` is as printed. The seed
 *   prints strategies （一）（二） (full-width) in 一 and 五, (三) (half-width) elsewhere: both kept.
 * - 完成期限 「101年12月」, 「101 年 12 月」, 「101年 12月」 are one month, { kind: 'month', rocYear: 101,
 *   month: 12 }; 「每日」 is { kind: 'daily' }; where the seed prints none (一(二)9), { kind: 'none' }.
 * - 承辦單位 「本局各單位暨所屬機關」 (the bureau's units and its agencies) is every unit; 「建管處」 is
 *   建築管理處 (`building`); where the seed prints none (一(二)9), no unit. The printed text is kept too.
 * - The table repeats its header row (實施要項 執行策略 推動作法 完成期限 承辦單位) after every page break;
 *   those rows are not data. Where a page break split a cell, the comment at the entry says so.
 * - The list sections (壹, 貳, 伍, 陸, 柒) keep their clauses without the 「一、」「二、」 labels, which are
 *   printed from the position (they are 一、二、三、 in order in the seed).
 * - English (titleEn, textEn, practicesSummaryEn, summaryEn) is ours, for the English summary page: the
 *   items and strategies translated faithfully, the practices and sections summarised.
 */

const month = (rocYear: number, monthOfYear: number): PracticeDeadline => ({
  kind: 'month',
  rocYear,
  month: monthOfYear,
});
const DAILY: PracticeDeadline = { kind: 'daily' };
const NO_DEADLINE: PracticeDeadline = { kind: 'none' };

interface Units {
  everyUnit: boolean;
  unitCodes: readonly UnitCode[];
  unitsAsPrinted: string | null;
}
const EVERY_UNIT: Units = { everyUnit: true, unitCodes: [], unitsAsPrinted: '本局各單位暨所屬機關' };
const BUILDING_OFFICE: Units = { everyUnit: false, unitCodes: ['building'], unitsAsPrinted: '建管處' };
const NO_UNIT: Units = { everyUnit: false, unitCodes: [], unitsAsPrinted: null };

function part(ordinal: number, text: string): PracticePart {
  return { ordinal, label: `(${ordinal})`, text };
}

/** A practice; an unnumbered one (label '') is its strategy's only practice and counts as number 1. */
function practice(
  label: string,
  text: string,
  deadline: PracticeDeadline,
  units: Units,
  parts: PracticePart[] = [],
): PlanPracticeContent {
  const ordinal = label === '' ? 1 : Number.parseInt(label, 10);
  return { ordinal, label, text, parts, deadline, ...units };
}

/** 肆、計畫內容: the five 實施要項 with their 執行策略 and 推動作法, in the seed's order. */
export const PLAN_101_ITEMS: readonly PlanItemContent[] = [
  // 一、 (seed lines 26)
  {
    ordinal: 1,
    label: '一、',
    title: '提升服務品質，深化服務績效',
    tableTitle: null,
    titleEn: 'Improve service quality and deepen service performance',
    strategies: [
      // 一（一） (seed line 26)
      {
        ordinal: 1,
        label: '（一）',
        text: '訂定機關年度提升服務品質執行計畫，具體規劃為民服務工作。',
        textEn:
          "Draw up the agency's annual execution plan for improving service quality, and plan its services to the public in concrete terms.",
        practicesSummaryEn:
          'The bureau, each of its units and its agencies draw up a service-quality execution plan or work plan for the services of their own duties, and publish it (by April 2012).',
        practices: [
          // 一(一): seed line 26. The strategy's only practice, printed without a number (label ''); deadline 101年4月.
          practice(
            '',
            '訂定本局暨所屬各單位服務品質執行計畫或工作計畫，就所執掌業務規劃為民服務工作，並公佈計畫。',
            month(101, 4),
            EVERY_UNIT,
          ),
        ],
      },
      // 一（二） (seed line 27)
      {
        ordinal: 2,
        label: '（二）',
        text: '考量民眾洽公之便利性及實用性，合宜改造服務場所，合理充實更新服務設施。',
        textEn:
          'Considering what is convenient and practical for people who come to the agency, renovate the service premises suitably and reasonably add to and renew the service facilities.',
        practicesSummaryEn:
          'Greener, bright and tidy offices; face-to-face counters where both sides sit; open-plan offices where managers walk the floor (every day); clear, bilingual signs for services, procedures, hours, routes and the names of staff and their deputies; equipment for the public maintained with gender mainstreaming in mind and its checks recorded; application forms with filled-in samples, information and stationery kept stocked; accessible facilities checked and maintained; a well-planned route through the office; and at least once a year a check of the premises and a user-satisfaction survey (the seed gives this last practice no deadline and no unit).',
        practices: [
          // 一(二)1: seed line 27
          practice(
            '1.',
            '加強辦公室綠化，定期更換盆栽，提供清新、明亮及整潔的洽公環境。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 一(二)2: seed line 28
          practice(
            '2.',
            '受理申辦案件採平坐之面對面櫃檯作業，縮短彼此距離之親切服務。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 一(二)3: seed line 29. Deadline printed 「每日」 (every day).
          practice('3.', '業務主管與第一線承辦人採開放式辦公空間，推行走動式管理及服務。', DAILY, EVERY_UNIT),
          // 一(二)4: seed line 30
          practice(
            '4.',
            '辦公處所明確標示服務項目、流程、時間、動線導引、服務人員及代理人姓名，並提供雙語標示及服務。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 一(二)5: seed line 31
          practice(
            '5.',
            '各項供民眾使用設備，除考量性別主流化外，應於定期檢測維護後加以紀錄，必要時提供使用說明。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 一(二)6: seed line 32
          practice(
            '6.',
            '提供申辦書表（含填寫範例）、政令宣導資料及文具用品，並隨時補充、更新。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 一(二)7: seed line 33
          practice('7.', '建置完善無障礙設施，定期檢查、維護。', month(101, 12), EVERY_UNIT),
          // 一(二)8: seed line 34
          practice('8.', '規劃妥適之申辦動線', month(101, 12), EVERY_UNIT),
          // 一(二)9: seed line 35. The seed's row ends after the text: no deadline and no unit are printed, and none are
          // invented (kind 'none', no unit). The text has no closing 「。」, as printed.
          practice(
            '9.',
            '每年至少辦理洽公環境設備檢查及使用者滿意度調查1次，適時改善或更新，以符服務需求',
            NO_DEADLINE,
            NO_UNIT,
          ),
        ],
      },
      // 一(三) (seed line 38). Half-width 「(三)」 from here on; （一）（二） and 五（一） are printed full-width.
      {
        ordinal: 3,
        label: '(三)',
        text: '建立服務人員專業、親切、具責任感之優質形象，主動協助民眾申辦、導引服務，並提供業務諮詢。',
        textEn:
          "Build a professional, friendly and responsible image of service staff, who take the initiative in helping people apply, guide them and advise them on the agency's business.",
        practicesSummaryEn:
          "Attendance and courtesy management, with rewards and penalties based on front-line staff's attitude; guiding visitors and checking that they have brought the documents they need; mediating construction disputes under the city's procedure for damage to neighbouring buildings; notices of expropriation and relocation compensation sent by registered mail; the one-time deficiency notice and proactive news of how an application stands; briefings before clearance for public facilities; unit heads walking the floor and advising; a Q&A for each line of business; a survey of satisfaction with staff courtesy; and telephone courtesy tests at least six times a year.",
        practices: [
          // 一(三)1: seed line 38. Rows 2.–8. of this strategy (seed lines 39–45) are shifted one column left in the seed (the
          // practice in the 實施要項 column, the deadline in 推動作法's): read by content, not by column.
          practice(
            '1.',
            '加強勤惰及服務禮儀管理，並依第一線服務人員態度考核績效辦理獎懲。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 一(三)2: seed line 39
          practice('2.', '現場主動引導民眾，並協助檢查攜帶證件是否齊備。', month(101, 12), EVERY_UNIT),
          // 一(三)3: seed line 40
          practice(
            '3.',
            '依「高雄市建築工程施工損壞鄰房事件處理程序」規定，主動協調施工糾紛案件，並加強施工管理，減少施工損鄰事件發生。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 一(三)4: seed line 41
          practice(
            '4.',
            '將土地徵收費及拆遷補償費等相關通知資料，以掛號郵寄至拆遷戶現住地。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 一(三)5: seed line 42
          practice(
            '5.',
            '由承辦人提供「退件一次告知單」，主動通知及確認民眾申請案件之申辦情形（如電話或網路通知）。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 一(三)6: seed line 43
          practice(
            '6.',
            '公共設施開闢拆遷前，主動協調各拆遷戶、民意代表等舉辦拆遷說明會宣導施工，事前溝通化解民怨。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 一(三)7: seed line 44
          practice('7.', '由單位主管進行走動式管理，提供業務諮詢。', month(101, 12), EVERY_UNIT),
          // 一(三)8: seed line 45
          practice('8.', '提供業務「Q&A」。', month(101, 12), EVERY_UNIT),
          // 一(三)9: seed line 48
          practice(
            '9.',
            '辦理「洽公服務禮儀」滿意度調查，瞭解服務人員是否主動、正確提供專業知識、處理流程及要件外，是否一次告知詢問的民眾，避免民眾來回詢問、補件。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 一(三)10: seed line 49
          practice(
            '10.',
            '「電話服務品質及禮貌測試」每年至少6次，針對缺失定期檢討改進。',
            month(101, 12),
            EVERY_UNIT,
          ),
        ],
      },
      // 一(四) (seed line 50)
      {
        ordinal: 4,
        label: '(四)',
        text: '善用傳播媒體及公聽會、說明會、村里民大會等公眾場合，針對服務對象及業務特性擬定行銷策略，宣導政府施政措施及執行成效。',
        textEn:
          'Make good use of the media and of public hearings, briefings, village meetings and other public occasions; draw up marketing strategies for the people served and the nature of the work, to publicise government measures and their results.',
        practicesSummaryEn:
          "Publicity material or exhibitions in waiting areas; using public occasions to present the agency's measures and results; activities of the agency's own or with community and charity events; publicity material to download; press releases and regular press conferences on results.",
        practices: [
          // 一(四)1: seed line 50
          practice(
            '1.',
            '民眾等待之洽公空間，提供宣導品或佈置藝文展覽(如機關重要建設圖片)，以提升機關形象。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 一(四)2: seed line 51
          practice('2.', '善用公眾場合宣導機關措施及執行績效。', month(101, 12), EVERY_UNIT),
          // 一(四)3: seed line 52
          practice(
            '3.',
            '主動舉辦各類與業務相關之活動，或結合公益、社區等活動，以鼓勵民眾參與並認同機關作為進行施政宣導',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 一(四)4: seed line 53
          practice('4.', '提供市政建設行銷文宣線上下載服務', month(101, 12), EVERY_UNIT),
          // 一(四)5: seed line 54
          practice(
            '5.',
            '召開各類會議主動發布新聞稿，定期舉辦記者會說明施政績效，俾使民眾了解市政建設措施及執行成果。',
            month(101, 12),
            EVERY_UNIT,
          ),
        ],
      },
      // 一(五) (seed line 55)
      {
        ordinal: 5,
        label: '(五)',
        text: '聯合企業、社會團體辦理或主動參與各項公益事務，擴散政府服務訊息及功能。',
        textEn:
          'Work with businesses and civic groups, or take part in public-interest activities, to spread government service information and functions.',
        practicesSummaryEn:
          "Using the channels, premises, people and resources of businesses and NGOs to spread service information; developing Web 2.0 operations under the government's guidelines to reach online communities.",
        practices: [
          // 一(五)1: seed line 55
          practice(
            '1.',
            '善用企業、民間社團(NGOs)通路、據點、人力及各項資源，補強政府行銷資源之不足，協助政府服務訊息散佈。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 一(五)2: seed line 56
          practice(
            '2.',
            '參照「政府網站 Web2.0 營運作業指導參考原則」協力發展 Web2.0 營運功能，將政府服務資訊傳遞至網路社群，發展網路行銷。',
            month(101, 12),
            EVERY_UNIT,
          ),
        ],
      },
      // 一(六) (seed line 59)
      {
        ordinal: 6,
        label: '(六)',
        text: '積極推展機關服務作為，爭取民眾之認同及獎項殊榮之肯定。',
        textEn: "Actively promote the agency's services to win public recognition and awards.",
        practicesSummaryEn:
          'Taking part in the Government Service Quality Award (by August 2012) and seeking professional engineering awards.',
        practices: [
          // 一(六)1: seed line 59. Deadline 101年8月.
          practice(
            '1.',
            '本局暨所屬單位應積極參與「政府服務品質獎」評選，藉全國性的評獎機制提升服務品質，樹立機關良好形象。',
            month(101, 8),
            EVERY_UNIT,
          ),
          // 一(六)2: seed line 60
          practice(
            '2.',
            '本局暨所屬單位積極推展服務作為，爭取工程專業獎項認同。',
            month(101, 12),
            EVERY_UNIT,
          ),
        ],
      },
    ],
  },
  // 二、 (seed lines 61)
  {
    ordinal: 2,
    label: '二、',
    title: '便捷服務程序，確保流程透明',
    tableTitle: null,
    titleEn: 'Make service procedures convenient and keep processes transparent',
    strategies: [
      // 二(一) (seed line 61)
      {
        ordinal: 1,
        label: '(一)',
        text: '設置全功能櫃台，提供單一窗口服務，促進機關內部橫向連繫，加強櫃台人員處理各項申辦案件知能，均衡各櫃台承辦業務，縮短民眾等候時間。',
        textEn:
          "Set up full-service counters that offer a single window; strengthen horizontal coordination inside the agency; improve counter staff's knowledge of every kind of application; balance the counters' workloads; and shorten waiting times.",
        practicesSummaryEn:
          'A full single window at the counter, “one place takes the request and the service follows it to the end” (application, inquiry, payment, closing, notification); in-service training for counter staff; single-window handling of building start-of-work filings and construction inspections.',
        practices: [
          // 二(一)1: seed line 61
          practice(
            '1.',
            '持續推動臨櫃辦理「一處收件、全程服務」的全功能單一窗口(包含申辦、查詢、繳費、結案、通知)。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 二(一)2: seed line 62
          practice('2.', '辦理在職訓練，提升臨櫃人員服務專業知能', month(101, 12), EVERY_UNIT),
          // 二(一)3: seed line 63
          practice(
            '3.',
            '提供建築工程開工申報審查、申報施工勘驗之一處收件全程服務',
            month(101, 12),
            EVERY_UNIT,
          ),
        ],
      },
      // 二(二) (seed line 64)
      {
        ordinal: 2,
        label: '(二)',
        text: '澈底診斷簡化作業流程、辦理時限、申請書表等，訂定明確作業程序及量化服務指標，建立標準作業規範。',
        textEn:
          'Thoroughly diagnose and simplify procedures, processing time limits and application forms; set clear operating procedures and quantified service indicators; and establish standard operating rules.',
        practicesSummaryEn:
          'A review of every procedure and form at least once a year to cut the documents people must bring; standard operating procedures (SOPs) on the website; fewer approval stamps in at least one process a year; before-and-after comparisons of processing times; supervision and construction diaries on disc; simpler procedures and shorter waits at the counter; more online and special ways to apply; process charts and samples; ISO 9002 certification of key processes.',
        practices: [
          // 二(二)1: seed line 64
          practice(
            '1.',
            '每年至少1次，全面性檢查或檢討各項作業流程及申請表單，減少民眾申辦案件時應檢附的文件種類，包括申請書(表)、同意書、授權書、證件正本、影本、謄本等。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 二(二)2: seed line 65
          practice(
            '2.',
            '建置服務標準作業規範(sop)，登載於機關網站，提供民眾申辦時參閱。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 二(二)3: seed line 66
          practice(
            '3.',
            '每年至少選擇一項業務以上，經內部共同研議，達到減少核章數及簡化流程目的。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 二(二)4: seed line 67
          practice(
            '4.',
            '提出流程簡化前後之比較、處理時間縮短情形，及配套法規、制度修訂為量化服務參據。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 二(二)5: seed line 68. Deadline 「101年」+「12月」 and unit 「本局各」+「單位暨所屬機關」 are split by a page break
          // (seed lines 68 and 71): read as 101年12月 and every unit.
          practice('5.', '監工施工日誌光碟化', month(101, 12), EVERY_UNIT),
          // 二(二)6: seed line 72
          practice(
            '6.',
            '簡化行政流程，並縮短民眾現場申辦等候時間（如建築、管線挖埋申請、花木路燈維修、工程案件辦理事宜等）',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 二(二)7: seed line 73
          practice('7.', '增加線上申辦業務及特殊申辦服務方式', month(101, 12), EVERY_UNIT),
          // 二(二)8: seed line 74
          practice('8.', '製作申辦案件流程及範本', month(101, 12), EVERY_UNIT),
          // 二(二)9: seed line 75. 「办理」 (simplified 办) is as printed: kept, not corrected.
          practice(
            '9.',
            '持續推動 ISO9002 國際認證，針對重要業務办理流程規劃管制，取得國際認證，以建立良好之政府機關形象。',
            month(101, 12),
            EVERY_UNIT,
          ),
        ],
      },
      // 二(三) (seed line 76)
      {
        ordinal: 3,
        label: '(三)',
        text: '檢討申辦案件應附繳書證謄本之必要性，並予以減量；配合推動電子謄本政策，提高申辦案件相關資料查驗使用電子謄本認證之比例。',
        textEn:
          'Review whether applications really need attached certificates and transcripts, and reduce them; with the electronic-transcript policy, raise the share of applications checked with electronic transcripts.',
        practicesSummaryEn:
          'Fewer paper certificates and transcripts and more electronic ones; more applications verified through cross-agency electronic gateways or shared information platforms.',
        practices: [
          // 二(三)1: seed line 76
          practice('1.', '申辦案件減少書證謄本用量及提高採用電子謄本認證', month(101, 12), EVERY_UNIT),
          // 二(三)2: seed line 77
          practice(
            '2.',
            '提高使用跨機關電子閘門認證或自行開發之資訊共享平台（或系統）申辦率',
            month(101, 12),
            EVERY_UNIT,
          ),
        ],
      },
      // 二(四) (seed line 78)
      {
        ordinal: 4,
        label: '(四)',
        text: '公開各項服務標準作業程序資訊。在不違反資訊公開規定及隱私權保護的前提下，各機關應建立申辦或申請案件公開查詢機制，提供民眾瞭解案件處理流程及最新進度。',
        textEn:
          'Publish the standard operating procedure of every service. Without breaching the rules on information disclosure and privacy, each agency sets up a way for the public to look up applications, so that people can see how their case is handled and how far it has got.',
        practicesSummaryEn:
          "The handling section and its phone number, and the standard procedure, published at the premises and on the website, and applicants told the procedure; progress inquiries in person, by phone and online; the “工務自拍速必修” photo reports of potholes, dark street lights and dirty parks; up-to-date online information on road works, licences, service phones, construction rules, village officers' reports, public utilities and broadband conduits.",
        practices: [
          // 二(四)1: seed line 78
          practice(
            '1.',
            '提供承辦單位（科、課、組或其他）及電話，且於服務場所及機關網站（頁）公布標準處理流程，並主動告知申請人處理程序。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 二(四)2: seed line 79
          practice('2.', '提供現場、電話、網路等案件處理進度之查詢管道。', month(101, 12), EVERY_UNIT),
          // 二(四)3: seed line 82
          practice(
            '3.',
            '建置「工務自拍速必修」，發揮全民志工的精神，發現道路坑洞、路燈不亮、公園髒亂等問題並即時處理之。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 二(四)4: seed line 83
          practice(
            '4.',
            '即時更新施工路段查詢、執照查詢、服務電話、施工規範、里幹事通報系統、公共管線、寬頻管道系統網站資訊，俾使民眾取得最新服務。',
            month(101, 12),
            EVERY_UNIT,
          ),
        ],
      },
    ],
  },
  // 三、 (seed lines 84)
  {
    ordinal: 3,
    label: '三、',
    title: '探查民意趨勢，建立顧客關係',
    tableTitle: null,
    titleEn: 'Explore trends in public opinion and build customer relationships',
    strategies: [
      // 三(一) (seed line 84)
      {
        ordinal: 1,
        label: '(一)',
        text: '建立民眾抱怨處理機制，提供即時、有效之處理方式，減少處理時間成本，降低顧客抱怨頻率。',
        textEn:
          'Set up a way of handling complaints that is prompt and effective, cuts the time and cost of handling them, and makes customers complain less often.',
        practicesSummaryEn:
          'Rules for handling opinions from every channel (meetings with the public, the web, e-mail, letters, the media) and petitions, with time limits and analysis of case types to improve services; self-assessment and internal audits to raise satisfaction with complaint handling year by year.',
        practices: [
          // 三(一)1: seed line 84
          practice(
            '1.',
            '訂定民眾意見反映處理機制（包含與民有約、網路、電子郵件、書面、媒體等）及陳情案件作業規定、訂定處理及管制時效並透過案件型態分析，研定改善服務措施。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 三(一)2: seed line 85
          practice(
            '2.',
            '透過不定期自我考核及提昇政府服務品質執行計畫，建立內部稽核機制，逐年提升民眾意見處理滿意度成長率。',
            month(101, 12),
            EVERY_UNIT,
          ),
        ],
      },
      // 三(二) (seed line 86)
      {
        ordinal: 2,
        label: '(二)',
        text: '廣開民眾建言管道，鼓勵民眾提供建言；重視民眾興革建議及陳情案件，確實依據有關規定，審慎、迅速、正確地處理問題。',
        textEn:
          'Open many channels for suggestions and encourage people to make them; take proposals for reform and petitions seriously and deal with them carefully, quickly and correctly under the rules.',
        practicesSummaryEn:
          "The director's mailbox, a suggestion mailbox and a city suggestions website; forums, briefings and public hearings on major works; consulting experts, local representatives and community groups before major policies.",
        practices: [
          // 三(二)1: seed line 86
          practice(
            '1.',
            '設置首長電子信箱、民眾興革意見反映專用信箱、市政建言資訊網站，以了解民眾之需求、建議及抱怨，以進行檢討改進。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 三(二)2: seed line 87
          practice(
            '2.',
            '重大市政建設適時舉辦座談會、說明會、公聽會等，廣納各方意見，作為施政參考',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 三(二)3: seed line 88
          practice(
            '3.',
            '對各重大施政工作先期邀請專家學者、地方民代、社團代表研討溝通、共識後，訂定周延計畫確實執行。',
            month(101, 12),
            EVERY_UNIT,
          ),
        ],
      },
      // 三(三) (seed line 89)
      {
        ordinal: 3,
        label: '(三)',
        text: '建立新聞媒體及報章輿論快速回應機制及標準作業程序，主動為政策辯護或更正不實內容，以導正社會視聽。',
        textEn:
          'Set up a rapid-response mechanism and standard procedure for the news media and public opinion, to defend policies and correct untrue reports, and so set the public record straight.',
        practicesSummaryEn:
          'A response mechanism and standard procedure for news and public opinion; collecting media reports in a news-monitoring system and clarifying untrue reports at once.',
        practices: [
          // 三(三)1: seed line 89
          practice(
            '1.',
            '訂定新聞及輿論回應機制與標準作業模式，且能即時進行回應',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 三(三)2: seed lines 90, 93. The text continues after a page break (seed line 93, joined without a space). Line 93 also has a
          // stray 「關」 in the unit column although line 90's unit is complete: a layout artifact, ignored
          // (as are the lone 「關」 rows at seed lines 104 and 116).
          practice(
            '2.',
            '主動蒐集輿情報導，建立新聞輿情管理系統或資料庫，倘有報導本局施政消息與事實不符時，應儘速查明原委，務必在第一時間對外澄清，快速回應不實輿論以導正社會視聽。',
            month(101, 12),
            EVERY_UNIT,
          ),
        ],
      },
      // 三(四) (seed line 94)
      {
        ordinal: 4,
        label: '(四)',
        text: '有系統地建立「常見問題集」(FAQ) 管理機制，轉換民眾意見成為服務政策或措施；或透過民眾需求調查規劃服務政策或措施。',
        textEn:
          "Build up a managed set of frequently asked questions (FAQ) systematically, turning people's opinions into service policies or measures, or plan those through surveys of people's needs.",
        practicesSummaryEn:
          "Every unit fills out its FAQ from the public's questions and the answers given, publishes it on the website and uses the feedback to improve policies.",
        practices: [
          // 三(四): seed line 94. The strategy's only practice, printed without a number (label '').
          practice(
            '',
            '請各單位充實「常見問題集」(FAQ)，將民眾意見及回應內容，有系統整理，置於機關網站。並透過其回饋意見轉化為政策改進依據或施政參考。',
            month(101, 12),
            EVERY_UNIT,
          ),
        ],
      },
      // 三(五) (seed line 95)
      {
        ordinal: 5,
        label: '(五)',
        text: '定期辦理民眾意見調查，分析調查結果，改進服務缺失；強化問卷內容及測量方式之設計及評價結果分析；研析滿意度趨勢，並與同性質機關進行比較，供改進服務之參考。',
        textEn:
          'Survey public opinion regularly, analyse the results and correct shortcomings in service; improve the design of questionnaires and measurement and the analysis of results; study satisfaction trends and compare them with similar agencies, as a basis for improvement.',
        practicesSummaryEn:
          'Surveys of satisfaction with how opinions are handled; strict tracking of cases raised through the public-opinion system, field visits and petitions.',
        practices: [
          // 三(五)1: seed line 95
          practice(
            '1.',
            '辦理民眾意見處理滿意度調查分析，以提高分析改善服務措施方向之正確性。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 三(五)2: seed line 96
          practice(
            '2.',
            '對民意資訊系統、基層訪視、人民陳情等各界反映案件，嚴謹管制追蹤，落實執行。',
            month(101, 12),
            EVERY_UNIT,
          ),
        ],
      },
    ],
  },
  // 四、 (seed lines 97)
  {
    ordinal: 4,
    label: '四、',
    title: '豐富服務資訊，促進網路溝通',
    tableTitle: null,
    titleEn: 'Enrich service information and promote online communication',
    strategies: [
      // 四(一) (seed line 97)
      {
        ordinal: 1,
        label: '(一)',
        text: '主動規劃公開機關基本資料、核心政策、執行計畫、服務措施及預決算情形等重要資訊。提供之資訊內容需正確連結並即時更新。',
        textEn:
          "Plan to publish, on the agency's own initiative, its basic data, core policies, execution plans, service measures, budgets and final accounts and other important information; the information must link correctly and be kept up to date.",
        practicesSummaryEn:
          'Publishing what Article 7 of the Freedom of Government Information Law requires (announcements, regulations, e-forms, plans, activities, news); keeping the website correct and current; publishing service measures, FAQ, activities, publications and e-newsletters with regard to copyright; road-excavation works (who, where, until when) online; printed guides to services, parks, green space, street trees, planting and cycling; theme pages on public works; procurement information; a section on selected works projects; campaign pages (green building, sunshine communities, greening of vacant lots).',
        practices: [
          // 四(一)1: seed line 97
          practice(
            '1.',
            '根據政府資訊公開法第 7 條之規定公開相關資訊於機關網站，資訊內容包括公告、法令、電子表單、施政計畫、機關活動、新聞等。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 四(一)2: seed line 98
          practice('2.', '維護網站資訊內容正確性，標題與內容一致，並即時更新。', month(101, 12), EVERY_UNIT),
          // 四(一)3: seed line 99
          practice(
            '3.',
            '公開機關服務措施、FAQ、機關活動、文宣品、出版品、電子報及其他重要資訊等之資訊，並注意著作權相關規定。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 四(一)4: seed line 100
          practice(
            '4.',
            '為便利各單位及民眾查詢，各項管線挖掘情形，將本市各管線工程施工單位、施工地點、施工期限等資料上網，以利查核。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 四(一)5: seed line 101. Seed line 104 (after the page break) holds only a stray 「關」 in the unit column: ignored.
          practice(
            '5.',
            '印製各類業務、服務項目等相關書冊，以供私人團體及民眾索取。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 四(一)6: seed line 105
          practice(
            '6.',
            '印製各類公園、綠地、行道樹、花木栽植、自行車資料成冊，供民眾團體、市民索取參閱。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 四(一)7: seed line 106
          practice('7.', '建置工務專題網頁俾利工務建設成果完整呈現。', month(101, 12), EVERY_UNIT),
          // 四(一)8: seed line 107
          practice(
            '8.',
            '確保實體與網站資訊健全完備，並即時或定期更新資訊，確保公佈資訊內容及連結的正確性。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 四(一)9: seed line 108
          practice('9.', '加強採購業務資訊服務。', month(101, 12), EVERY_UNIT),
          // 四(一)10: seed line 109
          practice(
            '10.',
            '建置機關網站工程資訊專區，依選定之工程，呈現工程執行情形等資料。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 四(一)11: seed line 110
          practice(
            '11.',
            '網頁建置重要施政（如：綠建築、陽光社區、空地綠美化等）宣導專區',
            month(101, 12),
            EVERY_UNIT,
          ),
        ],
      },
      // 四(二) (seed lines 111, 112). Printed over two rows: 「…網站規範。網站」 + 「(頁) 資訊檢索…」, joined as printed.
      {
        ordinal: 2,
        label: '(二)',
        text: '機關網站或網頁設計符合行政院研究發展考核委員會相關網站規範。網站(頁) 資訊檢索應規劃提供多樣性檢索方式；並遵循相關規範標示電子資料，提供分類檢索服務。',
        textEn:
          "Design the agency's website or pages to meet the website rules of the Executive Yuan's Research, Development and Evaluation Commission; plan several ways of searching the website's information; and label electronic data under the relevant rules to offer classified search.",
        practicesSummaryEn:
          'Chinese and English websites laid out under the government website guidelines and accessible; browsing by theme, administration and service classification under the metadata rules; at least two advanced search modes.',
        practices: [
          // 四(二)1: seed line 111
          practice(
            '1.',
            '機關中英文網站版型配置及內容格式，依「政府網站版型與內容管理規範」調整，並符合無障礙規範。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 四(二)2: seed line 112
          practice(
            '2.',
            '鼓勵各單位網站提供主題、施政與服務3種分類檢索，並符合行政院函頒「行政機關電子資料流通實施要點」及行政院研考會函頒「行政機關電子資料流通詮釋資料及分類檢索規範」等規定。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 四(二)3: seed line 113. Seed line 116 (after the page break) holds only a stray 「關」 in the unit column: ignored.
          practice(
            '3.',
            '提供2種以上進階檢索功能(如關鍵字、全文、交叉、分類檢索及其他方式)。',
            month(101, 12),
            EVERY_UNIT,
          ),
        ],
      },
      // 四(三) (seed line 117)
      {
        ordinal: 3,
        label: '(三)',
        text: '規劃建置多元化電子參與管道，如意見留言板、線上論壇、網路投票、網路民調等，簡化相關互動及操作方式，以提供民眾友善網路溝通環境。',
        textEn:
          'Plan several channels of electronic participation, such as message boards, online forums, online voting and online polls, with simple interaction and operation, to give people a friendly place to communicate online.',
        practicesSummaryEn:
          "Online voting, polls and other channels of participation; Web 2.0 tools for sharing the agency's news on social networks.",
        practices: [
          // 四(三)1: seed line 117
          practice(
            '1.',
            '建置網路投票、網路民調等多元公眾參與管道議題，並簡化相關互動及操作方式，以提供民眾友善網路溝通環境。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 四(三)2: seed line 118
          practice('2.', '導入Web2.0應用工具，提供機關訊息快速分享至社群網站。', month(101, 12), EVERY_UNIT),
        ],
      },
      // 四(四) (seed line 119)
      {
        ordinal: 4,
        label: '(四)',
        text: '賡續推動網站(線上)申辦業務及服務項目，提供完整申辦資訊及安全申辦認證，並規劃新增申辦項目，提高線上申辦使用率。',
        textEn:
          'Continue to develop online applications and services, with complete application information and secure authentication, and plan new online applications to raise their use.',
        practicesSummaryEn:
          "More online services every year, with personal-data protection and secure authentication; guidance, contacts and procedures for each online service; links to the city's mobile, theme and online-service portals and MyEGov; end-to-end online services (reminders, guidance, forms, payment, advice, closing notices, appointments); standard e-forms; mobile services alongside the phone and the counter; information pushed to people in the way they use it; cloud and mobile technology used efficiently; the “好宅” building-records database; e-government law and personal-data protection that build trust; social networks for participation.",
        practices: [
          // 四(四)1: seed line 119
          practice(
            '1.',
            '逐年增加線上申辦項目，提高使用線上服務案件成長率；保護個人資料並強化申辦安全認證。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 四(四)2: seed line 120
          practice(
            '2.',
            '線上申辦服務項目，需佐以引導說明，標示各項申辦案件聯絡窗口、作業流程及相關屬性，方便民眾查詢。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 四(四)3: seed line 121
          practice(
            '3.',
            '機關已發展之線上服務項目及行動化主題服務網頁，可連結至市府網站「APPs 機關行動化服務」、「主題網頁」、「線上服務」專區，以及 MyEGov(我的E政府)平臺。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 四(四)4: seed line 122
          practice(
            '4.',
            '配合電子化政府政策優先發展能提供多數服務對象取用之線上主題式「全程服務」：包含主動提醒、引導申辦、表單下載、網路繳費、線上諮詢、結案通知及預約服務。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 四(四)5: seed line 123
          practice(
            '5.',
            '配合線上服務發展，研訂電子表單並標準化，並擬定相關管理規範。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 四(四)6: seed line 124
          practice(
            '6.',
            '建構多元服務環境，因應無線寬頻網路應用發展技術，發展可攜式行動裝置上的服務，搭配網路服務，再結合電話與臨櫃服務，提供隨手可得之電子化政府服務。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 四(四)7: seed lines 125, 128. Text and unit (「本局各單位暨」+「所屬機關」) continue after a page break (seed line 128).
          practice(
            '7.',
            '主動遞送政府資訊以切合民眾使用習慣之方式，由傳統靜態的資訊傳遞及被動提供資訊服務的型式，進展成為以顧客需求為導向，主動提供整合式服務，即時將所需求服務送到需求者手中。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 四(四)8: seed line 129. 8.–11. start with a short heading followed by a space (「集中資源有效管理 因應…」); kept in the
          // text as printed.
          practice(
            '8.',
            '集中資源有效管理 因應資通訊技術推陳出新，透過集中管理、雲端運算、無線網路、行動設備等科技新興應用，精進投資效率，進一步創造公共價值，提供民眾更方便取用的政府服務。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 四(四)9: seed line 130
          practice(
            '9.',
            '建築管理智慧化服務計畫 建置全國「好宅」數位資料庫，將建築物生產履歷資訊，結合相關建築標章制度及串聯民間業界申請建築物標章資訊，並加入公共安全檢查申報、機械停車設備、升降設備及公寓大廈組織報備等使用維護紀錄，將「好宅」之建築資訊透明化，提供民眾購屋參考資訊，並促進臺灣建築物品質提升。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 四(四)10: seed line 131
          practice(
            '10.',
            '增進互動信賴連結 強化電子化政府法制作業（個人資料保護）及完備技術規範，使法規與時俱進，提供民眾保障，並加強相關教育，讓民眾完善認知電子化服務之安全性，凸顯電子化政府與良善治理之連結，讓民眾有更多的參與，彰顯透明、課責、參與及效能之特性。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 四(四)11: seed line 132
          practice(
            '11.',
            '有效串聯社會網絡 因應科技及環境變遷，善用Web 2.0 社會網絡增進公民參與及溝通效率，規劃提供社群服務機制，讓施政更公開透明，傾聽民意，促進公民參與，共同規劃更契合自己需求的電子化政府服務。',
            month(101, 12),
            EVERY_UNIT,
          ),
        ],
      },
    ],
  },
  // 五、 (seed lines 133, 136)
  {
    ordinal: 5,
    label: '五、',
    title: '創新服務方式，整合服務資源',
    // The table heads this item 「提供創新（意）服務情形」 (split over two table rows, 「提供創新（意）服」 + 「務情形」),
    // while 肆's list names it 「創新服務方式，整合服務資源」: both are kept.
    tableTitle: '提供創新（意）服務情形',
    titleEn: 'Innovate service methods and integrate service resources',
    strategies: [
      // 五（一） (seed lines 133, 136). Printed 「強調主動檢討，發掘服務」 + 「遞送過程…」 across a page break (seed lines 133, 136).
      {
        ordinal: 1,
        label: '（一）',
        text: '強調主動檢討，發掘服務遞送過程及提供方式之問題，運用法令與流程檢討再造、民間資源引進、資訊科技應用等有效率的工具，規劃創新性、整合性的措施以解決服務問題。',
        textEn:
          "Stress reviewing services on the agency's own initiative to find problems in how they are delivered and provided; use efficient tools, such as review and re-engineering of rules and procedures, private resources and information technology, to plan innovative and integrated measures that solve service problems.",
        practicesSummaryEn:
          'Deregulation, re-engineering, private resources and IT to solve service problems; outward-facing: (1) convenient procedures, (2) flexible hours, (3) service in more places, (4) services reviewed, ended or added, (5) new methods such as online and proactive services; inward-facing: simpler administration and fully electronic documents; green building and a green-building ordinance (Building Administration Office only); other innovations such as gender mainstreaming in design, the smooth-roads project, park adoption and road-excavation management.',
        practices: [
          // 五(一)1: seed lines 133, 136. Text (「…等的工」+「具，…」) and unit continue after a page break (seed line 136).
          practice(
            '1.',
            '積極運用法令鬆綁、流程再造、引進民間資源、資訊科技應用等的工具，規劃創新的措施解決服務問題，提升行政效能。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 五(一)2: seed line 137. The seed carries an HTML fragment here (「<ul style="list-style-type: none">」, an artifact of
          // its conversion, with no closing tag): dropped. Its (1)–(5) are the practice's parts.
          practice('2.', '對外服務面向：', month(101, 12), EVERY_UNIT, [
            part(
              1,
              '服務流程便捷：加強申辦資訊及流程完整公開，且逐一檢討申辦項目表單，進行簡化及標準化等作法。',
            ),
            part(2, '服務時間彈性調整：如採取假日門市、中午不打烊、夜間服務等作法。'),
            part(
              3,
              '服務地點延伸：如突破現場、臨櫃辦理之限制，採取異地申辦/取件，電話、傳真辦理/取件等作法。',
            ),
            part(
              4,
              '服務項目改造：如服務項目總體檢，檢討非必要之服務並予以終結；或新增(創)服務項目，如策略聯盟、開發客製化服務。',
            ),
            part(5, '服務方法創新：強化線上服務，推動線上服務申辦，提供主動服務等。'),
          ]),
          // 五(一)3: seed line 138
          practice(
            '3.',
            '對內服務面向：推動行政流程簡化、公文全程電子化，強化內部控管，提升行政效能與服務品質。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 五(一)4: seed line 139. Unit printed 「建管處」 (建築管理處): building.
          practice('4.', '推動綠建築，制定綠建築自治條例等相關法令。', month(101, 12), BUILDING_OFFICE),
          // 五(一)5: seed line 140
          practice(
            '5.',
            '其他創新服務樣態：如將性別主流化概念帶入工程之規劃設計中、路平專案、加強公園認養制度、道路挖掘管理業務等。',
            month(101, 12),
            EVERY_UNIT,
          ),
        ],
      },
      // 五(二) (seed line 141)
      {
        ordinal: 2,
        label: '(二)',
        text: '檢討現有為民服務工作廣度、深度，並主動協調整合性質重複或相關聯服務工作，針對民眾需求，重新規劃設計有創意之加值服務。',
        textEn:
          "Review the breadth and depth of today's services to the public, coordinate and combine services that overlap or are related, and redesign creative, value-added services around people's needs.",
        practicesSummaryEn:
          'Reshaping services from surveys of needs (ending unnecessary ones, adding new ones); social networks and Web 2.0 with civic communities, to add value to public works information.',
        practices: [
          // 五(二)1: seed line 141
          practice(
            '1.',
            '透過民眾需求調查規劃服務政策或措施，進行服務項目改造(例如檢討非必要之服務予以終結，或新增服務項目)。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 五(二)2: seed line 142
          practice(
            '2.',
            '結合社會網絡：運用 Web2.0 工具與平台、結合民間社群資源，經營社會網絡，進行網路串連加值。配合發展由公部門提供工務資訊，生活運用服務，提昇民眾與政府互動。',
            month(101, 12),
            EVERY_UNIT,
          ),
        ],
      },
      // 五(三) (seed line 145)
      {
        ordinal: 3,
        label: '(三)',
        text: '著眼於服務產出之目的與結果，力求有價值之創新服務型態與方式多元化，以較少的成本得到更好的服務品質，體現社會正義或公共價值。',
        textEn:
          'Focus on the purpose and results of services; seek valuable and varied forms of innovative service that give better quality at lower cost and embody social justice or public value.',
        practicesSummaryEn:
          'Valuable innovation at lower cost; rooftop solar, rooftop greening, the Kaohsiung House project and solar energy in public works, and greening of vacant lots with tax relief for landowners (these two by the Building Administration Office only).',
        practices: [
          // 五(三)1: seed line 145
          practice(
            '1.',
            '力求有價值之創新服務型態與方式，以較少的成本得到更好的服務品質，創造政府及機關正面形象。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 五(三)2: seed line 146. Unit printed 「建管處」: building. No closing 「。」, as printed.
          practice(
            '2.',
            '推動屋頂設置太陽光電設施、屋頂綠化、高雄厝專案，增加高雄市民對於節能減碳的認識以及太陽能源的應用、針對公共工程要求增加太陽光電節能設施',
            month(101, 12),
            BUILDING_OFFICE,
          ),
          // 五(三)3: seed line 147. Unit printed 「建管處」: building.
          practice(
            '3.',
            '推動空地綠美化，節能減碳，地主可稅捐減免，達到政府、民間、環境三贏',
            month(101, 12),
            BUILDING_OFFICE,
          ),
        ],
      },
      // 五(四) (seed line 148)
      {
        ordinal: 4,
        label: '(四)',
        text: '鼓勵機關勇於突破現行機關(單位)間之隔閡，從政府服務資源整合及共享角度出發，規劃跨機關水平整合服務或業務體系垂直整合服務。',
        textEn:
          'Encourage agencies to break down the barriers between agencies (units) and, from the angle of integrating and sharing government service resources, plan services integrated horizontally across agencies or vertically along a line of business.',
        practicesSummaryEn:
          'Integrating and sharing resources across agencies and units, horizontally and vertically; preparing for cloud-based government services in step with central government policy.',
        practices: [
          // 五(四)1: seed line 148
          practice(
            '1.',
            '從政府服務資源整合及共享角度出發，鼓勵突破政府機關間之隔閡，強化各單位(機關)橫向聯繫，及垂直服務整合，提升合作關係。',
            month(101, 12),
            EVERY_UNIT,
          ),
          // 五(四)2: seed line 149
          practice(
            '2.',
            '因應未來政府服務運用雲端技術的趨勢，配合中央政策於在地落實，提昇本府服務機關應具備之知識與介接能力。',
            month(101, 12),
            EVERY_UNIT,
          ),
        ],
      },
    ],
  },
];

export const PLAN_101: PlanContent = {
  year: 2012,
  title: '高雄市政府工務局 101 年度提升服務品質執行計畫',
  titleEn:
    'Public Works Bureau, Kaohsiung City Government: Execution Plan for Improving Service Quality, 2012 (ROC year 101)',
  // 壹、計畫依據
  basis: [
    '行政院 96 年 7 月 23 日院授研展字第 09600152471 號函頒「政府服務創新精進方案」暨行政院 101 年 3 月 2 日院授研管字第 10123601171 號函「整合服務效能躍升 101 年續階方案」。',
    '高雄市政府 101 年 3 月 26 日高市府研發字第 10130244600 號函頒修正「高雄市政府提升服務品質實施計畫」。',
  ],
  // 貳、計畫目標
  goals: [
    '營造生活、生產、生態「三生環境」，建構「水」與「綠」城市空間，融入健康環保及人文美學元素，加速基礎及重大建設，提昇城市競爭力，實踐永續城市發展目標，再造幸福-新高雄願景。',
    '整合服務資源，探查民意趨勢，導入創新服務方式，促使民眾在資訊與流程的透明公開下，享有專業、便捷及高效率之服務。',
  ],
  // 參、實施對象 (printed on the heading's line after 「：」). Note: 「本局各一級單位暨附屬機關」, not the
  // table's 「本局各單位暨所屬機關」; both are kept as printed.
  scope: '本局各一級單位暨附屬機關',
  // 肆、計畫內容: the sentence on the heading's line; the list of the five items follows it in the seed
  // and is the items' `title`s.
  contentIntro: '本計畫依照五大實施要項，訂定下列重點措施執行',
  items: PLAN_101_ITEMS,
  // 伍、實施步驟
  steps: [
    '參考市府「高雄市政府提升服務品質實施計劃」，訂定本局「提升服務品質執行計畫」，函頒實施後，協調推動所屬機關(單位)據以訂定工作計畫，並公開於網站。',
    '本局工程企劃處、建築管理處、違建處理大隊、新建工程處及養護工程處依據前述執行策略及具體推動作法，以創新思維、顧客滿意，審酌服務需求及業務特性，研訂工作計畫(範例如附件)，計畫內容研訂應盡可能具體明確，以量化方式呈現，優先開發更有創意的服務作為，發揮機關特色確實執行，並將該工作計畫公開於機關網頁及服務場所。',
    // Split over two lines in the seed (「參加「政」 + 「府服務品質獎」…」): joined.
    '本年度推薦建管處「高雄市建築物屋頂設置太陽光電設施辦法」參加「政府服務品質獎」-服務規劃機關類別評選。',
  ],
  // 陸、管制查考
  control: [
    '本局依據執行計畫加強辦理，定期進行平時測試及查核；並針對所屬機關缺失隨時輔導改進。',
    '各單位平時應自行管理考核，隨時檢討改進服務品質，並於102年2月1日前提報101年度服務品質績效成果至本局秘書室。',
    '本年度請建管處配合本府推薦評獎期程，積極籌辦，以「服務規劃機關」類別參獎，如研提專案執行工作計畫、成立工作推動小組、定期召開檢討會議，彙整年度績效報告與相關佐證資料，提送政府服務品質獎參獎申請書…等，以爭取榮譽。',
  ],
  // 柒: the seed gives no heading, only this clause — the plan's closing provision (amendments and
  // supplements as needed).
  closing: ['本計畫如有未盡事宜，得依實際需要修正或另行補充規定。'],
  summaryEn: {
    basis:
      'The Executive Yuan’s Government Service Innovation Programme (23 July 2007) and its 2012 follow-up programme for integrated service performance (2 March 2012); the Kaohsiung City Government’s revised plan for improving service quality (26 March 2012).',
    goals:
      'A city of “three lives” (living, production and ecology) built around water and green space, healthy, environmentally sound and beautiful, with basic and major works sped up so that Kaohsiung is more competitive and sustainable; and integrated service resources, attention to public opinion and new ways of serving, so that people get professional, convenient and efficient service through open information and transparent processes.',
    scope: 'Every first-level unit of the bureau and its subordinate agencies.',
    steps:
      'The bureau issues this plan following the city government’s plan, and its units and agencies draw up work plans and publish them online. The Engineering Planning Office, the Building Administration Office, the Illegal Building Enforcement Brigade, the New Construction Office and the Maintenance Engineering Office write concrete, quantified work plans on the attached template and publish them on their websites and at their premises. This year the bureau nominates the Building Administration Office’s rules for rooftop solar installations for the Government Service Quality Award (service planning).',
    control:
      'The bureau tests and checks how the plan is carried out and helps its agencies correct shortcomings. Every unit manages and assesses itself and reports its 2012 service-quality results to the Secretariat by 1 February 2013. The Building Administration Office prepares its award entry: a project work plan, a working group, regular review meetings, an annual report with evidence and the application.',
    closing: 'Anything this plan does not cover may be amended or supplemented as needed.',
  },
  workPlanTemplate: {
    heading: '工作計畫(參考格式)',
    // The template is the city government's (it names the city's second-tier agencies): kept as printed.
    appliesTo: '適用機關:本府二級機關(包含各地政事務所、各區戶政事務所、各區衛生所)',
    exampleLabel: '參考範例',
    exampleTitle: '○○○○○○(機關全銜)101 年度提昇服務品質工作計畫',
    sections: [
      { label: '壹、', title: '計畫依據' },
      { label: '貳、', title: '計畫目標' },
      { label: '參、', title: '實施對象' },
      { label: '肆、', title: '計畫內容', subtitle: '工作推動重點與方法(作法)' },
      { label: '伍、', title: '考核與獎勵' },
    ],
    table: {
      columns: ['實施要項', '工作重點', '工作(推動)方法', '備註(績效)'],
      // As printed: the first row numbers each column 「一」, the second 「1」 under 工作重點 and 方法.
      exampleRows: [
        ['一', '一', '一', ''],
        ['', '1', '1', ''],
      ],
    },
    note: '備註：上揭案例僅供參照，請依業務需求自行評估，選擇最適當呈現撰寫方式。',
  },
};
