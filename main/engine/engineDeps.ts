import type { ProviderId } from '../../shared/catalog/schema.ts';
import type { ProviderChoiceId } from '../../shared/providers/choices.ts';
import type { Clock } from '../clock/clock.ts';
import type { Store } from '../db/store.ts';
import type { Catalog } from '../providers/catalog/catalog.ts';
import type { ProviderAdapter } from '../providers/types.ts';
import type { RateBudget } from './rateLimiter.ts';
import type { Outage } from './reachability.ts';

/** Why the engine paused a batch by itself; null reasons are the creator's own pauses. */
export interface PauseReason {
  kind: 'auth' | 'funds' | 'cap' | 'disk';
  /** In English, for the log and the batch's stored reason. */
  detail: string;
}

/** A batch's provider, ready to use: its adapter, whose catalog it uses, and its key's rate budget. */
export interface ProviderHandle {
  adapter: ProviderAdapter;
  catalogProvider: ProviderId;
  budget: RateBudget;
  /** Resolves when the provider's address answers at all: how an outage is seen to end. */
  probe(): Promise<void>;
  /**
   * How much faster than the catalog's times this provider works: the Sandbox's simulator runs
   * ten times faster than real, so its first videos are expected (and polled for) that much sooner.
   */
  timeScale?: number;
}

/**
 * Everything the engine needs from outside, injected so the app, the CLI, the tests and the
 * benchmark each run the same engine: the database, the catalog, time, randomness, providers.
 */
export interface EngineDeps {
  store: Store;
  catalog: Catalog;
  clock: Clock;
  random: () => number;
  /** The provider at its configured address, or at `baseUrl` when the batch was sent elsewhere. */
  provider(choice: ProviderChoiceId, baseUrl?: string): Promise<ProviderHandle>;
  /** Told after every change to a row, so the change reaches the renderer (coalesced there). */
  onRowChanged(rowId: number): void;
  /** Told when a batch finishes or needs the user (bad key, no credits, cap reached). */
  onBatchAttention?(batchId: number, what: 'finished' | 'paused', reason: PauseReason | null): void;
  /** Told when a provider stops or starts answering, with every provider that cannot be reached now. */
  onConnectivity?(outages: Outage[]): void;
  /** Downloads at once; default 4. */
  downloadConcurrency?: number;
}
