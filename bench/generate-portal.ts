/**
 * `node --import ./src/preload.mjs bench/generate-portal.ts -- [--items 200000] [--faq 20000] [--data-dir DIR |
 *  --database-url URL] [--seed 1] [--result-file FILE]`
 *
 * Fills a OneWindow database for the information-portal benchmark (issue 15): `--items` published content
 * items and `--faq` published FAQ entries, in realistic Chinese made from a vocabulary of the bureau's public
 * works (districts, streets, works, the words of announcements, news releases, procurement notices, rules,
 * forms, reports), each item:
 *   - of a kind drawn as a bureau publishes them (announcements and news most, topic pages fewest), from one
 *     of the bureau's units, shown from a day in the last ten years (a few scheduled later, a few expired);
 *   - with a title, a summary and a body of 3–9 sentences, DC.Subject keywords, theme / administrative /
 *     service classification codes from the loaded tables, and an English version on ~30 %;
 *   - with attachments on ~12 % (one or two), whose extracted text (1,000–3,000 characters) search reads.
 * FAQ entries: a question, two or three variants, a 2–4 sentence answer, a unit and related services.
 *
 * Then the search index is written through the app's own code path: `rebuildSearchIndex` with the portal
 * module's `searchSources` (content — read in batches, content-search-batches.ts — FAQ and site pages) — timed, since that is the indexing rate the issue asks about
 * (≥ 500 items/s) — and VACUUM ANALYZE. Rows are sent with COPY in batches; one transaction for the data,
 * one for the index. Without --database-url it starts an embedded PostgreSQL in --data-dir.
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { batchedContentSearchSource } from '../src/modules/portal/content/content-search-batches.ts';
import { portalModule } from '../src/modules/portal/index.ts';
import { withTransaction } from '../src/platform/db/database.ts';
import { rebuildSearchIndex } from '../src/platform/search/search-index.ts';
import {
  copyField,
  copyRows,
  DAY,
  describePhases,
  generatorOptions,
  nullField,
  phaseTimer,
  runAsScript,
  runGenerator,
  withGeneratorDatabase,
} from './bench-support.ts';
import { createRandom, districtWeights, type Random, streets, weightedPicker } from './case-fixtures.ts';

export interface PortalGenerateOptions {
  connectionString: string;
  items: number;
  faq: number;
  now?: Date;
  seed?: number;
  log?: (line: string) => void;
}

export interface PortalGenerateResult {
  items: number;
  faq: number;
  attachments: number;
  englishItems: number;
  byKind: Record<string, number>;
  /** Rows of search_documents per source after the rebuild. */
  indexed: Record<string, number>;
  /** The rebuild through rebuildSearchIndex (content and FAQ), seconds. */
  indexSeconds: number;
  /** Content items and FAQ entries per second through it. */
  indexRate: number;
  sizeMb: number;
  seconds: number;
  phases: { name: string; seconds: number }[];
}

// ---------------------------------------------------------------------------------------------------------
// The vocabulary

const districts = Object.keys(districtWeights);

/** Works and services of a public works bureau, with an English name. */
export const works: readonly (readonly [zh: string, en: string])[] = [
  ['道路挖掘', 'road excavation'],
  ['路面刨鋪', 'road resurfacing'],
  ['人行道改善', 'sidewalk improvement'],
  ['排水溝清淤', 'drain dredging'],
  ['側溝改善', 'gutter improvement'],
  ['路燈汰換', 'street light replacement'],
  ['LED路燈節能', 'LED street lighting'],
  ['公園綠美化', 'park greening'],
  ['空地綠美化', 'vacant lot greening'],
  ['橋梁耐震補強', 'bridge seismic retrofit'],
  ['自行車道', 'cycle path'],
  ['騎樓整平', 'arcade levelling'],
  ['違章建築拆除', 'illegal building removal'],
  ['建築執照審查', 'building permit review'],
  ['使用執照', 'occupancy permit'],
  ['高雄厝', 'Kaohsiung House'],
  ['綠建築', 'green building'],
  ['太陽能光電板', 'solar panels'],
  ['無障礙坡道', 'accessible ramps'],
  ['景觀改善', 'landscape improvement'],
  ['地下道維護', 'underpass maintenance'],
  ['公有停車場', 'public car park'],
  ['行道樹修剪', 'street tree pruning'],
  ['防汛整備', 'flood preparedness'],
  ['滯洪池', 'detention pond'],
  ['管線埋設', 'utility pipeline works'],
  ['人孔蓋下地', 'manhole cover lowering'],
  ['路平專案', 'smooth roads programme'],
  ['標線重劃', 'road marking'],
  ['公共設施維護', 'public facility maintenance'],
  ['招牌廣告物', 'signboards'],
  ['建物公共安全檢查', 'building safety inspection'],
  ['騎樓無障礙', 'barrier-free arcades'],
  ['市區道路養護', 'urban road maintenance'],
  ['共同管道', 'utility tunnel'],
];

