/**
 * A limit on expensive work in flight (rendering a public page that is not kept, answering a read API):
 * at most `limit` at once, at most `queue` more waiting their turn, in order. Beyond that the caller is
 * refused at once — the route answers 503 with Retry-After — instead of queuing without end: fifty visitors
 * varying a query string cannot hold fifty renders' memory, and the ones let in finish quickly.
 */
export interface RenderGate {
  /** Resolves with a release function once let in; resolves with null when the queue is full. */
  enter(): Promise<(() => void) | null>;
  readonly running: number;
  readonly waiting: number;
}

export function createRenderGate(options: { limit: number; queue: number }): RenderGate {
  let running = 0;
  const waiting: Array<() => void> = [];
  const releaser = () => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = waiting.shift();
      if (next !== undefined) next();
      else running -= 1;
    };
  };
  return {
    enter() {
      if (running < options.limit) {
        running += 1;
        return Promise.resolve(releaser());
      }
      if (waiting.length >= options.queue) return Promise.resolve(null);
      // The one leaving hands its place to the first waiting: `running` stays the same.
      return new Promise((resolve) => waiting.push(() => resolve(releaser())));
    },
    get running() {
      return running;
    },
    get waiting() {
      return waiting.length;
    },
  };
}
