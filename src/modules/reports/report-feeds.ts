import { Readable } from 'node:stream';
import { toTaipeiLocalDate } from '../../platform/calendar/working-days.ts';
import { joinEntries } from '../../platform/http/entry-cache.ts';
import { formatPageDate } from '../../platform/web/format-date.ts';
import { type Lang, localePath } from '../../platform/web/i18n.ts';
import { xmlText } from '../../platform/web/xml-text.ts';
import { stateLabel } from '../cases/index.ts';
import { type PublicStateGroup, stateGroupOf } from './public-report-filters.ts';
import { publicReportText } from './public-report-messages.ts';
import type { PublicReportSummary, PublicVocabulary } from './public-report-queries.ts';
import { reportPaths } from './report-paths.ts';

/**
 * The photo reports as files other systems read: GeoJSON (the map's bounding-box answer and the whole
 * export), Atom feeds and CSV. Public fields only (public-report-queries.ts chooses them); the exports are
 * written row by row as the batches arrive, never built in memory.
 */

/** A state as the `cases` table's CHECK allows it (the column is text to Drizzle). */
type CaseStateName = Parameters<typeof stateLabel>[0];

/** OGDL-Taiwan-1.0, as the files and headers name it. */
export const openDataLicence = {
  id: 'OGDL-Taiwan-1.0',
  name: '政府資料開放授權條款－第1版 (Open Government Data License, version 1.0)',
  url: 'https://data.gov.tw/license',
} as const;

/** A moment in Taipei time with its offset: 2026-03-02T10:00:00+08:00 (Taiwan has no summer time). */
export function taipeiDateTime(moment: Date): string {
  const taipei = new Date(moment.getTime() + 8 * 60 * 60 * 1000);
  return `${taipei.toISOString().slice(0, 19)}+08:00`;
}

/** The words a report is shown with, in one language. */
export interface ReportWords {
  category: string;
  district: string;
  village: string;
  stateGroup: PublicStateGroup;
  /** Open / Fixed / Closed. */
  stateGroupLabel: string;
  /** The workflow's own word for the detailed state (已派工, Crew assigned). */
  stateLabel: string;
}

export function wordsOf(report: PublicReportSummary, vocabulary: PublicVocabulary, lang: Lang): ReportWords {
  const pick = (names: { nameZh: string; nameEn: string } | undefined, fallback: string) =>
    names === undefined ? fallback : lang === 'en' ? names.nameEn : names.nameZh;
  const group = stateGroupOf(report.state);
  const words = stateLabel(report.state as CaseStateName);
  return {
    category: pick(vocabulary.categories.get(report.serviceCode), report.serviceCode),
    district: pick(
      report.districtCode === null ? undefined : vocabulary.districts.get(report.districtCode),
      '',
    ),
    village: pick(report.villageCode === null ? undefined : vocabulary.villages.get(report.villageCode), ''),
    stateGroup: group,
    stateGroupLabel: publicReportText(lang, `group_${group}`),
    stateLabel: lang === 'en' ? words.en : words.zh,
  };
}

/** The absolute address of a report's public page. */
export function reportUrl(publicBaseUrl: string, lang: Lang, caseNumber: string): string {
  return `${publicBaseUrl}${localePath(lang, reportPaths.one(caseNumber))}`;
}

/** One report as a GeoJSON Feature (RFC 7946: [longitude, latitude]); null geometry without a point. */
export function geoJsonFeature(
  report: PublicReportSummary,
  vocabulary: PublicVocabulary,
  lang: Lang,
  publicBaseUrl: string,
) {
  const words = wordsOf(report, vocabulary, lang);
  return {
    type: 'Feature' as const,
    id: report.caseNumber,
    geometry:
      report.point === null
        ? null
        : { type: 'Point' as const, coordinates: [report.point.lon, report.point.lat] as [number, number] },
    // The CSV's column names; the *_name fields in the language asked for.
    properties: {
      case_number: report.caseNumber,
      category: report.serviceCode,
      category_name: words.category,
      status: words.stateGroup,
      status_name: words.stateGroupLabel,
      state: report.state,
      state_name: words.stateLabel,
      district_code: report.districtCode,
      district_name: words.district,
      village_code: report.villageCode,
      village_name: words.village === '' ? null : words.village,
      received_at: taipeiDateTime(report.receivedAt),
      fixed_at: report.resolvedAt === null ? null : taipeiDateTime(report.resolvedAt),
      closed_at: report.closedAt === null ? null : taipeiDateTime(report.closedAt),
      url: reportUrl(publicBaseUrl, lang, report.caseNumber),
    },
  };
}

