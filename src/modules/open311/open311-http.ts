import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { AppInstance } from '../../platform/http/app-types.ts';
import { toErrorBody } from '../../platform/http/error-handler.ts';
import { messageFor } from '../../platform/http/error-messages.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { outageOf, outageRetryAfterSeconds } from '../../platform/http/outage-errors.ts';
import {
  contentTypes,
  errorShape,
  type Open311Error,
  type Open311Format,
  type Open311Row,
  serialise,
  type XmlShape,
} from './open311-format.ts';
import { open311Text } from './open311-messages.ts';
import type { Open311Locale } from './open311-services.ts';

/**
 * What every Open311 address shares: answering a document in the asked format (open to any origin: the
 * data is public and no cookie is ever read), the error list, and the two common parameters.
 */

/** The jurisdiction this server answers for; a request naming another is refused (GeoReport v2 §jurisdiction_id). */
export const jurisdictionId = 'pwb.kcg.gov.tw';

/** `services.json`, `requests/1150302-0001.xml`: the file part of an address. */
export const FileParams = Type.Object({ file: Type.String({ maxLength: 200 }) });

export function send(
  reply: FastifyReply,
  format: Open311Format,
  status: number,
  document: Open311Row | readonly Open311Row[],
  shape: XmlShape,
) {
  return reply
    .code(status)
    .header('content-type', contentTypes[format])
    .header('access-control-allow-origin', '*')
    .send(serialise(document, format, shape));
}

/**
 * The specification's error list, every problem at once. The HTTP status is the first error's code:
 * callers put the one that decides first (a missing key before anything else, an unknown service before
 * the problems of a request for it).
 */
export function sendErrors(reply: FastifyReply, format: Open311Format, errors: readonly Open311Error[]) {
  const status = errors[0]?.code ?? 400;
  if ((status === 429 || status === 503) && errors[0]?.retryAfterSeconds !== undefined) {
    reply.header('retry-after', String(errors[0].retryAfterSeconds));
  }
  return send(
    reply,
    format,
    status,
    errors.map((error) => ({ code: error.code, description: error.description })),
    errorShape,
  );
}

/**
 * Problems with the common parameters, every one at once: a jurisdiction that is not ours, a locale we do
 * not write. Answers in English (GeoReport v2 clients are programs; their developers read English).
 */
export function commonProblems(query: {
  jurisdiction_id?: string | undefined;
  locale?: string | undefined;
}): Open311Error[] {
  const problems: Open311Error[] = [];
  const jurisdiction = query.jurisdiction_id ?? '';
  // "Optional" in GeoReport v2: an empty parameter is the same as none.
  if (jurisdiction !== '' && jurisdiction !== jurisdictionId)
    problems.push({ code: 400, description: open311Text('en', 'wrongJurisdiction', { jurisdictionId }) });
  const locale = query.locale ?? '';
  if (locale !== '' && locale !== 'zh-TW' && locale !== 'en')
    problems.push({ code: 400, description: open311Text('en', 'unknownLocale') });
  return problems;
}

export const localeOf = (query: { locale?: string | undefined }): Open311Locale =>
  query.locale === 'en' ? 'en' : 'zh-TW';

/**
 * Errors the handlers do not answer themselves (a body that is not form-encoded or multipart, one cut off
 * or too large, a failure of ours) in the specification's list and the asked format rather than the
 * platform's JSON: 400 for the client's mistakes ("basically 400 for any other error"), 500 for ours, in
 * English like every Open311 error. Registered in the Open311 route groups' own contexts.
 */
export function useOpen311Errors(app: AppInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const { statusCode, body } = toErrorBody(error, request);
    const format: Open311Format = /\.xml$/.test(request.url.split('?')[0] ?? '') ? 'xml' : 'json';
    // Busy (the render gate, platform/http/public-reads.ts): 503 with Retry-After, a warning, no stack trace.
    if (error instanceof DomainError && error.code === 'SERVICE_UNAVAILABLE') {
      request.log.warn({ code: error.code }, 'request refused: busy');
      return sendErrors(reply, format, [
        {
          code: 503,
          description: messageFor('SERVICE_UNAVAILABLE', 'en'),
          ...(error.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: error.retryAfterSeconds }),
        },
      ]);
    }
    // A dependency down (the database, the file store's disk: platform/http/outage-errors.ts): 503 at once.
    const outage = outageOf(error);
    if (outage !== null) {
      request.log.warn({ outage }, 'request refused: a dependency is down');
      return sendErrors(reply, format, [
        { code: 503, description: body.message, retryAfterSeconds: outageRetryAfterSeconds[outage] },
      ]);
    }
    if (statusCode >= 500) {
      request.log.error({ err: error }, 'request failed');
      return sendErrors(reply, format, [
        { code: 500, description: open311Text('en', 'generalError', { requestId: request.id }) },
      ]);
    }
    const status = statusCode === 403 || statusCode === 404 ? statusCode : 400;
    return sendErrors(reply, format, [{ code: status, description: messageFor(body.code, 'en') }]);
  });
}
