import type { UnitCode } from '../../../platform/reference/units.ts';
import type { ContentKind, OpenGovernmentKind } from './content-kinds.ts';

/**
 * Demo content (issue 15 §1): about 45 items over every kind and every 政府資訊公開法 §7 kind, as the
 * bureau's units would write them, marked as demo on their pages. Loaded by `content-demo-seed.ts` (the
 * rows) and `content-demo-files.ts` (the forms' files, which need the file store). The search relevance
 * set leans on their words (道路挖掘, 路燈故障, 違章建築, 屋頂太陽光電, 建造執照, 騎樓, 高雄厝 …): change both
 * together. Dates are fixed (not relative to today) so that tests, whose clock stands in March 2026, see
 * the same site as a fresh `npm start`.
 */
export interface DemoContentFile {
  readonly key: string;
  readonly role: 'file' | 'sample';
  readonly titleZh: string;
  readonly titleEn: string | null;
  /** The generated document's paragraphs (also its extracted text). */
  readonly lines: readonly string[];
}

export interface DemoContentItem {
  /** Stable key: the seed finds an item it wrote before by its Chinese title, the files by this. */
  readonly key: string;
  readonly kind: ContentKind;
  readonly unitCode: UnitCode;
  readonly foiKinds?: readonly OpenGovernmentKind[];
  /** When it shows (Taipei time), and until when. */
  readonly visibleFrom: string;
  readonly visibleUntil?: string;
  readonly titleZh: string;
  readonly titleEn?: string;
  readonly summaryZh: string;
  readonly summaryEn?: string;
  readonly bodyZh: readonly string[];
  readonly bodyEn?: readonly string[];
  /** DC.Subject: the words people use as well as the bureau's. */
  readonly subjectsZh: readonly string[];
  readonly subjectsEn?: readonly string[];
  readonly themeCodes: readonly string[];
  readonly cakeCodes: readonly string[];
  readonly serviceCodes: readonly string[];
  /** Other demo items this one points to (DC.Relation: their addresses). */
  readonly relatedKeys?: readonly string[];
  readonly coverageStart?: string;
  readonly coverageEnd?: string;
  /** The form and its filled-in sample (demoData: they need the file store). */
  readonly files?: readonly DemoContentFile[];
}

