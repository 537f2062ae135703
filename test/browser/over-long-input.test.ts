import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { expectFocusedErrorSummary, expectNoAxeViolations } from '../helpers/browser.ts';
import { startBrowserTestServer } from '../helpers/browser-test-server.ts';

const server = await startBrowserTestServer();

/**
 * Issue 14 #4: what a person types past a field's limit (pasted, or typed where `maxlength` is not kept)
 * comes back on the same form, the limit said in the user's language, what was typed kept — never a
 * generic page in English. The field says its limit before (`maxlength` and the hint).
 */

/** Types past the browser's `maxlength`, as a paste from another program or an old browser would send it. */
async function fillPastLimit(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).evaluate((input, value) => {
    (input as HTMLInputElement).value = value;
  }, text);
}

describe('over-long input in a browser', () => {
  it('/track: the field says its limit; an over-long number comes back on the form, focused summary, value kept', async (t) => {
    await server.withAxePage(t, async (page) => {
      await page.goto(`${server.baseUrl}/track`);
      assert.equal(await page.getAttribute('#caseNumber', 'maxlength'), '40');
      assert.match((await page.locator('#caseNumber-hint').textContent()) ?? '', /最多 40 個字/);
      const typed = '1151126-0042'.repeat(6);
      await fillPastLimit(page, '#caseNumber', typed);
      await page.fill('#lookupCode', 'ABCD2345');
      await page.click('main form button[type="submit"]');
      await page.waitForSelector('.govuk-error-summary');
      await expectFocusedErrorSummary(page);
      assert.equal(
        (await page.locator('.govuk-error-summary__list').textContent())?.trim(),
        `案件編號最多 40 個字（現為 ${typed.length} 個字）`,
      );
      assert.equal(await page.inputValue('#caseNumber'), typed, 'what was typed is kept');
      assert.equal(await page.inputValue('#lookupCode'), 'ABCD2345');
      assert.doesNotMatch((await page.content()) ?? '', /must NOT have/);
      await expectNoAxeViolations(page, '/track with an over-long number');
    });
  });

  it('/search: an over-long query from the search box is the search page’s problem, in English on /en', async (t) => {
    await server.withAxePage(t, async (page) => {
      await page.goto(`${server.baseUrl}/en/search`);
      assert.equal(await page.getAttribute('#search-page-query', 'maxlength'), '200');
      const typed = 'road '.repeat(50);
      await fillPastLimit(page, '#search-page-query', typed);
      await page.click('main form[role="search"] button');
      await page.waitForSelector('.govuk-error-summary');
      await expectFocusedErrorSummary(page);
      assert.match(
        (await page.locator('.govuk-error-summary__list').textContent()) ?? '',
        /The search words must be 200 characters or fewer \(it has 249\)/,
      );
      assert.equal(await page.inputValue('#search-page-query'), typed.trim());
      await expectNoAxeViolations(page, '/en/search with an over-long query');
    });
  });

  it('the staff look-up: an over-long name is listed on the look-up page with the value kept', async (t) => {
    await server.withStaffPage(t, { role: 'handler' }, '/staff/lookup', async (page) => {
      assert.equal(await page.getAttribute('#name', 'maxlength'), '100');
      const typed = '王'.repeat(120);
      await fillPastLimit(page, '#name', typed);
      await page.click('main form button');
      await page.waitForSelector('.govuk-error-summary');
      await expectFocusedErrorSummary(page);
      assert.equal(
        (await page.locator('.govuk-error-summary__list').textContent())?.trim(),
        '申請人姓名最多 100 個字（現為 120 個字）',
      );
      assert.equal(await page.inputValue('#name'), typed);
      await expectNoAxeViolations(page, 'the staff look-up with an over-long name');
    });
  });
});
