/**
 * Demo FAQ entries (marked as demo on the page): what people ask a public works bureau, answered as the
 * bureau's units would. Loaded by the FAQ's demo seed; the search relevance set (search/relevance-set.ts)
 * leans on them, so change both together. Unit codes are those of platform/reference/units.ts; related
 * services are the demo catalogue's codes.
 */
export interface DemoFaqEntry {
  /** Stable key: the seed finds an entry it wrote before by it (the first variant is not stable enough). */
  readonly key: string;
  readonly unitCode: string;
  readonly questionZh: string;
  readonly questionEn: string;
  readonly variantsZh: readonly string[];
  readonly variantsEn: readonly string[];
  readonly answerZh: string;
  readonly answerEn: string;
  readonly relatedServiceCodes: readonly string[];
  readonly themeCodes: readonly string[];
  readonly cakeCodes: readonly string[];
  readonly serviceCodes: readonly string[];
}

export const demoFaqEntries: readonly DemoFaqEntry[] = [
  {
    key: 'road-excavation-apply',
    unitCode: 'planning',
    questionZh: '在道路上挖掘施工要申請什麼？',
    questionEn: 'What do I need to apply for before digging up a road?',
    variantsZh: ['挖馬路要申請什麼許可？', '接水接電要挖路怎麼申請？', '道路挖掘許可怎麼辦理？'],
    variantsEn: [
      'Do I need a permit to dig up the street?',
      'How do I apply to dig a road for a water or power connection?',
    ],
    answerZh:
      '在市管道路上挖掘（例如接自來水、接電、埋設管線）前，須向工程企劃處申請道路挖掘許可，經核准並取得路證後才能施工。一般民眾接水、接電，多由自來水公司或台電等管線單位代為申請；自行施工者請線上申辦「道路挖掘許可」，並附施工位置圖及交通維持計畫。',
    answerEn:
      'Before digging up a city road (to connect water or power, or to lay pipes) you need a road excavation permit from the Engineering Planning Division; work may start only once it is granted. For a household connection the utility (the water company, Taipower) usually applies for you; if you do the work yourself, apply online for the road excavation permit with a site plan and a traffic management plan.',
    relatedServiceCodes: ['road-excavation-permit', 'utility-pipeline-works'],
    themeCodes: [],
    cakeCodes: [],
    serviceCodes: ['A00'],
  },
  {
    key: 'road-excavation-time',
    unitCode: 'planning',
    questionZh: '道路挖掘許可申請要多久才會核准？',
    questionEn: 'How long does a road excavation permit take?',
    variantsZh: ['挖路許可幾天會下來？', '道路挖掘申請處理期限'],
    variantsEn: ['How many days until a road excavation permit is granted?'],
    answerZh:
      '資料齊全的道路挖掘許可申請，工程企劃處於 7 個工作天內審查完成；需要補正時，會一次告知所有缺漏，補正期間不計入處理期限。緊急搶修（如漏水、斷電）可先行施工，並於施工後 24 小時內補辦。',
    answerEn:
      'A complete road excavation application is decided by the Engineering Planning Division within 7 working days. If anything is missing we tell you everything at once, and the time you take to supply it does not count. Emergency repairs (a burst main, a power cut) may start at once and be filed within 24 hours.',
    relatedServiceCodes: ['road-excavation-permit'],
    themeCodes: [],
    cakeCodes: [],
    serviceCodes: ['A00'],
  },
  {
    key: 'road-excavation-who',
    unitCode: 'planning',
    questionZh: '路上有人在挖路施工，怎麼知道是誰在做、有沒有許可？',
    questionEn: 'Someone is digging up my street: how do I find out who, and whether they have a permit?',
    variantsZh: ['挖路施工有沒有許可？', '道路施工單位查詢', '挖馬路的工程是誰的？'],
    variantsEn: ['Who is digging up the road outside my house?'],
    answerZh:
      '核准的道路挖掘工程，施工現場應設置施工告示牌，載明施工單位、許可文號、施工期間及聯絡電話；工程企劃處也在網站公開各路段的核准挖掘案件。若現場沒有告示牌或超出核准期間施工，請通報「其他工務問題」或撥打 1999，本局會派員查核。',
    answerEn:
      'Every permitted excavation must show a sign on site with the contractor, the permit number, the dates and a phone number; the Engineering Planning Division also publishes the permitted works by road. If there is no sign, or the work runs past its dates, report it under "Other public works problems" or call 1999 and we will check.',
    relatedServiceCodes: ['road-excavation-permit', 'public-works-other'],
    themeCodes: [],
    cakeCodes: [],
    serviceCodes: ['A00'],
  },
  {
    key: 'pothole',
    unitCode: 'road-maintenance',
    questionZh: '家門口的路有坑洞要怎麼辦？',
    questionEn: 'There is a pothole in the road outside my home: what should I do?',
    variantsZh: ['馬路有洞要找誰？', '路面坑洞怎麼通報？', '道路破洞誰來補？'],
    variantsEn: ['Who fixes potholes?', 'How do I report a pothole?'],
    answerZh:
      '市管道路的坑洞、路面下陷，請線上通報「路面坑洞」（可附照片及地圖位置），或撥打 1999。道路養護工程處收到後 4 小時內先派員做安全處置（填補或圍設），再排定正式修補。',
    answerEn:
      'Report potholes and sunken road surfaces on city roads online under "Pothole" (with a photo and the place on the map), or call 1999. The Road Maintenance Office makes the spot safe within 4 hours (filling or fencing it) and then schedules the permanent repair.',
    relatedServiceCodes: ['pothole-report'],
    themeCodes: [],
    cakeCodes: [],
    serviceCodes: ['A00'],
  },
  {
    key: 'pothole-time',
    unitCode: 'road-maintenance',
    questionZh: '坑洞通報後多久會來修？',
    questionEn: 'How soon is a reported pothole repaired?',
    variantsZh: ['通報坑洞要等多久？', '路面坑洞修補時間'],
    variantsEn: ['How long until a pothole is fixed?'],
    answerZh:
      '道路養護工程處於受理後 4 小時內到場做安全處置；正式修補依天候及坑洞大小排定，一般於 3 個工作天內完成。處理進度可用案件編號及查詢碼在「案件查詢」查看。',
    answerEn:
      'The Road Maintenance Office makes the spot safe within 4 hours of your report; the permanent repair depends on the weather and the size of the hole, usually within 3 working days. Follow it with your case number and look-up code on the case tracking page.',
    relatedServiceCodes: ['pothole-report'],
    themeCodes: [],
    cakeCodes: [],
    serviceCodes: ['A00'],
  },
  {
    key: 'manhole',
    unitCode: 'road-maintenance',
    questionZh: '人孔蓋不平或車子壓過會發出聲響要找誰？',
    questionEn: 'A manhole cover is uneven or rattles when cars drive over it: who do I tell?',
    variantsZh: ['人孔蓋凹陷', '人孔蓋有聲音', '水溝蓋不平'],
    variantsEn: ['Who fixes a loose manhole cover?'],
    answerZh:
      '請通報「路面坑洞」並說明是人孔蓋。道路上的人孔多屬自來水、電力、電信或污水等管線單位，道路養護工程處會先做安全處置，再通知所屬管線單位於期限內改善。',
    answerEn:
      'Report it under "Pothole" and say it is a manhole cover. Most manholes belong to the water, power, telecom or sewer utilities: the Road Maintenance Office makes the spot safe and tells the owner to fix it within a deadline.',
    relatedServiceCodes: ['pothole-report'],
    themeCodes: [],
    cakeCodes: [],
    serviceCodes: ['A00'],
  },
  {
    key: 'sidewalk',
    unitCode: 'road-maintenance',
    questionZh: '人行道地磚鬆動或破損要向誰反映？',
    questionEn: 'Sidewalk paving is loose or broken: who do I tell?',
    variantsZh: ['人行道不平怎麼辦？', '人行道磚塊翹起來', '人行道破損通報'],
    variantsEn: ['Who repairs broken sidewalk tiles?'],
    answerZh:
      '人行道地磚鬆動、破損或高低不平，請線上通報「人行道/騎樓破損」並附照片，由道路養護工程處派員修復，一般於 5 個工作天內處理。整段人行道普遍不平，請改提「道路養護陳情」。',
    answerEn:
      'Report loose, broken or uneven sidewalk paving online under "Damaged sidewalk or arcade" with a photo; the Road Maintenance Office repairs it, usually within 5 working days. If a whole stretch is uneven, send a road maintenance petition instead.',
    relatedServiceCodes: ['sidewalk-arcade-damage', 'road-maintenance-petition'],
    themeCodes: [],
    cakeCodes: [],
    serviceCodes: ['A00'],
  },
  {
    key: 'arcade',
    unitCode: 'road-maintenance',
    questionZh: '騎樓地面高低不平可以請市府整平嗎？',
    questionEn: 'The arcade (騎樓) floor in front of the shops is uneven: can the city level it?',
    variantsZh: ['騎樓不平怎麼辦？', '騎樓整平申請', '騎樓地面破損'],
    variantsEn: ['Can the city level our arcade?'],
    answerZh:
      '騎樓屬私有土地供公眾通行，破損影響通行時可通報「人行道/騎樓破損」。整段騎樓要整平，可由住戶或里辦公處向道路養護工程處登記「騎樓整平計畫」，經全段所有權人同意後由市府施作。',
    answerEn:
      'The arcade is private land open to the public. Damage that gets in the way can be reported under "Damaged sidewalk or arcade". To have a whole row levelled, residents or the village office can register with the Road Maintenance Office for the arcade levelling programme; with every owner\'s consent the city does the work.',
    relatedServiceCodes: ['sidewalk-arcade-damage'],
    themeCodes: [],
    cakeCodes: [],
    serviceCodes: ['A00'],
  },
  {
    key: 'road-petition',
    unitCode: 'road-maintenance',
    questionZh: '家附近的道路修了又壞，可以陳情嗎？',
    questionEn: 'The road near me keeps breaking after repairs: can I petition?',
    variantsZh: ['道路一直修不好', '修路陳情', '道路反覆損壞'],
    variantsEn: ['The same road keeps breaking: who do I complain to?'],
    answerZh:
      '可以。請線上提出「道路養護陳情」，說明路段及情形，道路養護工程處會派員查看、研議改善方式，並以書面或電子郵件回覆；單一坑洞請直接通報「路面坑洞」，處理較快。',
    answerEn:
      'Yes. Send a road maintenance petition online with the road and what happens; the Road Maintenance Office inspects it, works out a fix and answers in writing or by e-mail. A single pothole is faster reported as a pothole.',
    relatedServiceCodes: ['road-maintenance-petition'],
    themeCodes: [],
    cakeCodes: [],
    serviceCodes: ['A00'],
  },
  {
    key: 'drain',
    unitCode: 'maintenance',
    questionZh: '路邊水溝堵塞或水溝蓋破損要找誰？',
    questionEn: 'A roadside drain is blocked or its grate broken: who do I tell?',
    variantsZh: ['水溝阻塞怎麼辦？', '水溝蓋壞了', '側溝不通'],
    variantsEn: ['Who clears blocked roadside drains?'],
    answerZh:
      '道路側溝及溝蓋由養護工程處維護。請通報「其他工務問題」，說明位置並附照片，本局會分派養護工程處處理；溝蓋缺漏有危險時請撥打 1999。',
    answerEn:
      'Roadside drains and their grates are maintained by the Maintenance Engineering Office. Report it under "Other public works problems" with the place and a photo and we pass it on; call 1999 if a missing grate is dangerous.',
    relatedServiceCodes: ['public-works-other'],
    themeCodes: [],
    cakeCodes: [],
    serviceCodes: ['E00'],
  },
  {
    key: 'flooding',
    unitCode: 'maintenance',
    questionZh: '下雨時路面積水要怎麼通報？',
    questionEn: 'The road floods when it rains: how do I report it?',
    variantsZh: ['淹水通報', '道路積水', '下雨就淹水'],
    variantsEn: ['Who do I tell about a road that floods?'],
    answerZh:
      '道路積水請通報「其他工務問題」，註明地點及積水時間，養護工程處會檢查側溝及排水是否阻塞並清疏。豪雨期間的緊急淹水請撥打 1999 或 119。',
    answerEn:
      'Report a road that floods under "Other public works problems" with the place and when it floods; the Maintenance Engineering Office checks and clears the drains. In a storm, call 1999 or 119 for emergencies.',
    relatedServiceCodes: ['public-works-other'],
    themeCodes: [],
    cakeCodes: [],
    serviceCodes: ['E00'],
  },
  {
    key: 'street-light-out',
    unitCode: 'parks',
    questionZh: '路燈壞了要找誰修？',
    questionEn: 'A street light is broken: who repairs it?',
    variantsZh: ['路燈不亮怎麼報修？', '路燈一直閃', '路燈白天還亮著'],
    variantsEn: ['Who fixes a street light that is out?', 'How do I report a broken street light?'],
    answerZh:
      '市區路燈由公園處維護。路燈不亮、閃爍、白天不熄或燈桿損壞，請線上通報「路燈維修」或撥打 1999，提供路燈位置及燈桿編號，一般於 3 個工作天內修復。',
    answerEn:
      'Street lights are maintained by the Parks Office. Report a light that is out, flickering, on by day or a damaged pole online under "Street light repair" or call 1999, with the place and the pole number; it is usually fixed within 3 working days.',
    relatedServiceCodes: ['street-light-repair'],
    themeCodes: [],
    cakeCodes: [],
    serviceCodes: ['A00'],
  },
  {
    key: 'street-light-number',
    unitCode: 'parks',
    questionZh: '報修路燈要提供什麼資料？燈桿編號在哪裡？',
    questionEn: 'What do I give when reporting a street light, and where is the pole number?',
    variantsZh: ['路燈編號在哪', '報修路燈需要什麼'],
    variantsEn: ["Where do I find a street light's number?"],
    answerZh:
      '請提供路燈位置（地址、路口或地圖上的點）及燈桿編號。燈桿編號通常貼在離地約 1.5 公尺處，有編號時公園處維修班可以更快找到；現場照片可省略。',
    answerEn:
      'Give the place (an address, a junction or a point on the map) and the pole number, usually on a label about 1.5 m above the ground; with it the Parks Office crew finds the light faster. A photo is optional.',
    relatedServiceCodes: ['street-light-repair'],
    themeCodes: [],
    cakeCodes: [],
    serviceCodes: ['A00'],
  },
  {
    key: 'street-light-new',
    unitCode: 'parks',
    questionZh: '巷子太暗可以申請加裝路燈嗎？',
    questionEn: 'Our lane is too dark: can we ask for a new street light?',
    variantsZh: ['申請新設路燈', '增設路燈', '巷弄照明不足'],
    variantsEn: ['How do I ask for a new street light?'],
    answerZh:
      '可以。新設路燈請由里辦公處或區公所向公園處提出，公園處會派員會勘照度及用電條件，符合設置原則者排入施工。個人也可以通報「其他工務問題」說明地點，本局會轉請公園處評估。',
    answerEn:
      'Yes. Ask through your village office or district office; the Parks Office surveys the light levels and power supply, and a location that meets the criteria is scheduled. You can also report it under "Other public works problems" and we pass it on.',
    relatedServiceCodes: ['public-works-other'],
    themeCodes: [],
    cakeCodes: [],
    serviceCodes: ['A00'],
  },
  {
    key: 'street-light-danger',
    unitCode: 'parks',
    questionZh: '路燈桿傾斜或電線外露怎麼辦？',
    questionEn: 'A lamp post is leaning or has exposed wires: what should I do?',
    variantsZh: ['燈桿倒了', '路燈電線外露'],
    variantsEn: ['A street light pole is about to fall.'],
    answerZh:
      '燈桿傾倒或電線外露有觸電危險，請勿靠近，並立即撥打 1999 或 110。公園處接獲通報會優先派員到場斷電及處理。',
    answerEn:
      'A leaning pole or exposed wires can electrocute: keep away and call 1999 or 110 at once. The Parks Office sends a crew first to cut the power and make it safe.',
    relatedServiceCodes: ['street-light-repair'],
    themeCodes: [],
    cakeCodes: [],
    serviceCodes: ['A00'],
  },
  {
    key: 'tree-pruning',
    unitCode: 'parks',
    questionZh: '行道樹太茂密擋住號誌，可以請你們修剪嗎？',
    questionEn: 'A street tree hides a traffic sign: can you prune it?',
    variantsZh: ['路樹修剪', '樹枝太長擋到路', '行道樹遮住路燈'],
    variantsEn: ['Who prunes street trees?'],
    answerZh:
      '行道樹枝葉遮蔽號誌、路燈或影響通行，請通報「行道樹修剪」，公園處依樹種修剪規範安排修剪，一般於 7 個工作天內處理。私人土地上的樹木請由所有人自行修剪。',
    answerEn:
      'Report street trees that hide signs or lights or block the way under "Street tree pruning"; the Parks Office prunes to its species rules, usually within 7 working days. Trees on private land are the owner\'s to prune.',
    relatedServiceCodes: ['street-tree-pruning'],
    themeCodes: [],
    cakeCodes: [],
    serviceCodes: ['E00'],
  },
  {
    key: 'tree-fallen',
    unitCode: 'parks',
    questionZh: '颱風過後路樹倒了要通報誰？',
    questionEn: 'A street tree fell in the typhoon: who do I tell?',
    variantsZh: ['樹倒了擋住路', '倒樹處理', '路樹傾倒'],
    variantsEn: ['Who clears fallen street trees?'],
    answerZh:
      '倒塌的行道樹請撥打 1999 或通報「行道樹修剪」，公園處會依阻礙交通的程度優先清除；颱風後通報量大，請耐心等候。樹木壓到車輛或房屋時，請先拍照存證。',
    answerEn:
      'Call 1999 or report fallen street trees under "Street tree pruning"; the Parks Office clears those blocking traffic first. After a typhoon there are many reports: please be patient. If a tree fell on a car or a house, take photos first.',
    relatedServiceCodes: ['street-tree-pruning'],
    themeCodes: [],
    cakeCodes: [],
    serviceCodes: ['E00'],
  },
  {
    key: 'tree-roots',
    unitCode: 'parks',
    questionZh: '行道樹的樹根把人行道頂起來怎麼辦？',
    questionEn: 'Street tree roots have lifted the sidewalk: what now?',
    variantsZh: ['樹根破壞人行道', '樹根造成地磚隆起'],
    variantsEn: ['Tree roots broke the pavement.'],
    answerZh:
      '請通報「人行道/騎樓破損」並說明是樹根造成，道路養護工程處會與公園處共同會勘，修整樹根並重新鋪設人行道。',
    answerEn:
      'Report it under "Damaged sidewalk or arcade" and say roots caused it; the Road Maintenance Office and the Parks Office inspect together, trim the roots and relay the sidewalk.',
    relatedServiceCodes: ['sidewalk-arcade-damage', 'street-tree-pruning'],
    themeCodes: [],
    cakeCodes: [],
    serviceCodes: ['A00'],
  },
  {
    key: 'park-playground',
    unitCode: 'parks',
    questionZh: '公園的溜滑梯或遊具壞了要找誰？',
    questionEn: 'A slide or other playground equipment in a park is broken: who do I tell?',
    variantsZh: ['公園遊具損壞', '盪鞦韆壞了', '公園設施壞了怎麼報修？'],
    variantsEn: ['Who repairs broken playground equipment?'],
    answerZh:
      '公園的遊具、座椅、步道、照明損壞，請線上通報「公園設施損壞」或撥打 1999。公園處會先將危險的遊具圍起禁止使用，再安排維修，一般於 3 個工作天內處理。',
    answerEn:
      'Report broken playground equipment, benches, paths or lights in parks online under "Damaged park facilities" or call 1999. The Parks Office fences off dangerous equipment first, then repairs it, usually within 3 working days.',
    relatedServiceCodes: ['park-facility-damage'],
    themeCodes: [],
    cakeCodes: [],
    serviceCodes: ['900'],
  },
  {
    key: 'park-toilet',
    unitCode: 'parks',
    questionZh: '公園廁所很髒或壞掉要反映給誰？',
    questionEn: 'A park toilet is dirty or broken: who do I tell?',
    variantsZh: ['公廁不乾淨', '公園廁所故障'],
    variantsEn: ['Who looks after park toilets?'],
    answerZh:
      '公園內的公共廁所由公園處管理，請通報「公園設施損壞」，註明公園名稱及廁所位置；清潔問題會轉請清潔廠商立即改善。',
    answerEn:
      'Park toilets are managed by the Parks Office: report it under "Damaged park facilities" with the park\'s name and where the toilet is; cleaning problems are passed to the cleaning contractor at once.',
    relatedServiceCodes: ['park-facility-damage'],
    themeCodes: [],
    cakeCodes: [],
    serviceCodes: ['900'],
  },
  {
    key: 'park-small',
    unitCode: 'parks',
    questionZh: '社區裡的小公園是誰在管理？',
    questionEn: 'Who manages the small park in my neighbourhood?',
    variantsZh: ['小公園歸誰管', '鄰里公園管理單位'],
    variantsEn: ['Which office looks after neighbourhood parks?'],
    answerZh:
      '一公頃以上的公園由公園處管理；一公頃以下的鄰里公園自 2020 年起由各區公所管理。不確定時仍可通報「公園設施損壞」，本局會代為轉交負責單位。',
    answerEn:
      'Parks of one hectare or more are managed by the Parks Office; smaller neighbourhood parks have been managed by the district offices since 2020. If unsure, report under "Damaged park facilities" and we pass it on.',
    relatedServiceCodes: ['park-facility-damage'],
    themeCodes: [],
    cakeCodes: [],
    serviceCodes: ['900'],
  },
  {
    key: 'park-adoption',
    unitCode: 'parks',
    questionZh: '公司或社區可以認養公園嗎？',
    questionEn: 'Can a company or community group adopt a park?',
    variantsZh: ['認養公園怎麼申請？', '公園認養辦法', '綠地認養'],
    variantsEn: ['How do we adopt a park?'],
    answerZh:
      '可以。企業、團體或社區可向公園處申請「公園認養」，認養內容包括清潔、植栽維護或設施捐贈，認養期間可在公園設置認養告示牌。',
    answerEn:
      'Yes. Companies, groups and communities can apply to the Parks Office to adopt a park: cleaning, planting care or donating facilities; an adoption sign may be put up in the park.',
    relatedServiceCodes: ['park-adoption'],
    themeCodes: [],
    cakeCodes: [],
    serviceCodes: ['900'],
  },
  {
    key: 'park-events',
    unitCode: 'parks',
    questionZh: '在公園辦活動要申請嗎？',
    questionEn: 'Do we need permission to hold an event in a park?',
    variantsZh: ['公園場地借用', '公園辦活動申請'],
    variantsEn: ['How do I book a park for an event?'],
    answerZh:
      '在公園舉辦活動、搭設舞台或帳篷，請於活動 14 日前向公園處申請場地使用，並附活動計畫及場地配置圖；大型活動需另提安全維護計畫。',
    answerEn:
      'To hold an event, or put up a stage or tents in a park, apply to the Parks Office 14 days ahead with the event plan and a site layout; large events also need a safety plan.',
    relatedServiceCodes: [],
    themeCodes: [],
    cakeCodes: [],
    serviceCodes: ['900'],
  },
  {
    key: 'building-permit',
    unitCode: 'building',
    questionZh: '蓋房子要申請哪些執照？',
    questionEn: 'What permits do I need to build a house?',
    variantsZh: ['蓋房子要什麼執照？', '建造執照怎麼申請？', '新建房屋要申請建照嗎？'],
    variantsEn: ['Do I need a building permit to build a house?'],
    answerZh:
      '新建、增建、改建或修建建築物，須委託建築師向建築管理處申請建造執照；領照後開工前申報開工，施工中依階段申報施工勘驗，完工後再申請使用執照，取得使用執照才能使用。',
    answerEn:
      'New buildings, extensions and alterations need a building permit, applied for by your architect to the Building Management Office. Before work starts you file the start of work, you file inspections at each stage, and when it is finished you apply for the occupancy permit, without which the building may not be used.',
    relatedServiceCodes: ['building-construction-start', 'construction-inspection-filing'],
    themeCodes: [],
    cakeCodes: [],
    serviceCodes: ['C00'],
  },
  {
    key: 'use-permit',
    unitCode: 'building',
    questionZh: '房子蓋好之後要申請使用執照嗎？',
    questionEn: 'Do I need an occupancy permit when the building is finished?',
    variantsZh: ['使用執照怎麼申請？', '使照申請', '完工後要辦什麼'],
    variantsEn: ['How do I get an occupancy permit?'],
    answerZh:
      '要。建築物完工後，起造人應會同建築師向建築管理處申請使用執照，經竣工查驗合格核發後才能使用及申請水電。申請書表可在「書表下載」取得。',
    answerEn:
      'Yes. When the building is finished the owner and the architect apply to the Building Management Office for the occupancy permit; only after the completion inspection and the permit may it be used and connected to water and power. The forms are under Forms.',
    relatedServiceCodes: ['construction-inspection-filing'],
    themeCodes: [],
    cakeCodes: [],
    serviceCodes: ['C00'],
  },
  {
    key: 'construction-start',
    unitCode: 'building',
    questionZh: '拿到建造執照後什麼時候可以開工？',
    questionEn: 'When may building work start once the permit is issued?',
    variantsZh: ['開工申報怎麼辦？', '建照核准後開工'],
    variantsEn: ['How do I file the start of building work?'],
    answerZh:
      '領得建造執照後，起造人應會同承造人及監造人向建築管理處申報開工，經審查核准後才能動工，一般於 3 個工作天內完成。建造執照核發後 6 個月內須申報開工。',
    answerEn:
      'After the building permit is issued the owner, with the builder and the architect, files the start of work with the Building Management Office; work may begin once it is approved, usually within 3 working days. The start must be filed within 6 months of the permit.',
    relatedServiceCodes: ['building-construction-start'],
    themeCodes: [],
    cakeCodes: [],
    serviceCodes: ['C00'],
  },
  {
    key: 'inspection',
    unitCode: 'building',
    questionZh: '施工勘驗要在什麼時候申報？',
    questionEn: 'When must construction inspections be filed?',
    variantsZh: ['施工勘驗申報時間', '放樣勘驗', '各樓層勘驗'],
    variantsEn: ['When do I file for a construction inspection?'],
    answerZh:
      '建築工程施工至放樣、基礎、各樓層版等規定階段時，承造人及監造人應申報勘驗，附現場照片及勘驗紀錄，建築管理處得派員抽查，符合後才能繼續施工。',
    answerEn:
      'At each stage set by the rules (setting out, foundations, each floor slab) the builder and the architect file for inspection with site photos and the record; the Building Management Office may inspect, and work goes on once it is accepted.',
    relatedServiceCodes: ['construction-inspection-filing'],
    themeCodes: [],
    cakeCodes: [],
    serviceCodes: ['C00'],
  },
  {
    key: 'rooftop-solar',
    unitCode: 'building',
    questionZh: '在屋頂裝太陽能板需要申請執照嗎？',
    questionEn: 'Do I need a permit to put solar panels on my roof?',
    variantsZh: ['太陽能板要不要執照？', '屋頂太陽光電要申請什麼？', '裝太陽能板要申請嗎'],
    variantsEn: ['Do rooftop solar panels need a permit?'],
    answerZh:
      '依高雄市規定，屋頂設置太陽光電設施符合高度及結構安全規定者，免請領雜項執照，由專業技師簽證後向建築管理處備案即可；超過規定高度或設於斜屋頂者，請先洽詢建築管理處。',
    answerEn:
      "Under Kaohsiung's rules, rooftop solar that meets the height and structural limits needs no miscellaneous permit: a professional engineer certifies it and you register it with the Building Management Office. Over the height limit, or on a pitched roof, ask the office first.",
    relatedServiceCodes: ['rooftop-solar'],
    themeCodes: [],
    cakeCodes: [],
    serviceCodes: ['C00'],
  },
  {
    key: 'interior-renovation',
    unitCode: 'building',
    questionZh: '房子裝潢需要申請許可嗎？',
    questionEn: 'Do I need permission to renovate the inside of my home?',
    variantsZh: ['室內裝修許可', '裝潢要申請嗎？', '室內裝修審查'],
    variantsEn: ['Do interior renovations need a permit?'],
    answerZh:
      '供公眾使用的建築物，以及五層以上集合住宅的室內裝修，須由室內裝修專業技術人員向建築管理處申請審查許可；一般住宅不變更隔間、不動結構的粉刷、鋪地板等，無須申請。',
    answerEn:
      'Interior fitting-out of buildings used by the public, and of apartment buildings of five storeys or more, needs approval from the Building Management Office through a certified interior designer. Painting or flooring in an ordinary home, without moving walls or structure, needs none.',
    relatedServiceCodes: [],
    themeCodes: [],
    cakeCodes: [],
    serviceCodes: ['C00'],
  },
  {
    key: 'change-use',
    unitCode: 'building',
    questionZh: '住家要改成店面或辦公室要辦什麼？',
    questionEn: 'What do I need to turn a home into a shop or an office?',
    variantsZh: ['變更使用執照', '房子改店面', '變更使用類組'],
    variantsEn: ["How do I change a building's use?"],
    answerZh:
      '建築物變更使用類組（例如住宅改為店面、餐廳或辦公室），須委託建築師向建築管理處申請變更使用執照，確認消防、結構及無障礙設施符合新用途的規定。',
    answerEn:
      "Changing a building's use class (a home into a shop, restaurant or office) needs a change-of-use permit from the Building Management Office through an architect, showing fire safety, structure and accessibility meet the new use.",
    relatedServiceCodes: [],
    themeCodes: [],
    cakeCodes: [],
    serviceCodes: ['C00'],
  },
  {
    key: 'safety-inspection',
    unitCode: 'building',
    questionZh: '建築物公共安全檢查什麼時候要申報？',
    questionEn: 'When must the public safety inspection of a building be filed?',
    variantsZh: ['公安申報', '建築物公共安全檢查申報期限'],
    variantsEn: ['When is the building safety inspection due?'],
    answerZh:
      '供公眾使用的建築物，應依類別每一至四年委託專業機構檢查簽證，並在規定期間向建築管理處申報；未依限申報者將依建築法處罰。',
    answerEn:
      'Buildings used by the public must be inspected and certified by a professional body every one to four years depending on their class, and the result filed with the Building Management Office within the set period; late filing is fined under the Building Act.',
    relatedServiceCodes: [],
    themeCodes: [],
    cakeCodes: [],
    serviceCodes: ['C00'],
  },
  {
    key: 'building-records',
    unitCode: 'building',
    questionZh: '怎麼查詢房子的建造執照或使用執照資料？',
    questionEn: "How do I look up a building's permits?",
    variantsZh: ['調閱建築執照', '查使照', '建照資料查詢'],
    variantsEn: ['How do I see the permits of my building?'],
    answerZh:
      '建築物所有權人或利害關係人，可檢附身分證明及建物權狀影本，向建築管理處申請調閱建造執照、使用執照及竣工圖說；執照字號可在網站的建築執照查詢系統查得。',
    answerEn:
      "Owners and interested parties can ask the Building Management Office, with ID and a copy of the title deed, to see a building's permits and as-built drawings; permit numbers can be found in the online permit search.",
    relatedServiceCodes: [],
    themeCodes: [],
    cakeCodes: [],
    serviceCodes: ['C00'],
  },
  {
    key: 'kaohsiung-house',
    unitCode: 'building',
    questionZh: '什麼是高雄厝？申請有什麼好處？',
    questionEn: 'What is the Kaohsiung House scheme and what does it offer?',
    variantsZh: ['高雄厝獎勵', '綠建築容積獎勵', '高雄厝設計'],
    variantsEn: ['What are the Kaohsiung House incentives?'],
    answerZh:
      '高雄厝是本市鼓勵綠建築的設計方案，新建築物設置綠化屋頂、遮陽、通風陽台、太陽光電等設施，符合規定者可不計入容積或建築面積。詳情可參考建築管理處出版的高雄厝設計手冊。',
    answerEn:
      "Kaohsiung House is the city's green building scheme: new buildings with green roofs, sunshades, ventilated balconies or solar panels may leave them out of the floor area ratio. See the Building Management Office's Kaohsiung House design guide.",
    relatedServiceCodes: [],
    themeCodes: [],
    cakeCodes: [],
    serviceCodes: ['C00'],
  },
  {
    key: 'vacant-lot',
    unitCode: 'building',
    questionZh: '家旁邊的空地雜草叢生可以怎麼處理？',
    questionEn: 'The empty lot next door is overgrown: what can be done?',
    variantsZh: ['空地雜草很多', '閒置空地髒亂', '空地綠美化'],
    variantsEn: ['An empty plot next to me is full of weeds.'],
    answerZh:
      '空地髒亂、堆積垃圾屬環境衛生，請向環境保護局檢舉。地主若願意將閒置空地綠美化並開放使用，可向建築管理處申請「空地綠美化」，完成後可申請稅捐減免。',
    answerEn:
      'Rubbish and weeds on an empty lot are a sanitation matter for the Environmental Protection Bureau. If the owner is willing to green the lot and open it to the public, they can apply to the Building Management Office for vacant lot greening and then a tax reduction.',
    relatedServiceCodes: ['vacant-lot-greening'],
    themeCodes: [],
    cakeCodes: [],
    serviceCodes: ['E00'],
  },
  {
    key: 'vacant-lot-tax',
    unitCode: 'building',
    questionZh: '空地綠美化可以減稅嗎？',
    questionEn: 'Does greening a vacant lot reduce the tax?',
    variantsZh: ['空地綠美化稅捐減免', '空地綠化減稅'],
    variantsEn: ['Is there a tax reduction for greening a vacant lot?'],
    answerZh:
      '可以。空地經建築管理處核准綠美化並開放公眾使用，完成後可檢附核准文件向稅捐稽徵處申請地價稅減免，維護期間須保持綠美化狀態。',
    answerEn:
      'Yes. Once the Building Management Office approves the greening and the lot is open to the public, the owner can apply to the tax office for a land value tax reduction, as long as the lot stays green.',
    relatedServiceCodes: ['vacant-lot-greening'],
    themeCodes: [],
    cakeCodes: [],
    serviceCodes: ['E00'],
  },
  {
    key: 'illegal-report',
    unitCode: 'illegal-building',
    questionZh: '鄰居頂樓加蓋違建要怎麼檢舉？',
    questionEn: 'How do I report an illegal rooftop extension next door?',
    variantsZh: ['違建怎麼檢舉？', '檢舉違章建築', '鐵皮屋違建檢舉'],
    variantsEn: ['How do I report an illegal building?'],
    answerZh:
      '請線上提出「違章建築查報」，說明違建地址、位置（如頂樓、陽台、防火巷）及施工情形，可附照片。違章建築處理大隊會派員現場勘查並依規定認定及處理；施工中的新違建會優先查報拆除。',
    answerEn:
      'Send an illegal building report online with the address, where it is (rooftop, balcony, fire lane) and what is being built, with photos if you can. The Illegal Building Squad inspects and decides under the rules; new illegal building under way is dealt with first.',
    relatedServiceCodes: ['illegal-building-report'],
    themeCodes: [],
    cakeCodes: [],
    serviceCodes: ['E00'],
  },
  {
    key: 'illegal-privacy',
    unitCode: 'illegal-building',
    questionZh: '檢舉違建會不會被知道是我檢舉的？',
    questionEn: 'Will anyone find out that I reported an illegal building?',
    variantsZh: ['檢舉人資料保密', '檢舉違建會曝光嗎'],
    variantsEn: ['Is my identity kept secret when I report?'],
    answerZh:
      '不會。檢舉人的身分及資料依法保密，違章建築處理大隊不會告知被檢舉人是誰提出的，也不會在任何公開資料中揭露。',
    answerEn:
      "No. The Illegal Building Squad keeps the reporter's identity confidential as the law requires: it never tells the person reported, nor publishes it anywhere.",
    relatedServiceCodes: ['illegal-building-report'],
    themeCodes: [],
    cakeCodes: [],
    serviceCodes: ['E00'],
  },
  {
    key: 'illegal-repair',
    unitCode: 'illegal-building',
    questionZh: '舊有的違建可以修繕嗎？',
    questionEn: 'Can an old illegal structure be repaired?',
    variantsZh: ['既存違建修理', '違建修繕', '舊違建換屋頂'],
    variantsEn: ['May I repair an existing unauthorised structure?'],
    answerZh:
      '民國 84 年以前既存的違建，在不擴大、不增加高度的原則下，可用原材料修繕，請事先向違章建築處理大隊報備；擴建或改用其他材料將視為新違建處理。',
    answerEn:
      'Unauthorised structures that existed before 1995 may be repaired with the same materials if they are not enlarged or raised; notify the Illegal Building Squad first. Enlarging or changing materials is treated as new illegal building.',
    relatedServiceCodes: ['illegal-building-report'],
    themeCodes: [],
    cakeCodes: [],
    serviceCodes: ['E00'],
  },
  {
    key: 'fire-lane',
    unitCode: 'illegal-building',
    questionZh: '防火巷被鄰居加蓋占用要找誰？',
    questionEn: 'A neighbour has built over the fire lane: who do I tell?',
    variantsZh: ['防火巷違建', '防火巷被占用', '防火巷堆雜物'],
    variantsEn: ['Someone has built in the fire lane behind our building.'],
    answerZh:
      '防火巷內的加蓋屬違章建築，請提出「違章建築查報」，違章建築處理大隊會優先處理影響逃生安全的案件；堆放雜物則請向消防局檢舉。',
    answerEn:
      'Building in a fire lane is illegal building: send an illegal building report and the Illegal Building Squad deals first with cases that block escape routes. Clutter stored there is for the Fire Bureau.',
    relatedServiceCodes: ['illegal-building-report'],
    themeCodes: [],
    cakeCodes: [],
    serviceCodes: ['E00'],
  },
  {
    key: 'case-tracking',
    unitCode: 'secretariat',
    questionZh: '通報或申請之後要怎麼查詢案件進度？',
    questionEn: 'How do I follow my report or application after sending it?',
    variantsZh: ['查進度', '案件辦到哪裡了？', '案件查詢'],
    variantsEn: ['How do I track my case?'],
    answerZh:
      '送出後您會收到案件編號及查詢碼，請在「案件查詢」頁輸入即可看到處理進度、承辦單位及預計完成日期；留有電子郵件者，案件有進展時也會收到通知。',
    answerEn:
      'When you send it you get a case number and a look-up code: enter them on the case tracking page to see progress, the unit handling it and the expected date. If you gave an e-mail address you are also told when the case moves.',
    relatedServiceCodes: [],
    themeCodes: [],
    cakeCodes: [],
    serviceCodes: ['E00'],
  },
  {
    key: 'after-hours',
    unitCode: 'secretariat',
    questionZh: '下班時間遇到道路或路燈的危險狀況要打哪支電話？',
    questionEn: 'Who do I call about a dangerous road or street light outside office hours?',
    variantsZh: ['晚上要報修找誰', '緊急狀況電話', '假日報修'],
    variantsEn: ['Emergency number for road dangers at night?'],
    answerZh:
      '請撥打 1999 高雄萬事通專線（24 小時），危及人身安全時請撥 110 或 119。線上通報也全天受理，道路養護工程處及公園處均有夜間待命人員。',
    answerEn:
      'Call the 1999 city hotline (24 hours), or 110 or 119 when lives are at risk. Online reports are taken at any hour, and the Road Maintenance Office and the Parks Office have night crews on call.',
    relatedServiceCodes: ['pothole-report', 'street-light-repair'],
    themeCodes: [],
    cakeCodes: [],
    serviceCodes: ['E00'],
  },
  {
    key: 'other-problem',
    unitCode: 'secretariat',
    questionZh: '不知道問題該歸哪個單位，要怎麼反映？',
    questionEn: "I don't know which office my problem belongs to: where do I send it?",
    variantsZh: ['不知道找哪個單位', '其他問題反映'],
    variantsEn: ['Which office handles my problem?'],
    answerZh:
      '請通報「其他工務問題」，說明地點及情形，秘書室會分派給負責的單位；不屬本局業務者，也會轉交權責機關並告知您。',
    answerEn:
      'Report it under "Other public works problems" with the place and what is wrong; the Secretariat passes it to the right office, and if it is not ours, to the agency responsible, and tells you.',
    relatedServiceCodes: ['public-works-other'],
    themeCodes: [],
    cakeCodes: [],
    serviceCodes: ['E00'],
  },
];