const announcements: DemoContentItem[] = [
  {
    key: 'excavation-zhongzheng',
    kind: 'announcement',
    unitCode: 'road-maintenance',
    visibleFrom: '2026-02-24T09:00:00+08:00',
    titleZh: '中正一路道路挖掘施工交通管制公告',
    titleEn: 'Traffic control for road excavation on Zhongzheng 1st Road',
    summaryZh:
      '自來水管線汰換需挖掘中正一路（和平一路至福德三路）慢車道，施工期間夜間封閉外側車道，請用路人改道。',
    summaryEn:
      'Water mains are being replaced under Zhongzheng 1st Road (Heping 1st Rd to Fude 3rd Rd): the outer lane is closed at night while the road is dug up. Please use another route.',
    bodyZh: [
      '台灣自來水公司第七區管理處經本局核准道路挖掘許可，於中正一路（和平一路至福德三路）汰換老舊自來水管線。',
      '施工期間為 115 年 3 月 2 日至 3 月 27 日，每日 22 時至翌日 6 時封閉外側車道，白天恢復通行；路面於完工後 7 日內完成刨鋪修復。',
      '施工路段設有警示燈及交通錐，並有交通引導人員。對施工有疑問，或發現挖掘後路面不平、坑洞，請撥打道路挖掘管理中心專線或透過報修系統通報。',
    ],
    bodyEn: [
      'The Taiwan Water Corporation holds the bureau’s road excavation permit to replace old water mains under Zhongzheng 1st Road between Heping 1st Road and Fude 3rd Road.',
      'Work runs from 2 to 27 March 2026, every night from 22:00 to 06:00, when the outer lane is closed; the road is open in the daytime. The surface is resurfaced within seven days of completion.',
      'The site has warning lights, traffic cones and traffic marshals. If you have questions about the work, or find the road uneven or potholed after it, call the road excavation centre or report it online.',
    ],
    subjectsZh: ['道路挖掘', '挖馬路', '交通管制', '管線工程', '道路施工'],
    subjectsEn: ['road excavation', 'road works', 'traffic control'],
    themeCodes: ['311'],
    cakeCodes: ['650'],
    serviceCodes: ['A00'],
    coverageStart: '2026-03-02',
    coverageEnd: '2026-03-27',
  },
  {
    key: 'excavation-new-year',
    kind: 'announcement',
    unitCode: 'road-maintenance',
    visibleFrom: '2026-01-20T10:00:00+08:00',
    titleZh: '春節期間暫停道路挖掘施工公告',
    titleEn: 'No road excavation over the Lunar New Year holiday',
    summaryZh: '115 年春節連假期間（2 月 14 日至 2 月 22 日）全市暫停一般道路挖掘施工，緊急搶修不在此限。',
    summaryEn:
      'No ordinary road excavation anywhere in the city over the 2026 Lunar New Year holiday (14 to 22 February); emergency repairs excepted.',
    bodyZh: [
      '為維護春節期間交通順暢及市容，115 年 2 月 14 日至 2 月 22 日全市道路暫停一般挖掘施工，已核准之道路挖掘許可應於 2 月 13 日前完成路面回填及臨時修復。',
      '自來水、電力、瓦斯、電信管線發生緊急損壞需搶修者，仍得依道路挖掘管理自治條例先行施工，並於 24 小時內補辦申請。',
    ],
    bodyEn: [
      'To keep traffic moving over the holiday, ordinary road excavation stops from 14 to 22 February 2026. Holders of an excavation permit must backfill and temporarily repair the road by 13 February.',
      'Emergency repairs to water, power, gas or telecommunication lines may still go ahead under the road excavation regulations, with the application made within 24 hours.',
    ],
    subjectsZh: ['道路挖掘', '挖馬路', '春節', '暫停施工'],
    subjectsEn: ['road excavation', 'Lunar New Year'],
    themeCodes: ['311'],
    cakeCodes: ['650'],
    serviceCodes: ['A00'],
    coverageStart: '2026-02-14',
    coverageEnd: '2026-02-22',
  },
  {
    key: 'street-light-faults',
    kind: 'announcement',
    unitCode: 'parks',
    visibleFrom: '2026-02-10T09:00:00+08:00',
    titleZh: '路燈故障通報及維修處理方式公告',
    summaryZh:
      '路燈不亮、閃爍或白天亮燈，請記下路燈桿上的編號，透過報修系統或 1999 通報，一般故障 3 日內修復。',
    bodyZh: [
      '本市道路及公園路燈由公園處負責維護。發現路燈壞了、不亮、忽亮忽暗或白天仍亮燈時，請記下燈桿上的路燈編號（例如「苓雅 12-034」）及附近門牌。',
      '可透過本網站「報修」通報路燈故障並附上照片，或撥打 1999 市民專線。一般故障於 3 個工作日內修復；需更換燈桿或地下電纜者，於 14 日內修復並於現場公告。',
      '私人巷道或社區內之照明設備非屬市有路燈，請洽管理委員會或台灣電力公司。',
    ],
    subjectsZh: ['路燈故障', '路燈壞了', '路燈不亮', '報修', '1999'],
    themeCodes: ['362'],
    cakeCodes: ['660'],
    serviceCodes: ['E00'],
  },
  {
    key: 'illegal-building-reports',
    kind: 'announcement',
    unitCode: 'illegal-building',
    foiKinds: ['4'],
    visibleFrom: '2026-02-05T09:00:00+08:00',
    titleZh: '違章建築檢舉及查報處理程序公告',
    titleEn: 'How reports of illegal buildings are handled',
    summaryZh: '民眾檢舉違建請提供地址及違建位置，檢舉人資料依法保密；新違建於查報後依序排程拆除。',
    summaryEn:
      'To report an illegal building, give its address and where the unauthorised structure is; your identity is kept confidential. New illegal structures are scheduled for demolition after inspection.',
    bodyZh: [
      '檢舉違章建築（違建）時，請提供違建地址、位置（如頂樓加蓋、陽台外推、防火巷搭建）及照片。可透過本網站線上申辦、書面或 1999 檢舉，檢舉人姓名及聯絡方式依法保密，不會告知被檢舉人。',
      '違章建築處理大隊於受理後 7 日內派員現場勘查，認定為新違建者發給違建認定通知書並排程拆除；既存違建依本市違章建築處理自治條例分類列管。',
      '對認定結果不服者，得於收到通知書之次日起 30 日內提起訴願。',
    ],
    bodyEn: [
      'When you report an illegal building, give its address, where the unauthorised structure is (a rooftop addition, an enclosed balcony, a structure in a fire lane) and photos. Report online, in writing or through 1999; your name and contact details are kept confidential and never told to the owner.',
      'The Illegal Building Enforcement Brigade inspects within seven days. A new illegal structure gets a notice and is scheduled for demolition; older ones are listed and dealt with under the city’s regulations.',
      'You may appeal against the finding within 30 days of receiving the notice.',
    ],
    subjectsZh: ['違章建築', '違建', '檢舉', '頂樓加蓋', '拆除'],
    subjectsEn: ['illegal building', 'report', 'demolition'],
    themeCodes: ['322'],
    cakeCodes: ['630'],
    serviceCodes: ['C00', 'E00'],
  },
  {
    key: 'arcade-levelling',
    kind: 'announcement',
    unitCode: 'road-maintenance',
    visibleFrom: '2026-01-12T09:00:00+08:00',
    titleZh: '騎樓及人行道整平計畫受理登記公告',
    summaryZh:
      '騎樓地面高低不平、有障礙物的路段，住戶可登記參加騎樓整平，由本局統一設計施工，住戶免負擔工程費。',
    bodyZh: [
      '為提供行人安全無障礙的步行空間，本局持續推動騎樓整平。騎樓地面高低落差、斜坡過陡或設有階梯的路段，由沿街住戶過半數同意後，可向道路養護工程處登記。',
      '本局統一設計施工，住戶免負擔工程費；完工後騎樓應保持淨空，不得擺放攤架、機車或堆置物品。違規占用騎樓者，依道路交通管理處罰條例處理。',
    ],
    subjectsZh: ['騎樓', '騎樓整平', '人行道', '無障礙', '騎樓占用'],
    themeCodes: ['312'],
    cakeCodes: ['650'],
    serviceCodes: ['A00'],
  },
  {
    key: 'rooftop-solar',
    kind: 'announcement',
    unitCode: 'building',
    foiKinds: ['2'],
    visibleFrom: '2026-02-18T09:00:00+08:00',
    titleZh: '建築物屋頂設置太陽光電設施免請領雜項執照說明',
    titleEn: 'Rooftop solar panels: when no building permit is needed',
    summaryZh:
      '合法建築物屋頂設置太陽光電發電設施（太陽能板），高度在 4.5 公尺以下且符合規定者，免請領雜項執照，改以簡易備案辦理。',
    summaryEn:
      'Solar panels on the roof of a lawful building need no miscellaneous-works permit if they are no higher than 4.5 metres and meet the rules: a simple filing is enough.',
    bodyZh: [
      '依本市建築管理自治條例及屋頂太陽光電設施審查基準，於合法建築物屋頂設置太陽光電發電設施，其高度自屋頂面起算 4.5 公尺以下、不超出建築物外牆，且結構安全經專業技師簽證者，免請領雜項執照。',
      '設置前應檢附「屋頂太陽光電設施設置申報書」、結構安全簽證及區分所有權人同意文件，向建築管理處備案；逾上述高度或設於違章建築上者，仍應依法申請雜項執照。',
      '太陽能板下方空間不得作為居室使用或增設牆面，否則以違章建築處理。',
    ],
    bodyEn: [
      'Under the city’s building regulations and the review standard for rooftop solar installations, solar panels on the roof of a lawful building need no miscellaneous-works permit if they rise no more than 4.5 metres above the roof, stay within the outer walls, and a professional engineer certifies the structure.',
      'Before installing, file the rooftop solar registration form with the engineer’s certificate and the owners’ consent at the Building Administration Office. Higher installations, or any on an illegal structure, still need a permit.',
      'The space under the panels must not be enclosed or used as a room; if it is, it is treated as an illegal building.',
    ],
    subjectsZh: ['屋頂太陽光電', '太陽能板', '雜項執照', '免請領執照', '綠能屋頂'],
    subjectsEn: ['rooftop solar', 'solar panels', 'building permit'],
    themeCodes: ['342', '321'],
    cakeCodes: ['620'],
    serviceCodes: ['C00'],
  },
  {
    key: 'building-safety-inspection',
    kind: 'announcement',
    unitCode: 'building',
    foiKinds: ['4'],
    visibleFrom: '2026-01-26T09:00:00+08:00',
    titleZh: '115 年度建築物公共安全檢查申報提醒',
    titleEn: '2026 building safety inspection reports are due',
    summaryZh:
      '供公眾使用建築物之所有權人或使用人，應依規定期限委託專業機構檢查並申報，逾期未申報將依法處罰。',
    summaryEn:
      'Owners or users of buildings open to the public must have them inspected by a qualified body and file the report on time; late filing is fined.',
    bodyZh: [
      '依建築法第 77 條規定，供公眾使用之建築物（如餐廳、旅館、補習班、商場）應定期委託專業機構或人員檢查簽證，並向建築管理處申報。',
      '115 年度申報期間依建築物用途類別分為 1 月至 3 月、4 月至 6 月及 7 月至 9 月。申報書表可於本網站「書表下載」取得，並可線上申報。',
    ],
    bodyEn: [
      'Under Article 77 of the Building Act, buildings open to the public (restaurants, hotels, cram schools, shopping centres) must be inspected and certified by a qualified body, and the report filed with the Building Administration Office.',
      'In 2026 the filing windows are January to March, April to June and July to September, by use. The forms are under Forms, and reports can be filed online.',
    ],
    subjectsZh: ['公共安全檢查', '建築物安全', '申報'],
    subjectsEn: ['building safety inspection'],
    themeCodes: ['323'],
    cakeCodes: ['620'],
    serviceCodes: ['E00'],
  },
  {
    key: 'joint-excavation-plan-scheduled',
    kind: 'announcement',
    unitCode: 'road-maintenance',
    // Scheduled: approved, not shown before its time.
    visibleFrom: '2030-01-06T09:00:00+08:00',
    titleZh: '119 年度上半年道路聯合挖掘施工計畫公告',
    summaryZh: '各管線單位 119 年上半年預定之道路挖掘工程彙整，同一路段集中施工以減少反覆挖掘。',
    bodyZh: [
      '本局彙整自來水、電力、電信及瓦斯等管線單位之道路挖掘計畫，同一路段採聯合施工，避免道路反覆挖掘。',
    ],
    subjectsZh: ['道路挖掘', '聯合施工'],
    themeCodes: ['311'],
    cakeCodes: ['650'],
    serviceCodes: ['A00'],
  },
  {
    key: 'typhoon-park-closure-expired',
    kind: 'announcement',
    unitCode: 'parks',
    // Expired: shown only while the typhoon warning lasted.
    visibleFrom: '2025-09-01T08:00:00+08:00',
    visibleUntil: '2025-09-05T18:00:00+08:00',
    titleZh: '颱風警報期間各公園暫停開放公告',
    titleEn: 'Parks closed while the typhoon warning is in force',
    summaryZh: '颱風警報期間全市公園暫停開放，請勿進入公園及行道樹下方。',
    summaryEn:
      'All parks are closed while the typhoon warning is in force; keep away from parks and street trees.',
    bodyZh: ['中央氣象署發布颱風陸上警報期間，全市公園暫停開放，警報解除並完成巡查後恢復開放。'],
    bodyEn: [
      'While a land typhoon warning is in force all parks are closed; they reopen once the warning is lifted and they have been inspected.',
    ],
    subjectsZh: ['颱風', '公園'],
    subjectsEn: ['typhoon', 'parks'],
    themeCodes: ['361', '350'],
    cakeCodes: ['660'],
    serviceCodes: ['E00'],
  },
];

