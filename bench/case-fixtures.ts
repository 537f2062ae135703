/**
 * Word lists and weights for the case generator (bench/generate-cases.ts). Everything here is invented:
 * names from common surnames and given-name characters, phone numbers in the 09xx mobile range, e-mail
 * addresses at the reserved example.* domains (nothing can ever be sent to them), streets that exist in
 * most Kaohsiung districts. No real person's data.
 */

/** A seeded PRNG (sfc32): the same seed gives the same database, so two runs are comparable. */
export function createRandom(seed: number) {
  let a = 0x9e3779b9 ^ seed;
  let b = 0x243f6a88 ^ (seed * 31);
  let c = 0xb7e15162;
  let d = seed | 0;
  const next = (): number => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let index = 0; index < 20; index += 1) next();
  const uint32 = () => Math.floor(next() * 4294967296) >>> 0;
  const hex8 = () => uint32().toString(16).padStart(8, '0');
  return {
    next,
    /** An integer in [low, high]. */
    int: (low: number, high: number) => low + Math.floor(next() * (high - low + 1)),
    between: (low: number, high: number) => low + next() * (high - low),
    chance: (probability: number) => next() < probability,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    /** Exponentially distributed with this mean. */
    exponential: (mean: number) => -Math.log(1 - next()) * mean,
    /** A version 4 UUID (random bits from this generator, so reproducible). */
    uuid: () => {
      const x = hex8();
      const y = hex8();
      const z = hex8();
      const w = hex8();
      const variant = ((Number.parseInt(y[4] ?? '0', 16) & 0x3) | 0x8).toString(16);
      return `${x}-${y.slice(0, 4)}-4${y.slice(5, 8)}-${variant}${z.slice(1, 4)}-${z.slice(4)}${w}`;
    },
  };
}
export type Random = ReturnType<typeof createRandom>;

/** Picks from weighted items in O(log n). */
export function weightedPicker<T>(items: readonly (readonly [T, number])[]): (random: Random) => T {
  const cumulative: number[] = [];
  let total = 0;
  for (const [, weight] of items) {
    total += weight;
    cumulative.push(total);
  }
  return (random) => {
    const target = random.next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] ?? 0) > target) high = middle;
      else low = middle + 1;
    }
    return (items[low] as readonly [T, number])[0];
  };
}

/** Common Taiwanese surnames with rough shares (per mille). */
export const surnames: readonly (readonly [string, number])[] = [
  ['陳', 112],
  ['林', 83],
  ['黃', 60],
  ['張', 53],
  ['李', 51],
  ['王', 41],
  ['吳', 40],
  ['劉', 32],
  ['蔡', 29],
  ['楊', 26],
  ['許', 23],
  ['鄭', 19],
  ['謝', 18],
  ['郭', 17],
  ['洪', 16],
  ['曾', 15],
  ['邱', 15],
  ['廖', 15],
  ['賴', 14],
  ['周', 14],
  ['徐', 13],
  ['蘇', 13],
  ['葉', 12],
  ['莊', 12],
  ['呂', 11],
  ['江', 10],
  ['何', 10],
  ['蕭', 10],
  ['羅', 9],
  ['高', 9],
  ['潘', 8],
  ['簡', 8],
  ['朱', 8],
  ['鍾', 8],
  ['彭', 7],
  ['游', 7],
  ['詹', 7],
  ['胡', 7],
  ['施', 6],
  ['沈', 6],
  ['余', 6],
  ['盧', 6],
  ['梁', 5],
  ['趙', 5],
  ['顏', 5],
  ['柯', 5],
  ['翁', 5],
  ['魏', 4],
  ['孫', 4],
  ['戴', 4],
];

export const givenNameCharacters = [
  ...'志明俊傑建宏家豪冠宇承翰宗翰彥廷柏翰信宏文彬嘉偉子豪哲瑋宇軒品睿育誠',
  ...'淑芬雅婷怡君美玲惠如佳穎欣怡婉婷詩涵郁婷宜蓁靜怡雅雯玉華秀英麗華淑惠',
  ...'國華正雄金龍世昌榮輝德明春花月娥秀琴麗珠美惠玉梅',
];

export const companyWords = [
  '永',
  '新',
  '大',
  '宏',
  '建',
  '國',
  '正',
  '台',
  '興',
  '隆',
  '合',
  '欣',
  '聯',
  '泰',
  '富',
];
export const companyKinds = [
  '營造有限公司',
  '營造股份有限公司',
  '工程有限公司',
  '建設股份有限公司',
  '電機技師事務所',
  '能源科技股份有限公司',
  '水電工程行',
  '社區管理委員會',
];

export const streets = [
  '中正一路',
  '中正二路',
  '中正三路',
  '中山一路',
  '中山二路',
  '民族一路',
  '民權二路',
  '自由一路',
  '建國二路',
  '九如一路',
  '博愛二路',
  '青年一路',
  '四維三路',
  '五福一路',
  '成功二路',
  '中華五路',
  '光華一路',
  '大順三路',
  '鳳山區中山西路',
  '文化路',
  '和平一路',
  '復興二路',
  '民生一路',
  '明誠二路',
];

