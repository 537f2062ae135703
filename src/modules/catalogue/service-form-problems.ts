import type { FieldProblem } from '../../platform/http/errors.ts';
import type { FormProblems } from '../../platform/web/components/form-problems.ts';
import { problemsOnPage } from '../../platform/web/components/form-problems.ts';
import type { Lang } from '../../platform/web/i18n.ts';
import {
  inputLabel,
  repeatingParts,
  rowParts,
  type ServiceForm,
  serviceEditorForm,
} from './catalogue-admin-form.ts';
import { catalogueAdminText as text } from './catalogue-admin-messages.ts';

/**
 * Where the editor's page shows each problem. The rules speak of a definition's fields (`deadline.days`,
 * `formFields.2.options.1.labelEn`, `sample.ghost`); the page has inputs (`deadline.amount`, the options
 * textarea, the sample textarea). Problems are moved onto inputs here, then shown by the forms kit with each
 * input's label in the summary and in the order of the page.
 */

/** Where the summary sends the reader for a problem about the form as a whole (a newer version). */
export const wholeFormTarget = 'version-history';

/** The name of the input that shows a problem about a definition's field ('' for the form as a whole). */
export function inputNameOf(field: string): string {
  if (field === 'deadline.days' || field === 'deadline.hours') return 'deadline.amount';
  const option = /^(formFields\.\d+\.options)(\.|$)/.exec(field);
  if (option?.[1]) return option[1];
  if (field === 'sample' || field.startsWith('sample.')) return 'sample';
  if (field === 'sopSteps') return 'sopSteps.0.titleZh';
  return field;
}

const isSameProblem = (left: FieldProblem, right: FieldProblem) =>
  left.field === right.field && left.code === right.code && left.message === right.message;

/**
 * A publication's problems on the form's inputs: an option's problem names its line in the textarea
 * (`optionLines`: for each form field, the line each option came from), and where the forms kit already
 * refused an input (`formProblems`, an over-long text), the rules' problems on that input are left out.
 */
export function problemsOnInputs(
  problems: readonly FieldProblem[],
  options: { lang: Lang; optionLines: readonly (readonly number[])[]; formProblems: readonly FieldProblem[] },
): FieldProblem[] {
  const refused = new Set(options.formProblems.map((problem) => problem.field));
  const rules = problems
    .filter((problem) => !options.formProblems.some((known) => isSameProblem(known, problem)))
    .map((problem) => {
      const option = /^formFields\.(\d+)\.options\.(\d+)\./.exec(problem.field);
      const line = option ? options.optionLines[Number(option[1])]?.[Number(option[2])] : undefined;
      return {
        ...problem,
        field: inputNameOf(problem.field),
        message:
          line === undefined
            ? problem.message
            : text(options.lang, 'optionProblem', { line, message: problem.message }),
      };
    })
    .filter((problem) => !refused.has(problem.field));
  return [...options.formProblems, ...rules];
}

/**
 * The form's inputs in the order of the page: the form as a whole first, the single fields, then the rows
 * by part, number and input (at least row 0 of each part: "list at least one step" points there), then the
 * sample.
 */
export function inputsInPageOrder(form: ServiceForm): string[] {
  const single = Object.keys(serviceEditorForm.schema.properties).filter((name) => name !== 'sample');
  const rows = repeatingParts.flatMap((part) =>
    Array.from({ length: Math.max(form[part].length, 1) }, (_, index) =>
      Object.keys(rowParts[part].inputs).map((input) => `${part}.${index}.${input}`),
    ).flat(),
  );
  return ['', ...single, ...rows, 'sample'];
}

/**
 * The problems as the page shows them: at their inputs, in page order, the summary naming each input by its
 * label — except what the forms kit said (`formProblems`), whose sentence already names the field.
 */
export function editorProblemsOnPage(
  problems: readonly FieldProblem[],
  options: { lang: Lang; form: ServiceForm; formProblems: readonly FieldProblem[] },
): FormProblems {
  const named = new Set(options.formProblems.map((problem) => problem.field));
  return problemsOnPage(problems, {
    lang: options.lang,
    labels: (input) => (named.has(input) ? null : inputLabel(input, options.lang)),
    order: inputsInPageOrder(options.form),
    wholeFormTarget,
  });
}
