import type { FastifyReply, FastifyRequest } from 'fastify';
import { listDistricts } from '../../platform/geo/geo-repo.ts';
import type { AppDeps, AppInstance } from '../../platform/http/app-types.ts';
import { DomainError, type FieldProblem } from '../../platform/http/errors.ts';
import {
  answerOnce,
  type IdempotencyClaim,
  type IdempotentAnswer,
  idempotencyKeyHeader,
} from '../../platform/http/idempotency.ts';
import { isUsableIdempotencyKey, requestFingerprint } from '../../platform/http/idempotency-rules.ts';
import { readMultipartForm } from '../../platform/uploads/multipart.ts';
import { casesContext } from '../cases/index.ts';
import { deadlineText, getService } from '../catalogue/index.ts';
import { heldPhotoInputs, maxReportPhotos, type ReportPhotoFile, submitReport } from '../reports/index.ts';
import { apiKeyText } from './api-key-messages.ts';
import { checkApiKey, consumeKeyRate } from './api-keys.ts';
import type { Open311Format, Open311Row } from './open311-format.ts';
import { commonProblems, send, sendErrors, useOpen311Errors } from './open311-http.ts';
import { open311Text } from './open311-messages.ts';
import { postErrors } from './open311-post-errors.ts';
import {
  coordinate,
  districtOfAddress,
  type PostedFields,
  postedAttributes,
  postedValue,
  reporterName,
} from './open311-post-input.ts';
import { requestsShape, serviceNotice } from './open311-request-format.ts';
import type { Open311Locale } from './open311-services.ts';

/** What a POST carried: its parameters, the photos sent as `media`, and what the upload reader refused. */
interface Posted {
  fields: PostedFields;
  photos: ReportPhotoFile[];
  problems: FieldProblem[];
}

/**
 * The parameters of a form-encoded POST (as the specification sends them) or of a multipart one with
 * `media` files, which stream into the file store. A file under any other name is a problem, not a photo.
 */
async function readPosted(request: FastifyRequest): Promise<Posted> {
  if (request.isMultipart()) {
    // Held until decoded (and until the key is known good): a refused request leaves nothing in the store.
    const form = await readMultipartForm(request, 'en', { holdFiles: heldPhotoInputs });
    const photos: ReportPhotoFile[] = [];
    const problems = [...form.problems];
    for (const file of form.files) {
      if (file.fieldName !== 'media') {
        problems.push({
          field: 'open311',
          code: 'unexpected_file',
          message: open311Text('en', 'unexpectedFile', { field: file.fieldName.slice(0, 100) }),
        });
        continue;
      }
      photos.push({
        sha256: file.sha256,
        sizeBytes: file.sizeBytes,
        mediaType: file.mediaType,
        fileName: file.fileName,
        held: file.held,
      });
    }
    return { fields: form.fields, photos, problems };
  }
  const body = request.body;
  const fields =
    body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as PostedFields) : {};
  return { fields, photos: [], problems: [] };
}

/**
 * GeoReport v2 "POST Service Request" (`requests.json`, `requests.xml`): a client system files a photo
 * report with its API key. The key is checked first (403), then counted against its rate (429 with
 * Retry-After); then every problem of the request is listed at once, an unknown service first (404).
 * A good request becomes a field report through the same intake as the /report form, on the `api`
 * channel with the key's name as its client, and the answer is its number at once (`realtime`).
 */
