import { useEffect, useState } from 'react';
import type { ModelEntry, ProviderId } from '../../../shared/catalog/schema.ts';
import type { ProviderChoice } from '../../../shared/providers/choices.ts';
import { useApi } from '../../api/apiContext.ts';

/** The providers a batch can run on. Empty until loaded, or if they cannot be listed: the dialog then shows no choice. */
export function useProviderChoices(): ProviderChoice[] {
  const api = useApi();
  const [choices, setChoices] = useState<ProviderChoice[]>([]);
  useEffect(() => {
    let live = true;
    api.listProviders().then(
      ({ providers }) => live && setChoices(providers),
      () => live && setChoices([]),
    );
    return () => {
      live = false;
    };
  }, [api]);
  return choices;
}

/** The catalog models of one provider, for the default-model select. */
export function useCatalogModels(provider: ProviderId): ModelEntry[] {
  const api = useApi();
  const [models, setModels] = useState<{ provider: ProviderId; list: ModelEntry[] } | null>(null);
  useEffect(() => {
    let live = true;
    api.listModels({ provider }).then(
      (list) => live && setModels({ provider, list }),
      () => live && setModels({ provider, list: [] }),
    );
    return () => {
      live = false;
    };
  }, [api, provider]);
  return models?.provider === provider ? models.list : [];
}
