import { sameSitePath } from '../http/same-site-path.ts';

/** Pages that make no sense to come back to after signing in. */
const pointlessTargets = ['/staff/sign-in', '/en/staff/sign-in', '/staff/sign-out', '/en/staff/sign-out'];

/** Where to go after signing in: a path on this site (see sameSitePath), but never back to sign-in/out. */
export function safeReturnPath(value: unknown): string | null {
  const path = sameSitePath(value);
  if (path === null) return null;
  const pathname = path.split(/[?#]/)[0] ?? path;
  if (pointlessTargets.some((target) => pathname === target || pathname.startsWith(`${target}/`)))
    return null;
  return path;
}
