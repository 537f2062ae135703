/**
 * Reading the app's HTML in HTTP tests: the page's main part, entity-decoded text, the error summary's
 * problems and a meta tag's content.
 */

/** The page from `<main` to `</main>`: what a test asserts on without the header and footer. */
export function mainOf(html: string): string {
  return html.slice(html.indexOf('<main'), html.indexOf('</main>'));
}

/** Text or an attribute value as the browser reads it (the entities the renderer writes). */
export function decode(value: string): string {
  return value
    .replaceAll('&quot;', '"')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');
}

/** The problems the error summary lists: [link target, text]. */
export function summaryOf(html: string): [string, string][] {
  const start = html.indexOf('class="govuk-error-summary"');
  if (start === -1) return [];
  const summary = html.slice(start, html.indexOf('</ul>', start));
  return [...summary.matchAll(/<a href="#([^"]+)">([^<]*)<\/a>/g)].map(([, href = '', label = '']) => [
    href,
    decode(label),
  ]);
}

/** The content of `<meta name="…">`, or undefined when the page has none. */
export function metaContent(html: string, name: string): string | undefined {
  return new RegExp(`<meta name="${name.replaceAll('.', '\\.')}" content="([^"]*)"`).exec(html)?.[1];
}
