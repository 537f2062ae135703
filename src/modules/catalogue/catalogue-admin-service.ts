import type { AuditActor, RequestOrigin } from '../../platform/auth/audit-log.ts';
import type { DatabaseOrTransaction } from '../../platform/db/database.ts';
import { DomainError, type FieldProblem } from '../../platform/http/errors.ts';
import type { Lang } from '../../platform/web/i18n.ts';
import type { ServiceForm } from './catalogue-admin-form.ts';
import { getService, publishServiceVersion } from './catalogue-service.ts';
import { definitionOfService, isSameDefinition } from './service-definition.ts';
import { definitionOfForm } from './service-form-definition.ts';
import { inputNameOf, problemsOnInputs } from './service-form-problems.ts';

export type SaveOutcome =
  | { kind: 'published'; code: string; version: number }
  /** The form says what the current version says: no version is added for nothing. */
  | { kind: 'unchanged'; code: string; version: number };

/**
 * Publishes what an editor sent through the form. The forms kit's problems (`formProblems`), the form's own
 * and the definition's rules are listed together, each on the input that shows it; a version published by
 * someone else since the editor opened the form (`expectedCurrentVersion`, 0 for a new service) is reported
 * rather than silently replaced. Throws VALIDATION_FAILED (CONFLICT when that is the only problem) with
 * every problem, and writes nothing then.
 */
export async function saveServiceForm(
  db: DatabaseOrTransaction,
  options: {
    form: ServiceForm;
    formProblems: readonly FieldProblem[];
    expectedCurrentVersion: number;
    actor: AuditActor;
    now: Date;
    lang: Lang;
    origin: RequestOrigin;
  },
): Promise<SaveOutcome> {
  const { lang, formProblems } = options;
  const reading = definitionOfForm(options.form, lang);
  // The kit's refusal of an input says more than the form's reading of it (an over-long amount is no number).
  const refused = new Set(formProblems.map((problem) => problem.field));
  const knownProblems = [
    ...formProblems,
    ...reading.problems.filter((problem) => !refused.has(inputNameOf(problem.field))),
  ];
  if (options.expectedCurrentVersion > 0 && knownProblems.length === 0) {
    const current = await getService(db, { code: reading.definition.code });
    if (
      current?.version === options.expectedCurrentVersion &&
      isSameDefinition(definitionOfService(current), reading.definition)
    )
      return { kind: 'unchanged', code: current.code, version: current.version };
  }
  try {
    const published = await publishServiceVersion(db, {
      definition: reading.definition,
      knownProblems,
      expectedCurrentVersion: options.expectedCurrentVersion,
      actor: options.actor,
      now: options.now,
      lang,
      origin: options.origin,
    });
    return { kind: 'published', ...published };
  } catch (error) {
    if (!(error instanceof DomainError) || (error.code !== 'VALIDATION_FAILED' && error.code !== 'CONFLICT'))
      throw error;
    throw new DomainError(error.code, error.message, {
      problems: problemsOnInputs(error.problems, { lang, optionLines: reading.optionLines, formProblems }),
    });
  }
}
