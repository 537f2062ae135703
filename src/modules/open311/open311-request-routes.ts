import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { type CachedAnswer, createAnswerCache, encodedAnswer } from '../../platform/http/answer-cache.ts';
import type { AppDeps, AppInstance } from '../../platform/http/app-types.ts';
import { createEntryCache } from '../../platform/http/entry-cache.ts';
import { deadlineText, listServices } from '../catalogue/index.ts';
import { publicPoint, reportPaths } from '../reports/index.ts';
import {
  contentTypes,
  listOfEntries,
  type Open311Error,
  type Open311Format,
  serialise,
  serialiseEntry,
  splitFormat,
} from './open311-format.ts';
import { commonProblems, FileParams, localeOf, send, sendErrors, useOpen311Errors } from './open311-http.ts';
import { open311Text } from './open311-messages.ts';
import { type RequestSearch, readRequestListQuery, readUpdatesQuery } from './open311-params.ts';
import {
  type RequestRow,
  type RequestWords,
  requestEntry,
  requestsShape,
  updateEntry,
  updatesShape,
} from './open311-request-format.ts';
import {
  listUpdates,
  openFieldReportStates,
  requestOfToken,
  requestsById,
  requestsByNumber,
  searchRequestKeys,
  searchRequests,
  stateWords,
} from './open311-requests.ts';
import type { Open311Locale } from './open311-services.ts';

/** A parameter as sent once or repeated (`status=open&status=closed` means `status=open,closed`). */
const param = (maxLength: number) =>
  Type.Optional(
    Type.Union([Type.String({ maxLength }), Type.Array(Type.String({ maxLength }), { maxItems: 50 })]),
  );

const common = { jurisdiction_id: param(200), locale: param(10) };

const RequestListQuery = Type.Object({
  ...common,
  service_request_id: param(20_000),
  service_code: param(2_000),
  start_date: param(40),
  end_date: param(40),
  status: param(40),
  bbox: param(200),
  page: param(10),
  page_size: param(10),
});

const UpdatesQuery = Type.Object({
  ...common,
  service_request_id: param(20_000),
  start_date: param(40),
  end_date: param(40),
  page: param(10),
  page_size: param(10),
});

const CommonQuery = Type.Object(common);

type Sent = string | string[] | undefined;
/** The parameters every endpoint takes, as sent. */
type CommonSent = { jurisdiction_id?: Sent; locale?: Sent };
/** A query with its repeated parameters joined. */
type Flat<Query> = { [Key in keyof Query]: string | undefined };

/** Repeated parameters joined with commas, as if sent comma-delimited. */
function flatten<Query extends Record<string, Sent>>(query: Query): Flat<Query> {
  return Object.fromEntries(
    Object.entries(query).map(([name, value]) => [name, Array.isArray(value) ? value.join(',') : value]),
  ) as Flat<Query>;
}

/** A parameter too long or of the wrong shape: the specification's 400, naming it. */
function validationErrors(request: FastifyRequest): Open311Error[] {
  const failures: readonly { instancePath: string }[] = request.validationError?.validation ?? [];
  const names = new Set(
    failures.map((failure) => failure.instancePath.split('/')[1] ?? '').filter((name) => name !== ''),
  );
  if (names.size === 0) return [{ code: 400, description: open311Text('en', 'noSuchEndpoint') }];
  return [...names].map((name) => ({
    code: 400,
    description: `${name}: the value is too long or malformed.`,
  }));
}

/**
 * A one-file address (`requests/ID.json`, `tokens/TOKEN.xml`): the file split from its format (JSON when it
 * names none), its query, and every problem with that query at once: its shape first (Fastify's validation),
 * else the common parameters.
 */
function readFileAddress(request: FastifyRequest, file: string, sent: CommonSent) {
  const named = splitFormat(file);
  const query = flatten(sent);
  return {
    file: named,
    format: named?.format ?? 'json',
    query,
    problems: request.validationError ? validationErrors(request) : commonProblems(query),
  };
}

/**
 * GeoReport v2, reading requests: the list (search or ids), one request, a token's request, and mySociety's
 * service-request-updates extension; JSON and XML each, bare arrays, errors as the specification's list.
 * Only published reports (on the public map) are shown, and never who reported them.
 */
