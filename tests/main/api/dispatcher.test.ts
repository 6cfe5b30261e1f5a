import { describe, expect, it, vi } from 'vitest';
import { createDispatcher, type Handlers } from '../../../main/api/dispatcher.ts';
import { calls } from '../../../shared/contract/calls.ts';
import { ApiCallError } from '../../../shared/contract/errors.ts';
import { testCore } from '../../helpers/core.ts';
import { seedBatch } from '../../helpers/seed.ts';

describe('the dispatcher', () => {
  it('answers every call with output that matches the contract', async () => {
    const core = testCore();
    const batchId = seedBatch(core.store, 'b', 3);
    const inputs = {
      getAppInfo: undefined,
      getSettings: undefined,
      updateSettings: { theme: 'dark' },
      listBatches: undefined,
      getRowsPage: { batchId },
      listProviders: undefined,
      listModels: { provider: 'kie' },
      planBatch: { batchId, provider: 'sandbox', concurrency: { profile: 'pro' } },
      startBatch: { batchId, provider: 'sandbox', concurrency: { profile: 'pro' }, outputDir: '/tmp/genvid-dispatch-test' },
      pauseBatch: { batchId },
      resumeBatch: { batchId },
      cancelBatch: { batchId },
      rerunRows: { batchId, rowIds: [1] },
    } as const;
    expect(Object.keys(inputs).sort()).toEqual(Object.keys(calls).sort());
    for (const [name, input] of Object.entries(inputs)) {
      const result = await core.dispatch(name, input);
      expect(result.ok, name).toBe(true);
      if (result.ok) expect(() => calls[name as keyof typeof calls].output.parse(result.value)).not.toThrow();
    }
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
