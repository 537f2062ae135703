import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { listDistricts } from '../../platform/geo/geo-repo.ts';
import type { AppDeps } from '../../platform/http/app-types.ts';
import type { FieldProblem } from '../../platform/http/errors.ts';
import { allowImagesFrom } from '../../platform/http/security-headers.ts';
import { problemsOnPage } from '../../platform/web/components/form-problems.ts';
import { type Lang, localePath } from '../../platform/web/i18n.ts';
import { sendPageOf } from '../../platform/web/layout.tsx';
import { findSitePage, sitePageOptions } from '../../platform/web/site-pages.ts';
import { stateLabel } from '../cases/index.ts';
import {
  photosInput,
  problemsOnReportForm,
  type ReportCategory,
  type ReportFormValues,
} from './report-form.ts';
import { reportFormText } from './report-form-messages.ts';
import { publishedCaseIds } from './report-journey-queries.ts';
import { reportPaths } from './report-paths.ts';
import type { NearbyReport } from './report-queries.ts';
import { ReportFormPage } from './views/report-form-page.tsx';
import { type NearbyItem, ReportNearbyPage } from './views/report-nearby-page.tsx';

/** The reporting pages as responses: the form (again, saying why), the nearby-duplicate step, the rest. */

const reportPage = findSitePage('report');

/** Any page of the journey: the shell with this title (the form itself also carries the site page's metadata). */
export function sendReportPage(
  request: FastifyRequest,
  reply: FastifyReply,
  {
    isFormPage = false,
    ...options
  }: { title: string; body: ComponentChildren; status?: number; hasError?: boolean; isFormPage?: boolean },
): FastifyReply {
  return sendPageOf(request, reply, {
    ...(isFormPage ? sitePageOptions(reportPage, request.lang) : {}),
    ...options,
  });
}

/** The origin of the configured tile server when it is another one (its images need the CSP's leave). */
export function tileOriginOf(tileUrl: string): string | null {
  if (!/^https?:\/\//.test(tileUrl)) return null;
  try {
    return new URL(tileUrl.replaceAll(/\{[a-z]+\}/g, '0')).origin;
  } catch {
    return null;
  }
}

/** The form's action in the page's language; its CSRF token is the form's first field (ADR 0004). */
export function reportFormAction(request: FastifyRequest): string {
  return localePath(request.lang, reportPaths.report);
}

export async function showReportForm(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: AppDeps,
  options: {
    categories: readonly ReportCategory[];
    values: ReportFormValues;
    problems: readonly FieldProblem[];
    status?: number;
    /** The refused post had photos: the summary says to choose them again (a browser never keeps them). */
    hadPhotos?: boolean;
  },
): Promise<FastifyReply> {
  const lang = request.lang;
  const { config } = deps;
  const category =
    options.categories.find((candidate) => candidate.code === options.values.serviceCode) ?? null;
  const chooseAgain: FieldProblem[] =
    options.hadPhotos === true && options.problems.length > 0
      ? [{ field: photosInput, code: 'choose_again', message: reportFormText(lang, 'photosAgain') }]
      : [];
  const problems = problemsOnReportForm([...options.problems, ...chooseAgain], category, lang);
  const tileOrigin = tileOriginOf(config.mapTileUrl);
  if (tileOrigin !== null) allowImagesFrom(reply, [tileOrigin]);
  return sendReportPage(request, reply, {
    title: reportPage.title[lang],
    isFormPage: true,
    hasError: problems.hasAny,
    status: options.status ?? (problems.hasAny ? 400 : 200),
    body: (
      <ReportFormPage
        lang={lang}
        categories={options.categories}
        districts={await listDistricts(deps.db)}
        values={options.values}
        problems={problems}
        action={reportFormAction(request)}
        csrfToken={request.csrfToken}
        maxFileBytes={config.uploadMaxFileBytes}
        map={{
          tileUrl: config.mapTileUrl,
          tileAttribution: config.mapTileAttribution,
          nearbyUrl: `/api/reports/nearby?lang=${lang}`,
          radiusMetres: config.reportDuplicateRadiusMetres,
        }}
      />
    ),
  });
}

/** The open reports near the point as the step shows them: state in words, photo and page when public. */
export async function nearbyItems(
  deps: AppDeps,
  nearby: readonly NearbyReport[],
  lang: Lang,
): Promise<NearbyItem[]> {
  const published = await publishedCaseIds(
    deps.db,
    nearby.map((report) => report.caseId),
  );
  return nearby.map((report) => {
    const words = stateLabel(report.state as Parameters<typeof stateLabel>[0]);
    return {
      caseNumber: report.caseNumber,
      state: lang === 'en' ? words.en : words.zh,
      distanceMetres: report.distanceMetres,
      receivedAt: report.receivedAt,
      // Photos have one address in both languages.
      thumbnailUrl:
        report.photoId === null ? null : reportPaths.photo(report.caseNumber, report.photoId, 'thumb'),
      publicUrl: published.has(report.caseId) ? localePath(lang, reportPaths.one(report.caseNumber)) : null,
    };
  });
}

export async function showNearbyStep(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: AppDeps,
  options: {
    category: ReportCategory;
    nearby: readonly NearbyReport[];
    values: ReportFormValues;
    carriedPhotos: string;
    chosen?: string;
    problems?: readonly FieldProblem[];
    status?: number;
  },
): Promise<FastifyReply> {
  const lang = request.lang;
  const problems = problemsOnPage(options.problems ?? [], { lang });
  return sendReportPage(request, reply, {
    title: reportFormText(lang, 'nearbyTitle'),
    hasError: problems.hasAny,
    status: options.status ?? (problems.hasAny ? 400 : 200),
    body: (
      <ReportNearbyPage
        lang={lang}
        categoryName={lang === 'en' ? options.category.nameEn : options.category.nameZh}
        radiusMetres={deps.config.reportDuplicateRadiusMetres}
        nearby={await nearbyItems(deps, options.nearby, lang)}
        values={options.values}
        carriedPhotos={options.carriedPhotos}
        chosen={options.chosen ?? ''}
        problems={problems}
        action={reportFormAction(request)}
        csrfToken={request.csrfToken}
      />
    ),
  });
}
