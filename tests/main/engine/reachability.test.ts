import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../main/clock/clock.ts';
import { Reachability, type Outage } from '../../../main/engine/reachability.ts';
import { ProviderError } from '../../../main/providers/errors.ts';

const refused = () => new ProviderError({ kind: 'unreachable', provider: 'kie', detail: 'could not connect (ECONNREFUSED)' });

function setup(probeAnswers: (() => Promise<void>)[]) {
  const clock = new ManualClock();
  const probes: number[] = [];
  const told: (Outage | null)[] = [];
  const reachability = new Reachability('kie', clock, () => {
    probes.push(clock.now());
    return (probeAnswers.shift() ?? (() => Promise.reject(refused())))();
  });
  reachability.subscribe((outage) => told.push(outage));
  return { clock, probes, told, reachability };
}

describe('Reachability', () => {
  it('checks 2, 4, 8, 16 s after an outage starts, then every 30 s, until something answers', async () => {
    const { clock, probes, told, reachability } = setup([]);
    const start = clock.now();
    expect(reachability.reportUnreachable('could not connect')).toBe(true);
    expect(reachability.reportUnreachable('again')).toBe(false);
    await clock.advanceAndRun(2_000 + 4_000 + 8_000 + 16_000 + 30_000 + 30_000);
    expect(probes.map((at) => (at - start) / 1000)).toEqual([2, 6, 14, 30, 60, 90]);
    expect(reachability.current()).toMatchObject({ provider: 'kie', since: start, nextCheckAt: start + 120_000 });
    expect(told.every((outage) => outage !== null)).toBe(true);
    reachability.stop();
  });

  it('wakes every waiter when a request gets through, and lets an aborted waiter go', async () => {
    const { clock, told, reachability } = setup([]);
    await expect(reachability.whenReachable(new AbortController().signal)).resolves.toBeUndefined();
    reachability.reportUnreachable('could not connect');
    const woken: string[] = [];
    const first = reachability.whenReachable(new AbortController().signal).then(() => woken.push('first'));
    const second = reachability.whenReachable(new AbortController().signal).then(() => woken.push('second'));
    const leaving = new AbortController();
    const gone = reachability.whenReachable(leaving.signal);
    leaving.abort(new Error('stopping'));
    await expect(gone).rejects.toThrow('stopping');
    await clock.advanceAndRun(1_000);
    expect(woken).toEqual([]);
    reachability.reportReachable();
    await Promise.all([first, second]);
    expect(woken).toEqual(['first', 'second']);
    expect(told.at(-1)).toBeNull();
    expect(reachability.reachable).toBe(true);
  });

  it('ends the outage on any answer the check gets, even an error from the provider', async () => {
    const { clock, reachability } = setup([() => Promise.reject(refused()), () => Promise.reject(new ProviderError({ kind: 'auth', provider: 'kie', detail: 'HTTP 401' }))]);
    reachability.reportUnreachable('could not connect');
    await clock.advanceAndRun(2_000);
    expect(reachability.reachable).toBe(false);
    await clock.advanceAndRun(4_000);
    expect(reachability.reachable).toBe(true);
  });

  it('ignores a check still out when its outage ended and another began, and stays quiet once stopped', async () => {
    let failFirst: (error: Error) => void = () => undefined;
    const firstCheck = () => new Promise<void>((_, reject) => (failFirst = reject));
    const { clock, probes, told, reachability } = setup([firstCheck]);
    reachability.reportUnreachable('could not connect');
    await clock.advanceAndRun(2_000);
    expect(probes).toHaveLength(1);
    // The outage ends (a request got through) and another starts while that check is still out.
    reachability.reportReachable();
    reachability.reportUnreachable('again');
    failFirst(refused());
    await clock.advanceAndRun(0);
    // Only the new outage's check is planned: one more check in 2 s, not two.
    await clock.advanceAndRun(2_000);
    expect(probes).toHaveLength(2);
    reachability.stop();
    const toldBefore = told.length;
    reachability.reportReachable();
    expect(told).toHaveLength(toldBefore);
  });
});