const news: DemoContentItem[] = [
  {
    key: 'news-kaohsiung-house',
    kind: 'news',
    unitCode: 'building',
    visibleFrom: '2026-02-26T15:00:00+08:00',
    titleZh: '高雄厝推動成果 新建案綠化屋頂與遮陽設計再創新高',
    titleEn: 'Kaohsiung House: record numbers of new buildings with green roofs and shading',
    summaryZh:
      '114 年申請高雄厝設計的新建案達 420 件，設置屋頂綠化、陽台綠化及太陽光電的比例均較前一年提升。',
    summaryEn:
      'In 2025, 420 new building projects used the Kaohsiung House design incentives, with more green roofs, planted balconies and solar panels than the year before.',
    bodyZh: [
      '工務局表示，高雄厝（高雄市建築物綠化及節能設計）推動至今，114 年共 420 件新建案申請，較 113 年成長 18%。建案設置陽台綠化、屋頂綠化、太陽光電及通風遮陽設計，可依規定免計容積。',
      '工務局提醒，申請高雄厝設計獎勵應於申請建造執照時一併提出，並於使用執照核發前完成綠化及設施查驗。',
    ],
    bodyEn: [
      'The bureau said that 420 new projects applied under the Kaohsiung House scheme (greening and energy-saving design of buildings) in 2025, 18% more than in 2024. Planted balconies, green roofs, solar panels and shading are exempt from the floor-area limit under the rules.',
      'The incentive is applied for with the building permit, and the planting and installations are inspected before the occupancy permit is issued.',
    ],
    subjectsZh: ['高雄厝', '綠建築', '屋頂綠化', '建造執照'],
    subjectsEn: ['Kaohsiung House', 'green building'],
    themeCodes: ['341', '321'],
    cakeCodes: ['620'],
    serviceCodes: ['C00'],
  },
  {
    key: 'news-vacant-lot',
    kind: 'news',
    unitCode: 'parks',
    visibleFrom: '2026-02-12T15:00:00+08:00',
    titleZh: '空地綠美化 鹽埕區閒置空地變身社區小公園',
    titleEn: 'Vacant-lot greening: an empty lot in Yancheng becomes a neighbourhood garden',
    summaryZh: '鹽埕區一處長期閒置的私有空地，經地主同意提供綠美化，完工後成為附近居民的休憩空間。',
    summaryEn:
      'A long-empty private lot in Yancheng District, lent by its owner for greening, is now a place for neighbours to sit and play.',
    bodyZh: [
      '公園處推動空地綠美化，由地主提供閒置空地，本府負責整地、植栽及設置座椅，維護期間地主可減免地價稅。鹽埕區新樂街旁約 600 平方公尺空地完工後，已成為附近長者及孩童的休憩空間。',
      '有意提供空地綠美化的地主，可洽公園處或於本網站下載申請書。',
    ],
    bodyEn: [
      'Under the vacant-lot greening scheme owners lend idle land and the city levels it, plants it and adds benches; owners may get land value tax relief while it is maintained. The 600 m² lot next to Xinle Street is now used by elderly neighbours and children.',
      'Owners who would like to offer a lot may contact the Parks Office or download the application form here.',
    ],
    subjectsZh: ['空地綠美化', '閒置空地', '社區公園'],
    subjectsEn: ['vacant-lot greening', 'community garden'],
    themeCodes: ['331', '361'],
    cakeCodes: ['660'],
    serviceCodes: ['900'],
  },
  {
    key: 'news-led-street-lights',
    kind: 'news',
    unitCode: 'parks',
    visibleFrom: '2026-01-28T15:00:00+08:00',
    titleZh: '全市路燈汰換 LED 完成 年省電費四成',
    summaryZh: '本市 18 萬盞路燈全面汰換為 LED 燈具，用電量較傳統燈具減少約四成，並可遠端監控故障。',
    bodyZh: [
      '公園處表示，全市路燈汰換 LED 燈具工程已完成，每年節省電費約四成。新燈具具遠端監控功能，路燈故障時系統自動通報維修廠商，縮短修復時間。',
      '民眾發現路燈不亮仍可透過報修系統或 1999 通報，請記下燈桿編號以利查修。',
    ],
    subjectsZh: ['路燈', 'LED', '節能', '路燈故障'],
    themeCodes: ['362'],
    cakeCodes: ['660'],
    serviceCodes: ['E00'],
  },
  {
    key: 'news-road-resurfacing',
    kind: 'news',
    unitCode: 'road-maintenance',
    visibleFrom: '2026-01-08T15:00:00+08:00',
    titleZh: '道路平整專案 完成 30 條主要道路刨鋪',
    titleEn: 'Smooth roads project: 30 main roads resurfaced',
    summaryZh: '114 年道路平整專案完成 30 條主要道路刨除加鋪，並同步下地人孔，減少路面坑洞與顛簸。',
    summaryEn:
      'In 2025 the smooth roads project resurfaced 30 main roads and lowered their manholes below the surface, for fewer potholes and bumps.',
    bodyZh: [
      '道路養護工程處 114 年完成博愛路、民族路等 30 條主要道路刨鋪，共約 85 萬平方公尺，並將人孔蓋下地，路面更平整。',
      '民眾發現路面坑洞，可拍照透過報修系統通報，一般坑洞於 24 小時內完成修補。',
    ],
    bodyEn: [
      'In 2025 the Road Maintenance Engineering Office resurfaced 30 main roads including Bo’ai Road and Minzu Road, about 850,000 m², and lowered the manholes below the new surface.',
      'If you find a pothole, take a photo and report it online: ordinary potholes are filled within 24 hours.',
    ],
    subjectsZh: ['道路刨鋪', '坑洞', '道路平整'],
    subjectsEn: ['resurfacing', 'potholes'],
    themeCodes: ['313'],
    cakeCodes: ['650'],
    serviceCodes: ['A00'],
  },
];