const kindWeights: readonly (readonly [string, number])[] = [
  ['announcement', 30],
  ['news', 25],
  ['procurement', 15],
  ['plan_report', 8],
  ['activity', 6],
  ['regulation', 5],
  ['form', 5],
  ['publication', 3],
  ['topic', 3],
];

const newsVerbs = ['開工', '完工', '啟用', '進度說明', '說明會', '成果發表', '獲獎', '施工告知'];
const announcementKinds = ['施工交通管制', '停電施工', '夜間施工', '封閉改道', '受理申請', '公告周知'];
const sentenceTemplates = [
  '本局{unit}辦理{district}{street}{work}工程，預計於{month}月完工。',
  '施工期間{street}部分車道將封閉，請用路人改道行駛並注意安全。',
  '{work}完成後可改善{district}一帶的交通與排水，提升市民生活品質。',
  '民眾如對{work}有任何疑問，請洽本局{unit}，電話 07-3368333。',
  '依據高雄市{work}管理自治條例，申請人應於施工前檢附相關文件提出申請。',
  '本案經費新臺幣{amount}萬元，由{unit}負責督導施工品質。',
  '{district}里民反映{street}路面坑洞及路燈不亮等問題，本局已派員現場勘查。',
  '為配合{work}，{street}沿線人行道將分段施工，造成不便敬請見諒。',
  '申請{work}應填具申請書，並附平面圖、施工計畫書及交通維持計畫。',
  '本局將持續推動{work}，打造安全、友善、宜居的城市環境。',
  '颱風豪雨期間，請市民留意{district}低窪地區的積水情形，並撥打1999通報。',
  '{work}相關書表可於本局網站下載，或至{unit}服務臺索取。',
  '違反規定者，依法處新臺幣{amount}千元以上罰鍰，並限期改善。',
  '本次說明會將於{month}月{day}日假{district}區公所禮堂舉行，歡迎里民踴躍參加。',
];
const fileSentences = [
  '第一條 本要點依高雄市{work}管理自治條例訂定之。',
  '第二條 申請{work}者，應檢具申請書、位置圖及切結書，向本局{unit}提出。',
  '第三條 施工單位應設置安全圍籬及警示燈號，並指派專人指揮交通。',
  '第四條 {work}完成後，應於七日內申報完工，經本局會勘合格後始得結案。',
  '第五條 未依核准內容施工者，本局得命其停工並限期改善。',
  '工程名稱：{district}{street}{work}工程。工程地點：{district}{street}。',
  '預算金額：新臺幣{amount}萬元。履約期限：決標次日起{day}日曆天。',
  '檢查項目：路面平整度、排水坡度、標線清晰度、人孔蓋高程。',
  '會議結論：請{unit}於{month}月底前提送{work}細部設計，並辦理地方說明會。',
  '附表一 {work}申請應備文件檢核表：申請書、土地使用同意書、施工計畫書、交通維持計畫。',
];
const faqQuestions = [
  '{work}要申請什麼？',
  '{work}要怎麼申請？',
  '{district}{street}路燈壞了找誰？',
  '{work}需要多久時間？',
  '{work}要繳多少費用？',
  '{street}的路面坑洞要向哪個單位反映？',
  '家裡要裝{work}需不需要執照？',
  '{work}可以線上申辦嗎？',
];
const faqVariants = [
  '請問{work}怎麼辦',
  '{work}去哪裡申請',
  '{work}的規定',
  '{district}{work}問題',
  '如何辦理{work}',
];
const faqAnswers = [
  '可至本局網站「線上申辦」申請{work}，或親至{unit}臨櫃辦理。',
  '一般案件於收件後七個工作天內辦結，文件不齊者須補正後重新起算。',
  '路燈故障、道路坑洞請撥打1999或使用本網站「報修」通報，本局將派員處理。',
  '{work}依規定須檢附申請書、平面圖及施工計畫書。',
  '規費依高雄市{work}收費標準計收，詳見服務項目說明。',
  '如有疑問，請洽本局{unit}，電話 07-3368333。',
];

