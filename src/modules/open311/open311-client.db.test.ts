/**
 * The Open311 endpoint as a third party meets it: the real app listening on 127.0.0.1, driven only through
 * the published Open311 client library from npm, `open311@0.0.12` (Code for America's node-open311, 2011;
 * the only Open311 client on the registry). Every call goes over HTTP through the library's own API
 * (serviceDiscovery, serviceList, serviceDefinition, submitRequest, serviceRequests, token), its own
 * request building (the `attribute[CODE]` fields, `jurisdiction_id`, `api_key`) and its own parsing (JSON,
 * and the dates it turns into Date objects); errors arrive through its callback as it reports them.
 *
 * The client is used in its default `format: 'json'`. Its XML parsers (`sparkxml` from a git URL, and
 * `xml2json`, which needs the native node-expat) cannot be installed here, so npm `overrides` in the root
 * package.json replace them with test/stubs/open311-xml-unavailable, whose functions throw: a call that
 * went through XML would fail this file, not pass silently. The XML answers have their own tests
 * (open311.db.test.ts, open311-requests.db.test.ts) with a real XML parser.
 *
 * The database is read once, and only where the API gives a client nothing to go on: the POST answer has
 * no token (the services are `realtime`), so the token kept with the report is looked up to check the
 * client's `token` call against the tokens answer.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { startTestServer } from '../../../test/helpers/test-server.ts';
import { cliActor } from '../../platform/auth/audit-log.ts';
import { cases } from '../cases/index.ts';
import { listServices } from '../catalogue/index.ts';
import { fieldReports } from '../reports/index.ts';
import { createApiKey, revokeApiKey } from './api-keys.ts';

/** The library's callback: `err` is falsy on success, else `true` or an HTTP status, with a message. */
type Callback<T> = (error: unknown, data: T) => void;

interface Open311Options {
  endpoint?: string;
  discovery?: string;
  jurisdiction?: string;
  apiKey?: string;
  format?: 'json' | 'xml';
}

/** A request as the client hands it back: the answer's JSON with its three dates made into Date objects. */
interface ClientRequest {
  service_request_id: string;
  status: string;
  service_code: string;
  description: string;
  lat: number;
  long: number;
  requested_datetime: Date;
  updated_datetime: Date;
  expected_datetime: Date;
}

/** The part of the library's API this file uses (it ships no types). */
interface Open311Client {
  endpoint?: string;
  format?: string;
  serviceDiscovery(options: { cache?: boolean }, callback: Callback<Discovery>): void;
  serviceDiscovery(callback: Callback<Discovery>): void;
  serviceList(callback: Callback<{ service_code: string; type: string; metadata: boolean }[]>): void;
  serviceDefinition(code: string, callback: Callback<ServiceDefinition>): void;
  submitRequest(data: Record<string, unknown>, callback: Callback<Record<string, unknown>[]>): void;
  token(token: string, callback: Callback<{ service_request_id: string; token: string }[]>): void;
  serviceRequests(id: string | string[], callback: Callback<ClientRequest[]>): void;
  serviceRequests(params: Record<string, string>, callback: Callback<ClientRequest[]>): void;
}

interface Discovery {
  endpoints: { specification: string; url: string; type: string; formats: string[] }[];
}

interface ServiceDefinition {
  service_code: string;
  attributes: { code: string; datatype: string; required: boolean; values?: { key: string }[] }[];
}

const Open311 = createRequire(import.meta.url)('open311') as new (options: Open311Options) => Open311Client;

/** What the callback gave: the library's error (falsy when the call succeeded) and its data or message. */
function callClient<T>(start: (callback: Callback<T>) => void): Promise<{ error: unknown; data: T }> {
  return new Promise((resolve) => start((error, data) => resolve({ error, data })));
}

/** The call's data; the test fails with the library's own message when it reports an error. */
async function succeeded<T>(start: (callback: Callback<T>) => void): Promise<T> {
  const { error, data } = await callClient(start);
  assert.ok(!error, `the client reported an error (${String(error)}): ${String(data)}`);
  return data;
}

/** The library's error and message; the test fails when the call succeeded. */
async function failed(
  start: (callback: Callback<unknown>) => void,
): Promise<{ error: unknown; message: string }> {
  const { error, data } = await callClient(start);
  assert.ok(error, `the call should have failed, and gave ${JSON.stringify(data)}`);
  return { error, message: String(data) };
}