const regulations: DemoContentItem[] = [
  {
    key: 'reg-building',
    kind: 'regulation',
    unitCode: 'building',
    foiKinds: ['1'],
    visibleFrom: '2025-11-03T09:00:00+08:00',
    titleZh: '高雄市建築管理自治條例（示範）',
    titleEn: 'Kaohsiung City Building Administration Regulations (demo)',
    summaryZh:
      '規定本市建造執照、雜項執照、使用執照之申請、審查、施工管理及使用管理事項（示範內容，非現行條文）。',
    summaryEn:
      'How building, miscellaneous-works and occupancy permits are applied for and reviewed, and how construction and use are supervised (demo text, not the regulations in force).',
    bodyZh: [
      '第一條　為加強本市建築管理，依建築法第一百零一條規定制定本自治條例。',
      '第二條　本自治條例之主管機關為高雄市政府工務局。',
      '第五條　建造執照、雜項執照及使用執照之申請，應檢附申請書、土地權利證明文件及建築師簽證之圖說，向主管機關提出。',
      '第十二條　建築物屋頂設置太陽光電發電設施，高度在四點五公尺以下且經結構安全簽證者，免請領雜項執照。',
    ],
    bodyEn: [
      'Article 1. These regulations are made under Article 101 of the Building Act to strengthen building administration in the city.',
      'Article 2. The competent authority is the Public Works Bureau of the Kaohsiung City Government.',
      'Article 5. Applications for building, miscellaneous-works and occupancy permits are made to the competent authority with the application form, proof of rights to the land and drawings certified by an architect.',
      'Article 12. Solar power installations on a building’s roof no higher than 4.5 metres and certified structurally safe need no miscellaneous-works permit.',
    ],
    subjectsZh: ['建築管理', '建造執照', '使用執照', '雜項執照', '自治條例'],
    subjectsEn: ['building regulations', 'building permit'],
    themeCodes: ['321'],
    cakeCodes: ['620'],
    serviceCodes: ['C00'],
  },
  {
    key: 'reg-excavation',
    kind: 'regulation',
    unitCode: 'road-maintenance',
    foiKinds: ['1'],
    visibleFrom: '2025-10-15T09:00:00+08:00',
    titleZh: '高雄市道路挖掘管理自治條例（示範）',
    titleEn: 'Kaohsiung City Road Excavation Regulations (demo)',
    summaryZh:
      '挖掘道路應先申請道路挖掘許可，規定申請程序、施工時段、回填修復及保證金（示範內容，非現行條文）。',
    summaryEn:
      'Digging up a road needs a road excavation permit: the application, working hours, backfilling and repair, and the deposit (demo text, not the regulations in force).',
    bodyZh: [
      '第三條　於本市道路挖掘者，應檢附道路挖掘許可申請書、施工計畫書及交通維持計畫，向主管機關申請許可，經核准後始得施工。',
      '第八條　挖掘完成後應依規定回填，並於七日內完成路面修復；修復品質不合格者，由主管機關代為修復並自保證金扣抵。',
      '第十條　管線緊急損壞需搶修者，得先行施工，並於二十四小時內補辦申請。',
    ],
    bodyEn: [
      'Article 3. Anyone digging up a road in the city applies first for a permit, with the application form, a works plan and a traffic management plan, and starts work only once it is granted.',
      'Article 8. After digging the trench is backfilled and the surface repaired within seven days; if the repair is poor, the authority repairs it at the holder’s expense from the deposit.',
      'Article 10. Emergency repairs to damaged utility lines may start at once, with the application made within 24 hours.',
    ],
    subjectsZh: ['道路挖掘', '挖馬路', '道路挖掘許可', '管線', '自治條例'],
    subjectsEn: ['road excavation', 'permit'],
    themeCodes: ['311'],
    cakeCodes: ['650'],
    serviceCodes: ['A00'],
  },
  {
    key: 'reg-arcade',
    kind: 'regulation',
    unitCode: 'road-maintenance',
    foiKinds: ['1'],
    visibleFrom: '2025-09-22T09:00:00+08:00',
    titleZh: '高雄市騎樓及無遮簷人行道設置管理辦法（示範）',
    summaryZh: '騎樓地面應與相鄰騎樓齊平、保持淨空，不得設置階梯或堆放物品（示範內容，非現行條文）。',
    bodyZh: [
      '第四條　騎樓地面應與相鄰騎樓及人行道順平，其坡度不得大於十分之一，並不得設置階梯。',
      '第六條　騎樓應保持淨空，供公眾通行，不得擺設攤架、堆積物品或停放車輛。',
    ],
    subjectsZh: ['騎樓', '人行道', '騎樓占用', '無障礙'],
    themeCodes: ['312'],
    cakeCodes: ['650'],
    serviceCodes: ['A00'],
  },
  {
    key: 'reg-illegal-building',
    kind: 'regulation',
    unitCode: 'illegal-building',
    foiKinds: ['1'],
    visibleFrom: '2025-08-11T09:00:00+08:00',
    titleZh: '高雄市違章建築處理自治條例（示範）',
    titleEn: 'Kaohsiung City Illegal Buildings Regulations (demo)',
    summaryZh: '違章建築之查報、認定、拆除及既存違建之列管（示範內容，非現行條文）。',
    summaryEn:
      'How illegal buildings are reported, found, demolished, and how older ones are listed (demo text, not the regulations in force).',
    bodyZh: [
      '第三條　新違章建築應於查報認定後依序排程拆除；既存違章建築有危害公共安全者，優先拆除。',
      '第七條　頂樓加蓋、陽台外推及防火巷違建，經認定有妨礙消防安全者，應即報即拆。',
    ],
    bodyEn: [
      'Article 3. New illegal structures are demolished in turn once inspected and found; older ones that endanger public safety come first.',
      'Article 7. Rooftop additions, enclosed balconies and structures in fire lanes that hinder fire safety are demolished as soon as reported.',
    ],
    subjectsZh: ['違章建築', '違建', '拆除', '頂樓加蓋'],
    subjectsEn: ['illegal building', 'demolition'],
    themeCodes: ['322'],
    cakeCodes: ['630'],
    serviceCodes: ['C00'],
  },
  {
    key: 'reg-green-building',
    kind: 'regulation',
    unitCode: 'building',
    foiKinds: ['1'],
    visibleFrom: '2025-07-01T09:00:00+08:00',
    titleZh: '高雄市綠建築自治條例（示範）',
    titleEn: 'Kaohsiung City Green Building Regulations (demo)',
    summaryZh: '新建建築物應設置屋頂綠化、雨水回收及太陽光電等綠建築設施（示範內容，非現行條文）。',
    summaryEn:
      'New buildings provide green roofs, rainwater collection and solar power (demo text, not the regulations in force).',
    bodyZh: [
      '第四條　新建建築物之屋頂應設置綠化設施，其面積不得小於屋頂可綠化面積二分之一。',
      '第六條　總樓地板面積達一定規模之建築物，應設置太陽光電發電設施及雨水貯集利用設施。',
    ],
    bodyEn: [
      'Article 4. New buildings plant at least half of the roof area that can be planted.',
      'Article 6. Buildings above a set floor area install solar power and rainwater collection.',
    ],
    subjectsZh: ['綠建築', '屋頂綠化', '太陽光電', '高雄厝'],
    subjectsEn: ['green building'],
    themeCodes: ['341'],
    cakeCodes: ['620'],
    serviceCodes: ['C00'],
  },
  {
    key: 'reg-solar-review',
    kind: 'regulation',
    unitCode: 'building',
    foiKinds: ['2'],
    visibleFrom: '2025-12-01T09:00:00+08:00',
    titleZh: '建築物設置屋頂太陽光電設施審查基準（示範）',
    summaryZh: '屋頂太陽光電設施免請領雜項執照之高度、結構及消防安全認定基準（示範內容）。',
    bodyZh: [
      '一、設施高度自屋頂面起算不得超過四點五公尺，支架不得超出建築物外牆。',
      '二、應由專業技師辦理結構安全簽證，並不得妨礙消防救災及逃生避難。',
      '三、設施下方不得設置牆面或作為居室使用。',
    ],
    subjectsZh: ['屋頂太陽光電', '太陽能板', '審查基準', '裁量基準'],
    themeCodes: ['342'],
    cakeCodes: ['620'],
    serviceCodes: ['C00'],
  },
];

