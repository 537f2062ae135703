import assert from 'node:assert/strict';
import type { TestApp } from '../../../test/helpers/test-app.ts';
import { csrfTokenIn, TestBrowser } from '../../platform/auth/auth-test-support.ts';
import type { Lang } from '../../platform/web/i18n.ts';
import { hashOfSecret, linkExpiryOf, newSecret } from './citizen-rules.ts';
import { citizenPaths } from './citizens-paths.ts';
import { citizenSignInLinks } from './citizens-schema.ts';

/**
 * Citizens for tests that are about something else than the sign-in e-mail (the fuzz): a link as the e-mail
 * would carry it, written straight to its table, and a browser signed in through the link's real pages. The
 * sign-in itself (the e-mail, its limits) is tested in citizens.db.test.tsx. Not a test file.
 */

/** The path of a usable sign-in link for `email` (as the e-mail's link, without its host). */
export async function aSignInLink(subject: TestApp, email: string, lang: Lang = 'zh-TW'): Promise<string> {
  const token = newSecret();
  const now = subject.clock.now();
  await subject.database.db.insert(citizenSignInLinks).values({
    tokenHash: hashOfSecret(token) as string,
    email: email.trim().toLowerCase(),
    lang,
    createdAt: now,
    expiresAt: linkExpiryOf(now),
  });
  return `${lang === 'en' ? '/en' : ''}${citizenPaths.link(token)}`;
}

/** A browser signed in to "My cases" as `email`: the link's page, then its button, as a person would. */
export async function aSignedInCitizen(subject: TestApp, email: string): Promise<TestBrowser> {
  const browser = new TestBrowser(subject.app);
  const link = await aSignInLink(subject, email);
  const page = await browser.get(link);
  assert.equal(page.statusCode, 200, `the sign-in link's page: ${page.statusCode}`);
  const signedIn = await browser.post(link, { _csrf: csrfTokenIn(page.body) });
  assert.equal(signedIn.statusCode, 303);
  assert.equal(signedIn.headers.location, citizenPaths.account);
  return browser;
}
