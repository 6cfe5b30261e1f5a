import PQueue from 'p-queue';
import type { BatchRunOptions } from '../../shared/domain/batchOptions.ts';
import type { ConcurrencyGovernor } from './concurrency.ts';
import { balanceLanes } from './laneBalancer.ts';

interface Lane {
  queue: PQueue;
  /** The class's own limit under a profile (product §3.1). */
  configured: number;
  expectedMs: number;
}

/**
 * A batch's p-queue lanes, one per class of job, and how many slots each may use: under a profile
 * its class limit, under a custom concurrency a share of the one limit (see balanceLanes); either
 * way scaled by the governor. A slot is held by a running job task.
 */
export class Lanes {
  private readonly lanes = new Map<string, Lane>();
  private readonly options: () => Pick<BatchRunOptions, 'concurrency' | 'scheduling'>;
  private readonly governor: ConcurrencyGovernor;
  private readonly isPaused: () => boolean;
  /** The key's sustained create rate (per ms of the engine's clock), when the provider limits it. */
  private readonly createsPerMs: () => number | undefined;
  private rebalancePending = false;

  constructor(options: () => Pick<BatchRunOptions, 'concurrency' | 'scheduling'>, governor: ConcurrencyGovernor, isPaused: () => boolean, createsPerMs: () => number | undefined = () => undefined) {
    this.options = options;
    this.governor = governor;
    this.isPaused = isPaused;
    this.createsPerMs = createsPerMs;
  }

  /** One lane per class (the original design's waves use one lane for everything). */
  keyOf(classKey: string): string {
    return this.options().scheduling === 'waves' ? 'all' : classKey;
  }

  /** The lane for a class, created on first use. */
  queueFor(classKey: string, expectedMs: number, configured: number): PQueue {
    const key = this.keyOf(classKey);
    let lane = this.lanes.get(key);
    if (!lane) {
      // Under a shared limit a new lane waits for its share (set by the next rebalance) before starting.
      const shared = this.isShared();
      const queue = new PQueue({ concurrency: shared ? 1 : Math.max(1, this.governor.limit(configured)), autoStart: !this.isPaused() && !shared });
      lane = { queue, configured, expectedMs };
      this.lanes.set(key, lane);
      // Any start or finish changes how the shared limit is best divided.
      for (const event of ['active', 'next', 'add'] as const) queue.addEventListener(event, () => this.rebalanceSoon());
    }
    return lane.queue;
  }

  /** New class limits after the concurrency setting changed. */
  reconfigure(limitOf: (laneKey: string) => number | undefined): void {
    for (const [key, lane] of this.lanes) lane.configured = limitOf(key) ?? lane.configured;
    this.apply();
  }

  pause(): void {
    for (const { queue } of this.lanes.values()) queue.pause();
  }

  start(): void {
    for (const { queue } of this.lanes.values()) queue.start();
    this.apply();
  }

  /** Drops every waiting task (they reject with an AbortError); running ones go on. */
  clear(): void {
    for (const { queue } of this.lanes.values()) queue.clear();
  }

  /** Sets every lane's concurrency from the current setting, loads and governor. */
  apply(): void {
    if (!this.isShared()) {
      for (const lane of this.lanes.values()) lane.queue.concurrency = Math.max(1, this.governor.limit(lane.configured));
      return;
    }
    const limit = this.governor.limit(this.options().concurrency.custom!);
    const loads = [...this.lanes].map(([key, lane]) => ({ key, running: lane.queue.pending, waiting: lane.queue.size, expectedMs: lane.expectedMs }));
    const shares = balanceLanes(loads, limit, this.createsPerMs());
    for (const [key, lane] of this.lanes) {
      const share = shares.get(key) ?? 0;
      if (share > 0) lane.queue.concurrency = share;
      if (this.isPaused()) continue;
      if (share === 0 && lane.queue.pending === 0) lane.queue.pause();
      else if (share === 0) lane.queue.concurrency = lane.queue.pending;
      else lane.queue.start();
    }
  }

  /** Coalesces the many start/finish events of a busy moment into one rebalance. */
  private rebalanceSoon(): void {
    if (this.rebalancePending) return;
    this.rebalancePending = true;
    queueMicrotask(() => {
      this.rebalancePending = false;
      this.apply();
    });
  }

  private isShared(): boolean {
    const { concurrency, scheduling } = this.options();
    return concurrency.profile === 'custom' && scheduling !== 'waves';
  }
}
