import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../main/clock/clock.ts';
import { PollScheduler } from '../../../main/engine/pollScheduler.ts';
import { rowStatusFromTakes } from '../../../main/engine/rowStatus.ts';

describe('the poll scheduler', () => {
  it('runs thousands of jobs in due order with a single timer', async () => {
    const clock = new ManualClock(0);
    const scheduler = new PollScheduler(clock);
    const ran: number[] = [];
    for (let key = 0; key < 2_000; key++) scheduler.schedule(key, ((key * 7919) % 2_000) * 10, () => ran.push(clock.now()));
    expect(clock.pendingTimers()).toBe(1);
    await clock.advanceAndRun(20_000);
    expect(ran).toHaveLength(2_000);
    expect(ran).toEqual([...ran].sort((a, b) => a - b));
  });

  it('replaces a job’s earlier schedule and honours cancellation', async () => {
    const clock = new ManualClock(0);
    const scheduler = new PollScheduler(clock);
    const ran: string[] = [];
    scheduler.schedule(1, 100, () => ran.push('first plan'));
    scheduler.schedule(1, 50, () => ran.push('new plan'));
    scheduler.schedule(2, 70, () => ran.push('cancelled'));
    scheduler.cancel(2);
    await clock.advanceAndRun(1_000);
    expect(ran).toEqual(['new plan']);
    expect(scheduler.size).toBe(0);
  });
});

describe('a row’s status from its takes', () => {
  it('is done only when every take is done, else shows the most active state', () => {
    expect(rowStatusFromTakes(['done', 'done'])).toBe('done');
    expect(rowStatusFromTakes(['done', 'generating', 'queued'])).toBe('generating');
    expect(rowStatusFromTakes(['done', 'failed'])).toBe('failed');
    expect(rowStatusFromTakes(['failed', 'queued'])).toBe('queued');
    expect(rowStatusFromTakes(['unknown', 'failed'])).toBe('unknown');
  });
});
