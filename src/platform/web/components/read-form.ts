import { type Static, type TObject, type TSchema, Type } from 'typebox';
import { Value } from 'typebox/value';
import type { FieldProblem } from '../../http/errors.ts';
import type { Lang } from '../i18n.ts';
import { formText } from './form-text.ts';

/**
 * The one way a page reads a posted form. A form is a TypeBox object of the field kinds below, with each
 * field's label in both languages. `readForm` turns the posted body (strings, or lists of strings for
 * repeated names) into typed values — trimmed text, ticked boxes as booleans or lists — and checks them
 * against the schema, listing every problem at once in the user's language. The page then shows itself
 * again with `values` (what was typed) and the problems, or passes `values` to its use case, which adds
 * the business rules' problems the same way.
 *
 * The route's own body schema stays permissive (strings of bounded length): a person's mistake is
 * answered by the form page, never by a bare 400.
 */

export type Words = Readonly<Record<Lang, string>>;

/**
 * Whether the text holds a character neither PostgreSQL nor a person can use: NUL and the other C0 controls
 * but tab and line breaks, DEL, half of a surrogate pair, or a bidirectional embedding, override or isolate
 * (U+202A–U+202E, U+2066–U+2069: nobody types them, and they can turn a name or a case list around on
 * screen; the marks U+200E/U+200F stay allowed). The platform's input check (platform/http/input-check.ts)
 * applies the same rule to every path, query and JSON body.
 */
export function hasUnusableCharacter(text: string): boolean {
  if (!text.isWellFormed()) return true;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return true;
    if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return true;
  }
  return false;
}

interface TextOptions {
  /** What a person may type here, and so also a bound on what anyone may send. */
  maxLength: number;
  isRequired?: boolean;
  minLength?: number;
  /** A pattern the trimmed text must match, with what to say when it does not. */
  pattern?: { source: string; message: Words };
  /** False keeps the text exactly as sent, spaces included (a password). */
  isTrimmed?: boolean;
}

/** The field kinds of a form. Each takes what an HTML form sends and gives a typed value. */
export const field = {
  /** Text, trimmed. Optional text is '' when left empty. */
  text: (options: TextOptions) =>
    Type.String({
      maxLength: options.maxLength,
      ...(options.isRequired || options.minLength ? { minLength: options.minLength ?? 1 } : {}),
      ...(options.pattern ? { pattern: options.pattern.source, 'x-message': options.pattern.message } : {}),
      ...(options.isTrimmed === false ? { 'x-untrimmed': true } : {}),
      'x-kind': 'text',
    }),
  /** One of a fixed set (radios, a select); '' when nothing was chosen and the choice is optional. */
  choice: <const Values extends readonly string[], const IsRequired extends boolean = false>(
    values: Values,
    options: { isRequired?: IsRequired } = {},
  ) =>
    Type.Unsafe<IsRequired extends true ? Values[number] : Values[number] | ''>({
      anyOf: [...values, ...(options.isRequired ? [] : [''])].map((value) => ({ const: value })),
      'x-kind': 'choice',
    }),
  /** A single checkbox: ticked or not. `isRequired`: it must be ticked (a confirmation). */
  tick: (options: { isRequired?: boolean } = {}) =>
    Type.Boolean({ ...(options.isRequired ? { const: true } : {}), 'x-kind': 'tick' }),
  /** Checkboxes sharing a name: the values ticked (none: []). */
  ticks: (options: { maxItems: number; maxLength?: number; isRequired?: boolean }) =>
    Type.Array(Type.String({ maxLength: options.maxLength ?? 200 }), {
      maxItems: options.maxItems,
      ...(options.isRequired ? { minItems: 1 } : {}),
      'x-kind': 'ticks',
    }),
};

export interface FormDefinition<Schema extends TObject> {
  readonly schema: Schema;
  /** Each field's label, as the page shows it: messages name the field by it. */
  readonly labels: { readonly [Key in keyof Static<Schema>]: Words };
}

/** A form: its fields (made with `field`) and their labels. */
/**
 * Every field name any form defines, filled in as the route files load: the fuzz pass sends its payloads in
 * all of them to a form route whose page it could not reach (test/input-fuzz.db.test.ts).
 */
export const definedFormFields = new Set<string>();

export function defineForm<Schema extends TObject>(
  schema: Schema,
  labels: FormDefinition<Schema>['labels'],
): FormDefinition<Schema> {
  for (const name of Object.keys(schema.properties)) definedFormFields.add(name);
  return Object.freeze({ schema, labels });
}

/** Each field's label in one language: the error summary's names (`problemsOnPage`'s `labels`). */
export function labelsIn<Schema extends TObject>(
  form: FormDefinition<Schema>,
  lang: Lang,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(form.labels as Record<string, Words>).map(([name, words]) => [name, words[lang]]),
  );
}

