import { create } from 'zustand';
import type { RowPatch, RowView } from '../../shared/domain/batch.ts';

/**
 * Rows by id, normalised, so that a batch of patches from main touches only the rows it names and
 * the grid re-renders only those.
 */
export interface RowsState {
  byId: Record<number, RowView>;
  /** Stores rows fetched from a page. */
  upsertRows(rows: readonly RowView[]): void;
  /** Merges patches into rows already loaded; patches for rows not loaded are ignored. */
  applyPatches(patches: readonly RowPatch[]): void;
}

export const useRowsStore = create<RowsState>()((set) => ({
  byId: {},
  upsertRows(rows) {
    set((state) => {
      const byId = { ...state.byId };
      for (const row of rows) byId[row.id] = row;
      return { byId };
    });
  },
  applyPatches(patches) {
    set((state) => {
      let byId: Record<number, RowView> | undefined;
      for (const patch of patches) {
        const current = (byId ?? state.byId)[patch.id];
        if (!current) continue;
        byId ??= { ...state.byId };
        byId[patch.id] = { ...current, ...stripUndefined(patch) };
      }
      return byId ? { byId } : state;
    });
  },
}));

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
