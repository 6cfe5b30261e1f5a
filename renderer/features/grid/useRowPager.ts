import { useEffect, useState, useSyncExternalStore } from 'react';
import { useApi } from '../../api/apiContext.ts';
import { useRowsStore } from '../../store/rowsStore.ts';
import { RowPager, type PagerSnapshot, type RowQuery } from './rowPager.ts';

/**
 * One pager per mounted grid, fed by the API and the rows store. The query is compared by value,
 * so a re-render with an equal filter does not refetch.
 */
export function useRowPager(query: RowQuery): { pager: RowPager; snapshot: PagerSnapshot } {
  const api = useApi();
  const [pager] = useState(
    () =>
      new RowPager({
        fetchPage: (q, offset, limit) => api.getRowsPage({ ...q, offset, limit }),
        upsertRows: (rows) => useRowsStore.getState().upsertRows(rows),
        evictRows: (ids) => useRowsStore.getState().evictRows(ids),
        loadedRow: (id) => useRowsStore.getState().byId[id],
      }),
  );
  const queryKey = JSON.stringify(query);

  useEffect(() => {
    pager.setQuery(JSON.parse(queryKey) as RowQuery);
  }, [pager, queryKey]);

  // App.tsx applies the patches to the rows store; the pager only needs to know whether they may
  // move rows in or out of the filter.
  useEffect(() => api.onRowPatches(({ patches }) => pager.notePatches(patches)), [api, pager]);

  useEffect(() => () => pager.dispose(), [pager]);

  const snapshot = useSyncExternalStore(pager.subscribe, pager.getSnapshot);
  return { pager, snapshot };
}
