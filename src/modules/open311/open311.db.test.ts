import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.ts';

/** A real XML parser, as a client would use; every element kept as text, lists always lists. */
const parser = new XMLParser({
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => ['service', 'attribute', 'value', 'error', 'endpoint', 'format'].includes(name),
});

const fieldReportCodes = [
  'park-facility-damage',
  'pothole-report',
  'public-works-other',
  'sidewalk-arcade-damage',
  'street-light-repair',
  'street-tree-pruning',
];

describe('Open311 GeoReport v2: discovery, services and service definitions', () => {
  let subject: TestApp;
  before(async () => {
    subject = await buildTestApp({ environment: { PUBLIC_BASE_URL: 'https://onewindow.example.tw' } });
  });
  after(() => subject.app.close());

  const get = (url: string) => subject.app.inject({ method: 'GET', url });

  it('discovery names the v2 endpoint, its formats and a changeset dated +08:00, in JSON and XML', async () => {
    const json = await get('/open311/discovery.json');
    assert.equal(json.statusCode, 200);
    assert.equal(json.headers['content-type'], 'application/json; charset=utf-8');
    const discovery = json.json();
    assert.match(discovery.changeset, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    assert.deepEqual(discovery.endpoints, [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: 'https://onewindow.example.tw/open311/v2',
        changeset: discovery.changeset,
        type: 'production',
        formats: ['application/json', 'text/xml'],
      },
      {
        specification: 'https://www.mysociety.org/2013/02/20/open311-extended/',
        url: 'https://onewindow.example.tw/open311/v2',
        changeset: discovery.changeset,
        type: 'production',
        formats: ['application/json', 'text/xml'],
      },
    ]);
    const xml = await get('/open311/discovery.xml');
    assert.equal(xml.headers['content-type'], 'text/xml; charset=utf-8');
    const parsed = parser.parse(xml.body).discovery;
    assert.equal(parsed.changeset, discovery.changeset);
    assert.equal(parsed.endpoints.endpoint[0].url, 'https://onewindow.example.tw/open311/v2');
    assert.deepEqual(parsed.endpoints.endpoint[0].formats.format, ['application/json', 'text/xml']);
  });

  it('the service list is the catalogue’s field reports only, as a bare array, the same in XML', async () => {
    const json = await get('/open311/v2/services.json');
    assert.equal(json.statusCode, 200);
    assert.equal(json.headers['access-control-allow-origin'], '*');
    const services = json.json() as Record<string, unknown>[];
    assert.ok(Array.isArray(services));
    assert.deepEqual(services.map((service) => service.service_code).sort(), fieldReportCodes);
    const pothole = services.find((service) => service.service_code === 'pothole-report');
    assert.deepEqual(pothole, {
      service_code: 'pothole-report',
      service_name: '路面坑洞',
      description: '市管道路路面坑洞、下陷或人孔蓋不平，我們在 4 小時內先做安全處置。',
      metadata: true,
      type: 'realtime',
      keywords: 'A00',
      group: pothole?.group,
    });
    assert.match(String(pothole?.group), /養護|工程處|Road/);
    const xml = parser.parse((await get('/open311/v2/services.xml')).body);
    assert.deepEqual(
      xml.services.service.map((service: { service_code: string }) => service.service_code).sort(),
      fieldReportCodes,
    );
    const potholeXml = xml.services.service.find(
      (service: { service_code: string }) => service.service_code === 'pothole-report',
    );
    assert.deepEqual(Object.keys(potholeXml), [
      'service_code',
      'service_name',
      'description',
      'metadata',
      'type',
      'keywords',
      'group',
    ]);
    assert.equal(potholeXml.metadata, 'true');
    const english = (await get('/open311/v2/services.json?locale=en')).json() as Record<string, unknown>[];
    assert.equal(
      english.find((service) => service.service_code === 'pothole-report')?.service_name,
      'Pothole',
    );
  });

  it('a service definition gives the form’s own fields as attributes, choices with their values', async () => {
    const json = await get('/open311/v2/services/pothole-report.json?locale=en');
    assert.equal(json.statusCode, 200);
    const definition = json.json();
    assert.equal(definition.service_code, 'pothole-report');
    assert.deepEqual(
      definition.attributes.map((attribute: { code: string }) => attribute.code),
      ['size', 'contact-phone'],
      'the place and the photo are the request’s own parameters, not attributes',
    );
    assert.deepEqual(definition.attributes[0], {
      variable: true,
      code: 'size',
      datatype: 'singlevaluelist',
      required: definition.attributes[0].required,
      datatype_description: '',
      order: 1,
      description: 'Size of the pothole',
      values: [
        { key: 'small', name: 'Under 30 cm' },
        { key: 'medium', name: '30 to 100 cm' },
        { key: 'large', name: 'Over 100 cm' },
      ],
    });
    assert.equal(definition.attributes[1].datatype, 'string');
    assert.equal(definition.attributes[1].required, false);
    assert.equal(definition.attributes[1].order, 2);
    const xml = parser.parse((await get('/open311/v2/services/pothole-report.xml')).body).service_definition;
    assert.equal(xml.service_code, 'pothole-report');
    const size = xml.attributes.attribute[0];
    assert.equal(size.description, '坑洞大小');
    assert.deepEqual(
      size.values.value.map((value: { key: string; name: string }) => `${value.key}=${value.name}`),
      ['small=小於 30 公分', 'medium=30 至 100 公分', 'large=大於 100 公分'],
    );
  });

  it('errors are the specification’s list with the same status, in the format asked, every problem at once', async () => {
    const unknown = await get('/open311/v2/services/no-such-thing.json');
    assert.equal(unknown.statusCode, 404);
    assert.deepEqual(unknown.json(), [
      { code: 404, description: 'There is no service with the code "no-such-thing".' },
    ]);
    const application = await get('/open311/v2/services/building-construction-start.xml');
    assert.equal(application.statusCode, 404, 'an application is not an Open311 service');
    assert.deepEqual(parser.parse(application.body).errors.error, [
      { code: '404', description: 'There is no service with the code "building-construction-start".' },
    ]);
    const both = await get('/open311/v2/services.json?jurisdiction_id=taipei.gov.tw&locale=fr');
    assert.equal(both.statusCode, 400);
    assert.deepEqual(both.json(), [
      { code: 400, description: 'This server answers only for the jurisdiction pwb.kcg.gov.tw.' },
      { code: 400, description: 'locale must be zh-TW or en.' },
    ]);
    const ours = await get('/open311/v2/services.json?jurisdiction_id=pwb.kcg.gov.tw');
    assert.equal(ours.statusCode, 200);
    const noEndpoint = await get('/open311/v2/complaints.xml');
    assert.equal(noEndpoint.statusCode, 404);
    assert.equal(parser.parse(noEndpoint.body).errors.error[0].code, '404');
    // A NUL in the code is refused by the platform's input check (issue 13): 400 naming the field, not a 500.
    const nul = await get('/open311/v2/services/a%00b.json');
    assert.equal(nul.statusCode, 400);
    assert.deepEqual(
      nul.json().errors.map((problem: { field: string; code: string }) => [problem.field, problem.code]),
      [['params.file', 'notAllowed']],
    );
  });
});
