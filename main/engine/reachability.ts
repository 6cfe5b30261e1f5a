import type { Outage } from '../../shared/contract/providerSchemas.ts';
import type { ProviderChoiceId } from '../../shared/providers/choices.ts';
import type { Clock } from '../clock/clock.ts';
import { ProviderError } from '../providers/errors.ts';

export type { Outage };

/** Checks start 2 s after a failure and back off to one every 30 s while the outage lasts. */
const FIRST_CHECK_MS = 2_000;
const MAX_CHECK_MS = 30_000;

/**
 * Whether one provider can be reached. A create or status query that cannot connect reports an
 * outage; while it lasts, creates, status queries and downloads wait here instead of failing (and
 * using up their attempts), and a cheap request checks, backing off, until something answers. Then
 * every waiter goes on at once. Nothing is sent twice: a create waits before it is sent, and only a
 * request that never left is reported as an outage.
 */
export class Reachability {
  private outage: Outage | null = null;
  /** Counts outages, so that a check still out when one ends cannot act on the next. */
  private outageNumber = 0;
  private checkDelayMs = FIRST_CHECK_MS;
  private cancelCheck: (() => void) | undefined;
  private waiters = new Set<() => void>();
  private readonly listeners = new Set<(outage: Outage | null) => void>();
  private stopped = false;
  private readonly provider: ProviderChoiceId;
  private readonly clock: Clock;
  /** A request that resolves when the provider answers at all (any status). */
  private readonly probe: () => Promise<void>;

  constructor(provider: ProviderChoiceId, clock: Clock, probe: () => Promise<void>) {
    this.provider = provider;
    this.clock = clock;
    this.probe = probe;
  }

  get reachable(): boolean {
    return this.outage === null;
  }

  current(): Outage | null {
    return this.outage;
  }

  /** Told when an outage starts, when its next check is planned, and (with null) when it ends. */
  subscribe(listener: (outage: Outage | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A request could not connect. Returns true when this starts an outage. */
  reportUnreachable(detail: string): boolean {
    if (this.stopped) return false;
    if (this.outage) {
      this.outage = { ...this.outage, detail };
      return false;
    }
    this.checkDelayMs = FIRST_CHECK_MS;
    this.outageNumber += 1;
    this.outage = { provider: this.provider, since: this.clock.now(), detail, nextCheckAt: 0 };
    this.planCheck();
    return true;
  }

  /** A request got an answer: whatever the outage was, it is over. */
  reportReachable(): void {
    if (!this.outage || this.stopped) return;
    this.cancelCheck?.();
    this.cancelCheck = undefined;
    this.outage = null;
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const wake of waiters) wake();
    this.tell();
  }

  /** Resolves at once when reachable, else when the outage ends; rejects if `signal` aborts first. */
  whenReachable(signal: AbortSignal): Promise<void> {
    if (!this.outage) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        this.waiters.delete(wake);
        reject(signal.reason);
      };
      const wake = () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      };
      if (signal.aborted) return reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiters.add(wake);
    });
  }

  /** Stops checking (the engine is closing); waiters are left to their abort signals. */
  stop(): void {
    this.stopped = true;
    this.cancelCheck?.();
  }

  private planCheck(): void {
    if (!this.outage || this.stopped) return;
    const delay = this.checkDelayMs;
    this.checkDelayMs = Math.min(MAX_CHECK_MS, this.checkDelayMs * 2);
    this.outage = { ...this.outage, nextCheckAt: this.clock.now() + delay };
    const outageNumber = this.outageNumber;
    this.cancelCheck = this.clock.setTimer(() => void this.check(outageNumber), delay);
    this.tell();
  }

  private async check(outageNumber: number): Promise<void> {
    try {
      await this.probe();
      if (outageNumber === this.outageNumber) this.reportReachable();
    } catch (error) {
      if (outageNumber !== this.outageNumber || this.stopped) return;
      // Anything but a failed connection or a timeout is an answer, and so the end of the outage.
      if (error instanceof ProviderError && (error.kind === 'unreachable' || error.kind === 'transient')) {
        if (this.outage) this.outage = { ...this.outage, detail: error.detail };
        this.planCheck();
      } else {
        this.reportReachable();
      }
    }
  }

  private tell(): void {
    for (const listener of this.listeners) listener(this.outage);
  }
}
