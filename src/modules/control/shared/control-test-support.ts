/** HTML helpers the module's HTTP tests share: the page's main part, the error summary, meta tags. */

export function mainOf(html: string): string {
  return html.slice(html.indexOf('<main'), html.indexOf('</main>'));
}

export function decode(value: string): string {
  return value
    .replaceAll('&quot;', '"')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');
}

export function metaContent(html: string, name: string): string | undefined {
  return new RegExp(`<meta name="${name.replaceAll('.', '\\.')}" content="([^"]*)"`).exec(html)?.[1];
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