/** The bounding-box answer: a FeatureCollection, with `truncated` and `limit` as foreign members. */
export function geoJsonCollection(
  reports: readonly PublicReportSummary[],
  options: {
    vocabulary: PublicVocabulary;
    lang: Lang;
    publicBaseUrl: string;
    isTruncated: boolean;
    limit: number;
  },
): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    truncated: options.isTruncated,
    limit: options.limit,
    license: openDataLicence.id,
    features: reports.map((report) =>
      geoJsonFeature(report, options.vocabulary, options.lang, options.publicBaseUrl),
    ),
  });
}

/**
 * The same answer from written features (`JSON.stringify` of geoJsonFeature, kept as bytes by the entry
 * cache): the same bytes as geoJsonCollection writes.
 */
export function geoJsonCollectionOfFeatures(
  features: readonly Buffer[],
  options: { isTruncated: boolean; limit: number },
): Buffer {
  const head = JSON.stringify({
    type: 'FeatureCollection',
    truncated: options.isTruncated,
    limit: options.limit,
    license: openDataLicence.id,
    features: [],
  });
  // `…"features":[]}`: the entries go between the brackets.
  return joinEntries(head.slice(0, -2), features, ',', ']}');
}

/**
 * The last change the public can see: received, fixed or closed (not staff's bookkeeping, whose times are
 * not theirs to follow).
 */
export function lastPublicChange(report: PublicReportSummary): Date {
  return [report.resolvedAt, report.closedAt].reduce<Date>(
    (latest, moment) => (moment !== null && moment > latest ? moment : latest),
    report.receivedAt,
  );
}

export interface AtomFeedOptions {
  lang: Lang;
  publicBaseUrl: string;
  /** The feed's own address, with its query string (its id and rel="self"). */
  selfPath: string;
  /** The list page the feed follows, with the same filters. */
  alternatePath: string;
  title: string;
  subtitle: string;
  vocabulary: PublicVocabulary;
  /** When nothing is in it: the feed is still valid, with this as its updated time. */
  emptyUpdated: Date;
}

/**
 * An Atom 1.0 feed (RFC 4287) of reports, newest first. Each entry's id is its page's address, its updated
 * time the report's last change as far as the public sees it (fixed, closed, or received), its point as
 * GeoRSS-Simple (the rounded one).
 */
