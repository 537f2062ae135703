import type { FieldProblem } from '../../platform/http/errors.ts';
import type { Lang } from '../../platform/web/i18n.ts';
import { catalogueText } from './catalogue-messages.ts';
import type { ServiceListQuery } from './catalogue-schemas.ts';
import type { ServiceFilters } from './catalogue-service.ts';

/**
 * Turns the list's query string into filters. An unknown unit or classification (an old bookmark, a
 * mistyped link) is ignored with a notice rather than refused with 400: the reader still gets a useful
 * list and is told which filter did not apply.
 */
export function resolveServiceFilters(
  query: ServiceListQuery,
  lang: Lang,
  known: { unitCodes: ReadonlySet<string>; classificationCodes: ReadonlySet<string> },
): { filters: ServiceFilters; notices: FieldProblem[] } {
  const notices: FieldProblem[] = [];
  const unit = query.unit?.trim() ?? '';
  const classification = query.classification?.trim() ?? '';
  const filters: ServiceFilters = { lang };
  if (unit !== '') {
    if (known.unitCodes.has(unit)) filters.unitCode = unit;
    else
      notices.push({
        field: 'unit',
        code: 'unknown_unit',
        message: catalogueText(lang, 'unknownUnit', { value: unit }),
      });
  }
  if (classification !== '') {
    if (known.classificationCodes.has(classification)) filters.classificationCode = classification;
    else
      notices.push({
        field: 'classification',
        code: 'unknown_classification',
        message: catalogueText(lang, 'unknownClassification', { value: classification }),
      });
  }
  // A checkbox sends its value only when ticked; anything else means "no filter", never "offline only".
  if (['yes', 'true', '1', 'on'].includes(query.online?.trim().toLowerCase() ?? '')) filters.isOnline = true;
  const keywords = query.q?.trim() ?? '';
  if (keywords !== '') filters.query = keywords;
  return { filters, notices };
}
