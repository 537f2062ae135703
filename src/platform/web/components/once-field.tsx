import { onceFieldName } from '../../http/idempotency-rules.ts';

/**
 * A form's one-time token (platform/http/idempotency.ts): issued with the page, it makes the form's second
 * post (a double click, a browser's retry) answer with what the first created instead of creating it again.
 * Shown again with a refused form, so the corrected form still counts as that one submission.
 */
export function OnceField({ token }: { token: string }) {
  return <input type="hidden" name={onceFieldName} value={token} />;
}
