import assert from 'node:assert/strict';
import { after, type TestContext } from 'node:test';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { aStaffMember, type TestStaffMember } from '../../src/platform/auth/auth-test-support.ts';
import {
  browserOrSkip,
  closeBrowser,
  expectNoAxeViolations,
  signInWithForm,
  watchContentSecurityPolicy,
} from './browser.ts';
import { startTestServer } from './test-server.ts';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/** Who signs in: a member made earlier, or the options of a new one (`aStaffMember`). */
export type StaffToSignIn = TestStaffMember | NonNullable<Parameters<typeof aStaffMember>[1]>;

export interface BrowserTestServer extends TestServer {
  /** A browser context that is closed when the file's tests end, if the test has not closed it. */
  newContext(browser: Browser, options?: BrowserContextOptions): Promise<BrowserContext>;
  /**
   * A page for axe: its context bypasses the Content-Security-Policy, because axe-core is injected as an
   * inline script, which the policy rightly blocks.
   */
  newAxePage(browser: Browser, options?: BrowserContextOptions): Promise<Page>;
  /**
   * A page for axe on a public page nobody signs in to: all such pages of the file share one context
   * (bypassing the policy, as newAxePage), because a new context costs about half a second. Close the page,
   * not its context.
   */
  publicAxePage(browser: Browser): Promise<Page>;
  /** A page under the Content-Security-Policy; every policy message in its console is added to `violations`. */
  newPolicyPage(browser: Browser, violations: string[]): Promise<Page>;
  /**
   * A staff member signed in with the sign-in form (`?return=path`) on a page of their own, left at `path`.
   * The page is for axe unless `policyViolations` is given: then it runs under the policy, watched from
   * the sign-in page on.
   */
  staffPage(
    browser: Browser,
    staff: StaffToSignIn,
    path: string,
    options?: { policyViolations?: string[] },
  ): Promise<Page>;
  /**
   * A test as a staff member: the browser (without one the test is skipped, as browserOrSkip), the member
   * signed in on a page of their own left at `path` (as staffPage), `body` run with it, and the page's
   * context closed afterwards, whether `body` passed or failed.
   */
  withStaffPage(
    context: TestContext,
    staff: StaffToSignIn,
    path: string,
    body: (page: Page, browser: Browser) => Promise<void>,
    options?: { policyViolations?: string[] },
  ): Promise<void>;
  /**
   * A test on a page for axe (newAxePage) nobody has signed in to yet: the browser (or the test skipped),
   * `body` run with the page, and its context closed afterwards, whether `body` passed or failed.
   */
  withAxePage(context: TestContext, body: (page: Page) => Promise<void>): Promise<void>;
  /**
   * A test of one public page with axe: the browser (or the test skipped), the file's one public tab for axe
   * (a publicAxePage, reused from test to test) at its default size opened at `path`, and `body` run with it
   * and the answer's status; a test that fails closes the tab.
   */
  withPublicAxePage(
    context: TestContext,
    path: string,
    body: (page: Page, status: number | undefined) => Promise<void>,
  ): Promise<void>;
  /** A test of one public page: it answers 200 and axe finds no WCAG 2.1 AA violation on it. */
  expectAccessiblePublicPage(context: TestContext, path: string): Promise<void>;
}

/**
 * The set-up of a browser test file: the real app on a free port (its own database), and, when the
 * file's tests end, every context opened through it, the shared Chromium and the app closed. Call it at
 * the top level of the file: the test database's clean-up must be registered outside any hook.
 */
