import type { Clock } from '../clock/clock.ts';

interface Waiter {
  priority: number;
  seq: number;
  resolve: () => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

/**
 * At most `limit` requests in any `windowMs`, the way providers count (KIE: 20 creates per 10 s,
 * 10 status queries per s), so the engine never provokes a 429 itself. A sliding window rather than
 * a token bucket: a bucket that refills continuously can let limit+1 through inside one window.
 * `marginMs` widens the window a little for the time a request takes to reach the provider.
 * Waiters are served highest priority first.
 */
export class SlidingWindowLimiter {
  private readonly sent: number[] = [];
  private readonly waiters: Waiter[] = [];
  private cancelTimer: (() => void) | undefined;
  private seq = 0;
  private readonly clock: Clock;
  readonly limit: number;
  readonly windowMs: number;

  constructor(clock: Clock, limit: number, windowMs: number, marginMs = 0) {
    if (!(limit >= 1)) throw new Error(`limit must be at least 1, not ${limit}`);
    this.clock = clock;
    this.limit = limit;
    this.windowMs = windowMs + marginMs;
  }

  /** Resolves when a request may be sent now; the send is counted at that moment. */
  acquire(priority = 0, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { priority, seq: this.seq++, resolve, reject, signal, onAbort: undefined };
      if (signal) {
        waiter.onAbort = () => {
          this.remove(waiter);
          reject(signal.reason);
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.waiters.push(waiter);
      this.waiters.sort((a, b) => b.priority - a.priority || a.seq - b.seq);
      this.drain();
    });
  }

  /** How many requests are waiting for a slot. */
  get waiting(): number {
    return this.waiters.length;
  }

  private drain(): void {
    const now = this.clock.now();
    while (this.sent.length > 0 && this.sent[0]! <= now - this.windowMs) this.sent.shift();
    while (this.waiters.length > 0 && this.sent.length < this.limit) {
      const waiter = this.waiters.shift()!;
      if (waiter.onAbort) waiter.signal?.removeEventListener('abort', waiter.onAbort);
      this.sent.push(now);
      waiter.resolve();
    }
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    if (this.waiters.length > 0) {
      // The next slot opens when the oldest send in the window leaves it.
      this.cancelTimer = this.clock.setTimer(() => this.drain(), this.sent[0]! + this.windowMs - now + 1);
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
