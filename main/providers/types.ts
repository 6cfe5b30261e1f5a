import type { ModelEntry, ProviderId, Protocol } from '../../shared/catalog/schema.ts';
import type { ResolvedRequest } from '../../shared/catalog/request.ts';
import type { ProviderError } from './errors.ts';

export type FetchLike = typeof fetch;

/** How to reach one provider account: its address (gateways and the simulator change it) and key. */
export interface ProviderConnection {
  baseUrl: string;
  apiKey: string;
  fetch?: FetchLike;
  /** Milliseconds to wait for a create, a status query, and the start of a download. */
  timeouts?: Partial<{ createMs: number; readMs: number; downloadMs: number }>;
}

/**
 * Everything needed to find a submitted job again, JSON-serialisable so it is stored with the
 * attempt the instant the create answers, and survives a restart.
 */
export interface TaskRef {
  provider: ProviderId;
  protocol: Protocol;
  wireModel: string;
  taskId: string;
  /** fal returns these; they differ from the submit path for endpoints with sub-paths. */
  statusUrl?: string;
  responseUrl?: string;
  cancelUrl?: string;
}

export interface ReportedCost {
  amount: number;
  unit: 'credits' | 'usd';
}

export type PollResult =
  | {
      state: 'pending' | 'running';
      /** 0–100 when the provider reports it. */
      progress?: number;
      /** The provider's own hint for the next status query (openai-poll-after-ms). */
      pollAfterMs?: number;
      queuePosition?: number;
    }
  | {
      state: 'succeeded';
      resultUrls: string[];
      cost?: ReportedCost;
      /** How long the provider says generation took, from its own timestamps. */
      generationMs?: number;
    }
  | { state: 'failed'; error: ProviderError };

/** An open download: the body to stream, and what the server said about the range. */
export interface DownloadStream {
  body: ReadableStream<Uint8Array>;
  /** 206 when the server resumed at the requested offset, 200 when it sent the whole file. */
  status: 200 | 206;
  /** Size of the whole file, when the server said (Content-Length or Content-Range). */
  totalBytes: number | undefined;
  etag: string | undefined;
}

export interface DownloadOptions {
  /** Resume from this byte (HTTP Range). */
  offset?: number;
  /** Only resume if the file is still this version (If-Range). */
  etag?: string;
  signal?: AbortSignal;
}

/** One provider behind one interface. Every failure is thrown as a ProviderError. */
export interface ProviderAdapter {
  readonly provider: ProviderId;
  /** Creates a paid job. Never retried here: a failure after sending is `unknown_outcome`. */
  submit(entry: ModelEntry, request: ResolvedRequest): Promise<TaskRef>;
  poll(task: TaskRef): Promise<PollResult>;
  openDownload(task: TaskRef, resultUrl: string, options?: DownloadOptions): Promise<DownloadStream>;
  /** Remaining balance, where the provider reports one. */
  balance?(): Promise<ReportedCost>;
  /** Asks the provider to stop a job, where it allows that. */
  cancel?(task: TaskRef): Promise<void>;
}
