import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { renderErrorPage } from '../web/error-pages.tsx';
import { pageContext } from '../web/layout.tsx';
import type { AppInstance } from './app-types.ts';
import { messageFor } from './error-messages.ts';
import { DomainError, type ErrorBody, type ErrorCode, type FieldProblem } from './errors.ts';
import { outageMessages, outageOf, outageRetryAfterSeconds } from './outage-errors.ts';

/**
 * Every error leaves through here: a DomainError, a TypeBox validation failure (every problem listed) or a
 * Fastify error becomes one status and the one error shape — JSON for API requests, a bilingual page for the
 * rest. 5xx answers never carry internals; the request id lets staff find the log line.
 */

export function installErrorHandlers(app: AppInstance): void {
  app.setErrorHandler((error, request, reply) => handleError(error as FastifyError, request, reply));
  app.setNotFoundHandler((request, reply) => {
    const notFound = new DomainError(
      'NOT_FOUND',
      request.lang === 'en' ? 'There is no page at this address.' : '找不到這個網址的頁面。',
    );
    return handleError(notFound, request, reply);
  });
}

export function isApiRequest(request: FastifyRequest): boolean {
  return (
    request.url.startsWith('/api/') ||
    request.url === '/healthz' ||
    request.url === '/readyz' ||
    request.url.startsWith('/open311/') ||
    (request.headers.accept?.includes('application/json') === true &&
      !request.headers.accept.includes('text/html'))
  );
}

const fastifyCodeToDomain: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_REQUEST',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_REQUEST',
};

/** One table from any thrown error to a status and the one error shape; 5xx never show internals. */
export function toErrorBody(
  error: unknown,
  request: FastifyRequest,
): { statusCode: number; body: ErrorBody } {
  const lang = request.lang;
  const outage = outageOf(error);
  if (outage !== null) {
    // The database or the file store's disk is down (issue 13): 503 at once, never a 500 or a hang.
    return {
      statusCode: 503,
      body: {
        code: 'SERVICE_UNAVAILABLE',
        message: outageMessages[outage][lang],
        errors: [],
        requestId: request.id,
      },
    };
  }
  if (error instanceof DomainError) {
    return {
      statusCode: error.statusCode,
      body: { code: error.code, message: error.message, errors: error.problems, requestId: request.id },
    };
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const problems: FieldProblem[] = fastifyError.validation.map((issue) => {
      const missing = (issue.params as { missingProperty?: string } | undefined)?.missingProperty;
      const field = [
        fastifyError.validationContext,
        issue.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        missing,
      ]
        .filter((part) => part !== undefined && part !== '')
        .join('.');
      return { field, code: issue.keyword, message: issue.message ?? issue.keyword };
    });
    return {
      statusCode: 400,
      body: {
        code: 'VALIDATION_FAILED',
        message: messageFor('VALIDATION_FAILED', lang),
        errors: problems,
        requestId: request.id,
      },
    };
  }
  const mapped = fastifyError.code ? fastifyCodeToDomain[fastifyError.code] : undefined;
  if (mapped) {
    return {
      statusCode: fastifyError.statusCode ?? 400,
      body: { code: mapped, message: messageFor(mapped, lang), errors: [], requestId: request.id },
    };
  }
  if (fastifyError.statusCode === 405) {
    return {
      statusCode: 405,
      body: {
        code: 'METHOD_NOT_ALLOWED',
        message: messageFor('METHOD_NOT_ALLOWED', lang),
        errors: [],
        requestId: request.id,
      },
    };
  }
  if (
    fastifyError.statusCode !== undefined &&
    fastifyError.statusCode >= 400 &&
    fastifyError.statusCode < 500
  ) {
    return {
      statusCode: fastifyError.statusCode,
      body: {
        code: 'MALFORMED_REQUEST',
        message: messageFor('MALFORMED_REQUEST', lang),
        errors: [],
        requestId: request.id,
      },
    };
  }
  return {
    statusCode: 500,
    body: {
      code: 'INTERNAL_ERROR',
      message: messageFor('INTERNAL_ERROR', lang),
      errors: [],
      requestId: request.id,
    },
  };
}

export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { statusCode, body } = toErrorBody(error, request);
  // A busy page's refusal (platform/http/public-reads.ts) is the gate doing its work under a crowd: one
  // warning line each, no stack trace to flood the log with.
  const isBusy = error instanceof DomainError && error.code === 'SERVICE_UNAVAILABLE';
  const outage = outageOf(error);
  if (isBusy) request.log.warn({ code: error.code }, 'request refused: busy');
  else if (outage !== null) request.log.warn({ outage }, 'request refused: a dependency is down');
  else if (statusCode >= 500) request.log.error({ err: error }, 'request failed');
  if (error instanceof DomainError && error.retryAfterSeconds !== undefined) {
    reply.header('retry-after', String(error.retryAfterSeconds));
  } else if (outage !== null) reply.header('retry-after', String(outageRetryAfterSeconds[outage]));
  if (isApiRequest(request)) return reply.code(statusCode).type('application/json; charset=utf-8').send(body);
  return reply
    .code(statusCode)
    .type('text/html; charset=utf-8')
    .send(renderErrorPage(pageContext(request), statusCode, body));
}