const publicBaseUrl = 'https://onewindow.example.tw';
const jurisdiction = 'pwb.kcg.gov.tw';

describe('Open311 GeoReport v2 through a third-party client library (open311@0.0.12 from npm)', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let client: Open311Client;
  let revokedClient: Open311Client;

  before(async () => {
    server = await startTestServer({ environment: { PUBLIC_BASE_URL: publicBaseUrl } });
    const key = async (name: string) =>
      (
        await createApiKey(server.database.db, {
          name,
          rate: '1000',
          createdByStaffId: null,
          actor: cliActor,
          now: server.clock.now(),
          lang: 'en',
        })
      ).key;
    const options = {
      endpoint: `${server.baseUrl}/open311/v2/`,
      discovery: `${server.baseUrl}/open311/discovery.json`,
      jurisdiction,
      format: 'json',
    } as const;
    client = new Open311({ ...options, apiKey: await key('third-party-client') });
    revokedClient = new Open311({ ...options, apiKey: await key('retired-client') });
    await revokeApiKey(server.database.db, {
      name: 'retired-client',
      actor: cliActor,
      now: server.clock.now(),
      lang: 'en',
    });
  });
  after(() => server.stop());

  it('serviceDiscovery reads the GeoReport v2 endpoint; with `cache` the client takes its endpoint and JSON from it', async () => {
    const discovery = await succeeded<Discovery>((callback) => client.serviceDiscovery(callback));
    const [geoReport] = discovery.endpoints;
    assert.deepEqual(
      { ...geoReport, changeset: undefined },
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: `${publicBaseUrl}/open311/v2`,
        changeset: undefined,
        type: 'production',
        formats: ['application/json', 'text/xml'],
      },
    );

    const discovering = new Open311({ discovery: `${server.baseUrl}/open311/discovery.json` });
    await succeeded<Discovery>((callback) => discovering.serviceDiscovery({ cache: true }, callback));
    assert.equal(
      discovering.endpoint,
      `${publicBaseUrl}/open311/v2/`,
      'the trailing slash added by the client',
    );
    assert.equal(discovering.format, 'json');
  });

  it('serviceList gives the field-report services; serviceDefinition gives a service’s attributes and values', async () => {
    const services = await succeeded<{ service_code: string; type: string; metadata: boolean }[]>(
      (callback) => client.serviceList(callback),
    );
    // Every field-report service of the catalogue, as the README promises (open311.db.test.ts pins the list).
    const fieldReportCodes = (await listServices(server.database.db, { lang: 'en' }))
      .filter((service) => service.kind === 'field_report')
      .map((service) => service.code);
    const listed = services.map((service) => service.service_code);
    assert.deepEqual([...listed].sort(), [...fieldReportCodes].sort());
    assert.ok(
      listed.includes('pothole-report') && listed.includes('street-light-repair'),
      'the two filed below',
    );
    assert.ok(services.every((service) => service.type === 'realtime' && service.metadata === true));

    const pothole = await succeeded<ServiceDefinition>((callback) =>
      client.serviceDefinition('pothole-report', callback),
    );
    assert.equal(pothole.service_code, 'pothole-report');
    assert.deepEqual(
      pothole.attributes.map((attribute) => attribute.code),
      ['size', 'contact-phone'],
    );
    const [size] = pothole.attributes;
    assert.equal(size?.datatype, 'singlevaluelist');
    assert.deepEqual(
      size?.values?.map((value) => value.key),
      ['small', 'medium', 'large'],
    );
  });

  it('submitRequest files a report with attributes and a point; serviceRequests reads it back, dates as the right instants; token finds its id', async () => {
    const filedAt = server.clock.now();
    const answer = await succeeded<Record<string, unknown>[]>((callback) =>
      client.submitRequest(
        {
          service_code: 'pothole-report',
          lat: 22.620345,
          long: 120.312012,
          address_string: '四維三路與中華四路口',
          description: '第三方客戶端通報的坑洞',
          email: 'third.party@example.tw',
          attributes: { size: 'large' },
        },
        callback,
      ),
    );
    assert.equal(answer.length, 1, 'a list of one, as the client expects');
    const [created] = answer;
    const id = String(created?.service_request_id);
    assert.match(id, /^\d{7}-\d{4}$/);
    assert.equal(created?.service_notice, '預計處理時限：4 小時內。');
    assert.ok(!(created && 'token' in created), 'a realtime service answers with the id, not a token');

    const [request, ...rest] = await succeeded<ClientRequest[]>((callback) =>
      client.serviceRequests(id, callback),
    );
    assert.deepEqual(rest, []);
    assert.ok(request);
    assert.equal(request.service_request_id, id);
    assert.equal(request.status, 'open');
    assert.equal(request.service_code, 'pothole-report');
    assert.equal(request.description, '第三方客戶端通報的坑洞');
    assert.deepEqual([request.lat, request.long], [22.6203, 120.312], 'rounded to 4 decimals for the public');
    assert.ok(request.requested_datetime instanceof Date);
    assert.equal(
      request.requested_datetime.toISOString(),
      filedAt.toISOString(),
      'the +08:00 time read right',
    );
    assert.equal(request.updated_datetime.toISOString(), filedAt.toISOString());
    assert.equal(
      request.expected_datetime.getTime() - filedAt.getTime(),
      4 * 60 * 60 * 1000,
      'four hours, around the clock',
    );

    const [reportRow] = await server.database.db
      .select({ token: fieldReports.open311Token })
      .from(fieldReports)
      .innerJoin(cases, eq(cases.id, fieldReports.caseId))
      .where(eq(cases.caseNumber, id));
    const token = reportRow?.token;
    assert.ok(token);
    assert.deepEqual(await succeeded<unknown>((callback) => client.token(token, callback)), [
      { service_request_id: id, token },
    ]);
  });

  it('serviceRequests with parameters: service_code and status filter the list; an array of ids asks for those', async () => {
    server.clock.advance(60_000);
    const file = async (fields: Record<string, unknown>) => {
      const [created] = await succeeded<Record<string, unknown>[]>((callback) =>
        client.submitRequest({ lat: 22.6273, long: 120.3014, ...fields }, callback),
      );
      return String(created?.service_request_id);
    };
    const pothole = await file({
      service_code: 'pothole-report',
      description: '列表裡的坑洞',
      attributes: { size: 'small' },
    });
    const light = await file({
      service_code: 'street-light-repair',
      description: '路燈不亮',
      attributes: { problem: 'out' },
    });

    const openPotholes = await succeeded<ClientRequest[]>((callback) =>
      client.serviceRequests({ service_code: 'pothole-report', status: 'open' }, callback),
    );
    const numbers = openPotholes.map((request) => request.service_request_id);
    assert.equal(numbers[0], pothole, 'newest first');
    assert.ok(!numbers.includes(light), 'another service');
    assert.ok(openPotholes.every((request) => request.service_code === 'pothole-report'));
    assert.ok(openPotholes.every((request) => request.status === 'open'));
    assert.ok(openPotholes.every((request) => request.requested_datetime instanceof Date));

    const closed = await succeeded<ClientRequest[]>((callback) =>
      client.serviceRequests({ service_code: 'pothole-report', status: 'closed' }, callback),
    );
    assert.deepEqual(closed, [], 'nothing is closed yet');

    const both = await succeeded<ClientRequest[]>((callback) =>
      client.serviceRequests([light, pothole], callback),
    );
    assert.deepEqual(both.map((request) => request.service_request_id).sort(), [light, pothole].sort());
  });

  it('errors as the client reports them: a revoked key’s POST is 403 with the reason; unknown ids and tokens are 404', async () => {
    const revoked = await failed((callback) =>
      revokedClient.submitRequest(
        { service_code: 'pothole-report', lat: 22.620345, long: 120.312012, attributes: { size: 'large' } },
        callback,
      ),
    );
    assert.equal(revoked.error, 403, 'the POST helper passes the status');
    assert.ok(
      revoked.message.endsWith(
        ': 403; [{"code":403,"description":"This api_key has been revoked; ask the bureau for a new one."}]',
      ),
      revoked.message,
    );

    const unknownRequest = await failed((callback) => client.serviceRequests('0000000-0000', callback));
    assert.equal(unknownRequest.error, true, 'the GET helper passes only that it failed');
    assert.equal(unknownRequest.message, 'There was an error connecting to the Open311 API: 404');
    const unknownToken = await failed((callback) => client.token('AAAAAAAAAAAAAAAA', callback));
    assert.equal(unknownToken.message, 'There was an error connecting to the Open311 API: 404');
  });
});
