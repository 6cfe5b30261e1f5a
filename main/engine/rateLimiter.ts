import type { Clock } from '../clock/clock.ts';

interface Waiter {
  priority: number;
  seq: number;
  since: number;
  resolve: (done: () => void) => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

interface Use {
  /** When the answer came back (undefined while the request is out). */
  doneAt: number | undefined;
}

/**
 * At most `limit` requests in any `windowMs` as the provider counts them (KIE: 20 creates per 10 s,
 * 10 status queries per s), so the engine never provokes a 429 itself — whatever the network delay.
 * The provider counts a request when it arrives, which is somewhere between our send and its
 * answer; so a request holds its place in the window from the send until `windowMs` after the
 * answer. Then any requests the provider sees inside one window were all holding a place at once.
 * Waiters are served highest priority first.
 */
export class SlidingWindowLimiter {
  private uses: Use[] = [];
  private readonly waiters: Waiter[] = [];
  private cancelTimer: (() => void) | undefined;
  private seq = 0;
  private readonly clock: Clock;
  readonly limit: number;
  readonly windowMs: number;
  /** How much a waiter's priority rises per second of waiting, so that low priorities still get served. */
  private readonly ageingPerSecond: number;

  constructor(clock: Clock, limit: number, windowMs: number, options: { ageingPerSecond?: number } = {}) {
    if (!(limit >= 1)) throw new Error(`limit must be at least 1, not ${limit}`);
    this.clock = clock;
    this.limit = limit;
    this.windowMs = windowMs;
    this.ageingPerSecond = options.ageingPerSecond ?? 0;
  }

  /**
   * Resolves when a request may be sent now, with the function to call once its answer (or its
   * failure) is in.
   */
  acquire(priority = 0, signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { priority, seq: this.seq++, since: this.clock.now(), resolve, reject, signal, onAbort: undefined };
      if (signal) {
        waiter.onAbort = () => {
          this.remove(waiter);
          reject(signal.reason);
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.waiters.push(waiter);
      this.drain();
    });
  }

  /** Runs `request` inside the budget. */
  async run<T>(request: () => Promise<T>, priority = 0, signal?: AbortSignal): Promise<T> {
    const done = await this.acquire(priority, signal);
    try {
      return await request();
    } finally {
      done();
    }
  }

  /** How many requests are waiting for a place. */
  get waiting(): number {
    return this.waiters.length;
  }

  private drain(): void {
    const now = this.clock.now();
    this.uses = this.uses.filter((use) => use.doneAt === undefined || use.doneAt + this.windowMs > now);
    if (this.waiters.length > 1 && this.uses.length < this.limit) {
      const rank = (w: Waiter) => w.priority + ((now - w.since) / 1000) * this.ageingPerSecond;
      this.waiters.sort((a, b) => rank(b) - rank(a) || a.seq - b.seq);
    }
    while (this.waiters.length > 0 && this.uses.length < this.limit) {
      const waiter = this.waiters.shift()!;
      if (waiter.onAbort) waiter.signal?.removeEventListener('abort', waiter.onAbort);
      const use: Use = { doneAt: undefined };
      this.uses.push(use);
      waiter.resolve(() => {
        if (use.doneAt === undefined) {
          use.doneAt = this.clock.now();
          this.drain();
        }
      });
    }
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    const ending = this.uses.filter((use) => use.doneAt !== undefined).map((use) => use.doneAt! + this.windowMs);
    if (this.waiters.length > 0 && ending.length > 0) {
      // The next place opens when the earliest finished request leaves the window; a request still
      // out frees its place through its done() call.
      this.cancelTimer = this.clock.setTimer(() => this.drain(), Math.min(...ending) - now + 1);
    }
  }

  private remove(waiter: Waiter): void {
    const index = this.waiters.indexOf(waiter);
    if (index >= 0) this.waiters.splice(index, 1);
  }
}

/** The budget of one provider key, shared by every batch using it: creates and status queries. */
export interface RateBudget {
  creates: SlidingWindowLimiter | undefined;
  statusQueries: SlidingWindowLimiter | undefined;
}

/** Documented limits per provider; fal and OpenAI-compatible gateways publish none. */
export const documentedLimits = {
  kie: { creates: { limit: 20, windowMs: 10_000 }, statusQueries: { limit: 10, windowMs: 1_000 } },
} as const;

/** A key's budget for a provider: KIE's documented limits, none for the others. */
export function budgetFor(provider: string, clock: Clock): RateBudget {
  if (provider !== 'kie') return { creates: undefined, statusQueries: undefined };
  const { creates, statusQueries } = documentedLimits.kie;
  return {
    creates: new SlidingWindowLimiter(clock, creates.limit, creates.windowMs),
    // Status queries are asked in order of how likely the job is done; ageing keeps the rest moving.
    statusQueries: new SlidingWindowLimiter(clock, statusQueries.limit, statusQueries.windowMs, { ageingPerSecond: 100 }),
  };
}
