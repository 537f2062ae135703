const maximumPathLength = 2048;
const placeholderOrigin = 'https://onewindow.invalid';

/**
 * A `return`-style parameter as a path on this site, or null. Only a plain absolute path is accepted:
 * no scheme, no `//host` or `/\host` (browsers read both as another site), no control characters or
 * whitespace. Every redirect to a user-supplied place goes through here (open redirects are a classic
 * phishing aid).
 */
export function sameSitePath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > maximumPathLength) return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f\s]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, placeholderOrigin);
  } catch {
    return null;
  }
  if (url.origin !== placeholderOrigin) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}
