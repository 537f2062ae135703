import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { languages } from './i18n.ts';
import { personalDataFiles } from './personal-data-files.ts';
import { otherPublicPages, sitePages } from './site-pages.ts';

describe('the site-page registry', () => {
  it('has unique ids and paths, bare paths, and every text in both languages', () => {
    const all = [...sitePages, ...otherPublicPages];
    assert.equal(new Set(all.map((page) => page.id)).size, all.length);
    assert.equal(new Set(all.map((page) => page.path)).size, all.length);
    for (const page of all) {
      assert.match(page.path, /^\/([a-z0-9-]+(\/[a-z0-9-]+)*)?$/, page.path);
      assert.ok(!page.path.startsWith('/en/'), `${page.path} must be bare`);
      for (const lang of languages) {
        assert.ok(page.title[lang].trim() !== '', `${page.id} title ${lang}`);
        assert.ok(page.summary[lang].trim() !== '', `${page.id} summary ${lang}`);
      }
    }
    for (const page of sitePages) assert.match(page.updatedAt, /^\d{4}-\d{2}-\d{2}$/);
  });

  it('puts the three policy pages, the site map and the director’s mailbox in the footer', () => {
    const footer = sitePages.filter((page) => page.isInFooter).map((page) => page.path);
    assert.deepEqual(footer.toSorted(), [
      '/mailbox',
      '/open-data',
      '/personal-data-files',
      '/privacy',
      '/sitemap',
    ]);
  });
});

describe('personal data files (個資法 §17)', () => {
  it('lists staff accounts, cases, petitions and the audit log, each complete in both languages', () => {
    assert.deepEqual(
      personalDataFiles.map((file) => file.id),
      ['staff-accounts', 'cases', 'petitions', 'audit-log'],
    );
    for (const file of personalDataFiles) {
      assert.ok(file.keeperUnits.length > 0, file.id);
      assert.ok(file.categories.length > 0, file.id);
      for (const lang of languages) {
        for (const text of [file.name, file.legalBasis, file.purpose]) assert.ok(text[lang].trim() !== '');
        for (const category of file.categories) {
          assert.match(category.code, /^C\d{3}$/);
          assert.ok(category.examples[lang].trim() !== '');
        }
      }
    }
  });
});
