import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { TestContext } from 'node:test';
import { type Browser, chromium, type Page } from 'playwright-core';

/**
 * Chromium for browser tests: CHROMIUM_PATH, else `chromium` or `google-chrome` on the PATH. We never
 * download a browser. With none, browser tests are skipped with a notice — except under CI=true,
 * where a missing browser fails the run.
 */
export function findChromium(): string | null {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!existsSync(configured))
      throw new Error(`CHROMIUM_PATH points to ${configured}, which does not exist.`);
    return configured;
  }
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    try {
      const found = execFileSync('which', [name], { encoding: 'utf8' }).trim();
      if (found) return found;
    } catch {
      // not on the PATH; try the next name
    }
  }
  return null;
}

const missingBrowserNotice =
  'No Chromium found: browser tests are SKIPPED. Install it (Debian: `apt-get install -y chromium fonts-noto-cjk`) or set CHROMIUM_PATH.';

let sharedBrowser: Promise<Browser> | null = null;

/** Launches (once per test file) the headless browser, or skips the test with a notice. */
export async function browserOrSkip(context: TestContext): Promise<Browser | null> {
  const executablePath = findChromium();
  if (!executablePath) {
    if (process.env.CI === 'true') throw new Error(`CI=true but ${missingBrowserNotice}`);
    console.warn(`\n*** ${missingBrowserNotice}\n`);
    context.skip(missingBrowserNotice);
    return null;
  }
  sharedBrowser ??= chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--disable-dev-shm-usage',
    ],
  });
  return sharedBrowser;
}

export async function closeBrowser(): Promise<void> {
  if (sharedBrowser) {
    const browser = await sharedBrowser;
    sharedBrowser = null;
    await browser.close();
  }
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core served from an address of its own (127.0.0.1, a free port, for the test process's life) with a
 * day's Cache-Control: a page that loads it by URL gets it from Chromium's cache with the compiled code V8
 * kept for it, where the same 550 kB added inline is compiled again in every document. Measured on this VM
 * (a small page, one tab): 480–510 ms inline against 180–280 ms by URL per page, axe.run included.
 */
let axeAddress: Promise<string> | null = null;
function axeScriptUrl(): Promise<string> {
  axeAddress ??= new Promise((resolve, reject) => {
    const server = createServer((_request, response) => {
      response.writeHead(200, {
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': 'public, max-age=86400, immutable',
      });
      response.end(axeSource);
    });
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      // The test process may end while Chromium still holds a connection: the server never keeps it alive.
      server.unref();
      const address = server.address();
      if (address === null || typeof address === 'string') reject(new Error('no port for axe'));
      else resolve(`http://127.0.0.1:${address.port}/axe.min.js`);
    });
  });
  return axeAddress;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/**
 * Runs axe-core with the WCAG 2.1 A/AA rules on the page and returns the violations. axe is added as a
 * <script> loaded from its own address (the page's context must bypass its Content-Security-Policy), or with `underPolicy` evaluated
 * through the DevTools protocol once per document, which the policy does not see: the page stays under it.
 */
export async function axeViolations(
  page: Page,
  options: { underPolicy?: boolean } = {},
): Promise<AxeViolation[]> {
  if (options.underPolicy !== true) await page.addScriptTag({ url: await axeScriptUrl() });
  else if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      // Every violating node is still reported in full; passes and incomplete results, which we never
      // read, are cut to one node each. Measured: axe.run 321 → 173 ms a page (issue 9 closing note).
      resultTypes: ['violations'],
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({ target: node.target, html: node.html })),
    }));
  });
}

/** A readable summary for assertion messages. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help}\n    ${violation.nodes.map((node) => node.html).join('\n    ')}`,
    )
    .join('\n');
}

/** Fails with every WCAG 2.1 A/AA violation axe finds on the page; `what` names the page in the message. */
export async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, `${what}:\n${describeViolations(violations)}`);
}

/**
 * Signs a staff member in with the sign-in form at `signInUrl` (e-mail, password, the form's button)
 * and waits until the browser lands on `landing`.
 */
export async function signInWithForm(
  page: Page,
  signInUrl: string,
  member: { email: string; password: string },
  landing: string | RegExp | ((url: URL) => boolean),
): Promise<void> {
  await page.goto(signInUrl);
  await page.fill('#email', member.email);
  await page.fill('#password', member.password);
  await page.click('main form[method="post"] button');
  await page.waitForURL(landing);
}

/**
 * Collects every Content-Security-Policy message the page's console shows into `violations` (and returns
 * it): a page under the policy asserts the list stays empty.
 */
export function watchContentSecurityPolicy(page: Page, violations: string[] = []): string[] {
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

/** A page refused with problems: its title begins 錯誤： (Error: in English) and the error summary has the focus. */
export async function expectFocusedErrorSummary(page: Page): Promise<void> {
  assert.match(await page.title(), /^(錯誤：|Error: )/);
  assert.equal(
    await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary')),
    true,
    'focus is on the error summary',
  );
}

/** Clicks the submit button `selector` and returns the problems the error summary then lists, in order. */
export async function problemsAfterSubmitting(page: Page, selector: string): Promise<string[]> {
  await page.click(selector);
  await page.waitForSelector('.govuk-error-summary');
  return page.locator('.govuk-error-summary__list a').allTextContents();
}

/** Presses Tab from where the focus is until the element with `id` has it (as a keyboard user would). */
export async function tabUntilFocused(page: Page, id: string, what = `#${id}`): Promise<void> {
  let presses = 0;
  while ((await page.evaluate(() => document.activeElement?.id)) !== id) {
    await page.keyboard.press('Tab');
    presses += 1;
    assert.ok(presses < 80, `${what} is reachable with Tab`);
  }
}

/** The page is no wider than the window: nothing scrolls sideways. */
export async function expectNoSidewaysScrolling(page: Page, what = page.url()): Promise<void> {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  assert.ok(
    widths.scroll <= widths.client,
    `${what}: scrollWidth ${widths.scroll} > clientWidth ${widths.client}`,
  );
}
