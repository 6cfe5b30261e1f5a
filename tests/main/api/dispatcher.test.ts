import { describe, expect, it, vi } from 'vitest';
import { createDispatcher, type Handlers } from '../../../main/api/dispatcher.ts';
import { calls } from '../../../shared/contract/calls.ts';
import { ApiCallError } from '../../../shared/contract/errors.ts';
import { tempDir } from '../../helpers/tempDir.ts';
import { scaledClock } from '../../../main/clock/clock.ts';
import { testCore } from '../../helpers/core.ts';
import { seedBatch } from '../../helpers/seed.ts';

describe('the dispatcher', () => {
  it('answers every call with output that matches the contract', async () => {
    const outputDir = tempDir('genvid-dispatch-out-');
    // The OS's file manager cannot run here: record what would have been opened.
    const revealed: string[] = [];
    const core = testCore({ clock: scaledClock(2_000), sandboxSpeed: 1, desktop: { open: async () => {}, reveal: async (path) => void revealed.push(path) } });
    const batchId = seedBatch(core.store, 'b', 3);
    const csv = Buffer.from('prompt,model\na cat on a sofa,kling-3.0\n').toString('base64');
    const results: Record<string, unknown> = {};
    const importId = () => (results.openImport as { importId: string }).importId;
    const finishedAttempt = async () => {
      await core.engine.run(batchId)?.settled();
      return core.store.review.gallery({ filter: 'all', limit: 1, offset: 0 }).items[0]!.attemptId;
    };
    // In call order: some inputs need what an earlier call returned.
    const inputs: Record<string, () => unknown> = {
      getAppInfo: () => undefined,
      getSettings: () => undefined,
      updateSettings: () => ({ theme: 'dark', outputDir }),
      listBatches: () => undefined,
      getRowsPage: () => ({ batchId, search: 'prompt' }),
      listProviders: () => undefined,
      setProviderKey: () => ({ provider: 'kie', key: 'kie-test-key-1234' }),
      clearProviderKey: () => ({ provider: 'kie' }),
      testConnection: () => ({ provider: 'sandbox' }),
      getConnectivity: () => undefined,
      listModels: () => ({ provider: 'kie' }),
      getBatch: () => ({ batchId }),
      planBatch: () => ({ batchId, provider: 'sandbox', concurrency: { profile: 'pro' } }),
      startBatch: () => ({ batchId, provider: 'sandbox', concurrency: { profile: 'pro' }, outputDir }),
      setTakePick: async () => ({ attemptId: await finishedAttempt(), pick: 'picked' }),
      listGallery: () => ({ pick: 'picked' }),
      getRowDetail: () => ({ rowId: 1 }),
      openFile: async () => ({ attemptId: await finishedAttempt(), how: 'reveal' }),
      pauseBatch: () => ({ batchId }),
      resumeBatch: () => ({ batchId }),
      cancelBatch: () => ({ batchId }),
      rerunRows: () => ({ batchId, rowIds: [1] }),
      cancelRows: () => ({ batchId, rowIds: [2] }),
      updateRows: () => ({ batchId, edits: [{ rowId: 3, fields: { prompt: 'edited' } }] }),
      exportBatch: () => ({ batchId, format: 'xlsx' }),
      openImport: () => ({ source: { kind: 'bytes', fileName: 'one.csv', base64: csv } }),
      reviseImport: () => ({ importId: importId(), encoding: 'utf-8' }),
      commitImport: () => ({ importId: importId(), name: 'one' }),
      closeImport: () => ({ importId: importId() }),
    };
    expect(Object.keys(inputs).sort()).toEqual(Object.keys(calls).sort());
    for (const [name, input] of Object.entries(inputs)) {
      const result = await core.dispatch(name, await input());
      expect(result.ok, `${name}: ${JSON.stringify(result)}`).toBe(true);
      if (result.ok) {
        expect(() => calls[name as keyof typeof calls].output.parse(result.value), name).not.toThrow();
        results[name] = result.value;
      }
    }
    expect(revealed).toEqual([(results.openFile as { path: string }).path]);
  });

  it('fills input defaults before calling the handler', async () => {
    const core = testCore();
    const batchId = seedBatch(core.store, 'b', 250);
    const result = await core.dispatch('getRowsPage', { batchId });
    expect(result).toMatchObject({ ok: true, value: { offset: 0, total: 250 } });
    if (result.ok) expect((result.value as { rows: unknown[] }).rows).toHaveLength(200);
  });

  it('refuses an unknown call', async () => {
    const result = await testCore().dispatch('dropDatabase', {});
    expect(result).toEqual({ ok: false, error: { code: 'unknown_call', message: 'Unknown call "dropDatabase".' } });
  });

  it.each([
    ['a wrong type', { batchId: 'seven' }, 'batchId'],
    ['a value out of range', { batchId: 1, limit: 5000 }, 'limit'],
    ['a negative offset', { batchId: 1, offset: -1 }, 'offset'],
    ['an unknown status', { batchId: 1, statuses: ['exploded'] }, 'statuses.0'],
    ['an unexpected key', { batchId: 1, sql: 'DROP TABLE rows' }, '(input)'],
    ['no input at all', undefined, '(input)'],
  ])('refuses %s, naming the field', async (_case, input, path) => {
    const result = await testCore().dispatch('getRowsPage', input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.issues?.map((issue) => issue.path)).toContain(path);
    expect(result.error.message).toMatch(new RegExp(`^Invalid input for getRowsPage: .*${path.replace(/[().]/g, '\\$&')}: `));
  });

  it('refuses settings it does not know or cannot accept, and changes nothing', async () => {
    const core = testCore();
    const before = await core.dispatch('getSettings', undefined);
    for (const patch of [{ language: 'klingon' }, { theme: 'dark', colour: 'red' }, { outputDir: '   ' }]) {
      expect(await core.dispatch('updateSettings', patch)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(await core.dispatch('getSettings', undefined)).toEqual(before);
  });

  it('reports a missing batch as not_found', async () => {
    expect(await testCore().dispatch('getRowsPage', { batchId: 42 })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'Batch 42 does not exist.' },
    });
  });

  it('hides an unexpected exception behind an internal error and reports it', async () => {
    const report = vi.fn();
    const handlers = {
      listBatches: () => {
        throw new Error('disk I/O error at /secret/path');
      },
    } as unknown as Handlers;
    const result = await createDispatcher(handlers, report)('listBatches', undefined);
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'listBatches failed inside Genvid; the details are in the log.' } });
    expect(report).toHaveBeenCalledWith(expect.objectContaining({ message: 'disk I/O error at /secret/path' }), 'listBatches');
  });

  it('passes an expected failure through as it was thrown', async () => {
    const handlers = {
      listBatches: () => {
        throw new ApiCallError({ code: 'not_found', message: 'gone' });
      },
    } as unknown as Handlers;
    expect(await createDispatcher(handlers, vi.fn())('listBatches', undefined)).toEqual({ ok: false, error: { code: 'not_found', message: 'gone' } });
  });
});