const forms: DemoContentItem[] = [
  {
    key: 'form-excavation',
    kind: 'form',
    unitCode: 'road-maintenance',
    visibleFrom: '2025-12-15T09:00:00+08:00',
    titleZh: '道路挖掘許可申請書',
    titleEn: 'Road excavation permit application form',
    summaryZh: '挖掘道路（挖馬路）埋設或維修管線前，應填具本申請書並檢附施工計畫及交通維持計畫。附填寫範例。',
    summaryEn:
      'Fill in this form, with a works plan and a traffic management plan, before digging up a road to lay or repair utility lines. A filled-in example is included.',
    bodyZh: [
      '申請道路挖掘許可應檢附：道路挖掘許可申請書、施工計畫書、交通維持計畫、管線位置圖及保證金繳納證明。',
      '申請書可下載後填寫，或直接於本網站線上申辦。',
    ],
    bodyEn: [
      'Apply with: the application form, a works plan, a traffic management plan, a map of the lines and proof of the deposit.',
      'Download the form and fill it in, or apply online on this site.',
    ],
    subjectsZh: ['道路挖掘', '挖馬路', '申請書', '書表下載'],
    subjectsEn: ['road excavation', 'application form'],
    themeCodes: ['311'],
    cakeCodes: ['650'],
    serviceCodes: ['A00'],
    files: [
      {
        key: 'form-excavation-blank',
        role: 'file',
        titleZh: '道路挖掘許可申請書（空白表格）',
        titleEn: 'Road excavation permit application (blank form)',
        lines: [
          '道路挖掘許可申請書',
          '申請單位名稱：＿＿＿＿＿＿',
          '挖掘地點（路段）：＿＿＿＿＿＿',
          '挖掘目的：□自來水 □電力 □電信 □瓦斯 □其他',
          '預定施工期間：＿＿年＿＿月＿＿日至＿＿年＿＿月＿＿日',
          '檢附文件：施工計畫書、交通維持計畫、管線位置圖、保證金繳納證明',
        ],
      },
      {
        key: 'form-excavation-sample',
        role: 'sample',
        titleZh: '道路挖掘許可申請書（填寫範例）',
        titleEn: 'Road excavation permit application (filled-in example)',
        lines: [
          '道路挖掘許可申請書（填寫範例）',
          '申請單位名稱：示範管線工程股份有限公司',
          '挖掘地點（路段）：苓雅區四維三路（自強三路至林森三路）',
          '挖掘目的：■自來水　汰換老舊管線',
          '預定施工期間：115年3月2日至115年3月27日',
          '檢附文件：施工計畫書、交通維持計畫、管線位置圖、保證金繳納證明',
        ],
      },
    ],
  },
  {
    key: 'form-building-permit',
    kind: 'form',
    unitCode: 'building',
    visibleFrom: '2025-12-10T09:00:00+08:00',
    titleZh: '建造執照申請書',
    titleEn: 'Building permit application form',
    summaryZh: '新建、增建、改建或修建建築物，應由起造人委託建築師填具建造執照申請書。附填寫範例。',
    summaryEn:
      'To build, extend, rebuild or alter a building, the owner has an architect fill in the building permit application. A filled-in example is included.',
    bodyZh: ['建造執照申請應檢附：申請書、土地使用權同意書、建築師簽證之設計圖說及結構計算書。'],
    bodyEn: [
      'Apply with: the application form, the landowner’s consent, the architect’s certified drawings and the structural calculations.',
    ],
    subjectsZh: ['建造執照', '建照', '申請書', '蓋房子'],
    subjectsEn: ['building permit', 'application form'],
    themeCodes: ['321'],
    cakeCodes: ['620'],
    serviceCodes: ['C00'],
    files: [
      {
        key: 'form-building-permit-blank',
        role: 'file',
        titleZh: '建造執照申請書（空白表格）',
        titleEn: 'Building permit application (blank form)',
        lines: [
          '建造執照申請書',
          '起造人：＿＿＿＿＿＿',
          '建築地點：＿＿區＿＿段＿＿地號',
          '建築物用途：＿＿＿＿＿＿',
          '設計建築師：＿＿＿＿＿＿　開業證書字號：＿＿＿＿',
        ],
      },
      {
        key: 'form-building-permit-sample',
        role: 'sample',
        titleZh: '建造執照申請書（填寫範例）',
        titleEn: 'Building permit application (filled-in example)',
        lines: [
          '建造執照申請書（填寫範例）',
          '起造人：示範建設股份有限公司',
          '建築地點：前鎮區示範段 123 地號',
          '建築物用途：集合住宅（高雄厝設計）',
          '設計建築師：王示範　開業證書字號：（示範）建開字第 0000 號',
        ],
      },
    ],
  },
  {
    key: 'form-use-permit',
    kind: 'form',
    unitCode: 'building',
    visibleFrom: '2025-12-10T09:30:00+08:00',
    titleZh: '使用執照申請書',
    summaryZh: '建築物完工後，起造人應會同建築師及營造業申請使用執照，取得後始得使用。',
    bodyZh: ['使用執照申請應檢附：申請書、建造執照、竣工圖說、竣工照片及各項設備檢查合格文件。'],
    subjectsZh: ['使用執照', '使照', '竣工', '申請書'],
    themeCodes: ['321'],
    cakeCodes: ['620'],
    serviceCodes: ['C00'],
    files: [
      {
        key: 'form-use-permit-blank',
        role: 'file',
        titleZh: '使用執照申請書（空白表格）',
        titleEn: null,
        lines: [
          '使用執照申請書',
          '建造執照字號：＿＿＿＿＿＿',
          '竣工日期：＿＿年＿＿月＿＿日',
          '起造人：＿＿＿＿＿＿',
        ],
      },
    ],
  },
  {
    key: 'form-rooftop-solar',
    kind: 'form',
    unitCode: 'building',
    visibleFrom: '2026-01-05T09:00:00+08:00',
    titleZh: '屋頂太陽光電設施設置申報書',
    titleEn: 'Rooftop solar installation registration form',
    summaryZh: '在屋頂裝設太陽能板，符合免請領雜項執照條件者，以本申報書向建築管理處備案。附填寫範例。',
    summaryEn:
      'File this form with the Building Administration Office when your rooftop solar panels need no permit. A filled-in example is included.',
    bodyZh: ['申報應檢附：申報書、結構安全簽證、區分所有權人同意書及設置位置圖。'],
    bodyEn: [
      'File with: the form, the engineer’s structural certificate, the owners’ consent and a plan of the installation.',
    ],
    subjectsZh: ['屋頂太陽光電', '太陽能板', '申報書', '免請領執照'],
    subjectsEn: ['rooftop solar', 'registration form'],
    themeCodes: ['342'],
    cakeCodes: ['620'],
    serviceCodes: ['C00'],
    files: [
      {
        key: 'form-rooftop-solar-blank',
        role: 'file',
        titleZh: '屋頂太陽光電設施設置申報書（空白表格）',
        titleEn: 'Rooftop solar registration (blank form)',
        lines: [
          '屋頂太陽光電設施設置申報書',
          '建築物地址：＿＿＿＿＿＿',
          '設施高度（自屋頂面起算）：＿＿公尺（不得超過 4.5 公尺）',
          '結構安全簽證技師：＿＿＿＿＿＿',
        ],
      },
      {
        key: 'form-rooftop-solar-sample',
        role: 'sample',
        titleZh: '屋頂太陽光電設施設置申報書（填寫範例）',
        titleEn: 'Rooftop solar registration (filled-in example)',
        lines: [
          '屋頂太陽光電設施設置申報書（填寫範例）',
          '建築物地址：高雄市三民區示範路 1 號',
          '設施高度（自屋頂面起算）：3.2 公尺',
          '結構安全簽證技師：李示範（結構技師）',
        ],
      },
    ],
  },
];

