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
  /** A code asked for: kept when known, else ignored with a notice saying so. */
  const knownCode = (
    field: 'unit' | 'classification',
    asked: string | undefined,
    codes: ReadonlySet<string>,
  ): string | undefined => {
    const value = asked?.trim() ?? '';
    if (value === '' || codes.has(value)) return value === '' ? undefined : value;
    notices.push({
      field,
      code: `unknown_${field}`,
      message: catalogueText(lang, field === 'unit' ? 'unknownUnit' : 'unknownClassification', { value }),
    });
    return undefined;
  };
  const filters: ServiceFilters = { lang };
  const unitCode = knownCode('unit', query.unit, known.unitCodes);
  if (unitCode !== undefined) filters.unitCode = unitCode;
  const classificationCode = knownCode('classification', query.classification, known.classificationCodes);
  if (classificationCode !== undefined) filters.classificationCode = classificationCode;
  // A checkbox sends its value only when ticked; anything else means "no filter", never "offline only".
  if (['yes', 'true', '1', 'on'].includes(query.online?.trim().toLowerCase() ?? '')) filters.isOnline = true;
  const keywords = query.q?.trim() ?? '';
  if (keywords !== '') filters.query = keywords;
  return { filters, notices };
}