export async function open311RequestRoutes(app: AppInstance, deps: AppDeps): Promise<void> {
  const { db, config } = deps;
  useOpen311Errors(app);
  // The list and the updates are what clients poll: the same address within PUBLIC_API_CACHE_SECONDS gets the
  // same bytes (answer-cache.ts). The address is the key: its path names the format, its query the rest.
  const answers = createAnswerCache(config.publicApiCacheSeconds);
  const nowMs = () => deps.clock.now().getTime();
  function sendCachedAnswer(request: FastifyRequest, reply: FastifyReply, key: string) {
    const cached = answers.get(key, nowMs());
    if (cached === undefined) return null;
    return sendAnswer(request, reply, { ...cached, shared: true });
  }
  /** A list's answer and its headers, compressed when kept and the client takes it (encodedAnswer). */
  function answerAsSent(answer: CachedAnswer & { shared: boolean }, acceptEncoding: string | undefined) {
    const { body, headers } = encodedAnswer(answer, acceptEncoding);
    return {
      body,
      headers: {
        ...headers,
        'content-type': answer.contentType,
        'access-control-allow-origin': '*',
        'x-cache': answer.shared ? 'hit' : 'miss',
      },
    };
  }
  function sendAnswer(
    request: FastifyRequest,
    reply: FastifyReply,
    answer: CachedAnswer & { shared: boolean },
  ) {
    const { body, headers } = answerAsSent(answer, request.headers['accept-encoding']);
    return reply.code(200).headers(headers).send(body);
  }
  /** A kept list goes out before Fastify, as the kept pages do (ADR 0023): the same bytes and headers. */
  const sendKeptFirst = (route: string) =>
    app.sendOwnAnswersFirst(route, (url, acceptEncoding) => {
      const cached = answers.get(url, nowMs());
      return cached === undefined ? undefined : answerAsSent({ ...cached, shared: true }, acceptEncoding);
    });

  /**
   * A list clients poll (the requests, the updates): the kept answer when its address has one; else every
   * problem with the query at once (the specification's 400s: its shape first, as nothing more is read of a
   * malformed query, then the common parameters and the list's own), or the list computed once, kept, sent.
   */
  async function answerPolledList<Query extends CommonSent & Record<string, Sent>, Filter>(
    request: FastifyRequest,
    reply: FastifyReply,
    format: Open311Format,
    sent: Query,
    list: {
      read: (query: Flat<Query>, now: Date) => { filter: Filter; errors: Open311Error[] };
      /** The list's document, written. */
      body: (filter: Filter, query: Flat<Query>) => Promise<string | Buffer>;
    },
  ) {
    const hit = sendCachedAnswer(request, reply, request.url);
    if (hit !== null) return hit;
    if (request.validationError) return sendErrors(reply, format, validationErrors(request));
    const query = flatten(sent);
    const { filter, errors } = list.read(query, deps.clock.now());
    const problems = [...commonProblems(query), ...errors];
    if (problems.length > 0) return sendErrors(reply, format, problems);
    const answer = await answers.fill(request.url, nowMs, async () => ({
      body: await list.body(filter, query),
      contentType: contentTypes[format],
    }));
    return sendAnswer(request, reply, answer);
  }

  /** Service names by code, in both languages (a small list: read per answer, beside the main query). */
  async function serviceNames(): Promise<Map<string, { zh: string; en: string }>> {
    const services = await listServices(db, { lang: 'zh-TW' });
    return new Map(services.map((service) => [service.code, { zh: service.nameZh, en: service.nameEn }]));
  }

  /** The words of requests in a locale. */
  function wordsFor(locale: Open311Locale, names: Map<string, { zh: string; en: string }>): RequestWords {
    return {
      locale,
      openStates: openFieldReportStates,
      stateWords: (state) => stateWords(state, locale),
      serviceName: (code) => {
        const name = names.get(code);
        return name === undefined ? code : locale === 'en' ? name.en : name.zh;
      },
      deadlineWords: (deadline) => deadlineText(deadline, locale),
      photoUrl: (caseNumber, photoId) =>
        `${config.publicBaseUrl}${reportPaths.photo(caseNumber, photoId, 'public')}`,
    };
  }

  /** The requests as GeoReport v2 entries, in the locale. */
  async function requestsDocument(locale: Open311Locale, read: Promise<RequestRow[]>) {
    const [rows, names] = await Promise.all([read, serviceNames()]);
    const words = wordsFor(locale, names);
    return rows.map((row) => requestEntry(row, words, publicPoint));
  }

  // A searched list's entries, kept by id and fingerprint (entry-cache.ts): a list asked with another window
  // or filter reads whole, and writes, only the rows the lists before it did not have.
  const requestEntries = createEntryCache({ maxBytes: config.publicEntryCacheBytes });

  /**
   * A searched list, written from its kept entries and the rows not kept; with PUBLIC_ENTRY_CACHE_MB=0, in
   * one query as a whole (the two steps would only add a query).
   */
  async function searchedList(format: Open311Format, locale: Open311Locale, filter: RequestSearch) {
    if (config.publicEntryCacheBytes <= 0)
      return serialise(await requestsDocument(locale, searchRequests(db, filter)), format, requestsShape);
    const [keys, names] = await Promise.all([searchRequestKeys(db, filter), serviceNames()]);
    const words = wordsFor(locale, names);
    // Everything an entry's words depend on besides its row.
    const variant = `${format} ${locale} ${JSON.stringify([...names])}`;
    const entries = await requestEntries.entries(variant, keys, async (ids) => {
      const rows = await requestsById(db, ids);
      return new Map(
        rows.map((row) => [
          row.id,
          serialiseEntry(requestEntry(row, words, publicPoint), format, requestsShape),
        ]),
      );
    });
    return listOfEntries(entries, format, requestsShape);
  }

  for (const format of ['json', 'xml'] as const) {
    sendKeptFirst(`/open311/v2/requests.${format}`);
    app.get(
      `/open311/v2/requests.${format}`,
      {
        attachValidation: true,
        schema: {
          tags: ['open311'],
          summary: `GeoReport v2 service requests (${format.toUpperCase()}): service_request_id, or service_code, start_date, end_date (90 days by default), status, bbox, page, page_size (≤ 1000); newest first.`,
          querystring: RequestListQuery,
        },
      },
      async (request, reply) =>
        answerPolledList(request, reply, format, request.query, {
          read: readRequestListQuery,
          body: async (filter, query) =>
            filter.kind === 'ids'
              ? serialise(
                  await requestsDocument(localeOf(query), requestsByNumber(db, filter.numbers)),
                  format,
                  requestsShape,
                )
              : searchedList(format, localeOf(query), filter),
        }),
    );

    sendKeptFirst(`/open311/v2/servicerequestupdates.${format}`);
    app.get(
      `/open311/v2/servicerequestupdates.${format}`,
      {
        attachValidation: true,
        schema: {
          tags: ['open311'],
          summary: `Service request updates (${format.toUpperCase()}, mySociety’s extension): state changes and public notes of published requests, oldest first; start_date, end_date (90 days by default), service_request_id, page, page_size.`,
          querystring: UpdatesQuery,
        },
      },
      async (request, reply) =>
        answerPolledList(request, reply, format, request.query, {
          read: readUpdatesQuery,
          body: async (filter, query) => {
            // Updates carry no service name.
            const words = wordsFor(localeOf(query), new Map());
            const rows = (await listUpdates(db, filter)).map((row) => updateEntry(row, words));
            return serialise(rows, format, updatesShape);
          },
        }),
    );
  }

  app.get(
    '/open311/v2/requests/:file',
    {
      attachValidation: true,
      schema: {
        tags: ['open311'],
        summary: 'GeoReport v2 one service request: requests/ID.json or .xml (still a list of one).',
        params: FileParams,
        querystring: CommonQuery,
      },
    },
    async (request, reply) => {
      const { file, format, query, problems } = readFileAddress(request, request.params.file, request.query);
      if (problems.length > 0) return sendErrors(reply, format, problems);
      const rows = file === null ? [] : await requestsByNumber(db, [file.name]);
      if (rows.length === 0)
        return sendErrors(reply, format, [
          {
            code: 404,
            description: open311Text('en', 'unknownRequest', {
              id: (file?.name ?? request.params.file).slice(0, 40),
            }),
          },
        ]);
      return send(
        reply,
        format,
        200,
        await requestsDocument(localeOf(query), Promise.resolve(rows)),
        requestsShape,
      );
    },
  );

  app.get(
    '/open311/v2/tokens/:file',
    {
      attachValidation: true,
      schema: {
        tags: ['open311'],
        summary: 'GeoReport v2 service_request_id from a token: tokens/TOKEN.json or .xml.',
        params: FileParams,
        querystring: CommonQuery,
      },
    },
    async (request, reply) => {
      const { file, format, problems } = readFileAddress(request, request.params.file, request.query);
      if (problems.length > 0) return sendErrors(reply, format, problems);
      const token = file?.name ?? '';
      const caseNumber = /^[A-Za-z0-9_-]{8,64}$/.test(token) ? await requestOfToken(db, token) : null;
      if (caseNumber === null)
        return sendErrors(reply, format, [
          { code: 404, description: open311Text('en', 'unknownToken', { token: token.slice(0, 64) }) },
        ]);
      return send(reply, format, 200, [{ service_request_id: caseNumber, token }], requestsShape);
    },
  );
}