const plansAndReports: DemoContentItem[] = [
  {
    key: 'plan-policy-2026',
    kind: 'plan_report',
    unitCode: 'planning',
    foiKinds: ['5'],
    visibleFrom: '2025-12-30T09:00:00+08:00',
    titleZh: '工務局 115 年度施政計畫',
    titleEn: 'Public Works Bureau policy plan for 2026',
    summaryZh: '115 年度施政重點：道路平整、人行環境改善、公園綠地、建築安全及違建處理。',
    summaryEn:
      'The bureau’s priorities for 2026: smooth roads, better pavements, parks and green space, building safety and illegal buildings.',
    bodyZh: [
      '一、道路平整與挖掘管理：持續推動道路刨鋪及人孔下地，落實道路挖掘聯合施工。',
      '二、人本交通環境：推動騎樓整平及人行道改善，建構無障礙步行空間。',
      '三、公園綠地：推動空地綠美化及公園設施更新。',
      '四、建築安全：推動高雄厝及綠建築，加強違章建築查報拆除。',
    ],
    bodyEn: [
      '1. Smooth roads and excavation management: resurfacing, lowered manholes, joint excavation.',
      '2. People-first streets: levelled arcades and better pavements for step-free walking.',
      '3. Parks and green space: greening vacant lots and renewing park facilities.',
      '4. Building safety: Kaohsiung House and green building, and firmer action on illegal buildings.',
    ],
    subjectsZh: ['施政計畫', '道路平整', '騎樓整平', '高雄厝'],
    subjectsEn: ['policy plan'],
    themeCodes: ['370'],
    cakeCodes: ['610'],
    serviceCodes: ['I00'],
    coverageStart: '2026-01-01',
    coverageEnd: '2026-12-31',
  },
  {
    key: 'report-statistics-2025',
    kind: 'plan_report',
    unitCode: 'planning',
    foiKinds: ['5'],
    visibleFrom: '2026-02-02T09:00:00+08:00',
    titleZh: '工務局 114 年度業務統計年報',
    summaryZh: '114 年核發建造執照、使用執照、道路挖掘許可件數，路燈修復及違建拆除件數等統計。',
    bodyZh: [
      '114 年核發建造執照 1,865 件、使用執照 1,702 件、道路挖掘許可 12,430 件；路燈故障修復 38,120 件，平均修復時間 1.6 日；拆除違章建築 2,310 件。',
    ],
    subjectsZh: ['業務統計', '統計年報'],
    themeCodes: ['390'],
    cakeCodes: ['610'],
    serviceCodes: ['I00'],
    coverageStart: '2025-01-01',
    coverageEnd: '2025-12-31',
  },
  {
    key: 'budget-2026',
    kind: 'plan_report',
    unitCode: 'secretariat',
    foiKinds: ['6'],
    visibleFrom: '2026-01-15T09:00:00+08:00',
    titleZh: '工務局 115 年度單位預算',
    titleEn: 'Public Works Bureau budget for 2026',
    summaryZh: '115 年度歲入、歲出預算及各工作計畫經費。',
    summaryEn: 'Revenue and expenditure budgets for 2026 and the funds of each work programme.',
    bodyZh: [
      '115 年度歲出預算編列新臺幣 98 億元，其中道路養護 32 億元、公園及路燈 18 億元、新建工程 27 億元。',
    ],
    bodyEn: [
      'Expenditure for 2026 is NT$9.8 billion, of which road maintenance NT$3.2 billion, parks and street lights NT$1.8 billion and new construction NT$2.7 billion.',
    ],
    subjectsZh: ['預算', '單位預算'],
    subjectsEn: ['budget'],
    themeCodes: ['380'],
    cakeCodes: ['670'],
    serviceCodes: ['I00'],
    coverageStart: '2026-01-01',
    coverageEnd: '2026-12-31',
  },
  {
    key: 'final-accounts-2024',
    kind: 'plan_report',
    unitCode: 'secretariat',
    foiKinds: ['6'],
    visibleFrom: '2025-06-30T09:00:00+08:00',
    titleZh: '工務局 113 年度單位決算',
    summaryZh: '113 年度歲入、歲出決算及預算執行情形。',
    bodyZh: ['113 年度歲出決算數新臺幣 93 億元，預算執行率 96.4%。'],
    subjectsZh: ['決算'],
    themeCodes: ['380'],
    cakeCodes: ['670'],
    serviceCodes: ['I00'],
    coverageStart: '2024-01-01',
    coverageEnd: '2024-12-31',
  },
  {
    key: 'appeals-2025h2',
    kind: 'plan_report',
    unitCode: 'secretariat',
    foiKinds: ['7'],
    visibleFrom: '2026-02-20T09:00:00+08:00',
    titleZh: '114 年下半年陳情處理結果及訴願決定',
    titleEn: 'Petitions and appeal decisions, second half of 2025',
    summaryZh: '114 年 7 月至 12 月受理之人民陳情處理結果統計，及涉及本局處分之訴願決定摘要。',
    summaryEn:
      'How the petitions received from July to December 2025 were resolved, and summaries of appeal decisions about the bureau’s decisions.',
    bodyZh: [
      '受理人民陳情 8,412 件，已結案 8,260 件，平均處理日數 5.2 日。',
      '涉及違章建築認定及道路挖掘許可之訴願決定 46 件，其中駁回 39 件、撤銷原處分 7 件。',
    ],
    bodyEn: [
      '8,412 petitions received, 8,260 closed, in 5.2 days on average.',
      '46 appeal decisions about illegal building findings and road excavation permits: 39 dismissed, 7 decisions set aside.',
    ],
    subjectsZh: ['陳情', '訴願決定'],
    subjectsEn: ['petitions', 'appeals'],
    themeCodes: ['390'],
    cakeCodes: ['670'],
    serviceCodes: ['I00'],
  },
  {
    key: 'subsidies-2025',
    kind: 'plan_report',
    unitCode: 'planning',
    foiKinds: ['9'],
    visibleFrom: '2026-01-30T09:00:00+08:00',
    titleZh: '114 年度補助款支付及受領情形',
    summaryZh: '114 年度受領中央補助及對民間團體補助之項目與金額。',
    bodyZh: [
      '受領內政部國土管理署人本交通環境改善計畫補助新臺幣 2.4 億元；補助社區認養公園綠地 126 處，共新臺幣 630 萬元。',
    ],
    subjectsZh: ['補助', '補助款'],
    themeCodes: ['380'],
    cakeCodes: ['610'],
    serviceCodes: ['I00'],
  },
  {
    key: 'minutes-building-disputes',
    kind: 'plan_report',
    unitCode: 'building',
    foiKinds: ['10'],
    visibleFrom: '2026-02-13T09:00:00+08:00',
    titleZh: '高雄市建築爭議事件評審委員會 115 年第 1 次會議紀錄（示範）',
    summaryZh: '審議建造執照及使用執照爭議案件 3 件之會議紀錄。',
    bodyZh: ['出席委員 11 人。審議案件 3 件：2 件維持原處分，1 件請申請人補正圖說後再議。'],
    subjectsZh: ['會議紀錄', '建築爭議'],
    themeCodes: ['321'],
    cakeCodes: ['620'],
    serviceCodes: ['I00'],
  },
];

