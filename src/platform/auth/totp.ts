import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

/**
 * Time-based one-time codes (RFC 6238: 6 digits, 30-second steps, SHA-1), the settings every
 * authenticator app understands. The pure rules (window, replay) are here; storing the last accepted
 * step is the sign-in service's job.
 */
export const totpPeriodSeconds = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(options: { issuer: string; email: string; secret: string }): string {
  return generateURI({ issuer: options.issuer, label: options.email, secret: options.secret });
}

/**
 * The otpauth URI as an inline SVG image with a text alternative. qrcode draws with presentation
 * attributes; any `style` attribute is removed all the same, because the Content-Security-Policy forbids
 * inline styles.
 */
export async function totpQrCodeSvg(uri: string, label: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  const escapedLabel = label.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
  return svg
    .replace(/\sstyle="[^"]*"/g, '')
    .replace(
      '<svg ',
      `<svg role="img" aria-label="${escapedLabel}" class="app-qr-code" width="200" height="200" `,
    );
}

/** The secret as people copy it by hand: groups of four. */
export function groupSecretForReading(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? '';
}

/** Accepts full-width digits, spaces and dashes ('１２３ ４５６', '123-456'); null unless six digits remain. */
export function normaliseTotpCode(input: string): string | null {
  const code = input.normalize('NFKC').replace(/[\s-]/g, '');
  return /^\d{6}$/.test(code) ? code : null;
}

export type TotpCheck =
  | { outcome: 'accepted'; timeStep: number }
  | { outcome: 'wrong' }
  | { outcome: 'replayed' };

/**
 * Checks a code at `now`, one step either side (±30 s of clock drift). A code whose step is not after the
 * last accepted one is a replay, even if still within the window.
 */
export async function checkTotpCode(options: {
  secret: string;
  code: string;
  now: Date;
  lastTimeStep: number | null;
}): Promise<TotpCheck> {
  const code = normaliseTotpCode(options.code);
  if (code === null) return { outcome: 'wrong' };
  const result = await verify({
    secret: options.secret,
    token: code,
    epoch: Math.floor(options.now.getTime() / 1000),
    period: totpPeriodSeconds,
    epochTolerance: totpPeriodSeconds,
  });
  // The functional API also covers HOTP, whose results have no time step.
  if (!result.valid || !('timeStep' in result)) return { outcome: 'wrong' };
  if (options.lastTimeStep !== null && result.timeStep <= options.lastTimeStep)
    return { outcome: 'replayed' };
  return { outcome: 'accepted', timeStep: result.timeStep };
}
