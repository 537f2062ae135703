import os from 'node:os';

/**
 * At most `limit` photos decoded at once in this process. Decoding a 12 MP photo holds about 36 MB of pixels
 * plus libvips' working buffers, and libvips already spreads one image over every core: running more
 * photos than cores at once only adds memory, never speed. The rest wait their turn, first come first served.
 * A task may need more than one slot (a very large photo takes them all, photos.ts): it waits until that
 * many are free, and the tasks after it wait behind it, so it is never passed over for ever.
 */
export interface PhotoQueue {
  /**
   * Runs the task when `slots` slots (1 by default; at most `limit` are asked) are free; they are given back
   * when it settles, fulfilled or not.
   */
  run<T>(task: () => Promise<T>, slots?: number): Promise<T>;
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
  const waiting: { slots: number; start: () => void }[] = [];

  /** Starts the waiting tasks in their order while the first of them fits. */
  const startWaiting = () => {
    for (let next = waiting[0]; next !== undefined && active + next.slots <= limit; next = waiting[0]) {
      waiting.shift();
      active += next.slots;
      next.start();
    }
  };

  return {
    limit,
    get active() {
      return active;
    },
    get waiting() {
      return waiting.length;
    },
    async run<T>(task: () => Promise<T>, slots = 1): Promise<T> {
      const taken = Math.min(limit, Math.max(1, Math.floor(slots)));
      if (waiting.length === 0 && active + taken <= limit) active += taken;
      else await new Promise<void>((start) => waiting.push({ slots: taken, start }));
      try {
        return await task();
      } finally {
        active -= taken;
        startWaiting();
      }
    },
  };
}

/**
 * The process's queue: one slot per CPU (at least one). processPhoto takes its slots itself; never run a
 * task that waits for this queue inside it (a task holding a slot and waiting for another can wait for ever).
 */
export const photoQueue: PhotoQueue = createPhotoQueue(Math.max(1, os.availableParallelism()));
