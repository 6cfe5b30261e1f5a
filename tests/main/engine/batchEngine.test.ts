import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createsByPrompt, engineHarness, filesOf, seedRows } from '../../helpers/engineHarness.ts';
import { looksLikeMp4 } from '../../helpers/simulator.ts';

const options = (outputDir: string, extra: Record<string, unknown> = {}) => ({ provider: 'sandbox' as const, concurrency: { profile: 'custom' as const, custom: 8 }, outputDir, ...extra });

describe('the batch engine against the simulator', () => {
  it('makes every video, once each, downloads and verifies it, and balances the books', async () => {
    const h = await engineHarness();
    const batchId = seedRows(h.store, [
      {}, {}, {}, { takes: 2 }, { model: 'veo-3.1-fast', durationS: 8 }, { model: 'seedance-2', durationS: 5 },
      { model: 'wan-2.6', durationS: 5 }, { resolution: '1080p' }, { model: 'hailuo-2.3-standard', durationS: 6, resolution: '768p', imageUrl: 'https://example.com/a.png' },
    ]);
    const run = await h.engine.start(batchId, options(h.outputDir));
    await run.settled();

    const rows = h.store.jobs.rowsOf(batchId);
    expect(rows.map((row) => row.status)).toEqual(Array(9).fill('done'));
    expect(h.store.jobs.batch(batchId)?.status).toBe('completed');
    // Exactly one create per video: 9 rows, one of them with two takes.
    const creates = createsByPrompt(h.sim);
    expect([...creates.values()].reduce((a, b) => a + b, 0)).toBe(10);
    expect(creates.get('row 4: a short scene')).toBe(2);
    const files = filesOf(h.store, batchId);
    expect(files).toHaveLength(10);
    for (const file of files) expect(looksLikeMp4(file.bytes), file.path).toBe(true);
    expect(readdirSync(h.outputDir).filter((name) => name.endsWith('.mp4')).sort()).toEqual(expect.arrayContaining(['1-row-1-a-short-scene.mp4', '4-row-4-a-short-scene-take1.mp4', '4-row-4-a-short-scene-take2.mp4']));
    expect(h.store.ledger.violations()).toEqual([]);
    // Every row's change reached the renderer.
    expect(h.changedRows.size).toBe(9);
    const log = h.store.logs.list(batchId).map((line) => line.code);
    expect(log).toContain('batch.started');
    expect(log).toContain('batch.finished');
  });

  it('retries transient failures (backoff) and succeeds, recording each attempt and releasing failed charges', async () => {
    const h = await engineHarness({ faults: [{ kind: 'task-fail-transient', count: 2 }, { kind: 'create-5xx', count: 1 }] });
    const batchId = seedRows(h.store, [{}, {}]);
    const run = await h.engine.start(batchId, options(h.outputDir));
    await run.settled();
    expect(h.store.jobs.rowsOf(batchId).map((row) => row.status)).toEqual(['done', 'done']);
    const attempts = h.store.jobs.attemptsOfBatch(batchId);
    expect(attempts.filter((a) => a.status === 'failed')).toHaveLength(3);
    expect(attempts.filter((a) => a.status === 'succeeded')).toHaveLength(2);
    expect(h.store.ledger.violations()).toEqual([]);
    expect(h.store.logs.list(batchId).some((line) => /attempt \d\/3 failed: .*retrying in \d+ s/.test(line.message))).toBe(true);
  });

  it('does not retry a moderation failure, and stops a row after three failed attempts', async () => {
    const h = await engineHarness({ faults: [{ kind: 'task-fail-moderation', count: 1 }, { kind: 'task-fail-transient', count: 3 }] });
    const batchId = seedRows(h.store, [{}, {}]);
    const run = await h.engine.start(batchId, options(h.outputDir, { concurrency: { profile: 'custom', custom: 1 } }));
    await run.settled();
    const rows = h.store.jobs.rowsOf(batchId);
    expect(rows.map((row) => row.status)).toEqual(['failed', 'failed']);
    const attempts = h.store.jobs.attemptsOfBatch(batchId);
    // Equal rows may start in either order: whichever met the moderation fault stopped there.
    const classes = rows.map((row) => attempts.filter((a) => a.rowId === row.rowId).map((a) => a.errorClass));
    expect(classes).toContainEqual(['moderation']);
    expect(classes).toContainEqual(['provider_failed', 'provider_failed', 'provider_failed']);
    expect(h.store.ledger.violations()).toEqual([]);
  });

  it('never re-sends a create whose answer was lost: the row goes to unknown and the charge is held', async () => {
    const h = await engineHarness({ faults: [{ kind: 'lost-create-response', count: 1 }] });
    const batchId = seedRows(h.store, [{}, {}]);
    const run = await h.engine.start(batchId, options(h.outputDir, { concurrency: { profile: 'custom', custom: 1 } }));
    await run.settled();
    expect(h.store.jobs.rowsOf(batchId).map((row) => row.status)).toEqual(['unknown', 'done']);
    expect(createsByPrompt(h.sim).get('row 1: a short scene')).toBe(1);
    const unknown = h.store.jobs.attemptsOfBatch(batchId).find((a) => a.status === 'unknown')!;
    expect(h.store.ledger.forAttempt(unknown.attemptId)).toMatchObject({ released: 0, settled: 0, held: 70_000_000 });
    expect(h.store.ledger.violations()).toEqual([]);
  });

  it('pauses the batch when credits run out, and finishes after resume', async () => {
    const h = await engineHarness({ faults: [{ kind: 'credits-402', afterCreates: 2 }] });
    const batchId = seedRows(h.store, [{}, {}, {}, {}]);
    const run = await h.engine.start(batchId, options(h.outputDir, { concurrency: { profile: 'custom', custom: 1 } }));
    await run.settled();
    const batch = h.store.jobs.batch(batchId)!;
    expect(batch.status).toBe('paused');
    expect(batch.pauseReason).toMatch(/^not enough credits/);
    expect(h.store.jobs.rowsOf(batchId).map((row) => row.status).sort()).toEqual(['done', 'done', 'paused', 'paused']);
    h.sim.world.faults.clear();
    run.resume();
    await run.settled();
    expect(h.store.jobs.rowsOf(batchId).map((row) => row.status)).toEqual(['done', 'done', 'done', 'done']);
    expect(h.store.ledger.violations()).toEqual([]);
  });

  it('stops submitting before the batch budget would be crossed', async () => {
    const h = await engineHarness();
    const batchId = seedRows(h.store, [{}, {}, {}, {}, {}]);
    // Each kling-3.0 720p 5 s video is estimated at 70 credits: room for three.
    const run = await h.engine.start(batchId, options(h.outputDir, { caps: { batchMicros: 215_000_000 } }));
    await run.settled();
    expect(h.sim.world.stats().tasksCreated['engine-test-key']).toBe(3);
    expect(h.store.jobs.batch(batchId)!.pauseReason).toMatch(/batch budget of 215 credits would be crossed/);
    expect(h.store.jobs.rowsOf(batchId).filter((row) => row.status === 'done')).toHaveLength(3);
  });

  it('keeps within the concurrency limit, shared between classes of job', async () => {
    const h = await engineHarness();
    const batchId = seedRows(h.store, Array.from({ length: 12 }, (_, i) => ({ resolution: i % 3 === 0 ? '1080p' : '720p', durationS: i % 2 ? 5 : 10 })));
    const run = await h.engine.start(batchId, options(h.outputDir, { concurrency: { profile: 'custom', custom: 3 } }));
    await run.settled();
    const tasks = h.sim.world.allTasks();
    expect(tasks).toHaveLength(12);
    for (const task of tasks) {
      const overlapping = tasks.filter((other) => other.createdAt <= task.createdAt && other.endsAt > task.createdAt);
      expect(overlapping.length).toBeLessThanOrEqual(3);
    }
  });

  it('cancels what is queued but still collects what was submitted', async () => {
    const h = await engineHarness({ speed: 200 });
    const batchId = seedRows(h.store, Array.from({ length: 6 }, () => ({})));
    const run = await h.engine.start(batchId, options(h.outputDir, { concurrency: { profile: 'custom', custom: 2 } }));
    await new Promise<void>((resolve) => {
      const check = () => (h.sim.world.allTasks().length >= 2 ? resolve() : setTimeout(check, 5));
      check();
    });
    run.cancel();
    await run.settled();
    const statuses = h.store.jobs.rowsOf(batchId).map((row) => row.status);
    expect(statuses.filter((s) => s === 'done')).toHaveLength(2);
    expect(statuses.filter((s) => s === 'cancelled')).toHaveLength(4);
    expect(h.store.jobs.batch(batchId)!.status).toBe('cancelled');
  });

  it('re-runs failed rows in place, keeping their attempt history', async () => {
    const h = await engineHarness({ faults: [{ kind: 'task-fail-moderation', count: 1 }] });
    const batchId = seedRows(h.store, [{}]);
    await (await h.engine.start(batchId, options(h.outputDir))).settled();
    const [row] = h.store.jobs.rowsOf(batchId);
    expect(row!.status).toBe('failed');
    await h.engine.rerun(batchId, [row!.rowId]);
    await h.engine.run(batchId)!.settled();
    expect(h.store.jobs.rowsOf(batchId)[0]).toMatchObject({ status: 'done', run: 2 });
    expect(h.store.jobs.attemptsOfRow(row!.rowId).map((a) => [a.run, a.status])).toEqual([[1, 'failed'], [2, 'succeeded']]);
  });

  it('stops a row that cannot succeed before spending anything', async () => {
    const h = await engineHarness();
    const batchId = seedRows(h.store, [{ model: 'sora-2' }, { model: 'no-such-model' }, { resolution: '480p' }, {}]);
    await (await h.engine.start(batchId, options(h.outputDir))).settled();
    const rows = h.store.rows.page({ batchId, offset: 0, limit: 10 }).rows;
    expect(rows.map((row) => row.status)).toEqual(['failed', 'failed', 'failed', 'done']);
    expect(rows[0]!.errorMessage).toMatch(/retired on 2026-09-24; move these rows to veo-3.1-fast/);
    expect(rows[1]!.errorMessage).toMatch(/not in the catalog/);
    expect(h.sim.world.stats().tasksCreated['engine-test-key']).toBe(1);
  });

  it('recovers after a restart: resumes watching, downloads, and never re-submits', async () => {
    const h = await engineHarness({ speed: 300 });
    const batchId = seedRows(h.store, Array.from({ length: 6 }, () => ({})));
    await h.engine.start(batchId, options(h.outputDir, { concurrency: { profile: 'custom', custom: 6 } }));
    // Stop while every job is generating: its task id is known and stored.
    await new Promise<void>((resolve) => {
      const check = () => (h.store.jobs.attemptsOfBatch(batchId).filter((a) => a.status === 'generating').length === 6 ? resolve() : setTimeout(check, 2));
      check();
    });
    h.engine.close();
    const again = h.restart();
    expect(await again.recover()).toEqual([batchId]);
    await again.run(batchId)!.settled();
    expect(h.store.jobs.rowsOf(batchId).map((row) => row.status)).toEqual(Array(6).fill('done'));
    expect([...createsByPrompt(h.sim).values()]).toEqual(Array(6).fill(1));
    expect(h.store.ledger.violations()).toEqual([]);
  });

  it('after a crash during a create, marks the row unknown and holds the charge instead of re-sending', async () => {
    const h = await engineHarness();
    const batchId = seedRows(h.store, [{}, {}]);
    h.store.jobs.setBatchOptions(batchId, 'sandbox', options(h.outputDir));
    h.store.jobs.setBatchStatus(batchId, 'running');
    const [row] = h.store.jobs.rowsOf(batchId);
    // The state a crash leaves when it strikes between writing `submitting` and the provider's answer.
    const attemptId = h.store.jobs.beginAttempt({ rowId: row!.rowId, batchId, take: 1, run: 1, provider: 'kie', model: 'kling-3.0', classKey: 'k', request: {}, estimate: { micros: 70_000_000, unit: 'credits' } });
    expect(await h.engine.recover()).toEqual([batchId]);
    await h.engine.run(batchId)!.settled();
    expect(h.store.jobs.rowsOf(batchId).map((r) => r.status)).toEqual(['unknown', 'done']);
    expect(h.store.ledger.forAttempt(attemptId)).toMatchObject({ reserved: 70_000_000, held: 70_000_000 });
    expect(createsByPrompt(h.sim).get('row 1: a short scene')).toBeUndefined();
    expect(h.store.ledger.violations()).toEqual([]);
  });
});
