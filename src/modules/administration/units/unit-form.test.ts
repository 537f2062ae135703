import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { unitDetailsOf, unitPhoneText } from './unit-form.ts';

const current = {
  addressZh: '802 高雄市苓雅區四維三路2號',
  addressEn: 'No. 2, Siwei 3rd Rd.',
  phone: '07-3368333',
  fax: '07-3316401',
  email: 'pwb@kcg.gov.tw',
  serviceHoursZh: '週一至週五',
  serviceHoursEn: 'Monday to Friday',
  isContactVerified: true,
};
const values = {
  ...current,
  nameZh: '工程企劃處',
  nameEn: 'Planning',
  isActive: true,
  isContactVerified: false,
};

describe('a unit’s details', () => {
  it('keeps phones in the units’ form whatever was typed, and refuses what cannot be called', () => {
    assert.equal(unitPhoneText('(07) 336-8333'), '07-3368333');
    assert.equal(unitPhoneText('+886 7 3368333 分機 12'), '07-3368333#12');
    assert.equal(unitPhoneText('０４９－２２２２２２２'), '049-2222222');
    assert.equal(unitPhoneText('0912 345 678'), '0912-345-678');
    assert.equal(unitPhoneText('123'), null);
  });

  it('lists every problem at once, and keeps "verified" only while the contacts stay as they were', () => {
    const bad = unitDetailsOf({ ...values, phone: 'abc', fax: '12', email: 'not-an-address' }, current, 'en');
    assert.deepEqual(
      bad.problems.map((problem) => problem.field),
      ['phone', 'fax', 'email'],
    );
    assert.equal(unitDetailsOf(values, current, 'zh-TW').details.isContactVerified, true);
    const moved = unitDetailsOf({ ...values, phone: '07 3368334' }, current, 'zh-TW');
    assert.equal(moved.details.phone, '07-3368334');
    assert.equal(moved.details.isContactVerified, false);
    const ticked = unitDetailsOf(
      { ...values, phone: '07 3368334', isContactVerified: true },
      current,
      'zh-TW',
    );
    assert.equal(ticked.details.isContactVerified, true);
    assert.equal(
      unitDetailsOf({ ...values, email: 'PWB@KCG.gov.tw' }, current, 'en').details.email,
      'pwb@kcg.gov.tw',
    );
  });
});