export async function startBrowserTestServer(
  options: Parameters<typeof startTestServer>[0] = {},
): Promise<BrowserTestServer> {
  const server = await startTestServer(options);
  const openContexts = new Set<BrowserContext>();
  after(async () => {
    for (const context of openContexts) await context.close();
    await closeBrowser();
    await server.stop();
  });

  async function newContext(browser: Browser, contextOptions: BrowserContextOptions = {}) {
    const context = await browser.newContext(contextOptions);
    openContexts.add(context);
    context.on('close', () => openContexts.delete(context));
    return context;
  }

  async function newAxePage(browser: Browser, contextOptions: BrowserContextOptions = {}) {
    const context = await newContext(browser, { ...contextOptions, bypassCSP: true });
    return context.newPage();
  }

  let sharedAxeContext: Promise<BrowserContext> | null = null;
  let reusedPublicPage: Page | null = null;
  /** Playwright's default viewport, which every new page starts at. */
  const defaultViewport = { width: 1280, height: 720 };
  async function publicAxePage(browser: Browser) {
    sharedAxeContext ??= newContext(browser, { bypassCSP: true }).then((context) => {
      context.on('close', () => {
        sharedAxeContext = null;
      });
      return context;
    });
    return (await sharedAxeContext).newPage();
  }

  async function newPolicyPage(browser: Browser, violations: string[]) {
    const page = await (await newContext(browser)).newPage();
    watchContentSecurityPolicy(page, violations);
    return page;
  }

  async function staffPage(
    browser: Browser,
    staff: StaffToSignIn,
    path: string,
    pageOptions: { policyViolations?: string[] } = {},
  ) {
    const member = 'password' in staff ? staff : await aStaffMember(server.database.db, staff);
    const page = pageOptions.policyViolations
      ? await newPolicyPage(browser, pageOptions.policyViolations)
      : await newAxePage(browser);
    const landing = `${server.baseUrl}${path}`;
    await signInWithForm(
      page,
      `${server.baseUrl}${signInPathFor(path)}?return=${encodeURIComponent(path)}`,
      member,
      (url) => url.href === landing,
    );
    return page;
  }

  async function withStaffPage(
    context: TestContext,
    staff: StaffToSignIn,
    path: string,
    body: (page: Page, browser: Browser) => Promise<void>,
    pageOptions: { policyViolations?: string[] } = {},
  ) {
    const browser = await browserOrSkip(context);
    if (!browser) return;
    const page = await staffPage(browser, staff, path, pageOptions);
    try {
      await body(page, browser);
    } finally {
      await page.context().close();
    }
  }

  async function withAxePage(context: TestContext, body: (page: Page) => Promise<void>) {
    const browser = await browserOrSkip(context);
    if (!browser) return;
    const page = await newAxePage(browser);
    try {
      await body(page);
    } finally {
      await page.context().close();
    }
  }

  async function withPublicAxePage(
    context: TestContext,
    path: string,
    body: (page: Page, status: number | undefined) => Promise<void>,
  ) {
    const browser = await browserOrSkip(context);
    if (!browser) return;
    // One tab for every public page of the file, navigated from page to page (a new tab is a new renderer
    // process: ~350 ms each); back at the default size before each page, and a tab a failed test leaves is
    // closed, so the next test starts from a clean one.
    if (reusedPublicPage === null || reusedPublicPage.isClosed())
      reusedPublicPage = await publicAxePage(browser);
    const page = reusedPublicPage;
    await page.setViewportSize(defaultViewport);
    let passed = false;
    try {
      const response = await page.goto(`${server.baseUrl}${path}`);
      await body(page, response?.status());
      passed = true;
    } finally {
      if (!passed) await page.close();
    }
  }

  function expectAccessiblePublicPage(context: TestContext, path: string) {
    return withPublicAxePage(context, path, async (page, status) => {
      assert.equal(status, 200, path);
      await expectNoAxeViolations(page, path);
    });
  }

  return Object.assign(server, {
    newContext,
    newAxePage,
    publicAxePage,
    newPolicyPage,
    staffPage,
    withStaffPage,
    withAxePage,
    withPublicAxePage,
    expectAccessiblePublicPage,
  });
}

/** The sign-in page in the language of `path`. */
function signInPathFor(path: string): string {
  return path === '/en' || path.startsWith('/en/') ? '/en/staff/sign-in' : '/staff/sign-in';
}
