import { describe, expect, it } from 'vitest';
import { scaledClock } from '../../../main/clock/clock.ts';

const after = (clock: ReturnType<typeof scaledClock>, ms: number) => new Promise<void>((resolve) => clock.setTimer(resolve, ms));

describe('scaledClock', () => {
  it('runs fast, then at the new pace after setSpeed, without going back in time', async () => {
    const clock = scaledClock(1_000, 0);
    const realStart = performance.now();
    await after(clock, 5_000);
    // Five clock seconds took about 5 real milliseconds.
    expect(performance.now() - realStart).toBeLessThan(1_000);
    expect(clock.now()).toBeGreaterThanOrEqual(5_000);

    const before = clock.now();
    clock.setSpeed(1);
    expect(clock.now()).toBeGreaterThanOrEqual(before);
    const realAtSwitch = performance.now();
    await after(clock, 30);
    const real = performance.now() - realAtSwitch;
    // Now a clock millisecond is a real one: 30 clock ms took at least ~30 real ms.
    expect(real).toBeGreaterThanOrEqual(29);
    expect(clock.now() - before).toBeGreaterThanOrEqual(29);
    expect(clock.now() - before).toBeLessThan(real * 10 + 50);
  });

  it('refuses a pace that is not above zero', () => {
    expect(() => scaledClock(0)).toThrow(/above 0/);
    expect(() => scaledClock(2).setSpeed(-1)).toThrow(/above 0/);
  });
});
