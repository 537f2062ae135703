import type { ModuleRegistry } from '../../platform/composition/app-module.ts';
import { renderPageSections } from '../../platform/composition/page-sections.ts';
import type { AppDeps, AppInstance } from '../../platform/http/app-types.ts';
import { notFound } from '../../platform/http/errors.ts';
import { listUnits } from '../../platform/reference/reference-repo.ts';
import { SERVICE_CLASSIFICATIONS } from '../../platform/reference/service-classification.ts';
import { taipeiIsoDate } from '../../platform/web/format-date.ts';
import type { Lang } from '../../platform/web/i18n.ts';
import { forEachLanguage } from '../../platform/web/i18n.ts';
import { pageContext, renderPage, sendPage } from '../../platform/web/layout.tsx';
import { findSitePage, sitePageOptions } from '../../platform/web/site-pages.ts';
import { resolveServiceFilters } from './catalogue-filters.ts';
import { catalogueText } from './catalogue-messages.ts';
import {
  ServiceCodeParams,
  ServiceDetailResponse,
  ServiceListQuery,
  ServiceListResponse,
  ServiceVersionQuery,
} from './catalogue-schemas.ts';
import {
  getService,
  listServicesWithUnits,
  type ServiceDetail,
  type ServiceSummary,
  type UnitChoice,
} from './catalogue-service.ts';
import { deadlineText } from './deadline-text.ts';
import { ServiceListPage } from './views/service-list-page.tsx';
import { ServiceStartPage } from './views/service-start-page.tsx';

const classificationCodes = new Set(SERVICE_CLASSIFICATIONS.map((classification) => classification.code));

const serviceNotFound = (lang: Lang) => notFound(catalogueText(lang, 'notFound'));

function summaryJson(service: ServiceSummary, lang: Lang) {
  return { ...service, deadlineText: deadlineText(service.deadline, lang) };
}

/** One version as the API answers it (also the staff API's answer to a publication). */
export function detailJson(service: ServiceDetail, lang: Lang) {
  return {
    ...service,
    deadlineText: deadlineText(service.deadline, lang),
    publishedAt: service.publishedAt.toISOString(),
  };
}

/** The public catalogue: the list and start pages in both languages, and the same data as JSON. */
export async function catalogueRoutes(
  app: AppInstance,
  deps: AppDeps,
  registry: Pick<ModuleRegistry, 'pageSections'>,
): Promise<void> {
  const { db } = deps;
  const servicesPage = findSitePage('services');

  /** The list for a query string: the filters that apply, what was ignored, and the services found. */
  async function findServices(query: ServiceListQuery, lang: Lang) {
    // One statement: the services, with the active units the filter offers (an asked unit that is not one
    // of them is ignored there); the units are read on their own only when nothing is found.
    const asked = query.unit?.trim() ?? '';
    const tentative = resolveServiceFilters(query, lang, {
      unitCodes: new Set(asked === '' ? [] : [asked]),
      classificationCodes,
    });
    const found = await listServicesWithUnits(db, tentative.filters);
    const units: readonly UnitChoice[] = found.units ?? (await listUnits(db, { activeOnly: true }));
    const { filters, notices } = resolveServiceFilters(query, lang, {
      unitCodes: new Set(units.map((unit) => unit.code)),
      classificationCodes,
    });
    return { units, filters, notices, services: found.services };
  }

  forEachLanguage(servicesPage.path, (url) => {
    app.get(url, { schema: { hide: true, querystring: ServiceListQuery } }, async (request, reply) => {
      const context = pageContext(request);
      const found = await findServices(request.query, context.lang);
      return sendPage(
        reply,
        renderPage(context, {
          ...sitePageOptions(servicesPage, context.lang),
          body: (
            <ServiceListPage
              lang={context.lang}
              lead={catalogueText(context.lang, 'listLead')}
              classifications={SERVICE_CLASSIFICATIONS}
              {...found}
            />
          ),
        }),
      );
    });
  });

  forEachLanguage('/services/:code', (url) => {
    app.get(url, { schema: { hide: true, params: ServiceCodeParams } }, async (request, reply) => {
      const context = pageContext(request);
      const service = await getService(db, { code: request.params.code });
      if (!service) throw serviceNotFound(context.lang);
      const name = context.lang === 'en' ? service.nameEn : service.nameZh;
      // What other modules add to a service's page (its FAQ entries): AppModule.pageSections.
      const sections = await renderPageSections(registry, 'service', {
        db,
        lang: context.lang,
        key: service.code,
      });
      return sendPage(
        reply,
        renderPage(context, {
          title: name,
          description: context.lang === 'en' ? service.summaryEn : service.summaryZh,
          pageId: `service-${service.code}`,
          // The date the current version was published, in Taipei.
          updatedAt: taipeiIsoDate(service.publishedAt),
          metadata: {
            service: service.serviceClassificationCode,
            ...(service.themeClassificationCode ? { theme: service.themeClassificationCode } : {}),
            ...(service.administrativeClassificationCode
              ? { cake: service.administrativeClassificationCode }
              : {}),
          },
          breadcrumbs: [{ text: servicesPage.title[context.lang], href: servicesPage.path }],
          body: <ServiceStartPage lang={context.lang} service={service} sections={sections} />,
        }),
      );
    });
  });

  app.get(
    '/api/services',
    {
      schema: {
        tags: ['catalogue'],
        summary:
          'The current version of every service, filtered by unit, service classification, online, and keywords (Chinese or English).',
        querystring: ServiceListQuery,
        response: { 200: ServiceListResponse },
      },
    },
    async (request) => {
      const found = await findServices(request.query, request.lang);
      return {
        count: found.services.length,
        services: found.services.map((service) => summaryJson(service, request.lang)),
        notices: found.notices,
      };
    },
  );

  app.get(
    '/api/services/:code',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'One service: its current version, or an earlier one with ?version=.',
        params: ServiceCodeParams,
        querystring: ServiceVersionQuery,
        response: { 200: ServiceDetailResponse },
      },
    },
    async (request) => {
      const service = await getService(db, { code: request.params.code, version: request.query.version });
      if (!service) throw serviceNotFound(request.lang);
      return detailJson(service, request.lang);
    },
  );
}
