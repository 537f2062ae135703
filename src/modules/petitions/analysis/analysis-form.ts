import { Type } from 'typebox';
import type { FieldProblem } from '../../../platform/http/errors.ts';
import { fieldLimits, transportLength } from '../../../platform/web/components/field-limits.ts';
import { defineForm, field, type Words } from '../../../platform/web/components/read-form.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { type PetitionSource, petitionSources } from '../petitions-schema.ts';
import { type AnalysisTextKey, analysisText } from './analysis-messages.ts';
import type { AnalysisFilter } from './analysis-queries.ts';
import { addMonths, monthOf, taipeiMonthOf } from './analysis-rules.ts';

const words = (key: AnalysisTextKey): Words => ({
  'zh-TW': analysisText('zh-TW', key),
  en: analysisText('en', key),
});

/** A month as typed: 2026-03 (also 2026/3, 2026年3月). */
const monthLength = 12;

/** The analysis page's filters: a GET form, every view a link. */
export const analysisFilterForm = defineForm(
  Type.Object({
    from: field.text({ maxLength: monthLength }),
    to: field.text({ maxLength: monthLength }),
    type: field.text({ maxLength: fieldLimits.token }),
    unit: field.text({ maxLength: fieldLimits.token }),
    district: field.text({ maxLength: fieldLimits.token }),
    source: field.choice(petitionSources),
  }),
  {
    from: words('from'),
    to: words('to'),
    type: words('type'),
    unit: words('unit'),
    district: words('district'),
    source: words('source'),
  },
);

/** The monthly report's one field. */
export const monthlyForm = defineForm(Type.Object({ month: field.text({ maxLength: monthLength }) }), {
  month: words('monthLabel'),
});

/** The query strings' bounds, for transport only: an over-long value comes back as the form's problem. */
const queryField = (limit: number) => Type.Optional(Type.String({ maxLength: transportLength(limit) }));
export const AnalysisQuery = Type.Object({
  from: queryField(monthLength),
  to: queryField(monthLength),
  type: queryField(fieldLimits.token),
  unit: queryField(fieldLimits.token),
  district: queryField(fieldLimits.token),
  source: queryField(fieldLimits.token),
});
export const MonthlyQuery = Type.Object({ month: queryField(monthLength) });

/** How many months a period may hold (eight years of petitions are well within it). */
const longestPeriod = 240;

export interface FilterChoices {
  types: ReadonlySet<string>;
  units: ReadonlySet<string>;
  districts: ReadonlySet<string>;
}

/**
 * The filter the page applies, from the form's values: the period defaults to the twelve months up to this
 * one; a code not in its list is a problem; a viewer limited to a unit (`scopeUnit`) gets that unit whatever
 * the query says.
 */
export function filterOf(
  values: {
    from: string;
    to: string;
    type: string;
    unit: string;
    district: string;
    source: PetitionSource | '';
  },
  options: { lang: Lang; now: Date; choices: FilterChoices; scopeUnit: string | null },
): { filter: AnalysisFilter; problems: FieldProblem[] } {
  const { lang } = options;
  const problems: FieldProblem[] = [];
  const label = (key: AnalysisTextKey) => {
    const words = analysisText(lang, key);
    return lang === 'en' ? words.charAt(0).toLowerCase() + words.slice(1) : words;
  };
  const readMonth = (name: 'from' | 'to') => {
    if (values[name] === '') return null;
    const month = monthOf(values[name]);
    if (month === null)
      problems.push({
        field: name,
        code: 'month',
        message: analysisText(lang, 'monthInvalid', { label: label(name) }),
      });
    return month;
  };
  const typedFrom = readMonth('from');
  const typedTo = readMonth('to');
  const to = typedTo ?? taipeiMonthOf(options.now);
  const from = typedFrom ?? addMonths(to, -11);
  if (problems.length === 0 && from > to)
    problems.push({ field: 'to', code: 'range', message: analysisText(lang, 'rangeReversed') });
  else if (problems.length === 0 && addMonths(from, longestPeriod) <= to)
    problems.push({ field: 'from', code: 'range', message: analysisText(lang, 'rangeTooLong') });
  const code = (name: 'type' | 'unit' | 'district', list: ReadonlySet<string>) => {
    if (values[name] === '') return null;
    if (list.has(values[name])) return values[name];
    problems.push({
      field: name,
      code: 'choose',
      message: analysisText(lang, 'notInList', { label: label(name) }),
    });
    return null;
  };
  const type = code('type', options.choices.types);
  const unit = options.scopeUnit ?? code('unit', options.choices.units);
  const district = code('district', options.choices.districts);
  return {
    filter: { from, to, type, unit, district, source: values.source === '' ? null : values.source },
    problems,
  };
}

/** The report's month: the one typed, else last month. */
export function reportMonthOf(
  typed: string,
  options: { lang: Lang; now: Date },
): { month: string; problems: FieldProblem[] } {
  const lastMonth = addMonths(taipeiMonthOf(options.now), -1);
  if (typed === '') return { month: lastMonth, problems: [] };
  const month = monthOf(typed);
  if (month !== null) return { month, problems: [] };
  const label = analysisText(options.lang, 'monthLabel');
  return {
    month: lastMonth,
    problems: [
      {
        field: 'month',
        code: 'month',
        message: analysisText(options.lang, 'monthInvalid', {
          label: options.lang === 'en' ? label.toLowerCase() : label,
        }),
      },
    ],
  };
}
