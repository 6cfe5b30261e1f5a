import { create } from 'zustand';
import type { RowPatch, RowView } from '../../shared/domain/batch.ts';

/**
 * Rows by id, normalised, so that a batch of patches from main touches only the rows it names and
 * the grid re-renders only those (a row keeps its object identity until something in it changes).
 * Holds only rows some screen has loaded; the grid evicts the pages it scrolls far away from, so a
 * 100,000-row batch never sits in memory whole.
 */
export interface RowsState {
  byId: Record<number, RowView>;
  /**
   * Stores rows fetched from a page. A row a patch has already made newer (a page answered after
   * the patch arrived) keeps the newer version.
   */
  upsertRows(rows: readonly RowView[]): void;
  /** Replaces rows whatever their age: to undo an optimistic edit main refused. */
  replaceRows(rows: readonly RowView[]): void;
  /** Merges patches into rows already loaded; patches for rows not loaded are ignored. */
  applyPatches(patches: readonly RowPatch[]): void;
  /** Forgets rows no screen shows any more. */
  evictRows(ids: Iterable<number>): void;
}

export const useRowsStore = create<RowsState>()((set) => ({
  byId: {},
  upsertRows(rows) {
    set((state) => {
      let byId: Record<number, RowView> | undefined;
      for (const row of rows) {
        const current = (byId ?? state.byId)[row.id];
        if (current && (current.updatedAt > row.updatedAt || sameRow(current, row))) continue;
        byId ??= { ...state.byId };
        byId[row.id] = row;
      }
      return byId ? { byId } : state;
    });
  },
  replaceRows(rows) {
    if (rows.length === 0) return;
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
  evictRows(ids) {
    set((state) => {
      let byId: Record<number, RowView> | undefined;
      for (const id of ids) {
        if (!(id in (byId ?? state.byId))) continue;
        byId ??= { ...state.byId };
        delete byId[id];
      }
      return byId ? { byId } : state;
    });
  },
}));

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Refetched pages mostly bring rows unchanged; keeping the old object spares their re-render. */
function sameRow(a: RowView, b: RowView): boolean {
  for (const key of Object.keys(b) as (keyof RowView)[]) {
    const [x, y] = [a[key], b[key]];
    // Lists (the row's issues) arrive as new arrays each time: compare what they hold.
    if (x !== y && !(typeof x === 'object' && typeof y === 'object' && JSON.stringify(x) === JSON.stringify(y))) return false;
  }
  return true;
}
