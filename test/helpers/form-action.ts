import { decode } from './html.ts';

/**
 * The action of the page's multipart form, as the browser would post to it. It carries the CSRF token in
 * its query: a multipart body is read only after the token is checked.
 */
export function multipartActionOf(html: string): string {
  const match = /<form method="post" action="([^"]+)" enctype="multipart\/form-data"/.exec(html);
  if (!match?.[1]) throw new Error('the page has no multipart form');
  return decode(match[1]);
}
