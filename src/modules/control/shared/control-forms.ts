import type { FastifyReply } from 'fastify';
import { type Static, type TObject, type TSchema, Type } from 'typebox';
import type { DomainError, FieldProblem } from '../../../platform/http/errors.ts';
import {
  FormProblems,
  type ProblemsOnPageOptions,
  problemsOnPage,
} from '../../../platform/web/components/form-problems.ts';
import { defineForm, type FormDefinition, type Words } from '../../../platform/web/components/read-form.ts';
import { submitForm } from '../../../platform/web/components/submit-form.ts';
import type { Lang } from '../../../platform/web/i18n.ts';

/**
 * How every form of management control is read and answered: the forms kit's submitForm, with the module's
 * two habits on top — the error summary names the field of each of the use case's problems (「編號：…」;
 * readForm's own messages name it already), and a problem about the whole form (a stale version, a wrong
 * state) links to the page's main content.
 */

/** Where a problem about the whole form points: the page's main content. */
export const wholeFormTarget = 'main-content';

/** A label (or any words) in both languages, from a capability's messages. */
export function wordsOf<Key extends string>(
  translate: (lang: Lang, key: Key, values?: Record<string, string | number>) => string,
  key: Key,
  values?: Record<string, string | number>,
): Words {
  return { 'zh-TW': translate('zh-TW', key, values), en: translate('en', key, values) };
}

/** One field of a form as a table lists it: what it may hold (made with `field`), and its label's message key. */
export type LabelledField<Key extends string> = readonly [schema: TSchema, label: Key];

/** The schema of a table of fields: each field's own. */
type SchemaOfFields<Fields extends Record<string, readonly [TSchema, string]>> = TObject<{
  -readonly [Name in keyof Fields]: Fields[Name][0];
}>;

/**
 * A form as a table of its fields, each beside its label's key in the capability's messages (one line a
 * field): defineForm's schema and labels, built from the one list.
 */
export function formOfFields<Key extends string, const Fields extends Record<string, LabelledField<Key>>>(
  translate: (lang: Lang, key: Key, values?: Record<string, string | number>) => string,
  fields: Fields,
): FormDefinition<SchemaOfFields<Fields>> {
  const entries = Object.entries(fields);
  const schema = Type.Object(Object.fromEntries(entries.map(([name, [field]]) => [name, field])));
  const labels = Object.fromEntries(entries.map(([name, [, key]]) => [name, wordsOf(translate, key)]));
  return defineForm<SchemaOfFields<Fields>>(
    schema as SchemaOfFields<Fields>,
    labels as FormDefinition<SchemaOfFields<Fields>>['labels'],
  );
}

/** A refused form's problems: the use case's, or the conflict's (its own problems, or its message). */
export function refusalProblems(outcome: {
  problems: readonly FieldProblem[];
  conflict: DomainError | null;
}): FieldProblem[] {
  const { conflict } = outcome;
  if (conflict === null) return [...outcome.problems];
  return conflict.problems.length > 0
    ? [...conflict.problems]
    : [{ field: '', code: conflict.code, message: conflict.message }];
}

/** Problems as the page shows them; a whole-form problem links to the main content. */
export function controlProblems(
  problems: readonly FieldProblem[],
  options: Omit<ProblemsOnPageOptions, 'wholeFormTarget'>,
): FormProblems {
  return problems.length === 0
    ? FormProblems.none
    : problemsOnPage(problems, { wholeFormTarget, ...options });
}

export interface ShownAgain {
  status: 400 | 409;
  /** As the page shows them. */
  problems: FormProblems;
  /** As they were found (for an answer that is not the page: a JSON error). */
  refused: FieldProblem[];
}

/**
 * submitForm for a control page: read the form, run the use case, go on or show the page again with every
 * problem (400) or the conflict (409: a stale form, a state that no longer allows it).
 */
export async function submitControlForm<Schema extends TObject, Result>(options: {
  form: FormDefinition<Schema>;
  body: unknown;
  lang: Lang;
  run(values: Static<Schema>): Promise<Result>;
  done(result: Result): FastifyReply | Promise<FastifyReply>;
  showAgain(values: Static<Schema>, shown: ShownAgain): FastifyReply | Promise<FastifyReply>;
  /** The use case's name of a field → the form's, where they differ (the removal's `reason` is `removeReason`). */
  renamed?: Readonly<Record<string, string>>;
  /** Where a field's problem is shown, when its input's id is not its name (a form repeated on the page). */
  targetOf?: (field: string) => string;
  /** Whether the summary names the field of each of the use case's problems (default: yes). */
  isSummaryLabelled?: boolean;
  /** Labels of fields the use case speaks of that are not the form's (an upload's `evidence`). */
  moreLabels?: Readonly<Record<string, Words>>;
}): Promise<FastifyReply> {
  const { form, lang } = options;
  const nameOf = (field: string) => options.renamed?.[field] ?? field;
  const labels: Readonly<Record<string, Words | undefined>> = { ...options.moreLabels, ...form.labels };
  let hasRun = false;
  return submitForm({
    form,
    body: options.body,
    lang,
    isConflictShown: true,
    run: (values) => {
      hasRun = true;
      return options.run(values);
    },
    done: options.done,
    showAgain: (values, outcome) => {
      const refused = refusalProblems(outcome);
      return options.showAgain(values, {
        status: outcome.status,
        refused,
        problems: controlProblems(refused, {
          lang,
          // readForm's messages name their field; the use case's are named in the summary.
          ...(hasRun && options.isSummaryLabelled !== false
            ? { labels: (field: string) => labels[nameOf(field)]?.[lang] ?? null }
            : {}),
          targetOf: (field) => options.targetOf?.(nameOf(field)) ?? nameOf(field),
        }),
      });
    },
  });
}
