import os from 'node:os';

/**
 * At most `limit` photos decoded at once in this process. Decoding a 12 MP photo holds about 36 MB of pixels
 * plus libvips' working buffers, and libvips already spreads one image over every core: running more
 * photos than cores at once only adds memory, never speed. The rest wait their turn, first come first served.
 */
export interface PhotoQueue {
  /** Runs the task when a slot is free; the slot is given back when it settles, fulfilled or not. */
  run<T>(task: () => Promise<T>): Promise<T>;
  readonly limit: number;
  /** Tasks running now. */
  readonly active: number;
  /** Tasks waiting for a slot. */
  readonly waiting: number;
}

export function createPhotoQueue(limit: number): PhotoQueue {
  if (!Number.isInteger(limit) || limit < 1)
    throw new Error(`createPhotoQueue: limit must be ≥ 1, got ${limit}`);
  let active = 0;
  const waiting: (() => void)[] = [];

  const release = () => {
    const next = waiting.shift();
    if (next === undefined) active -= 1;
    else next(); // the slot passes straight to the next task: `active` stays the same
  };

  return {
    limit,
    get active() {
      return active;
    },
    get waiting() {
      return waiting.length;
    },
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (active < limit) active += 1;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}

/** The process's queue: one slot per CPU (at least one). */
export const photoQueue: PhotoQueue = createPhotoQueue(Math.max(1, os.availableParallelism()));

/**
 * Runs `task` in one of the process's photo slots: wrap each processPhoto call in it. Never nest it (a task
 * that waits for a second slot can wait forever when there is one CPU).
 */
export function withPhotoSlot<T>(task: () => Promise<T>): Promise<T> {
  return photoQueue.run(task);
}
