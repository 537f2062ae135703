import type { FastifyReply } from 'fastify';
import type { Static, TObject } from 'typebox';
import { DomainError, type FieldProblem } from '../../http/errors.ts';
import type { Lang } from '../i18n.ts';
import { type FormDefinition, readForm } from './read-form.ts';

/**
 * The life of a posted form, the same on every page: read it (every problem of form at once), run the use
 * case (which adds the business rules' problems, all at once, as a VALIDATION_FAILED DomainError), then either
 * go on (usually a 303 to the page with a success banner) or show the page again with what was typed and every
 * problem, with 400. A CONFLICT (someone else changed it first) or an INVALID_TRANSITION (the record is no
 * longer in a state that allows it) shows the page again with 409 when the page asks for it; any other error
 * goes to the error handler.
 */
export async function submitForm<Schema extends TObject, Result>(options: {
  form: FormDefinition<Schema>;
  body: unknown;
  lang: Lang;
  /** The use case, given the form's typed values. */
  run(values: Static<Schema>): Promise<Result>;
  /** After the use case succeeded. */
  done(result: Result): FastifyReply | Promise<FastifyReply>;
  /** The page again: with the problems (status 400) or the conflict (409). */
  showAgain(
    values: Static<Schema>,
    outcome: { status: 400 | 409; problems: FieldProblem[]; conflict: DomainError | null },
  ): FastifyReply | Promise<FastifyReply>;
  /** Let a CONFLICT or INVALID_TRANSITION show the page again (409) instead of the error page. */
  isConflictShown?: boolean;
}): Promise<FastifyReply> {
  const read = readForm(options.form, options.body as Record<string, unknown>, options.lang);
  const values = read.values;
  if (read.problems.length > 0)
    return options.showAgain(values, { status: 400, problems: read.problems, conflict: null });
  try {
    return await options.done(await options.run(values));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.code === 'VALIDATION_FAILED')
      return options.showAgain(values, { status: 400, problems: error.problems, conflict: null });
    if ((error.code === 'CONFLICT' || error.code === 'INVALID_TRANSITION') && options.isConflictShown)
      return options.showAgain(values, { status: 409, problems: [], conflict: error });
    throw error;
  }
}
