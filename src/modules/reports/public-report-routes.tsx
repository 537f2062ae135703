import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { Config } from '../../config.ts';
import { pageOfRows, pageWindow } from '../../platform/db/paging.ts';
import { type CachedAnswer, createAnswerCache, encodedAnswer } from '../../platform/http/answer-cache.ts';
import type { AppDeps, AppInstance } from '../../platform/http/app-types.ts';
import { createEntryCache } from '../../platform/http/entry-cache.ts';
import { DomainError, type FieldProblem, notFound } from '../../platform/http/errors.ts';
import { isUuid } from '../../platform/http/ids.ts';
import { allowImagesFrom } from '../../platform/http/security-headers.ts';
import { unitsNow } from '../../platform/reference/units-now.ts';
import { openStoredFile, storedFileHeaders } from '../../platform/uploads/download-headers.ts';
import { pageNumberOf } from '../../platform/web/components/pagination.tsx';
import { taipeiIsoDate } from '../../platform/web/format-date.ts';
import { forEachLanguage, type Lang, localePath } from '../../platform/web/i18n.ts';
import { pageContext, renderPage, sendPage } from '../../platform/web/layout.tsx';
import { findSitePage, sitePageOptions } from '../../platform/web/site-pages.ts';
import {
  type BoundingBox,
  type KnownReportValues,
  PublicReportQuery,
  parseBoundingBox,
  resolvePublicReportFilters,
  selectionQuery,
} from './public-report-filters.ts';
import { publicReportText as text } from './public-report-messages.ts';
import {
  findPublicReport,
  listPublicReports,
  maxFeaturesPerBox,
  type PublicVocabulary,
  publicPhotoFile,
  publicReportKeysInBox,
  publicReportsById,
  publicReportsInBox,
  publicVocabulary,
  publishedReportBatches,
} from './public-report-queries.ts';
import {
  atomFeed,
  csvExport,
  geoJsonCollection,
  geoJsonCollectionOfFeatures,
  geoJsonExport,
  geoJsonFeature,
  openDataLicence,
  wordsOf,
} from './report-feeds.ts';
import { reportPaths } from './report-paths.ts';
import { atomEntryCount, PublicOpenDataPage, reportOpenDataPaths } from './views/public-open-data-page.tsx';
import { PublicReportListPage } from './views/public-report-list-page.tsx';
import { PublicReportPage } from './views/public-report-page.tsx';

/**
 * The public side of the photo reports (issue 10 §4): the map and list, one report, its photos, the Atom
 * feeds, the bounding-box GeoJSON for the map and other systems, and the whole published set as CSV and
 * GeoJSON (OGDL-Taiwan-1.0) with the page that describes them. Nothing here needs a session: every answer
 * is the same for everyone (public-report-queries.ts chooses what is public).
 */

/** The list's page size (the issue: 20 a page, newest first). */
export const reportListPageSize = 20;

/** Kaohsiung's built-up area, where the map looks first when no district is chosen. */
const cityBounds = [120.24, 22.55, 120.42, 22.74] as const;

/** 民國 date (7 digits), a hyphen, the number of the day (at least 4 digits): anything else names nothing. */
const caseNumberPattern = /^\d{7}-\d{4,6}$/;

const numberParam = { number: Type.String({ maxLength: 40 }) };
const ReportParams = Type.Object(numberParam);
const PhotoParams = Type.Object({
  ...numberParam,
  photoId: Type.String({ maxLength: 40 }),
  file: Type.String({ maxLength: 20 }),
});
const BoxQuery = Type.Object({
  bbox: Type.Optional(Type.String({ maxLength: 200 })),
  category: Type.Optional(Type.String({ maxLength: 100 })),
  state: Type.Optional(Type.String({ maxLength: 20 })),
  district: Type.Optional(Type.String({ maxLength: 20 })),
  from: Type.Optional(Type.String({ maxLength: 40 })),
  to: Type.Optional(Type.String({ maxLength: 40 })),
  lang: Type.Optional(Type.String({ maxLength: 10 })),
});

