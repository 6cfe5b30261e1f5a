import { useCallback, useEffect, useRef, useState } from 'react';
import type { GalleryItem, Pick } from '../../../shared/contract/reviewSchemas.ts';
import { useApi } from '../../api/apiContext.ts';

export type PickFilter = 'all' | 'picked' | 'rejected' | 'unpicked';

/** Cards fetched per page: enough to fill a large window, few enough that metadata loads quickly. */
export const PAGE_SIZE = 24;

function matches(filter: PickFilter, pick: Pick | null): boolean {
  if (filter === 'all') return true;
  if (filter === 'unpicked') return pick === null;
  return pick === filter;
}

/** The gallery's pages: the first on a filter change, more on demand. */
export function useGallery(batchId: number | undefined, filter: PickFilter) {
  const api = useApi();
  const [items, setItems] = useState<GalleryItem[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const request = useRef(0);

  const fetchPage = useCallback(
    async (offset: number) => {
      const mine = ++request.current;
      setLoading(true);
      setError(null);
      try {
        const page = await api.listGallery({ batchId, pick: filter, offset, limit: PAGE_SIZE });
        // A filter change while a page was on its way makes that page stale.
        if (mine !== request.current) return;
        setTotal(page.total);
        setItems((current) => (offset === 0 ? page.items : [...current, ...page.items.filter((item) => !current.some((known) => known.attemptId === item.attemptId))]));
      } catch (failure) {
        if (mine === request.current) setError(failure);
      } finally {
        if (mine === request.current) setLoading(false);
      }
    },
    [api, batchId, filter],
  );

  useEffect(() => {
    setItems([]);
    void fetchPage(0);
  }, [fetchPage]);

  /**
   * Records a confirmed pick. A card that no longer matches the filter leaves the list; main's list
   * shrinks by the same one, so the next page's offset (the cards shown) stays right.
   */
  const applyPick = useCallback(
    (attemptId: number, pick: Pick | null) => {
      if (matches(filter, pick)) {
        setItems((current) => current.map((item) => (item.attemptId === attemptId ? { ...item, pick } : item)));
      } else {
        setItems((current) => current.filter((item) => item.attemptId !== attemptId));
        setTotal((current) => Math.max(0, current - 1));
      }
    },
    [filter],
  );

  return {
    items,
    total,
    loading,
    error,
    loadMore: () => void fetchPage(items.length),
    reload: () => void fetchPage(0),
    applyPick,
  };
}