const activitiesProcurementPublications: DemoContentItem[] = [
  {
    key: 'activity-green-building-seminar',
    kind: 'activity',
    unitCode: 'building',
    visibleFrom: '2026-02-16T09:00:00+08:00',
    titleZh: '綠建築與高雄厝設計說明會',
    titleEn: 'Briefing on green building and Kaohsiung House design',
    summaryZh:
      '115 年 3 月 20 日下午於四維行政中心舉辦，說明高雄厝設計獎勵及綠建築審查重點，歡迎建築師及民眾報名。',
    summaryEn:
      'At the Siwei administrative centre on the afternoon of 20 March 2026: the Kaohsiung House incentives and what green building reviews look for. Architects and residents welcome.',
    bodyZh: ['時間：115 年 3 月 20 日 14:00–16:30。地點：四維行政中心 10 樓大禮堂。名額 200 人，額滿為止。'],
    bodyEn: [
      'When: 20 March 2026, 14:00–16:30. Where: Siwei administrative centre, 10th floor hall. 200 places.',
    ],
    subjectsZh: ['綠建築', '高雄厝', '說明會'],
    subjectsEn: ['green building', 'Kaohsiung House', 'briefing'],
    themeCodes: ['341'],
    cakeCodes: ['620'],
    serviceCodes: ['C00'],
    coverageStart: '2026-03-20',
    coverageEnd: '2026-03-20',
  },
  {
    key: 'activity-park-volunteers',
    kind: 'activity',
    unitCode: 'parks',
    visibleFrom: '2026-02-03T09:00:00+08:00',
    titleZh: '公園認養志工日',
    summaryZh: '邀請社區志工一同整理公園花圃、清理落葉，並介紹公園認養制度。',
    bodyZh: ['時間：115 年 3 月 7 日上午 8 時。地點：中央公園。請著輕便服裝，現場提供工具。'],
    subjectsZh: ['公園', '志工', '認養'],
    themeCodes: ['361'],
    cakeCodes: ['660'],
    serviceCodes: ['900'],
    coverageStart: '2026-03-07',
    coverageEnd: '2026-03-07',
  },
  {
    key: 'procurement-resurfacing',
    kind: 'procurement',
    unitCode: 'road-maintenance',
    foiKinds: ['8'],
    visibleFrom: '2026-02-25T09:00:00+08:00',
    titleZh: '115 年度道路刨鋪工程開口契約招標公告',
    summaryZh: '本案採公開招標，預算金額新臺幣 4 億 2 千萬元，截止投標日期 115 年 3 月 16 日。',
    bodyZh: [
      '招標方式：公開招標，最低標決標。履約期限：決標日起至 115 年 12 月 31 日。招標文件於政府電子採購網領取。',
    ],
    subjectsZh: ['招標', '道路刨鋪', '開口契約'],
    themeCodes: ['380', '313'],
    cakeCodes: ['650'],
    serviceCodes: ['600'],
  },
  {
    key: 'procurement-street-lights',
    kind: 'procurement',
    unitCode: 'parks',
    foiKinds: ['8'],
    visibleFrom: '2026-01-22T09:00:00+08:00',
    titleZh: '115 年度路燈維護開口契約決標公告',
    titleEn: 'Award notice: 2026 street light maintenance contract',
    summaryZh: '本案分三區決標，決標金額合計新臺幣 1 億 6 千萬元。',
    summaryEn: 'Awarded in three areas, NT$160 million in all.',
    bodyZh: ['決標日期：115 年 1 月 20 日。得標廠商：示範電機工程有限公司等 3 家。'],
    bodyEn: ['Awarded on 20 January 2026 to three contractors (demo names).'],
    subjectsZh: ['決標', '路燈維護', '開口契約'],
    subjectsEn: ['contract award', 'street lights'],
    themeCodes: ['380', '362'],
    cakeCodes: ['660'],
    serviceCodes: ['600'],
  },
  {
    key: 'publication-kaohsiung-house-guide',
    kind: 'publication',
    unitCode: 'building',
    visibleFrom: '2025-10-30T09:00:00+08:00',
    titleZh: '高雄厝設計手冊（示範）',
    titleEn: 'Kaohsiung House design guide (demo)',
    summaryZh: '以圖例說明陽台綠化、屋頂綠化、太陽光電、通風遮陽等高雄厝設計項目及免計容積規定。',
    summaryEn:
      'Illustrated guide to the Kaohsiung House features — planted balconies, green roofs, solar panels, ventilation and shading — and the floor-area exemptions.',
    bodyZh: ['本手冊供建築師及起造人參考，內容包括設計原則、免計容積計算方式及常見問題。'],
    bodyEn: [
      'For architects and owners: design principles, how the floor-area exemptions are calculated, and common questions.',
    ],
    subjectsZh: ['高雄厝', '綠建築', '設計手冊'],
    subjectsEn: ['Kaohsiung House', 'design guide'],
    themeCodes: ['341'],
    cakeCodes: ['620'],
    serviceCodes: ['C00'],
  },
  {
    key: 'publication-annual-report',
    kind: 'publication',
    unitCode: 'secretariat',
    foiKinds: ['5'],
    visibleFrom: '2026-02-27T09:00:00+08:00',
    titleZh: '工務局 114 年年報',
    summaryZh: '回顧 114 年道路、公園、建築管理及新建工程的成果。',
    bodyZh: ['年報收錄各處室年度成果、重大工程進度及統計資料。'],
    subjectsZh: ['年報', '出版品'],
    themeCodes: ['390'],
    cakeCodes: ['670'],
    serviceCodes: ['I00'],
  },
  {
    key: 'organisation',
    kind: 'publication',
    unitCode: 'secretariat',
    foiKinds: ['3'],
    visibleFrom: '2025-06-02T09:00:00+08:00',
    titleZh: '工務局組織及職掌',
    titleEn: 'The bureau’s organisation and functions',
    summaryZh:
      '本局下設工程企劃處、建築管理處、違章建築處理大隊、新建工程處、道路養護工程處、公園處及秘書室。',
    summaryEn:
      'The bureau’s offices: Engineering Planning, Building Administration, Illegal Building Enforcement, New Construction, Road Maintenance Engineering, Parks and Street Lights, and the Secretariat.',
    bodyZh: [
      '工程企劃處：工程計畫之企劃、管考及品質管理。',
      '建築管理處：建造執照、使用執照、建築物公共安全及綠建築。',
      '違章建築處理大隊：違章建築之查報、認定及拆除。',
      '道路養護工程處：道路、人行道、騎樓之養護及道路挖掘管理。',
      '公園處：公園、綠地、行道樹及路燈之維護管理。',
    ],
    bodyEn: [
      'Engineering Planning Office: plans, monitoring and quality of works.',
      'Building Administration Office: building and occupancy permits, building safety, green building.',
      'Illegal Building Enforcement Brigade: reports, findings and demolition of illegal buildings.',
      'Road Maintenance Engineering Office: roads, pavements and arcades, and road excavation.',
      'Parks and Street Lights Office: parks, green space, street trees and street lights.',
    ],
    subjectsZh: ['組織', '職掌', '聯絡方式'],
    subjectsEn: ['organisation', 'contacts'],
    themeCodes: ['390'],
    cakeCodes: ['670'],
    serviceCodes: ['I00'],
  },
];

