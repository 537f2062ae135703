import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { requiredMetaNames } from '../../../test/helpers/government-metadata.ts';
import { agencyCode, buildMetadata, metadataTags, pageIdFromPath } from './page-metadata.ts';

describe('government page metadata', () => {
  it('gives the 15 Dublin Core elements (coverage as t.min/t.max) and the 3 classifications, none empty', () => {
    const tags = metadataTags(
      buildMetadata({
        lang: 'zh-TW',
        path: '/privacy',
        title: '隱私權及網站安全政策',
        updatedAt: '2026-11-26',
      }),
    );
    assert.deepEqual(
      tags.map(([name]) => name),
      requiredMetaNames,
    );
    for (const [name, content] of tags) assert.ok(content.trim() !== '', `${name} is empty`);
  });

  it('derives defaults from the page: identifier, language, date, relation to the other language', () => {
    const metadata = buildMetadata({
      lang: 'en',
      path: '/sitemap',
      pageId: 'sitemap',
      title: 'Site map',
      description: 'Every page',
      updatedAt: '2026-11-20',
    });
    assert.equal(metadata.identifier, `${agencyCode}-sitemap`);
    assert.equal(metadata.language, 'en');
    assert.equal(metadata.date, '2026-11-20');
    assert.equal(metadata.coverageStart, '2026-11-20');
    assert.equal(metadata.description, 'Every page');
    assert.equal(metadata.relation, '/sitemap');
    assert.equal(metadata.publisher, 'Public Works Bureau, Kaohsiung City Government');
    assert.equal(metadata.service, 'I00');
    const chinese = buildMetadata({
      lang: 'zh-TW',
      path: '/sitemap',
      title: '網站導覽',
      updatedAt: '2026-11-20',
    });
    assert.equal(chinese.rights, '高雄市政府工務局');
    assert.equal(chinese.language, 'zh-TW');
    assert.equal(chinese.relation, '/en/sitemap');
  });

  it('takes per-page overrides but ignores empty ones', () => {
    const metadata = buildMetadata(
      { lang: 'zh-TW', path: '/report', title: '報修', updatedAt: '2026-11-26' },
      { service: 'E00', subject: '路面坑洞', creator: '  ' },
    );
    assert.equal(metadata.service, 'E00');
    assert.equal(metadata.subject, '路面坑洞');
    assert.equal(metadata.creator, '高雄市政府工務局');
  });

  it('pageIdFromPath names pages other modules render', () => {
    assert.equal(pageIdFromPath('/'), 'home');
    assert.equal(pageIdFromPath('/staff/sign-in'), 'staff-sign-in');
    assert.equal(pageIdFromPath('/cases/ABC_12/'), 'cases-abc-12');
  });
});
