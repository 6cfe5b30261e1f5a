import { useCallback, useEffect, useRef, useState } from 'react';
import type { Pick, RowDetail } from '../../../shared/contract/reviewSchemas.ts';
import type { RowView } from '../../../shared/domain/batch.ts';
import { useApi } from '../../api/apiContext.ts';
import { useRowsStore } from '../../store/rowsStore.ts';

export type DetailState = { kind: 'loading' } | { kind: 'ready'; detail: RowDetail } | { kind: 'failed'; error: unknown };

/** Refetches at most this often while the engine keeps changing the row (progress ticks every poll). */
const REFRESH_MS = 400;

/** What about a row means its attempts, files or logs may have changed. */
function versionOf(row: RowView | undefined): string | null {
  return row ? `${row.status}|${row.updatedAt}|${row.attemptCount}|${row.outputAttemptId ?? ''}` : null;
}

/**
 * A row's detail, fetched again whenever the grid's live copy of the row changes. The refetch is
 * throttled rather than debounced: a running row changes every 100 ms, and a debounce would never fire.
 */
export function useRowDetail(rowId: number) {
  const api = useApi();
  const [state, setState] = useState<DetailState>({ kind: 'loading' });
  const request = useRef(0);
  const loadedVersion = useRef<string | null>(null);
  const pending = useRef<number | null>(null);

  const load = useCallback(async () => {
    const mine = ++request.current;
    loadedVersion.current = versionOf(useRowsStore.getState().byId[rowId]);
    try {
      const detail = await api.getRowDetail({ rowId });
      // A newer request (or another row) wins: answers can arrive out of order.
      if (mine === request.current) setState({ kind: 'ready', detail });
    } catch (error) {
      if (mine === request.current) setState({ kind: 'failed', error });
    }
  }, [api, rowId]);

  useEffect(() => {
    setState({ kind: 'loading' });
    void load();
  }, [load]);

  const schedule = useCallback(() => {
    if (pending.current !== null) return;
    pending.current = window.setTimeout(() => {
      pending.current = null;
      void load();
    }, REFRESH_MS);
  }, [load]);

  const version = useRowsStore((state) => versionOf(state.byId[rowId]));
  useEffect(() => {
    if (version !== null && version !== loadedVersion.current) schedule();
  }, [version, schedule]);

  // The grid's store keeps only rows it has loaded (and evicts far pages), so the pane also listens
  // to the engine's patches itself: a row re-run from here keeps updating even when the grid has let it go.
  useEffect(
    () =>
      api.onRowPatches(({ patches }) => {
        if (patches.some((patch) => patch.id === rowId)) schedule();
      }),
    [api, rowId, schedule],
  );
  useEffect(
    () => () => {
      if (pending.current !== null) window.clearTimeout(pending.current);
      pending.current = null;
    },
    [],
  );

  /** Shows a pick main has confirmed without fetching the whole detail again. */
  const applyPick = useCallback((attemptId: number, pick: Pick | null) => {
    setState((current) =>
      current.kind === 'ready'
        ? { kind: 'ready', detail: { ...current.detail, attempts: current.detail.attempts.map((a) => (a.attemptId === attemptId ? { ...a, pick } : a)) } }
        : current,
    );
  }, []);

  return { state, reload: load, applyPick };
}
