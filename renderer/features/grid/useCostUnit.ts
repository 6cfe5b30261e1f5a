import { useEffect, useState } from 'react';
import { useApi } from '../../api/apiContext.ts';

/**
 * The unit of the batch's money (credits or dollars): rows carry micro-units without it, so the
 * grid asks the batch once. Unknown (a batch never started, or an older engine) shows bare numbers.
 */
export function useCostUnit(batchId: number): 'credits' | 'usd' | null {
  const api = useApi();
  const [unit, setUnit] = useState<'credits' | 'usd' | null>(null);
  useEffect(() => {
    let live = true;
    api
      .getBatch({ batchId })
      .then((detail) => {
        if (live) setUnit(detail.spent[0]?.unit ?? detail.estimate[0]?.unit ?? null);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api, batchId]);
  return unit;
}
