import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Open311Error } from './open311-format.ts';
import {
  boundingBox,
  commaList,
  dateWindow,
  paging,
  parseW3cDateTime,
  readRequestListQuery,
  readUpdatesQuery,
  statusFilter,
} from './open311-params.ts';

const now = new Date('2026-03-02T02:00:00Z');
const day = 24 * 60 * 60 * 1000;

describe('GeoReport v2 request-list parameters', () => {
  it('reads W3C date-times with their zone, a + sent as a space, and bare dates as Taipei days', () => {
    assert.equal(parseW3cDateTime('2026-03-02T10:00:00+08:00')?.toISOString(), '2026-03-02T02:00:00.000Z');
    assert.equal(parseW3cDateTime('2026-03-02T02:00:00Z')?.toISOString(), '2026-03-02T02:00:00.000Z');
    assert.equal(parseW3cDateTime('2026-03-01T21:00-05:00')?.toISOString(), '2026-03-02T02:00:00.000Z');
    assert.equal(parseW3cDateTime('2026-03-02T02:00:00.250Z')?.toISOString(), '2026-03-02T02:00:00.250Z');
    assert.equal(
      parseW3cDateTime('2026-03-02T10:00:00 08:00')?.toISOString(),
      '2026-03-02T02:00:00.000Z',
      'an offset not percent-encoded arrives with a space for its +',
    );
    assert.equal(parseW3cDateTime('2026-03-02')?.toISOString(), '2026-03-01T16:00:00.000Z');
    assert.equal(parseW3cDateTime('2026-03-02', 'end')?.toISOString(), '2026-03-02T15:59:59.999Z');
  });

  it('refuses what is not a real moment or has no zone', () => {
    for (const bad of [
      '2026-02-30T00:00:00Z',
      '2026-13-01',
      '2026-03-02T24:00:00Z',
      '2026-03-02T10:00:00',
      'yesterday',
      '1614650400',
      '2026-03-02T10:00:00+15:00',
      '',
    ])
      assert.equal(parseW3cDateTime(bad), null, bad);
  });

  it('defaults to the 90 days ending now; one end gives 90 days from it; more than 90 days is an error', () => {
    const errors: Open311Error[] = [];
    assert.deepEqual(dateWindow({}, now, errors), { start: new Date(now.getTime() - 90 * day), end: now });
    const fromStart = dateWindow({ start_date: '2026-01-01T00:00:00Z' }, now, errors);
    assert.equal(fromStart.end.toISOString(), '2026-04-01T00:00:00.000Z');
    const toEnd = dateWindow({ end_date: '2026-04-01T00:00:00Z' }, now, errors);
    assert.equal(toEnd.start.toISOString(), '2026-01-01T00:00:00.000Z');
    assert.equal(errors.length, 0);
    dateWindow({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-04-02T00:00:00Z' }, now, errors);
    dateWindow({ start_date: '2026-03-01T00:00:00Z', end_date: '2026-02-01T00:00:00Z' }, now, errors);
    assert.deepEqual(
      errors.map((error) => error.description),
      ['start_date and end_date may not span more than 90 days.', 'end_date is before start_date.'],
    );
  });

  it('lists every problem of a query at once', () => {
    const { errors } = readRequestListQuery(
      {
        start_date: 'last week',
        end_date: '2026-02-30',
        status: 'open,pending',
        bbox: '120,22,119,23',
        page: '0',
        page_size: '5000',
        service_code: 'Pothole Report',
      },
      now,
    );
    assert.deepEqual(
      errors.map((error) => [error.code, error.description]),
      [
        [400, '"Pothole Report" is not a service code.'],
        [
          400,
          'start_date must be a W3C date-time with its time zone, e.g. 2026-03-02T10:00:00+08:00 or 2026-03-02T02:00:00Z.',
        ],
        [
          400,
          'end_date must be a W3C date-time with its time zone, e.g. 2026-03-02T10:00:00+08:00 or 2026-03-02T02:00:00Z.',
        ],
        [400, 'status must be open or closed (comma-delimited for both); got "pending".'],
        [
          400,
          'bbox must be minLon,minLat,maxLon,maxLat: four numbers (WGS84), each minimum not above its maximum.',
        ],
        [400, 'page must be a whole number from 1 to 100000.'],
        [400, 'page_size must be a whole number from 1 to 1000.'],
      ],
    );
  });

  it('gives a search with the defaults, and ids override every other parameter', () => {
    const { filter, errors } = readRequestListQuery(
      {
        service_code: 'pothole-report, street-light-repair',
        status: 'closed',
        bbox: '120.2,22.6,120.4,22.7',
      },
      now,
    );
    assert.deepEqual(errors, []);
    assert.deepEqual(filter, {
      kind: 'search',
      serviceCodes: ['pothole-report', 'street-light-repair'],
      start: new Date(now.getTime() - 90 * day),
      end: now,
      status: 'closed',
      bbox: { minLon: 120.2, minLat: 22.6, maxLon: 120.4, maxLat: 22.7 },
      page: 1,
      pageSize: 1000,
    });
    const byId = readRequestListQuery(
      { service_request_id: '1150302-0001, 1150302-0002,1150302-0001', start_date: 'x' },
      now,
    );
    assert.deepEqual(byId, {
      filter: { kind: 'ids', numbers: ['1150302-0001', '1150302-0002'] },
      errors: [],
    });
  });

  it('status open and closed together mean every status; empty parameters are absent ones', () => {
    const errors: Open311Error[] = [];
    assert.equal(statusFilter('open,closed', errors), null);
    assert.equal(statusFilter('', errors), null);
    assert.equal(statusFilter('open', errors), 'open');
    assert.equal(boundingBox('', errors), null);
    assert.deepEqual(paging({ page: '', page_size: '' }, errors), { page: 1, pageSize: 1000 });
    assert.deepEqual(commaList(' a, ,b ,'), ['a', 'b']);
    assert.deepEqual(errors, []);
  });

  it('the updates feed: a window by default, none for a list of ids without dates', () => {
    const plain = readUpdatesQuery({}, now);
    assert.deepEqual(plain.filter.window, { start: new Date(now.getTime() - 90 * day), end: now });
    assert.equal(plain.filter.numbers, null);
    const ids = readUpdatesQuery({ service_request_id: '1150302-0001' }, now);
    assert.deepEqual(ids.filter, { numbers: ['1150302-0001'], window: null, page: 1, pageSize: 1000 });
    const both = readUpdatesQuery({ service_request_id: '1150302-0001', start_date: '2026-03-01' }, now);
    assert.equal(both.filter.window?.start.toISOString(), '2026-02-28T16:00:00.000Z');
  });
});
