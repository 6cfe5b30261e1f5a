/**
 * Time for the engine and the simulator, in milliseconds. Injected everywhere, so tests step
 * through hours in microseconds and benchmarks run many times faster than real time.
 */
export interface Clock {
  now(): number;
  /** Runs `fn` once after `delayMs` of this clock's time; returns a cancel function. */
  setTimer(fn: () => void, delayMs: number): () => void;
}

/** Real time. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(fn, delayMs) {
    const handle = setTimeout(fn, Math.max(0, delayMs));
    return () => clearTimeout(handle);
  },
};

/**
 * Virtual time running `speed` times faster than real time, so that a 3-minute generation takes
 * 300 ms at speed 600. Rate limits, generation times, polls and link lifetimes all run on it.
 * `setSpeed` changes the pace from now on (a benchmark ramps up fast, then measures at real time);
 * a timer already set keeps the pace it was set at.
 */
export function scaledClock(speed: number, start = Date.now()): Clock & { setSpeed(speed: number): void } {
  const checked = (value: number) => {
    if (!(value > 0)) throw new Error(`speed must be above 0, not ${value}`);
    return value;
  };
  let rate = checked(speed);
  let realAtChange = performance.now();
  let timeAtChange = start;
  const now = () => timeAtChange + (performance.now() - realAtChange) * rate;
  return {
    now,
    setTimer(fn, delayMs) {
      const handle = setTimeout(fn, Math.max(0, delayMs) / rate);
      return () => clearTimeout(handle);
    },
    setSpeed(next) {
      timeAtChange = now();
      realAtChange = performance.now();
      rate = checked(next);
    },
  };
}

/** A clock running `speed` times faster than another (the Sandbox's simulator against the app's). */
export function acceleratedClock(base: Clock, speed: number): Clock {
  const start = base.now();
  return {
    now: () => start + (base.now() - start) * speed,
    setTimer: (fn, delayMs) => base.setTimer(fn, delayMs / speed),
  };
}

/** A clock that moves only when told, running due timers in order: for deterministic tests. */
export class ManualClock implements Clock {
  private current: number;
  private timers: { at: number; seq: number; fn: () => void }[] = [];
  private seq = 0;

  constructor(start = 1_767_225_600_000) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimer(fn: () => void, delayMs: number): () => void {
    const timer = { at: this.current + Math.max(0, delayMs), seq: this.seq++, fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  /** Moves time forward without running timers (for code that only reads the time). */
  advance(ms: number): void {
    this.current += ms;
  }

  /**
   * Moves time forward to `now + ms`, running every timer that falls due on the way (and timers
   * they set), letting promises settle after each so async work chained on a timer completes.
   */
  async advanceAndRun(ms: number): Promise<void> {
    const end = this.current + ms;
    for (;;) {
      await settle();
      const next = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!next) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.current = Math.max(this.current, next.at);
      next.fn();
    }
    this.current = end;
    await settle();
  }

  pendingTimers(): number {
    return this.timers.length;
  }
}

/** Lets pending promise callbacks (and the I/O they await on loopback) run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Waits `ms` of the clock's time; rejects if the signal aborts first. */
export function sleep(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      cancel();
      reject(signal!.reason);
    };
    const cancel = clock.setTimer(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