/** Population weights for Kaohsiung's districts (rough); unlisted districts weigh 1. */
export const districtWeights: Readonly<Record<string, number>> = {
  鳳山區: 35,
  三民區: 33,
  左營區: 20,
  前鎮區: 18,
  楠梓區: 19,
  苓雅區: 16,
  小港區: 15,
  鼓山區: 14,
  岡山區: 10,
  大寮區: 11,
  仁武區: 9,
  新興區: 5,
  前金區: 3,
  鹽埕區: 2,
  旗津區: 3,
  鳥松區: 5,
  大社區: 3,
  林園區: 7,
  路竹區: 5,
  橋頭區: 4,
  梓官區: 4,
  燕巢區: 3,
  湖內區: 3,
  美濃區: 4,
  旗山區: 4,
  茄萣區: 3,
  阿蓮區: 3,
  大樹區: 4,
  永安區: 1.5,
  彌陀區: 2,
  田寮區: 0.7,
  六龜區: 1,
  內門區: 1,
  杉林區: 1,
  甲仙區: 0.6,
  桃源區: 0.4,
  那瑪夏區: 0.3,
  茂林區: 0.2,
};

/** How many requests each demo service gets, relative to the others (field reports lead); others weigh 3. */
export const serviceWeights: Readonly<Record<string, number>> = {
  'street-light-repair': 16,
  'pothole-report': 14,
  'sidewalk-arcade-damage': 10,
  'road-maintenance-petition': 4,
  'road-excavation-permit': 9,
  'street-tree-pruning': 8,
  'illegal-building-report': 8,
  'construction-inspection-filing': 8,
  'park-facility-damage': 7,
  'utility-pipeline-works': 7,
  'building-construction-start': 5,
  'rooftop-solar': 3,
  'vacant-lot-greening': 1,
  'park-adoption': 1,
};

/** Channels by kind of request. */
export const channelsByKind: Readonly<Record<string, readonly (readonly [string, number])[]>> = {
  field_report: [
    ['hotline_1999', 45],
    ['web', 25],
    ['phone', 15],
    ['counter', 5],
    ['email', 5],
    ['api', 5],
  ],
  application: [
    ['counter', 55],
    ['web', 30],
    ['api', 10],
    ['email', 5],
  ],
  petition: [
    ['web', 35],
    ['hotline_1999', 25],
    ['email', 20],
    ['counter', 10],
    ['phone', 10],
  ],
  inquiry: [
    ['phone', 35],
    ['hotline_1999', 25],
    ['web', 25],
    ['email', 15],
  ],
};

export const emailDomains = ['example.com', 'example.net', 'example.org'];

export const descriptionsByService: Readonly<Record<string, readonly string[]>> = {
  'street-light-repair': [
    '路燈夜間不亮，附近很暗。',
    '路燈閃爍不停。',
    '路燈白天也亮著。',
    '燈桿傾斜，燈罩破損。',
  ],
  'pothole-report': [
    '路面坑洞約 30 公分，機車經過危險。',
    '人孔蓋周邊下陷。',
    '下雨後出現大坑洞，已有機車滑倒。',
  ],
  'sidewalk-arcade-damage': ['人行道地磚鬆動，長者差點跌倒。', '騎樓地面高低不平。', '人行道破損積水。'],
  'road-maintenance-petition': [
    '整段人行道高低不平，希望全面整修。',
    '騎樓高低落差大，建議推動騎樓整平。',
    '道路修補後又反覆損壞，請研議改善。',
  ],
  'street-tree-pruning': ['行道樹枝葉遮住路燈與號誌。', '颱風後樹枝斷裂懸掛。', '樹根隆起造成人行道不平。'],
  'park-facility-damage': [
    '公園溜滑梯破裂，孩童可能受傷。',
    '涼亭屋頂漏水。',
    '公園座椅損壞。',
    '步道照明故障。',
  ],
  'illegal-building-report': ['頂樓新增鐵皮加蓋。', '騎樓違規增建，影響通行。', '後院擴建未見建照。'],
  'road-excavation-permit': ['自來水管線汰換，申請道路挖掘。', '電信管線施工，申請挖掘許可。'],
  'utility-pipeline-works': ['瓦斯管線埋設工程申請。', '電力管線地下化工程。'],
  'construction-inspection-filing': ['申報基礎施工勘驗。', '申報一樓版施工勘驗。', '申報屋頂版施工勘驗。'],
  'building-construction-start': ['新建集合住宅申報開工。', '透天住宅新建工程申報開工。'],
  'rooftop-solar': ['屋頂設置太陽光電設施，容量約 20 kW。', '社區屋頂設置太陽光電。'],
  'vacant-lot-greening': ['閒置空地申請綠美化。'],
  'park-adoption': ['社區申請認養鄰近公園。'],
};

export const resolutions = [
  '已派員現場處理完成，謝謝您的通報。',
  '經查已依規定辦理完竣。',
  '已完成修復，並將持續巡查。',
  '已核准，許可文件請至本局領取或線上下載。',
  '經查屬實，已依法查處並通知所有權人。',
  '已排入養護工程，近日內施作。',
];

export const supplementReasons = [
  '請補附現場照片。',
  '請補附土地使用同意書。',
  '請補附技師簽證文件。',
  '請補正申請書簽章。',
  '請補附施工計畫書。',
];

export const rejectReasons = [
  '非屬本局權責，且資料不足無法受理。',
  '逾期未補正，依規定不予受理。',
  '重複申請，已有相同案件辦理中。',
  '申請資格不符。',
];

export const agencies = [
  '高雄市政府水利局',
  '高雄市政府環境保護局',
  '台灣電力公司高雄區營業處',
  '中華電信高雄營運處',
  '高雄市政府交通局',
  '台灣自來水公司第七區管理處',
];

export const extensionReasons = [
  '須會同其他機關現場會勘，申請展延。',
  '材料調度中，申請展延。',
  '案情複雜須調閱圖說，申請展延。',
];
