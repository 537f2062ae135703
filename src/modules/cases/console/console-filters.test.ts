import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveQueueFilters, safeReturnQuery, selectionQuery } from './console-filters.ts';

const known = {
  serviceCodes: new Set(['pothole-report']),
  districtCodes: new Set(['64000010']),
  handlerIds: new Set(['h-1']),
  unitCodes: null,
};

describe('resolveQueueFilters', () => {
  it('known values become filters within the scope; the selection echoes them', () => {
    const resolved = resolveQueueFilters(
      {
        state: 'accepted',
        service: 'pothole-report',
        district: '64000010',
        due: 'soon',
        handler: 'h-1',
        page: '2',
      },
      'zh-TW',
      known,
      { unitCode: 'road-maintenance' },
    );
    assert.deepEqual(resolved.filters, {
      unitCode: 'road-maintenance',
      state: 'accepted',
      serviceCode: 'pothole-report',
      districtCode: '64000010',
      due: 'soon',
      handlerId: 'h-1',
    });
    assert.equal(resolved.page, 2);
    assert.deepEqual(resolved.notices, []);
    assert.equal(
      selectionQuery(resolved.selection, resolved.page).toString(),
      'state=accepted&service=pothole-report&district=64000010&due=soon&handler=h-1&page=2',
    );
  });

  it('unknown values are ignored, each with its own notice in the reader’s language', () => {
    const resolved = resolveQueueFilters(
      { state: 'closed-ish', service: 'x', district: 'y', due: 'later', handler: 'h-9', page: '-1' },
      'en',
      known,
      { unitCode: 'parks' },
    );
    assert.deepEqual(resolved.filters, { unitCode: 'parks' });
    assert.deepEqual(
      resolved.notices.map((notice) => notice.field),
      ['state', 'service', 'district', 'due', 'handler', 'page'],
    );
    assert.match(resolved.notices[0]?.message ?? '', /There is no case state “closed-ish”/);
    assert.equal(resolved.page, 1);
  });

  it('my own queue ignores the officer filter; a unit chosen by the secretariat must exist', () => {
    const mine = resolveQueueFilters({ handler: 'someone-else', unassigned: 'yes' }, 'zh-TW', known, {
      handlerId: 'me',
    });
    assert.deepEqual(mine.filters, { handlerId: 'me', unassigned: true });
    const all = resolveQueueFilters(
      { unit: 'moon' },
      'zh-TW',
      { ...known, unitCodes: new Set(['parks']) },
      {},
    );
    assert.deepEqual(all.filters, {});
    assert.match(all.notices[0]?.message ?? '', /沒有代碼為「moon」的單位/);
  });
});

describe('safeReturnQuery', () => {
  it('keeps only the queue’s own keys', () => {
    assert.equal(
      safeReturnQuery('state=received&next=https://evil.example&page=3&x=1').toString(),
      'state=received&page=3',
    );
  });
});
