import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { usePlatform, type Platform } from '../api/platform.ts';
import { capturePoster } from './capturePoster.ts';
import { PosterStore, type Poster } from './posterStore.ts';

/** One store per platform (there is one platform per page), made when a poster is first wanted. */
const stores = new WeakMap<Platform, PosterStore>();

function posterStoreFor(platform: Platform): PosterStore {
  let store = stores.get(platform);
  if (!store) {
    store = new PosterStore((attemptId) => capturePoster(platform.mediaUrl(attemptId)));
    stores.set(platform, store);
  }
  return store;
}

/** The still of an attempt's video, asked for while the calling component is mounted. */
export function usePoster(attemptId: number): Poster | undefined {
  const store = posterStoreFor(usePlatform());
  const poster = useSyncExternalStore(
    useCallback((listener: () => void) => store.subscribe(attemptId, listener), [store, attemptId]),
    () => store.get(attemptId),
  );
  const missing = poster === undefined;
  useEffect(() => (missing ? store.request(attemptId) : undefined), [store, attemptId, missing]);
  return poster;
}