const topics: DemoContentItem[] = [
  {
    key: 'topic-green-building',
    kind: 'topic',
    unitCode: 'building',
    visibleFrom: '2025-07-02T09:00:00+08:00',
    titleZh: '綠建築',
    titleEn: 'Green building',
    summaryZh: '綠建築的規定、獎勵、說明會與手冊：從屋頂綠化、雨水回收到太陽光電。',
    summaryEn:
      'Green building rules, incentives, briefings and guides: green roofs, rainwater and solar power.',
    bodyZh: [
      '綠建築是在建築物的生命週期中消耗最少地球資源、製造最少廢棄物的建築。本市新建建築物應依綠建築自治條例設置屋頂綠化、雨水貯集及太陽光電設施。',
      '以下是與綠建築有關的法規、活動與出版品。',
    ],
    bodyEn: [
      'A green building uses the fewest resources and makes the least waste over its life. New buildings in the city provide green roofs, rainwater collection and solar power under the green building regulations.',
      'Below are the rules, events and publications about green building.',
    ],
    subjectsZh: ['綠建築', '專題'],
    subjectsEn: ['green building'],
    themeCodes: ['341'],
    cakeCodes: ['620'],
    serviceCodes: ['C00'],
    relatedKeys: ['reg-green-building', 'rooftop-solar'],
  },
  {
    key: 'topic-kaohsiung-house',
    kind: 'topic',
    unitCode: 'building',
    visibleFrom: '2025-10-31T09:00:00+08:00',
    titleZh: '高雄厝',
    titleEn: 'Kaohsiung House',
    summaryZh: '高雄厝（建築物綠化及節能設計）是什麼、怎麼申請、有哪些獎勵。',
    summaryEn:
      'What the Kaohsiung House scheme (greening and energy-saving design) is, how to apply, and its incentives.',
    bodyZh: [
      '高雄厝鼓勵建築物設置陽台綠化、屋頂綠化、太陽光電及通風遮陽設計，因應南台灣炎熱氣候。符合規定的設計可免計容積。',
      '申請高雄厝設計應於申請建造執照時一併提出。',
    ],
    bodyEn: [
      'Kaohsiung House encourages planted balconies, green roofs, solar panels, ventilation and shading suited to the hot southern climate. Qualifying features are exempt from the floor-area limit.',
      'Apply for it together with the building permit.',
    ],
    subjectsZh: ['高雄厝', '綠建築', '專題'],
    subjectsEn: ['Kaohsiung House'],
    themeCodes: ['341', '321'],
    cakeCodes: ['620'],
    serviceCodes: ['C00'],
    relatedKeys: ['news-kaohsiung-house', 'publication-kaohsiung-house-guide', 'form-building-permit'],
  },
  {
    key: 'topic-vacant-lot',
    kind: 'topic',
    unitCode: 'parks',
    visibleFrom: '2025-08-05T09:00:00+08:00',
    titleZh: '空地綠美化',
    titleEn: 'Greening vacant lots',
    summaryZh: '地主提供閒置空地，由市府綠美化成社區綠地：申請方式、地主權益與成果。',
    summaryEn:
      'Owners lend idle land and the city turns it into green space: how to apply, what owners get, and results.',
    bodyZh: [
      '閒置空地容易堆積垃圾、孳生蚊蟲。地主提供空地綠美化，由市府整地植栽並維護，期間可依規定減免地價稅，地主需要使用土地時可隨時收回。',
    ],
    bodyEn: [
      'Idle lots gather rubbish and mosquitoes. Owners who lend a lot have it levelled, planted and kept by the city, may get land value tax relief, and can take it back whenever they need it.',
    ],
    subjectsZh: ['空地綠美化', '閒置空地', '專題'],
    subjectsEn: ['vacant-lot greening'],
    themeCodes: ['331'],
    cakeCodes: ['660'],
    serviceCodes: ['900'],
    relatedKeys: ['news-vacant-lot'],
  },
];

/** More for the 政府資訊公開 zone, so each §7 kind has a few (added last: the numbers above stay). */
const moreOpenGovernment: DemoContentItem[] = [
  {
    key: 'organisation-units',
    kind: 'publication',
    unitCode: 'secretariat',
    foiKinds: ['3'],
    visibleFrom: '2025-06-02T10:00:00+08:00',
    titleZh: '工務局各單位地址、電話、傳真及電子郵件',
    titleEn: 'Addresses, telephone, fax and e-mail of the bureau’s units',
    summaryZh: '各處室及大隊之辦公地址、電話、傳真、電子郵件信箱及服務時間；網址為本網站。',
    summaryEn:
      'Where each office is, its telephone, fax, e-mail and opening hours; the website is this site.',
    bodyZh: ['各單位聯絡方式詳見本頁下方及「政府資訊公開」第 3 類頁面。聯絡資料為示範資料，待本局確認。'],
    bodyEn: [
      'Each unit’s contacts are listed on the open government page, kind 3. They are demo values to be confirmed.',
    ],
    subjectsZh: ['聯絡方式', '地址', '電話'],
    subjectsEn: ['contacts'],
    themeCodes: ['390'],
    cakeCodes: ['670'],
    serviceCodes: ['I00'],
  },
  {
    key: 'appeals-2025h1',
    kind: 'plan_report',
    unitCode: 'secretariat',
    foiKinds: ['7'],
    visibleFrom: '2025-08-20T09:00:00+08:00',
    titleZh: '114 年上半年陳情處理結果及訴願決定',
    summaryZh: '114 年 1 月至 6 月受理之人民陳情處理結果統計及訴願決定摘要。',
    bodyZh: [
      '受理人民陳情 7,985 件，已結案 7,960 件，平均處理日數 5.6 日；訴願決定 38 件，其中撤銷原處分 5 件。',
    ],
    subjectsZh: ['陳情', '訴願決定'],
    themeCodes: ['390'],
    cakeCodes: ['670'],
    serviceCodes: ['I00'],
  },
  {
    key: 'subsidies-community-parks',
    kind: 'plan_report',
    unitCode: 'parks',
    foiKinds: ['9'],
    visibleFrom: '2026-02-09T09:00:00+08:00',
    titleZh: '115 年度社區認養公園綠地補助核定名單',
    titleEn: 'Grants for community-adopted parks, 2026',
    summaryZh: '核定補助 132 個社區團體認養公園綠地，每處補助新臺幣 3 萬元至 8 萬元。',
    summaryEn: '132 community groups get NT$30,000 to NT$80,000 each to look after a park.',
    bodyZh: ['補助經費用於植栽、澆灌及清潔用具，受補助團體應於年底前提出成果報告。'],
    bodyEn: [
      'The grants pay for plants, watering and cleaning tools; each group reports on its work by the end of the year.',
    ],
    subjectsZh: ['補助', '公園認養'],
    subjectsEn: ['grants', 'park adoption'],
    themeCodes: ['361', '380'],
    cakeCodes: ['660'],
    serviceCodes: ['I00'],
  },
  {
    key: 'minutes-public-works-quality',
    kind: 'plan_report',
    unitCode: 'planning',
    foiKinds: ['10'],
    visibleFrom: '2026-01-19T09:00:00+08:00',
    titleZh: '高雄市政府公共工程品質督導小組 115 年第 1 次會議紀錄（示範）',
    summaryZh: '督導 6 件公共工程施工品質之會議紀錄及改善事項。',
    bodyZh: ['出席委員 9 人。督導工程 6 件，評定甲等 4 件、乙等 2 件；乙等工程應於 30 日內完成缺失改善。'],
    subjectsZh: ['會議紀錄', '工程品質'],
    themeCodes: ['370'],
    cakeCodes: ['610'],
    serviceCodes: ['I00'],
  },
  {
    key: 'contract-new-works',
    kind: 'procurement',
    unitCode: 'new-works',
    foiKinds: ['8'],
    visibleFrom: '2026-02-11T09:00:00+08:00',
    titleZh: '鳳山溪人行橋新建工程契約書（示範）',
    summaryZh: '本契約為公開招標之新建工程契約，契約金額新臺幣 1 億 2 千 8 百萬元，工期 420 日曆天。',
    bodyZh: [
      '契約主要條款包括工程範圍、工期、付款方式、品質管理及逾期違約金。契約全文依政府資訊公開法主動公開。',
    ],
    subjectsZh: ['工程契約', '新建工程'],
    themeCodes: ['370', '380'],
    cakeCodes: ['640'],
    serviceCodes: ['600'],
  },
];

/** Every demo item, in the order the seed writes them (topics after the items they name; new ones at the end). */
export const demoContentItems: readonly DemoContentItem[] = [
  ...regulations,
  ...forms,
  ...plansAndReports,
  ...activitiesProcurementPublications,
  ...news,
  ...announcements,
  ...topics,
  ...moreOpenGovernment,
];
