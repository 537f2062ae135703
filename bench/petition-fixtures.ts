/**
 * Word lists for the petitions generator (bench/generate-petitions.ts): the petition types a public works
 * bureau receives, with their units, shares, deadlines and how long they take; and the pieces petitions are
 * written from — openings, the matter of each type, how long it has lasted, what it causes, what is asked —
 * so that texts vary the way citizens' letters do (common pairs such as 路燈 or 處理 in most, a street and a
 * house number in few). Everything is invented.
 */
import type { Random } from './case-fixtures.ts';

export interface BenchPetitionType {
  code: string;
  nameZh: string;
  nameEn: string;
  unitCode: string;
  /** Share of petitions (any scale). */
  weight: number;
  /** The answer's deadline, working days from receipt. */
  deadlineDays: number;
  /** Median handling time, calendar days (log-normal around it). */
  medianDays: number;
  isConfidential?: boolean;
  /** Share of its petitions that name a place (a road, a park). */
  placeShare: number;
  /** More in the typhoon months (June–September). */
  isSeasonal?: boolean;
  things: readonly string[];
  problems: readonly string[];
}

/** The three demo types (the catalogue's) and nine more, each a service of kind petition. */
export const benchPetitionTypes: readonly BenchPetitionType[] = [
  {
    code: 'director-mailbox',
    nameZh: '局長信箱陳情',
    nameEn: 'Petition to the Director General',
    unitCode: 'secretariat',
    weight: 16,
    deadlineDays: 6,
    medianDays: 4,
    placeShare: 0.3,
    things: ['本局的施工', '工程品質', '承辦人員的態度', '申辦流程', '網站資訊', '市容景觀', '交通動線'],
    problems: ['令人失望', '需要改進', '說明不清楚', '一再拖延', '浪費公帑', '沒有人回應'],
  },
  {
    code: 'road-maintenance-petition',
    nameZh: '道路坑洞及路面修補陳情',
    nameEn: 'Potholes and road surface',
    unitCode: 'road-maintenance',
    weight: 20,
    deadlineDays: 6,
    medianDays: 3,
    placeShare: 0.95,
    isSeasonal: true,
    things: ['路面', '柏油', '人孔蓋', '路口', '慢車道', '機車道', '水溝蓋'],
    problems: ['有一個大坑洞', '凹凸不平', '柏油剝落', '下陷', '龜裂嚴重', '補了又破', '高低落差很大'],
  },
  {
    code: 'illegal-building-report',
    nameZh: '違章建築查報（檢舉）',
    nameEn: 'Illegal building report',
    unitCode: 'illegal-building',
    weight: 7,
    deadlineDays: 15,
    medianDays: 12,
    isConfidential: true,
    placeShare: 1,
    things: ['頂樓加蓋', '鐵皮屋', '騎樓增建', '防火巷', '陽台外推', '空地搭建的棚架'],
    problems: ['正在施工', '佔用公共空間', '擋住逃生通道', '影響鄰居安全', '噪音很大', '越蓋越高'],
  },
  {
    code: 'petition-street-light',
    nameZh: '路燈故障及照明陳情',
    nameEn: 'Street lights',
    unitCode: 'maintenance',
    weight: 13,
    deadlineDays: 6,
    medianDays: 2,
    placeShare: 0.95,
    things: ['路燈', '公園的燈', '巷口的路燈', '地下道照明', 'LED燈', '人行道的燈'],
    problems: ['不亮', '一閃一閃', '白天也亮著', '燈罩破掉', '太暗看不清楚', '整排都壞了'],
  },
  {
    code: 'petition-drainage',
    nameZh: '側溝排水及積水陳情',
    nameEn: 'Drains and flooding',
    unitCode: 'new-works',
    weight: 10,
    deadlineDays: 10,
    medianDays: 6,
    placeShare: 0.9,
    isSeasonal: true,
    things: ['側溝', '排水溝', '水溝', '路面排水', '地下室', '涵洞'],
    problems: ['堵塞發臭', '積水不退', '淹到門口', '孳生蚊蟲', '蓋板破損', '雨一下就滿出來'],
  },
  {
    code: 'petition-sidewalk',
    nameZh: '人行道及騎樓通行陳情',
    nameEn: 'Sidewalks and arcades',
    unitCode: 'new-works',
    weight: 8,
    deadlineDays: 10,
    medianDays: 7,
    placeShare: 0.9,
    things: ['人行道', '騎樓', '無障礙坡道', '地磚', '導盲磚', '行人穿越道'],
    problems: ['高低不平', '地磚鬆動', '被機車佔用', '輪椅過不去', '太窄', '破損絆倒人'],
  },
  {
    code: 'petition-park',
    nameZh: '公園綠地及遊具陳情',
    nameEn: 'Parks and playgrounds',
    unitCode: 'parks',
    weight: 8,
    deadlineDays: 10,
    medianDays: 5,
    placeShare: 0.85,
    things: ['公園', '溜滑梯', '涼亭', '草皮', '公廁', '運動器材', '步道'],
    problems: ['壞掉了', '很髒', '雜草太高', '有人長期佔用', '沒有人維護', '晚上很暗'],
  },
  {
    code: 'petition-street-tree',
    nameZh: '行道樹修剪陳情',
    nameEn: 'Street trees',
    unitCode: 'parks',
    weight: 5,
    deadlineDays: 10,
    medianDays: 8,
    placeShare: 0.95,
    isSeasonal: true,
    things: ['行道樹', '樹枝', '樹根', '分隔島的樹', '榕樹'],
    problems: ['擋住路燈', '快要倒了', '把人行道撐破', '落葉太多', '擋住號誌', '颱風後斷掉'],
  },
  {
    code: 'petition-road-works',
    nameZh: '道路挖掘施工擾民陳情',
    nameEn: 'Road works',
    unitCode: 'road-maintenance',
    weight: 6,
    deadlineDays: 6,
    medianDays: 4,
    placeShare: 0.95,
    things: ['道路挖掘', '管線工程', '夜間施工', '施工圍籬', '鋼板'],
    problems: ['噪音太大', '沒有交通管制', '拖很久都沒完工', '回填不平', '揚塵嚴重', '佔用車道'],
  },
  {
    code: 'petition-building-safety',
    nameZh: '建築物公共安全陳情',
    nameEn: 'Building safety',
    unitCode: 'building',
    weight: 3,
    deadlineDays: 15,
    medianDays: 10,
    placeShare: 0.9,
    things: ['老舊公寓', '招牌', '外牆磁磚', '電梯', '逃生梯'],
    problems: ['掉落', '搖搖欲墜', '沒有定期檢查', '堆滿雜物', '鏽蝕嚴重'],
  },
  {
    code: 'petition-building-permit',
    nameZh: '建築執照及使用執照陳情',
    nameEn: 'Building permits',
    unitCode: 'building',
    weight: 2,
    deadlineDays: 15,
    medianDays: 9,
    placeShare: 0.5,
    things: ['建照申請', '使照審查', '變更設計', '室內裝修許可'],
    problems: ['等太久', '一再補件', '審查標準不一', '進度查不到'],
  },
  {
    code: 'petition-planning',
    nameZh: '工程規劃建議',
    nameEn: 'Suggestions on planned works',
    unitCode: 'planning',
    weight: 2,
    deadlineDays: 15,
    medianDays: 10,
    placeShare: 0.6,
    things: ['自行車道', '停車場', '景觀工程', '滯洪池', '道路拓寬'],
    problems: ['規劃不當', '應該優先施作', '沒有徵詢居民', '經費使用不透明'],
  },
];

