import type { AuditActor, RequestOrigin } from '../../platform/auth/audit-log.ts';
import type { DatabaseOrTransaction } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/http/errors.ts';
import type { Lang } from '../../platform/web/i18n.ts';
import {
  definitionOfForm,
  type ServiceForm,
  type ShownProblem,
  showProblems,
} from './catalogue-admin-form.ts';
import {
  definitionOfService,
  getService,
  isSameDefinition,
  publishServiceVersion,
} from './catalogue-service.ts';

export type SaveOutcome =
  | { kind: 'published'; code: string; version: number }
  /** The form says what the current version says: no version is added for nothing. */
  | { kind: 'unchanged'; code: string; version: number }
  | {
      kind: 'problems';
      /** 400 for a form to correct; 409 when the only problem is a version published meanwhile. */
      status: number;
      problems: ShownProblem[];
      /** The service's current version now (null for a new code), so the form can start from it. */
      currentVersion: number | null;
    };

/**
 * Publishes what an editor sent through the form: the form's own problems and the definition's rules are
 * listed together; a version published by someone else since the editor opened the form
 * (`expectedCurrentVersion`, 0 for a new service) is reported rather than silently replaced.
 */
export async function saveServiceForm(
  db: DatabaseOrTransaction,
  options: {
    form: ServiceForm;
    expectedCurrentVersion: number;
    actor: AuditActor;
    now: Date;
    lang: Lang;
    origin: RequestOrigin;
  },
): Promise<SaveOutcome> {
  const { lang } = options;
  const reading = definitionOfForm(options.form, lang);
  if (options.expectedCurrentVersion > 0 && reading.problems.length === 0) {
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
      knownProblems: reading.problems,
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
    const current =
      reading.definition.code === '' ? null : await getService(db, { code: reading.definition.code });
    return {
      kind: 'problems',
      status: error.statusCode,
      problems: showProblems(error.problems, lang, reading.optionLines),
      currentVersion: current?.version ?? null,
    };
  }
}
