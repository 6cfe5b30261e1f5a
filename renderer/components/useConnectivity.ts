import { useEffect, useState } from 'react';
import type { GenvidApi } from '../../shared/contract/api.ts';
import type { Outage } from '../../shared/contract/providerSchemas.ts';

/**
 * The providers main cannot reach right now: asked once (a reloaded window learns of an outage
 * already under way), then kept current by main's `connectivity` events.
 */
export function useConnectivity(api: GenvidApi): Outage[] {
  const [outages, setOutages] = useState<Outage[]>([]);
  useEffect(() => {
    let heardEvent = false;
    const unsubscribe = api.onConnectivity((event) => {
      heardEvent = true;
      setOutages(event.outages);
    });
    api.getConnectivity().then(
      (answer) => {
        if (!heardEvent) setOutages(answer.outages);
      },
      // Not knowing is the same as no outage: the next event tells.
      () => undefined,
    );
    return unsubscribe;
  }, [api]);
  return outages;
}