/** Road names as Kaohsiung's districts have them (each district its own; a place key holds the district). */
const roadStems = [
  ...'中正 中山 民族 民權 自由 建國 九如 博愛 青年 四維 五福 成功 中華 光華 大順 文化 和平 復興 民生 明誠 光復 忠孝 仁愛 信義'.split(
    ' ',
  ),
  ...'德賢 鼎山 大昌 河堤 十全 七賢 六合 新田 林森 三多 英明 武營 輔仁 福誠 鳳仁 澄清 海光 沿海 宏平 崇德 華夏 重愛'.split(
    ' ',
  ),
  ...'龍德 後昌 德民 旗楠 介壽 中崎 國泰 光遠 維新 鎮興 中庄 山明 保安 正義 過埤 新富 文衡 北昌 南京 平和 大業 明仁'.split(
    ' ',
  ),
];
const roadSuffixes = ['路', '一路', '二路', '三路', '街', '東路', '西路', '南路', '北路'];

/**
 * An address as people write it: a road of the district, a house number, on two in five a lane (巷) first —
 * about 600 roads a district and so millions of addresses, so that two petitions share one mostly because
 * they are about the same place.
 */
export function addressIn(random: Random, district: string): { road: string; address: string } {
  const road = `${random.pick(roadStems)}${random.pick(roadSuffixes)}`;
  const lane = random.chance(0.4) ? `${random.int(1, 300)}巷` : '';
  return { road, address: `${district}${road}${lane}${random.int(1, lane === '' ? 600 : 80)}號` };
}

/** Channels with their shares. */
export const sourceWeights: readonly (readonly [string, number])[] = [
  ['hotline_1999', 35],
  ['director_mailbox', 28],
  ['email', 12],
  ['letter', 10],
  ['suggestion_box', 9],
  ['oral', 6],
];

