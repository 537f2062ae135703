import type { FieldProblem } from '../../platform/http/errors.ts';
import {
  bureauName,
  date,
  type ListedTopic,
  type RenderedMessage,
} from '../../platform/notify/template-kit.ts';
import { type Lang, languages } from '../../platform/web/i18n.ts';
import { notificationText } from './notifications-messages.ts';
import type { TemplateTexts } from './notifications-schema.ts';

/**
 * Edited wording (issue 17 §5): plain text with `{{variable}}` placeholders, checked before it is saved and
 * filled when a message is queued. Pure: no database, so its rules have a unit test.
 *
 * Variables. A topic's variables are the top-level keys of its sample data (both languages), each written
 * for the reader when it is filled:
 * - an ISO date (YYYY-MM-DD) as the template kit writes it: 民國115年3月5日 / 5 March 2026;
 * - other text as it is (names arrive in the recipient's language), a number as digits;
 * - a list of texts one per line;
 * - missing (null, or absent) as nothing.
 * A yes/no value or a nested record (`isOnline`, `howTo`) only steers the built-in wording: it is not a
 * variable (the built-in wording stays the one to use when a message must change with it).
 * Fixed variables every topic has: `{{bureauName}}` (高雄市政府工務局 / the bureau's English name).
 *
 * Required variables: the topic's `requiredVariables` when it declares them; otherwise `caseNumber`,
 * `lookupCode`, `code` and every `…Url` of its data. Each must appear in the e-mail text; and in the SMS
 * when the built-in SMS carries it (the code or the link the reader needs on the phone).
 */

export type TemplateField = keyof TemplateTexts;
export const templateFields: readonly TemplateField[] = ['subject', 'text', 'sms'];

/** One variable as the editor lists it. */
export interface TemplateVariable {
  name: string;
  /** How it is written: a date, a list of lines, a number, text or fixed. */
  kind: 'date' | 'lines' | 'number' | 'text' | 'fixed';
  isRequired: boolean;
  /** The sample's value, written as it would be filled, per language. */
  sample: Record<Lang, string>;
}

/** The longest SMS (filled with the sample) a version may have: five 67-character parts of a long text. */
export const smsLimit = 335;
/** One SMS part of Chinese text (UCS-2): a longer message is sent (and paid) in parts of 67. */
export const smsPartLength = 70;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const placeholder = /\{\{\s*([^{}]*?)\s*\}\}/g;
const variableName = /^[A-Za-z][A-Za-z0-9_]*$/;

type Kind = Exclude<TemplateVariable['kind'], 'fixed'>;

function kindOf(value: unknown): Kind | null {
  if (typeof value === 'string') return isoDate.test(value) ? 'date' : 'text';
  if (typeof value === 'number') return 'number';
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return 'lines';
  return null;
}

/** A data value written for the reader (see above); '' when missing or not a variable's kind. */
export function writtenValue(lang: Lang, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return isoDate.test(value) ? date(lang, value) : value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.filter((item) => typeof item === 'string').join('\n');
  return '';
}

const fixedValues: Record<string, Record<Lang, string>> = { bureauName };

function sampleOf(topic: ListedTopic, lang: Lang): Record<string, unknown> {
  const sample = topic.sample[lang];
  return typeof sample === 'object' && sample !== null ? (sample as Record<string, unknown>) : {};
}

function defaultIsRequired(name: string): boolean {
  return name === 'caseNumber' || name === 'lookupCode' || name === 'code' || /Url$/.test(name);
}

/** The topic's variables, in its data's order, then the fixed ones. */
export function variablesOf(topic: ListedTopic): TemplateVariable[] {
  const zh = sampleOf(topic, 'zh-TW');
  const en = sampleOf(topic, 'en');
  const names = [...new Set([...Object.keys(zh), ...Object.keys(en)])];
  const variables: TemplateVariable[] = [];
  for (const name of names) {
    const kind = kindOf(zh[name]) ?? kindOf(en[name]);
    if (kind === null) continue;
    variables.push({
      name,
      kind,
      isRequired: topic.requiredVariables?.includes(name) ?? defaultIsRequired(name),
      sample: { 'zh-TW': writtenValue('zh-TW', zh[name]), en: writtenValue('en', en[name]) },
    });
  }
  for (const [name, value] of Object.entries(fixedValues))
    variables.push({ name, kind: 'fixed', isRequired: false, sample: value });
  return variables;
}

