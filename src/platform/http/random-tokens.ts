import { randomFillSync } from 'node:crypto';

/**
 * Random tokens for every page with a form (the anonymous CSRF token, a form's one-time token, a CSP nonce),
 * drawn from a pool the operating system's CSPRNG fills 8 KiB at a time, as Node's own `randomUUID` does. One
 * `randomBytes(32)` is a system call of about 5 µs here (more under load), which a public page answered from
 * memory in ~120 µs felt (issue 12, docs/benchmarks.md); the pool makes it one call per 256 tokens. Every byte
 * is handed out once and zeroed as it goes, so no two tokens share bytes and none stays behind in the pool.
 */

const poolSize = 8192;
let pool = Buffer.alloc(0);
let offset = 0;

/** `size` fresh random bytes (at most 256), encoded. */
export function randomToken(size: number, encoding: 'base64url' | 'base64' | 'hex' = 'base64url'): string {
  if (!Number.isInteger(size) || size < 1 || size > 256) throw new RangeError(`token size ${size}`);
  if (offset + size > pool.length) {
    pool = randomFillSync(Buffer.allocUnsafe(poolSize));
    offset = 0;
  }
  const end = offset + size;
  const token = pool.toString(encoding, offset, end);
  pool.fill(0, offset, end);
  offset = end;
  return token;
}
