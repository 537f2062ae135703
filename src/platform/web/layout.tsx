import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { StaffPrincipal } from '../auth/principal.ts';
import { BUREAU } from '../reference/units.ts';
import { defaultFontSize, type FontSize, fontSizeFromCookieHeader } from './font-size.ts';
import { barePath, htmlLang, type Lang, localePath } from './i18n.ts';
import { PageFooter } from './page-footer.tsx';
import { PageHeader } from './page-header.tsx';
import { buildMetadata, metadataTags, type PageMetadata, type RepeatedMetadata } from './page-metadata.ts';
import { shellText } from './shell-messages.ts';
import { releaseDate, sitePageAtPath } from './site-pages.ts';

/** Everything the page shell needs to know about the request; views never see Fastify objects. */
export interface PageContext {
  lang: Lang;
  /** The path without the language prefix or query, e.g. '/staff/sign-in'. */
  path: string;
  staff: StaffPrincipal | null;
  /** The citizen signed in to "My cases" (never with a staff member), for the header's sign-out. */
  citizen?: { readonly email: string } | null;
  /** From the `ow_font_size` cookie; absent means medium. */
  fontSize?: FontSize;
  /** The CSRF token for forms in the shell (the staff sign-out button), when the auth layer made one. */
  csrfToken?: string | null;
}

export interface Breadcrumb {
  text: string;
  /** A bare path; the layout puts it in the page's language. */
  href: string;
}

export interface PageOptions {
  title: string;
  /** Prefixes the <title> with 「錯誤：」/"Error: " (UX.md). */
  hasError?: boolean;
  description?: string;
  body: ComponentChildren;
  /** Stable id for DC.Identifier; defaults to the site-page id at this path, else one made from the path. */
  pageId?: string;
  /** ISO date (YYYY-MM-DD) the content last changed: the footer's 更新日期 and DC.Date. Default: the release date. */
  updatedAt?: string;
  /** Overrides of the government metadata (DC.*, Category.*); empty values are ignored. */
  metadata?: Partial<PageMetadata>;
  /** Elements with several values (one tag each), e.g. a content item's DC.Subject and Category.Theme. */
  repeatedMetadata?: RepeatedMetadata;
  /** Shown above <main>; the current page is not listed (GOV.UK breadcrumbs pattern). */
  breadcrumbs?: Breadcrumb[];
  /** Anything else above <main>, e.g. a back link. */
  beforeContent?: ComponentChildren;
  /** Staff pages are kept out of search engines. */
  isStaffPage?: boolean;
  /** Feeds a reader finds from this page (`<link rel="alternate">` with the feed's type and title). */
  feeds?: readonly PageFeed[];
}

export interface PageFeed {
  readonly title: string;
  /** The feed's path (in the page's language). */
  readonly href: string;
  readonly type: 'application/rss+xml' | 'application/atom+xml';
}

export function pageContext(request: FastifyRequest): PageContext {
  return {
    lang: request.lang,
    path: barePath(request.url),
    staff: request.staff ?? null,
    citizen: request.staff ? null : (request.citizen ?? null),
    fontSize: fontSizeFromCookieHeader(request.headers.cookie),
    // Only a signed-in page carries a form in the shell (sign-out). Reading the token makes one, so
    // public pages do not ask for it: they stay identical for every visitor (and cacheable). A request
    // with a session cookie is never kept (ADR 0013), so a signed-in citizen's page is theirs alone.
    csrfToken:
      request.staff || request.citizen ? ((request as { csrfToken?: string }).csrfToken ?? null) : null,
  };
}

export function pageTitle(lang: Lang, title: string, hasError = false): string {
  const prefix = hasError ? shellText(lang, 'errorTitlePrefix') : '';
  const bureauName = lang === 'en' ? BUREAU.nameEn : BUREAU.nameZh;
  return `${prefix}${title} - ${bureauName}`;
}

export function renderPage(context: PageContext, options: PageOptions): string {
  const { lang } = context;
  const otherLang: Lang = lang === 'en' ? 'zh-TW' : 'en';
  const updatedAt = options.updatedAt ?? releaseDate;
  const metadata = buildMetadata(
    {
      lang,
      path: context.path,
      pageId: options.pageId ?? sitePageAtPath(context.path)?.id,
      title: options.title,
      description: options.description,
      updatedAt,
    },
    options.metadata,
  );
  const fontSize = context.fontSize ?? defaultFontSize;
  return `<!doctype html>${renderToString(
    <html lang={htmlLang(lang)} class={`govuk-template ow-template ow-font-size--${fontSize}`}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <title>{pageTitle(lang, options.title, options.hasError)}</title>
        <meta name="description" content={metadata.description} />
        {metadataTags(metadata, options.repeatedMetadata).map(([name, content], index) => (
          <meta key={`${name}-${index}`} name={name} content={content} />
        ))}
        {options.isStaffPage ? <meta name="robots" content="noindex, nofollow" /> : null}
        <meta name="theme-color" content="#005f73" />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/assets/build/onewindow.css" />
        <link rel="alternate" hreflang={htmlLang(otherLang)} href={localePath(otherLang, context.path)} />
        {(options.feeds ?? []).map((feed) => (
          <link key={feed.href} rel="alternate" type={feed.type} title={feed.title} href={feed.href} />
        ))}
        <script type="module" src="/assets/build/app.js" />
      </head>
      <body class="govuk-template__body">
        <a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">
          {shellText(lang, 'skipLink')}
        </a>
        <PageHeader context={context} />
        <div class="govuk-width-container">
          {options.breadcrumbs && options.breadcrumbs.length > 0 ? (
            <Breadcrumbs lang={lang} items={options.breadcrumbs} />
          ) : null}
          {options.beforeContent}
          <main class="govuk-main-wrapper" id="main-content" tabindex={-1}>
            <a
              href="#C"
              id="C"
              accesskey="C"
              title={shellText(lang, 'accessKeyMain')}
              class="ow-accesskey ow-accesskey--main"
            >
              :::
            </a>
            {options.body}
          </main>
        </div>
        <PageFooter context={context} updatedAt={updatedAt} />
      </body>
    </html>,
  )}`;
}

function Breadcrumbs({ lang, items }: { lang: Lang; items: Breadcrumb[] }) {
  return (
    <nav class="govuk-breadcrumbs" aria-label={shellText(lang, 'breadcrumbsLabel')}>
      <ol class="govuk-breadcrumbs__list">
        {items.map((item) => (
          <li key={item.href} class="govuk-breadcrumbs__list-item">
            <a class="govuk-breadcrumbs__link" href={localePath(lang, item.href)}>
              {item.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** A page in the shell for this request (its language, path, signed-in person), sent with its status. */
export function sendPageOf(
  request: FastifyRequest,
  reply: FastifyReply,
  { status = 200, ...options }: PageOptions & { status?: number },
): FastifyReply {
  return sendPage(reply, renderPage(pageContext(request), options), status);
}

export function sendPage(reply: FastifyReply, html: string | Buffer, statusCode = 200): FastifyReply {
  return reply.code(statusCode).type('text/html; charset=utf-8').send(html);
}
