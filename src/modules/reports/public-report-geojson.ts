import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../platform/db/database.ts';
import {
  jsonArrayAgg,
  jsonLiteral,
  jsonLookup,
  jsonObject,
  jsonValue,
  taipeiMomentText,
  textTemplate,
} from '../../platform/db/json-text.ts';
import type { Lang } from '../../platform/web/i18n.ts';
import { caseStates, stateLabel } from '../cases/index.ts';
import { publicDegrees } from './public-point-sql.ts';
import {
  type BoundingBox,
  type PublicReportFilters,
  publicStateGroups,
  stateGroupOf,
} from './public-report-filters.ts';
import { publicReportText } from './public-report-messages.ts';
import { maxFeaturesPerBox, type PublicVocabulary, reportsInBoxQuery } from './public-report-queries.ts';
import { geoJsonCollection, reportUrl } from './report-feeds.ts';

/**
 * The map's bounding-box answer written by PostgreSQL (platform/db/json-text.ts): the same bytes as
 * geoJsonCollection(publicReportsInBox(…)) — public-report-geojson.db.test.ts compares them on every kind
 * of row — without reading up to 2001 rows into objects and stringifying 2000 features. The words come from
 * geoJsonFeature's own functions (wordsOf's tables, reportUrl around a marker).
 */

/** The box query's fields, from the sub-select they are read from. */
type BoxRow = Record<keyof ReturnType<typeof reportsInBoxQuery>['_']['selectedFields'], SQLWrapper>;

/** A moment as taipeiDateTime writes it, or null. */
const moment = (column: SQLWrapper) => jsonValue(taipeiMomentText(column));

/** One row as geoJsonFeature writes it, member by member in its order. */
function featureText(row: BoxRow, vocabulary: PublicVocabulary, lang: Lang, publicBaseUrl: string): SQL {
  const pick = (names: { nameZh: string; nameEn: string }) => (lang === 'en' ? names.nameEn : names.nameZh);
  const namesOf = (map: PublicVocabulary['categories']) =>
    Object.fromEntries([...map].map(([code, names]) => [code, pick(names)]));
  const groupOf = Object.fromEntries(caseStates.map((state) => [state, stateGroupOf(state)]));
  const groupLabels = Object.fromEntries(
    publicStateGroups.map((group) => [group, publicReportText(lang, `group_${group}`)]),
  );
  const stateNames = Object.fromEntries(
    caseStates.map((state) => [state, lang === 'en' ? stateLabel(state).en : stateLabel(state).zh]),
  );
  // A state no table knows is closed (stateGroupOf).
  const group = sql`coalesce(${jsonLookup(groupOf, row.state)}, 'closed')`;
  const url = textTemplate(reportUrl(publicBaseUrl, lang, 'CASENUMBERMARKER'), ['CASENUMBERMARKER']);
  const hasPoint = sql`${row.latitude} is not null and ${row.longitude} is not null`;
  const point = jsonObject([
    ['type', jsonLiteral('Point')],
    [
      'coordinates',
      sql`'[' || ${jsonValue(publicDegrees(row.longitude))} || ',' || ${jsonValue(publicDegrees(row.latitude))} || ']'`,
    ],
  ]);
  return jsonObject([
    ['type', jsonLiteral('Feature')],
    ['id', jsonValue(row.caseNumber)],
    ['geometry', sql`case when ${hasPoint} then ${point} else 'null' end`],
    [
      'properties',
      jsonObject([
        ['case_number', jsonValue(row.caseNumber)],
        ['category', jsonValue(row.serviceCode)],
        [
          'category_name',
          jsonValue(
            sql`coalesce(${jsonLookup(namesOf(vocabulary.categories), row.serviceCode)}, ${row.serviceCode})`,
          ),
        ],
        ['status', jsonValue(group)],
        ['status_name', jsonValue(jsonLookup(groupLabels, group))],
        ['state', jsonValue(row.state)],
        ['state_name', jsonValue(jsonLookup(stateNames, row.state))],
        ['district_code', jsonValue(row.districtCode)],
        [
          'district_name',
          jsonValue(sql`coalesce(${jsonLookup(namesOf(vocabulary.districts), row.districtCode)}, '')`),
        ],
        ['village_code', jsonValue(row.villageCode)],
        [
          'village_name',
          jsonValue(sql`nullif(${jsonLookup(namesOf(vocabulary.villages), row.villageCode)}, '')`),
        ],
        ['received_at', moment(row.receivedAt)],
        ['fixed_at', moment(row.resolvedAt)],
        ['closed_at', moment(row.closedAt)],
        ['url', jsonValue(url(row.caseNumber))],
      ]),
    ],
  ]);
}

/** The newest published reports in the box as the GeoJSON answer's text (geoJsonCollection's bytes). */
export async function publicReportsInBoxGeoJson(
  db: DatabaseOrTransaction,
  box: BoundingBox,
  filters: PublicReportFilters,
  options: { vocabulary: PublicVocabulary; lang: Lang; publicBaseUrl: string; limit?: number },
): Promise<string> {
  const limit = options.limit ?? maxFeaturesPerBox;
  const inBox = reportsInBoxQuery(db, box, filters, limit + 1).as('box');
  const feature = featureText(inBox, options.vocabulary, options.lang, options.publicBaseUrl);
  const [answer] = await db
    .select({
      features: jsonArrayAgg(feature, sql`${inBox.rank}`, sql`${inBox.rank} <= ${limit}`),
      isTruncated: sql<boolean>`count(*) > ${limit}`,
    })
    .from(inBox);
  // The collection's other members as geoJsonCollection writes them, its (empty) features put in place.
  const envelope = geoJsonCollection([], { ...options, isTruncated: answer?.isTruncated ?? false, limit });
  const empty = '"features":[]}';
  if (!envelope.endsWith(empty)) throw new Error('geoJsonCollection no longer ends with its features');
  return `${envelope.slice(0, -empty.length)}"features":${answer?.features ?? '[]'}}`;
}