function fill(template: string, random: Random, facts: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    if (name in facts) return facts[name] ?? '';
    if (name === 'month') return String(random.int(1, 12));
    if (name === 'day') return String(random.int(1, 28));
    if (name === 'amount') return String(random.int(3, 900) * 10);
    return '';
  });
}

// ---------------------------------------------------------------------------------------------------------
// COPY fields

/** A text[] in COPY's text format. */
function arrayField(values: readonly string[]): string {
  return copyField(`{${values.map((value) => `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`);
}

const timeField = (moment: number | null) => (moment === null ? nullField : new Date(moment).toISOString());

const itemColumns =
  'id, kind, unit_code, state, current_version, published_version, visible_from, visible_until, foi_kinds, is_demo, created_at, updated_at';
const versionColumns =
  'item_id, version, title_zh, title_en, summary_zh, summary_en, body_zh, body_en, subjects_zh, subjects_en, theme_codes, cake_codes, service_codes, publish_at, edited_at, submitted_at, reviewed_at, review_decision';
const attachmentColumns =
  'id, item_id, version, file_name, media_type, size_bytes, sha256, title_zh, title_en, role, extracted_text, sort_order, added_at';
const faqColumns =
  'id, unit_code, state, question_zh, question_en, variants_zh, variants_en, answer_zh, answer_en, related_service_codes, theme_codes, cake_codes, service_codes, is_demo, created_at, updated_at, published_at';

const batchSize = 5000;

async function codesOf(client: pg.Client, query: string): Promise<string[]> {
  return (await client.query<{ code: string }>(query)).rows.map((row) => row.code);
}

export async function generatePortal(options: PortalGenerateOptions): Promise<PortalGenerateResult> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const { phases, phase, seconds } = phaseTimer(log);
  const now = (options.now ?? new Date()).getTime();
  const random = createRandom(options.seed ?? 1);
  const pickKind = weightedPicker(kindWeights);
  const pickDistrict = weightedPicker(districts.map((name) => [name, districtWeights[name] ?? 1]));

  return withGeneratorDatabase(options, 'onewindow-bench-portal', async (database, client) => {
    await client.connect();
    const existing = await client.query<{ count: number }>(
      'select count(*)::int as count from content_items where not is_demo',
    );
    if ((existing.rows[0]?.count ?? 0) > 0) throw new Error('this database already holds content items');
    const units = (
      await client.query<{ code: string; name: string }>(
        'select code, name_zh as name from units where is_active order by sort_order',
      )
    ).rows;
    const themeCodes = await codesOf(client, 'select code from theme_classifications');
    const cakeCodes = await codesOf(client, 'select code from administrative_classifications');
    const serviceClassCodes = await codesOf(client, 'select code from service_classifications');
    const serviceCodes = await codesOf(client, 'select code from services');
    if (units.length === 0) throw new Error('no units: the reference data is not loaded');
    phase('setup (migrate, seed)');

    const result: PortalGenerateResult = {
      items: 0,
      faq: 0,
      attachments: 0,
      englishItems: 0,
      byKind: {},
      indexed: {},
      indexSeconds: 0,
      indexRate: 0,
      sizeMb: 0,
      seconds: 0,
      phases,
    };
    const some = (codes: readonly string[], most: number) => {
      const count = codes.length === 0 ? 0 : random.int(0, most);
      return [...new Set(Array.from({ length: count }, () => random.pick(codes)))];
    };

    await client.query('begin');
    await client.query('set local synchronous_commit = off');
    let itemRows: string[] = [];
    let versionRows: string[] = [];
    let attachmentRows: string[] = [];
    const flush = async () => {
      await copyRows(client, 'content_items', itemColumns, itemRows);
      await copyRows(client, 'content_versions', versionColumns, versionRows);
      await copyRows(client, 'content_attachments', attachmentColumns, attachmentRows);
      itemRows = [];
      versionRows = [];
      attachmentRows = [];
    };
    for (let index = 0; index < options.items; index += 1) {
      const id = random.uuid();
      const kind = pickKind(random);
      const unit = random.pick(units);
      const [work, workEn] = random.pick(works);
      const district = pickDistrict(random);
      const street = random.pick(streets);
      const facts = { unit: unit.name, work, district, street };
      const year = 2016 + random.int(0, 10);
      const title =
        kind === 'news'
          ? `${district}${street}${work}工程${random.pick(newsVerbs)}`
          : kind === 'announcement'
            ? random.chance(0.5)
              ? `公告${district}${street}${work}${random.pick(announcementKinds)}`
              : `${year - 1911}年度${work}${random.pick(announcementKinds)}公告`
            : kind === 'procurement'
              ? `${district}${work}工程採購案（第${random.int(1, 9)}標）`
              : kind === 'regulation'
                ? random.chance(0.5)
                  ? `高雄市${work}管理自治條例`
                  : `高雄市政府工務局${work}作業要點`
                : kind === 'form'
                  ? `${work}申請書`
                  : kind === 'plan_report'
                    ? `${year - 1911}年度${work}執行成果報告`
                    : kind === 'activity'
                      ? `${district}${work}地方說明會`
                      : kind === 'publication'
                        ? `工務季刊第${random.int(1, 120)}期：${work}`
                        : `${work}專區`;
      const sentences = Array.from({ length: random.int(3, 9) }, () =>
        fill(random.pick(sentenceTemplates), random, facts),
      );
      const body = sentences.join('');
      const summary = sentences[0] ?? title;
      const hasEnglish = random.chance(0.3);
      const englishTitle = hasEnglish ? `${district} ${street}: ${workEn} (${kind.replace('_', ' ')})` : null;
      const shownFrom = now - random.next() * 3650 * DAY;
      // A few scheduled later, a few expired.
      const visibleFrom = random.chance(0.01) ? now + random.next() * 30 * DAY : shownFrom;
      const visibleUntil = random.chance(0.02) ? shownFrom + random.next() * 365 * DAY : null;
      const edited = Math.min(visibleFrom, now) - random.next() * 5 * DAY;
      itemRows.push(
        `${[
          id,
          kind,
          unit.code,
          'approved',
          '1',
          '1',
          timeField(visibleFrom),
          timeField(visibleUntil),
          arrayField(random.chance(0.3) ? [String(random.int(1, 10))] : []),
          'f',
          timeField(edited),
          timeField(edited),
        ].join('\t')}\n`,
      );
      versionRows.push(
        `${[
          id,
          '1',
          copyField(title),
          copyField(englishTitle),
          copyField(summary),
          copyField(hasEnglish ? `The bureau’s ${workEn} in ${district}, ${street}.` : null),
          copyField(body),
          copyField(
            hasEnglish
              ? `The bureau is carrying out ${workEn} works on ${street}, ${district}. Please follow the signs and drive with care.`
              : null,
          ),
          arrayField([work, district]),
          arrayField(hasEnglish ? [workEn] : []),
          arrayField(some(themeCodes, 2)),
          arrayField(some(cakeCodes, 1)),
          arrayField(some(serviceClassCodes, 2)),
          timeField(visibleFrom),
          timeField(edited),
          timeField(edited),
          timeField(edited + 3_600_000),
          'approved',
        ].join('\t')}\n`,
      );
      if (random.chance(0.12)) {
        for (let file = 0; file < random.int(1, 2); file += 1) {
          let text = '';
          while (text.length < random.int(1000, 3000))
            text += fill(random.pick(fileSentences), random, facts);
          attachmentRows.push(
            `${[
              random.uuid(),
              id,
              '1',
              copyField(`${work}-${file + 1}.pdf`),
              'application/pdf',
              String(40_000 + random.int(0, 900_000)),
              random.uuid().replaceAll('-', '').padEnd(64, '0'),
              copyField(file === 0 ? `${title}附件` : `${work}申請書表`),
              nullField,
              kind === 'form' && file === 1 ? 'sample' : 'file',
              copyField(text),
              String(file),
              timeField(edited),
            ].join('\t')}\n`,
          );
          result.attachments += 1;
        }
      }
      result.items += 1;
      if (hasEnglish) result.englishItems += 1;
      result.byKind[kind] = (result.byKind[kind] ?? 0) + 1;
      if (itemRows.length >= batchSize) {
        await flush();
        if (result.items % 50_000 === 0) log(`  ${result.items.toLocaleString('en')} items`);
      }
    }
    await flush();
    phase(`content items (${result.items.toLocaleString('en')})`);

    const faqRows: string[] = [];
    for (let index = 0; index < options.faq; index += 1) {
      const unit = random.pick(units);
      const [work, workEn] = random.pick(works);
      const facts = { unit: unit.name, work, district: pickDistrict(random), street: random.pick(streets) };
      const hasEnglish = random.chance(0.3);
      const published = now - random.next() * 1500 * DAY;
      faqRows.push(
        `${[
          random.uuid(),
          unit.code,
          'published',
          copyField(fill(random.pick(faqQuestions), random, facts)),
          copyField(hasEnglish ? `How do I get ${workEn}?` : null),
          arrayField(
            Array.from({ length: random.int(2, 3) }, () => fill(random.pick(faqVariants), random, facts)),
          ),
          arrayField(hasEnglish ? [`${workEn} application`] : []),
          copyField(
            Array.from({ length: random.int(2, 4) }, () => fill(random.pick(faqAnswers), random, facts)).join(
              '',
            ),
          ),
          copyField(hasEnglish ? `Apply online or at the counter of ${unit.code}.` : null),
          arrayField(some(serviceCodes, 2)),
          arrayField(some(themeCodes, 1)),
          arrayField(some(cakeCodes, 1)),
          arrayField(some(serviceClassCodes, 1)),
          'f',
          timeField(published),
          timeField(published),
          timeField(published),
        ].join('\t')}\n`,
      );
      result.faq += 1;
    }
    await copyRows(client, 'faq_entries', faqColumns, faqRows);
    await client.query('commit');
    await client.query('vacuum analyze content_items');
    await client.query('vacuum analyze content_versions');
    await client.query('vacuum analyze content_attachments');
    await client.query('vacuum analyze faq_entries');
    phase(`FAQ entries (${result.faq.toLocaleString('en')}) and VACUUM ANALYZE`);

    // ---- the search index, through the app's own path (what the seed and search:reindex run)
    const indexStarted = performance.now();
    // The portal's sources, the content items read a batch at a time (the per-item read is measured on a
    // sample by the bench section: at 200,000 items it would double the generation).
    const sources = (portalModule.searchSources ?? []).map((source) =>
      source.source === batchedContentSearchSource.source ? batchedContentSearchSource : source,
    );
    result.indexed = await withTransaction(database.db, (tx) => rebuildSearchIndex(tx, sources));
    result.indexSeconds = Math.round((performance.now() - indexStarted) / 100) / 10;
    const indexedThings = options.items + options.faq;
    result.indexRate = Math.round(indexedThings / Math.max(0.1, result.indexSeconds));
    phase(`search index (rebuildSearchIndex: ${result.indexRate} items/s)`);
    await client.query('vacuum analyze search_documents');
    const size = await database.db.execute<{ size: string }>(
      sql`select pg_database_size(current_database())::text as size`,
    );
    result.sizeMb = Math.round(Number(size.rows[0]?.size ?? 0) / 1024 ** 2);
    phase('VACUUM ANALYZE search_documents');
    result.seconds = seconds();
    return result;
  });
}

// ---------------------------------------------------------------------------------------------------------
// Command line

export function describePortalResult(result: PortalGenerateResult): string[] {
  const kinds = Object.entries(result.byKind)
    .sort((left, right) => right[1] - left[1])
    .map(([kind, count]) => `${kind} ${count.toLocaleString('en')}`)
    .join(', ');
  return [
    `Generated ${result.items.toLocaleString('en')} published content items (${kinds}; ${result.englishItems.toLocaleString('en')} with an English version, ${result.attachments.toLocaleString('en')} attachments with extracted text) and ${result.faq.toLocaleString('en')} published FAQ entries in ${result.seconds} s; database ${result.sizeMb.toLocaleString('en')} MB.`,
    `Search index rebuilt through rebuildSearchIndex with the portal's sources (content read in batches) in ${result.indexSeconds} s (${result.indexRate} items/s): ${Object.entries(
      result.indexed,
    )
      .map(([source, rows]) => `${source} ${rows.toLocaleString('en')} rows`)
      .join(', ')}.`,
    describePhases(result.phases),
  ];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      items: { type: 'string', default: '200000' },
      faq: { type: 'string', default: '20000' },
      ...generatorOptions,
    },
  });
  const items = Number(values.items);
  const faq = Number(values.faq);
  if (!Number.isInteger(items) || items < 1) throw new Error('--items must be a positive whole number');
  await runGenerator({
    connection: {
      databaseUrl: values['database-url'],
      dataDir: values['data-dir'],
      temporaryPrefix: 'onewindow-portal-',
    },
    resultFile: values['result-file'],
    announce: `Generating ${items.toLocaleString('en')} content items and ${faq.toLocaleString('en')} FAQ entries …`,
    generate: (connectionString) =>
      generatePortal({ connectionString, items, faq, seed: Number(values.seed) }),
    describe: describePortalResult,
  });
}

runAsScript(import.meta.url, main);
