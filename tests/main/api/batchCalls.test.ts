import { describe, expect, it } from 'vitest';
import { scaledClock } from '../../../main/clock/clock.ts';
import type { EventMessage } from '../../../main/api/eventHub.ts';
import { testCore } from '../../helpers/core.ts';
import { seedRows } from '../../helpers/engineHarness.ts';
import { tempDir } from '../../helpers/tempDir.ts';

describe('running a batch through the contract', () => {
  it('plans, starts on the Sandbox, streams row changes and finishes every row', async () => {
    // The whole app runs 2,000 times faster; the Sandbox at the same pace as the app.
    const core = testCore({ clock: scaledClock(2_000), sandboxSpeed: 1 });
    await core.recovered;
    const batchId = seedRows(core.store, [{}, {}, { takes: 2 }]);
    const messages: EventMessage[] = [];
    core.events.subscribe((message) => messages.push(message));

    const plan = await core.dispatch('planBatch', { batchId, provider: 'sandbox', concurrency: { profile: 'pro' } });
    expect(plan).toMatchObject({ ok: true, value: { rows: 3, videos: 4, estimate: [{ unit: 'credits', micros: 280_000_000 }], affordable: true } });

    const outputDir = tempDir('genvid-out-');
    expect(await core.dispatch('startBatch', { batchId, provider: 'sandbox', concurrency: { profile: 'pro' }, outputDir })).toEqual({ ok: true, value: { started: true } });
    await core.engine.run(batchId)!.settled();
    core.rowPatches.flush();

    expect(core.store.jobs.rowsOf(batchId).map((row) => row.status)).toEqual(['done', 'done', 'done']);
    const patched = messages.flatMap((message) => (message.name === 'rowPatches' ? message.payload.patches : []));
    expect(patched.filter((patch) => patch.status === 'done').map((patch) => patch.id).sort()).toEqual(core.store.jobs.rowsOf(batchId).map((row) => row.rowId));
    expect(core.store.ledger.violations()).toEqual([]);
  });

  it('refuses a real provider without a key, saying which variable to set', async () => {
    const core = testCore({ env: {} });
    const batchId = seedRows(core.store, [{}]);
    const result = await core.dispatch('planBatch', { batchId, provider: 'kie', concurrency: { profile: 'pro' } });
    expect(result).toEqual({ ok: false, error: { code: 'missing_key', message: 'No API key for kie: add its key in Settings, or set GENVID_KIE_KEY.' } });
  });

  it('answers not_found for a batch that does not exist', async () => {
    expect(await testCore().dispatch('pauseBatch', { batchId: 99 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
