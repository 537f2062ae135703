/**
 * The font-size switch (小/中/大, TAIWAN.md). Works without JavaScript: a link to
 * `GET /preferences/font-size?size=large&return=/path` sets a cookie and redirects back; the layout reads the
 * cookie and puts a class on <html>. The cookie is a harmless preference, readable by app.js so it can switch
 * in place.
 */
export const fontSizes = ['small', 'medium', 'large'] as const;
export type FontSize = (typeof fontSizes)[number];

export const fontSizeCookieName = 'ow_font_size';
export const defaultFontSize: FontSize = 'medium';
const oneYearInSeconds = 365 * 24 * 60 * 60;

export function isFontSize(value: unknown): value is FontSize {
  return typeof value === 'string' && (fontSizes as readonly string[]).includes(value);
}

/** Reads our cookie from a raw Cookie header (no cookie plugin needed); anything unknown is the default. */
export function fontSizeFromCookieHeader(header: string | undefined): FontSize {
  if (!header) return defaultFontSize;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator === -1) continue;
    if (part.slice(0, separator).trim() !== fontSizeCookieName) continue;
    const value = part.slice(separator + 1).trim();
    return isFontSize(value) ? value : defaultFontSize;
  }
  return defaultFontSize;
}

export function fontSizeCookie(size: FontSize, options: { isSecure: boolean }): string {
  return `${fontSizeCookieName}=${size}; Path=/; Max-Age=${oneYearInSeconds}; SameSite=Lax${options.isSecure ? '; Secure' : ''}`;
}

/**
 * The path to go back to, or null when `value` could lead anywhere but this site: it must be one `/`
 * followed by a non-slash (no `//host`, no `/\host`, which browsers read as `//host`), with no scheme,
 * no control characters and no backslashes at all. (auth/return-path.ts has the same rule but also refuses
 * the sign-in pages, where a reader may well change the text size.)
 */
export function fontSizeReturnPath(value: string | undefined): string | null {
  if (value === undefined || value === '' || value.length > 2000) return null;
  if (!value.startsWith('/')) return null;
  if (value.startsWith('//')) return null;
  if (value.includes('\\')) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point.
  if (/[\u0000-\u001f\u007f]/.test(value)) return null;
  const base = 'http://onewindow.invalid';
  let parsed: URL;
  try {
    parsed = new URL(value, base);
  } catch {
    return null;
  }
  if (parsed.origin !== base) return null;
  return `${parsed.pathname}${parsed.search}`;
}
