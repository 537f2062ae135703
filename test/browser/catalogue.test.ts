import assert from 'node:assert/strict';
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
    '/en/services/road-excavation-permit',
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

  it('the English service page’s sample is in English: the example place, and Chinese only where marked as Chinese (issue 14 §16)', async (t) => {
    const browser = await browserOrSkip(t);
    if (!browser) return;
    const page = await (await server.newContext(browser)).newPage();
    await page.goto(`${server.baseUrl}/en/services/road-excavation-permit`);
    const sample = page.locator('#sample');
    const place = sample.locator('.govuk-summary-list__row', { hasText: 'Where it is' });
    assert.equal(
      (await place.locator('dd').textContent())?.trim(),
      'The pavement in front of No. 2, Siwei 3rd Road, Lingya District',
    );
    // Any Chinese left in the sample (an applicant's name) is inside an element marked as Chinese.
    const unmarked = await sample.locator('dd').evaluateAll((cells) =>
      cells
        .filter((cell) => /[\u3400-\u9fff]/u.test(cell.textContent ?? ''))
        .filter((cell) => cell.querySelector('[lang="zh-TW"]') === null)
        .map((cell) => cell.textContent),
    );
    assert.deepEqual(unmarked, []);
    // The Chinese page keeps the service's own sample.
    await page.goto(`${server.baseUrl}/services/road-excavation-permit`);
    assert.match((await page.locator('#sample').textContent()) ?? '', /高雄市苓雅區四維三路 2 號前人行道/);
    await page.context().close();
  });
});
