import type { UnitCode } from '../../platform/reference/units.ts';
import type {
  ChecklistItem,
  ChoiceOption,
  Fee,
  FormField,
  ServiceDefinition,
  SopStep,
} from './catalogue-schemas.ts';

/**
 * A DEMONSTRATION catalogue drawn from the seed plan (高雄市政府工務局 101 年度提升服務品質執行計畫) and
 * TAIWAN.md's deadlines, so a newcomer sees a realistic catalogue. Every service is marked `isDemo` and
 * its pages say so. The documents, steps and deadlines are plausible, not the bureau's official rules.
 *
 * FEES ARE ILLUSTRATIVE: the amounts below were not taken from the bureau's fee schedules (規費收費標準);
 * each non-zero fee says so in its note, and free services show 0. Confirm every amount before real use.
 */

function item(
  id: string,
  nameZh: string,
  nameEn: string,
  explanationZh: string,
  explanationEn: string,
  flags: { isElectronicallyVerifiable?: boolean; isRequired?: boolean } = {},
): ChecklistItem {
  return {
    id,
    nameZh,
    nameEn,
    explanationZh,
    explanationEn,
    isElectronicallyVerifiable: flags.isElectronicallyVerifiable ?? false,
    isRequired: flags.isRequired ?? true,
  };
}

const freeOfCharge: Fee = { labelZh: '免收費用', labelEn: 'No fee', amountTwd: 0 };

function illustrativeFee(labelZh: string, labelEn: string, amountTwd: number): Fee {
  return {
    labelZh,
    labelEn,
    amountTwd,
    noteZh: '示範金額，實際費用以本局公告之收費標準為準。',
    noteEn: 'An illustrative amount; the bureau’s published fee schedule applies.',
  };
}

function step(titleZh: string, titleEn: string, detailZh: string, detailEn: string): SopStep {
  return { titleZh, titleEn, detailZh, detailEn };
}

type FieldOptions = { hintZh?: string; hintEn?: string; isRequired?: boolean };

/** A field of one of the simple types: required unless the options say otherwise. */
function simpleField(type: Exclude<FormField['type'], 'choice'>) {
  return (id: string, labelZh: string, labelEn: string, options: FieldOptions = {}): FormField => ({
    type,
    id,
    labelZh,
    labelEn,
    ...options,
    isRequired: options.isRequired ?? true,
  });
}
const textField = simpleField('text');
const dateField = simpleField('date');
const numberField = simpleField('number');
/**
 * A document is a checklist item, never also a file question: the online documents page (/apply) and the
 * counter ask for each checklist item, so a file question of the same document would ask for it twice.
 * A file question is only for something no checklist item names, or shares the item's id (a report's
 * optional photo is the checklist's `photo`, one upload). catalogue-demo-data.test.ts checks it.
 */
const fileField = simpleField('file');
const locationField = simpleField('location');
function choiceField(
  id: string,
  labelZh: string,
  labelEn: string,
  choices: ChoiceOption[],
  options: FieldOptions = {},
): FormField {
  return {
    type: 'choice',
    id,
    labelZh,
    labelEn,
    options: choices,
    ...options,
    isRequired: options.isRequired ?? true,
  };
}

const applicantName = textField('applicant-name', '申請人姓名或公司名稱', 'Applicant’s name or company name');
const contactPhone = textField('contact-phone', '聯絡電話', 'Contact phone number', {
  hintZh: '例如 0912-345-678 或 07-1234567',
  hintEn: 'For example 0912-345-678 or 07-1234567',
});
const reportLocation = locationField('location', '地點', 'Where it is', {
  hintZh: '在地圖上標示，或輸入地址、路口或附近的門牌',
  hintEn: 'Mark it on the map, or type an address, a junction or the nearest house number',
});
const reportPhoto = fileField('photo', '現場照片', 'Photo of the problem', {
  hintZh: '可省略；有照片能幫助我們判斷需要的人力與材料',
  hintEn: 'Optional; a photo helps us send the right crew and materials',
  isRequired: false,
});
const reporterPhone = textField('contact-phone', '聯絡電話', 'Contact phone number', {
  hintZh: '可省略；留下電話，現場找不到地點時我們可以聯絡您',
  hintEn: 'Optional; leave a number so the crew can call you if they cannot find the place',
  isRequired: false,
});
const identityDocument = item(
  'identity-document',
  '申請人身分證明文件',
  'Applicant’s proof of identity',
  '個人為國民身分證，公司為公司登記資料；公司登記可由本局線上查驗，不必另附影本。',
  'An ID card for a person; for a company, its registration, which we check online, so no copy is needed.',
  { isElectronicallyVerifiable: true },
);
const fieldReportSteps = (unitZh: string, unitEn: string): SopStep[] => [
  step(
    '受理通報',
    'Report received',
    '系統給您案件編號與查詢碼。',
    'You get a case number and a lookup code.',
  ),
  step(
    '派工',
    'Crew dispatched',
    `${unitZh}依地點派遣維修班前往現場。`,
    `The ${unitEn} sends a crew to the place.`,
  ),
  step(
    '現場處理',
    'Work on site',
    '維修班處理並拍攝修復前後照片。',
    'The crew does the work and photographs the place before and after.',
  ),
  step(
    '結案通知',
    'You are told it is done',
    '以您留下的聯絡方式通知處理結果，也可以用案件編號查詢。',
    'We tell you the result through the contact you left; you can also look it up with the case number.',
  ),
];

function demo(
  definition: Omit<
    ServiceDefinition,
    'isDemo' | 'themeClassificationCode' | 'administrativeClassificationCode'
  > & { unitCode: UnitCode },
): ServiceDefinition {
  // The 主題分類 and 施政分類 tables are loaded by an admin; until then demo services name none.
  return {
    ...definition,
    isDemo: true,
    themeClassificationCode: null,
    administrativeClassificationCode: null,
  };
}

