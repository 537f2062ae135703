/**
 * 服務分類 (service classification), the top level of the three classification schemes required by
 * 行政機關電子資料流通詮釋資料及分類檢索規範; every published page carries one or more of these codes
 * in its `Category.Service` metadata. The 18 codes and Chinese names are the official ones; the English
 * names are this platform's translations (no official English list was found).
 */

export interface Classification {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string | null;
  /** Null for a top-level class. */
  readonly parentCode: string | null;
}

export interface ServiceClassification extends Classification {
  readonly nameEn: string;
}

function topLevel(code: string, nameZh: string, nameEn: string): ServiceClassification {
  return { code, nameZh, nameEn, parentCode: null };
}

export const SERVICE_CLASSIFICATIONS: readonly ServiceClassification[] = [
  topLevel('100', '生育保健', 'Pregnancy and Maternal Health'),
  topLevel('200', '出生及收養', 'Birth and Adoption'),
  topLevel('300', '求學及進修', 'Education and Further Study'),
  topLevel('400', '服兵役', 'Military Service'),
  topLevel('500', '求職及就業', 'Job Seeking and Employment'),
  topLevel('600', '開創事業', 'Starting a Business'),
  topLevel('700', '婚姻', 'Marriage'),
  topLevel('800', '投資理財', 'Investment and Personal Finance'),
  topLevel('900', '休閒旅遊', 'Leisure and Travel'),
  topLevel('A00', '交通及通訊', 'Transport and Communications'),
  topLevel('B00', '就醫', 'Medical Care'),
  topLevel('C00', '購屋及遷徙', 'Buying a Home and Moving'),
  topLevel('D00', '選舉及投票', 'Elections and Voting'),
  topLevel('E00', '生活安全及品質', 'Safety and Quality of Life'),
  topLevel('F00', '退休', 'Retirement'),
  topLevel('G00', '老年安養', 'Care in Old Age'),
  topLevel('H00', '生命禮儀', 'Funerals and Memorials'),
  topLevel('I00', '公共資訊', 'Public Information'),
];

/**
 * Where public works content mostly belongs (roads, building permits, safety, notices), offered first
 * when an editor classifies a page.
 */
export const PUBLIC_WORKS_SERVICE_CODES: readonly string[] = ['A00', 'C00', 'E00', 'I00'];
