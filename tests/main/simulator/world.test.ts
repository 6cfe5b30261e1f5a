import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../main/providers/catalog/loadCatalog.ts';
import { ManualClock } from '../../../main/clock/clock.ts';
import { seededRandom } from '../../../main/simulator/random.ts';
import { SimWorld } from '../../../main/simulator/world.ts';

const { catalog } = loadCatalog();
const soraLike = { prompt: 'a koi pond', duration: '10', mode: 'std', aspect_ratio: '16:9', sound: false, multi_shots: false };

function world(overrides: Partial<ConstructorParameters<typeof SimWorld>[0]> = {}) {
  const clock = new ManualClock();
  return { clock, world: new SimWorld({ catalog, clock, keys: ['k'], random: seededRandom(7), balance: { credits: 1000, usd: 10 }, ...overrides }) };
}

const create = (w: SimWorld, input: Record<string, unknown> = soraLike) => w.createTask({ provider: 'kie', protocol: 'kie-jobs', key: 'k', wireModel: 'kling-3.0/video', input });

describe('a simulated task', () => {
  it('moves waiting → queuing → generating → success in virtual time, within the catalog’s time range', () => {
    const { clock, world: w } = world();
    const outcome = create(w);
    if (!outcome.ok) throw new Error(outcome.message);
    const task = outcome.task;
    const states: string[] = [];
    for (let elapsed = 0; elapsed <= 200_000; elapsed += 500) {
      const state = w.view(task, clock.now() + elapsed).state;
      if (states.at(-1) !== state) states.push(state);
    }
    expect(states).toEqual(['waiting', 'queuing', 'generating', 'success']);
    // kling-3.0 at 720p: 60–180 s of generation, after at most 3.5 s of waiting and queuing.
    const generation = task.endsAt - task.startedAt;
    expect(generation).toBeGreaterThanOrEqual(60_000);
    expect(generation).toBeLessThanOrEqual(180_000);
    expect(task.startedAt - task.createdAt).toBeLessThanOrEqual(3_500);
  });

  it('reports progress that only goes up while generating', () => {
    const { world: w } = world();
    const outcome = create(w);
    if (!outcome.ok) throw new Error(outcome.message);
    const { task } = outcome;
    let last = -1;
    for (let at = task.startedAt; at < task.endsAt; at += 5_000) {
      const { progress } = w.view(task, at);
      expect(progress).toBeGreaterThanOrEqual(last);
      last = progress;
    }
    expect(w.view(task, task.endsAt).progress).toBe(100);
  });

  it('holds the price from create and refunds it when the task fails', () => {
    const { clock, world: w } = world({ faults: [{ kind: 'task-fail-transient', count: 1 }] });
    const failing = create(w);
    const fine = create(w);
    if (!failing.ok || !fine.ok) throw new Error('create failed');
    expect(w.balanceMicros('k', 'credits')).toBe((1000 - 2 * 140) * 1_000_000);
    clock.advance(3_600_000);
    expect(w.view(failing.task).state).toBe('fail');
    expect(w.balanceMicros('k', 'credits')).toBe((1000 - 140) * 1_000_000);
  });

  it('refuses a create the balance cannot cover', () => {
    const { world: w } = world({ balance: { credits: 100, usd: 0 } });
    expect(create(w)).toMatchObject({ ok: false, reason: 'insufficient_credits' });
    expect(w.stats().tasksCreated.k).toBe(0);
  });

  it('validates what it receives against the catalog, like the provider', () => {
    const { world: w } = world();
    expect(create(w, { ...soraLike, duration: 10 })).toMatchObject({ ok: false, reason: 'invalid', field: 'duration' });
    expect(create(w, { ...soraLike, aspect_ratio: '4:3' })).toMatchObject({ ok: false, reason: 'invalid', field: 'aspectRatio' });
    expect(w.createTask({ provider: 'kie', protocol: 'kie-jobs', key: 'k', wireModel: 'sora-2-text-to-video', input: { prompt: 'x' } })).toMatchObject({ ok: false, reason: 'retired' });
    expect(w.createTask({ provider: 'kie', protocol: 'kie-jobs', key: 'k', wireModel: 'nope', input: { prompt: 'x' } })).toMatchObject({ ok: false, reason: 'unknown_model' });
  });

  it('is repeatable: the same seed gives the same tasks', () => {
    const a = world().world;
    const b = world().world;
    const first = create(a);
    const second = create(b);
    expect(first.ok && second.ok && [first.task.id, first.task.endsAt]).toEqual(second.ok && [second.task.id, second.task.endsAt]);
  });
});
