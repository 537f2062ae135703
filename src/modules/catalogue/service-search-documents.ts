import type { SearchDocument } from '../../platform/search/search-index.ts';
import { taipeiIsoDate } from '../../platform/web/format-date.ts';
import { cataloguePaths } from './catalogue-paths.ts';
import type { ServiceDetail } from './catalogue-service.ts';

/**
 * A service in the site's search index (issue 15 §4): its current version, in both languages, at its start
 * page. Written when a version is published (catalogue-service.ts, in that transaction) and rebuilt from
 * `catalogueSearchSource` (catalogue-search.ts).
 */
export function serviceDocumentsOf(service: ServiceDetail): SearchDocument[] {
  const common = {
    kind: 'service',
    path: cataloguePaths.service(service.code),
    unitCode: service.unit.code,
    publishedOn: taipeiIsoDate(service.publishedAt),
    serviceCodes: [service.serviceClassificationCode],
    themeCodes: service.themeClassificationCode ? [service.themeClassificationCode] : [],
    cakeCodes: service.administrativeClassificationCode ? [service.administrativeClassificationCode] : [],
  };
  return [
    {
      ...common,
      lang: 'zh-TW',
      title: service.nameZh,
      summary: service.summaryZh,
      body: [
        service.descriptionZh,
        ...service.checklist.map((item) => `${item.nameZh}：${item.explanationZh}`),
        ...service.sopSteps.map((step) => `${step.titleZh}：${step.detailZh}`),
      ].join('\n'),
    },
    {
      ...common,
      lang: 'en',
      title: service.nameEn,
      summary: service.summaryEn,
      body: [
        service.descriptionEn,
        ...service.checklist.map((item) => `${item.nameEn}: ${item.explanationEn}`),
        ...service.sopSteps.map((step) => `${step.titleEn}: ${step.detailEn}`),
      ].join('\n'),
    },
  ];
}