export async function open311PostRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  const { db } = deps;
  useOpen311Errors(app);

  for (const format of ['json', 'xml'] as const) {
    app.post(
      `/open311/v2/requests.${format}`,
      {
        schema: {
          tags: ['open311'],
          summary: `GeoReport v2 POST service request (${format.toUpperCase()}): api_key, service_code, lat+long or address_string (naming the district), attribute[CODE], description, email, phone, first_name, last_name; form-encoded, or multipart with up to ${maxReportPhotos} \`media\` photos.`,
        },
      },
      async (request, reply) => fileRequest(request, reply, format),
    );
  }

  async function fileRequest(request: FastifyRequest, reply: FastifyReply, format: Open311Format) {
    const now = deps.clock.now();
    const posted = await readPosted(request);
    const value = (name: string) => postedValue(posted.fields, name);
    // The common parameters may come in the address too: clients such as the npm `open311` library send
    // jurisdiction_id there on a POST. The body's value comes first. (Never the key: addresses are logged.)
    const common = (name: 'jurisdiction_id' | 'locale') => {
      const queried = (request.query as Record<string, unknown> | undefined)?.[name];
      return value(name) || (typeof queried === 'string' ? queried : '');
    };

    const check = await checkApiKey(db, value('api_key'), now);
    if (check.outcome !== 'valid') {
      const key =
        check.outcome === 'missing'
          ? 'apiKeyMissing'
          : check.outcome === 'revoked'
            ? 'apiKeyRevoked'
            : 'apiKeyInvalid';
      return sendErrors(reply, format, [{ code: 403, description: apiKeyText('en', key) }]);
    }
    // Idempotency-Key (issue 13): the same key and request from the same API key within 24 hours answers
    // with the first report's number; a key used for another request is 409.
    const idempotencyKey = request.headers[idempotencyKeyHeader];
    let claim: IdempotencyClaim | null = null;
    if (typeof idempotencyKey === 'string' && idempotencyKey !== '') {
      if (!isUsableIdempotencyKey(idempotencyKey))
        return sendErrors(reply, format, [
          { code: 400, description: open311Text('en', 'idempotencyKeyUnusable') },
        ]);
      const { api_key: _apiKey, ...parameters } = posted.fields;
      claim = {
        scope: `open311:key:${check.key.id}`,
        key: idempotencyKey,
        fingerprint: requestFingerprint({
          format,
          parameters,
          media: posted.photos.map((photo) => photo.sha256),
        }),
      };
    }
    const rate = await consumeKeyRate(db, check.key, now);
    if (!rate.allowed)
      return sendErrors(reply, format, [
        {
          code: 429,
          description: apiKeyText('en', 'rateLimited', {
            limit: check.key.ratePerMinute,
            seconds: rate.retryAfterSeconds,
          }),
          retryAfterSeconds: rate.retryAfterSeconds,
        },
      ]);

    const locale: Open311Locale = common('locale') === 'en' ? 'en' : 'zh-TW';
    const serviceCode = value('service_code');
    const service = /^[a-z0-9-]{1,100}$/.test(serviceCode)
      ? await getService(db, { code: serviceCode })
      : null;
    const attributes = postedAttributes(posted.fields);
    const known: FieldProblem[] = [
      ...commonProblems({ jurisdiction_id: common('jurisdiction_id'), locale: common('locale') }).map(
        (error) => ({
          field: 'open311',
          code: 'parameter',
          message: error.description,
        }),
      ),
      ...posted.problems,
      ...attributes.problems,
    ];
    const latitude = coordinate(value('lat'));
    const longitude = coordinate(value('long'));
    const address = value('address_string');
    // Without a point, the district routes the report: it must be named in the address.
    const districtCode =
      latitude === undefined && longitude === undefined && address !== ''
        ? (districtOfAddress(address, await listDistricts(db)) ?? undefined)
        : undefined;
    const serviceName = service === null ? '' : locale === 'en' ? service.nameEn : service.nameZh;
    const description = value('description');

    // A realtime service: the id at once, and so no token ("should not be returned if service_request_id is").
    const answerOf = (caseNumber: string, deadlineRule: Parameters<typeof serviceNotice>[0]) => ({
      service_request_id: caseNumber,
      service_notice: serviceNotice(deadlineRule, {
        locale,
        deadlineWords: (deadline) => deadlineText(deadline, locale),
      }),
      account_id: null,
    });
    const replay = (answer: IdempotentAnswer & { isReplay: boolean }) => {
      if (answer.isReplay) reply.header('idempotent-replayed', 'true');
      return send(reply, format, 200, [answer.answer as Open311Row], requestsShape);
    };
    try {
      const answer = await answerOnce(db, claim, { lang: 'en', now }, async (record) => {
        const submitted = await submitReport(
          { ...casesContext(request, deps), lang: locale },
          deps.files,
          {
            serviceCode,
            latitude,
            longitude,
            districtCode,
            address: address === '' ? undefined : address,
            // description is optional in GeoReport v2; the intake needs one, so the category's name stands in.
            description: description === '' ? serviceName || serviceCode || '-' : description,
            formData: attributes.answers,
            name: reporterName(value('first_name'), value('last_name')),
            email: value('email'),
            phone: value('phone'),
            showName: false,
            lang: locale,
            channel: 'api',
            clientName: check.key.name,
            knownProblems: known,
          },
          posted.photos,
          {
            inTransaction: async (tx, row) => {
              await record(tx, { status: 200, answer: answerOf(row.caseNumber, row.deadlineRule) });
            },
          },
        );
        return { status: 200, answer: answerOf(submitted.row.caseNumber, submitted.row.deadlineRule) };
      });
      return replay(answer);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'CONFLICT')
        return sendErrors(reply, format, [
          { code: 409, description: open311Text('en', 'idempotencyKeyReused') },
        ]);
      if (!(error instanceof DomainError) || error.code !== 'VALIDATION_FAILED') throw error;
      return sendErrors(
        reply,
        format,
        postErrors(error.problems, {
          serviceCode,
          hasAddressId: value('address_id') !== '',
          hasAddressString: address !== '',
          maxMedia: maxReportPhotos,
        }),
      );
    }
  }
}
