import type { ProviderId } from '../../shared/catalog/schema.ts';
import { openRangedDownload } from './download.ts';
import { callProvider, type HttpCall, type HttpReply } from './http.ts';
import { joinUrl, timeoutsFor, type Timeouts } from './timeouts.ts';
import type { DownloadOptions, DownloadStream, FetchLike, ProviderConnection } from './types.ts';

/** One provider account's HTTP: its address, its key in that provider's auth scheme, its timeouts. */
export class ProviderClient {
  readonly provider: ProviderId;
  private readonly baseUrl: string;
  private readonly authorization: string;
  private readonly fetch: FetchLike;
  private readonly timeouts: Timeouts;

  constructor(provider: ProviderId, connection: ProviderConnection, scheme: 'Bearer' | 'Key') {
    this.provider = provider;
    this.baseUrl = connection.baseUrl;
    this.authorization = `${scheme} ${connection.apiKey}`;
    this.fetch = connection.fetch ?? fetch;
    this.timeouts = timeoutsFor(connection);
  }

  /** An address under the configured base URL (which may carry a gateway's path prefix). */
  url(path: string): string {
    return joinUrl(this.baseUrl, path);
  }

  /** A JSON call with the key; a create gets the longer timeout. */
  send(phase: HttpCall['phase'], method: HttpCall['method'], url: string, body?: string): Promise<HttpReply> {
    return callProvider(this.fetch, {
      provider: this.provider,
      phase,
      method,
      url,
      headers: { Authorization: this.authorization, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body,
      timeoutMs: phase === 'create' ? this.timeouts.createMs : this.timeouts.readMs,
    });
  }

  /** A result file; public links get no key, a provider's own content endpoint does. */
  download(url: string, options: DownloadOptions, withKey: boolean): Promise<DownloadStream> {
    return openRangedDownload(this.fetch, this.provider, url, {
      ...options,
      ...(withKey ? { headers: { Authorization: this.authorization } } : {}),
      timeoutMs: this.timeouts.downloadMs,
    });
  }
}
