const maximumReturnPathLength = 2048;
const placeholderOrigin = 'https://onewindow.invalid';
/** Pages that make no sense to come back to after signing in. */
const pointlessTargets = ['/staff/sign-in', '/en/staff/sign-in', '/staff/sign-out', '/en/staff/sign-out'];

/**
 * The `return` parameter as a path on this site, or null. Only a plain absolute path is accepted:
 * no scheme, no `//host` or `/\host` (browsers read both as another site), no control characters.
 */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > maximumReturnPathLength) return null;
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
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (pointlessTargets.some((target) => url.pathname === target || url.pathname.startsWith(`${target}/`)))
    return null;
  return path;
}
