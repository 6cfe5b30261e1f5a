import { describe, expect, it, vi } from 'vitest';
import { createsByPrompt, engineHarness, filesOf, seedRows } from '../../helpers/engineHarness.ts';

const options = (outputDir: string, custom = 3) => ({ provider: 'sandbox' as const, concurrency: { profile: 'custom' as const, custom }, outputDir });
const waitLong = { timeout: 20_000, interval: 5 };

/** A batch of `rows` started while the provider is off the network, once the engine has seen that. */
async function startedOffline(rows: number) {
  const h = await engineHarness({ speed: 1_000 });
  const batchId = seedRows(h.store, Array.from({ length: rows }, () => ({})));
  await h.sim.setOnline(false);
  const run = await h.engine.start(batchId, options(h.outputDir));
  await vi.waitFor(() => expect(h.engine.outages()).toHaveLength(1), waitLong);
  return { h, batchId, run };
}

describe('the engine when the provider cannot be reached', { timeout: 60_000 }, () => {
  it('waits out an outage while generating, without failing a row or sending anything twice, then finishes by itself', async () => {
    // At 200×, the 8 creates take a few tens of ms and each video ~0.3–0.9 s, so the outage
    // starts while they are being made.
    const h = await engineHarness({ speed: 200 });
    const batchId = seedRows(h.store, Array.from({ length: 8 }, () => ({})));
    const run = await h.engine.start(batchId, options(h.outputDir, 8));
    // Every create answered (a create cut off mid-way is rightly `unknown`; that is tested elsewhere).
    await vi.waitFor(() => expect(h.store.jobs.attemptsOfBatch(batchId).filter((attempt) => attempt.taskRefJson !== null)).toHaveLength(8), waitLong);

    await h.sim.setOnline(false);
    await vi.waitFor(() => expect(h.engine.outages()).toHaveLength(1), waitLong);
    const outage = h.engine.outages()[0]!;
    expect(outage.provider).toBe('sandbox');
    expect(outage.detail).toMatch(/could not connect \(ECONNREFUSED\)/);
    // Offline long enough for every job already at the provider to finish there, and for the
    // engine to check several times; meanwhile nothing may fail.
    const created = h.sim.world.allTasks();
    await vi.waitFor(() => expect(h.clock.now()).toBeGreaterThan(Math.max(...created.map((task) => task.endsAt)) + 60_000), waitLong);
    expect(h.engine.outages()).toHaveLength(1);
    expect(h.sim.world.allTasks()).toHaveLength(created.length);
    expect(h.store.jobs.rowsOf(batchId).filter((row) => row.status === 'failed' || row.status === 'unknown')).toEqual([]);

    await h.sim.setOnline(true);
    await run.settled();
    expect(h.engine.outages()).toEqual([]);
    expect(h.connectivity.at(-1)).toEqual([]);
    const rows = h.store.jobs.rowsOf(batchId);
    expect(rows.map((row) => row.status)).toEqual(Array(8).fill('done'));
    // One create per row, one file per row, and the books balance.
    expect([...createsByPrompt(h.sim).values()]).toEqual(Array(8).fill(1));
    expect(filesOf(h.store, batchId)).toHaveLength(8);
    expect(h.store.ledger.violations()).toEqual([]);
    expect(h.store.jobs.attemptsOfBatch(batchId).map((attempt) => attempt.status)).toEqual(Array(8).fill('succeeded'));
    const codes = h.store.logs.list(batchId).map((line) => line.code);
    expect(codes.filter((code) => code === 'provider.unreachable')).toHaveLength(1);
    expect(codes.filter((code) => code === 'provider.reachable')).toHaveLength(1);
    expect(codes).not.toContain('row.failed');
  });

  it('starts a batch while offline and sends nothing until the provider answers', async () => {
    const { h, batchId, run } = await startedOffline(3);
    // The outage is told with the time of its next check, which moves on as checks keep failing.
    await vi.waitFor(() => expect(new Set(h.connectivity.map((outages) => outages[0]?.nextCheckAt)).size).toBeGreaterThanOrEqual(3), waitLong);
    expect(h.store.jobs.rowsOf(batchId).map((row) => row.status)).toEqual(['queued', 'queued', 'queued']);

    await h.sim.setOnline(true);
    await run.settled();
    const rows = h.store.jobs.rowsOf(batchId);
    expect(rows.map((row) => row.status)).toEqual(['done', 'done', 'done']);
    expect([...createsByPrompt(h.sim).values()]).toEqual([1, 1, 1]);
    // The creates that could not connect are on record, without an error shown on their rows, and
    // do not count against the rows' three tries.
    const refused = h.store.jobs.attemptsOfBatch(batchId).filter((attempt) => attempt.errorClass === 'unreachable');
    expect(refused.length).toBeGreaterThanOrEqual(1);
    for (const attempt of refused) expect(attempt).toMatchObject({ status: 'failed', taskRefJson: null });
    expect(rows.map((row) => h.store.rows.view(row.rowId)?.errorMessage)).toEqual([null, null, null]);
    // The grid's attempt count is of creates that left: one each.
    expect(rows.map((row) => h.store.rows.view(row.rowId)?.attemptCount)).toEqual([1, 1, 1]);
    expect(h.store.ledger.violations()).toEqual([]);
  });

  it('never sends rows cancelled during an outage, and a re-run then sends each of them once', async () => {
    const { h, batchId, run } = await startedOffline(3);
    const rowIds = h.store.jobs.rowsOf(batchId).map((row) => row.rowId);
    h.engine.cancelRows(batchId, rowIds);
    // The jobs that waited for the provider stop waiting: the run settles while still offline.
    await run.settled();
    expect(h.engine.outages()).toHaveLength(1);
    expect(h.store.jobs.rowsOf(batchId).map((row) => row.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);

    // Re-run them while still offline, then let the provider answer: one create per row, not two.
    await h.engine.rerun(batchId, rowIds);
    await h.sim.setOnline(true);
    await h.engine.run(batchId)!.settled();
    expect(h.store.jobs.rowsOf(batchId).map((row) => row.status)).toEqual(['done', 'done', 'done']);
    expect([...createsByPrompt(h.sim).values()]).toEqual([1, 1, 1]);
    expect(h.store.ledger.violations()).toEqual([]);
  });

  it('settles at once when the batch is cancelled during an outage, having sent nothing', async () => {
    const { h, batchId, run } = await startedOffline(5);
    h.engine.cancel(batchId);
    await run.settled();
    expect(h.store.jobs.batch(batchId)!.status).toBe('cancelled');
    expect(h.store.jobs.rowsOf(batchId).map((row) => row.status)).toEqual(Array(5).fill('cancelled'));
    await h.sim.setOnline(true);
    expect(h.sim.world.allTasks()).toHaveLength(0);
  });
});
