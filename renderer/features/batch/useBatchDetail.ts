import { useCallback, useEffect, useState } from 'react';
import type { BatchDetail } from '../../../shared/contract/calls.ts';
import { useApi } from '../../api/apiContext.ts';
import { useAppStore } from '../../store/appStore.ts';

/**
 * The batch's options, spend and estimate, fetched again when its status or done count changes
 * (the live counts themselves come from the engine's updates, through the app store).
 */
export function useBatchDetail(batchId: number): { detail: BatchDetail | null; refresh: () => void } {
  const api = useApi();
  const [detail, setDetail] = useState<BatchDetail | null>(null);
  const summary = useAppStore((state) => state.batches.find((batch) => batch.id === batchId));
  const refresh = useCallback(() => {
    void api.getBatch({ batchId }).then(setDetail, () => setDetail(null));
  }, [api, batchId]);
  const done = summary?.statusCounts.done ?? 0;
  const failed = summary?.statusCounts.failed ?? 0;
  useEffect(() => {
    // Spend changes as videos finish: at most a few times a second, so no flood of calls.
    const timer = setTimeout(refresh, 300);
    return () => clearTimeout(timer);
  }, [refresh, summary?.status, done, failed]);
  return { detail, refresh };
}
