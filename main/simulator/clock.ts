/** The simulator's time, in virtual milliseconds. */
export interface SimClock {
  now(): number;
}

/**
 * Virtual time running `speed` times faster than real time, so that a 3-minute generation takes
 * 300 ms at speed 600. Rate limits, generation times and link lifetimes all run on it.
 */
export function scaledClock(speed: number, start = Date.now()): SimClock {
  if (!(speed > 0)) throw new Error(`speed must be above 0, not ${speed}`);
  const realStart = performance.now();
  return { now: () => start + (performance.now() - realStart) * speed };
}

/** A clock that moves only when told: for tests that step through a task's life. */
export class ManualClock implements SimClock {
  private current: number;
  constructor(start = 1_767_225_600_000) {
    this.current = start;
  }
  now(): number {
    return this.current;
  }
  advance(ms: number): void {
    this.current += ms;
  }
}
