import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import type { ProvidersOutputSchema } from '../../../shared/contract/providerSchemas.ts';
import { useApi } from '../../api/apiContext.ts';

export type ProvidersInfo = z.infer<typeof ProvidersOutputSchema>;
export type ProvidersState = { kind: 'loading' } | { kind: 'ready'; info: ProvidersInfo } | { kind: 'failed'; error: unknown };

/** The providers with whether each has a key (never the key), and where keys are kept. */
export function useProviders() {
  const api = useApi();
  const [state, setState] = useState<ProvidersState>({ kind: 'loading' });
  const load = useCallback(async () => {
    try {
      setState({ kind: 'ready', info: await api.listProviders() });
    } catch (error) {
      setState({ kind: 'failed', error });
    }
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);
  /** Saving or removing a key answers with the whole list again. */
  const replace = useCallback((info: ProvidersInfo) => setState({ kind: 'ready', info }), []);
  return { state, reload: load, replace };
}
