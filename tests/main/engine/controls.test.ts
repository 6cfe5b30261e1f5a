import { describe, expect, it } from 'vitest';
import { createsByPrompt, engineHarness, seedRows } from '../../helpers/engineHarness.ts';

const options = (outputDir: string, custom = 4) => ({ provider: 'sandbox' as const, concurrency: { profile: 'custom' as const, custom }, outputDir });

describe('engine controls', () => {
  it('moves rows of a retired model to another model, then re-runs them in place', async () => {
    const h = await engineHarness();
    const batchId = seedRows(h.store, [{ model: 'sora-2', durationS: 10 }, {}]);
    await (await h.engine.start(batchId, options(h.outputDir))).settled();
    const [retired] = h.store.jobs.rowsOf(batchId);
    expect(retired!.status).toBe('failed');
    expect(h.sim.world.stats().tasksCreated['engine-test-key']).toBe(1);
    h.engine.moveRows([retired!.rowId], 'kling-3.0');
    await h.engine.rerun(batchId, [retired!.rowId]);
    await h.engine.run(batchId)!.settled();
    expect(h.store.jobs.rowsOf(batchId)[0]).toMatchObject({ model: 'kling-3.0', status: 'done', run: 2 });
    expect(h.sim.world.stats().tasksCreated['engine-test-key']).toBe(2);
  });

  it('changes concurrency while running', async () => {
    const h = await engineHarness({ speed: 1_000 });
    const batchId = seedRows(h.store, Array.from({ length: 9 }, () => ({})));
    const run = await h.engine.start(batchId, options(h.outputDir, 1));
    await new Promise<void>((resolve) => {
      const check = () => (h.sim.world.allTasks().length >= 1 ? resolve() : setTimeout(check, 2));
      check();
    });
    h.engine.setConcurrency(batchId, { profile: 'custom', custom: 3 });
    await run.settled();
    const tasks = h.sim.world.allTasks();
    const overlap = Math.max(...tasks.map((task) => tasks.filter((other) => other.createdAt <= task.createdAt && other.endsAt > task.createdAt).length));
    expect(overlap).toBe(3);
    expect(h.store.jobs.batch(batchId)!.options).toMatchObject({ concurrency: { profile: 'custom', custom: 3 } });
  });

  it('resolves an unknown outcome the creator has checked, keeping the books balanced', async () => {
    const h = await engineHarness({ faults: [{ kind: 'lost-create-response', count: 1 }] });
    const batchId = seedRows(h.store, [{}]);
    await (await h.engine.start(batchId, options(h.outputDir))).settled();
    const [row] = h.store.jobs.rowsOf(batchId);
    const unknown = h.store.jobs.attemptsOfRow(row!.rowId).find((a) => a.status === 'unknown')!;
    h.store.jobs.resolveUnknown(unknown.attemptId, true, row!.rowId, 'failed');
    expect(h.store.ledger.forAttempt(unknown.attemptId)).toEqual({ reserved: 70_000_000, settled: 70_000_000, released: 0, held: 0 });
    expect(h.store.ledger.violations()).toEqual([]);
    expect(createsByPrompt(h.sim).get(row!.prompt)).toBe(1);
  });
});
