/** Time comes from here so tests can move it; the one thing besides the outside world that tests fake. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
