/**
 * The case version a page's form was made from (a hidden field), as the use cases compare it. Anything but a
 * number matches no version, so the change is refused as made on an out-of-date page (409), as an old number
 * is.
 */
export function expectedVersionOf(typed: string): number {
  return /^\d{1,9}$/.test(typed) ? Number(typed) : 0;
}
