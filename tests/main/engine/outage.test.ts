import { describe, expect, it, vi } from 'vitest';
import { createsByPrompt, engineHarness, filesOf, seedRows } from '../../helpers/engineHarness.ts';

const options = (outputDir: string, custom = 3) => ({ provider: 'sandbox' as const, concurrency: { profile: 'custom' as const, custom }, outputDir });
const waitLong = { timeout: 20_000, interval: 5 };

describe('the engine when the provider cannot be reached', () => {
  it('waits out an outage while generating, without failing a row or sending anything twice, then finishes by itself', async () => {
    const h = await engineHarness({ speed: 1_000 });
    const batchId = seedRows(h.store, Array.from({ length: 8 }, () => ({})));
    const run = await h.engine.start(batchId, options(h.outputDir, 8));
    // Every create answered (a create cut off mid-way is rightly `unknown`; that is tested elsewhere).
    await vi.waitFor(() => expect(h.store.jobs.rowsOf(batchId).map((row) => row.status)).toEqual(Array(8).fill('generating')), waitLong);

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
    const rowsOffline = h.store.jobs.rowsOf(batchId);
    expect(rowsOffline.filter((row) => row.status === 'failed' || row.status === 'unknown')).toEqual([]);
    expect(rowsOffline.filter((row) => row.status === 'done')).toHaveLength(0);

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
    const h = await engineHarness({ speed: 1_000 });
    const batchId = seedRows(h.store, Array.from({ length: 3 }, () => ({})));
    await h.sim.setOnline(false);
    const run = await h.engine.start(batchId, options(h.outputDir));
    await vi.waitFor(() => expect(h.engine.outages()).toHaveLength(1), waitLong);
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
    expect(h.store.ledger.violations()).toEqual([]);
  });
});
