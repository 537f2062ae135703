import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StaffPrincipal } from '../auth/principal.ts';
import { type PageContext, renderPage } from './layout.tsx';

const staff: StaffPrincipal = {
  id: 'staff-1',
  email: 'lin@example.gov.tw',
  displayName: '林承辦',
  role: 'handler',
  unitCode: 'parks',
  sessionId: 'session-1',
  hasTotp: true,
};

function context(overrides: Partial<PageContext> = {}): PageContext {
  return { lang: 'zh-TW', path: '/privacy', staff: null, ...overrides };
}

describe('renderPage (the page shell)', () => {
  it('prefixes the title with 「錯誤：」 / "Error: " when the page has an error', () => {
    assert.match(
      renderPage(context(), { title: '報修', hasError: true, body: null }),
      /<title>錯誤：報修 - 高雄市政府工務局<\/title>/,
    );
    assert.match(
      renderPage(context({ lang: 'en' }), { title: 'Report', hasError: true, body: null }),
      /<title>Error: Report - Public Works Bureau, Kaohsiung City Government<\/title>/,
    );
  });

  it('shows a signed-in staff member and a sign-out form carrying the CSRF token', () => {
    const html = renderPage(context({ staff, csrfToken: 'token-123' }), { title: 't', body: null });
    assert.match(html, /已登入：林承辦/);
    assert.match(html, /<form[^>]*method="post"[^>]*action="\/staff\/sign-out"/);
    assert.match(html, /<input type="hidden" name="_csrf" value="token-123"\/>/);
    const anonymous = renderPage(context(), { title: 't', body: null });
    assert.doesNotMatch(anonymous, /sign-out/);
    assert.match(anonymous, /href="\/staff\/sign-in"/, 'the footer offers staff sign-in');
  });

  it('marks the chosen text size on <html> and in the switch', () => {
    const html = renderPage(context({ fontSize: 'large' }), { title: 't', body: null });
    assert.match(html, /<html lang="zh-Hant-TW" class="[^"]*ow-font-size--large/);
    assert.match(html, /data-font-size="large" aria-current="true"/);
    assert.match(html, /href="\/preferences\/font-size\?size=small&amp;return=%2Fprivacy"/);
  });

  it('takes metadata overrides, the update date, breadcrumbs and the staff-page flag', () => {
    const html = renderPage(context({ lang: 'en', path: '/staff/cases' }), {
      title: 'Cases',
      body: null,
      updatedAt: '2027-01-05',
      metadata: { service: 'E00' },
      breadcrumbs: [{ text: 'Staff', href: '/staff' }],
      isStaffPage: true,
    });
    assert.match(html, /<meta name="Category.Service" content="E00"\/>/);
    assert.match(html, /<meta name="DC.Date" content="2027-01-05"\/>/);
    assert.match(html, /<meta name="DC.Identifier" content="397030000H-staff-cases"\/>/);
    assert.match(html, /Last updated: 5 January 2027/);
    assert.match(html, /class="govuk-breadcrumbs__link" href="\/en\/staff"/);
    assert.match(html, /<meta name="robots" content="noindex, nofollow"\/>/);
  });

  it('has no inline script or style (the CSP forbids them)', () => {
    const html = renderPage(context({ staff }), { title: 't', body: <p>x</p> });
    assert.doesNotMatch(html, /<style|style="/);
    for (const script of html.match(/<script[^>]*>/g) ?? []) assert.match(script, /src="\/assets\/build\//);
  });
});