/** Every variable's value, written in `lang`, from a message's data (and the fixed ones). */
export function variableValues(topic: ListedTopic, lang: Lang, data: unknown): Map<string, string> {
  const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const values = new Map<string, string>();
  for (const variable of variablesOf(topic))
    values.set(
      variable.name,
      variable.kind === 'fixed'
        ? (fixedValues[variable.name]?.[lang] ?? '')
        : writtenValue(lang, record[variable.name]),
    );
  return values;
}

/** A text with its `{{variables}}` filled; an unknown one (the checker refuses them) is left as it is. */
export function fillText(text: string, values: ReadonlyMap<string, string>): string {
  return text.replace(placeholder, (whole, name: string) => values.get(name) ?? whole);
}

/** One language's edited wording filled with the values. */
export function fillTexts(texts: TemplateTexts, values: ReadonlyMap<string, string>): RenderedMessage {
  return {
    subject: fillText(texts.subject, values).replace(/\s*\n\s*/g, ' '),
    text: fillText(texts.text, values),
    sms: fillText(texts.sms, values),
  };
}

/** The names a text uses, in order (duplicates kept once). */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(placeholder)].map((match) => match[1] ?? ''))];
}

/** The form field of one language's text: `subjectZh`, `textEn`, … (the editor's field names). */
export function fieldNameOf(lang: Lang, field: TemplateField): string {
  return `${field}${lang === 'en' ? 'En' : 'Zh'}`;
}

/**
 * Everything wrong with an edited wording, at once, in the editor's language, each problem on its field
 * (`subjectZh` … `smsEn`): a `{{…}}` naming no variable of the topic, braces not closed, an empty subject,
 * text or SMS, a required variable missing from the e-mail text (or from the SMS when the built-in one
 * carries it), an SMS over `smsLimit` characters once filled with the sample.
 */
export function templateTextProblems(
  topic: ListedTopic,
  texts: Record<Lang, TemplateTexts>,
  lang: Lang,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const variables = variablesOf(topic);
  const known = new Set(variables.map((variable) => variable.name));
  const required = variables.filter((variable) => variable.isRequired);
  for (const messageLang of languages) {
    const builtInSms = topic.renderSample(messageLang).sms;
    const samples = variableValues(topic, messageLang, topic.sample[messageLang]);
    for (const field of templateFields) {
      const name = fieldNameOf(messageLang, field);
      const text = texts[messageLang][field];
      const problem = (code: string, key: Parameters<typeof notificationText>[1], values = {}) =>
        problems.push({ field: name, code, message: notificationText(lang, key, values) });
      if (text.trim() === '') {
        problem('required', 'templateEmpty');
        continue;
      }
      const used = placeholdersIn(text);
      const unknown = used.filter((used) => !known.has(used) || !variableName.test(used));
      if (unknown.length > 0)
        problem('unknown_variable', 'templateUnknownVariable', {
          names: unknown.map((name) => `{{${name}}}`).join(lang === 'en' ? ', ' : '、'),
        });
      const rest = text.replace(placeholder, '');
      if (rest.includes('{{') || rest.includes('}}')) problem('unbalanced_braces', 'templateUnbalanced');
      const mustHave =
        field === 'text'
          ? required
          : field === 'sms'
            ? required.filter((variable) => {
                const value = samples.get(variable.name) ?? '';
                return value !== '' && builtInSms.includes(value);
              })
            : [];
      const missing = mustHave.filter((variable) => !used.includes(variable.name));
      if (missing.length > 0)
        problem('missing_variable', 'templateMissingVariable', {
          names: missing.map((variable) => `{{${variable.name}}}`).join(lang === 'en' ? ', ' : '、'),
        });
      // A list the built-in wording numbers stays as the sample's items when the editor starts from it.
      const leftOver = variables.filter(
        (variable) =>
          variable.kind === 'lines' &&
          (samples.get(variable.name) ?? '')
            .split('\n')
            .some((item) => item.length >= 4 && text.includes(item)),
      );
      if (leftOver.length > 0)
        problem('sample_left', 'templateSampleLeft', {
          names: leftOver.map((variable) => `{{${variable.name}}}`).join(lang === 'en' ? ', ' : '、'),
        });
      if (field === 'sms') {
        const length = fillText(text, samples).length;
        if (length > smsLimit) problem('sms_too_long', 'templateSmsTooLong', { length, limit: smsLimit });
      }
    }
  }
  return problems;
}

