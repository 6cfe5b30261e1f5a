import type { ProviderConnection } from './types.ts';

export interface Timeouts {
  createMs: number;
  readMs: number;
  downloadMs: number;
}

/** A create may take a while to be acknowledged; a status query should be quick. */
export const DEFAULT_TIMEOUTS: Timeouts = { createMs: 60_000, readMs: 20_000, downloadMs: 30_000 };

export function timeoutsFor(connection: ProviderConnection): Timeouts {
  return { ...DEFAULT_TIMEOUTS, ...connection.timeouts };
}

/** Joins a base URL (which may carry a path prefix, as gateways do) and a path. */
export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
