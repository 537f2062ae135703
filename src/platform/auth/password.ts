import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id (the package's default algorithm) with 64 MiB and 3 passes: RFC 9106's second recommended
 * setting with one lane. About 60 ms per hash on the 2-core build machine (ADR 0004), slow enough to make
 * guessing from a stolen table costly and fast enough for a sign-in. Changing these only affects new
 * hashes: every stored hash carries its own parameters.
 */
export const passwordHashOptions = { memoryCost: 65_536, timeCost: 3, parallelism: 1 } as const;

export const minimumPasswordLength = 12;
/** A generous ceiling so nobody can make the server hash a megabyte. */
export const maximumPasswordLength = 256;

export type PasswordProblem = 'required' | 'too_short' | 'too_long' | 'same_as_email';

/**
 * Every rule the password breaks, all at once (退件一次告知). Length counts characters as people see
 * them (code points), so a Chinese passphrase is measured fairly.
 */
export function passwordProblems(password: string, email: string): PasswordProblem[] {
  if (password.length === 0) return ['required'];
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < minimumPasswordLength) problems.push('too_short');
  if (length > maximumPasswordLength) problems.push('too_long');
  const comparable = password.normalize('NFKC').trim().toLowerCase();
  const normalisedEmail = email.normalize('NFKC').trim().toLowerCase();
  const localPart = normalisedEmail.split('@')[0] ?? '';
  if (normalisedEmail !== '' && (comparable === normalisedEmail || comparable === localPart)) {
    problems.push('same_as_email');
  }
  return problems;
}

export async function hashPassword(password: string): Promise<string> {
  return hash(password, passwordHashOptions);
}

/** False for a wrong password and for a stored value that is not an argon2 hash at all. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let decoyHash: Promise<string> | null = null;

/**
 * Spends the time of a real password check when there is no account to check against, so the response
 * time does not tell an unknown e-mail address from a wrong password.
 */
export async function spendPasswordCheckTime(password: string): Promise<void> {
  decoyHash ??= hashPassword('decoy password that matches no account');
  await verifyPassword(await decoyHash, password);
}
