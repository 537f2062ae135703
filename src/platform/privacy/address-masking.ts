/**
 * An applicant's own address as a public page may show it (TAIWAN.md, 個人資料保護法: "address → district
 * and road only"): the city or county, the district (區／鄉／鎮／市) and the road or street with its section
 * (段), nothing after it. Issue 14 found 「高雄市苓雅區四維三路○號○樓之○」 on /track: hiding the digits alone
 * kept the building, the floor and the flat's shape.
 *
 * Dropped, whatever they hold: the postal code, the village (里／村) and neighbourhood (鄰), the number (號),
 * floor (樓, F), unit (之, 室), and also the lane (巷) and alley (弄): a lane or an alley is a handful of
 * houses, which with a masked name is close to pointing at the door, while a road (even one section of it)
 * is many blocks. An address without a road (a rural 「○○村12鄰45號」, a lane on its own) keeps only what
 * comes before it. Addresses written in English (「No. 2, Siwei 3rd Rd., Lingya Dist., Kaohsiung City 802」)
 * keep the same parts: the road (with its section) and what is larger than it.
 *
 * Only for a person's own address: the place of a reported problem (a pothole's location) is not personal
 * data and is shown as it was given, by the pages that show it.
 */

/** What is shown when nothing of the address can be: it exists, and it is hidden. */
export const hiddenAddress = '○○○';

const han = '\\p{Script=Han}';
const numeral = '[0-9０-９一二三四五六七八九十百]';

/** 高雄市, 臺北市, 屏東縣 … then 苓雅區, 屏東市, 東港鎮, 霧台鄉 …; both optional, in that order. */
const administrative = new RegExp(`^((?:${han}{1,3}?[市縣])?(?:${han}{1,3}?區|${han}{1,3}?[鄉鎮市])?)`, 'u');
/** A village (五福里, 阿禮村) and its neighbourhood (3鄰), before the road. */
const village = new RegExp(`^(?:${han}{1,3}?[里村])?(?:${numeral}+鄰)?`, 'u');
/** The road: 四維三路, 中正路一段, 林森北路, 博愛大道, 文化街 (a name of Han characters, then its kind). */
const road = new RegExp(`^${han}{1,8}?(?:大道|路|街)(?:${numeral}+段)?`, 'u');

function maskChinese(address: string): string {
  const compact = address
    .replace(/\s+/g, '')
    // A postal code in front (802, 80203, 802301) and the country.
    .replace(/^[0-9０-９]{3,6}/, '')
    .replace(/^(?:中華民國|臺灣省?|台灣省?)/, '');
  const admin = administrative.exec(compact)?.[1] ?? '';
  const rest = compact.slice(admin.length);
  const roadHere = road.exec(rest)?.[0];
  const afterVillage = rest.slice(village.exec(rest)?.[0].length ?? 0);
  const roadAfterVillage = afterVillage === rest ? undefined : road.exec(afterVillage)?.[0];
  const shown = admin + (roadHere ?? roadAfterVillage ?? '');
  return shown === '' ? hiddenAddress : shown;
}

/** Parts of an English address that are smaller than a road: No. 2, 5F.-3, Ln. 12, Aly. 3, Rm. 501 … */
const smallerThanRoad =
  /^(?:(?:no|number|f|fl|floor|ln|lane|aly|alley|rm|room|unit|apt|apartment|suite|ste|lin|neighbou?rhood|vil|village)\.?(?=[\s\d.,-]|$)|#|\d+\s*f\b|\d+(?:st|nd|rd|th)?\s*(?:fl\.?|floor)\b|p\.?\s?o\.?\s?box)/i;

function maskLatin(address: string): string {
  const parts = address
    .split(/[,，\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '' && !smallerThanRoad.test(part))
    .map((part) =>
      part
        // A house number in front (「12 Main Street」, 「12-3 Main St.」) and a postal code at the end.
        .replace(/^\d+[\w-]*\s+/, '')
        .replace(/\s+\d{3,6}(?:-\d{1,4})?$/, '')
        .trim(),
    )
    // Whatever still carries a number that is not a road's ordinal (3rd) or section (Sec. 2) goes.
    .filter(
      (part) =>
        part !== '' && !/\d/.test(part.replace(/\b\d+(?:st|nd|rd|th)\b|\b(?:sec\.?|section)\s*\d+\b/gi, '')),
    );
  return parts.length === 0 ? hiddenAddress : parts.join(', ');
}

/**
 * 高雄市苓雅區四維三路2號5樓之3 → 高雄市苓雅區四維三路; 臺北市中正區忠孝東路一段12巷3弄4號 → 臺北市中正區忠孝東路一段;
 * No. 2, Siwei 3rd Rd., Lingya Dist., Kaohsiung City 802 → Siwei 3rd Rd., Lingya Dist., Kaohsiung City.
 */
export function maskAddress(address: string): string {
  const trimmed = address.trim();
  if (trimmed === '') return '';
  return /\p{Script=Han}/u.test(trimmed) ? maskChinese(trimmed) : maskLatin(trimmed);
}
