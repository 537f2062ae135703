import type {
  FastifyReply,
  FastifyRequest,
  HookHandlerDoneFunction,
  preParsingHookHandler,
  preValidationHookHandler,
  RouteOptions,
} from 'fastify';
import { hasUnusableCharacter, postedForm } from '../web/components/read-form.ts';
import type { Lang } from '../web/i18n.ts';
import type { AppInstance } from './app-types.ts';
import { messageFor } from './error-messages.ts';
import { DomainError, type FieldProblem } from './errors.ts';

/**
 * One check of every route's input before its schema (issue 13): a path parameter, a query value or a
 * JSON body's text holding a character PostgreSQL or a person cannot use (NUL and the other C0 controls
 * but tab and line breaks, DEL, half a surrogate pair, the bidirectional embeddings, overrides and
 * isolates: `hasUnusableCharacter`, the forms kit's own rule) is answered 400 VALIDATION_FAILED listing each
 * field (`params.slug`, `query.name`, `body.applicantName`), never a 500 from the database.
 *
 * A page's form (body schema `postedForm`) keeps its answer on the page: the forms kit refuses the same
 * characters field by field, in the form's words. A body with a charset other than UTF-8 is refused with
 * 415 before it is read. The hooks are added to each route as it is registered (`onRoute`); the check runs
 * after CSRF and the staff API's authentication (platform/auth/require-staff.ts): anonymous callers learn
 * nothing of the body's rules.
 */
export function installInputChecks(app: AppInstance): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    route.preParsing = [...hooksOf(route.preParsing), refuseOtherCharsets];
    const isForm = route.schema?.body === postedForm;
    // Last: after the CSRF check (the context's) and the staff API's authentication (prepended by
    // platform/auth/require-staff.ts), before the schema.
    route.preValidation = [
      ...hooksOf(route.preValidation),
      isForm ? checkPathAndQuery : checkEverything,
    ] as preValidationHookHandler[];
  });
}

function hooksOf<Hook>(hooks: Hook | Hook[] | undefined): Hook[] {
  if (hooks === undefined) return [];
  return Array.isArray(hooks) ? hooks : [hooks];
}

const words = {
  'zh-TW': (field: string) =>
    `「${field}」含有無法使用的字元（控制字元、文字方向控制字元或不完整的字元），請刪除後再送出。`,
  en: (field: string) =>
    `${field} contains characters that cannot be used (control characters, text-direction controls or half a character); remove them and send again.`,
} satisfies Record<Lang, (field: string) => string>;

/** The most problems one answer lists (a body of ten thousand bad strings is still one short answer). */
const maxProblems = 50;
const maxDepth = 32;

/** Every string (and object key) in a parsed value that holds an unusable character, by its path. */
export function unusableFields(value: unknown, path: string, found: string[] = [], depth = 0): string[] {
  if (found.length >= maxProblems || depth > maxDepth) return found;
  if (typeof value === 'string') {
    if (hasUnusableCharacter(value)) found.push(path);
    return found;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      unusableFields(item, `${path}.${index}`, found, depth + 1);
    });
    return found;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (hasUnusableCharacter(key)) {
        // The key itself is refused; the path names it without the characters.
        found.push(`${path}.${key.toWellFormed().replace(/[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu, '�')}`);
        continue;
      }
      unusableFields(item, `${path}.${key}`, found, depth + 1);
    }
  }
  return found;
}

function refusal(request: FastifyRequest, fields: string[]): DomainError {
  const lang = request.lang;
  const problems: FieldProblem[] = fields.map((field) => ({
    field,
    code: 'notAllowed',
    message: words[lang](field),
  }));
  return new DomainError('VALIDATION_FAILED', messageFor('VALIDATION_FAILED', lang), { problems });
}

function fieldsOf(request: FastifyRequest, withBody: boolean): string[] {
  const found: string[] = [];
  unusableFields(request.params, 'params', found);
  unusableFields(request.query, 'query', found);
  if (withBody) unusableFields(request.body, 'body', found);
  return found;
}

function checkPathAndQuery(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) {
  const fields = fieldsOf(request, false);
  done(fields.length > 0 ? refusal(request, fields) : undefined);
}

function checkEverything(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) {
  const fields = fieldsOf(request, true);
  done(fields.length > 0 ? refusal(request, fields) : undefined);
}

/** The charsets a body may declare: UTF-8 (and its subset ASCII), as every client of ours sends. */
const readableCharsets = new Set(['utf-8', 'utf8', 'us-ascii']);

/** The charset parameter of a Content-Type, lower-case and unquoted, or null without one. */
export function charsetOf(contentType: string | undefined): string | null {
  if (contentType === undefined) return null;
  const match = /;\s*charset\s*=\s*("?)([^";\s]*)\1/i.exec(contentType);
  return match ? (match[2] ?? '').toLowerCase() : null;
}

const refuseOtherCharsets: preParsingHookHandler = (request, _reply, payload, done) => {
  if (request.method === 'GET' || request.method === 'HEAD') return done(null, payload);
  const charset = charsetOf(request.headers['content-type']);
  if (charset === null || readableCharsets.has(charset)) return done(null, payload);
  done(new DomainError('UNSUPPORTED_MEDIA_TYPE', messageFor('UNSUPPORTED_MEDIA_TYPE', request.lang)));
};
