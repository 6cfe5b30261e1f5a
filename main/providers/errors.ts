import { providerErrorKinds, type ProviderErrorKind } from '../../shared/providers/errorKinds.ts';
import type { ProviderId } from '../../shared/catalog/schema.ts';

export interface ProviderErrorInit {
  kind: ProviderErrorKind;
  /** The provider's own words or a precise description of what happened. */
  detail: string;
  provider: ProviderId;
  /** Overrides the kind's default, e.g. a task failure the provider marks transient. */
  retryable?: boolean;
  /** The provider's code: KIE body code or failCode, HTTP status, OpenAI error code. */
  providerCode?: string;
  /** How long the provider asked us to wait (Retry-After, retry-after-ms). */
  retryAfterMs?: number;
  cause?: unknown;
}

/** A provider failure, classified. Every adapter throws only these. */
export class ProviderError extends Error {
  readonly kind: ProviderErrorKind;
  readonly detail: string;
  readonly provider: ProviderId;
  readonly retryable: boolean;
  readonly providerCode: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(init: ProviderErrorInit) {
    super(`${init.provider}: ${init.kind}: ${init.detail}`, { cause: init.cause });
    this.name = 'ProviderError';
    this.kind = init.kind;
    this.detail = init.detail;
    this.provider = init.provider;
    this.retryable = init.retryable ?? providerErrorKinds[init.kind].retryableByDefault;
    this.providerCode = init.providerCode;
    this.retryAfterMs = init.retryAfterMs;
  }
}
