import type { SearchDocument } from '../../../platform/search/search-index.ts';
import { taipeiIsoDate } from '../../../platform/web/format-date.ts';
import { planPaths } from './plan-paths.ts';
import type { PlanSnapshot } from './plan-types.ts';

/**
 * A published service-quality plan in the site's search index (issue 15 §4): its current version at
 * /plans/:year, in Chinese and, when it has an English title, in English (its English summary). Written
 * with each published version (plan-writes.ts `writeVersion`) and rebuilt from the control module's
 * search source (plan-search.ts).
 */
export function planDocumentsOf(content: PlanSnapshot, publishedAt: Date): SearchDocument[] {
  const common = {
    kind: 'plan',
    path: planPaths.plan(content.year),
    unitCode: null,
    publishedOn: taipeiIsoDate(publishedAt),
  };
  const itemsZh = content.items.flatMap((item) => [
    `${item.label}${item.title}`,
    ...item.strategies.flatMap((strategy) => [
      `${strategy.label}${strategy.text}`,
      ...strategy.practices.flatMap((practice) => [
        `${practice.label}${practice.text}`,
        ...practice.parts.map((part) => `${part.label}${part.text}`),
      ]),
    ]),
  ]);
  const documents: SearchDocument[] = [
    {
      ...common,
      lang: 'zh-TW',
      title: content.title,
      summary: [...content.goals].join('\n'),
      body: [
        ...content.basis,
        content.scope,
        content.contentIntro,
        ...itemsZh,
        ...content.steps,
        ...content.control,
      ]
        .filter((line) => line !== '')
        .join('\n'),
    },
  ];
  if (content.titleEn) {
    const summary = content.summaryEn;
    documents.push({
      ...common,
      lang: 'en',
      title: content.titleEn,
      summary: summary?.goals ?? '',
      body: [
        summary?.basis ?? '',
        summary?.scope ?? '',
        ...content.items.flatMap((item) => [
          item.titleEn ?? '',
          ...item.strategies.flatMap((strategy) => [
            strategy.textEn ?? '',
            strategy.practicesSummaryEn ?? '',
          ]),
        ]),
        summary?.steps ?? '',
        summary?.control ?? '',
      ]
        .filter((line) => line !== '')
        .join('\n'),
    });
  }
  return documents;
}
