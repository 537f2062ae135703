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
        // The list: each practice with where it stands, no entry form, a small page (issue 14 §14).
        await expectNoAxeViolations(page, 'the unit’s list of practices');
        const rows = page.locator('main tr[data-practice]');
        const total = await rows.count();
        assert.ok(total > 1);
        assert.equal(
          await page.locator('main tr[data-state="overdue"]').count(),
          total,
          'March 2012 is past due',
        );
        assert.match((await page.locator('main tr[data-practice] >> nth=0').textContent()) ?? '', /逾期未填/);
        assert.equal(await page.locator('main form[method="post"]').count(), 0);
        const size = await page.evaluate(() => document.querySelector('main')?.outerHTML.length ?? 0);
        assert.ok(size < 120_000, `the list is small (${size} characters in main)`);
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        const firstRef = (await rows.nth(0).getAttribute('data-practice')) ?? '';
        const secondHref = (await rows.nth(1).locator('a').getAttribute('href')) ?? '';

        // A practice's own page: one form, nothing else to send.
        await rows.nth(0).locator('a').click();
        await page.waitForURL(
          /\/staff\/progress\/2012\/road-maintenance\/2012-03\/practices\/[0-9a-f-]{36}$/,
        );
        assert.equal(await page.locator('main form[method="post"]').count(), 1);
        assert.equal(await page.locator('h1').getAttribute('data-practice'), firstRef);
        await expectNoAxeViolations(page, 'a practice’s progress page');

        // A bad link and no status: both listed, each linked to its input.
        await page.fill('#links', 'javascript:alert(1)');
        await page.click('main form[method="post"] button[type="submit"]');
        await page.waitForSelector('.govuk-error-summary');
        const links = await page
          .locator('.govuk-error-summary__list a')
          .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
        assert.deepEqual(links.sort(), ['#links', '#status']);
        await expectNoAxeViolations(page, 'a practice’s progress page with errors');

        // 「依進度辦理」, the second status (ids as GOV.UK numbers them: status, status-2, …).
        assert.equal(await page.inputValue('#status-2'), 'on_track');
        await page.check('#status-2');
        await page.fill('#links', '');
        await page.fill('#narrative', '本月完成教育訓練。');
        await page.setInputFiles('#evidence', {
          name: '照片.png',
          mimeType: 'image/png',
          buffer: samplePng(),
        });
        await page.click('main form[method="post"] button[type="submit"]');
        await page.waitForURL(/done=saved$/);
        // Back on the list: the practice is entered (late), the others still overdue.
        const saved = page.locator(`main tr[data-practice="${firstRef}"]`);
        assert.equal(await saved.getAttribute('data-state'), 'entered');
        assert.equal(await saved.getAttribute('data-status'), 'on_track');
        assert.match((await saved.textContent()) ?? '', /依進度辦理.*逾期填報/);
        assert.equal(await page.locator('main tr[data-state="overdue"]').count(), total - 1);
        assert.ok((await page.evaluate(() => document.documentElement.scrollHeight)) <= height + 200);
        await expectNoAxeViolations(page, 'the unit’s list after saving');

        // Text typed in a practice's page cannot be thrown away by saving another: every control on the page
        // is in its one form, and the other practices' forms are on their own pages.
        await page.goto(`${server.baseUrl}${secondHref}`);
        await page.fill('#narrative', '第二項尚未儲存的說明');
        const outside = await page
          .locator('main input:not([type="hidden"]), main textarea, main select')
          .evaluateAll(
            (controls) =>
              controls.filter((control) => control.closest('form')?.getAttribute('method') !== 'post').length,
          );
        assert.equal(outside, 0);
        assert.equal(await page.locator('main form[method="post"]').count(), 1);
        assert.equal(
          await page.locator('main form[method="post"] input[name="practiceId"]').count(),
          1,
          'the form sends this practice only',
        );

        // Back to the list, then the first practice's page shows what was saved.
        await page.click('main a[href$="?period=2012-03"]');
        await page.waitForURL(/\/staff\/progress\/2012\/road-maintenance\?period=2012-03$/);
        await page.locator(`main tr[data-practice="${firstRef}"] a`).click();
        await page.waitForURL(/\/practices\/[0-9a-f-]{36}$/);
        assert.match((await page.locator('[data-entry]').textContent()) ?? '', /照片.*\.png/);

        // A wrong photo is removed after a question page (a plain form, no JavaScript needed).
        await page.click('[data-entry] a[href$="/remove"]');
        await page.waitForURL(/\/staff\/progress\/evidence\/[0-9a-f-]{36}\/remove$/);
        assert.match((await page.locator('h1').textContent()) ?? '', /確定要移除「照片.*\.png」嗎？/);
        await expectNoAxeViolations(page, 'the evidence removal question');
        await page.click('main form button[type="submit"]');
        await page.waitForURL(/\/practices\/[0-9a-f-]{36}\?done=removed$/);
        assert.match(
          (await page.locator('.govuk-notification-banner').textContent()) ?? '',
          /已移除佐證資料/,
        );
        assert.doesNotMatch((await page.locator('[data-entry]').textContent()) ?? '', /照片.*\.png/);
        await expectNoAxeViolations(page, 'a practice’s page after removing evidence');

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

            // Not a dead end (issue 14 §13): the year is chosen with a plain GET form, each unit links to its entries.
            await overview.selectOption('#year', '2012');
            await overview.click('main form[method="get"] button[type="submit"]');
            await overview.waitForURL(/\/staff\/progress\/2012$/);
            const unitLink = overview.locator(
              '#by-unit-table a[href="/staff/progress/2012/road-maintenance"]',
            );
            assert.equal(await unitLink.count(), 1);
            await unitLink.click();
            await overview.waitForURL(/\/staff\/progress\/2012\/road-maintenance$/);
            // The year's latest period (December 2012: the plan year is long past), every practice listed.
            assert.match((await overview.locator('h1').textContent()) ?? '', /2012-12 執行進度$/);
            assert.equal(await overview.locator('main tr[data-practice]').count(), total);
            await expectNoAxeViolations(overview, 'the unit’s list, reached from the overview');

            // In English: the items and strategies as the English plan page names them (issue 14 §16).
            await overview.goto(`${server.baseUrl}/en/staff/progress/2012`);
            const items = await overview.locator('#by-item-table tbody th').allTextContents();
            assert.ok(items.length >= 5);
            for (const item of items)
              assert.doesNotMatch(item, /[\u3400-\u9fff]/u, `an English item name: ${item}`);
            assert.match(items[0] ?? '', /^1\. [A-Z]/);
            await expectNoAxeViolations(overview, 'the English overview');
            await overview.click('#by-unit-table a[href="/en/staff/progress/2012/road-maintenance"]');
            await overview.waitForURL(/\/en\/staff\/progress\/2012\/road-maintenance$/);
            await expectNoAxeViolations(overview, 'the unit’s list in English');
            await overview.locator('main tr[data-practice] a').first().click();
            await overview.waitForURL(/\/en\/staff\/progress\/2012\/road-maintenance\/2012-12\/practices\//);
            await expectNoAxeViolations(overview, 'a practice’s page in English');
          },
        );
      },
    );
  });
});
