import type { ProviderId } from '../../shared/catalog/schema.ts';
import { ProviderError } from './errors.ts';
import { openStream, redactUrl } from './http.ts';
import type { DownloadOptions, DownloadStream, FetchLike } from './types.ts';

/**
 * Opens a result file, resuming at `offset` with HTTP Range (and If-Range, so a changed file
 * restarts from zero instead of being spliced). A link that is gone is `expired`; a server error
 * is `transient`.
 */
export async function openRangedDownload(
  fetchImpl: FetchLike,
  provider: ProviderId,
  url: string,
  options: DownloadOptions & { headers?: Record<string, string>; timeoutMs: number },
): Promise<DownloadStream> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.offset && options.offset > 0) {
    headers.Range = `bytes=${options.offset}-`;
    if (options.etag) headers['If-Range'] = options.etag;
  }
  const response = await openStream(fetchImpl, { provider, url, headers, timeoutMs: options.timeoutMs, signal: options.signal });
  if ((response.status === 200 || response.status === 206) && response.body) {
    return {
      body: response.body,
      status: response.status,
      totalBytes: totalSize(response),
      etag: response.headers.get('etag') ?? undefined,
    };
  }
  await response.body?.cancel();
  const where = redactUrl(url);
  if ([401, 403, 404, 410].includes(response.status)) {
    return Promise.reject(new ProviderError({ kind: 'expired', provider, providerCode: String(response.status), detail: `the result link answered HTTP ${response.status}: ${where}` }));
  }
  return Promise.reject(new ProviderError({ kind: 'transient', provider, providerCode: String(response.status), detail: `the download answered HTTP ${response.status}: ${where}` }));
}

function totalSize(response: Response): number | undefined {
  const range = response.headers.get('content-range');
  const fromRange = range ? /\/(\d+)$/.exec(range)?.[1] : undefined;
  if (fromRange) return Number(fromRange);
  const length = response.headers.get('content-length');
  return response.status === 200 && length ? Number(length) : undefined;
}
