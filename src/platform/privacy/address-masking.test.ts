import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hiddenAddress, maskAddress } from './address-masking.ts';

describe('an applicant’s address on a public page: the district and the road at most (issue 14)', () => {
  it('keeps the city, the district and the road, nothing of the number, floor or flat', () => {
    const shapes: [string, string][] = [
      ['高雄市苓雅區四維三路2號5樓之3', '高雄市苓雅區四維三路'],
      ['高雄市苓雅區四維三路２號５樓之３', '高雄市苓雅區四維三路'],
      ['高雄市苓雅區四維三路2號', '高雄市苓雅區四維三路'],
      ['高雄市苓雅區四維三路', '高雄市苓雅區四維三路'],
      ['802 高雄市苓雅區四維三路 2 號 5 樓', '高雄市苓雅區四維三路'],
      ['802301高雄市苓雅區四維三路2號B1', '高雄市苓雅區四維三路'],
      ['臺灣高雄市苓雅區四維三路2號', '高雄市苓雅區四維三路'],
      ['苓雅區四維三路2號', '苓雅區四維三路'],
      ['四維三路2號5樓', '四維三路'],
      ['高雄市前鎮區中山二路5號', '高雄市前鎮區中山二路'],
      ['高雄市路竹區中山路100號', '高雄市路竹區中山路'],
      ['屏東縣屏東市自由路3號', '屏東縣屏東市自由路'],
      ['高雄市鳳山區文化街8號之1', '高雄市鳳山區文化街'],
      ['臺南市東區博愛大道12號', '臺南市東區博愛大道'],
    ];
    for (const [address, shown] of shapes) assert.equal(maskAddress(address), shown, address);
  });

  it('keeps a road’s section (段), which is many blocks', () => {
    assert.equal(maskAddress('臺北市中正區忠孝東路一段12號'), '臺北市中正區忠孝東路一段');
    assert.equal(maskAddress('臺北市大安區忠孝東路4段100號3樓'), '臺北市大安區忠孝東路4段');
  });

  it('drops the lane (巷) and the alley (弄): a handful of houses is too near the door', () => {
    assert.equal(maskAddress('臺北市中正區忠孝東路一段12巷3弄4號'), '臺北市中正區忠孝東路一段');
    assert.equal(maskAddress('高雄市三民區建國二路35巷7號2樓'), '高雄市三民區建國二路');
    assert.equal(
      maskAddress('高雄市苓雅區光華巷5號'),
      '高雄市苓雅區',
      'a lane without a road keeps the district',
    );
  });

  it('drops the village (里, 村) and the neighbourhood (鄰) but keeps the road after them', () => {
    assert.equal(maskAddress('高雄市苓雅區五福里3鄰四維三路2號'), '高雄市苓雅區四維三路');
    assert.equal(maskAddress('屏東縣霧台鄉阿禮村12鄰45號'), '屏東縣霧台鄉', 'no road: the district only');
  });

  it('shows that an address exists, and nothing of it, when none of it can be shown', () => {
    assert.equal(maskAddress('2號5樓之3'), hiddenAddress);
    assert.equal(maskAddress('12'), hiddenAddress);
    assert.equal(maskAddress('   '), '');
  });

  it('keeps the same parts of an address written in English', () => {
    const shapes: [string, string][] = [
      [
        'No. 2, Siwei 3rd Rd., Lingya Dist., Kaohsiung City 802',
        'Siwei 3rd Rd., Lingya Dist., Kaohsiung City',
      ],
      [
        '5F.-3, No. 2, Siwei 3rd Rd., Lingya Dist., Kaohsiung City 802301, Taiwan (R.O.C.)',
        'Siwei 3rd Rd., Lingya Dist., Kaohsiung City, Taiwan (R.O.C.)',
      ],
      [
        'No. 4, Aly. 3, Ln. 12, Sec. 1, Zhongxiao E. Rd., Zhongzheng Dist., Taipei City 100',
        'Sec. 1, Zhongxiao E. Rd., Zhongzheng Dist., Taipei City',
      ],
      ['Rm. 501, 5th Floor, 12 Northern Avenue, Lingya District', 'Northern Avenue, Lingya District'],
      ['12 Main Street, Springfield', 'Main Street, Springfield'],
      ['Lane 5, Unity Rd., Fengshan Dist.', 'Unity Rd., Fengshan Dist.'],
      ['123', hiddenAddress],
    ];
    for (const [address, shown] of shapes) assert.equal(maskAddress(address), shown, address);
  });

  it('never shows a digit of the number, floor, lane or alley', () => {
    for (const address of [
      '高雄市苓雅區四維三路2號5樓之3',
      '高雄市三民區建國二路35巷7弄9號12樓之8',
      'No. 9, Ln. 35, Jianguo 2nd Rd., Sanmin Dist., Kaohsiung City 807',
    ])
      assert.doesNotMatch(maskAddress(address), /[0-9０-９]{1,}(?!st|nd|rd|th)|[號樓巷弄之]/, address);
  });
});
