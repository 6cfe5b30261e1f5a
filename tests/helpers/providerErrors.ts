import { expect } from 'vitest';
import { ProviderError } from '../../main/providers/errors.ts';

/** Awaits a call that must fail, and returns its ProviderError. */
export async function providerFailure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}
