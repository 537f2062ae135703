import { type Static, Type } from 'typebox';
import type { FieldProblem } from '../../../platform/http/errors.ts';
import { fieldLimits } from '../../../platform/web/components/field-limits.ts';
import { defineForm, field, type Words } from '../../../platform/web/components/read-form.ts';
import { isIsoDate, normaliseDateInput } from '../../../platform/web/date-input.ts';
import { taipeiIsoDate } from '../../../platform/web/format-date.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import { mediaTones } from '../petitions-schema.ts';
import { type MediaTextKey, mediaText as text } from './media-messages.ts';
import {
  activeUnits,
  clarificationKinds,
  hoursOf,
  isActiveUnit,
  isFactCheckHours,
  isHttpUrl,
} from './media-rules.ts';

const words = (key: MediaTextKey): Words => ({ 'zh-TW': text('zh-TW', key), en: text('en', key) });

/**
 * The forms of the media log. Whether a field may be left empty is the use case's rule (with the rest of
 * its rules, so that every problem of a form is listed at once); the forms bound what may be typed.
 * A link is one line, but a news address with its title percent-encoded runs past a short text's limit:
 * links take the long limit.
 */
export const mediaItemForm = defineForm(
  Type.Object({
    title: field.text({ maxLength: fieldLimits.shortText }),
    outlet: field.text({ maxLength: fieldLimits.organisationName }),
    url: field.text({ maxLength: fieldLimits.longText }),
    publishedOn: field.text({ maxLength: fieldLimits.shortText }),
    summary: field.text({ maxLength: fieldLimits.longText }),
    tone: field.choice(mediaTones),
    unitCodes: field.ticks({ maxItems: activeUnits.length, maxLength: fieldLimits.token }),
    factCheckUnit: field.text({ maxLength: fieldLimits.token }),
    factCheckHours: field.text({ maxLength: fieldLimits.shortText }),
    // The page's one-time token (platform/http/idempotency.ts): a second post of the form records nothing.
    _once: field.text({ maxLength: fieldLimits.token }),
  }),
  {
    title: words('titleLabel'),
    outlet: words('outletLabel'),
    url: words('urlLabel'),
    publishedOn: words('publishedOnLabel'),
    summary: words('summaryLabel'),
    tone: words('toneLabel'),
    unitCodes: words('unitCodesLabel'),
    factCheckUnit: words('factCheckUnitLabel'),
    factCheckHours: words('factCheckHoursLabel'),
    _once: words('onceLabel'),
  },
);
export type MediaItemValues = Static<typeof mediaItemForm.schema>;

export const factCheckForm = defineForm(
  Type.Object({ note: field.text({ maxLength: fieldLimits.longText }) }),
  { note: words('noteLabel') },
);
export type FactCheckValues = Static<typeof factCheckForm.schema>;

export const clarificationForm = defineForm(
  Type.Object({
    clarificationKind: field.choice(clarificationKinds),
    clarificationUrl: field.text({ maxLength: fieldLimits.longText }),
  }),
  {
    clarificationKind: words('clarificationKindLabel'),
    clarificationUrl: words('clarificationUrlLabel'),
  },
);
export type ClarificationValues = Static<typeof clarificationForm.schema>;

/** The empty forms. */
export const blankMediaItem: MediaItemValues = {
  title: '',
  outlet: '',
  url: '',
  publishedOn: '',
  summary: '',
  tone: '',
  unitCodes: [],
  factCheckUnit: '',
  factCheckHours: '',
  _once: '',
};

/** What an item's values come to once they pass: the date as ISO, the hours as a number (0: none asked). */
export interface ReadMediaItem {
  publishedOn: string;
  hours: number;
}

/**
 * The item form's rules beyond its fields, every problem at once in the reader's language: what is
 * required, the date (as people write it; not after today in Taipei), the link, the units, and the
 * fact-check (a unit and its hours together, 1 to 168).
 */
export function mediaItemProblems(
  values: MediaItemValues,
  options: { lang: Lang; now: Date },
): { problems: FieldProblem[]; read: ReadMediaItem } {
  const { lang } = options;
  const problems: FieldProblem[] = [];
  const problem = (field: keyof MediaItemValues, code: string, key: MediaTextKey) =>
    problems.push({ field, code, message: text(lang, key) });
  if (values.title === '') problem('title', 'required', 'titleRequired');
  if (values.outlet === '') problem('outlet', 'required', 'outletRequired');
  if (values.url !== '' && !isHttpUrl(values.url)) problem('url', 'invalid_url', 'urlInvalid');
  const publishedOn = normaliseDateInput(values.publishedOn);
  if (values.publishedOn === '') problem('publishedOn', 'required', 'publishedOnRequired');
  else if (!isIsoDate(publishedOn)) problem('publishedOn', 'invalid_date', 'publishedOnInvalid');
  else if (publishedOn > taipeiIsoDate(options.now)) problem('publishedOn', 'future', 'publishedOnFuture');
  if (values.summary === '') problem('summary', 'required', 'summaryRequired');
  if (values.tone === '') problem('tone', 'required', 'toneRequired');
  if (values.unitCodes.some((code) => !isActiveUnit(code))) problem('unitCodes', 'unknown', 'unitUnknown');
  const hours = values.factCheckHours === '' ? 0 : hoursOf(values.factCheckHours);
  if (values.factCheckUnit !== '' && !isActiveUnit(values.factCheckUnit))
    problem('factCheckUnit', 'unknown', 'factCheckUnitUnknown');
  if (values.factCheckUnit === '' && values.factCheckHours !== '')
    problem('factCheckUnit', 'required', 'factCheckUnitMissing');
  if (values.factCheckUnit !== '' && values.factCheckHours === '')
    problem('factCheckHours', 'required', 'factCheckHoursMissing');
  else if (values.factCheckHours !== '' && !isFactCheckHours(hours))
    problem('factCheckHours', 'range', 'factCheckHoursRange');
  return { problems, read: { publishedOn, hours } };
}

export function factCheckProblems(values: FactCheckValues, lang: Lang): FieldProblem[] {
  return values.note === '' ? [{ field: 'note', code: 'required', message: text(lang, 'noteRequired') }] : [];
}

export function clarificationProblems(values: ClarificationValues, lang: Lang): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (values.clarificationKind === '')
    problems.push({
      field: 'clarificationKind',
      code: 'required',
      message: text(lang, 'clarificationKindRequired'),
    });
  if (values.clarificationUrl === '')
    problems.push({
      field: 'clarificationUrl',
      code: 'required',
      message: text(lang, 'clarificationUrlRequired'),
    });
  else if (!isHttpUrl(values.clarificationUrl))
    problems.push({
      field: 'clarificationUrl',
      code: 'invalid_url',
      message: text(lang, 'clarificationUrlInvalid'),
    });
  return problems;
}
