import { z } from 'zod';

/**
 * One error taxonomy for every provider. `retryableByDefault` is what the engine assumes unless
 * an adapter knows better (a task failure the provider marks transient, say).
 */
export const providerErrorKinds = {
  /** The key is missing, wrong or revoked: pause the batch and ask for a key. */
  auth: { retryableByDefault: false },
  /** Not enough credits or balance: pause the batch. */
  insufficient_funds: { retryableByDefault: false },
  /** The provider rejected the parameters: fix the row. */
  validation: { retryableByDefault: false },
  /** The content policy blocked the prompt or image: edit the row. */
  moderation: { retryableByDefault: false },
  /** Too many requests: wait (for the hint, if given) and try again. */
  rate_limited: { retryableByDefault: true },
  /** A passing fault (5xx, maintenance, timeout on a read). */
  transient: { retryableByDefault: true },
  /**
   * No connection could be made (no network, DNS, refused): nothing was sent, so nothing can have
   * been spent. The engine waits until the provider answers again, without using up attempts.
   */
  unreachable: { retryableByDefault: true },
  /** The provider accepted the job but generation failed. */
  provider_failed: { retryableByDefault: false },
  /** The model is disabled or retired: move the rows to another model. */
  model_unavailable: { retryableByDefault: false },
  /** The result link has expired: the video can no longer be downloaded from it. */
  expired: { retryableByDefault: false },
  /** A create request may or may not have reached the provider: never re-sent automatically. */
  unknown_outcome: { retryableByDefault: false },
} as const;

export type ProviderErrorKind = keyof typeof providerErrorKinds;
export const ProviderErrorKindSchema = z.enum(Object.keys(providerErrorKinds) as [ProviderErrorKind, ...ProviderErrorKind[]]);
