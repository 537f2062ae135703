/**
 * Domain errors carry a stable code; the HTTP status comes from one table (below), never from the
 * place that throws. docs/errors.md lists every code.
 */
export interface FieldProblem {
  /** The form field or JSON path the problem is about ('' for the whole request). */
  field: string;
  /** A stable machine-readable code, e.g. 'required', 'too_long'. */
  code: string;
  /** A sentence in the user's language. */
  message: string;
}

export const errorStatus = {
  VALIDATION_FAILED: 400,
  MALFORMED_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  SESSION_EXPIRED: 401,
  CSRF_INVALID: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  ACCOUNT_LOCKED: 429,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_ERROR: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class DomainError extends Error {
  override name = 'DomainError';
  readonly code: ErrorCode;
  readonly problems: FieldProblem[];
  readonly retryAfterSeconds: number | undefined;
  constructor(
    code: ErrorCode,
    message: string,
    options: { problems?: FieldProblem[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.code = code;
    this.problems = options.problems ?? [];
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
  get statusCode(): number {
    return errorStatus[this.code];
  }
}

/** The one shape of every JSON error response. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  errors: FieldProblem[];
  requestId: string;
}

/**
 * "There is no such thing here": 404 with the module's own sentence (「找不到這個案件。」). One helper so every
 * module says it the same way; the sentence names what was not found.
 */
export function notFound(message: string): DomainError {
  return new DomainError('NOT_FOUND', message);
}
