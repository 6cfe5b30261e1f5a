import { create } from 'zustand';
import type { GenvidApi } from '../../shared/contract/api.ts';
import type { AppInfo } from '../../shared/contract/calls.ts';
import type { BatchSummary } from '../../shared/domain/batch.ts';
import type { Settings, SettingsPatch } from '../../shared/domain/settings.ts';
import { ApiCallError } from '../../shared/contract/errors.ts';

export type LoadState =
  | { kind: 'loading' }
  | { kind: 'ready' }
  | { kind: 'failed'; code: string; message: string };

/** Which screen is showing. */
export type View = { kind: 'batches' } | { kind: 'batch'; batchId: number } | { kind: 'gallery'; batchId?: number } | { kind: 'settings' };

export interface AppState {
  view: View;
  navigate(view: View): void;
  /** Replaces the summaries of batches that changed (from the engine's updates); new ones are added. */
  mergeBatches(changed: readonly BatchSummary[]): void;
  /** Lists the batches again (after an import). */
  reloadBatches(api: GenvidApi): Promise<void>;
  load: LoadState;
  appInfo: AppInfo | null;
  settings: Settings | null;
  batches: BatchSummary[];
  /** Loads everything the first screen needs. */
  start(api: GenvidApi): Promise<void>;
  /** Applies the change at once; if main refuses it, rolls it back and rejects with main's error. */
  updateSettings(api: GenvidApi, patch: SettingsPatch): Promise<void>;
}

export const useAppStore = create<AppState>()((set, get) => ({
  load: { kind: 'loading' },
  view: { kind: 'batches' },
  navigate(view) {
    set({ view });
  },
  mergeBatches(changed) {
    if (changed.length === 0) return;
    set((state) => {
      const byId = new Map(changed.map((batch) => [batch.id, batch]));
      const batches = state.batches.map((batch) => byId.get(batch.id) ?? batch);
      const added = changed.filter((batch) => !state.batches.some((known) => known.id === batch.id));
      return { batches: added.length > 0 ? [...added, ...batches] : batches };
    });
  },
  async reloadBatches(api) {
    set({ batches: await api.listBatches() });
  },
  appInfo: null,
  settings: null,
  batches: [],

  async start(api) {
    set({ load: { kind: 'loading' } });
    try {
      const [appInfo, settings, batches] = await Promise.all([api.getAppInfo(), api.getSettings(), api.listBatches()]);
      set({ appInfo, settings, batches, load: { kind: 'ready' } });
    } catch (error) {
      set({ load: failure(error) });
    }
  },

  async updateSettings(api, patch) {
    const before = get().settings;
    if (before) set({ settings: { ...before, ...patch } });
    try {
      set({ settings: await api.updateSettings(patch) });
    } catch (error) {
      // The screen that asked shows why; the app itself stays usable.
      set({ settings: before });
      throw error;
    }
  },
}));

function failure(error: unknown): LoadState {
  return error instanceof ApiCallError
    ? { kind: 'failed', code: error.code, message: error.message }
    : { kind: 'failed', code: 'internal', message: String(error) };
}
