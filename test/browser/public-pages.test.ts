import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { localePath } from '../../src/platform/web/i18n.ts';
import { sitePages } from '../../src/platform/web/site-pages.ts';
import { axeViolations, browserOrSkip, expectNoAxeViolations } from '../helpers/browser.ts';
import { startBrowserTestServer } from '../helpers/browser-test-server.ts';

const server = await startBrowserTestServer();

/** CJK fonts we accept for Chinese text; without fonts-noto-cjk Chromium falls back to one without CJK glyphs. */
const cjkFontPattern = /Noto Sans CJK|Noto Sans TC|Source Han Sans|PingFang|JhengHei/i;

/**
 * Presses Alt+letter the way a person does. Playwright's keyboard.press drops the character when Alt is
 * held, and Chromium activates access keys on the character event, so the events go through the DevTools
 * protocol. Chromium on Linux and Windows uses Alt for access keys.
 */
async function pressAccessKey(page: Page, letter: string): Promise<void> {
  const session = await page.context().newCDPSession(page);
  const alt = 1;
  const key = {
    modifiers: alt,
    key: letter.toLowerCase(),
    code: `Key${letter.toUpperCase()}`,
    windowsVirtualKeyCode: letter.toUpperCase().charCodeAt(0),
  };
  const altKey = { key: 'Alt', code: 'AltLeft', windowsVirtualKeyCode: 18 };
  await session.send('Input.dispatchKeyEvent', { type: 'keyDown', modifiers: alt, ...altKey });
  await session.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key });
  await session.send('Input.dispatchKeyEvent', {
    type: 'char',
    ...key,
    text: key.key,
    unmodifiedText: key.key,
  });
  await session.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key });
  await session.send('Input.dispatchKeyEvent', { type: 'keyUp', modifiers: 0, ...altKey });
  await session.detach();
}

