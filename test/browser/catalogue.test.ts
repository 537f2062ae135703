import { describe, it } from 'node:test';
import { browserOrSkip, expectNoSidewaysScrolling } from '../helpers/browser.ts';
import { startBrowserTestServer } from '../helpers/browser-test-server.ts';

const server = await startBrowserTestServer();

describe('service catalogue in a real browser', () => {
  const pages = [
    '/services',
    `/services?q=${encodeURIComponent('量子糖葫蘆')}&unit=parks&online=yes`,
    '/services/street-light-repair',
    '/en/services',
  ];
  for (const path of pages) {
    it(`axe: zero WCAG 2.1 AA violations on ${decodeURIComponent(path)}`, (t) =>
      server.expectAccessiblePublicPage(t, path));
  }

  it('the service page fits a 360-pixel screen without horizontal scrolling', async (t) => {
    const browser = await browserOrSkip(t);
    if (!browser) return;
    const page = await (await server.newContext(browser)).newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${server.baseUrl}/services/road-excavation-permit`);
    await expectNoSidewaysScrolling(page);
    await page.context().close();
  });
});
