import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { axeViolations, browserOrSkip, closeBrowser, describeViolations } from '../helpers/browser.ts';
import { startTestServer } from '../helpers/test-server.ts';

describe('service catalogue in a real browser', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  // axe-core is injected as an inline script, which our CSP rightly blocks: these pages bypass it.
  let axeContext: BrowserContext | null = null;

  before(async () => {
    server = await startTestServer();
  });

  after(async () => {
    await axeContext?.close();
    await closeBrowser();
    await server?.stop();
  });

  const pages = [
    '/services',
    `/services?q=${encodeURIComponent('量子糖葫蘆')}&unit=parks&online=yes`,
    '/services/street-light-repair',
    '/en/services',
  ];
  for (const path of pages) {
    it(`axe: zero WCAG 2.1 AA violations on ${decodeURIComponent(path)}`, async (t) => {
      const browser = await browserOrSkip(t);
      if (!browser) return;
      axeContext ??= await browser.newContext({ bypassCSP: true });
      const page = await axeContext.newPage();
      const response = await page.goto(`${server.baseUrl}${path}`);
      assert.equal(response?.status(), 200);
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], describeViolations(violations));
      await page.close();
    });
  }

  it('the service page fits a 360-pixel screen without horizontal scrolling', async (t) => {
    const browser = await browserOrSkip(t);
    if (!browser) return;
    axeContext ??= await browser.newContext({ bypassCSP: true });
    const page = await axeContext.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${server.baseUrl}/services/road-excavation-permit`);
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    assert.ok(widths.scroll <= widths.client, `scrollWidth ${widths.scroll} > clientWidth ${widths.client}`);
    await page.close();
  });
});
