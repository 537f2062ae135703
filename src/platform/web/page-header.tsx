import { staffPaths } from '../auth/auth-paths.ts';
import { maskEmail } from '../auth/staff-email.ts';
import { BUREAU } from '../reference/units.ts';
import { fieldLimits } from './components/field-limits.ts';
import { CsrfField } from './components/form-controls.tsx';
import { defaultFontSize, type FontSize, fontSizes } from './font-size.ts';
import { htmlLang, type Lang, localePath } from './i18n.ts';
import type { PageContext } from './layout.tsx';
import { shellText } from './shell-messages.ts';
import { citizenAccountPath, citizenSignOutPath, type SitePage, sitePages } from './site-pages.ts';

const fontSizeKeys = {
  small: 'fontSizeSmall',
  medium: 'fontSizeMedium',
  large: 'fontSizeLarge',
} as const satisfies Record<FontSize, string>;

/** The link that switches the text size without JavaScript (app.js intercepts it when it can). */
export function fontSizeHref(lang: Lang, size: FontSize, returnPath: string): string {
  const query = new URLSearchParams({ size, return: returnPath });
  return `${localePath(lang, '/preferences/font-size')}?${query.toString()}`;
}

/**
 * The bureau's header: the Alt+U access key, the name (linking home), the language link and "my cases" at top
 * right, the text-size switch, site search (Alt+S) and the main navigation; the staff member's name and
 * sign-out button when signed in.
 */
export function PageHeader({ context }: { context: PageContext }) {
  const { lang, path } = context;
  const otherLang: Lang = lang === 'en' ? 'zh-TW' : 'en';
  const currentSize = context.fontSize ?? defaultFontSize;
  const navigationPages: readonly SitePage[] = sitePages.filter((page) => page.isInNavigation);
  return (
    <header class="ow-header">
      <div class="govuk-width-container ow-header__container">
        <div class="ow-header__brand">
          <a href="#U" id="U" accesskey="U" title={shellText(lang, 'accessKeyTop')} class="ow-accesskey">
            :::
          </a>
          <a href={localePath(lang, '/')} class="ow-header__home-link">
            <span class="ow-header__bureau">{lang === 'en' ? BUREAU.nameEn : BUREAU.nameZh}</span>
            <span class="ow-header__service">{shellText(lang, 'serviceName')}</span>
          </a>
        </div>
        <div class="ow-header__tools">
          <a
            class="ow-header__link"
            href={localePath(otherLang, path)}
            lang={htmlLang(otherLang)}
            hreflang={htmlLang(otherLang)}
          >
            {shellText(lang, 'otherLanguageName')}
          </a>
          <a
            class="ow-header__link"
            href={localePath(lang, citizenAccountPath)}
            aria-current={path === citizenAccountPath ? 'page' : undefined}
          >
            {shellText(lang, 'myCases')}
          </a>
          <div class="ow-font-size">
            <span class="ow-font-size__label" id="font-size-label">
              {shellText(lang, 'fontSizeLabel')}
            </span>
            <ul class="ow-font-size__list" aria-labelledby="font-size-label">
              {fontSizes.map((size) => (
                <li key={size}>
                  <a
                    class="ow-font-size__link"
                    href={fontSizeHref(lang, size, path)}
                    data-font-size={size}
                    aria-current={size === currentSize ? 'true' : undefined}
                    rel="nofollow"
                  >
                    <span class="govuk-visually-hidden">{shellText(lang, 'fontSizeLabel')} </span>
                    {shellText(lang, fontSizeKeys[size])}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        </div>
        {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is too new for many screen readers; role="search" on the form is the established landmark. */}
        <form
          class="ow-search"
          role="search"
          aria-label={shellText(lang, 'searchLabel')}
          action={localePath(lang, '/search')}
          method="get"
        >
          <label class="ow-search__label" for="site-search">
            {shellText(lang, 'searchLabel')}
          </label>
          <input
            class="ow-search__input"
            id="site-search"
            name="q"
            type="search"
            accesskey="S"
            maxLength={fieldLimits.searchTerms}
          />
          <button class="ow-search__button" type="submit">
            {shellText(lang, 'searchButton')}
          </button>
        </form>
      </div>
      <nav class="ow-navigation" aria-label={shellText(lang, 'navigationLabel')}>
        <div class="govuk-width-container">
          <ul class="ow-navigation__list">
            {navigationPages.map((page) => (
              <li key={page.id}>
                <a
                  class="ow-navigation__link"
                  href={localePath(lang, page.path)}
                  aria-current={page.path === path ? 'page' : undefined}
                >
                  {(page.navigationTitle ?? page.title)[lang]}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </nav>
      <SignedInBar context={context} />
    </header>
  );
}

/**
 * Who is signed in and the sign-out button: a staff member (their name), or a citizen signed in to "My
 * cases" (the address masked: the screen may be shared; their pages are never kept for others: ADR 0013).
 */
function SignedInBar({ context }: { context: PageContext }) {
  const { lang, staff, citizen } = context;
  const signedIn = staff
    ? { who: shellText(lang, 'staffSignedInAs', { name: staff.displayName }), signOut: staffPaths.signOut }
    : citizen
      ? {
          who: shellText(lang, 'citizenSignedInAs', { email: maskEmail(citizen.email) }),
          signOut: citizenSignOutPath,
        }
      : null;
  if (signedIn === null) return null;
  return (
    <div class="ow-staff-bar">
      <div class="govuk-width-container ow-staff-bar__container">
        <span>{signedIn.who}</span>
        <form class="ow-staff-bar__form" method="post" action={localePath(lang, signedIn.signOut)}>
          <CsrfField token={context.csrfToken ?? ''} />
          <button type="submit" class="govuk-button govuk-button--secondary ow-staff-bar__button">
            {shellText(lang, 'signOut')}
          </button>
        </form>
      </div>
    </div>
  );
}
