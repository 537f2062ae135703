import { sameSitePath } from '../http/same-site-path.ts';
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
 * The path to go back to after changing the text size, or null when `value` could lead anywhere but this
 * site (the rule is sameSitePath's; unlike sign-in's return path, the sign-in pages are fine targets here).
 */
export function fontSizeReturnPath(value: string | undefined): string | null {
  return sameSitePath(value);
}
