import type { Clock } from '../clock/clock.ts';

interface Entry {
  key: number;
  dueAt: number;
  seq: number;
  run: () => void;
}

/**
 * One timer for every job being watched (not a loop per job): a min-heap of due times, with the
 * clock's single timer set for the earliest. Thousands of jobs in flight cost one timer.
 */
export class PollScheduler {
  private readonly heap: Entry[] = [];
  private readonly live = new Map<number, Entry>();
  private readonly clock: Clock;
  private cancelTimer: (() => void) | undefined;
  private timerAt = Number.POSITIVE_INFINITY;
  private seq = 0;

  constructor(clock: Clock) {
    this.clock = clock;
  }

  /** Runs `run` at `dueAt` (clock time); replaces anything already scheduled under `key`. */
  schedule(key: number, dueAt: number, run: () => void): void {
    const entry = { key, dueAt, seq: this.seq++, run };
    this.live.set(key, entry);
    this.push(entry);
    this.arm();
  }

  cancel(key: number): void {
    this.live.delete(key);
  }

  get size(): number {
    return this.live.size;
  }

  close(): void {
    this.live.clear();
    this.heap.length = 0;
    this.cancelTimer?.();
    this.cancelTimer = undefined;
  }

  private fire(): void {
    this.cancelTimer = undefined;
    this.timerAt = Number.POSITIVE_INFINITY;
    const now = this.clock.now();
    while (this.heap.length > 0 && this.heap[0]!.dueAt <= now) {
      const entry = this.pop();
      // A rescheduled or cancelled key leaves its old entry behind; skip it.
      if (this.live.get(entry.key) !== entry) continue;
      this.live.delete(entry.key);
      entry.run();
    }
    this.arm();
  }

  private arm(): void {
    while (this.heap.length > 0 && this.live.get(this.heap[0]!.key) !== this.heap[0]) this.pop();
    const next = this.heap[0];
    if (!next || next.dueAt >= this.timerAt) return;
    this.cancelTimer?.();
    this.timerAt = next.dueAt;
    this.cancelTimer = this.clock.setTimer(() => this.fire(), next.dueAt - this.clock.now());
  }

  private push(entry: Entry): void {
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (before(heap[parent]!, heap[i]!)) break;
      [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
      i = parent;
    }
  }

  private pop(): Entry {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < heap.length && before(heap[left]!, heap[smallest]!)) smallest = left;
        if (right < heap.length && before(heap[right]!, heap[smallest]!)) smallest = right;
        if (smallest === i) break;
        [heap[smallest], heap[i]] = [heap[i]!, heap[smallest]!];
        i = smallest;
      }
    }
    return top;
  }
}

function before(a: Entry, b: Entry): boolean {
  return a.dueAt < b.dueAt || (a.dueAt === b.dueAt && a.seq < b.seq);
}
