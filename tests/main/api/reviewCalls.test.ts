import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scaledClock } from '../../../main/clock/clock.ts';
import type { EventMessage } from '../../../main/api/eventHub.ts';
import { callOk, testCore } from '../../helpers/core.ts';
import { seedRows } from '../../helpers/engineHarness.ts';
import { tempDir } from '../../helpers/tempDir.ts';
import { testBrowserMode } from '../../helpers/browserMode.ts';

/** A core whose Sandbox batch of `rows` has run to the end, writing into its own output folder. */
async function ranBatch(rows: Parameters<typeof seedRows>[1]) {
  const outputDir = tempDir('genvid-review-out-');
  const core = testCore({ clock: scaledClock(2_000), sandboxSpeed: 1 });
  await core.dispatch('updateSettings', { outputDir });
  const messages: EventMessage[] = [];
  core.events.subscribe((message) => messages.push(message));
  const batchId = seedRows(core.store, rows);
  await core.dispatch('startBatch', { batchId, provider: 'sandbox', concurrency: { profile: 'pro' } });
  await core.engine.run(batchId)!.settled();
  core.rowPatches.flush();
  return { core, batchId, outputDir, messages };
}

describe('reviewing a batch over the contract', () => {
  it('shows a row with its attempts, video and log, and keeps picks for the gallery', async () => {
    const { core, batchId } = await ranBatch([{}, { takes: 2 }]);
    const [, second] = core.store.jobs.rowsOf(batchId);
    const detail = { value: await callOk(core, 'getRowDetail', { rowId: second!.rowId }) };
    expect(detail.value.attempts).toHaveLength(2);
    expect(detail.value.attempts.every((attempt) => attempt.status === 'succeeded' && attempt.file?.exists && attempt.taskId)).toBe(true);
    expect(detail.value.logs.some((line) => line.message.includes('done'))).toBe(true);
    expect(detail.value.row.outputAttemptId).not.toBeNull();

    const [first, other] = detail.value.attempts;
    await core.dispatch('setTakePick', { attemptId: first!.attemptId, pick: 'picked' });
    await core.dispatch('setTakePick', { attemptId: other!.attemptId, pick: 'rejected' });
    const picked = await core.dispatch('listGallery', { batchId, pick: 'picked' });
    expect(picked).toMatchObject({ ok: true, value: { total: 1, items: [{ attemptId: first!.attemptId, pick: 'picked' }] } });
    expect(await core.dispatch('listGallery', { batchId, pick: 'unpicked' })).toMatchObject({ ok: true, value: { total: 1 } });
    expect(await core.dispatch('getRowsPage', { batchId, pick: 'rejected' })).toMatchObject({ ok: true, value: { total: 1, rows: [{ id: second!.rowId }] } });
  });

  it('announces the finished batch once its rows are all sent, with the batch counted again', async () => {
    const { messages, batchId } = await ranBatch([{}, {}]);
    const attention = messages.findIndex((message) => message.name === 'attention');
    expect(messages[attention]?.payload).toMatchObject({ batchId, what: 'finished', reason: null });
    const lastRows = messages.slice(0, attention).filter((message) => message.name === 'rowPatches').at(-1);
    expect(lastRows?.payload).toMatchObject({ batches: [{ id: batchId, statusCounts: { done: 2 } }] });
  });

  it('edits failed rows as typed, checks them like an import, and refuses rows that ran', async () => {
    const { core, batchId } = await ranBatch([{ prompt: 'fine' }, { prompt: 'blocked #sandbox-fail' }]);
    const [done, failed] = core.store.jobs.rowsOf(batchId);
    expect(failed!.status).toBe('failed');
    const edited = await core.dispatch('updateRows', { batchId, edits: [{ rowId: failed!.rowId, fields: { prompt: 'now allowed', duration: '10秒' } }, { rowId: done!.rowId, fields: { prompt: 'x' } }] });
    expect(edited).toEqual({ ok: true, value: { updated: [failed!.rowId], refused: [{ rowId: done!.rowId, reason: 'running_or_done' }] } });
    expect(core.store.rows.view(failed!.rowId)).toMatchObject({ prompt: 'now allowed', durationS: 10, issues: [] });

    const badModel = await core.dispatch('updateRows', { batchId, edits: [{ rowId: failed!.rowId, fields: { model: 'kling-9' } }] });
    expect(badModel.ok).toBe(true);
    expect(core.store.rows.view(failed!.rowId)!.issues.map((issue) => issue.messageKey)).toContain('sheetIssue.unknown_model_suggest');
  });

  it('cancels only rows that are waiting, never a done row', async () => {
    const { core, batchId } = await ranBatch([{}]);
    const [row] = core.store.jobs.rowsOf(batchId);
    await core.dispatch('cancelRows', { batchId, rowIds: [row!.rowId] });
    expect(core.store.rows.view(row!.rowId)!.status).toBe('done');
  });

  it('exports the results beside the videos', async () => {
    const { core, batchId, outputDir } = await ranBatch([{}]);
    const result = await core.dispatch('exportBatch', { batchId, format: 'csv' });
    expect(result).toMatchObject({ ok: true, value: { rows: 1, path: expect.stringContaining(join(outputDir, 'exports')) } });
  });
});

describe('the media route of browser mode', () => {
  it('serves a video by attempt id with the token, in byte ranges, and nothing outside the output folder', async () => {
    const { core, batchId } = await ranBatch([{}]);
    const server = await testBrowserMode(core);
    const attemptId = core.store.rows.view(core.store.jobs.rowsOf(batchId)[0]!.rowId)!.outputAttemptId!;
    const base = `http://127.0.0.1:${server.port}/media/${attemptId}`;
    expect((await fetch(base)).status).toBe(403);
    expect((await fetch(`${base}?token=wrong`)).status).toBe(403);
    const whole = await fetch(`${base}?token=${server.token}`);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('video/mp4');
    const bytes = new Uint8Array(await whole.arrayBuffer());
    expect(new TextDecoder().decode(bytes.subarray(4, 8))).toBe('ftyp');
    const part = await fetch(`${base}?token=${server.token}`, { headers: { Range: 'bytes=4-7' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 4-7/${bytes.length}`);
    expect(await part.text()).toBe('ftyp');

    // A path in the database that points outside the output folder is never served.
    const elsewhere = join(tempDir('genvid-elsewhere-'), 'secret.mp4');
    mkdirSync(join(elsewhere, '..'), { recursive: true });
    copyFileSync(core.store.review.attemptFile(attemptId)!.path, elsewhere);
    core.store.jobs.markDownloaded(attemptId, { path: elsewhere, bytes: bytes.length, sha256: 'x' }, { rowId: core.store.jobs.rowsOf(batchId)[0]!.rowId, status: 'done' });
    expect((await fetch(`${base}?token=${server.token}`)).status).toBe(404);
  });
});

describe('a batch in detail', () => {
  it('reports what was spent and what the whole batch should cost', async () => {
    const { core, batchId } = await ranBatch([{}, {}]);
    const detail = await callOk(core, 'getBatch', { batchId });
    expect(detail.summary).toMatchObject({ id: batchId, status: 'completed', statusCounts: { done: 2 } });
    expect(detail.options).toMatchObject({ provider: 'sandbox' });
    expect(detail.spent).toEqual([{ unit: 'credits', micros: expect.any(Number) }]);
    expect(detail.spent[0]!.micros).toBeGreaterThan(0);
    // Nothing is left to run, so the estimate is what was spent.
    expect(detail.estimate).toEqual(detail.spent);
  });
});
