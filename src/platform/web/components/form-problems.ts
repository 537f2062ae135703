import type { FieldProblem } from '../../http/errors.ts';
import type { Lang } from '../i18n.ts';
import { formText } from './form-text.ts';

/**
 * The one problem type of every form page. A use case (or readForm) says what is wrong as FieldProblems —
 * the field, a code, a sentence in the user's language — and the page shows each one twice: in the error
 * summary at the top (linked to its input) and beside the input. `problemsOnPage` turns the first into the
 * second; the controls in form-controls.tsx read `messagesFor(id)`.
 */
export interface PageProblem {
  /** The id of the input (or part of the page) the problem is about; the summary links there ('' = no link). */
  readonly target: string;
  /** The sentence beside the input. */
  readonly message: string;
  /** The line in the error summary: usually the field's label and the message. */
  readonly summary: string;
}

export class FormProblems {
  static readonly none = new FormProblems([]);

  readonly list: readonly PageProblem[];
  private readonly byTarget = new Map<string, string[]>();

  constructor(list: readonly PageProblem[]) {
    this.list = list;
    for (const problem of list) {
      const messages = this.byTarget.get(problem.target) ?? [];
      messages.push(problem.message);
      this.byTarget.set(problem.target, messages);
    }
  }

  /** Problems given as the page already words them (target and message; the summary repeats the message). */
  static of(problems: readonly { target: string; message: string; summary?: string }[]): FormProblems {
    return new FormProblems(
      problems.map((problem) => ({ ...problem, summary: problem.summary ?? problem.message })),
    );
  }

  get hasAny(): boolean {
    return this.list.length > 0;
  }

  /** The messages to show beside the input with this id, in order. */
  messagesFor(id: string): readonly string[] {
    return this.byTarget.get(id) ?? [];
  }

  /** These problems, then those of `other`. */
  concat(other: FormProblems): FormProblems {
    return new FormProblems([...this.list, ...other.list]);
  }
}

/** An input's id from its name: dots become hyphens, so the id also works in a CSS selector (`a.0.b` → `a-0-b`). */
export function inputIdOf(name: string): string {
  return name.replaceAll('.', '-');
}

export interface ProblemsOnPageOptions {
  lang: Lang;
  /** Each field's label in the summary line ('名稱：請填寫名稱'); a field without one shows the message alone. */
  labels?: Readonly<Record<string, string>> | ((field: string) => string | null);
  /** Where a field's problem is shown: default its input's id (inputIdOf). */
  targetOf?: (field: string) => string;
  /** Where a problem about the whole form ('' field) points: default no link. */
  wholeFormTarget?: string;
  /** The fields in the order of the page: the summary lists problems in that order (others last). */
  order?: readonly string[];
}

/** A use case's problems as a page shows them: at their inputs, the summary naming each field, in page order. */
export function problemsOnPage(
  problems: readonly FieldProblem[],
  options: ProblemsOnPageOptions,
): FormProblems {
  const labelOf = (field: string): string | null => {
    if (options.labels === undefined) return null;
    if (typeof options.labels === 'function') return options.labels(field);
    return Object.hasOwn(options.labels, field) ? (options.labels[field] ?? null) : null;
  };
  const shown = problems.map((problem) => {
    const label = problem.field === '' ? null : labelOf(problem.field);
    return {
      field: problem.field,
      target:
        problem.field === ''
          ? (options.wholeFormTarget ?? '')
          : (options.targetOf?.(problem.field) ?? inputIdOf(problem.field)),
      message: problem.message,
      summary:
        label === null
          ? problem.message
          : formText(options.lang, 'problemAt', { where: label, message: problem.message }),
    };
  });
  const order = options.order;
  if (order !== undefined) {
    const rank = (field: string) => {
      const index = order.indexOf(field);
      return index === -1 ? order.length : index;
    };
    shown.sort((left, right) => rank(left.field) - rank(right.field));
  }
  return new FormProblems(shown.map(({ target, message, summary }) => ({ target, message, summary })));
}