export function atomFeed(reports: readonly PublicReportSummary[], options: AtomFeedOptions): string {
  const { lang, publicBaseUrl } = options;
  const updated = reports.reduce<Date | null>((latest, report) => {
    const changed = lastPublicChange(report);
    return latest === null || changed > latest ? changed : latest;
  }, null);
  const entries = reports.map((report) => {
    const words = wordsOf(report, options.vocabulary, lang);
    const url = reportUrl(publicBaseUrl, lang, report.caseNumber);
    const place = [words.district, words.village].filter((part) => part !== '').join(' ');
    const content = publicReportText(lang, 'entryContent', {
      caseNumber: report.caseNumber,
      category: words.category,
      place: place === '' ? '—' : place,
      state: words.stateLabel,
      receivedAt: formatPageDate(lang, toTaipeiLocalDate(report.receivedAt)),
    });
    return [
      '<entry>',
      `<id>${xmlText(url)}</id>`,
      `<title>${xmlText(
        publicReportText(lang, 'entryTitle', {
          category: words.category,
          district: words.district === '' ? '—' : words.district,
          state: words.stateLabel,
        }),
      )}</title>`,
      `<link rel="alternate" type="text/html" href="${xmlText(url)}"/>`,
      `<published>${taipeiDateTime(report.receivedAt)}</published>`,
      `<updated>${taipeiDateTime(lastPublicChange(report))}</updated>`,
      `<category term="${xmlText(report.serviceCode)}" label="${xmlText(words.category)}"/>`,
      `<category term="${xmlText(words.stateGroup)}" label="${xmlText(words.stateGroupLabel)}"/>`,
      `<content type="text">${xmlText(content)}</content>`,
      report.point === null ? '' : `<georss:point>${report.point.lat} ${report.point.lon}</georss:point>`,
      '</entry>',
    ].join('');
  });
  const self = `${publicBaseUrl}${options.selfPath}`;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:georss="http://www.georss.org/georss" xml:lang="${lang === 'en' ? 'en' : 'zh-Hant-TW'}">`,
    `<id>${xmlText(self)}</id>`,
    `<title>${xmlText(options.title)}</title>`,
    `<subtitle>${xmlText(options.subtitle)}</subtitle>`,
    `<updated>${taipeiDateTime(updated ?? options.emptyUpdated)}</updated>`,
    `<author><name>${xmlText(lang === 'en' ? 'Public Works Bureau, Kaohsiung City Government' : '高雄市政府工務局')}</name></author>`,
    `<link rel="self" type="application/atom+xml" href="${xmlText(self)}"/>`,
    `<link rel="alternate" type="text/html" href="${xmlText(`${publicBaseUrl}${options.alternatePath}`)}"/>`,
    `<link rel="license" href="${openDataLicence.url}"/>`,
    `<rights>${xmlText(openDataLicence.name)}</rights>`,
    ...entries,
    '</feed>',
  ].join('\n');
}

/** The export's columns, in order (the open-data page describes each). */
export const csvColumns = [
  'case_number',
  'category',
  'category_zh',
  'category_en',
  'status',
  'state',
  'state_zh',
  'district_code',
  'district_zh',
  'village_code',
  'village_zh',
  'latitude',
  'longitude',
  'received_at',
  'fixed_at',
  'closed_at',
  'url',
] as const;

/** A CSV field (RFC 4180): quoted when it holds a comma, quote or line break; a leading =+-@ defused. */
export function csvField(value: string): string {
  // A spreadsheet would run a cell starting with = + - @ as a formula (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function csvRow(
  report: PublicReportSummary,
  vocabulary: PublicVocabulary,
  publicBaseUrl: string,
  lang: Lang,
): string {
  const category = vocabulary.categories.get(report.serviceCode);
  const district = report.districtCode === null ? undefined : vocabulary.districts.get(report.districtCode);
  const village = report.villageCode === null ? undefined : vocabulary.villages.get(report.villageCode);
  const values: Record<(typeof csvColumns)[number], string> = {
    case_number: report.caseNumber,
    category: report.serviceCode,
    category_zh: category?.nameZh ?? '',
    category_en: category?.nameEn ?? '',
    status: stateGroupOf(report.state),
    state: report.state,
    state_zh: stateLabel(report.state as CaseStateName).zh,
    district_code: report.districtCode ?? '',
    district_zh: district?.nameZh ?? '',
    village_code: report.villageCode ?? '',
    village_zh: village?.nameZh ?? '',
    latitude: report.point === null ? '' : report.point.lat.toFixed(4),
    longitude: report.point === null ? '' : report.point.lon.toFixed(4),
    received_at: taipeiDateTime(report.receivedAt),
    fixed_at: report.resolvedAt === null ? '' : taipeiDateTime(report.resolvedAt),
    closed_at: report.closedAt === null ? '' : taipeiDateTime(report.closedAt),
    url: reportUrl(publicBaseUrl, lang, report.caseNumber),
  };
  return `${csvColumns.map((column) => csvField(values[column])).join(',')}\r\n`;
}

/**
 * The CSV export as a stream: a byte-order mark (Excel in Taiwan reads UTF-8 without one as Big5), the
 * header, then a row per report as each batch arrives. The stream pulls the next batch only when the
 * client has taken the last (Readable.from), so memory stays at one batch whatever the size.
 */
export function csvExport(
  batches: AsyncIterable<PublicReportSummary[]>,
  vocabulary: PublicVocabulary,
  publicBaseUrl: string,
  /** The language of the pages the `url` column points to (the names are there in both). */
  lang: Lang = 'zh-TW',
): Readable {
  return Readable.from(
    (async function* () {
      yield `\ufeff${csvColumns.join(',')}\r\n`;
      for await (const batch of batches)
        yield batch.map((report) => csvRow(report, vocabulary, publicBaseUrl, lang)).join('');
    })(),
    { objectMode: false },
  );
}

/**
 * The GeoJSON export as a stream: one FeatureCollection with the licence and attribution as foreign
 * members, its features written a batch at a time. Reports without a point have a null geometry (RFC 7946
 * allows it), so the file holds the whole published set, like the CSV.
 */
export function geoJsonExport(
  batches: AsyncIterable<PublicReportSummary[]>,
  vocabulary: PublicVocabulary,
  /** `lang`: of the *_name properties and of the pages the `url` property points to. */
  options: { publicBaseUrl: string; generatedAt: Date; lang: Lang },
): Readable {
  const head = JSON.stringify({
    type: 'FeatureCollection',
    name: 'kaohsiung-public-works-reports',
    license: openDataLicence.id,
    licenseName: openDataLicence.name,
    licenseUrl: openDataLicence.url,
    attribution: '高雄市政府工務局 Public Works Bureau, Kaohsiung City Government',
    generatedAt: taipeiDateTime(options.generatedAt),
  });
  return Readable.from(
    (async function* () {
      // The head without its closing brace, then the features array.
      yield `${head.slice(0, -1)},"features":[\n`;
      let isFirst = true;
      for await (const batch of batches) {
        const features = batch.map((report) =>
          JSON.stringify(geoJsonFeature(report, vocabulary, options.lang, options.publicBaseUrl)),
        );
        if (features.length === 0) continue;
        yield `${isFirst ? '' : ',\n'}${features.join(',\n')}`;
        isFirst = false;
      }
      yield '\n]}\n';
    })(),
    { objectMode: false },
  );
}
