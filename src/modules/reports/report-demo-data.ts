/**
 * The demo photo reports a fresh `npm start` shows (report-demo-seed.ts sends them through the real intake
 * and workflow): which category, where, what the reporter wrote, and how far each got. A pure table and the
 * rule that spreads it over the last five weeks; no database here, so a unit test may read it.
 */

/** The states a demo report ends in, as the field-report workflow names them. */
export const demoReportStates = ['received', 'dispatched', 'fixed', 'closed', 'reopened'] as const;
export type DemoReportState = (typeof demoReportStates)[number];

interface DemoPlace {
  district: string;
  street: string;
  lat: number;
  lon: number;
}

/** Points on real streets of eleven districts (each checked by the seed's test to lie in its district). */
export const demoPlaces: readonly DemoPlace[] = [
  { district: '苓雅區', street: '四維三路', lat: 22.6209, lon: 120.312 },
  { district: '新興區', street: '中正三路', lat: 22.6305, lon: 120.303 },
  { district: '前金區', street: '中華三路', lat: 22.6275, lon: 120.2945 },
  { district: '鹽埕區', street: '大勇路', lat: 22.625, lon: 120.2855 },
  { district: '鼓山區', street: '美術館路', lat: 22.656, lon: 120.286 },
  { district: '三民區', street: '建工路', lat: 22.648, lon: 120.31 },
  { district: '左營區', street: '博愛二路', lat: 22.6775, lon: 120.303 },
  { district: '楠梓區', street: '德民路', lat: 22.727, lon: 120.308 },
  { district: '前鎮區', street: '中華五路', lat: 22.596, lon: 120.317 },
  { district: '鳳山區', street: '光遠路', lat: 22.627, lon: 120.358 },
  { district: '小港區', street: '小港路', lat: 22.566, lon: 120.346 },
];

interface DemoCategory {
  serviceCode: string;
  /** The photo's colour and label (plain generated images: no binary files in git). */
  colour: string;
  label: string;
  /** What the reporter wrote, with `{street}`; answers to the category's own questions. */
  descriptions: readonly string[];
  formData: readonly Record<string, string>[];
  /** The crew's note when it is fixed. */
  resolution: string;
}

export const demoCategories: readonly DemoCategory[] = [
  {
    serviceCode: 'pothole-report',
    colour: '#5b4636',
    label: 'Pothole',
    descriptions: [
      '{street}機車道上有坑洞，下雨後積水看不清楚。',
      '{street}路口人孔蓋下陷，車輛經過很大聲。',
    ],
    formData: [{ size: 'medium' }, { size: 'small' }, { size: 'large' }],
    resolution: '已以冷料填補並壓實，後續排定刨鋪。',
  },
  {
    serviceCode: 'street-light-repair',
    colour: '#1d3b6f',
    label: 'Street light',
    descriptions: ['{street}人行道旁的路燈整晚不亮。', '{street}的路燈一直閃爍。'],
    formData: [{ problem: 'out' }, { problem: 'flickering' }],
    resolution: '已更換燈具，晚間測試正常。',
  },
  {
    serviceCode: 'street-tree-pruning',
    colour: '#2f6b3a',
    label: 'Street tree',
    descriptions: ['{street}行道樹枝葉遮住紅綠燈。', '{street}樹枝垂到人行道，行人要低頭通過。'],
    formData: [{ problem: 'blocks-signal' }, { problem: 'blocks-way' }],
    resolution: '已修剪遮蔽的枝葉並清運。',
  },
  {
    serviceCode: 'park-facility-damage',
    colour: '#8a5a00',
    label: 'Park',
    descriptions: ['{street}附近公園的座椅木條斷裂。', '{street}附近公園的溜滑梯護欄鬆動。'],
    formData: [
      { 'park-name': '鄰里公園', facility: 'bench' },
      { 'park-name': '兒童公園', facility: 'play-equipment' },
    ],
    resolution: '已更換損壞的構件並檢查同區設施。',
  },
  {
    serviceCode: 'sidewalk-arcade-damage',
    colour: '#6b6b6b',
    label: 'Sidewalk',
    descriptions: ['{street}人行道地磚翹起，容易絆倒。', '{street}騎樓地面破損凹陷。'],
    formData: [{ 'place-kind': 'sidewalk' }, { 'place-kind': 'arcade' }],
    resolution: '已重新鋪設破損的地磚。',
  },
];

/** How many of each state: closed most, a handful at every step, one reopened ("not fixed"). */
const stateCounts: Readonly<Record<DemoReportState, number>> = {
  closed: 14,
  fixed: 10,
  dispatched: 8,
  received: 7,
  reopened: 1,
};

export interface DemoReport {
  /** 1, 2, 3 … : in the photo's label, and what makes each photo's bytes its own. */
  number: number;
  serviceCode: string;
  state: DemoReportState;
  lat: number;
  lon: number;
  description: string;
  formData: Record<string, string>;
  resolution: string;
  colour: string;
  label: string;
  /** When it came in, before `now`: the older the further it got. */
  receivedAt: Date;
}

const hour = 3_600_000;
const day = 24 * hour;

/** Days before now a report in this state came in: late enough for its steps to have happened since. */
function daysAgoOf(state: DemoReportState, index: number): number {
  switch (state) {
    case 'closed':
      return 8 + ((index * 5) % 28); // fixed a day later, closed two days after that
    case 'fixed':
      return 2 + (index % 5); // fixed a day after: still within the "not fixed" days
    case 'reopened':
      return 4; // fixed three days ago, "not fixed" the day after
    case 'dispatched':
      return 1 + (index % 4);
    case 'received':
      return index % 3;
  }
}

/**
 * The demo reports, the same every time: places and categories taken in turn (with a step of a hundred
 * metres or so, so that no two share a point), states in the proportions above.
 */
export function demoReports(now: Date): DemoReport[] {
  const states = demoReportStates.flatMap((state) => Array<DemoReportState>(stateCounts[state]).fill(state));
  return states.map((state, index) => {
    const place = demoPlaces[index % demoPlaces.length] as DemoPlace;
    const category = demoCategories[index % demoCategories.length] as DemoCategory;
    const step = 0.0007;
    const description = category.descriptions[index % category.descriptions.length] as string;
    return {
      number: index + 1,
      serviceCode: category.serviceCode,
      state,
      lat: Number((place.lat + (((index * 7) % 5) - 2) * step).toFixed(6)),
      lon: Number((place.lon + (((index * 3) % 5) - 2) * step).toFixed(6)),
      description: description.replace('{street}', place.street),
      formData: { ...(category.formData[index % category.formData.length] as Record<string, string>) },
      resolution: category.resolution,
      colour: category.colour,
      label: category.label,
      receivedAt: new Date(now.getTime() - daysAgoOf(state, index) * day - (1 + (index % 9)) * hour),
    };
  });
}

/** When each later step happened, counted from the report's arrival (all before `now` by daysAgoOf). */
export const demoStepAfter = {
  dispatch: 3 * hour,
  fix: day + 2 * hour,
  close: 3 * day + 2 * hour,
  reopen: 2 * day + 2 * hour,
} as const;