/** How many parts an SMS of this text is sent in (70 characters in one, 67 a part beyond). */
export function smsPartsOf(text: string): number {
  const length = [...text].length;
  return length <= smsPartLength ? 1 : Math.ceil(length / 67);
}

const markerOpen = '\u{E000}';
const markerClose = '\u{E001}';
const marker = (name: string) => `${markerOpen}${name}${markerClose}`;

function tryRender(topic: ListedTopic, lang: Lang, data: unknown): RenderedMessage | null {
  try {
    return topic.renderUnchecked(lang, data);
  } catch {
    return null;
  }
}

function sameMessage(left: RenderedMessage, right: RenderedMessage): boolean {
  return left.subject === right.subject && left.text === right.text && left.sms === right.sms;
}

function mapMessage(message: RenderedMessage, change: (text: string) => string): RenderedMessage {
  return { subject: change(message.subject), text: change(message.text), sms: change(message.sms) };
}

/**
 * The built-in wording written as `{{variable}}` text, to start an edit from: the topic rendered with a
 * marker in place of each variable the wording only prints (one whose marker leaves the rest of the message
 * as the sample renders it), dates found by their written form, the bureau's name by its name. A value the
 * wording uses otherwise (a count that picks singular or plural) stays as the sample's: the editor sees it.
 */
export function builtInAsTemplate(topic: ListedTopic, lang: Lang): TemplateTexts {
  const sample = sampleOf(topic, lang);
  const expected = topic.renderSample(lang);
  const variables = variablesOf(topic).filter((variable) => variable.kind !== 'fixed');
  const values = variableValues(topic, lang, sample);
  const back = (text: string) =>
    text.replace(
      new RegExp(`${markerOpen}([^${markerClose}]*)${markerClose}`, 'g'),
      (_whole, name: string) => values.get(name) ?? '',
    );
  const marked = new Set<string>();
  for (const variable of variables) {
    if (variable.kind === 'date' || variable.kind === 'lines' || sample[variable.name] === undefined)
      continue;
    const rendered = tryRender(topic, lang, { ...sample, [variable.name]: marker(variable.name) });
    if (rendered !== null && sameMessage(mapMessage(rendered, back), expected)) marked.add(variable.name);
  }
  const data = { ...sample };
  for (const name of marked) data[name] = marker(name);
  let message = tryRender(topic, lang, data);
  if (message === null || !sameMessage(mapMessage(message, back), expected)) message = expected;
  const toPlaceholders = (text: string) => {
    let result = text.replace(
      new RegExp(`${markerOpen}([^${markerClose}]*)${markerClose}`, 'g'),
      (_whole, name: string) => `{{${name}}}`,
    );
    // Values found by their written form, longest first (a date, a list of lines, the bureau's name).
    const written = variables
      .filter(
        (variable) => !marked.has(variable.name) && (variable.kind === 'date' || variable.kind === 'lines'),
      )
      .map((variable) => ({ name: variable.name, value: values.get(variable.name) ?? '' }))
      .concat([{ name: 'bureauName', value: bureauName[lang] }])
      .filter((entry) => entry.value.length >= 4)
      .sort((left, right) => right.value.length - left.value.length);
    for (const entry of written) result = result.replaceAll(entry.value, `{{${entry.name}}}`);
    return result;
  };
  return mapMessage(message, toPlaceholders);
}
