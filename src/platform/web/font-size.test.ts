import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fontSizeCookie, fontSizeFromCookieHeader, fontSizeReturnPath } from './font-size.ts';

describe('fontSizeReturnPath', () => {
  it('keeps a path on this site, with its query', () => {
    assert.equal(fontSizeReturnPath('/'), '/');
    assert.equal(fontSizeReturnPath('/sitemap'), '/sitemap');
    assert.equal(fontSizeReturnPath('/search?q=%E9%9A%B1%E7%A7%81'), '/search?q=%E9%9A%B1%E7%A7%81');
    assert.equal(fontSizeReturnPath('/staff/sign-in'), '/staff/sign-in', 'sign-in pages are fine here');
  });

  it('refuses anything that could lead to another site', () => {
    for (const unsafe of [
      '//evil.com',
      '//evil.com/path',
      '/\\evil.com',
      '\\\\evil.com',
      'https://evil.com/',
      'http:/evil.com',
      'javascript:alert(1)',
      'sitemap',
      ' /sitemap',
      '/\tevil',
      '/sitemap\r\nSet-Cookie: x=1',
    ]) {
      assert.equal(fontSizeReturnPath(unsafe), null, JSON.stringify(unsafe));
    }
  });

  it('refuses empty, missing and very long values', () => {
    assert.equal(fontSizeReturnPath(undefined), null);
    assert.equal(fontSizeReturnPath(''), null);
    assert.equal(fontSizeReturnPath(`/${'a'.repeat(2048)}`), null);
  });
});

describe('fontSizeFromCookieHeader', () => {
  it('reads our cookie among others', () => {
    assert.equal(fontSizeFromCookieHeader('ow_session=abc; ow_font_size=large; other=1'), 'large');
    assert.equal(fontSizeFromCookieHeader('ow_font_size=small'), 'small');
  });

  it('falls back to medium when absent or unknown', () => {
    assert.equal(fontSizeFromCookieHeader(undefined), 'medium');
    assert.equal(fontSizeFromCookieHeader(''), 'medium');
    assert.equal(fontSizeFromCookieHeader('ow_font_size=huge'), 'medium');
    assert.equal(fontSizeFromCookieHeader('ow_font_size="><script>'), 'medium');
    assert.equal(fontSizeFromCookieHeader('not_ow_font_size=large'), 'medium');
  });
});

describe('fontSizeCookie', () => {
  it('is site-wide, lasts a year, SameSite=Lax, Secure only when asked', () => {
    assert.equal(
      fontSizeCookie('large', { isSecure: false }),
      'ow_font_size=large; Path=/; Max-Age=31536000; SameSite=Lax',
    );
    assert.match(fontSizeCookie('small', { isSecure: true }), /; Secure$/);
  });
});
