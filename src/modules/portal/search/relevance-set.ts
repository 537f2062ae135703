/**
 * The search relevance set (issue 15, "Tests and figures"): everyday questions, phrased as people ask them,
 * each with the results a person would accept at the top. `relevance.db.test.ts` runs them through
 * `searchSite` on the demo data (demo services, FAQ entries, content) and reports precision@3 and the mean
 * reciprocal rank; the target is MRR ≥ 0.8.
 *
 * An expected result names a demo service by code, a demo FAQ entry by its key (faq/faq-demo-data.ts), a
 * demo content item by its Chinese title (content/content-demo-items.ts) or a site page by path. Change the
 * demo data and this list together. No question has a rule of its own in the ranking: what makes these
 * work is the synonym table (synonym-demo-data.ts) and the general ranking.
 */
export type ExpectedResult =
  | { readonly service: string }
  | { readonly faq: string }
  | { readonly content: string }
  | { readonly page: string };

export interface RelevanceCase {
  readonly question: string;
  /** Any of these at the top is a right answer. */
  readonly expected: readonly ExpectedResult[];
}

export const relevanceSet: readonly RelevanceCase[] = [
  {
    question: '挖馬路要申請什麼',
    expected: [
      { service: 'road-excavation-permit' },
      { faq: 'road-excavation-apply' },
      { content: '道路挖掘許可申請書' },
    ],
  },
  {
    question: '路燈壞了找誰',
    expected: [
      { service: 'street-light-repair' },
      { faq: 'street-light-out' },
      { content: '路燈故障通報及維修處理方式公告' },
    ],
  },
  {
    question: '違建怎麼檢舉',
    expected: [
      { service: 'illegal-building-report' },
      { faq: 'illegal-report' },
      { content: '違章建築檢舉及查報處理程序公告' },
    ],
  },
  {
    question: '太陽能板要不要執照',
    expected: [
      { service: 'rooftop-solar' },
      { faq: 'rooftop-solar' },
      { content: '建築物屋頂設置太陽光電設施免請領雜項執照說明' },
    ],
  },
  { question: '家門口的路有坑洞', expected: [{ service: 'pothole-report' }, { faq: 'pothole' }] },
  {
    question: '騎樓不平',
    expected: [
      { service: 'sidewalk-arcade-damage' },
      { faq: 'arcade' },
      { content: '騎樓及人行道整平計畫受理登記公告' },
    ],
  },
  { question: '公園溜滑梯壞了', expected: [{ service: 'park-facility-damage' }, { faq: 'park-playground' }] },
  {
    question: '蓋房子要什麼執照',
    expected: [
      { faq: 'building-permit' },
      { content: '建造執照申請書' },
      { service: 'building-construction-start' },
    ],
  },
  { question: '路燈一直閃', expected: [{ service: 'street-light-repair' }, { faq: 'street-light-out' }] },
  { question: '人行道磚塊翹起來', expected: [{ service: 'sidewalk-arcade-damage' }, { faq: 'sidewalk' }] },
  { question: '樹枝擋到紅綠燈', expected: [{ service: 'street-tree-pruning' }, { faq: 'tree-pruning' }] },
  { question: '颱風過後樹倒在路上', expected: [{ faq: 'tree-fallen' }, { service: 'street-tree-pruning' }] },
  { question: '水溝蓋壞了', expected: [{ faq: 'drain' }, { service: 'public-works-other' }] },
  { question: '下雨馬路就淹水', expected: [{ faq: 'flooding' }] },
  {
    question: '鄰居在頂樓加蓋',
    expected: [{ service: 'illegal-building-report' }, { faq: 'illegal-report' }],
  },
  { question: '檢舉違建會不會被知道是我', expected: [{ faq: 'illegal-privacy' }] },
  { question: '房子蓋好之後要辦什麼', expected: [{ faq: 'use-permit' }, { content: '使用執照申請書' }] },
  { question: '裝潢要不要申請', expected: [{ faq: 'interior-renovation' }] },
  { question: '住家想改成店面要辦什麼', expected: [{ faq: 'change-use' }] },
  { question: '怎麼查案件進度', expected: [{ faq: 'case-tracking' }, { page: '/track' }] },
  {
    question: '晚上路燈桿快倒了要打給誰',
    expected: [{ faq: 'street-light-danger' }, { faq: 'after-hours' }, { service: 'street-light-repair' }],
  },
  { question: '巷子太暗想多裝一盞路燈', expected: [{ faq: 'street-light-new' }] },
  { question: '公司想認養公園', expected: [{ service: 'park-adoption' }, { faq: 'park-adoption' }] },
  { question: '隔壁空地雜草很多', expected: [{ faq: 'vacant-lot' }, { service: 'vacant-lot-greening' }] },
  {
    question: '空地綠化可以減稅嗎',
    expected: [{ faq: 'vacant-lot-tax' }, { service: 'vacant-lot-greening' }],
  },
  {
    question: '拿到建照什麼時候可以開工',
    expected: [{ faq: 'construction-start' }, { service: 'building-construction-start' }],
  },
  {
    question: '施工勘驗什麼時候要申報',
    expected: [{ service: 'construction-inspection-filing' }, { faq: 'inspection' }],
  },
  {
    question: '接水管要挖路怎麼辦',
    expected: [
      { faq: 'road-excavation-apply' },
      { service: 'road-excavation-permit' },
      { service: 'utility-pipeline-works' },
    ],
  },
  {
    question: '道路挖掘許可要等多久',
    expected: [{ faq: 'road-excavation-time' }, { service: 'road-excavation-permit' }],
  },
  {
    question: '路上有人在挖路是誰在施工',
    expected: [{ faq: 'road-excavation-who' }, { content: '中正一路道路挖掘施工交通管制公告' }],
  },
  { question: '坑洞報修多久會來補', expected: [{ faq: 'pothole-time' }, { service: 'pothole-report' }] },
  { question: '人孔蓋不平車子壓過很吵', expected: [{ faq: 'manhole' }, { service: 'pothole-report' }] },
  {
    question: '同一條路一直修不好',
    expected: [{ faq: 'road-petition' }, { service: 'road-maintenance-petition' }],
  },
  { question: '公園廁所很髒', expected: [{ faq: 'park-toilet' }] },
  { question: '社區小公園歸誰管', expected: [{ faq: 'park-small' }] },
  { question: '在公園辦活動要申請嗎', expected: [{ faq: 'park-events' }] },
  { question: '防火巷被鄰居占用', expected: [{ faq: 'fire-lane' }, { service: 'illegal-building-report' }] },
  { question: '舊的違建可以修理嗎', expected: [{ faq: 'illegal-repair' }] },
  {
    question: '什麼是高雄厝',
    expected: [
      { faq: 'kaohsiung-house' },
      { content: '高雄厝設計手冊（示範）' },
      { content: '高雄厝推動成果 新建案綠化屋頂與遮陽設計再創新高' },
    ],
  },
  {
    question: '大樓公安申報期限',
    expected: [{ faq: 'safety-inspection' }, { content: '115 年度建築物公共安全檢查申報提醒' }],
  },
  { question: '想查我家房子的使用執照', expected: [{ faq: 'building-records' }] },
  { question: '樹根把人行道頂起來', expected: [{ faq: 'tree-roots' }] },
  { question: '道路挖掘申請書下載', expected: [{ content: '道路挖掘許可申請書' }] },
  { question: '路燈換成LED', expected: [{ content: '全市路燈汰換 LED 完成 年省電費四成' }] },
  { question: '不知道要找哪個單位', expected: [{ faq: 'other-problem' }, { service: 'public-works-other' }] },
  { question: '工務局今年的預算', expected: [{ content: '工務局 115 年度單位預算' }] },
  { question: '過年期間可以挖馬路嗎', expected: [{ content: '春節期間暫停道路挖掘施工公告' }] },
];
