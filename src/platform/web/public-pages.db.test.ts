import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { requiredMetaNames } from '../../../test/helpers/government-metadata.ts';
import { metaContent } from '../../../test/helpers/html.ts';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { htmlLang, languages, localePath } from './i18n.ts';
import { sitePages } from './site-pages.ts';

/** The opening tag of the first element a keyboard user can reach in <body>. */
function firstFocusable(html: string): string | undefined {
  const body = html.slice(html.indexOf('<body'));
  return /<(a|button|input|select|textarea)\b[^>]*>/.exec(body)?.[0];
}

describe('public pages (HTTP)', () => {
  let subject: TestApp;
  before(async () => {
    subject = await buildTestApp();
  });
  after(() => subject.app.close());

  for (const page of sitePages) {
    for (const lang of languages) {
      const url = localePath(lang, page.path);
      it(`GET ${url} → 200, lang ${htmlLang(lang)}, the government metadata, the skip link first`, async () => {
        const response = await subject.app.inject({ method: 'GET', url });
        assert.equal(response.statusCode, 200);
        assert.match(String(response.headers['content-type']), /^text\/html; charset=utf-8/);
        const html = response.body;
        assert.match(html, new RegExp(`^<!doctype html><html lang="${htmlLang(lang)}"`));
        const suffix = lang === 'en' ? 'Public Works Bureau, Kaohsiung City Government' : '高雄市政府工務局';
        assert.match(html, new RegExp(`<title>${page.title[lang]} - ${suffix}</title>`));
        for (const name of requiredMetaNames) {
          const content = metaContent(html, name);
          assert.ok(content !== undefined && content.trim() !== '', `${name} present and non-empty`);
        }
        assert.equal(metaContent(html, 'DC.Language'), lang);
        assert.equal(metaContent(html, 'DC.Identifier'), `397030000H-${page.id}`);
        assert.match(firstFocusable(html) ?? '', /<a href="#main-content" class="govuk-skip-link"/);
        assert.match(html, /<main class="govuk-main-wrapper" id="main-content"/);
        for (const key of ['U', 'C', 'Z', 'S']) assert.match(html, new RegExp(`accesskey="${key}"`));
        for (const policy of ['/privacy', '/open-data', '/personal-data-files']) {
          const footer = html.slice(html.indexOf('<footer'));
          assert.match(footer, new RegExp(`href="${localePath(lang, policy)}"`), `footer links to ${policy}`);
        }
        const otherLang = lang === 'en' ? 'zh-TW' : 'en';
        assert.match(
          html,
          new RegExp(`href="${localePath(otherLang, page.path)}" lang="${htmlLang(otherLang)}"`),
        );
      });
    }
  }

  it('every internal link on an English page stays under /en (ADR 0003)', async () => {
    for (const page of sitePages) {
      const html = (await subject.app.inject({ method: 'GET', url: localePath('en', page.path) })).body;
      const internal = [...html.matchAll(/(?:href|action)="(\/[^"#]*)"/g)]
        .map((match) => match[1] ?? '')
        .filter((href) => !href.startsWith('/assets/'))
        // Data for machines (the open-data page's APIs, Open311, sitemap.xml) has one address in both languages.
        .filter((href) => !/^\/(api|open311)\//.test(href) && href !== '/sitemap.xml');
      // The one link out of English is the language link to the same page in Chinese.
      const leaving = internal.filter(
        (href) => href !== '/en' && !href.startsWith('/en/') && href !== page.path,
      );
      assert.deepEqual(leaving, [], `${page.path}: ${leaving.join(', ')}`);
    }
  });

  it('the home page shows the entry points and the bureau’s contacts', async () => {
    const html = (await subject.app.inject({ method: 'GET', url: '/' })).body;
    for (const path of ['/report', '/apply', '/track', '/services'])
      assert.match(html, new RegExp(`href="${path}"`));
    assert.match(html, /道路養護工程處/);
    assert.match(html, /四維三路2號/);
    assert.match(html, /傳真/);
    assert.match(html, /更新日期：民國\d+年\d+月\d+日/);
    assert.match(html, /href="https:\/\/accessibility.moda.gov.tw\/"/);
  });

  it('the site map lists every registered page and explains the access keys', async () => {
    const html = (await subject.app.inject({ method: 'GET', url: '/sitemap' })).body;
    const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    for (const page of sitePages) assert.match(main, new RegExp(`href="${page.path}"`), page.path);
    assert.match(main, /href="\/staff\/sign-in"/);
    assert.match(main, /Shift＋Alt/);
    assert.match(main, /Control＋Option/);
  });

  it('GET /nope and /en/nope → 404 pages in each language, with no stack trace', async () => {
    const chinese = await subject.app.inject({ method: 'GET', url: '/nope' });
    assert.equal(chinese.statusCode, 404);
    assert.match(chinese.body, /<html lang="zh-Hant-TW"/);
    assert.match(chinese.body, /<title>找不到這個頁面 - 高雄市政府工務局<\/title>/);
    assert.match(chinese.body, /href="\/sitemap"/);
    const english = await subject.app.inject({ method: 'GET', url: '/en/nope' });
    assert.equal(english.statusCode, 404);
    assert.match(english.body, /<html lang="en"/);
    assert.match(
      english.body,
      /<title>Page not found - Public Works Bureau, Kaohsiung City Government<\/title>/,
    );
    assert.match(english.body, /href="\/en\/sitemap"/);
    for (const body of [chinese.body, english.body]) {
      assert.doesNotMatch(body, /at .*\.tsx?:\d+|node_modules|Error:/);
    }
  });

  it('GET /preferences/font-size → sets the cookie and 303s back to the page', async () => {
    const response = await subject.app.inject({
      method: 'GET',
      url: '/preferences/font-size?size=large&return=%2Fsitemap',
    });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/sitemap');
    const cookie = String(response.headers['set-cookie']);
    assert.match(cookie, /^ow_font_size=large; Path=\/; Max-Age=31536000; SameSite=Lax/);
    const english = await subject.app.inject({
      method: 'GET',
      url: '/en/preferences/font-size?size=small&return=%2Fsitemap',
    });
    assert.equal(english.headers.location, '/en/sitemap', 'the English switch returns to the English page');
  });

  it('GET /preferences/font-size with an unsafe return → redirects home, never off-site', async () => {
    for (const unsafe of ['//evil.com', '/\\evil.com', 'https://evil.com/', 'javascript:alert(1)']) {
      const response = await subject.app.inject({
        method: 'GET',
        url: `/preferences/font-size?size=large&return=${encodeURIComponent(unsafe)}`,
      });
      assert.equal(response.statusCode, 303, unsafe);
      assert.equal(response.headers.location, '/', unsafe);
    }
    const english = await subject.app.inject({
      method: 'GET',
      url: '/en/preferences/font-size?size=large&return=//evil.com',
    });
    assert.equal(english.headers.location, '/en');
  });

  it('GET /preferences/font-size with an unknown size → 400 page, no cookie', async () => {
    const response = await subject.app.inject({
      method: 'GET',
      url: '/preferences/font-size?size=huge&return=/',
    });
    assert.equal(response.statusCode, 400);
    assert.equal(response.headers['set-cookie'], undefined);
    assert.match(response.body, /<html lang="zh-Hant-TW"/);
  });

  it('the font-size cookie puts its class on <html> and marks the current size', async () => {
    const response = await subject.app.inject({
      method: 'GET',
      url: '/',
      headers: { cookie: 'ow_font_size=large' },
    });
    assert.match(response.body, /<html lang="zh-Hant-TW" class="[^"]*ow-font-size--large/);
    assert.match(response.body, /data-font-size="large" aria-current="true"/);
  });

  it('GET /search?q= finds site pages in either language', async () => {
    const chinese = await subject.app.inject({
      method: 'GET',
      url: `/search?q=${encodeURIComponent('隱私')}`,
    });
    // The search is the portal module's now (issue 15): the site's own pages are among what it finds.
    assert.equal(chinese.statusCode, 200);
    assert.match(chinese.body, /<a class="govuk-link" href="\/privacy">/);
    const english = await subject.app.inject({ method: 'GET', url: '/en/search?q=privacy' });
    assert.match(english.body, /<a class="govuk-link" href="\/en\/privacy">/);
    const none = await subject.app.inject({ method: 'GET', url: '/en/search?q=zzzz' });
    assert.match(none.body, /Nothing found for “zzzz”/);
  });

  it('pages carry the strict CSP, no inline script or style, and only our own scripts', async () => {
    const response = await subject.app.inject({ method: 'GET', url: '/privacy' });
    const policy = String(response.headers['content-security-policy']);
    assert.match(policy, /script-src 'self'/);
    assert.match(policy, /style-src 'self'/);
    assert.doesNotMatch(policy, /unsafe-inline/);
    assert.doesNotMatch(response.body, /<style|style="/);
    for (const script of response.body.match(/<script[^>]*>/g) ?? []) {
      assert.match(script, /^<script type="module" src="\/assets\/build\/app.js">$/);
    }
  });

  it('page routes stay out of the OpenAPI document', async () => {
    const document = (await subject.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of Object.keys(document.paths)) {
      assert.ok(!sitePages.some((page) => page.path === path), `${path} should be hidden`);
      assert.ok(!path.includes('preferences'), path);
    }
  });
});