/** The API's words for a filter the page would only note (public-report-filters.ts, its notices). */
const apiProblemKeys = {
  category: 'unknownCategory',
  state: 'unknownState',
  district: 'unknownDistrict',
  from: 'dateInvalid',
  to: 'dateInvalid',
} as const;

/** The tile server's origin, when it is another site: the pages with a map let images come from it. */
export function tileOrigins(config: Pick<Config, 'mapTileUrl'>): string[] {
  if (!/^https?:\/\//.test(config.mapTileUrl)) return [];
  try {
    return [new URL(config.mapTileUrl.replace(/[{}]/g, '')).origin];
  } catch {
    return [];
  }
}

/** Open data may be read by any site's scripts (a newsroom's map, a civic-tech dashboard). */
function openDataHeaders(reply: FastifyReply, maxAgeSeconds: number): void {
  reply.headers(openDataHeaderValues(maxAgeSeconds));
}

function openDataHeaderValues(maxAgeSeconds: number): Record<string, string> {
  return {
    'access-control-allow-origin': '*',
    'cache-control': `public, max-age=${maxAgeSeconds}`,
    link: `<${openDataLicence.url}>; rel="license"`,
  };
}

function knownValues(vocabulary: PublicVocabulary): KnownReportValues {
  return {
    serviceCodes: new Set(vocabulary.categories.keys()),
    districtCodes: new Set(vocabulary.districts.keys()),
  };
}

export async function publicReportRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  const { db, config, files } = deps;
  const images = tileOrigins(config);
  // The box every visitor of /reports asks first (the city at the opening zoom): reused for the same address
  // for PUBLIC_API_CACHE_SECONDS (platform/http/answer-cache.ts).
  const boxAnswers = createAnswerCache(config.publicApiCacheSeconds);
  const now = () => deps.clock.now().getTime();
  /** A box's answer and its headers (open data's), compressed when kept and the client takes it. */
  const boxAsSent = (answer: CachedAnswer & { shared: boolean }, acceptEncoding: string | undefined) => {
    const { body, headers } = encodedAnswer(answer, acceptEncoding);
    return {
      body,
      headers: {
        ...openDataHeaderValues(60),
        ...headers,
        'x-cache': answer.shared ? 'hit' : 'miss',
        'content-type': answer.contentType,
      },
    };
  };
  // A kept box goes out before Fastify, as the kept pages do (ADR 0023): the same bytes and headers.
  app.sendOwnAnswersFirst(reportOpenDataPaths.bbox, (url, acceptEncoding) => {
    const cached = boxAnswers.get(url, now());
    return cached === undefined ? undefined : boxAsSent({ ...cached, shared: true }, acceptEncoding);
  });
  // Its features, kept by report and fingerprint (entry-cache.ts): a box moved a little, or asked with a
  // filter, reads whole and writes only the reports the boxes before it did not have.
  const boxFeatures = createEntryCache({ maxBytes: config.publicEntryCacheBytes });
  const openDataDeclaration = findSitePage('open-data');
  const reportsPage = findSitePage('reports');
  const mapOptions = { tileUrl: config.mapTileUrl, tileAttribution: config.mapTileAttribution };

  forEachLanguage(reportPaths.reports, (url) => {
    app.get(url, { schema: { hide: true, querystring: PublicReportQuery } }, async (request, reply) => {
      const context = pageContext(request);
      const { lang } = context;
      const vocabulary = await publicVocabulary(db);
      const { filters, selection, notices } = resolvePublicReportFilters(
        request.query,
        lang,
        knownValues(vocabulary),
      );
      const page = pageNumberOf(request.query.page);
      const window = pageWindow(page, reportListPageSize);
      const { rows, hasNextPage } = pageOfRows(await listPublicReports(db, filters, window), window);
      const district =
        filters.districtCode === undefined ? undefined : vocabulary.districts.get(filters.districtCode);
      allowImagesFrom(reply, images);
      return sendPage(
        reply,
        renderPage(context, {
          ...sitePageOptions(reportsPage, lang),
          body: (
            <PublicReportListPage
              lang={lang}
              title={reportsPage.title[lang]}
              selection={selection}
              notices={notices}
              reports={rows}
              page={page}
              pageSize={reportListPageSize}
              hasNextPage={hasNextPage}
              vocabulary={vocabulary}
              bounds={
                district === undefined
                  ? cityBounds
                  : [district.bbox.minLon, district.bbox.minLat, district.bbox.maxLon, district.bbox.maxLat]
              }
              {...mapOptions}
            />
          ),
        }),
      );
    });
  });

  // Registered before /reports/:number; the router prefers the static path anyway.
  forEachLanguage(reportOpenDataPaths.atom, (url) => {
    app.get(url, { schema: { hide: true, querystring: PublicReportQuery } }, async (request, reply) => {
      const lang = request.lang;
      const vocabulary = await publicVocabulary(db);
      const { filters, selection, notices } = resolvePublicReportFilters(
        request.query,
        lang,
        knownValues(vocabulary),
      );
      // A feed reader cannot show a notice: a feed that names nothing known does not exist.
      if (notices.length > 0)
        throw new DomainError('VALIDATION_FAILED', text(lang, 'apiInvalid'), { problems: notices });
      const reports = await listPublicReports(db, filters, pageWindow(1, atomEntryCount));
      const named = [
        selection.district === '' ? null : vocabulary.districts.get(selection.district),
        selection.category === '' ? null : vocabulary.categories.get(selection.category),
      ]
        .filter((names) => names !== null && names !== undefined)
        .map((names) => (lang === 'en' ? names.nameEn : names.nameZh));
      if (filters.stateGroup !== undefined) named.push(text(lang, `group_${filters.stateGroup}`));
      const query = selectionQuery(selection);
      const body = atomFeed(reports.slice(0, atomEntryCount), {
        lang,
        publicBaseUrl: config.publicBaseUrl,
        selfPath: `${localePath(lang, reportOpenDataPaths.atom)}${query}`,
        alternatePath: `${localePath(lang, reportPaths.reports)}${query}`,
        title:
          named.length === 0
            ? text(lang, 'feedTitle')
            : text(lang, 'feedTitleFiltered', { filters: named.join(lang === 'en' ? ', ' : '、') }),
        subtitle: text(lang, 'feedSubtitle', { count: atomEntryCount }),
        vocabulary,
        emptyUpdated: deps.clock.now(),
      });
      openDataHeaders(reply, 300);
      return reply.type('application/atom+xml; charset=utf-8').send(body);
    });
  });

  forEachLanguage('/reports/:number', (url) => {
    app.get(url, { schema: { hide: true, params: ReportParams } }, async (request, reply) => {
      const context = pageContext(request);
      const { lang } = context;
      const number = request.params.number;
      const report = caseNumberPattern.test(number)
        ? await findPublicReport(db, number, text(lang, 'masked'))
        : null;
      if (report === null) throw notFound(text(lang, 'reportNotFound'));
      const vocabulary = await publicVocabulary(db);
      // Kept under 'reports', which saving a unit announces too (unit-admin-service.ts).
      const units = await unitsNow(db);
      const words = wordsOf(report, vocabulary, lang);
      allowImagesFrom(reply, images);
      return sendPage(
        reply,
        renderPage(context, {
          title: text(lang, 'reportTitle', { caseNumber: report.caseNumber }),
          description: text(lang, 'reportSummary', {
            category: words.category,
            district: words.district === '' ? '—' : words.district,
            state: words.stateLabel,
          }),
          pageId: `report-${report.caseNumber}`,
          updatedAt: taipeiIsoDate(
            new Date(
              Math.max(
                report.receivedAt.getTime(),
                report.resolvedAt?.getTime() ?? 0,
                report.closedAt?.getTime() ?? 0,
              ),
            ),
          ),
          breadcrumbs: [{ text: reportsPage.title[lang], href: reportsPage.path }],
          body: (
            <PublicReportPage
              lang={lang}
              report={report}
              vocabulary={vocabulary}
              units={units}
              {...mapOptions}
            />
          ),
        }),
      );
    });
  });

  // The photos: reportPaths.photo, one address in both languages (an <img> has no language).
  app.get(
    '/reports/:number/photos/:photoId/:file',
    { schema: { hide: true, params: PhotoParams } },
    async (request, reply) => {
      const { number, photoId, file } = request.params;
      const size = file === 'public.jpg' ? 'public' : file === 'thumb.jpg' ? 'thumb' : null;
      const sha256 =
        size !== null && caseNumberPattern.test(number) && isUuid(photoId)
          ? await publicPhotoFile(db, number, photoId, size)
          : null;
      if (sha256 === null) throw notFound(text(request.lang, 'photoNotFound'));
      const etag = `"${sha256}"`;
      // The bytes behind a SHA-256 never change, but staff may hide a photo at any time (a face, a plate):
      // caches keep it an hour and then ask again, and the ETag makes asking cheap.
      const cacheHeaders = {
        etag,
        'cache-control': 'public, max-age=3600',
        'cross-origin-resource-policy': 'cross-origin',
      };
      if (request.headers['if-none-match'] === etag) return reply.code(304).headers(cacheHeaders).send();
      // Opened before the cache headers are set: a file lost from the store is a 404 no cache keeps.
      const stream = await openStoredFile(request, files, sha256);
      // A download if opened, never a page of ours (an <img> ignores the disposition): issue 13.
      reply.headers({ ...cacheHeaders, ...storedFileHeaders(`${number}-${photoId}-${file}`) });
      return reply.type('image/jpeg').send(stream);
    },
  );

  app.get(
    reportOpenDataPaths.bbox,
    {
      schema: {
        tags: ['reports'],
        summary:
          'Published photo reports in a bounding box (bbox=minLon,minLat,maxLon,maxLat; default: everywhere), newest first, at most 2000: a GeoJSON FeatureCollection with "truncated": true when there were more. Filters: category, state (open, fixed, closed), district, from and to (dates received, Taipei). Points rounded to 4 decimals. OGDL-Taiwan-1.0.',
        querystring: BoxQuery,
      },
    },
    async (request, reply) => {
      // Computed once however many visitors ask the same box at the same moment (the kept answer just ran
      // out); a refusal reaches every request that waited for it and nothing is kept.
      const answer = await boxAnswers.fill(request.url, now, async () => {
        const lang: Lang = request.query.lang === 'en' ? 'en' : 'zh-TW';
        const vocabulary = await publicVocabulary(db);
        const problems: FieldProblem[] = [];
        if (request.query.lang !== undefined && !['en', 'zh-TW'].includes(request.query.lang))
          problems.push({ field: 'lang', code: 'unknown', message: text(lang, 'unknownLang') });
        let box: BoundingBox = { minLon: -180, minLat: -90, maxLon: 180, maxLat: 90 };
        if (request.query.bbox !== undefined) {
          const parsed = parseBoundingBox(request.query.bbox);
          if (typeof parsed === 'string')
            problems.push({
              field: 'bbox',
              code: parsed,
              message: text(lang, parsed === 'malformed' ? 'bboxMalformed' : 'bboxOutOfRange'),
            });
          else box = parsed;
        }
        const { bbox: _box, lang: _lang, ...asked } = request.query;
        const { filters, notices } = resolvePublicReportFilters(asked, lang, knownValues(vocabulary));
        // An API names its mistakes (the page only notes them): every problem at once.
        for (const notice of notices) {
          const field = notice.field as keyof typeof apiProblemKeys;
          const value = asked[field] ?? '';
          problems.push(
            notice.code === 'before_from'
              ? { field, code: 'before_from', message: text(lang, 'dateRangeReversed') }
              : {
                  field,
                  code: notice.code === 'ignored' ? 'unknown' : notice.code,
                  message: text(lang, apiProblemKeys[field], { value }),
                },
          );
        }
        if (problems.length > 0)
          throw new DomainError('VALIDATION_FAILED', text(lang, 'apiInvalid'), { problems });
        if (config.publicEntryCacheBytes <= 0) {
          // Nothing kept (PUBLIC_ENTRY_CACHE_MB=0): one query, the whole collection written at once.
          const { reports, isTruncated } = await publicReportsInBox(db, box, filters);
          return {
            body: geoJsonCollection(reports, {
              vocabulary,
              lang,
              publicBaseUrl: config.publicBaseUrl,
              isTruncated,
              limit: maxFeaturesPerBox,
            }),
            contentType: 'application/geo+json; charset=utf-8',
          };
        }
        const { keys, isTruncated } = await publicReportKeysInBox(db, box, filters);
        const features = await boxFeatures.entries(`${lang} ${vocabulary.fingerprint}`, keys, async (ids) => {
          const reports = await publicReportsById(db, ids);
          return new Map(
            reports.map((report) => [
              report.caseId,
              JSON.stringify(geoJsonFeature(report, vocabulary, lang, config.publicBaseUrl)),
            ]),
          );
        });
        return {
          body: geoJsonCollectionOfFeatures(features, { isTruncated, limit: maxFeaturesPerBox }),
          contentType: 'application/geo+json; charset=utf-8',
        };
      });
      const { body, headers } = boxAsSent(answer, request.headers['accept-encoding']);
      return reply.headers(headers).send(body);
    },
  );

  // The exports in both languages (ADR 0003: English pages link to English addresses): the same reports,
  // the CSV's `url` column and the GeoJSON's names and `url` in the language of the address.
  forEachLanguage(reportOpenDataPaths.csv, (url, lang) => {
    app.get(url, { schema: { hide: true } }, async (_request, reply) => {
      const vocabulary = await publicVocabulary(db);
      openDataHeaders(reply, 300);
      reply.header('content-disposition', 'attachment; filename="kaohsiung-public-works-reports.csv"');
      return reply
        .type('text/csv; charset=utf-8; header=present')
        .send(csvExport(publishedReportBatches(db), vocabulary, config.publicBaseUrl, lang));
    });
  });

  forEachLanguage(reportOpenDataPaths.geojson, (url, lang) => {
    app.get(url, { schema: { hide: true } }, async (_request, reply) => {
      const vocabulary = await publicVocabulary(db);
      openDataHeaders(reply, 300);
      reply.header('content-disposition', 'attachment; filename="kaohsiung-public-works-reports.geojson"');
      return reply.type('application/geo+json; charset=utf-8').send(
        geoJsonExport(publishedReportBatches(db), vocabulary, {
          publicBaseUrl: config.publicBaseUrl,
          generatedAt: deps.clock.now(),
          lang,
        }),
      );
    });
  });

  forEachLanguage(reportOpenDataPaths.page, (url) => {
    app.get(url, { schema: { hide: true } }, async (request, reply) => {
      const context = pageContext(request);
      return sendPage(
        reply,
        renderPage(context, {
          title: text(context.lang, 'openDataTitle'),
          description: text(context.lang, 'openDataSummary'),
          pageId: 'open-data-reports',
          breadcrumbs: [{ text: openDataDeclaration.title[context.lang], href: openDataDeclaration.path }],
          body: (
            <PublicOpenDataPage
              lang={context.lang}
              publicBaseUrl={config.publicBaseUrl}
              boxLimit={maxFeaturesPerBox}
            />
          ),
        }),
      );
    });
  });
}
