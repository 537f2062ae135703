/**
 * Polls `read` until `isDone` accepts its value (background work: a job worker, a queue), then returns
 * that value. Fails with the last value seen, so a test says what it was waiting for and what it got.
 */
export async function waitUntil<T>(
  read: () => Promise<T>,
  isDone: (value: T) => boolean,
  options: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (isDone(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(
        `waited ${timeoutMs} ms${options.what ? ` for ${options.what}` : ''}; last value: ${JSON.stringify(value)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 50));
  }
}
