import { createContext, useContext } from 'react';
import type { GenvidApi } from '../../shared/contract/api.ts';

export const ApiContext = createContext<GenvidApi | null>(null);

export function useApi(): GenvidApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() used outside <ApiContext.Provider>.');
  return api;
}
