import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadKaohsiungGeography } from '../../platform/geo/geo-data.ts';
import {
  expectedDateTime,
  kaohsiungZipcodes,
  type RequestRow,
  type RequestWords,
  requestEntry,
  serviceNotice,
  updateEntry,
} from './open311-request-format.ts';

const words = (locale: 'zh-TW' | 'en'): RequestWords => ({
  locale,
  openStates: new Set(['received', 'dispatched', 'reopened']),
  stateWords: (state) => (locale === 'en' ? `state ${state}` : `狀態 ${state}`),
  serviceName: (code) => (code === 'pothole-report' ? (locale === 'en' ? 'Pothole' : '路面坑洞') : code),
  deadlineWords: (deadline) =>
    deadline.kind === 'hours'
      ? locale === 'en'
        ? `within ${deadline.hours} hours`
        : `${deadline.hours} 小時內`
      : locale === 'en'
        ? `${deadline.days} working days`
        : `${deadline.days} 個工作天`,
  photoUrl: (caseNumber, photoId) => `https://example.tw/reports/${caseNumber}/photos/${photoId}/public.jpg`,
});

const row: RequestRow = {
  caseNumber: '1150302-0007',
  state: 'dispatched',
  serviceCode: 'pothole-report',
  description: '機車道有一個坑洞',
  address: '四維三路與中華四路口',
  districtCode: '64000080',
  latitude: 22.620_567_8,
  longitude: 120.312_345_6,
  requestedDateTime: '2026-03-02T10:00:00+08:00',
  updatedDateTime: '2026-03-02T11:30:00+08:00',
  dueDateTime: '2026-03-02T14:00:00+08:00',
  expectedCompletionDate: '2026-03-02',
  deadlineRule: { kind: 'hours', hours: 4 },
  unitNameZh: '養護工程處',
  unitNameEn: 'Road Maintenance Office',
  photoId: '0b4c5d6e-0000-4000-8000-000000000001',
};

const round = (lat: number, lon: number) => ({
  lat: Math.round(lat * 1e4) / 1e4,
  lon: Math.round(lon * 1e4) / 1e4,
});

describe('a request as GeoReport v2 shows it', () => {
  it('has the specification’s elements in its order, dates +08:00, the point rounded, the photo’s URL', () => {
    const entry = requestEntry(row, words('zh-TW'), round);
    assert.deepEqual(entry, {
      service_request_id: '1150302-0007',
      status: 'open',
      status_notes: '狀態 dispatched',
      service_name: '路面坑洞',
      service_code: 'pothole-report',
      description: '機車道有一個坑洞',
      agency_responsible: '養護工程處',
      service_notice: '預計處理時限：4 小時內。',
      requested_datetime: '2026-03-02T10:00:00+08:00',
      updated_datetime: '2026-03-02T11:30:00+08:00',
      expected_datetime: '2026-03-02T14:00:00+08:00',
      address: '四維三路與中華四路口',
      address_id: null,
      zipcode: '802',
      lat: 22.6206,
      long: 120.3123,
      media_url:
        'https://example.tw/reports/1150302-0007/photos/0b4c5d6e-0000-4000-8000-000000000001/public.jpg',
    });
  });

  it('is closed in every state the workflow does not hold open; English words in English', () => {
    const fixed = requestEntry(
      { ...row, state: 'fixed', dueDateTime: null, photoId: null, latitude: null },
      words('en'),
      round,
    );
    assert.equal(fixed.status, 'closed');
    assert.equal(fixed.status_notes, 'state fixed');
    assert.equal(fixed.agency_responsible, 'Road Maintenance Office');
    assert.equal(fixed.service_name, 'Pothole');
    assert.equal(fixed.service_notice, 'Expected to be handled within 4 hours.');
    assert.equal(
      fixed.expected_datetime,
      '2026-03-02T23:59:59+08:00',
      'the promised day when the clock stopped',
    );
    assert.equal(fixed.media_url, null);
    assert.equal(fixed.lat, null);
    assert.equal(fixed.long, null);
  });

  it('says what to expect from the deadline, in working days too', () => {
    const deadlineWords = words('en').deadlineWords;
    assert.equal(
      serviceNotice({ kind: 'working_days', days: 7 }, { locale: 'en', deadlineWords }),
      'Expected to be handled within 7 working days.',
    );
    assert.equal(
      serviceNotice(
        { kind: 'working_days', days: 7 },
        { locale: 'zh-TW', deadlineWords: words('zh-TW').deadlineWords },
      ),
      '預計處理時限：7 個工作天。',
    );
    assert.equal(expectedDateTime(null, null), null);
  });

  it('an update: its id, the status after it, the public note or the state’s words, the fix photo', () => {
    const update = updateEntry(
      {
        id: 42,
        caseNumber: '1150302-0007',
        state: 'fixed',
        occurredAt: new Date('2026-03-02T05:00:00Z'),
        publicNote: null,
        photoId: 'p1',
      },
      words('en'),
    );
    assert.deepEqual(update, {
      update_id: '42',
      service_request_id: '1150302-0007',
      status: 'closed',
      updated_datetime: '2026-03-02T13:00:00+08:00',
      description: 'state fixed',
      media_url: 'https://example.tw/reports/1150302-0007/photos/p1/public.jpg',
    });
    const note = updateEntry(
      {
        id: 43,
        caseNumber: '1150302-0007',
        state: 'dispatched',
        occurredAt: new Date(),
        publicNote: '明天施工',
        photoId: null,
      },
      words('zh-TW'),
    );
    assert.equal(note.description, '明天施工');
    assert.equal(note.status, 'open');
    assert.equal(note.media_url, '');
  });

  it('knows the postal code of every Kaohsiung district in the atlas', () => {
    const districts = loadKaohsiungGeography().districts;
    assert.equal(districts.length, 38);
    for (const district of districts)
      assert.match(
        kaohsiungZipcodes[district.code] ?? '',
        /^8[0-5]\d$/,
        `${district.code} ${district.nameZh}`,
      );
    assert.equal(Object.keys(kaohsiungZipcodes).length, 38);
    assert.equal(new Set(Object.values(kaohsiungZipcodes)).size, 38, 'each district its own code');
  });
});