export interface ReadForm<Values> {
  /** What was sent, as typed values: show them again, or pass them on. */
  values: Values;
  /** Every problem, at most one per field, in the order of the form's fields. */
  problems: FieldProblem[];
}

/** A posted form as @fastify/formbody parses it: a value is a string, or a list for a repeated name. */
export type PostedBody = Readonly<Record<string, unknown>>;

type Posted = PostedBody | null | undefined;

function firstText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return '';
}

/**
 * One posted value as sent, for what a form definition does not describe (a hidden field, which button was
 * pressed, numbered rows): the string, the first of a repeated name, or '' when absent.
 */
export function postedText(body: PostedBody, name: string): string {
  return firstText(Object.hasOwn(body, name) ? body[name] : undefined);
}

function allTexts(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((entry): entry is string => typeof entry === 'string' && entry.trim() !== '');
}

function kindOf(schema: TSchema): string {
  return String((schema as { 'x-kind'?: unknown })['x-kind'] ?? 'text');
}

/** English labels begin a sentence's object in lower case ("Enter the reason"), acronyms aside. */
function inSentence(lang: Lang, label: string): string {
  if (lang !== 'en' || /^[A-Z]{2}/.test(label)) return label;
  return `the ${label.charAt(0).toLowerCase()}${label.slice(1)}`;
}

/** A message that starts with the field ("the reason must be …") starts with a capital all the same. */
function sentence(message: string): string {
  return `${message.charAt(0).toUpperCase()}${message.slice(1)}`;
}

export function readForm<Schema extends TObject>(
  form: FormDefinition<Schema>,
  body: Posted,
  lang: Lang,
): ReadForm<Static<Schema>> {
  const posted = body ?? {};
  const values: Record<string, unknown> = {};
  const problems: FieldProblem[] = [];
  for (const [name, schema] of Object.entries(form.schema.properties) as [string, TSchema][]) {
    const raw = Object.hasOwn(posted, name) ? posted[name] : undefined;
    const label = (form.labels as Record<string, Words>)[name]?.[lang] ?? name;
    const kind = kindOf(schema);
    if (kind === 'tick') values[name] = firstText(raw).trim() !== '';
    else if (kind === 'ticks') values[name] = [...new Set(allTexts(raw).map((entry) => entry.trim()))];
    else if ((schema as { 'x-untrimmed'?: boolean })['x-untrimmed']) values[name] = firstText(raw);
    // Line breaks as the browser counts them for `maxlength` (one each), so the limit means the same here.
    else values[name] = firstText(raw).replace(/\r\n?/g, '\n').trim();
    const value = values[name];
    const say = (key: Parameters<typeof formText>[1], extra: Record<string, string | number> = {}) =>
      problems.push({
        field: name,
        code: key,
        message: sentence(formText(lang, key, { label: inSentence(lang, label), ...extra })),
      });
    const texts = typeof value === 'string' ? [value] : Array.isArray(value) ? (value as string[]) : [];
    if (texts.some(hasUnusableCharacter)) {
      say('notAllowed');
      continue;
    }
    // Optional text left empty is fine whatever its pattern or minimum.
    if (kind === 'text' && value === '' && !('minLength' in schema)) continue;
    const [error] = Value.Errors(schema, value);
    if (error === undefined) continue;
    const limit = (error.params as { limit?: number }).limit ?? 0;
    switch (error.keyword) {
      case 'minLength':
        if (limit <= 1) say('required');
        else say('tooShort', { limit });
        break;
      case 'maxLength':
        say('tooLong', { limit, length: typeof value === 'string' ? [...value].length : 0 });
        break;
      case 'pattern': {
        const message = (schema as { 'x-message'?: Words })['x-message'];
        if (message === undefined) say('badFormat');
        else problems.push({ field: name, code: 'pattern', message: message[lang] });
        break;
      }
      case 'minItems':
      case 'const':
      case 'anyOf':
        say(kind === 'tick' ? 'required' : 'choose');
        break;
      case 'maxItems':
        say('tooMany', { limit });
        break;
      default:
        say('badFormat');
    }
  }
  return { values: values as Static<Schema>, problems };
}

/**
 * The body schema of a route that reads its form with readForm: any fields, each a string or a list of
 * strings, bounded in size (a stranger's 10 MB field is refused by Fastify, not shown back). What the fields
 * must hold is the form's business, answered on the page.
 */
export const postedForm = Type.Record(
  Type.String({ maxLength: 200 }),
  Type.Union([
    Type.String({ maxLength: 100_000 }),
    Type.Array(Type.String({ maxLength: 100_000 }), { maxItems: 1000 }),
  ]),
);