describe('public pages in a real browser', () => {
  let context: BrowserContext | null = null;

  async function openPage(
    browser: Browser,
    path: string,
    viewport = { width: 1280, height: 900 },
  ): Promise<Page> {
    context ??= await server.newContext(browser);
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    await page.goto(`${server.baseUrl}${path}`);
    return page;
  }

  it('the home page shows its Chinese heading, drawn with a CJK font (fails without fonts-noto-cjk)', async (t) => {
    const browser = await browserOrSkip(t);
    if (!browser) return;
    const page = await openPage(browser, '/');
    const heading = page.locator('h1');
    assert.equal(await heading.textContent(), '工務單一窗口');
    assert.ok(await heading.isVisible());
    const box = await heading.boundingBox();
    assert.ok(box && box.width > 100 && box.height > 20, `heading box ${JSON.stringify(box)}`);
    const fontFamily = await heading.evaluate((element) => getComputedStyle(element).fontFamily);
    assert.match(fontFamily, /Noto Sans TC/, 'our Traditional Chinese font stack applies');
    // The font Chromium really drew the glyphs with, from the DevTools protocol.
    const session = await page.context().newCDPSession(page);
    await session.send('DOM.enable');
    await session.send('CSS.enable');
    const { root } = await session.send('DOM.getDocument');
    const { nodeId } = await session.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'h1' });
    const { fonts } = await session.send('CSS.getPlatformFontsForNode', { nodeId });
    const families = fonts.map((font) => font.familyName);
    assert.ok(
      fonts.some((font) => cjkFontPattern.test(font.familyName) && font.glyphCount >= 6),
      `the heading is drawn with ${families.join(', ')}; install fonts-noto-cjk`,
    );
    await session.detach();
    await page.close();
  });

  it('English text is drawn with a Latin font: an apostrophe is narrow, not a full-width CJK glyph (issue 14 §16)', async (t) => {
    const browser = await browserOrSkip(t);
    if (!browser) return;
    const page = await openPage(browser, '/en/sitemap');
    const lead = page.locator('main .govuk-body-l');
    assert.match((await lead.textContent()) ?? '', /Taiwan’s/);
    // The widths of an apostrophe and a Chinese character in the lead's own font: a CJK font draws both
    // one em wide (「Taiwan ’ s」).
    const widths = await lead.evaluate((element) => {
      const shown: number[] = [];
      for (const text of ['’', '中']) {
        const span = document.createElement('span');
        span.textContent = text;
        element.append(span);
        shown.push(span.getBoundingClientRect().width);
        span.remove();
      }
      return {
        apostrophe: shown[0] ?? 0,
        chinese: shown[1] ?? 0,
        fontSize: Number.parseFloat(getComputedStyle(element).fontSize),
      };
    });
    assert.ok(
      widths.chinese > widths.fontSize * 0.9,
      `a Chinese character is full-width: ${JSON.stringify(widths)}`,
    );
    assert.ok(
      widths.apostrophe < widths.chinese * 0.5,
      `the apostrophe is narrow: ${JSON.stringify(widths)}`,
    );
    // The font Chromium really drew the lead's Latin text with is not a CJK font.
    const session = await page.context().newCDPSession(page);
    await session.send('DOM.enable');
    await session.send('CSS.enable');
    const { root } = await session.send('DOM.getDocument');
    const { nodeId } = await session.send('DOM.querySelector', {
      nodeId: root.nodeId,
      selector: 'main .govuk-body-l',
    });
    const { fonts } = await session.send('CSS.getPlatformFontsForNode', { nodeId });
    const main = [...fonts].sort((a, b) => b.glyphCount - a.glyphCount)[0];
    assert.ok(
      main && !cjkFontPattern.test(main.familyName),
      `drawn with ${fonts.map((font) => font.familyName).join(', ')}`,
    );
    await session.detach();

    // On a Chinese page, Chinese is still drawn with the CJK font (the heading test above), and English marked
    // as English inside it gets the Latin stack.
    await page.goto(`${server.baseUrl}/sitemap`);
    const family = (selector: string) =>
      page.locator(selector).evaluate((element) => getComputedStyle(element).fontFamily);
    assert.match(await family('h1'), /^"Noto Sans TC"/);
    const english = await page.evaluate(() => {
      const span = document.createElement('span');
      span.lang = 'en';
      span.className = 'govuk-body';
      span.textContent = 'Applicant’s copy';
      document.querySelector('main')?.append(span);
      return getComputedStyle(span).fontFamily;
    });
    assert.match(english, /^"Noto Sans", Arial/);
    await page.close();
  });

  it('pages load under the strict CSP with no console errors (app.js and govuk-frontend run)', async (t) => {
    const browser = await browserOrSkip(t);
    if (!browser) return;
    context ??= await server.newContext(browser);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    for (const path of ['/', '/en/privacy', '/nope']) {
      await page.goto(`${server.baseUrl}${path}`);
      await page.waitForFunction(() => document.body.classList.contains('govuk-frontend-supported'));
    }
    // The /nope page itself answers 404, which Chromium logs as a failed resource; anything else is a fault.
    assert.deepEqual(
      problems.filter((problem) => !/status of 404/.test(problem)),
      [],
    );
    await page.close();
  });

  it('the skip link is the first Tab stop, shows when focused, and Enter moves focus to <main>', async (t) => {
    const browser = await browserOrSkip(t);
    if (!browser) return;
    const page = await openPage(browser, '/sitemap');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({
      className: document.activeElement?.className,
      text: document.activeElement?.textContent,
      height: document.activeElement?.getBoundingClientRect().height,
    }));
    assert.equal(focused.className, 'govuk-skip-link');
    assert.equal(focused.text, '跳到主要內容');
    assert.ok((focused.height ?? 0) > 10, 'visible when focused');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main-content');
    await page.close();
  });

  it('the access keys move to their regions: Alt+C main, Alt+Z footer, Alt+U top, Alt+S search', async (t) => {
    const browser = await browserOrSkip(t);
    if (!browser) return;
    const page = await openPage(browser, '/');
    for (const key of ['C', 'Z', 'U']) {
      await pressAccessKey(page, key);
      await page.waitForFunction(
        (id) => document.activeElement?.id === id && window.location.hash === `#${id}`,
        key,
      );
    }
    await pressAccessKey(page, 'S');
    await page.waitForFunction(() => document.activeElement?.id === 'site-search');
    await page.keyboard.type('隱私');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=/);
    assert.match((await page.locator('main').textContent()) ?? '', /隱私權及網站安全政策/);
    await page.close();
  });

  it('the text-size switch works without JavaScript (a link and a redirect) and with it (in place)', async (t) => {
    const browser = await browserOrSkip(t);
    if (!browser) return;
    const noScript = await server.newContext(browser, { javaScriptEnabled: false });
    try {
      const page = await noScript.newPage();
      await page.goto(`${server.baseUrl}/privacy`);
      await page.locator('a[data-font-size="large"]').click();
      await page.waitForURL(`${server.baseUrl}/privacy`);
      assert.match((await page.locator('html').getAttribute('class')) ?? '', /ow-font-size--large/);
      const rootSize = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
      assert.equal(rootSize, '20px');
    } finally {
      await noScript.close();
    }
    const page = await openPage(browser, '/en/sitemap');
    await page.locator('a[data-font-size="small"]').click();
    assert.equal(page.url(), `${server.baseUrl}/en/sitemap`, 'no navigation with JavaScript');
    assert.match((await page.locator('html').getAttribute('class')) ?? '', /ow-font-size--small/);
    assert.equal(await page.locator('a[data-font-size="small"]').getAttribute('aria-current'), 'true');
    await page.close();
  });

  it('the axe check itself finds violations: every failing node of each, on a page built to fail', async (t) => {
    const browser = await browserOrSkip(t);
    if (!browser) return;
    const page = await server.publicAxePage(browser);
    await page.setContent(
      '<!doctype html><html lang="en"><head><title>Broken</title></head><body><main>' +
        '<h1>Broken</h1><img src="a.png"><img src="b.png"><input type="text">' +
        '<p style="color:#777;background:#888">low contrast</p></main></body></html>',
    );
    const violations = await axeViolations(page);
    const byRule = new Map(violations.map((violation) => [violation.id, violation.nodes.length]));
    assert.equal(byRule.get('image-alt'), 2, 'both images without alt text');
    assert.equal(byRule.get('label'), 1, 'the input without a label');
    assert.equal(byRule.get('color-contrast'), 1, 'the low-contrast paragraph');
    await page.close();
  });

  const axePages = [
    ...sitePages.map((page) => localePath('zh-TW', page.path)),
    ...sitePages.map((page) => localePath('en', page.path)),
    '/nope',
    '/en/nope',
    // An online application's start page (the draft's own pages are in the journey's browser test).
    '/apply/road-excavation-permit',
    '/en/apply/road-excavation-permit',
    // The citizen account's sign-in page, and the page after sending the link.
    '/account/sign-in',
    '/en/account/sign-in',
    '/account/sign-in?sent=1',
  ];
  for (const path of axePages) {
    it(`${path}: axe finds no WCAG 2.1 AA violations, and nothing scrolls sideways at 360 px`, async (t) => {
      await server.withPublicAxePage(t, path, async (page) => {
        await expectNoAxeViolations(page, path);
        await page.setViewportSize({ width: 360, height: 740 });
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(scrollWidth <= 360, `scrollWidth ${scrollWidth} at 360 px`);
      });
    });
  }

  it('at 360 px with the large text size, the home page still does not scroll sideways', async (t) => {
    const browser = await browserOrSkip(t);
    if (!browser) return;
    const large = await server.newContext(browser, { viewport: { width: 360, height: 740 } });
    try {
      await large.addCookies([{ name: 'ow_font_size', value: 'large', url: server.baseUrl }]);
      const page = await large.newPage();
      await page.goto(`${server.baseUrl}/`);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(scrollWidth <= 360, `scrollWidth ${scrollWidth}`);
    } finally {
      await large.close();
    }
  });
});