/**
 * A field report a crew handles (a street light, a tree, a park, a sidewalk): free and online, the four
 * steps of `fieldReportSteps` with the crew's unit, and the service's own form fields followed by the
 * optional photo and phone every such report asks for.
 */
function crewReport(
  definition: Omit<Parameters<typeof demo>[0], 'kind' | 'fees' | 'sopSteps' | 'isOnline'> & {
    /** The unit whose crew goes, as the steps name it: [Chinese, English]. */
    crew: readonly [string, string];
  },
): ServiceDefinition {
  const { crew, formFields, ...rest } = definition;
  return demo({
    ...rest,
    kind: 'field_report',
    fees: [freeOfCharge],
    sopSteps: fieldReportSteps(...crew),
    formFields: [...formFields, reportPhoto, reporterPhone],
    isOnline: true,
  });
}

export const DEMO_SERVICES: readonly ServiceDefinition[] = [
  demo({
    code: 'building-construction-start',
    nameZh: '建築工程開工申報',
    nameEn: 'Notice of start of building work',
    summaryZh: '領得建造執照後，起造人應於開工前申報開工，經審查後始得動工。',
    summaryEn: 'After a building permit is issued, the owner files the start of work before any work begins.',
    descriptionZh:
      '建造執照核發後，起造人會同承造人及監造人申報開工。本局一處收件，審查承造人、監造人資料及施工計畫，並同時排定後續施工勘驗。',
    descriptionEn:
      'Once the building permit is issued, the owner files the start of work together with the builder and ' +
      'the supervising architect. One counter takes the filing, checks the builder, the architect and the ' +
      'construction plan, and schedules the construction inspections that follow.',
    kind: 'application',
    unitCode: 'building',
    checklist: [
      item(
        'building-permit',
        '建造執照',
        'Building permit',
        '填寫執照字號即可，本局由建管系統查驗，不必攜帶正本。',
        'Give the permit number; we check it in the building-permit system, so you need not bring the original.',
        { isElectronicallyVerifiable: true },
      ),
      item(
        'construction-plan',
        '施工計畫書',
        'Construction plan',
        '含施工進度、安全衛生及交通維持計畫，由承造人及監造人簽章。',
        'Including the schedule, safety and traffic management, signed by the builder and the architect.',
      ),
      item(
        'contractor-registration',
        '營造業登記證及承攬手冊',
        'Contractor’s registration and contract record book',
        '營造業登記由本局線上查驗；承攬手冊請攜帶正本以便登記。',
        'We check the registration online; bring the original contract record book so we can enter the job.',
      ),
      item(
        'neighbour-survey',
        '鄰房現況鑑定報告',
        'Survey of neighbouring buildings',
        '地下室開挖等可能影響鄰房之工程才需要。',
        'Only for work that may affect neighbours, such as digging a basement.',
        { isRequired: false },
      ),
    ],
    fees: [freeOfCharge],
    deadline: { kind: 'working_days', days: 3 },
    sopSteps: [
      step(
        '送件',
        'Hand in the filing',
        '臨櫃或線上送件，取得收件編號。',
        'At the counter or online; you get a case number.',
      ),
      step(
        '審查',
        'Review',
        '審查書件是否齊全、資格是否相符。',
        'We check the documents are complete and the people qualified.',
      ),
      step(
        '補正（如需要）',
        'Corrections (if needed)',
        '一次告知所有需要補正的項目，補正期間不計入處理期限。',
        'We tell you everything missing at once; the time you take does not count against the deadline.',
      ),
      step(
        '准予開工',
        'Start approved',
        '核准開工並通知後續勘驗時程。',
        'The start is approved and the inspection schedule sent.',
      ),
    ],
    formFields: [
      textField('permit-number', '建造執照字號', 'Building permit number', {
        hintZh: '例如 113高市工建築字第01234號',
        hintEn: 'For example 113高市工建築字第01234號',
      }),
      applicantName,
      dateField('start-date', '預定開工日期', 'Planned start date'),
      textField('builder-name', '承造人（營造廠）名稱', 'Builder (contractor) name'),
      contactPhone,
    ],
    sample: {
      'permit-number': '113高市工建築字第01234號',
      'applicant-name': '大明建設股份有限公司',
      'start-date': '2026-12-01',
      'builder-name': '四維營造有限公司',
      'contact-phone': '07-1234567',
    },
    serviceClassificationCode: 'C00',
    isOnline: true,
  }),
  demo({
    code: 'construction-inspection-filing',
    nameZh: '申報施工勘驗',
    nameEn: 'Filing for construction inspection',
    summaryZh: '建築工程施工至規定階段（如放樣、基礎、各樓層版），應申報勘驗後再繼續施工。',
    summaryEn:
      'At each stage set by the rules (setting out, foundations, each floor slab) the work is filed for inspection before it goes on.',
    descriptionZh: '承造人及監造人於各勘驗階段申報，附現場照片及勘驗紀錄；本局得派員抽查，符合者准予備查。',
    descriptionEn:
      'The builder and the architect file at each inspection stage with site photos and the inspection record; ' +
      'we may inspect on site, and a filing that meets the rules is accepted.',
    kind: 'application',
    unitCode: 'building',
    checklist: [
      item(
        'inspection-record',
        '施工勘驗紀錄表',
        'Construction inspection record',
        '由監造人簽證，載明勘驗部分與結果。',
        'Certified by the supervising architect, stating what was inspected and the result.',
      ),
      item(
        'site-photos',
        '現場施工照片',
        'Site photos',
        '每一勘驗項目至少一張，須能看出位置與尺寸。',
        'At least one per item inspected, showing position and dimensions.',
      ),
      item(
        'start-approval',
        '開工核准文號',
        'Start-of-work approval number',
        '本局系統可直接查驗，不必附影本。',
        'We check it in our system; no copy needed.',
        { isElectronicallyVerifiable: true },
      ),
    ],
    fees: [freeOfCharge],
    deadline: { kind: 'working_days', days: 5 },
    sopSteps: [
      step('申報', 'File', '於勘驗階段完成後申報。', 'File once the stage is complete.'),
      step('書面審查', 'Paper review', '審查紀錄及照片。', 'We review the record and photos.'),
      step('抽查', 'Spot check', '必要時派員現場抽查。', 'An inspector may visit the site.'),
      step('備查', 'Accepted', '核准備查後始得繼續施工。', 'Once accepted, the work may continue.'),
    ],
    formFields: [
      textField('permit-number', '建造執照字號', 'Building permit number'),
      choiceField('stage', '勘驗階段', 'Inspection stage', [
        { value: 'setting-out', labelZh: '放樣', labelEn: 'Setting out' },
        { value: 'foundation', labelZh: '基礎', labelEn: 'Foundations' },
        { value: 'floor-slab', labelZh: '樓層版', labelEn: 'Floor slab' },
      ]),
      contactPhone,
    ],
    sample: {
      'permit-number': '113高市工建築字第01234號',
      stage: 'foundation',
      'contact-phone': '07-1234567',
    },
    serviceClassificationCode: 'C00',
    isOnline: true,
  }),
  demo({
    code: 'road-excavation-permit',
    nameZh: '道路挖掘許可',
    nameEn: 'Road excavation permit',
    summaryZh: '在市管道路上挖掘（如接水、接電、埋設管線）前，須申請道路挖掘許可。',
    summaryEn:
      'Before digging up a city road (for a water or power connection or a pipe), you need a road excavation permit.',
    descriptionZh:
      '道路挖掘由本局統一管理與協調，避免同一路段反覆挖掘；新鋪設路面一年內原則不得挖掘。核准後，施工單位、地點及期限公開於網站。挖管中心 24 小時專線 07-2626888。',
    descriptionEn:
      'The bureau manages and coordinates all road digging so one road is not dug again and again; newly ' +
      'surfaced roads are not dug for a year. Approved works, the contractor, the place and the dates are ' +
      'published on the website. The excavation control centre answers 24 hours a day on 07-2626888.',
    kind: 'application',
    unitCode: 'planning',
    checklist: [
      identityDocument,
      item(
        'excavation-plan',
        '挖掘位置圖及施工圖說',
        'Site plan and drawings of the dig',
        '標明挖掘位置、長度、寬度、深度及管線種類。',
        'Showing where, how long, wide and deep the dig is and what pipes go in.',
      ),
      item(
        'traffic-plan',
        '交通維持計畫',
        'Traffic management plan',
        '佔用車道或人行道時需要，說明改道與安全設施。',
        'Needed when a lane or the sidewalk is taken; shows diversions and safety equipment.',
      ),
      item(
        'utility-consent',
        '管線單位同意文件',
        'Consent of the utility',
        '由台電、自來水公司等管線單位出具；已在本局管線系統登錄者可線上查驗。',
        'Issued by the utility (Taipower, the water company…); checked online when already in our utility records.',
        { isElectronicallyVerifiable: true },
      ),
    ],
    fees: [
      illustrativeFee('道路挖掘審查費', 'Excavation review fee', 1000),
      // Per square metre of the answer to 'area-square-metres' (computeFee, issue 11 §3).
      {
        ...illustrativeFee('路面修復費（每平方公尺）', 'Road reinstatement fee (per square metre)', 1600),
        perFieldId: 'area-square-metres',
      },
    ],
    deadline: { kind: 'working_days', days: 7 },
    sopSteps: [
      step(
        '線上申請',
        'Apply online',
        '填寫申請並上傳圖說。',
        'Fill in the application and upload the drawings.',
      ),
      step(
        '協調',
        'Coordination',
        '與同路段其他挖掘計畫協調合併施工。',
        'We coordinate with other digs planned on the same road.',
      ),
      step('審查及繳費', 'Review and payment', '審查通過後繳納費用。', 'After review you pay the fees.'),
      step(
        '核發許可',
        'Permit issued',
        '核發許可並公開施工資訊。',
        'The permit is issued and the works published.',
      ),
    ],
    formFields: [
      applicantName,
      reportLocation,
      numberField('length-metres', '挖掘長度（公尺）', 'Length of the dig (metres)'),
      numberField('area-square-metres', '挖掘面積（平方公尺）', 'Area of the dig (square metres)'),
      dateField('start-date', '預定施工日期', 'Planned start date'),
      choiceField('purpose', '挖掘目的', 'Purpose', [
        { value: 'water', labelZh: '自來水接管', labelEn: 'Water connection' },
        { value: 'power', labelZh: '電力接線', labelEn: 'Power connection' },
        { value: 'telecom', labelZh: '電信管線', labelEn: 'Telecommunications' },
        { value: 'other', labelZh: '其他', labelEn: 'Other' },
      ]),
      contactPhone,
    ],
    sample: {
      'applicant-name': '四維水電工程行',
      location: '高雄市苓雅區四維三路 2 號前人行道',
      'length-metres': '12',
      'start-date': '2026-12-15',
      purpose: 'water',
      'contact-phone': '0912-345-678',
    },
    serviceClassificationCode: 'A00',
    isOnline: true,
  }),
  demo({
    code: 'utility-pipeline-works',
    nameZh: '管線挖埋申請',
    nameEn: 'Utility pipeline works',
    summaryZh: '管線單位在道路下新設、汰換或遷移管線之申請，含年度挖埋計畫之協調。',
    summaryEn:
      'For utilities laying, replacing or moving pipes and cables under roads, including coordination of annual plans.',
    descriptionZh:
      '由管線單位（自來水、電力、電信、瓦斯等）提出，本局審查管線位置與埋設深度，並登錄公共管線資料庫，以利日後挖掘查詢。',
    descriptionEn:
      'Filed by utilities (water, power, telecommunications, gas). We review the position and depth of the ' +
      'pipes and enter them in the public utility records, so later digs know what lies below.',
    kind: 'application',
    unitCode: 'planning',
    checklist: [
      item(
        'pipeline-drawings',
        '管線平面及剖面圖',
        'Plan and section drawings of the pipes',
        '標明管徑、材質、埋設深度及與既有管線之距離。',
        'Showing diameter, material, depth and distance from existing pipes.',
      ),
      item(
        'annual-plan',
        '年度挖埋計畫核定文號',
        'Approved annual works plan number',
        '已報本局之年度計畫可線上查驗。',
        'Plans already filed with us are checked online.',
        { isElectronicallyVerifiable: true },
      ),
      item(
        'as-built-commitment',
        '竣工圖資繳交承諾書',
        'Undertaking to deliver as-built records',
        '完工後 30 日內提送竣工圖資供本局建檔。',
        'As-built records are due within 30 days of completion for our utility records.',
      ),
    ],
    fees: [illustrativeFee('管線挖埋審查費', 'Pipeline works review fee', 1500)],
    deadline: { kind: 'working_days', days: 10 },
    sopSteps: [
      step(
        '提出申請',
        'Apply',
        '管線單位提出申請及圖說。',
        'The utility files the application and drawings.',
      ),
      step(
        '審查及協調',
        'Review and coordination',
        '審查並與其他管線單位協調。',
        'We review and coordinate with other utilities.',
      ),
      step(
        '核准',
        'Approval',
        '核准後依道路挖掘許可程序施工。',
        'Once approved, work follows the road excavation permit.',
      ),
      step(
        '竣工建檔',
        'As-built records',
        '完工後繳交竣工圖資。',
        'After the work, as-built records are delivered.',
      ),
    ],
    formFields: [
      applicantName,
      choiceField('utility-type', '管線種類', 'Kind of utility', [
        { value: 'water', labelZh: '自來水', labelEn: 'Water' },
        { value: 'power', labelZh: '電力', labelEn: 'Power' },
        { value: 'telecom', labelZh: '電信', labelEn: 'Telecommunications' },
        { value: 'gas', labelZh: '瓦斯', labelEn: 'Gas' },
      ]),
      reportLocation,
      contactPhone,
    ],
    sample: {
      'applicant-name': '範例電信股份有限公司',
      'utility-type': 'telecom',
      location: '高雄市前鎮區中山二路 100 號至 200 號',
      'contact-phone': '07-7654321',
    },
    serviceClassificationCode: 'A00',
    isOnline: true,
  }),
  crewReport({
    code: 'street-light-repair',
    nameZh: '路燈維修',
    nameEn: 'Street light repair',
    summaryZh: '路燈不亮、閃爍、白天不熄或燈桿損壞，請通報維修。',
    summaryEn: 'Report a street light that is out, flickers, stays on in daytime or has a damaged pole.',
    descriptionZh:
      '請告訴我們路燈的位置，燈桿上有編號時一併提供，可以更快找到。燈桿傾倒或電線外露有觸電危險時，請立即撥打 1999。',
    descriptionEn:
      'Tell us where the light is, with the number on the pole if you can see it, so the crew finds it faster. ' +
      'If a pole has fallen or wires are exposed, call 1999 straight away.',
    crew: ['公園處', 'Parks and Street Lights Office'],
    unitCode: 'parks',
    checklist: [
      item(
        'location',
        '路燈位置或燈桿編號',
        'Where the light is, or the pole number',
        '燈桿編號通常貼在離地約 1.5 公尺處。',
        'The number is usually on a label about 1.5 metres up the pole.',
      ),
      item(
        'photo',
        '現場照片',
        'A photo',
        '可省略，有照片可幫助判斷需要的材料。',
        'Optional; it helps us bring the right parts.',
        { isRequired: false },
      ),
    ],
    deadline: { kind: 'working_days', days: 3 },
    formFields: [
      reportLocation,
      textField('pole-number', '燈桿編號', 'Pole number', {
        isRequired: false,
        hintZh: '可省略',
        hintEn: 'Optional',
      }),
      choiceField('problem', '狀況', 'What is wrong', [
        { value: 'out', labelZh: '不亮', labelEn: 'Out' },
        { value: 'flickering', labelZh: '閃爍', labelEn: 'Flickering' },
        { value: 'on-in-daytime', labelZh: '白天不熄', labelEn: 'On in daytime' },
        { value: 'damaged-pole', labelZh: '燈桿損壞', labelEn: 'Damaged pole' },
      ]),
    ],
    sample: {
      location: '高雄市鼓山區美術館路與美術東二路口',
      'pole-number': 'KS-12345',
      problem: 'out',
      'contact-phone': '0912-345-678',
    },
    serviceClassificationCode: 'E00',
  }),
  crewReport({
    code: 'street-tree-pruning',
    nameZh: '行道樹修剪',
    nameEn: 'Street tree pruning',
    summaryZh: '行道樹枝葉遮蔽號誌、路燈或影響通行，請通報修剪。',
    summaryEn: 'Report a street tree whose branches hide signals or lights or block the way.',
    descriptionZh:
      '公園處依樹種與季節安排修剪，避免過度修剪傷害樹木。樹木傾倒或斷枝有立即危險時，請撥打 1999。',
    descriptionEn:
      'The Parks and Street Lights Office prunes according to the species and the season, so trees are not ' +
      'over-pruned. If a tree has fallen or a branch is about to, call 1999.',
    crew: ['公園處', 'Parks and Street Lights Office'],
    unitCode: 'parks',
    checklist: [
      item(
        'location',
        '樹木位置',
        'Where the tree is',
        '提供地址或附近門牌，以及在道路的哪一側。',
        'An address or nearby house number, and which side of the road.',
      ),
    ],
    deadline: { kind: 'working_days', days: 7 },
    formFields: [
      reportLocation,
      choiceField('problem', '狀況', 'What is wrong', [
        { value: 'blocks-signal', labelZh: '遮蔽號誌或路燈', labelEn: 'Hides a signal or light' },
        { value: 'blocks-way', labelZh: '影響行人或車輛通行', labelEn: 'Blocks people or vehicles' },
        { value: 'touches-building', labelZh: '碰觸建築物或電線', labelEn: 'Touches a building or wires' },
      ]),
    ],
    sample: {
      location: '高雄市三民區建工路 415 號前',
      problem: 'blocks-signal',
    },
    serviceClassificationCode: 'E00',
  }),
  crewReport({
    code: 'park-facility-damage',
    nameZh: '公園設施損壞',
    nameEn: 'Damaged park facilities',
    summaryZh: '公園的遊具、座椅、步道、照明或公廁損壞，請通報維修。',
    summaryEn: 'Report broken play equipment, benches, paths, lighting or toilets in a park.',
    descriptionZh:
      '危險的遊具會先圍起禁止使用，再安排維修。一公頃以下的公園自 2020 年起由區公所管理，本局會代為轉交。',
    descriptionEn:
      'Dangerous play equipment is fenced off first, then repaired. Parks under one hectare have been run by ' +
      'the district offices since 2020; we pass those reports on for you.',
    crew: ['公園處', 'Parks and Street Lights Office'],
    unitCode: 'parks',
    checklist: [
      item(
        'park-and-facility',
        '公園名稱與損壞設施',
        'The park and what is broken',
        '例如「中央公園，兒童遊戲區的溜滑梯」。',
        'For example “Central Park, the slide in the playground”.',
      ),
    ],
    deadline: { kind: 'working_days', days: 3 },
    formFields: [
      textField('park-name', '公園名稱', 'Name of the park'),
      reportLocation,
      choiceField('facility', '損壞的設施', 'What is broken', [
        { value: 'play-equipment', labelZh: '遊具', labelEn: 'Play equipment' },
        { value: 'bench', labelZh: '座椅', labelEn: 'Bench' },
        { value: 'path', labelZh: '步道', labelEn: 'Path' },
        { value: 'lighting', labelZh: '照明', labelEn: 'Lighting' },
        { value: 'toilet', labelZh: '公廁', labelEn: 'Toilet' },
      ]),
    ],
    sample: {
      'park-name': '中央公園',
      location: '高雄市前金區中山一路 11 號（兒童遊戲區）',
      facility: 'play-equipment',
    },
    serviceClassificationCode: 'E00',
  }),
  crewReport({
    code: 'sidewalk-arcade-damage',
    nameZh: '人行道/騎樓破損',
    nameEn: 'Broken sidewalk or arcade walkway',
    summaryZh: '人行道地磚鬆動、破損或高低不平，以及騎樓地面破損影響通行，請通報。',
    summaryEn:
      'Report loose, broken or uneven sidewalk paving, or a broken arcade (騎樓) floor that makes walking unsafe.',
    descriptionZh:
      '市管人行道由道路養護工程處修復；騎樓屬私人土地，由本局通知所有權人改善，並協助推動騎樓整平。',
    descriptionEn:
      'The Road Maintenance Engineering Office repairs city sidewalks. Arcades stand on private land: we ' +
      'tell the owner to repair them and help with the arcade-levelling programme.',
    crew: ['道路養護工程處', 'Road Maintenance Engineering Office'],
    unitCode: 'road-maintenance',
    checklist: [
      item(
        'location',
        '破損位置',
        'Where the damage is',
        '地址或門牌，以及是人行道還是騎樓。',
        'The address, and whether it is the sidewalk or an arcade.',
      ),
    ],
    deadline: { kind: 'working_days', days: 5 },
    formFields: [
      reportLocation,
      choiceField('place-kind', '位置類型', 'Where exactly', [
        { value: 'sidewalk', labelZh: '人行道', labelEn: 'Sidewalk' },
        { value: 'arcade', labelZh: '騎樓', labelEn: 'Arcade walkway' },
      ]),
    ],
    sample: {
      location: '高雄市新興區中正三路 50 號前',
      'place-kind': 'sidewalk',
    },
    serviceClassificationCode: 'A00',
  }),
  crewReport({
    code: 'public-works-other',
    nameZh: '其他工務問題',
    nameEn: 'Other public-works problem',
    summaryZh: '不屬於上列類別的道路、排水、公園或公共設施問題，請在這裡通報，我們會分給負責的單位。',
    summaryEn:
      'A problem with a road, drain, park or public facility that fits none of the categories above; we pass it to the unit responsible.',
    descriptionZh:
      '請描述問題並附照片與位置。本局秘書室在 1 個工作天內分給負責的單位；屬於其他機關（如台電、自來水公司）的問題，會移請該機關處理並告訴您。',
    descriptionEn:
      'Describe the problem with a photo and the place. The Secretariat passes it to the unit responsible within ' +
      'one working day; if it belongs to another agency (Taipower, the water company) we forward it and tell you.',
    crew: ['秘書室', 'Secretariat'],
    unitCode: 'secretariat',
    checklist: [
      item(
        'location',
        '問題位置',
        'Where the problem is',
        '地址、路口或地標。',
        'An address, a junction or a landmark.',
      ),
    ],
    deadline: { kind: 'working_days', days: 5 },
    formFields: [reportLocation],
    sample: { location: '高雄市前金區中正四路 211 號前' },
    serviceClassificationCode: 'A00',
  }),
  demo({
    code: 'pothole-report',
    nameZh: '路面坑洞',
    nameEn: 'Pothole',
    summaryZh: '市管道路路面坑洞、下陷或人孔蓋不平，我們在 4 小時內先做安全處置。',
    summaryEn:
      'Report a pothole, a sunken road surface or an uneven manhole cover; we make it safe within 4 hours.',
    descriptionZh:
      '坑洞會危及機車與行人，接獲通報後 4 小時內（全天候，含例假日）先以冷料填補或設置警示，再排定正式修復。危及行車安全時請直接撥打 1999。',
    descriptionEn:
      'Potholes endanger scooter riders and people on foot. Within 4 hours of a report (around the clock, ' +
      'weekends and holidays included) a crew makes it safe with cold-mix or warning signs, then schedules ' +
      'the full repair. If it endangers traffic now, call 1999.',
    kind: 'field_report',
    unitCode: 'road-maintenance',
    checklist: [
      item(
        'location',
        '坑洞位置',
        'Where the pothole is',
        '地址、路口或附近門牌，以及在哪一個車道。',
        'An address, junction or nearby house number, and which lane.',
      ),
      item(
        'photo',
        '現場照片',
        'A photo',
        '可省略；請在安全的地方拍攝，不要站在車道上。',
        'Optional; take it from somewhere safe, never standing in the road.',
        { isRequired: false },
      ),
    ],
    fees: [freeOfCharge],
    deadline: { kind: 'hours', hours: 4 },
    sopSteps: [
      step(
        '受理通報',
        'Report received',
        '系統給您案件編號與查詢碼。',
        'You get a case number and a lookup code.',
      ),
      step('安全處置', 'Made safe', '4 小時內填補或設置警示。', 'Filled or signed within 4 hours.'),
      step(
        '正式修復',
        'Full repair',
        '安排刨鋪或正式修補。',
        'Resurfacing or a permanent patch is scheduled.',
      ),
      step(
        '結案通知',
        'You are told it is done',
        '通知處理結果並附照片。',
        'We tell you the result, with photos.',
      ),
    ],
    formFields: [
      reportLocation,
      choiceField('size', '坑洞大小', 'Size of the pothole', [
        { value: 'small', labelZh: '小於 30 公分', labelEn: 'Under 30 cm' },
        { value: 'medium', labelZh: '30 至 100 公分', labelEn: '30 to 100 cm' },
        { value: 'large', labelZh: '大於 100 公分', labelEn: 'Over 100 cm' },
      ]),
      reportPhoto,
      reporterPhone,
    ],
    sample: {
      location: '高雄市左營區博愛二路與明誠二路口，往北外側車道',
      size: 'medium',
      'contact-phone': '0912-345-678',
    },
    serviceClassificationCode: 'A00',
    isOnline: true,
  }),
  // Not a job for a crew but a matter the office examines and answers in writing, so it follows the
  // default workflow (accepted, in progress, supplements, an answer) rather than the field reports'.
  demo({
    code: 'road-maintenance-petition',
    nameZh: '道路養護陳情',
    nameEn: 'Road maintenance petition',
    summaryZh: '對市管道路、人行道或騎樓的養護提出陳情或建議，例如整段人行道高低不平、修補後又反覆損壞。',
    summaryEn:
      'Raise a concern or a suggestion about how city roads, sidewalks or arcades are kept, such as a whole ' +
      'stretch of uneven sidewalk or a repair that keeps failing.',
    descriptionZh:
      '道路養護工程處受理陳情後派員查看，研議改善方式並以書面或電子郵件回覆您；需要補充資料時會一次告知。單一坑洞或破損地磚請改用現場通報，處理較快。',
    descriptionEn:
      'The Road Maintenance Engineering Office looks into the matter, works out what can be done and ' +
      'answers you in writing or by e-mail; if anything is missing we tell you everything at once. For a ' +
      'single pothole or broken paving stone, a field report is quicker.',
    kind: 'petition',
    unitCode: 'road-maintenance',
    checklist: [
      item(
        'location',
        '陳情地點',
        'Where it is',
        '地址、路段或附近門牌，以及是道路、人行道還是騎樓。',
        'An address, a stretch of road or a nearby house number, and whether it is the road, the sidewalk or an arcade.',
      ),
      item('photo', '現場照片', 'Photos', '可省略。', 'Optional.', { isRequired: false }),
    ],
    fees: [freeOfCharge],
    deadline: { kind: 'working_days', days: 5 },
    sopSteps: [
      step(
        '受理陳情',
        'Petition received',
        '系統給您案件編號與查詢碼。',
        'You get a case number and a lookup code.',
      ),
      step('現場查看', 'Site visit', '派員查看現場狀況。', 'Someone from the office looks at the place.'),
      step(
        '研議改善',
        'Deciding what to do',
        '研議修繕或改善方式，必要時排入養護工程。',
        'We work out the repair or improvement and, if needed, schedule it.',
      ),
      step(
        '函復陳情人',
        'Written reply',
        '以書面或電子郵件回覆處理情形。',
        'You get a written reply on what was done.',
      ),
    ],
    formFields: [
      reportLocation,
      choiceField('place-kind', '位置類型', 'Where exactly', [
        { value: 'road', labelZh: '道路', labelEn: 'Road' },
        { value: 'sidewalk', labelZh: '人行道', labelEn: 'Sidewalk' },
        { value: 'arcade', labelZh: '騎樓', labelEn: 'Arcade walkway' },
      ]),
      reportPhoto,
    ],
    sample: {
      location: '高雄市新興區中正三路 40 號至 80 號',
      'place-kind': 'sidewalk',
    },
    serviceClassificationCode: 'A00',
    isOnline: true,
  }),
  // The director's mailbox and the suggestion box (issue 16): a petition on any matter, which the
  // Secretariat passes to the unit responsible (分文). Written on /mailbox, not through /apply.
  demo({
    code: 'director-mailbox',
    nameZh: '局長信箱陳情',
    nameEn: 'Petition to the Director General',
    summaryZh: '對本局業務的陳情、建議或意見，由秘書室分送主管單位，並以書面或電子郵件答復。',
    summaryEn:
      'A petition, suggestion or comment on the bureau’s work: the Secretariat passes it to the unit responsible, which answers in writing or by e-mail.',
    descriptionZh:
      '請在「局長信箱」網頁填寫（需以電子郵件或手機驗證碼確認聯絡方式），或以書信、電話 1999、臨櫃口述陳情。依行政程序法第 168 條至第 173 條處理，原則於 6 個工作天內答復，最長不超過 30 日；需要延長時會以書面告訴您原因。以英文來函者以英文答復。',
    descriptionEn:
      'Write on the Director’s mailbox page (your e-mail address or mobile number is confirmed with a one-time code), by letter, through 1999 or in person. Handled under Articles 168–173 of the Administrative Procedure Act: answered within 6 working days as a rule and never later than 30 days; if we need longer, we tell you why in writing. Petitions in English are answered in English.',
    kind: 'petition',
    unitCode: 'secretariat',
    checklist: [
      item(
        'petitioner-identity',
        '陳情人姓名及聯絡方式',
        'Your name and contact details',
        '未具真實姓名或聯絡方式者，依行政程序法第 173 條得不予處理。',
        'Without a real name and a way to reach you, a petition may be declined (Article 173).',
      ),
    ],
    fees: [freeOfCharge],
    deadline: { kind: 'working_days', days: 6 },
    sopSteps: [
      step(
        '登記陳情',
        'Petition registered',
        '系統給您案件編號與查詢碼。',
        'You get a case number and a lookup code.',
      ),
      step(
        '分文',
        'Passed to the unit',
        '秘書室分送主管單位。',
        'The Secretariat passes it to the unit responsible.',
      ),
      step(
        '研議答復',
        'The answer',
        '主管單位查明並擬答復，經主管核定。',
        'The unit looks into it and a supervisor approves the answer.',
      ),
      step(
        '答復陳情人',
        'You are answered',
        '以電子郵件或書面答復。',
        'You get the answer by e-mail or letter.',
      ),
    ],
    formFields: [],
    sample: {},
    serviceClassificationCode: 'A00',
    isOnline: false,
  }),
  demo({
    code: 'illegal-building-report',
    nameZh: '違章建築查報',
    nameEn: 'Reporting an illegal building',
    summaryZh: '檢舉未經許可擅自搭建的建築物，例如頂樓加蓋、占用防火巷。',
    summaryEn:
      'Report a structure built without a permit, such as a rooftop addition or one blocking a fire lane.',
    descriptionZh:
      '違章建築處理大隊派員現場勘查並依規定認定與處理。檢舉人身分依法保密；同一地點已查報者，會告知您處理情形。',
    descriptionEn:
      'The Illegal Building Enforcement Brigade inspects the site and deals with it under the rules. Who ' +
      'reported it is kept confidential by law; if the place was already reported, we tell you where it stands.',
    kind: 'petition',
    unitCode: 'illegal-building',
    checklist: [
      item(
        'location',
        '違建地址',
        'Address of the structure',
        '門牌地址，以及違建在建築物的哪個位置。',
        'The house number, and where on the building the structure is.',
      ),
      item(
        'reporter-identity',
        '檢舉人姓名及聯絡方式',
        'Your name and contact details',
        '依陳情規定需要真實姓名及聯絡方式；身分依法保密。',
        'Petition rules need a real name and contact; it is kept confidential.',
      ),
      item('photo', '現場照片', 'Photos', '可省略。', 'Optional.', { isRequired: false }),
    ],
    fees: [freeOfCharge],
    deadline: { kind: 'working_days', days: 10 },
    sopSteps: [
      step('受理檢舉', 'Report received', '登錄並確認地點。', 'We record the report and confirm the place.'),
      step('現場勘查', 'Site inspection', '派員現場勘查。', 'An inspector visits the site.'),
      step(
        '認定及處理',
        'Determination',
        '依規定認定並排定處理。',
        'The structure is assessed and action scheduled.',
      ),
      step(
        '函復檢舉人',
        'Written reply',
        '以書面或電子郵件回覆處理情形。',
        'You get a written reply on what was done.',
      ),
    ],
    formFields: [
      reportLocation,
      textField('description', '違建情形', 'What was built', {
        hintZh: '例如頂樓加蓋鐵皮屋',
        hintEn: 'For example a sheet-metal rooftop addition',
      }),
      applicantName,
      contactPhone,
      reportPhoto,
    ],
    sample: {
      location: '高雄市鳳山區光復路二段 120 號',
      description: '頂樓加蓋鐵皮屋約 30 平方公尺',
      'applicant-name': '王大明',
      'contact-phone': '0912-345-678',
    },
    serviceClassificationCode: 'E00',
    isOnline: false,
  }),
  demo({
    code: 'rooftop-solar',
    nameZh: '屋頂設置太陽光電設施',
    nameEn: 'Rooftop solar installation',
    summaryZh: '在建築物屋頂設置太陽光電設施，依高雄市規定免請領雜項執照，向本局備案即可。',
    summaryEn:
      'Put solar panels on a roof: under Kaohsiung’s rules no miscellaneous-works permit is needed, only a filing with the bureau.',
    descriptionZh:
      '依「高雄市建築物屋頂設置太陽光電設施辦法」，符合高度與結構安全規定者免請領雜項執照，由專業技師簽證後向本局備案。',
    descriptionEn:
      'Under Kaohsiung’s rules on rooftop solar installations, a structure within the height and safety limits ' +
      'needs no miscellaneous-works permit: a professional engineer certifies it and the owner files it with us.',
    kind: 'application',
    unitCode: 'building',
    checklist: [
      identityDocument,
      item(
        'ownership',
        '建物所有權證明或使用同意書',
        'Proof of ownership or the owners’ consent',
        '建物登記可由本局線上查驗；公寓大廈須附區分所有權人會議決議。',
        'We check the land registry online; a condominium needs the owners’ meeting resolution.',
        { isElectronicallyVerifiable: true },
      ),
      item(
        'structural-certificate',
        '結構安全簽證',
        'Structural safety certificate',
        '由結構或土木技師簽證。',
        'Certified by a structural or civil engineer.',
      ),
    ],
    fees: [freeOfCharge],
    deadline: { kind: 'working_days', days: 7 },
    sopSteps: [
      step('送件備案', 'File', '臨櫃送件。', 'Hand in the filing at the counter.'),
      step('審查', 'Review', '審查簽證及高度。', 'We check the certificate and the height.'),
      step('備案完成', 'Filing accepted', '核發備案文件。', 'You get the filing confirmation.'),
    ],
    formFields: [
      applicantName,
      reportLocation,
      numberField('capacity-kw', '裝置容量（瓩）', 'Capacity (kW)'),
      contactPhone,
    ],
    sample: {
      'applicant-name': '王大明',
      location: '高雄市苓雅區四維三路 2 號',
      'capacity-kw': '9.9',
      'contact-phone': '07-1234567',
    },
    serviceClassificationCode: 'C00',
    isOnline: false,
  }),
  demo({
    code: 'vacant-lot-greening',
    nameZh: '空地綠美化',
    nameEn: 'Greening a vacant lot',
    summaryZh: '地主將閒置空地綠美化並開放使用，可申請稅捐減免。',
    summaryEn: 'Owners who green an unused lot and open it to the public can apply for tax relief.',
    descriptionZh:
      '推動空地綠美化可減少髒亂與病媒蚊孳生、增加綠地；地主提出計畫，經本局核定並完成綠美化後，可向稅捐機關申請減免。',
    descriptionEn:
      'Greening vacant lots cuts litter and mosquito breeding and adds green space. The owner proposes a plan; ' +
      'once we approve it and the work is done, the owner can apply to the tax office for relief.',
    kind: 'application',
    unitCode: 'building',
    checklist: [
      identityDocument,
      item(
        'land-ownership',
        '土地所有權證明',
        'Proof of land ownership',
        '由本局線上查驗地籍資料。',
        'We check the land registry online.',
        { isElectronicallyVerifiable: true },
      ),
      item(
        'greening-plan',
        '綠美化計畫書',
        'Greening plan',
        '含植栽配置、維護方式及開放時間。',
        'Planting layout, upkeep and opening hours.',
      ),
    ],
    fees: [freeOfCharge],
    deadline: { kind: 'working_days', days: 14 },
    sopSteps: [
      step('提出計畫', 'Propose', '送交綠美化計畫。', 'Hand in the greening plan.'),
      step('審查及會勘', 'Review and site visit', '審查並現場會勘。', 'We review it and visit the lot.'),
      step('核定', 'Approval', '核定後施作。', 'Work starts once approved.'),
      step(
        '完工查驗',
        'Completion check',
        '完工後查驗並出具證明，供申請稅捐減免。',
        'We check the result and issue a certificate for the tax office.',
      ),
    ],
    formFields: [
      applicantName,
      reportLocation,
      numberField('area-square-metres', '面積（平方公尺）', 'Area (square metres)'),
      contactPhone,
    ],
    sample: {
      'applicant-name': '王大明',
      location: '高雄市楠梓區德賢路 300 號旁空地',
      'area-square-metres': '450',
      'contact-phone': '07-1234567',
    },
    serviceClassificationCode: 'E00',
    isOnline: false,
  }),
  demo({
    code: 'park-adoption',
    nameZh: '公園認養',
    nameEn: 'Adopting a park',
    summaryZh: '企業、團體或社區認養公園、綠地，協助清潔與植栽維護。',
    summaryEn:
      'Companies, groups and neighbourhoods can adopt a park or green space and help keep it clean and planted.',
    descriptionZh: '認養者與公園處簽訂認養契約，負責約定範圍的清潔或綠美化，並可設置認養標示牌。',
    descriptionEn:
      'The adopter signs an agreement with the Parks and Street Lights Office, looks after the agreed area ' +
      '(cleaning or planting) and may put up an adoption sign.',
    kind: 'application',
    unitCode: 'parks',
    checklist: [
      identityDocument,
      item(
        'adoption-plan',
        '認養計畫書',
        'Adoption plan',
        '說明認養範圍、維護項目、頻率及期間。',
        'The area, the upkeep, how often and for how long.',
      ),
    ],
    fees: [freeOfCharge],
    deadline: { kind: 'working_days', days: 14 },
    sopSteps: [
      step('提出申請', 'Apply', '送交認養計畫書。', 'Hand in the adoption plan.'),
      step('審查', 'Review', '公園處審查並會勘。', 'The office reviews it and visits the park.'),
      step('簽約', 'Agreement', '簽訂認養契約。', 'The adoption agreement is signed.'),
    ],
    formFields: [
      applicantName,
      textField('park-name', '認養公園名稱', 'Park to adopt'),
      choiceField('scope', '認養項目', 'What you will do', [
        { value: 'cleaning', labelZh: '清潔維護', labelEn: 'Cleaning' },
        { value: 'planting', labelZh: '植栽綠美化', labelEn: 'Planting' },
        { value: 'both', labelZh: '兩者皆有', labelEn: 'Both' },
      ]),
      dateField('start-date', '預定認養起日', 'Planned start date'),
      contactPhone,
    ],
    sample: {
      'applicant-name': '四維社區發展協會',
      'park-name': '凹子底森林公園',
      scope: 'both',
      'start-date': '2027-01-01',
      'contact-phone': '07-1234567',
    },
    serviceClassificationCode: '900',
    isOnline: false,
  }),
];
