import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { samplePng } from '../../src/platform/uploads/upload-test-support.ts';
import { expectNoAxeViolations } from '../helpers/browser.ts';
import { startBrowserTestServer } from '../helpers/browser-test-server.ts';

const server = await startBrowserTestServer();

describe('progress in a browser (管制查考 §3)', () => {
  it('a unit editor reports progress with a photo; the secretariat’s overview charts read as images with their tables: no WCAG 2.1 AA violations', async (context) => {
    await server.withStaffPage(
      context,
      { role: 'unit_editor', unitCode: 'road-maintenance' },
      '/staff/progress/2012/road-maintenance?period=2012-03',
      async (page) => {
        await expectNoAxeViolations(page, 'the unit’s progress page');

        // A bad link and no status: both listed, each linked to its input.
        await page.fill('#p1-links', 'javascript:alert(1)');
        await page.click('section[data-practice] form button[type="submit"] >> nth=0');
        await page.waitForSelector('.govuk-error-summary');
        const links = await page
          .locator('.govuk-error-summary__list a')
          .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
        assert.deepEqual(links.sort(), ['#p1-links', '#p1-status']);
        await expectNoAxeViolations(page, 'the unit’s progress page with errors');

        // 「依進度辦理」, the second status (ids as GOV.UK numbers them: p1-status, p1-status-2, …).
        assert.equal(await page.inputValue('#p1-status-2'), 'on_track');
        await page.check('#p1-status-2');
        await page.fill('#p1-links', '');
        await page.fill('#p1-narrative', '本月完成教育訓練。');
        await page.setInputFiles('#p1-evidence', {
          name: '照片.png',
          mimeType: 'image/png',
          buffer: samplePng(),
        });
        await page.click('section[data-practice] form button[type="submit"] >> nth=0');
        await page.waitForURL(/done=saved$/);
        assert.equal(await page.locator('[data-late="true"]').count(), 1);
        assert.match(
          (await page.locator('section[data-practice] >> nth=0').textContent()) ?? '',
          /照片.*\.png/,
        );
        await expectNoAxeViolations(page, 'the unit’s progress page after saving');

        // A wrong photo is removed after a question page (a plain form, no JavaScript needed).
        await page.click('section[data-practice] >> nth=0 >> a[href$="/remove"]');
        await page.waitForURL(/\/staff\/progress\/evidence\/[0-9a-f-]{36}\/remove$/);
        assert.match((await page.locator('h1').textContent()) ?? '', /確定要移除「照片.*\.png」嗎？/);
        await expectNoAxeViolations(page, 'the evidence removal question');
        await page.click('main form button[type="submit"]');
        await page.waitForURL(/done=removed$/);
        assert.match(
          (await page.locator('.govuk-notification-banner').textContent()) ?? '',
          /已移除佐證資料/,
        );
        assert.doesNotMatch(
          (await page.locator('section[data-practice] >> nth=0').textContent()) ?? '',
          /照片.*\.png/,
        );
        await expectNoAxeViolations(page, 'the unit’s progress page after removing evidence');

        await server.withStaffPage(
          context,
          { role: 'secretariat' },
          '/staff/progress/2012',
          async (overview) => {
            await expectNoAxeViolations(overview, 'the secretariat’s overview');
            const charts = await overview.locator('main svg').evaluateAll((svgs) =>
              svgs.map((svg) => {
                const labelledBy = svg.getAttribute('aria-labelledby') ?? '';
                const figure = svg.closest('figure');
                return {
                  role: svg.getAttribute('role'),
                  name: document.getElementById(labelledBy)?.textContent?.trim() ?? '',
                  next: figure?.nextElementSibling?.tagName ?? '',
                };
              }),
            );
            assert.equal(charts.length, 4);
            for (const chart of charts) {
              assert.equal(chart.role, 'img');
              assert.ok(chart.name.length > 0);
              assert.equal(chart.next, 'TABLE');
            }
            // The accessibility tree: each chart is one image named by its caption.
            const snapshot = await overview.locator('main').ariaSnapshot();
            assert.match(snapshot, /img "各實施要項完成率"/);
            assert.match(snapshot, /img "各單位完成率"/);
          },
        );
      },
    );
  });
});