const openings = [
  '您好，',
  '局長您好，',
  '敬啟者：',
  '',
  '',
  '我是附近的居民，',
  '本人住在{district}，',
  '里長請我反映，',
  '不好意思打擾，',
];
const durations = [
  '已經一個多月了',
  '從上週開始',
  '最近這幾天',
  '反映過好幾次都沒有改善',
  '每次下雨都這樣',
  '持續半年以上',
  '{month}月{day}日發現的',
  '',
];
const impacts = [
  '機車騎士經過很危險',
  '晚上行人看不清楚',
  '老人家差點跌倒',
  '小孩上下學很危險',
  '造成交通堵塞',
  '影響附近店家生意',
  '住戶都很困擾',
  '已經有人受傷',
  '',
];
const requests = [
  '請盡快派人處理',
  '希望貴局能重視',
  '請派員現場會勘',
  '懇請儘速改善',
  '請回覆處理結果',
  '請告知何時可以修好',
  '謝謝',
  '麻煩了，謝謝',
];
const landmarks = [
  '捷運站出口',
  '國小門口',
  '市場旁邊',
  '便利商店前面',
  '公車站牌',
  '十字路口',
  '加油站對面',
  '廟口',
  '活動中心',
  '醫院附近',
  '停車場入口',
  '社區大門',
  '郵局旁',
  '菜市場後面',
];
const moments = [
  '每天早上上班時間',
  '晚上七點以後',
  '假日的時候',
  '下雨天',
  '颱風過後',
  '清晨五六點',
  '中午',
];
const details = [
  '大約有一公尺寬',
  '深度大概十公分',
  '已經用三角錐圍起來',
  '旁邊還有碎石',
  '鄰居也都看到了',
  '我有拍照存證',
  '附上照片供參考',
  '里辦公室也知道這件事',
  '路過的人都會繞道',
  '附近的店家也很困擾',
];
const histories = [
  '之前打過1999',
  '去年也發生過一樣的情況',
  '上次修完不到一個月又壞了',
  '已經向里長反映過',
  '網路社團也有很多人在討論',
  '寫過局長信箱但是沒有下文',
];
const closings = [
  '如有需要可以打電話聯絡我',
  '希望能給我一個明確的答覆',
  '感謝各位的辛勞',
  '期待貴局的回覆',
  '敬祝 平安',
];
const englishSentences = [
  'The {thing} on {street} is broken and nobody has fixed it.',
  'Please send someone to look at the problem near number {number}.',
  'It has been like this for weeks and it is dangerous at night.',
  'I would appreciate a reply about when it will be repaired.',
];

function fill(template: string, random: Random, facts: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    if (name in facts) return facts[name] ?? '';
    if (name === 'month') return String(random.int(1, 12));
    if (name === 'day') return String(random.int(1, 28));
    if (name === 'number') return String(random.int(1, 400));
    return '';
  });
}

/** A petition's subject and text, in the citizen's words. */
export function petitionWords(
  random: Random,
  type: BenchPetitionType,
  facts: { district: string; place: string | null; street: string },
  isEnglish: boolean,
): { subject: string; text: string } {
  const thing = random.pick(type.things);
  const problem = random.pick(type.problems);
  if (isEnglish) {
    const text = Array.from({ length: random.int(2, 4) }, () =>
      fill(random.pick(englishSentences), random, { thing: 'street light', street: facts.street }),
    ).join(' ');
    return { subject: `${type.nameEn}: ${facts.street}`, text };
  }
  const where = facts.place ?? facts.district;
  const parts = [
    fill(random.pick(openings), random, { district: facts.district }),
    random.chance(0.6) ? `在${facts.street}${random.pick(landmarks)}附近，` : '',
    `${where}的${thing}${problem}`,
    random.chance(0.7) ? `，${fill(random.pick(durations), random, {})}` : '',
    random.chance(0.4) ? `，尤其是${random.pick(moments)}` : '',
    random.chance(0.5) ? `，${random.pick(details)}` : '',
    random.chance(0.6) ? `，${random.pick(impacts)}` : '',
    random.chance(0.4) ? `。${random.pick(histories)}` : '',
    random.chance(0.3) ? `，另外附近的${random.pick(type.things)}也${random.pick(type.problems)}` : '',
    `。${random.pick(requests)}。`,
    random.chance(0.5) ? `${random.pick(closings)}。` : '',
  ];
  const written = parts.join('').replace(/，，+/g, '，').replace(/，。/g, '。').replace(/。，/g, '。');
  // One in six is a longer letter: a second matter, or the same one told again in more detail.
  const text = random.chance(0.16)
    ? `${written}${petitionWords(random, type, { ...facts, place: null }, false).text}`
    : written;
  return { subject: `${where}${thing}${problem}`.slice(0, 40), text };
}

/** A repeat of an earlier petition: the same matter written again, a little differently. */
export function repeatWords(random: Random, earlier: string): string {
  const lead = random.pick(['再次陳情，', '之前已經反映過，', '第二次反映：', '上次回覆說會處理，但是', '']);
  const tail = random.pick(['到現在還是沒有改善。', '請不要再敷衍。', '希望這次能真正解決。', '']);
  return `${lead}${earlier}${tail}`;
}
